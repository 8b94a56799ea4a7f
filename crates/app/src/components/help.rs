//! The `?` overlay listing every keyboard shortcut.

use dioxus::prelude::*;

use crate::{AppCtx, Lang, t};

/// A message in a language: a closure calling `t!` with the key written
/// out, so that the message tests (`every_key_the_code_uses_exists`) see
/// each key.
type Words = fn(Lang) -> String;

/// (keys, what they do), grouped by screen (the group's name first).
pub const SHORTCUTS: &[(Words, &[(&str, Words)])] = &[
    (
        |l| t!(l, "help-everywhere"),
        &[
            ("?", |l| t!(l, "help-toggle")),
            ("Esc", |l| t!(l, "help-back")),
            ("Tab", |l| t!(l, "help-tab")),
        ],
    ),
    (
        |l| t!(l, "help-decks"),
        &[
            ("1–9", |l| t!(l, "help-study-deck")),
            ("N", |l| t!(l, "help-new-set")),
            ("S", |l| t!(l, "help-settings")),
        ],
    ),
    (
        |l| t!(l, "help-studying"),
        &[
            ("Space / Enter", |l| t!(l, "help-space")),
            ("1 2 3 4", |l| t!(l, "help-rate")),
            ("1–9 / A–J", |l| t!(l, "help-pick-choice")),
            ("T / F", |l| t!(l, "help-true-false")),
            ("O", |l| t!(l, "help-open-source")),
            ("Ctrl+Z", |l| t!(l, "help-undo")),
            ("Z", |l| t!(l, "help-zoom-card")),
            ("R", |l| t!(l, "help-replay-card")),
        ],
    ),
    (
        |l| t!(l, "help-self-test"),
        &[
            ("Enter", |l| t!(l, "help-next-question")),
            ("1–9 / A–J", |l| t!(l, "help-pick")),
            ("T / F", |l| t!(l, "help-true-false")),
            ("Y / N", |l| t!(l, "help-known")),
            ("Z", |l| t!(l, "help-zoom-question")),
            ("R", |l| t!(l, "help-replay-question")),
        ],
    ),
    (
        |l| t!(l, "help-editing"),
        &[("Ctrl+S", |l| t!(l, "help-save-set"))],
    ),
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
                        h3 { {group(lang)} }
                        dl { class: "shortcuts",
                            for (k, what) in keys.iter() {
                                dt { kbd { "{k}" } }
                                dd { {what(lang)} }
                            }
                        }
                    }
                }
            }
        }
    }
}
