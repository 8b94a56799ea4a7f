//! The list of question sets on the home screen.

use std::rc::Rc;

use dioxus::prelude::*;

use crate::bank::QuestionSet;
use crate::markdown;

#[component]
pub fn DeckList(sets: Rc<Vec<QuestionSet>>) -> Element {
    if sets.is_empty() {
        return rsx! {
            section { class: "empty", aria_label: "No question sets",
                p { "No question sets yet. Add a set file to the sets folder in your data directory." }
            }
        };
    }
    rsx! {
        section { class: "decks", aria_labelledby: "decks-heading",
            h2 { id: "decks-heading", "Your decks" }
            ul { class: "deck-list",
                for set in sets.iter() {
                    li { class: "deck", key: "{set.id}",
                        h3 { class: "deck-title", "{set.title}" }
                        if let Some(description) = &set.description {
                            div {
                                class: "deck-description",
                                dangerous_inner_html: markdown::to_html(description),
                            }
                        }
                        p { class: "deck-counts",
                            "{set.questions.len()} questions · {set.card_count()} cards"
                        }
                    }
                }
            }
        }
    }
}
