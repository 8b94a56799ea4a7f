//! The study screen: one card at a time, answer, rate, and a summary.

use dioxus::prelude::*;

use super::reader::{ReadInContext, SourceReader, request_for, source_label};
use crate::{AppCtx, Screen, new_event_id, now};
use kioku_core::bank::{QuestionKind, SetId};
use kioku_core::card::CardView;
use kioku_core::grader::Verdict;
use kioku_core::markdown;
use kioku_core::scheduler::Rating;
use kioku_core::study::{Announcement, Current, Phase, StudySession};

/// Start studying `set` (or all sets).
pub fn start_study(ctx: AppCtx, set: Option<SetId>) {
    let started = match &*ctx.library.read() {
        Some(lib) => StudySession::start(lib, set, now()),
        None => return,
    };
    match started {
        Ok(s) => {
            ctx.go(Screen::Study(s));
        }
        Err(e) => ctx.fail(crate::describe(&e)),
    }
}

/// Run `f` on the session and the library; errors go to the banner.
pub fn act(
    ctx: AppCtx,
    f: impl FnOnce(
        &mut StudySession,
        &mut kioku_core::library::Library,
    ) -> Result<(), kioku_core::library::LibraryError>,
) {
    let mut screen = ctx.screen;
    let mut library = ctx.library;
    let mut screen = screen.write();
    let mut library = library.write();
    if let (Screen::Study(s), Some(lib)) = (&mut *screen, library.as_mut())
        && let Err(e) = f(s, lib)
    {
        drop(screen);
        ctx.fail(crate::describe(&e));
    }
    crate::refocus();
}

pub fn submit(ctx: AppCtx, tf: Option<bool>) {
    act(ctx, |s, lib| {
        s.submit(lib, tf);
        Ok(())
    });
}

/// What the answer field holds now (its `oninput`).
fn set_typed(ctx: AppCtx, text: String) {
    ctx.with_study(|s| s.set_typed(text));
}

pub fn rate(ctx: AppCtx, rating: Rating) {
    act(ctx, |s, lib| s.rate(lib, rating, now(), new_event_id()));
    crate::save_snapshot_soon(ctx);
}

pub fn undo(ctx: AppCtx) {
    act(ctx, |s, lib| s.undo(lib, now(), new_event_id()).map(|_| ()));
}

pub fn leave(ctx: AppCtx) {
    ctx.go(Screen::Home);
}

#[component]
pub fn Study() -> Element {
    let ctx: AppCtx = use_context();
    let Some(session) = ctx.study() else {
        return rsx! {};
    };
    let title = match (&session.set, &*ctx.library.read()) {
        (Some(id), Some(lib)) => lib.set(id).map(|s| s.title.clone()).unwrap_or_default(),
        _ => "All decks".to_owned(),
    };
    let title = if session.cram.is_some() {
        format!("Cram · {title}")
    } else {
        title
    };
    let cramming = session.cram.as_ref().is_some_and(|c| !c.counts_as_reviews);
    let r = session.remaining;
    // This session's answers, or earlier ones in this window (the library
    // keeps their undo after leaving the study screen).
    let can_undo = session.studied > 0
        || (!cramming
            && ctx
                .library
                .read()
                .as_ref()
                .is_some_and(|l| l.undo_depth() > 0));
    let pct = (session.progress() * 100.0).round();
    rsx! {
        header { class: "study-top",
            button { class: "link", aria_keyshortcuts: "Escape", onclick: move |_| leave(ctx), "← Decks" }
            h1 { class: "study-title", "{title}" }
            if session.cram.is_some() {
                p { class: "remaining", aria_label: "Remaining", span { class: "count due", "{r.review} to go" } }
            } else {
                p { class: "remaining", aria_label: "Remaining today",
                    span { class: "count new", "{r.new} new" }
                    span { class: "count learning", "{r.learning} learning" }
                    span { class: "count due", "{r.review} review" }
                }
            }
            button {
                class: "link",
                aria_keyshortcuts: "Control+Z",
                disabled: !can_undo,
                onclick: move |_| undo(ctx),
                "Undo"
            }
        }
        div {
            class: "progress",
            role: "progressbar",
            aria_label: "Session progress",
            aria_valuemin: "0",
            aria_valuemax: "100",
            aria_valuenow: "{pct}",
            div { class: "progress-fill", style: "width: {pct}%" }
        }
        main { class: "study",
            match &session.current {
                // Keyed per showing: a new card (or the same card again after
                // undo) gets a new panel, and so a fresh, empty answer field.
                // (A key inside a component's own template does not do this.)
                Some(current) => rsx! {
                    CardPanel { key: "{current.view.key}-{current.shown_at}", current: current.clone(), cramming }
                },
                None => rsx! { SummaryPanel { session: session.clone() } },
            }
        }
        div { class: "visually-hidden", role: "status", aria_live: "polite", {announcement_text(session.announcement.as_ref())} }
        SourceReader {}
    }
}

