//! Home: every set with today's counts.

use dioxus::prelude::*;

use crate::{AppCtx, Screen, now};
use kioku_core::markdown;

#[component]
pub fn Home() -> Element {
    let ctx: AppCtx = use_context();
    let decks = match &*ctx.library.read() {
        Some(lib) => lib.decks(lib.now(now())),
        None => Vec::new(),
    };
    rsx! {
        header { class: "top",
            h1 { "kioku" }
            p { class: "tagline", "Study with spaced repetition" }
            nav { class: "top-actions",
                button { class: "link", onclick: move |_| super::editor::open(ctx, None), "New set" }
                button { class: "link", onclick: move |_| super::stats::open(ctx, None), "Statistics" }
                button { class: "link", onclick: move |_| ctx.go(Screen::Settings), "Settings" }
                button { class: "link", aria_label: "Keyboard shortcuts", onclick: move |_| super::help::open_help(ctx), "?" }
            }
        }
        main { class: "home",
            if decks.is_empty() {
                section { class: "empty",
                    h2 { "No question sets yet" }
                    p { "Put a question set file (.json) in the sets folder of your data directory, then restart kioku. "
                        "Check it first with " code { "kioku check FILE" } "." }
                }
            } else {
                h2 { class: "section-title", id: "decks-heading", "Your decks" }
                ul { class: "deck-list", aria_labelledby: "decks-heading",
                    onmounted: move |_| crate::timing_mark("home"),
                    for (i, d) in decks.into_iter().enumerate() {
                        li { class: "deck", key: "{d.id}",
                            div { class: "deck-main",
                                h3 { class: "deck-title", "{d.title}" }
                                if let Some(desc) = &d.description {
                                    div { class: "deck-description", dangerous_inner_html: markdown::to_html(desc) }
                                }
                                p { class: "deck-counts",
                                    span { class: "count new", title: "New cards today", "{d.new} new" }
                                    span { class: "count learning", title: "Learning cards today", "{d.learning} learning" }
                                    span { class: "count due", title: "Reviews due today", "{d.due} due" }
                                    span { class: "count total", "{d.total} cards" }
                                }
                                div {
                                    class: "mastery",
                                    role: "progressbar",
                                    aria_label: "Mastered",
                                    aria_valuemin: "0",
                                    aria_valuemax: "100",
                                    aria_valuenow: "{(d.mastered * 100.0).round()}",
                                    div { class: "mastery-fill", style: "width: {d.mastered * 100.0}%" }
                                }
                                p { class: "mastery-label", "{(d.mastered * 100.0).round()}% mastered" }
                            }
                            div { class: "deck-actions",
                                button {
                                    class: "primary",
                                    aria_keyshortcuts: "{i + 1}",
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::study::start_study(ctx, Some(id.clone()))
                                    },
                                    if d.new + d.learning + d.due == 0 { "Study (nothing due)" } else { "Study" }
                                    if i < 9 { kbd { class: "hint", "{i + 1}" } }
                                }
                                button {
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::exam::open_setup(ctx, id.clone())
                                    },
                                    "Self-test"
                                }
                                button {
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::cram::open_setup(ctx, id.clone())
                                    },
                                    "Cram"
                                }
                                button {
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::stats::open(ctx, Some(id.clone()))
                                    },
                                    "Stats"
                                }
                                button {
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::editor::open(ctx, Some(id.clone()))
                                    },
                                    if d.builtin { "Copy to edit" } else { "Edit" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
