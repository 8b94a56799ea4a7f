//! The study screen: one card at a time, answer, rate, and a summary.

use dioxus::prelude::*;

use super::reader::{ReadInContext, SourceReader, request_for, source_label};
use crate::{AppCtx, Lang, Screen, new_event_id, now, t};
use kioku_core::bank::{QuestionKind, SetId};
use kioku_core::card::CardView;
use kioku_core::grader::Verdict;
use kioku_core::markdown;
use kioku_core::scheduler::Interval;
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
        Err(e) => ctx.fail(crate::describe(*ctx.lang.peek(), &e)),
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
        ctx.fail(crate::describe(*ctx.lang.peek(), &e));
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
    let lang = ctx.lang();
    let Some(session) = ctx.study() else {
        return rsx! {};
    };
    let title = match (&session.set, &*ctx.library.read()) {
        (Some(id), Some(lib)) => lib.set(id).map(|s| s.title.clone()).unwrap_or_default(),
        _ => t!(lang, "app-all-decks"),
    };
    let title = if session.cram.is_some() {
        t!(lang, "app-cram-title", title = title)
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
            button { class: "link", aria_keyshortcuts: "Escape", onclick: move |_| leave(ctx), {t!(lang, "app-back-decks")} }
            h1 { class: "study-title", "{title}" }
            if session.cram.is_some() {
                p { class: "remaining", aria_label: t!(lang, "app-remaining"), span { class: "count due", {t!(lang, "app-to-go", n = r.review)} } }
            } else {
                p { class: "remaining", aria_label: t!(lang, "app-remaining-today"),
                    span { class: "count new", {t!(lang, "app-count-new", n = r.new)} }
                    span { class: "count learning", {t!(lang, "app-count-learning", n = r.learning)} }
                    span { class: "count due", {t!(lang, "app-count-review", n = r.review)} }
                }
            }
            button {
                class: "link",
                aria_keyshortcuts: "Control+Z",
                disabled: !can_undo,
                onclick: move |_| undo(ctx),
                {t!(lang, "app-undo")}
            }
        }
        div {
            class: "progress",
            role: "progressbar",
            aria_label: t!(lang, "app-session-progress"),
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
        div { class: "visually-hidden", role: "status", aria_live: "polite", {announcement_text(lang, session.announcement.as_ref())} }
        SourceReader {}
    }
}

/// What the session tells screen readers, worded in `lang`.
fn announcement_text(lang: Lang, a: Option<&Announcement>) -> String {
    match a {
        None => String::new(),
        Some(Announcement::NextCard { prompt }) => t!(lang, "app-say-next-card", prompt = prompt),
        Some(Announcement::Finished) => t!(lang, "app-say-finished"),
        Some(Announcement::Answer { answer }) => t!(lang, "app-say-answer", answer = answer),
        Some(Announcement::Correct) => t!(lang, "app-say-correct"),
        Some(Announcement::CorrectWithTypo { expected }) => {
            t!(lang, "app-say-correct-typo", expected = expected)
        }
        Some(Announcement::Wrong { answer }) => t!(lang, "app-say-wrong", answer = answer),
        Some(Announcement::NothingToUndo) => t!(lang, "app-say-nothing-to-undo"),
        Some(Announcement::Undone) => t!(lang, "app-say-undone"),
    }
}

/// A rating's name: もう一度 / 難しい / 正解 / 簡単 in Japanese.
pub fn rating_name(lang: Lang, r: Rating) -> String {
    match r {
        Rating::Again => t!(lang, "rating-again"),
        Rating::Hard => t!(lang, "rating-hard"),
        Rating::Good => t!(lang, "rating-good"),
        Rating::Easy => t!(lang, "rating-easy"),
    }
}

/// An interval for a rating button (`10m`, `4d`; `10分`, `4日`).
pub fn interval_label(lang: Lang, i: Interval) -> String {
    let span = match i {
        Interval::Minutes(m) => kioku_i18n::Span::Minutes(u64::from(m)),
        Interval::Days(d) => kioku_i18n::Span::Days(u64::from(d)),
    };
    kioku_i18n::interval(lang, span)
}