/// What the session tells screen readers, worded. English for now; the
/// app's screens move to kioku-i18n in a later change.
fn announcement_text(a: Option<&Announcement>) -> String {
    match a {
        None => String::new(),
        Some(Announcement::NextCard { prompt }) => format!("Next card: {prompt}"),
        Some(Announcement::Finished) => "No more cards due. Session summary shown.".into(),
        Some(Announcement::Answer { answer }) => format!("Answer: {answer}"),
        Some(Announcement::Correct) => "Correct.".into(),
        Some(Announcement::CorrectWithTypo { expected }) => {
            format!("Correct, with a typo. The answer is {expected}.")
        }
        Some(Announcement::Wrong { answer }) => format!("Wrong. The answer is {answer}."),
        Some(Announcement::NothingToUndo) => "Nothing to undo.".into(),
        Some(Announcement::Undone) => "Undone. The card is shown again.".into(),
    }
}

#[component]
fn CardPanel(current: Current, cramming: bool) -> Element {
    let view = &current.view;
    let phase_key = match current.phase {
        Phase::Question => "q",
        Phase::Answered { .. } => "a",
    };
    rsx! {
        article {
            class: "card card-{view.kind}",
            key: "{view.key}-{phase_key}",
            aria_label: "Card",
            tabindex: "-1",
            "data-focus-home": "true",
            // Keyboard focus follows the card so shortcuts keep working.
            onmounted: move |e| async move {
                crate::timing_mark("card");
                let _ = e.set_focus(true).await;
            },
            div { class: "card-kind", "{kind_label(view.kind)}" }
            div { class: "prompt", dangerous_inner_html: markdown::to_html_with_media(&view.prompt, &view.key.set) }
            match &current.phase {
                Phase::Question => rsx! { QuestionInput { current: current.clone() } },
                Phase::Answered { verdict } => rsx! {
                    Feedback { current: current.clone(), verdict: verdict.clone() }
                    if matches!(verdict, Verdict::SelfGraded) {
                        h2 { class: "rate-prompt", id: "rate-prompt", "How well did you know it?" }
                    }
                    Ratings { current: current.clone(), suggested: verdict.suggested_rating(), cramming }
                },
            }
        }
        if view.kind != QuestionKind::Flashcard || matches!(current.phase, Phase::Answered { .. }) {
            p { class: "key-hint", "Press ? for shortcuts" }
        }
    }
}

fn kind_label(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Flashcard => "Flashcard",
        QuestionKind::Typed => "Type the answer",
        QuestionKind::MultipleChoice => "Multiple choice",
        QuestionKind::TrueFalse => "True or false",
        QuestionKind::Cloze => "Fill in the blank",
    }
}

