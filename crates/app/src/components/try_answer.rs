//! "Try an answer", in the editor's preview: the author answers the
//! question being written as a student would and sees the grader's verdict
//! and why — judged by the core grader's `judge` under the set's language,
//! exactly as `kioku grade` does.

use dioxus::prelude::*;

use super::field::keep_key_in_field;
use crate::t;
use kioku_core::bank::{CardVariant, QuestionBody, QuestionKind};
use kioku_core::editor::{Draft, DraftQuestion};
use kioku_core::grader::{Judgement, Response, judge};

/// The answer field's and the blank picker's ids (their labels point at
/// them).
const FIELD: &str = "try-answer";
const BLANK: &str = "try-blank";

/// The question as the grader sees it, if the form holds a valid one.
fn body_of(question: &DraftQuestion) -> Option<QuestionBody> {
    let mut q = question.clone();
    if q.id.is_empty() {
        "preview".clone_into(&mut q.id);
    }
    // Only the question is checked: the set's own fields (its language
    // too) may be half typed.
    let draft = Draft {
        questions: vec![q],
        ..Draft::new_set("Preview", &[])
    };
    let set = draft.check().ok()?;
    set.questions.into_iter().next().map(|q| q.body)
}

#[component]
pub fn TryAnswer(question: DraftQuestion, language: String) -> Element {
    // What the field holds (it is uncontrolled: this follows it), and the
    // answer last tried with Enter or the button.
    let mut typed = use_signal(String::new);
    let mut tried = use_signal(|| None::<String>);
    let mut blank = use_signal(|| 1u16);
    let mut picked = use_signal(Vec::<usize>::new);
    let mut truth = use_signal(|| None::<bool>);
    let lang = crate::use_lang();
    if question.kind == QuestionKind::Flashcard {
        // Self-graded: nothing to try.
        return rsx! {};
    }
    let Some(body) = body_of(&question) else {
        return rsx! {
            div { class: "try-answer",
                h3 { {t!(lang, "app-try-answer")} }
                p { class: "hint-text", {t!(lang, "app-try-fix-first")} }
            }
        };
    };
    // A cloze's cards: one per deletion, or per shared number.
    let cards: Vec<u16> = match &body {
        QuestionBody::Cloze { text } => text.card_numbers(),
        _ => Vec::new(),
    };
    let blanks = cards.len();
    let chosen = *blank.read();
    let n = if cards.contains(&chosen) {
        chosen
    } else {
        cards.first().copied().unwrap_or(1)
    };
    let variant = if blanks > 0 {
        CardVariant::Cloze(n)
    } else {
        CardVariant::Forward
    };
    let response = match &body {
        QuestionBody::Typed { .. } | QuestionBody::Cloze { .. } => {
            tried.read().clone().map(Response::Typed)
        }
        QuestionBody::MultipleChoice { .. } => {
            (!picked.read().is_empty()).then(|| Response::Choices(picked.read().clone()))
        }
        QuestionBody::TrueFalse { .. } => (*truth.read()).map(Response::TrueFalse),
        QuestionBody::Flashcard { .. } => None,
    };
    let judgement = response
        .as_ref()
        .map(|r| (r.clone(), judge(&body, variant, r, &language)));
    let mut try_it = move || tried.set(Some(typed.read().clone()));
    rsx! {
        section { class: "try-answer", aria_label: t!(lang, "app-try-answer"),
            h3 { {t!(lang, "app-try-answer")} }
            match &body {
                QuestionBody::Typed { .. } | QuestionBody::Cloze { .. } => rsx! {
                    if blanks > 1 {
                        div { class: "field",
                            label { r#for: "{BLANK}", {t!(lang, "app-blank")} }
                            select { id: "{BLANK}",
                                onchange: move |e| if let Ok(v) = e.value().parse::<u16>() { blank.set(v) },
                                for k in cards.iter().copied() { option { value: "{k}", selected: n == k, {t!(lang, "app-blank-n", n = k)} } }
                            }
                        }
                    }
                    div { class: "try-row",
                        label { class: "visually-hidden", r#for: "{FIELD}", {t!(lang, "app-your-answer")} }
                        // Uncontrolled, like the study screen's answer field.
                        input { id: "{FIELD}", r#type: "text", autocomplete: "off", spellcheck: "false",
                            placeholder: t!(lang, "app-try-placeholder"),
                            oninput: move |e| typed.set(e.value()),
                            onkeydown: move |e| {
                                keep_key_in_field(&e);
                                // Enter that ends an IME composition is the
                                // input method's, not a try.
                                if e.key() == Key::Enter && !e.is_composing() {
                                    e.prevent_default();
                                    try_it();
                                }
                            } }
                        button { r#type: "button", onclick: move |_| try_it(), {t!(lang, "app-try")} }
                    }
                },
                QuestionBody::MultipleChoice { choices, .. } => rsx! {
                    div { class: "check-list",
                        for (j, c) in choices.iter().enumerate() {
                            label { class: "check",
                                input { r#type: "checkbox", checked: picked.read().contains(&j),
                                    onchange: move |e: FormEvent| {
                                        let on = e.checked();
                                        let mut p = picked.write();
                                        p.retain(|&k| k != j);
                                        if on { p.push(j) }
                                    } }
                                "{c}"
                            }
                        }
                    }
                },
                QuestionBody::TrueFalse { .. } => rsx! {
                    div { class: "try-row",
                        button { r#type: "button", aria_pressed: *truth.read() == Some(true), onclick: move |_| truth.set(Some(true)), {t!(lang, "answer-true")} }
                        button { r#type: "button", aria_pressed: *truth.read() == Some(false), onclick: move |_| truth.set(Some(false)), {t!(lang, "answer-false")} }
                    }
                },
                QuestionBody::Flashcard { .. } => rsx! {},
            }
            if let Some((response, j)) = judgement {
                Verdict { response, judgement: j }
            }
        }
    }
}

#[component]
fn Verdict(response: Response, judgement: Judgement) -> Element {
    let lang = crate::use_lang();
    let (mark, class) = match judgement.verdict.is_correct() {
        Some(true) => (t!(lang, "app-try-accepted"), "try-verdict right"),
        Some(false) => (t!(lang, "app-try-rejected"), "try-verdict wrong"),
        None => (t!(lang, "app-reason-self-graded"), "try-verdict"),
    };
    let what = match &response {
        Response::Typed(t) => format!("“{t}”: "),
        _ => String::new(),
    };
    let detail = kioku_i18n::words::detail(lang, &judgement.why);
    let reason = kioku_i18n::words::reason(lang, judgement.reason);
    rsx! {
        p { class, role: "status",
            strong { "{mark}" }
            " ({reason}) — {what}{detail}"
        }
    }
}
