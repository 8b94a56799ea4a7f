//! The `?` overlay listing every keyboard shortcut.

use dioxus::prelude::*;

use crate::AppCtx;

/// (keys, what they do), grouped by screen.
pub const SHORTCUTS: &[(&str, &[(&str, &str)])] = &[
    (
        "Everywhere",
        &[
            ("?", "Show or hide this list"),
            ("Esc", "Back / close"),
            ("Tab", "Move between controls"),
        ],
    ),
    (
        "Decks",
        &[
            ("1–9", "Study deck 1–9"),
            ("N", "New set"),
            ("S", "Settings"),
        ],
    ),
    (
        "Studying",
        &[
            (
                "Space / Enter",
                "Show the answer; after answering, rate Good (or the suggested rating)",
            ),
            ("1 2 3 4", "Rate Again, Hard, Good, Easy"),
            ("1–9 or A–J", "Pick a choice (multiple choice)"),
            ("T / F", "Answer true or false"),
            (
                "O",
                "After answering: open the source with the quoted passage highlighted (Esc returns)",
            ),
            ("Ctrl+Z", "Undo the last answer"),
            ("Z", "Enlarge the card's image (or click it); Esc closes"),
            ("R", "Replay the card's sound"),
        ],
    ),
    (
        "Self-test",
        &[
            ("Enter", "Next question"),
            ("1–9 or A–J", "Pick a choice"),
            ("T / F", "Answer true or false"),
            ("Y / N", "Mark a flashcard as known or not"),
            (
                "Z",
                "Enlarge the question's image (or click it); Esc closes",
            ),
            ("R", "Replay the question's sound"),
        ],
    ),
    ("Editing a set", &[("Ctrl+S", "Save the set")]),
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
    rsx! {
        div { class: "overlay", role: "dialog", aria_modal: "true", aria_labelledby: "help-title",
            div { class: "dialog help",
                // The title and Close stay put; only the list scrolls, so
                // focusing Close never scrolls the title out of view.
                div { class: "dialog-head",
                    h2 { id: "help-title", "Keyboard shortcuts" }
                    button {
                        class: "primary",
                        onclick: move |_| close_help(ctx),
                        onmounted: move |e| async move {
                            let _ = e.set_focus(true).await;
                        },
                        "Close"
                    }
                }
                div { class: "dialog-body",
                    for (group, keys) in SHORTCUTS.iter() {
                        h3 { "{group}" }
                        dl { class: "shortcuts",
                            for (k, what) in keys.iter() {
                                dt { kbd { "{k}" } }
                                dd { "{what}" }
                            }
                        }
                    }
                }
            }
        }
    }
}
