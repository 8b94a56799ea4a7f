//! Self-test screens: set up a test, take it, and see the result with a
//! review of every question. Nothing here changes the review schedule.

use dioxus::prelude::*;

use super::reader::{ReadInContext, ReaderRequest, SourceReader, has_document, source_label};
use super::study::stop_activation_keys;
use crate::{AppCtx, Screen, now, t};
use kioku_core::bank::QuestionKind;
use kioku_core::bank::SetId;
use kioku_core::exam::{Exam, ExamAnswer, ExamConfig, ExamKind, ExamResult, ExamSession, Feedback};
use kioku_core::grader::Verdict;
use kioku_core::markdown;
use kioku_core::store::ExamDefaults;

/// Open the setup screen for `set`.
pub fn open_setup(ctx: AppCtx, set: SetId) {
    ctx.go(Screen::ExamSetup(set));
}

/// Run `f` on the exam session, then save the result if it ended.
pub fn exam_act(ctx: AppCtx, f: impl FnOnce(&mut ExamSession)) {
    ctx.with_exam(|e, _| f(e));
    save_if_finished(ctx);
    crate::refocus();
}

/// Save the result once, when the test ends.
fn save_if_finished(mut ctx: AppCtx) {
    let result = match ctx.exam() {
        Some((e, false)) => e.result,
        _ => None,
    };
    if let Some(r) = result {
        let saved = match ctx.library.write().as_mut() {
            Some(lib) => lib.record_exam(r),
            None => return,
        };
        match saved {
            Ok(()) => {
                ctx.with_exam(|_, saved| *saved = true);
            }
            Err(e) => ctx.fail(crate::describe(*ctx.lang.peek(), &e)),
        }
    }
}

/// What the answer field holds now (its `oninput`).
fn exam_set_typed(ctx: AppCtx, text: String) {
    ctx.with_exam(|e, _| e.typed = text);
}

/// Submit what is typed or picked (or `tf` for true/false).
pub fn exam_submit(ctx: AppCtx, tf: Option<bool>) {
    exam_act(ctx, |e| {
        if let Some(a) = e.pending_answer(tf) {
            e.submit(a, now());
        } else if e
            .current()
            .is_some_and(|v| v.kind == QuestionKind::Flashcard)
        {
            e.revealed = true;
        }
    });
}

pub fn exam_mark(ctx: AppCtx, knew: bool) {
    exam_act(ctx, |e| e.submit(ExamAnswer::SelfMarked(knew), now()));
}

pub fn exam_next(ctx: AppCtx) {
    exam_act(ctx, |e| e.next(now()));
}

fn start(ctx: AppCtx, config: ExamConfig) {
    let exam = match ctx.library.read().as_ref() {
        Some(lib) => match lib.set(&config.set) {
            Some(set) => Exam::new(set, config, now()),
            None => return,
        },
        None => return,
    };
    match exam {
        Ok(exam) => {
            ctx.go(Screen::Exam {
                session: ExamSession::new(exam),
                saved: false,
            });
        }
        Err(e) => ctx.fail(kioku_i18n::words::exam_error(*ctx.lang.peek(), &e)),
    }
}

/// The count and time limit the set-up screen starts with: the ones
/// chosen last time, as text for the fields.
fn remembered(ctx: AppCtx) -> (String, String) {
    let d = ctx
        .library
        .peek()
        .as_ref()
        .map(|lib| lib.settings().exam)
        .unwrap_or_default();
    (
        d.count.map_or_else(String::new, |n| n.to_string()),
        d.time_limit_min.map_or_else(String::new, |m| m.to_string()),
    )
}

/// Remember the count and time limit for next time (a failure to save is
/// shown, the test starts anyway).
fn remember(mut ctx: AppCtx, config: &ExamConfig) {
    let chosen = ExamDefaults {
        count: config.count,
        time_limit_min: config.time_limit,
    };
    let result = match ctx.library.write().as_mut() {
        Some(lib) if lib.settings().exam != chosen => lib.save_exam_defaults(chosen),
        _ => return,
    };
    if let Err(e) = result {
        ctx.fail(crate::describe(*ctx.lang.peek(), &e));
    }
}