#[component]
fn CardPanel(current: Current, cramming: bool) -> Element {
    let lang = use_context::<AppCtx>().lang();
    let view = &current.view;
    let phase_key = match current.phase {
        Phase::Question => "q",
        Phase::Answered { .. } => "a",
    };
    rsx! {
        article {
            class: "card card-{view.kind}",
            key: "{view.key}-{phase_key}",
            aria_label: t!(lang, "app-card"),
            tabindex: "-1",
            "data-focus-home": "true",
            // Keyboard focus follows the card so shortcuts keep working.
            onmounted: move |e| async move {
                crate::timing_mark("card");
                let _ = e.set_focus(true).await;
            },
            div { class: "card-kind", {kind_label(lang, view.kind)} }
            div { class: "prompt", dangerous_inner_html: markdown::to_html_with_media(&view.prompt, &view.key.set) }
            match &current.phase {
                Phase::Question => rsx! { QuestionInput { current: current.clone() } },
                Phase::Answered { verdict } => rsx! {
                    Feedback { current: current.clone(), verdict: verdict.clone() }
                    if matches!(verdict, Verdict::SelfGraded) {
                        h2 { class: "rate-prompt", id: "rate-prompt", {t!(lang, "app-how-well")} }
                    }
                    Ratings { current: current.clone(), suggested: verdict.suggested_rating(), cramming }
                },
            }
        }
        if view.kind != QuestionKind::Flashcard || matches!(current.phase, Phase::Answered { .. }) {
            p { class: "key-hint", {t!(lang, "app-press-help")} }
        }
    }
}

pub(crate) fn kind_label(lang: Lang, kind: QuestionKind) -> String {
    match kind {
        QuestionKind::Flashcard => t!(lang, "app-kind-flashcard"),
        QuestionKind::Typed => t!(lang, "app-kind-typed"),
        QuestionKind::MultipleChoice => t!(lang, "app-kind-choice"),
        QuestionKind::TrueFalse => t!(lang, "app-kind-true-false"),
        QuestionKind::Cloze => t!(lang, "app-kind-cloze"),
    }
}

