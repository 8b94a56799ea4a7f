//! Cram set-up: study a set outside the schedule (all cards, a tag, the
//! recently missed, or the new), in order or shuffled.

use dioxus::prelude::*;

use crate::{AppCtx, Screen, now, t};
use kioku_core::bank::SetId;
use kioku_core::study::{CramFilter, StudySession, cram_cards};

pub fn open_setup(ctx: AppCtx, set: SetId) {
    ctx.go(Screen::CramSetup(set));
}

#[component]
pub fn CramSetup() -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
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
                    error.set(Some(t!(lang, "app-cram-none")));
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
            Err(e) => ctx.fail(crate::describe(*ctx.lang.peek(), &e)),
        }
    };
    let options = [
        ("all", t!(lang, "app-cram-all")),
        ("new", t!(lang, "app-cram-new")),
        ("wrong", t!(lang, "app-cram-wrong")),
        ("tag", t!(lang, "app-cram-tag")),
    ];
    rsx! {
        header { class: "top",
            button { class: "link", onclick: move |_| ctx.go(Screen::Home), {t!(lang, "app-back-decks")} }
            h1 { {t!(lang, "app-cram")} }
        }
        main { class: "settings",
            p { class: "lead", {t!(lang, "app-cram-lead", title = &title)} }
            form { onsubmit: move |e| e.prevent_default(),
                fieldset {
                    legend { {t!(lang, "app-cram-which")} }
                    for (value, label) in options {
                        label { class: "check radio-line",
                            input { r#type: "radio", name: "which", value: value, checked: *which.read() == value,
                                onchange: move |_| which.set(value.to_owned()) }
                            "{label}"
                        }
                    }
                    if *which.read() == "tag" {
                        div { class: "field",
                            label { r#for: "cram-tag", {t!(lang, "app-tag")} }
                            select { id: "cram-tag", value: "{chosen_tag}", onchange: move |e| tag.set(e.value()),
                                for t in tags.iter() { option { value: "{t}", "{t}" } }
                            }
                        }
                    }
                }
                fieldset {
                    legend { {t!(lang, "app-cram-how")} }
                    label { class: "check radio-line",
                        input { r#type: "checkbox", checked: *shuffle.read(), onchange: move |e: FormEvent| shuffle.set(e.checked()) }
                        {t!(lang, "app-cram-shuffle")}
                    }
                    label { class: "check radio-line",
                        input { r#type: "checkbox", checked: *counts.read(), onchange: move |e: FormEvent| counts.set(e.checked()) }
                        {t!(lang, "app-cram-counts")}
                    }
                }
                if let Some(e) = error.read().as_ref() {
                    p { class: "form-error", role: "alert", "{e}" }
                }
                div { class: "form-actions",
                    button { class: "primary", r#type: "button", onclick: start, {t!(lang, "app-cram-start")} }
                }
            }
        }
    }
}