#[component]
pub fn ExamSetup() -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
    // Every hook before the first early return.
    let initial = use_hook(|| remembered(ctx));
    let mut count = use_signal(|| initial.0.clone());
    let mut minutes = use_signal(|| initial.1.clone());
    let mut after_each = use_signal(|| false);
    let mut chosen_tags = use_signal(Vec::<String>::new);
    let mut chosen_types = use_signal(Vec::<QuestionKind>::new);
    let mut error = use_signal(|| None::<String>);
    let Screen::ExamSetup(set_id) = ctx.screen.read().clone() else {
        return rsx! {};
    };
    let (title, tags, types, past) = match ctx
        .library
        .read()
        .as_ref()
        .and_then(|lib| lib.set(&set_id).map(|s| (lib, s)))
    {
        Some((lib, s)) => {
            let mut tags: Vec<String> = s.questions.iter().flat_map(|q| q.tags.clone()).collect();
            tags.sort();
            tags.dedup();
            let mut types: Vec<QuestionKind> = s.questions.iter().map(|q| q.body.kind()).collect();
            types.sort_unstable_by_key(|k| k.as_str());
            types.dedup();
            let past: Vec<ExamResult> = lib
                .exams()
                .iter()
                .filter(|r| r.set == set_id)
                .cloned()
                .collect();
            (s.title.clone(), tags, types, past)
        }
        None => return rsx! {},
    };
    let set_for_start = set_id.clone();
    let begin = move || {
        let mut config = ExamConfig::new(set_for_start.clone(), rand::random());
        let c = count.read().trim().to_owned();
        config.count = if c.is_empty() || c.eq_ignore_ascii_case("all") {
            None
        } else {
            match c.parse::<usize>() {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    error.set(Some(t!(lang, "app-exam-bad-count")));
                    return;
                }
            }
        };
        let m = minutes.read().trim().to_owned();
        config.time_limit = if m.is_empty() {
            None
        } else {
            match m.parse::<u32>() {
                Ok(n) if (1..=600).contains(&n) => Some(n),
                _ => {
                    error.set(Some(t!(lang, "app-exam-bad-minutes")));
                    return;
                }
            }
        };
        config.feedback = if *after_each.read() {
            Feedback::AfterEach
        } else {
            Feedback::AtEnd
        };
        config.tags = chosen_tags.read().clone();
        config.types = chosen_types.read().clone();
        error.set(None);
        remember(ctx, &config);
        start(ctx, config);
    };
    rsx! {
        header { class: "top",
            button { class: "link", onclick: move |_| ctx.go(Screen::Home), {t!(lang, "app-back-decks")} }
            h1 { {t!(lang, "app-self-test")} }
        }
        main { class: "settings exam-setup",
            p { class: "lead", {t!(lang, "app-exam-lead", title = &title)} }
            form {
                onsubmit: move |e| {
                    e.prevent_default();
                },
                fieldset {
                    legend { {t!(lang, "app-exam-questions")} }
                    div { class: "field",
                        label { r#for: "exam-count", {t!(lang, "app-exam-count")} }
                        // Uncontrolled, like the answer fields: the signals follow.
                        input { id: "exam-count", r#type: "text", initial_value: "{initial.0}", aria_describedby: "exam-count-hint",
                            oninput: move |e| count.set(e.value()),
                            onkeydown: {
                                let mut begin = begin.clone();
                                move |e: KeyboardEvent| {
                                    if e.key() != Key::Escape { e.stop_propagation() }
                                    // Enter starts the test, as in any form.
                                    if e.key() == Key::Enter && !e.is_composing() { e.prevent_default(); begin() }
                                }
                            } }
                        p { id: "exam-count-hint", class: "hint-text", {t!(lang, "app-exam-count-hint")} }
                    }
                    if !tags.is_empty() {
                        div { class: "field checks", role: "group", aria_label: t!(lang, "app-exam-only-tags"),
                            span { class: "label", {t!(lang, "app-exam-only-tags")} }
                            div { class: "check-list",
                                for t in tags.into_iter() {
                                    label { class: "check",
                                        input { r#type: "checkbox", checked: chosen_tags.read().contains(&t),
                                            onchange: {
                                                let t = t.clone();
                                                move |e: FormEvent| {
                                                    let mut v = chosen_tags.write();
                                                    if e.checked() { v.push(t.clone()) } else { v.retain(|x| x != &t) }
                                                }
                                            }
                                        }
                                        "{t}"
                                    }
                                }
                            }
                        }
                    }
                    div { class: "field checks", role: "group", aria_label: t!(lang, "app-exam-only-types"),
                        span { class: "label", {t!(lang, "app-exam-only-types")} }
                        div { class: "check-list",
                            for t in types.into_iter() {
                                label { class: "check",
                                    input { r#type: "checkbox", checked: chosen_types.read().contains(&t),
                                        onchange: move |e: FormEvent| {
                                            let mut v = chosen_types.write();
                                            if e.checked() { v.push(t) } else { v.retain(|x| *x != t) }
                                        }
                                    }
                                    {super::study::kind_label(lang, t)}
                                }
                            }
                        }
                    }
                }
                fieldset {
                    legend { {t!(lang, "app-exam-conditions")} }
                    div { class: "field",
                        label { r#for: "exam-minutes", {t!(lang, "app-exam-minutes")} }
                        input { id: "exam-minutes", r#type: "text", initial_value: "{initial.1}", aria_describedby: "exam-minutes-hint",
                            oninput: move |e| minutes.set(e.value()),
                            onkeydown: {
                                let mut begin = begin.clone();
                                move |e: KeyboardEvent| {
                                    if e.key() != Key::Escape { e.stop_propagation() }
                                    // Enter starts the test, as in any form.
                                    if e.key() == Key::Enter && !e.is_composing() { e.prevent_default(); begin() }
                                }
                            } }
                        p { id: "exam-minutes-hint", class: "hint-text", {t!(lang, "app-exam-minutes-hint")} }
                    }
                    div { class: "field",
                        span { class: "label", {t!(lang, "app-exam-feedback")} }
                        label { class: "check",
                            input { r#type: "checkbox", checked: *after_each.read(), onchange: move |e: FormEvent| after_each.set(e.checked()) }
                            {t!(lang, "app-exam-after-each")}
                        }
                    }
                }
                if let Some(e) = error.read().as_ref() {
                    p { class: "form-error", role: "alert", "{e}" }
                }
                div { class: "form-actions",
                    button { class: "primary", r#type: "button", onclick: {
                        let mut begin = begin.clone();
                        move |_| begin()
                    }, {t!(lang, "app-exam-start")} }
                }
            }
            PastResults { results: past }
        }
    }
}

/// The trend chart's plot area in its view box (0 0 320 130): x from
/// `PLOT_LEFT` to `PLOT_RIGHT`, y from `PLOT_TOP` (100%) to `PLOT_BOTTOM` (0%).
const PLOT_LEFT: f64 = 40.0;
const PLOT_RIGHT: f64 = 305.0;
const PLOT_TOP: f64 = 12.0;
const PLOT_BOTTOM: f64 = 100.0;

/// Where attempt `i` of `n` goes on the x axis.
fn trend_x(i: usize, n: usize) -> f64 {
    if n == 1 {
        (PLOT_LEFT + PLOT_RIGHT) / 2.0
    } else {
        PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * i as f64 / (n - 1) as f64
    }
}

fn trend_y(percent: f64) -> f64 {
    PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * percent.clamp(0.0, 100.0) / 100.0
}

/// When a test started, in the library's (the machine's) time zone and
/// the language's form.
fn when(lang: crate::Lang, tz: &jiff::tz::TimeZone, r: &ExamResult) -> String {
    kioku_i18n::date_time(lang, r.started_at.to_zoned(tz.clone()).datetime())
}

/// The library's time zone (UTC before it is open).
fn use_time_zone() -> jiff::tz::TimeZone {
    try_use_context::<AppCtx>()
        .and_then(|c| c.library.peek().as_ref().map(|l| l.time_zone().clone()))
        .unwrap_or(jiff::tz::TimeZone::UTC)
}

/// Past results: the score trend of full tests (an SVG with axes and a
/// text alternative), then every attempt, retries of mistakes apart (their
/// scores are not comparable: they hold only cards missed before).
#[component]
fn PastResults(results: Vec<ExamResult>) -> Element {
    let lang = crate::use_lang();
    let tz = use_time_zone();
    if results.is_empty() {
        return rsx! { p { class: "hint-text", {t!(lang, "app-exam-none-yet")} } };
    }
    let full: Vec<&ExamResult> = results
        .iter()
        .filter(|r| r.kind == ExamKind::Full)
        .collect();
    let retries: Vec<ExamResult> = results
        .iter()
        .filter(|r| r.kind == ExamKind::Retry)
        .cloned()
        .collect();
    let n = full.len();
    let points: Vec<(f64, f64)> = full
        .iter()
        .enumerate()
        .map(|(i, r)| (trend_x(i, n), trend_y(r.score_percent)))
        .collect();
    let line = points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let summary = full
        .iter()
        .enumerate()
        .map(|(i, r)| {
            t!(
                lang,
                "app-exam-trend-point",
                n = i + 1,
                when = when(lang, &tz, r),
                percent = r.score_percent.round()
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    // Attempt numbers on the x axis: every one when few, else first,
    // middle and last.
    let x_ticks: Vec<usize> = if n <= 8 {
        (0..n).collect()
    } else {
        vec![0, (n - 1) / 2, n - 1]
    };
    let full_rows: Vec<(usize, ExamResult)> = full
        .iter()
        .enumerate()
        .map(|(i, r)| (i + 1, (*r).clone()))
        .rev()
        .collect();
    rsx! {
        section { class: "past", aria_labelledby: "past-title",
            h2 { id: "past-title", {t!(lang, "app-exam-past")} }
            if n == 0 {
                p { class: "hint-text", {t!(lang, "app-exam-no-full")} }
            } else {
                figure { class: "trend-figure",
                    svg {
                        class: "trend",
                        view_box: "0 0 320 130",
                        role: "img",
                        "aria-label": t!(lang, "app-exam-trend-label", summary = &summary),
                        for pct in [0.0f64, 50.0, 100.0] {
                            line { x1: "{PLOT_LEFT}", y1: "{trend_y(pct)}", x2: "{PLOT_RIGHT}", y2: "{trend_y(pct)}",
                                class: if pct == 0.0 { "axis" } else { "axis faint" } }
                            text { x: "{PLOT_LEFT - 4.0}", y: "{trend_y(pct) + 3.0}", class: "axis-label end", "{pct:.0}%" }
                        }
                        line { x1: "{PLOT_LEFT}", y1: "{PLOT_TOP}", x2: "{PLOT_LEFT}", y2: "{PLOT_BOTTOM}", class: "axis" }
                        for i in x_ticks {
                            text { x: "{trend_x(i, n)}", y: "{PLOT_BOTTOM + 11.0}", class: "axis-label middle", "{i + 1}" }
                        }
                        text { x: "{(PLOT_LEFT + PLOT_RIGHT) / 2.0}", y: "126", class: "axis-title", {t!(lang, "app-exam-trend-x")} }
                        text { x: "10", y: "{(PLOT_TOP + PLOT_BOTTOM) / 2.0}", class: "axis-title",
                            transform: "rotate(-90 10 {(PLOT_TOP + PLOT_BOTTOM) / 2.0})", {t!(lang, "app-exam-score")} }
                        if n > 1 {
                            polyline { points: "{line}", class: "trend-line" }
                        }
                        for (x, y) in points.iter() {
                            circle { cx: "{x:.1}", cy: "{y:.1}", r: "3", class: "trend-dot" }
                        }
                    }
                    figcaption { class: "hint-text", {t!(lang, "app-exam-trend-caption")} }
                }
            }
            if !full_rows.is_empty() {
                ResultTable { caption: t!(lang, "app-exam-full-tests"), rows: full_rows }
            }
            if !retries.is_empty() {
                ResultTable {
                    caption: t!(lang, "app-exam-retries"),
                    rows: retries.into_iter().enumerate().map(|(i, r)| (i + 1, r)).rev().collect(),
                }
            }
        }
    }
}

/// Attempts, newest first, each with its details (time limit, tags, the
/// seed that repeats it) folded away.
#[component]
fn ResultTable(caption: String, rows: Vec<(usize, ExamResult)>) -> Element {
    let lang = crate::use_lang();
    let tz = use_time_zone();
    rsx! {
        table { class: "results",
            caption { "{caption}" }
            thead { tr { th { "#" } th { {t!(lang, "app-exam-when")} } th { {t!(lang, "app-exam-score")} } th { {t!(lang, "app-time")} } th { {t!(lang, "app-exam-details")} } } }
            tbody {
                for (i, r) in rows.into_iter() {
                    tr {
                        td { "{i}" }
                        td { {when(lang, &tz, &r)} }
                        td { "{r.points}/{r.total} ({r.score_percent:.1}%)" }
                        td { {t!(lang, "app-minutes-seconds", m = r.duration_s / 60, s = r.duration_s % 60)}
                            if r.timed_out { " " {t!(lang, "app-exam-ran-out-short")} } }
                        td {
                            details { class: "attempt-details",
                                summary { {t!(lang, "app-exam-more")} }
                                dl {
                                    div { dt { {t!(lang, "app-exam-time-limit")} } dd {
                                        {r.time_limit_min.map_or_else(|| t!(lang, "app-exam-no-limit"), |m| t!(lang, "app-exam-limit-minutes", n = m))} } }
                                    if !r.tags.is_empty() {
                                        div { dt { {t!(lang, "app-exam-tags")} } dd { {r.tags.join(", ")} } }
                                    }
                                    div { dt { {t!(lang, "app-exam-seed")} } dd { "{r.seed}" } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[component]
pub fn ExamView() -> Element {
    let ctx: AppCtx = use_context();
    // A one-second tick for the countdown; the test ends when time is up.
    // (Hooks before any early return.)
    let mut tick = use_signal(|| 0u64);
    use_future(move || async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            tick += 1;
            let over = ctx
                .exam()
                .is_some_and(|(e, _)| e.result.is_none() && e.out_of_time(now()));
            if over {
                exam_act(ctx, |e| e.finish(now()));
            }
        }
    });
    let _ = tick.read();
    let Some((session, _)) = ctx.exam() else {
        return rsx! {};
    };
    if let Some(result) = &session.result {
        return rsx! { ExamResults { result: result.clone() } };
    }
    let total = session.exam.items.len();
    let remaining = session
        .exam
        .deadline()
        .map(|d| (d.as_second() - now().as_second()).max(0));
    let Some(view) = session.current().cloned() else {
        return rsx! {};
    };
    let pct = (session.index as f64 * 100.0 / total.max(1) as f64).round();
    let lang = ctx.lang();
    rsx! {
        header { class: "study-top",
            button { class: "link", onclick: move |_| exam_act(ctx, |e| e.finish(now())), {t!(lang, "app-exam-finish-now")} }
            h1 { class: "study-title", {t!(lang, "app-exam-title-progress", n = session.index + 1, total = total)} }
            if let Some(s) = remaining {
                p { class: if s < 60 { "countdown urgent" } else { "countdown" }, role: "timer", aria_label: t!(lang, "app-exam-time-left"),
                    "{s / 60}:{s % 60:02}"
                }
            }
        }
        div { class: "progress", role: "progressbar", aria_label: t!(lang, "app-exam-progress"), aria_valuemin: "0", aria_valuemax: "100", aria_valuenow: "{pct}",
            div { class: "progress-fill", style: "width: {pct}%" }
        }
        main { class: "study",
            article { class: "card card-{view.kind}", tabindex: "-1", "data-focus-home": "true", aria_label: t!(lang, "app-exam-question"),
                div { class: "card-kind", {t!(lang, "app-exam-question-n", n = session.index + 1)} }
                div { class: "prompt", dangerous_inner_html: markdown::to_html_with_media(&view.prompt, &view.key.set) }
                if let Some(v) = &session.verdict {
                    ExamFeedback { verdict: v.clone(), set: view.key.set.clone(), answer: view.answer.clone(), explanation: view.explanation.clone() }
                    button { class: "primary", onkeydown: move |e| stop_activation_keys(&e), onclick: move |_| exam_next(ctx),
                        onmounted: move |e| async move { let _ = e.set_focus(true).await; },
                        {t!(lang, "app-cram-next")} kbd { class: "hint", "Enter" } }
                } else {
                    // Keyed per question: each gets a fresh answer field.
                    ExamInput { key: "{session.exam.started_at}-{session.index}", session: session.clone() }
                }
            }
        }
    }
}

#[component]
fn ExamFeedback(
    verdict: Verdict,
    set: SetId,
    answer: String,
    explanation: Option<String>,
) -> Element {
    let lang = crate::use_lang();
    let (class, text) = match verdict.is_correct() {
        Some(true) => ("verdict right", t!(lang, "app-verdict-correct")),
        _ => ("verdict wrong", t!(lang, "app-verdict-wrong")),
    };
    rsx! {
        div { class: "{class}", role: "status", "{text}" }
        div { class: "answer",
            span { class: "answer-label", {t!(lang, "app-answer")} }
            div { dangerous_inner_html: markdown::to_html_with_media(&answer, &set) }
        }
        if let Some(e) = &explanation {
            div { class: "explanation", dangerous_inner_html: markdown::to_html_with_media(e, &set) }
        }
    }
}

#[component]
fn ExamInput(session: ExamSession) -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
    let Some(view) = session.current().cloned() else {
        return rsx! {};
    };
    match view.kind {
        QuestionKind::Typed | QuestionKind::Cloze => rsx! {
            form { class: "answer-form", onsubmit: move |e| { e.prevent_default(); exam_submit(ctx, None); },
                label { r#for: "exam-answer", if view.kind == QuestionKind::Cloze { {t!(lang, "app-missing-text")} } else { {t!(lang, "app-your-answer")} } }
                // Uncontrolled (see the study answer field): `ExamInput` is
                // keyed per question, so each gets a fresh field.
                input { id: "exam-answer", r#type: "text", autocomplete: "off", spellcheck: "false",
                    oninput: move |e| exam_set_typed(ctx, e.value()),
                    onkeydown: move |e| {
                        if e.key() != Key::Escape { e.stop_propagation(); }
                        if e.key() == Key::Enter && !e.is_composing() { e.prevent_default(); exam_submit(ctx, None); }
                    },
                    onmounted: move |e| async move { let _ = e.set_focus(true).await; },
                }
                button { class: "primary", r#type: "submit", {t!(lang, "app-cram-next")} kbd { class: "hint", "Enter" } }
            }
        },
        QuestionKind::MultipleChoice => rsx! {
            fieldset { class: "choices",
                legend { if view.select_all { {t!(lang, "app-exam-select-all")} } else { {t!(lang, "app-pick-one")} } }
                for (i, c) in view.choices.clone().unwrap_or_default().into_iter().enumerate() {
                    button {
                        class: if session.picked.contains(&c.index) { "choice picked" } else { "choice" },
                        role: if view.select_all { "checkbox" } else { "radio" },
                        aria_checked: "{session.picked.contains(&c.index)}",
                        onkeydown: move |e| stop_activation_keys(&e),
                        onclick: move |_| exam_act(ctx, |s| s.toggle_shown_choice(i)),
                        kbd { class: "hint", "{i + 1}" }
                        span { dangerous_inner_html: markdown::to_inline_html_with_media(&c.text, &view.key.set) }
                    }
                }
            }
            button { class: "primary", disabled: session.picked.is_empty(), onkeydown: move |e| stop_activation_keys(&e),
                onclick: move |_| exam_submit(ctx, None), {t!(lang, "app-cram-next")} kbd { class: "hint", "Enter" } }
        },
        QuestionKind::TrueFalse => rsx! {
            div { class: "tf",
                button { class: "primary", onkeydown: move |e| stop_activation_keys(&e), onclick: move |_| exam_submit(ctx, Some(true)), {t!(lang, "answer-true")} kbd { class: "hint", "T" } }
                button { class: "primary", onkeydown: move |e| stop_activation_keys(&e), onclick: move |_| exam_submit(ctx, Some(false)), {t!(lang, "answer-false")} kbd { class: "hint", "F" } }
            }
        },
        _ => {
            if session.revealed {
                rsx! {
                    div { class: "answer",
                        span { class: "answer-label", {t!(lang, "app-answer")} }
                        div { dangerous_inner_html: markdown::to_html_with_media(&view.answer, &view.key.set) }
                    }
                    p { {t!(lang, "app-exam-did-you-know")} }
                    div { class: "tf",
                        button { class: "primary", onkeydown: move |e| stop_activation_keys(&e), onclick: move |_| exam_mark(ctx, true), {t!(lang, "app-exam-knew")} kbd { class: "hint", "Y" } }
                        button { onkeydown: move |e| stop_activation_keys(&e), onclick: move |_| exam_mark(ctx, false), {t!(lang, "app-exam-did-not-know")} kbd { class: "hint", "N" } }
                    }
                }
            } else {
                rsx! {
                    button { class: "primary reveal", onkeydown: move |e| stop_activation_keys(&e), onclick: move |_| exam_submit(ctx, None),
                        {t!(lang, "app-show-answer")} kbd { class: "hint", "Space" } }
                }
            }
        }
    }
}

#[component]
fn ExamResults(result: ExamResult) -> Element {
    let ctx: AppCtx = use_context();
    let mistakes = result.mistakes();
    let retry_set = result.set.clone();
    let seed = result.seed;
    let retry_cfg = move || {
        let mut c = ExamConfig::new(retry_set.clone(), seed);
        c.count = None;
        c.only = mistakes.clone();
        c
    };
    let has_mistakes = result.points < result.total;
    let readable = has_document(ctx, &result.set);
    let lang = ctx.lang();
    let label = source_label(
        lang,
        ctx.library
            .read()
            .as_ref()
            .and_then(|lib| lib.set(&result.set))
            .and_then(|s| s.source.as_deref()),
    );
    rsx! {
        header { class: "top",
            button { class: "link", onclick: move |_| ctx.go(Screen::Home), {t!(lang, "app-back-decks")} }
            h1 { {t!(lang, "app-exam-result")} }
        }
        main { class: "study exam-result",
            section { class: "summary", aria_labelledby: "score-title",
                if result.timed_out {
                    p { class: "timed-out", role: "alert",
                        strong { {t!(lang, "app-exam-ran-out")} }
                        " "
                        {
                            let unanswered = result.questions.iter().filter(|q| q.given.is_none()).count();
                            match result.time_limit_min {
                                Some(m) => t!(lang, "app-exam-ran-out-detail", minutes = m, n = unanswered),
                                None => t!(lang, "app-exam-ran-out-detail-no-limit", n = unanswered),
                            }
                        }
                    }
                }
                if result.kind == ExamKind::Retry {
                    p { class: "hint-text", {t!(lang, "app-exam-retry-note")} }
                }
                h2 { id: "score-title", {t!(lang, "app-exam-score-line", points = result.points, total = result.total, percent = kioku_i18n::fixed(result.score_percent, 1))} }
                dl { class: "stats",
                    div { dt { {t!(lang, "app-exam-right")} } dd { "{result.points}" } }
                    div { dt { {t!(lang, "app-exam-wrong")} } dd { "{result.total - result.points}" } }
                    div { dt { {t!(lang, "app-time")} } dd { {t!(lang, "app-minutes-seconds", m = result.duration_s / 60, s = result.duration_s % 60)} } }
                }
                p { class: "hint-text", {t!(lang, "app-exam-result-note")} }
                div { class: "summary-actions",
                    if has_mistakes {
                        button { class: "primary", onclick: move |_| start(ctx, retry_cfg()),
                            onmounted: move |e| async move { let _ = e.set_focus(true).await; },
                            {t!(lang, "app-exam-retry")} }
                    }
                    button { onclick: move |_| ctx.go(Screen::Home), {t!(lang, "app-back-to-decks")} }
                }
            }
            h2 { class: "section-title", {t!(lang, "app-exam-every-question")} }
            ol { class: "review-list",
                for q in result.questions.iter() {
                    li { class: if q.right { "review right" } else { "review wrong" },
                        div { class: "review-head",
                            span { class: "mark", if q.right { "✓" } else { "✗" } }
                            div { class: "prompt-small", dangerous_inner_html: markdown::to_html_with_media(&q.prompt, &result.set) }
                        }
                        p { {t!(lang, "app-exam-your-answer")} " " strong { {q.given.clone().unwrap_or_else(|| t!(lang, "app-exam-no-answer"))} } }
                        if !q.right {
                            p { {t!(lang, "app-exam-right-answer")} " " strong { dangerous_inner_html: markdown::to_inline_html_with_media(&q.correct_answer, &result.set) } }
                        }
                        if let Some(e) = &q.explanation {
                            div { class: "explanation", dangerous_inner_html: markdown::to_html_with_media(e, &result.set) }
                        }
                        if let Some(s) = &q.source {
                            if readable {
                                p { class: "source-link",
                                    ReadInContext { request: ReaderRequest {
                                        set: result.set.clone(),
                                        quote: s.clone(),
                                        label: label.to_owned(),
                                    } }
                                }
                            }
                            blockquote { class: "source-inline", "“{s}”" }
                        }
                    }
                }
            }
        }
        SourceReader {}
    }
}
