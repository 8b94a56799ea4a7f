//! `kioku exam` (a self-test in the terminal) and `kioku exams` (past
//! results). A self-test never changes the review schedule.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use super::study::{Input, Term, ask_answer, out_err, parse_response, show_feedback, truth_word};
use super::{Context, lang, set_arg};
use crate::cli::Error;
use kioku_core::bank::QuestionKind;
use kioku_core::exam::{
    Exam, ExamAnswer, ExamConfig, ExamResult, ExamSession, Feedback, Given, QuestionResult,
    given_words,
};
use kioku_i18n::{pad_left, pad_right, t};

/// What `kioku exam` was asked for.
pub(super) struct ExamArgs {
    pub set: String,
    pub count: Option<usize>,
    pub all: bool,
    pub seed: Option<u64>,
    pub time_limit: Option<u32>,
    pub tags: Vec<String>,
    pub feedback_each: bool,
    pub json: bool,
}

pub(super) fn run(ctx: &Context, args: ExamArgs) -> Result<ExitCode, Error> {
    let mut lib = ctx.open()?;
    let Some(set) = set_arg(&lib, Some(&args.set))? else {
        return Err(Error::Usage(t!(lang(), "error-set-required")));
    };
    let seed = args.seed.unwrap_or_else(rand::random);
    let mut config = ExamConfig::new(set, seed);
    config.count = if args.all {
        None
    } else {
        args.count.or(Some(20))
    };
    config.tags = args.tags;
    config.time_limit = args.time_limit;
    config.feedback = if args.feedback_each {
        Feedback::AfterEach
    } else {
        Feedback::AtEnd
    };
    let qs = lib
        .set(&config.set)
        .ok_or_else(|| Error::Usage(t!(lang(), "error-no-set", set = config.set.as_str())))?;
    let mut session = ExamSession::new(Exam::new(qs, config, ctx.now()?)?);
    // With --json, stdout carries only the result; the test goes to stderr.
    let stdin = std::io::stdin();
    let result = if args.json {
        let mut term = Term {
            input: stdin.lock(),
            out: std::io::stderr().lock(),
        };
        take(&mut term, &mut session, ctx)?
    } else {
        let mut term = Term {
            input: stdin.lock(),
            out: std::io::stdout().lock(),
        };
        let result = take(&mut term, &mut session, ctx)?;
        report(&mut term, &result)?;
        result
    };
    lib.record_exam(result.clone())?;
    if args.json {
        let text =
            serde_json::to_string_pretty(&result).map_err(|e| Error::Usage(e.to_string()))?;
        println!("{text}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Ask every question through the same `ExamSession` the app drives;
/// returns the scored result.
fn take<R: BufRead, W: Write>(
    term: &mut Term<R, W>,
    session: &mut ExamSession,
    ctx: &Context,
) -> Result<ExamResult, Error> {
    let l = lang();
    let n = session.exam.items.len();
    term.say(&t!(
        l,
        "exam-intro",
        count = n,
        set = session.exam.config.set.as_str(),
        // A seed is an identifier: no grouping, no rounding.
        seed = session.exam.config.seed.to_string()
    ))?;
    if let Some(m) = session.exam.config.time_limit {
        term.say(&t!(l, "exam-time-limit", minutes = m))?;
    }
    term.say(&t!(l, "exam-quit-hint"))?;
    while let Some(view) = session.current().cloned() {
        if session.out_of_time(ctx.now()?) {
            term.say(&format!("\n{}", t!(l, "exam-time-up")))?;
            break;
        }
        term.say(&format!(
            "\n{}",
            t!(l, "exam-question", number = session.index + 1, count = n)
        ))?;
        let line = match ask_answer(term, &view)? {
            Input::Quit => break,
            Input::Undo => "u".to_owned(),
            Input::Line(l) => l,
        };
        let answer = match parse_response(&view, &line) {
            Some(r) => ExamAnswer::Response(r),
            None if view.kind == QuestionKind::Flashcard => {
                term.say(&t!(l, "feedback-answer", answer = view.answer.as_str()))?;
                match term.ask(&format!("{} ", t!(l, "exam-knew-it")))? {
                    Input::Quit => break,
                    Input::Line(l) => ExamAnswer::SelfMarked(
                        l.trim().eq_ignore_ascii_case("y") || l.trim().eq_ignore_ascii_case("yes"),
                    ),
                    Input::Undo => ExamAnswer::SelfMarked(false),
                }
            }
            // Unreadable input (e.g. "x" for true/false) is a wrong answer.
            None => ExamAnswer::Response(kioku_core::grader::Response::Typed(line)),
        };
        let now = ctx.now()?;
        session.submit(answer, now);
        // With feedback after each question the session holds the verdict
        // until the learner moves on.
        if let Some(verdict) = session.verdict.clone() {
            show_feedback(term, &view, &verdict)?;
            session.next(now);
        }
    }
    session.finish(ctx.now()?);
    session
        .result
        .clone()
        .ok_or_else(|| Error::Usage(t!(l, "error-exam-unfinished")))
}

fn report<R: BufRead, W: Write>(term: &mut Term<R, W>, r: &ExamResult) -> Result<(), Error> {
    let l = lang();
    term.say(&format!(
        "\n{}",
        t!(
            l,
            "exam-score",
            points = r.points,
            total = r.total,
            percent = kioku_i18n::fixed(r.score_percent, 1),
            minutes = r.duration_s / 60,
            seconds = r.duration_s % 60
        )
    ))?;
    let mistakes: Vec<_> = r.questions.iter().filter(|q| !q.right).collect();
    if mistakes.is_empty() {
        return term.say(&t!(l, "exam-no-mistakes"));
    }
    term.say(&format!(
        "\n{}",
        t!(l, "exam-mistakes", count = mistakes.len())
    ))?;
    for q in mistakes {
        term.say(&format!("\n- {}", q.prompt))?;
        term.say(&format!(
            "  {}",
            t!(l, "exam-your-answer", answer = given_text(q))
        ))?;
        term.say(&format!(
            "  {}",
            t!(l, "exam-right-answer", answer = right_text(q))
        ))?;
        if let Some(e) = &q.explanation {
            term.say(&format!("  {e}"))?;
        }
        if let Some(s) = &q.source {
            term.say(&format!(
                "  {}",
                t!(l, "feedback-source", quote = s.as_str())
            ))?;
        }
    }
    term.say(&format!(
        "\n{}",
        t!(l, "exam-retake", seed = r.seed.to_string())
    ))
}

/// The learner's answer worded: their text as typed, the rest in the
/// interface's language.
fn given_text(q: &QuestionResult) -> String {
    let l = lang();
    match q.given_answer() {
        None => t!(l, "exam-no-answer"),
        Some(Given::Text(s)) => s.to_owned(),
        Some(Given::TrueFalse(b)) => truth_word(b),
        Some(Given::KnewIt(true)) => t!(l, "exam-knew"),
        Some(Given::KnewIt(false)) => t!(l, "exam-did-not-know"),
        Some(Given::Revealed) => t!(l, "exam-revealed"),
    }
}

/// The right answer worded: a true/false question's in the interface's
/// language.
fn right_text(q: &QuestionResult) -> String {
    match q.correct_answer.as_str() {
        given_words::TRUE if q.kind == QuestionKind::TrueFalse => truth_word(true),
        given_words::FALSE if q.kind == QuestionKind::TrueFalse => truth_word(false),
        other => other.to_owned(),
    }
}

pub(super) fn list(
    ctx: &Context,
    set: Option<&str>,
    json: bool,
    csv: bool,
) -> Result<ExitCode, Error> {
    let lib = ctx.open()?;
    let set = set_arg(&lib, set)?;
    let results: Vec<&ExamResult> = lib
        .exams()
        .iter()
        .filter(|r| set.as_ref().is_none_or(|s| &r.set == s))
        .collect();
    let mut out = std::io::stdout().lock();
    if json {
        let text =
            serde_json::to_string_pretty(&results).map_err(|e| Error::Usage(e.to_string()))?;
        writeln!(out, "{text}").map_err(out_err)?;
    } else if csv {
        writeln!(
            out,
            "started_at,set,seed,points,total,score_percent,duration_s"
        )
        .map_err(out_err)?;
        for r in results {
            writeln!(
                out,
                "{},{},{},{},{},{:.1},{}",
                r.started_at, r.set, r.seed, r.points, r.total, r.score_percent, r.duration_s
            )
            .map_err(out_err)?;
        }
    } else if results.is_empty() {
        writeln!(out, "{}", t!(lang(), "exams-none")).map_err(out_err)?;
    } else {
        let l = lang();
        writeln!(
            out,
            "{} {} {} {}  {}",
            pad_right(&t!(l, "exams-started"), 24),
            pad_right(&t!(l, "exams-set"), 24),
            pad_left(&t!(l, "exams-score"), 7),
            pad_left(&t!(l, "exams-time"), 7),
            t!(l, "exams-trend")
        )
        .map_err(out_err)?;
        for r in results {
            let bar = "█".repeat((r.score_percent / 10.0).round() as usize);
            let time = t!(
                l,
                "exams-duration",
                minutes = r.duration_s / 60,
                seconds = format!("{:02}", r.duration_s % 60)
            );
            writeln!(
                out,
                "{} {:<24} {:>6.1}% {}  {bar}",
                pad_right(
                    &kioku_i18n::date_time(
                        l,
                        r.started_at.to_zoned(lib.time_zone().clone()).datetime()
                    ),
                    24
                ),
                r.set.as_str(),
                r.score_percent,
                pad_left(&time, 7)
            )
            .map_err(out_err)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