#[component]
fn QuestionInput(current: Current) -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
    let view = &current.view;
    match view.kind {
        QuestionKind::Typed | QuestionKind::Cloze => {
            let empty = current.typed.is_empty();
            let label = if view.kind == QuestionKind::Cloze && view.blanks > 1 {
                t!(lang, "app-missing-texts", n = view.blanks)
            } else if view.kind == QuestionKind::Cloze {
                t!(lang, "app-missing-text")
            } else {
                t!(lang, "app-your-answer")
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
                    button { class: "primary", r#type: "submit", {t!(lang, "app-check")} kbd { class: "hint", "Enter" } }
                }
            }
        }
        QuestionKind::MultipleChoice => {
            let choices = view.choices.clone().unwrap_or_default();
            let select_all = view.select_all;
            rsx! {
                fieldset { class: "choices",
                    legend {
                        if select_all { {t!(lang, "app-select-all")} } else { {t!(lang, "app-pick-one")} }
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
                    {t!(lang, "app-check")} kbd { class: "hint", "Enter" }
                }
            }
        }
        QuestionKind::TrueFalse => rsx! {
            div { class: "tf",
                button { class: "primary", aria_keyshortcuts: "T", onkeydown: move |e| stop_activation_keys(&e), onclick: move |_| submit(ctx, Some(true)), {t!(lang, "answer-true")} kbd { class: "hint", "T" } }
                button { class: "primary", aria_keyshortcuts: "F", onkeydown: move |e| stop_activation_keys(&e), onclick: move |_| submit(ctx, Some(false)), {t!(lang, "answer-false")} kbd { class: "hint", "F" } }
            }
        },
        _ => rsx! {
            button {
                class: "primary reveal",
                aria_keyshortcuts: "Space",
                onkeydown: move |e| stop_activation_keys(&e),
                onclick: move |_| submit(ctx, None),
                {t!(lang, "app-show-answer")} kbd { class: "hint", "Space" }
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
    let lang = ctx.lang();
    let view = &current.view;
    let reader = request_for(ctx, view);
    let (class, text) = match &verdict {
        Verdict::SelfGraded => ("", String::new()),
        Verdict::Correct => ("verdict right", t!(lang, "app-verdict-correct")),
        Verdict::CorrectWithTypo { expected } => (
            "verdict right",
            t!(lang, "app-verdict-typo", expected = expected),
        ),
        Verdict::Wrong => ("verdict wrong", t!(lang, "app-verdict-wrong")),
    };
    let typed = view.kind.is_typed() && !matches!(verdict, Verdict::SelfGraded | Verdict::Correct);
    rsx! {
        // A flashcard has no verdict: the learner rates it (a heading over
        // the ratings, not a box that looks like a disabled button).
        if !matches!(verdict, Verdict::SelfGraded) {
            div { class: "{class}", role: "status", "{text}" }
        }
        if typed {
            p { class: "you-wrote", {t!(lang, "app-you-wrote")} " " span { class: "mine", if current.typed.trim().is_empty() { {t!(lang, "app-nothing-typed")} } else { "{current.typed}" } } }
        }
        if let Some(choices) = &view.choices {
            ul { class: "choices-result",
                for c in choices.iter() {
                    li {
                        class: choice_class(view, &current, c.index),
                        span { dangerous_inner_html: markdown::to_inline_html_with_media(&c.text, &view.key.set) }
                        if is_correct_choice(view, c.index) { span { class: "tag", " ✓ " {t!(lang, "app-right-answer")} } }
                        if current.picked.contains(&c.index) { span { class: "tag", " · " {t!(lang, "app-your-pick")} } }
                    }
                }
            }
        } else {
            div { class: "answer",
                span { class: "answer-label", {t!(lang, "app-answer")} }
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
                        None => rsx! { {source_label(lang, view.source_title.as_deref())} },
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
    let lang = ctx.lang();
    rsx! {
        div {
            class: if cramming { "ratings two" } else { "ratings" },
            role: "group",
            aria_label: t!(lang, "app-rate-your-answer"),
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
                    span { class: "rating-name", {rating_name(lang, Rating::Again)} }
                    span { class: "rating-interval", {t!(lang, "app-cram-again")} }
                }
                button {
                    class: if suggested == Rating::Again { "rating rating-3" } else { "rating rating-3 suggested" },
                    aria_keyshortcuts: "2 3 4",
                    onkeydown: move |e| stop_activation_keys(&e),
                    onclick: move |_| rate(ctx, Rating::Good),
                    kbd { class: "hint", "3" }
                    span { class: "rating-name", {t!(lang, "app-cram-next")} }
                    span { class: "rating-interval", {t!(lang, "app-cram-done")} }
                }
            } else {
                for r in Rating::ALL {
                    button {
                        class: if r == suggested { "rating rating-{r.number()} suggested" } else { "rating rating-{r.number()}" },
                        aria_keyshortcuts: "{r.number()}",
                        onkeydown: move |e| stop_activation_keys(&e),
                        onclick: move |_| rate(ctx, r),
                        kbd { class: "hint", "{r.number()}" }
                        span { class: "rating-name", {rating_name(lang, r)} }
                        span { class: "rating-interval", {interval_label(lang, current.outcomes.get(r).interval)} }
                    }
                }
            }
        }
    }
}

#[component]
fn SummaryPanel(session: StudySession) -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
    let summary = match &*ctx.library.read() {
        Some(lib) => session.summary(lib, now()),
        None => return rsx! {},
    };
    let next = if summary.more_now {
        t!(lang, "app-more-due-now")
    } else if let Some(t) = summary.next_due {
        let mins = ((t.as_second() - now().as_second()).max(0) + 59) / 60;
        t!(lang, "app-next-due-in", minutes = mins)
    } else {
        t!(lang, "app-nothing-else-today")
    };
    let (m, s) = (summary.seconds / 60, summary.seconds % 60);
    let set = session.set.clone();
    rsx! {
        section { class: "summary", aria_labelledby: "summary-title",
            h2 { id: "summary-title", if summary.studied == 0 { {t!(lang, "app-nothing-due")} } else { {t!(lang, "app-session-done")} } }
            dl { class: "stats",
                div { dt { {t!(lang, "app-cards-studied")} } dd { "{summary.studied}" } }
                div { dt { {t!(lang, "app-accuracy")} } dd { "{summary.accuracy}%" } }
                div { dt { {t!(lang, "app-time")} } dd { {t!(lang, "app-minutes-seconds", m = m, s = s)} } }
            }
            p { class: "next-due", "{next}" }
            div { class: "summary-actions",
                button {
                    class: "primary",
                    onmounted: move |e| async move {
                        let _ = e.set_focus(true).await;
                    },
                    onclick: move |_| leave(ctx),
                    {t!(lang, "app-back-to-decks")}
                }
                if summary.more_now || summary.next_due.is_some() {
                    button { onclick: move |_| start_study(ctx, set.clone()), {t!(lang, "app-study-again")} }
                }
            }
        }
    }
}
