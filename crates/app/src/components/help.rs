//! The `?` overlay listing every keyboard shortcut.

use dioxus::prelude::*;

use crate::{AppCtx, t};

/// (keys, the message saying what they do), grouped by screen (the
/// group's message first).
pub const SHORTCUTS: &[(&str, &[(&str, &str)])] = &[
    (
        "help-everywhere",
        &[
            ("?", "help-toggle"),
            ("Esc", "help-back"),
            ("Tab", "help-tab"),
        ],
    ),
    (
        "help-decks",
        &[
            ("1–9", "help-study-deck"),
            ("N", "help-new-set"),
            ("S", "help-settings"),
        ],
    ),
    (
        "help-studying",
        &[
            ("Space / Enter", "help-space"),
            ("1 2 3 4", "help-rate"),
            ("1–9 / A–J", "help-pick-choice"),
            ("T / F", "help-true-false"),
            ("O", "help-open-source"),
            ("Ctrl+Z", "help-undo"),
            ("Z", "help-zoom-card"),
            ("R", "help-replay-card"),
        ],
    ),
    (
        "help-self-test",
        &[
            ("Enter", "help-next-question"),
            ("1–9 / A–J", "help-pick"),
            ("T / F", "help-true-false"),
            ("Y / N", "help-known"),
            ("Z", "help-zoom-question"),
            ("R", "help-replay-question"),
        ],
    ),
    ("help-editing", &[("Ctrl+S", "help-save-set")]),
];

/// Open the overlay, remembering what had focus.
pub fn open_help(mut ctx: AppCtx) {
    if !*ctx.help_open.peek() {
        crate::remember_focus();
        ctx.help_open.set(true);
    }
}

/// Close the overlay (by `?`, Esc or its Close button) and give focus back,
/// so the shortcuts keep working.
pub fn close_help(mut ctx: AppCtx) {
    ctx.help_open.set(false);
    crate::refocus();
}

/// The `?` key: open the overlay, or close it when open.
pub fn toggle_help(ctx: AppCtx) {
    if *ctx.help_open.peek() {
        close_help(ctx);
    } else {
        open_help(ctx);
    }
}

#[component]
pub fn Help() -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
    rsx! {
        div { class: "overlay", role: "dialog", aria_modal: "true", aria_labelledby: "help-title",
            div { class: "dialog help",
                // The title and Close stay put; only the list scrolls, so
                // focusing Close never scrolls the title out of view.
                div { class: "dialog-head",
                    h2 { id: "help-title", {t!(lang, "app-shortcuts")} }
                    button {
                        class: "primary",
                        onclick: move |_| close_help(ctx),
                        onmounted: move |e| async move {
                            let _ = e.set_focus(true).await;
                        },
                        {t!(lang, "app-close")}
                    }
                }
                div { class: "dialog-body",
                    for (group, keys) in SHORTCUTS.iter() {
                        h3 { {kioku_i18n::tr(lang, group, &[])} }
                        dl { class: "shortcuts",
                            for (k, what) in keys.iter() {
                                dt { kbd { "{k}" } }
                                dd { {kioku_i18n::tr(lang, what, &[])} }
                            }
                        }
                    }
                }
            }
        }
    }
}
