//! Scriptable plumbing: `kioku next`, `kioku answer`, `kioku undo`,
//! `kioku grade`.

use std::process::ExitCode;

use serde_json::json;

use super::study::{interval_label, rating_name, state_name};
use super::{Context, lang, new_event_id, set_arg};
use crate::cli::Error;
use kioku_core::bank::CardKey;
use kioku_core::grader::{Response, Verdict, judge};
use kioku_core::library::Library;
use kioku_core::review::Mode;
use kioku_core::scheduler::{CardState, Interval, Outcomes, Rating};
use kioku_i18n::t;

fn intervals(o: &Outcomes) -> serde_json::Value {
    let one = |i: Interval| json!({ "label": i.to_string(), "seconds": i.seconds() });
    json!({
        "again": one(o.again.interval),
        "hard": one(o.hard.interval),
        "good": one(o.good.interval),
        "easy": one(o.easy.interval),
    })
}

pub(super) fn next(ctx: &Context, set: Option<&str>) -> Result<ExitCode, Error> {
    let lib = ctx.open_leaving()?;
    let set = set_arg(&lib, set)?;
    let now = lib.now(ctx.now()?);
    let queue = lib.queue(set.as_ref(), now);
    let value = match queue.next(now.at).and_then(|k| lib.card_view(k)) {
        None => serde_json::Value::Null,
        Some(view) => {
            let outcomes = lib.outcomes(&view.key, now)?;
            let mut v = serde_json::to_value(&view).map_err(|e| Error::Usage(e.to_string()))?;
            v["set"] = json!(view.key.set);
            v["intervals"] = intervals(&outcomes);
            v["counts"] = json!({
                "new": queue.new.len(),
                "learning": queue.learning.len() + queue.learning_later.len(),
                "review": queue.review.len(),
            });
            v
        }
    };
    println!("{value}");
    Ok(ExitCode::SUCCESS)
}

/// The state of a card as JSON: name, due, stability and difficulty.
pub(super) fn state_json(lib: &Library, key: &CardKey) -> serde_json::Value {
    let p = lib.progress().card(key);
    let due = match p.state {
        CardState::New => serde_json::Value::Null,
        CardState::Learning(l) | CardState::Relearning(l) => json!(l.due.to_string()),
        CardState::Review(r) => json!(r.due.to_string()),
    };
    let memory = p.state.memory();
    json!({
        "key": key.to_string(),
        "state": p.state.name(),
        "due": due,
        "reviews": p.reviews,
        "lapses": p.lapses,
        "stability": memory.map(|m| m.stability),
        "difficulty": memory.map(|m| m.difficulty),
    })
}

pub(super) fn answer(
    ctx: &Context,
    card: &str,
    rating: &str,
    json: bool,
) -> Result<ExitCode, Error> {
    let rating = Rating::parse(rating)
        .ok_or_else(|| Error::Usage(t!(lang(), "error-not-rating", rating = rating)))?;
    let key = CardKey::parse(card)
        .ok_or_else(|| Error::Usage(t!(lang(), "error-not-card-key", card = card)))?;
    let mut lib = ctx.open()?;
    if lib.card(&key).is_none() {
        return Err(Error::Usage(t!(
            lang(),
            "error-no-card",
            key = key.to_string()
        )));
    }
    let now = lib.now(ctx.now()?);
    let interval = lib.outcomes(&key, now)?.get(rating).interval;
    lib.answer(&key, rating, now, 0, Mode::Study, new_event_id())?;
    if json {
        let mut v = state_json(&lib, &key);
        v["rating"] = json!(rating);
        v["interval"] = json!({ "label": interval.to_string(), "seconds": interval.seconds() });
        println!("{v}");
    } else {
        let p = lib.progress().card(&key);
        println!(
            "{}",
            t!(
                lang(),
                "answer-done",
                key = key.to_string(),
                rating = rating_name(rating),
                state = state_name(p.state.name()),
                interval = interval_label(interval)
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn undo(ctx: &Context) -> Result<ExitCode, Error> {
    let mut lib = ctx.open()?;
    match lib.undo(ctx.now()?, new_event_id())? {
        Some(key) => println!("{}", t!(lang(), "undo-done", key = key.to_string())),
        None => println!("{}", t!(lang(), "undo-nothing")),
    }
    Ok(ExitCode::SUCCESS)
}

/// `kioku grade CARD "ANSWER"`: the verdict on a typed answer (typed
/// questions and cloze blanks) under the set language's rules, and why.
/// Records nothing.
pub(super) fn grade(
    ctx: &Context,
    card: &str,
    answer: &str,
    json: bool,
) -> Result<ExitCode, Error> {
    let key = CardKey::parse(card)
        .ok_or_else(|| Error::Usage(t!(lang(), "error-not-card-key", card = card)))?;
    let lib = ctx.open()?;
    let (set, q, variant) = lib
        .card(&key)
        .ok_or_else(|| Error::Usage(t!(lang(), "error-no-card", key = key.to_string())))?;
    let kind = q.body.kind();
    if !kind.is_typed() {
        return Err(Error::Usage(t!(
            lang(),
            "error-not-typed",
            key = key.to_string(),
            kind = kind.to_string()
        )));
    }
    let j = judge(&q.body, variant, &Response::Typed(answer.to_owned()), set);
    let expected = lib.card_view(&key).map(|v| v.answer).unwrap_or_default();
    let verdict = match &j.verdict {
        Verdict::SelfGraded => "self_graded",
        Verdict::Correct => "correct",
        Verdict::CorrectWithTypo { .. } => "correct_with_typo",
        Verdict::Wrong => "wrong",
    };
    if json {
        let v = json!({
            "key": key.to_string(),
            "answer": answer,
            "correct": j.verdict.is_correct(),
            "verdict": verdict,
            "reason": j.reason,
            "matched": j.matched,
            "expected": expected,
            "language": set.language,
            "detail": j.detail,
        });
        println!("{v}");
    } else {
        let mark = match j.verdict.is_correct() {
            Some(true) => "✓",
            Some(false) => "✗",
            None => "·",
        };
        let l = lang();
        let worded = match &j.verdict {
            Verdict::SelfGraded => t!(l, "verdict-self-graded"),
            Verdict::Correct => t!(l, "verdict-correct"),
            Verdict::CorrectWithTypo { .. } => t!(l, "verdict-correct-with-typo"),
            Verdict::Wrong => t!(l, "verdict-wrong"),
        };
        println!(
            "{key}: {mark} {worded} ({}): {}",
            kioku_i18n::words::reason(l, j.reason),
            kioku_i18n::words::detail(l, &j.why)
        );
    }
    Ok(ExitCode::SUCCESS)
}