#[component]
fn QuestionInput(current: Current) -> Element {
    let ctx: AppCtx = use_context();
    let view = &current.view;
    match view.kind {
        QuestionKind::Typed | QuestionKind::Cloze => {
            let empty = current.typed.is_empty();
            let label = if view.kind == QuestionKind::Cloze {
                "Missing text"
            } else {
                "Your answer"
            };
            rsx! {
                form {
                    class: "answer-form",
                    onsubmit: move |e| {
                        e.prevent_default();
                        submit(ctx, None);
                    },
                    label { r#for: "answer", "{label}" }
                    input {
                        id: "answer",
                        r#type: "text",
                        autocomplete: "off",
                        spellcheck: "false",
                        // Uncontrolled: the field keeps what is typed and the
                        // session follows it. Writing `value` back on every
                        // render races fast typing over the webview bridge and
                        // drops keys. The panel is keyed per showing (in
                        // `Study`), so each card gets a fresh, empty field.
                        oninput: move |e| set_typed(ctx, e.value()),
                        onkeydown: move |e| {
                            // Typing must not trigger the card shortcuts, but
                            // Ctrl+Z in an empty field undoes the last answer.
                            let ctrl = e.modifiers().ctrl() || e.modifiers().meta();
                            let session_undo = ctrl && e.key() == Key::Character("z".into()) && empty;
                            if e.key() != Key::Escape && !session_undo {
                                e.stop_propagation();
                            }
                            // Enter that ends an IME composition is the input
                            // method's, not a submit.
                            if e.key() == Key::Enter && !e.is_composing() {
                                e.prevent_default();
                                submit(ctx, None);
                            }
                        },
                        onmounted: move |e| async move {
                            let _ = e.set_focus(true).await;
                        },
                    }
                    button { class: "primary", r#type: "submit", "Check" kbd { class: "hint", "Enter" } }
                }
            }
        }
        QuestionKind::MultipleChoice => {
            let choices = view.choices.clone().unwrap_or_default();
            let select_all = view.select_all;
            rsx! {
                fieldset { class: "choices",
                    legend {
                        if select_all { "Select all that apply. All must be right to score." } else { "Pick one." }
                    }
                    for (i, c) in choices.into_iter().enumerate() {
                        button {
                            class: if current.picked.contains(&c.index) { "choice picked" } else { "choice" },
                            role: if select_all { "checkbox" } else { "radio" },
                            aria_checked: "{current.picked.contains(&c.index)}",
                            aria_keyshortcuts: "{i + 1}",
                            onkeydown: move |e| stop_activation_keys(&e),
                            onclick: move |_| act(ctx, |s, _| {
                                s.toggle_shown_choice(i);
                                Ok(())
                            }),
                            kbd { class: "hint", "{i + 1}" }
                            span { dangerous_inner_html: markdown::to_inline_html_with_media(&c.text, &view.key.set) }
                        }
                    }
                }
                button {
                    class: "primary",
                    disabled: current.picked.is_empty(),
                    onkeydown: move |e| stop_activation_keys(&e),
                    onclick: move |_| submit(ctx, None),
                    "Check" kbd { class: "hint", "Enter" }
                }
            }
        }
        QuestionKind::TrueFalse => rsx! {
            div { class: "tf",
                button { class: "primary", aria_keyshortcuts: "T", onkeydown: move |e| stop_activation_keys(&e), onclick: move |_| submit(ctx, Some(true)), "True" kbd { class: "hint", "T" } }
                button { class: "primary", aria_keyshortcuts: "F", onkeydown: move |e| stop_activation_keys(&e), onclick: move |_| submit(ctx, Some(false)), "False" kbd { class: "hint", "F" } }
            }
        },
        _ => rsx! {
            button {
                class: "primary reveal",
                aria_keyshortcuts: "Space",
                onkeydown: move |e| stop_activation_keys(&e),
                onclick: move |_| submit(ctx, None),
                "Show answer" kbd { class: "hint", "Space" }
            }
        },
    }
}

/// A focused button handles Enter and Space itself (as a click): keep the
/// card shortcuts from acting on the same key press too.
pub fn stop_activation_keys(e: &KeyboardEvent) {
    if matches!(e.key(), Key::Enter) || e.key() == Key::Character(" ".into()) {
        e.stop_propagation();
    }
}

#[component]
fn Feedback(current: Current, verdict: Verdict) -> Element {
    let ctx: AppCtx = use_context();
    let view = &current.view;
    let reader = request_for(ctx, view);
    let (class, text) = match &verdict {
        Verdict::SelfGraded => ("", String::new()),
        Verdict::Correct => ("verdict right", "✓ Correct".to_owned()),
        Verdict::CorrectWithTypo { expected } => (
            "verdict right",
            format!("✓ Correct, with a typo: “{expected}”"),
        ),
        Verdict::Wrong => ("verdict wrong", "✗ Not quite".to_owned()),
    };
    let typed = view.kind.is_typed() && !matches!(verdict, Verdict::SelfGraded | Verdict::Correct);
    rsx! {
        // A flashcard has no verdict: the learner rates it (a heading over
        // the ratings, not a box that looks like a disabled button).
        if !matches!(verdict, Verdict::SelfGraded) {
            div { class: "{class}", role: "status", "{text}" }
        }
        if typed {
            p { class: "you-wrote", "You wrote: " span { class: "mine", if current.typed.trim().is_empty() { "(nothing)" } else { "{current.typed}" } } }
        }
        if let Some(choices) = &view.choices {
            ul { class: "choices-result",
                for c in choices.iter() {
                    li {
                        class: choice_class(view, &current, c.index),
                        span { dangerous_inner_html: markdown::to_inline_html_with_media(&c.text, &view.key.set) }
                        if is_correct_choice(view, c.index) { span { class: "tag", " ✓ right answer" } }
                        if current.picked.contains(&c.index) { span { class: "tag", " · your pick" } }
                    }
                }
            }
        } else {
            div { class: "answer",
                span { class: "answer-label", "Answer" }
                div { dangerous_inner_html: markdown::to_html_with_media(&view.answer, &view.key.set) }
            }
        }
        if let Some(e) = &view.explanation {
            div { class: "explanation", dangerous_inner_html: markdown::to_html_with_media(e, &view.key.set) }
        }
        if let Some(s) = &view.source {
            figure { class: "source",
                figcaption {
                    match reader {
                        Some(request) => rsx! { ReadInContext { request } },
                        None => rsx! { "{source_label(view.source_title.as_deref())}" },
                    }
                }
                blockquote { "“{s}”" }
            }
        }
    }
}

fn is_correct_choice(view: &CardView, index: usize) -> bool {
    // The answer text lists the right choices; compare by text.
    view.choices
        .as_ref()
        .and_then(|cs| cs.iter().find(|c| c.index == index))
        .is_some_and(|c| view.answer.split("; ").any(|a| a == c.text))
}

fn choice_class(view: &CardView, current: &Current, index: usize) -> &'static str {
    match (
        is_correct_choice(view, index),
        current.picked.contains(&index),
    ) {
        (true, _) => "right",
        (false, true) => "wrong",
        _ => "",
    }
}

#[component]
fn Ratings(current: Current, suggested: Rating, cramming: bool) -> Element {
    let ctx: AppCtx = use_context();
    rsx! {
        div {
            class: if cramming { "ratings two" } else { "ratings" },
            role: "group",
            aria_label: "Rate your answer",
            tabindex: "-1",
            // Mounted as the answer appears: take focus so 1–4 and Space work
            // even when the focused input just went away.
            onmounted: move |e| async move {
                let _ = e.set_focus(true).await;
            },
            if cramming {
                // Cramming moves no schedule: a card is seen again, or done.
                button {
                    class: if suggested == Rating::Again { "rating rating-1 suggested" } else { "rating rating-1" },
                    aria_keyshortcuts: "1",
                    onkeydown: move |e| stop_activation_keys(&e),
                    onclick: move |_| rate(ctx, Rating::Again),
                    kbd { class: "hint", "1" }
                    span { class: "rating-name", "Again" }
                    span { class: "rating-interval", "see it again later" }
                }
                button {
                    class: if suggested == Rating::Again { "rating rating-3" } else { "rating rating-3 suggested" },
                    aria_keyshortcuts: "2 3 4",
                    onkeydown: move |e| stop_activation_keys(&e),
                    onclick: move |_| rate(ctx, Rating::Good),
                    kbd { class: "hint", "3" }
                    span { class: "rating-name", "Next" }
                    span { class: "rating-interval", "done with this card" }
                }
            } else {
                for r in Rating::ALL {
                    button {
                        class: if r == suggested { "rating rating-{r.number()} suggested" } else { "rating rating-{r.number()}" },
                        aria_keyshortcuts: "{r.number()}",
                        onkeydown: move |e| stop_activation_keys(&e),
                        onclick: move |_| rate(ctx, r),
                        kbd { class: "hint", "{r.number()}" }
                        span { class: "rating-name", "{r.name()}" }
                        span { class: "rating-interval", "{current.outcomes.get(r).interval}" }
                    }
                }
            }
        }
    }
}

#[component]
fn SummaryPanel(session: StudySession) -> Element {
    let ctx: AppCtx = use_context();
    let summary = match &*ctx.library.read() {
        Some(lib) => session.summary(lib, now()),
        None => return rsx! {},
    };
    let next = if summary.more_now {
        "More cards are due now.".to_owned()
    } else if let Some(t) = summary.next_due {
        let mins = ((t.as_second() - now().as_second()).max(0) + 59) / 60;
        format!("The next card is due in {mins} min.")
    } else {
        "Nothing else is due today.".to_owned()
    };
    let (m, s) = (summary.seconds / 60, summary.seconds % 60);
    let set = session.set.clone();
    rsx! {
        section { class: "summary", aria_labelledby: "summary-title",
            h2 { id: "summary-title", if summary.studied == 0 { "Nothing due right now" } else { "Session done" } }
            dl { class: "stats",
                div { dt { "Cards studied" } dd { "{summary.studied}" } }
                div { dt { "Accuracy" } dd { "{summary.accuracy}%" } }
                div { dt { "Time" } dd { "{m}m {s}s" } }
            }
            p { class: "next-due", "{next}" }
            div { class: "summary-actions",
                button {
                    class: "primary",
                    onmounted: move |e| async move {
                        let _ = e.set_focus(true).await;
                    },
                    onclick: move |_| leave(ctx),
                    "Back to decks"
                }
                if summary.more_now || summary.next_due.is_some() {
                    button { onclick: move |_| start_study(ctx, set.clone()), "Study again" }
                }
            }
        }
    }
}
