//! Cram set-up: study a set outside the schedule (all cards, a tag, the
//! recently missed, or the new), in order or shuffled.

use dioxus::prelude::*;

use crate::{AppCtx, Screen, now};
use kioku_core::bank::SetId;
use kioku_core::study::{CramFilter, StudySession, cram_cards};

pub fn open_setup(ctx: AppCtx, set: SetId) {
    ctx.go(Screen::CramSetup(set));
}

#[component]
pub fn CramSetup() -> Element {
    let ctx: AppCtx = use_context();
    // Every hook before the first early return.
    let mut which = use_signal(|| "all".to_owned());
    // Empty until a tag is picked: the set's first tag then.
    let mut tag = use_signal(String::new);
    let mut shuffle = use_signal(|| true);
    let mut counts = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let Screen::CramSetup(set_id) = ctx.screen.read().clone() else {
        return rsx! {};
    };
    let (title, tags) = match ctx.library.read().as_ref().and_then(|l| l.set(&set_id)) {
        Some(s) => {
            let mut tags: Vec<String> = s.questions.iter().flat_map(|q| q.tags.clone()).collect();
            tags.sort();
            tags.dedup();
            (s.title.clone(), tags)
        }
        None => return rsx! {},
    };
    let chosen_tag = match tag.read().as_str() {
        "" => tags.first().cloned().unwrap_or_default(),
        t => t.to_owned(),
    };
    let tag_for_start = chosen_tag.clone();
    let start = move |_| {
        let filter = match which.read().as_str() {
            "new" => CramFilter::New,
            "wrong" => CramFilter::RecentlyWrong,
            "tag" => CramFilter::Tag(tag_for_start.clone()),
            _ => CramFilter::All,
        };
        let seed = shuffle.read().then(rand::random::<u64>);
        let started = match ctx.library.read().as_ref() {
            Some(lib) => {
                let cards = cram_cards(lib, &set_id, &filter, seed, now());
                if cards.is_empty() {
                    error.set(Some("No cards match. Pick another set of cards.".into()));
                    return;
                }
                StudySession::start_cram(lib, set_id.clone(), cards, *counts.read(), now())
            }
            None => return,
        };
        match started {
            Ok(s) => {
                ctx.go(Screen::Study(s));
            }
            Err(e) => ctx.fail(e),
        }
    };
    let options = [
        ("all", "All cards"),
        ("new", "Only new cards"),
        ("wrong", "Cards I got wrong in the last 7 days"),
        ("tag", "Cards with a tag"),
    ];
    rsx! {
        header { class: "top",
            button { class: "link", onclick: move |_| ctx.go(Screen::Home), "← Decks" }
            h1 { "Cram" }
        }
        main { class: "settings",
            p { class: "lead", "Go through " strong { "{title}" } " outside the schedule. Your review schedule is not changed unless you ask." }
            form { onsubmit: move |e| e.prevent_default(),
                fieldset {
                    legend { "Which cards" }
                    for (value, label) in options {
                        label { class: "check radio-line",
                            input { r#type: "radio", name: "which", value: value, checked: *which.read() == value,
                                onchange: move |_| which.set(value.to_owned()) }
                            "{label}"
                        }
                    }
                    if *which.read() == "tag" {
                        div { class: "field",
                            label { r#for: "cram-tag", "Tag" }
                            select { id: "cram-tag", value: "{chosen_tag}", onchange: move |e| tag.set(e.value()),
                                for t in tags.iter() { option { value: "{t}", "{t}" } }
                            }
                        }
                    }
                }
                fieldset {
                    legend { "How" }
                    label { class: "check radio-line",
                        input { r#type: "checkbox", checked: *shuffle.read(), onchange: move |e: FormEvent| shuffle.set(e.checked()) }
                        "Shuffle the cards"
                    }
                    label { class: "check radio-line",
                        input { r#type: "checkbox", checked: *counts.read(), onchange: move |e: FormEvent| counts.set(e.checked()) }
                        "Also count my answers as reviews (changes the schedule)"
                    }
                }
                if let Some(e) = error.read().as_ref() {
                    p { class: "form-error", role: "alert", "{e}" }
                }
                div { class: "form-actions",
                    button { class: "primary", r#type: "button", onclick: start, "Start cramming" }
                }
            }
        }
    }
}
