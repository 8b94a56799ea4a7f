//! `kioku study`: today's cards in the terminal. Reads answers line by
//! line, so it works with piped input as well as a terminal.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use super::{Context, lang, new_event_id, set_arg};
use crate::cli::Error;
use kioku_core::bank::QuestionKind;
use kioku_core::card::CardView;
use kioku_core::grader::{Response, Verdict};
use kioku_core::library::Library;
use kioku_core::scheduler::{Outcomes, Rating};
use kioku_core::study::{Current, Phase, StudySession};
use kioku_i18n::t;

/// What the learner typed at a prompt.
pub(super) enum Input {
    Line(String),
    Undo,
    Quit,
}

pub(super) struct Term<R, W> {
    pub(super) input: R,
    pub(super) out: W,
}

impl<R: BufRead, W: Write> Term<R, W> {
    /// Print `prompt` and read a line; `u` undoes and `q` (or end of input) quits.
    pub(super) fn ask(&mut self, prompt: &str) -> Result<Input, Error> {
        write!(self.out, "{prompt}").map_err(out_err)?;
        self.out.flush().map_err(out_err)?;
        let mut line = String::new();
        let n = self.input.read_line(&mut line).map_err(out_err)?;
        if n == 0 {
            writeln!(self.out).map_err(out_err)?;
            return Ok(Input::Quit);
        }
        Ok(match line.trim() {
            "q" | "Q" => Input::Quit,
            "u" | "U" => Input::Undo,
            other => Input::Line(other.to_owned()),
        })
    }

    pub(super) fn say(&mut self, text: &str) -> Result<(), Error> {
        writeln!(self.out, "{text}").map_err(out_err)
    }
}

pub(super) fn out_err(e: std::io::Error) -> Error {
    Error::Usage(t!(lang(), "error-terminal", error = e.to_string()))
}

pub(super) fn run(
    ctx: &Context,
    set: Option<&str>,
    new_cap: Option<u32>,
) -> Result<ExitCode, Error> {
    let mut lib = ctx.open()?;
    let set = set_arg(&lib, set)?;
    let stdin = std::io::stdin();
    let mut term = Term {
        input: stdin.lock(),
        out: std::io::stdout().lock(),
    };
    // The same session the app drives: queue, grading, answer times,
    // undo and the per-session new-card limit all live in the core.
    let mut session = StudySession::start_limited(&lib, set, new_cap, ctx.now()?)?;
    while let Some(card) = session.current.clone() {
        let r = &session.remaining;
        term.say(&format!(
            "\n{}",
            t!(
                lang(),
                "study-counts",
                new = r.new,
                learning = r.learning,
                review = r.review,
                key = card.view.key.to_string()
            )
        ))?;
        let line = match ask_answer(&mut term, &card.view)? {
            Input::Quit => break,
            Input::Undo => {
                undo(&mut session, &mut lib, &mut term, ctx)?;
                continue;
            }
            Input::Line(l) => l,
        };
        // What cannot be read is self-graded.
        let mut tf = None;
        match parse_response(&card.view, &line) {
            Some(Response::TrueFalse(b)) => tf = Some(b),
            Some(Response::Typed(t)) => session.set_typed(t),
            Some(Response::Choices(picked)) => {
                if let Some(c) = &mut session.current {
                    c.picked = picked;
                }
            }
            Some(Response::Revealed) => {}
            None => session.reveal(),
        }
        session.submit(&lib, tf);
        let verdict = match &session.current {
            Some(Current {
                phase: Phase::Answered { verdict },
                ..
            }) => verdict.clone(),
            _ => Verdict::SelfGraded,
        };
        show_feedback(&mut term, &card.view, &verdict)?;
        let suggested = session.suggested_rating();
        let rating = match ask_rating(&mut term, &card.outcomes, suggested)? {
            Input::Quit => break,
            Input::Undo => {
                // Undo here means "undo the previous card", as in the app.
                undo(&mut session, &mut lib, &mut term, ctx)?;
                continue;
            }
            Input::Line(r) => Rating::parse(&r).unwrap_or(suggested),
        };
        session.rate(&mut lib, rating, ctx.now()?, new_event_id())?;
    }
    summary(&mut term, &session, &lib, ctx)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn ask_answer<R: BufRead, W: Write>(
    term: &mut Term<R, W>,
    view: &CardView,
) -> Result<Input, Error> {
    term.say(&view.prompt)?;
    // A prompt is followed by one space, where the learner types.
    let prompt = |key: &str| format!("{} ", kioku_i18n::tr(lang(), key, &[]));
    match view.kind {
        QuestionKind::Flashcard => term.ask(&prompt("prompt-flashcard")),
        QuestionKind::Typed => term.ask(&prompt("prompt-typed")),
        QuestionKind::Cloze if view.blanks > 1 => term.ask(&format!(
            "{} ",
            t!(lang(), "prompt-cloze-several", n = view.blanks)
        )),
        QuestionKind::Cloze => term.ask(&prompt("prompt-cloze")),
        QuestionKind::TrueFalse => term.ask(&prompt("prompt-true-false")),
        QuestionKind::MultipleChoice => {
            for (i, c) in view.choices.iter().flatten().enumerate() {
                term.say(&format!("  {}) {}", letter(i), c.text))?;
            }
            if view.select_all {
                term.say(&t!(lang(), "prompt-select-all"))?;
                term.ask(&prompt("prompt-choices"))
            } else {
                term.ask(&prompt("prompt-choice"))
            }
        }
    }
}

fn letter(i: usize) -> char {
    char::from(b'a' + u8::try_from(i).unwrap_or(25).min(25))
}

/// Turn what was typed into a response; `None` for a flashcard reveal or
/// input that can't be read (then the learner grades themselves).
pub(super) fn parse_response(view: &CardView, input: &str) -> Option<Response> {
    match view.kind {
        QuestionKind::Flashcard => None,
        QuestionKind::Typed | QuestionKind::Cloze => Some(Response::Typed(input.to_owned())),
        QuestionKind::TrueFalse => match input.trim().to_ascii_lowercase().as_str() {
            "t" | "true" | "y" | "yes" => Some(Response::TrueFalse(true)),
            "f" | "false" | "n" | "no" => Some(Response::TrueFalse(false)),
            _ => None,
        },
        QuestionKind::MultipleChoice => {
            let choices = view.choices.as_ref()?;
            let mut picked = Vec::new();
            for part in input.split([',', ' ']).filter(|p| !p.is_empty()) {
                let c = part.trim().to_ascii_lowercase();
                let pos = match c.parse::<usize>() {
                    Ok(n) => n.checked_sub(1)?,
                    Err(_) => usize::from(c.bytes().next()?.checked_sub(b'a')?),
                };
                picked.push(choices.get(pos)?.index);
            }
            Some(Response::Choices(picked))
        }
    }
}

pub(super) fn show_feedback<R: BufRead, W: Write>(
    term: &mut Term<R, W>,
    view: &CardView,
    verdict: &Verdict,
) -> Result<(), Error> {
    let l = lang();
    let answer = match view.truth {
        Some(b) => truth_word(b),
        None => view.answer.clone(),
    };
    let answer = answer.as_str();
    term.say(&match verdict {
        Verdict::SelfGraded => t!(l, "feedback-answer", answer = answer),
        Verdict::Correct => t!(l, "feedback-correct", answer = answer),
        Verdict::CorrectWithTypo { expected } => t!(l, "feedback-typo", expected = expected),
        Verdict::Wrong => t!(l, "feedback-wrong", answer = answer),
    })?;
    if let Some(e) = &view.explanation {
        term.say(e)?;
    }
    if let Some(s) = &view.source {
        term.say(&if view.source_title.is_some() {
            t!(l, "feedback-from-source", quote = s)
        } else {
            t!(l, "feedback-source", quote = s)
        })?;
    }
    Ok(())
}

fn ask_rating<R: BufRead, W: Write>(
    term: &mut Term<R, W>,
    o: &Outcomes,
    suggested: Rating,
) -> Result<Input, Error> {
    let l = lang();
    let line = Rating::ALL
        .iter()
        .map(|r| {
            t!(
                l,
                "rating-choice",
                number = r.number(),
                name = rating_name(*r),
                interval = interval_label(o.get(*r).interval)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    term.say(&line)?;
    let prompt = t!(l, "rating-prompt", suggested = rating_name(suggested));
    term.ask(&format!("{prompt} "))
}

/// A rating's name as the four buttons word it: Again/Hard/Good/Easy,
/// もう一度/難しい/正解/簡単.
pub(super) fn rating_name(r: Rating) -> String {
    let l = lang();
    match r {
        Rating::Again => t!(l, "rating-again"),
        Rating::Hard => t!(l, "rating-hard"),
        Rating::Good => t!(l, "rating-good"),
        Rating::Easy => t!(l, "rating-easy"),
    }
}

/// A true/false answer worded: True/False, 正しい/誤り.
pub(super) fn truth_word(b: bool) -> String {
    if b {
        t!(lang(), "answer-true")
    } else {
        t!(lang(), "answer-false")
    }
}

/// A card state's name: new, learning, review, relearning.
pub(super) fn state_name(state: &str) -> String {
    let l = lang();
    match state {
        "new" => t!(l, "state-new"),
        "learning" => t!(l, "state-learning"),
        "review" => t!(l, "state-review"),
        "relearning" => t!(l, "state-relearning"),
        other => other.to_owned(),
    }
}

/// An interval as the rating buttons label it (`10m`, `10分`).
pub(super) fn interval_label(i: kioku_core::scheduler::Interval) -> String {
    use kioku_core::scheduler::Interval;
    let span = match i {
        Interval::Minutes(m) => kioku_i18n::Span::Minutes(u64::from(m)),
        Interval::Days(d) => kioku_i18n::Span::Days(u64::from(d)),
    };
    kioku_i18n::interval(lang(), span)
}

fn undo<R: BufRead, W: Write>(
    session: &mut StudySession,
    lib: &mut Library,
    term: &mut Term<R, W>,
    ctx: &Context,
) -> Result<(), Error> {
    if session.undo(lib, ctx.now()?, new_event_id())? {
        let key = session.current.as_ref().map(|c| c.view.key.to_string());
        term.say(&t!(lang(), "study-undid", key = key.unwrap_or_default()))
    } else {
        term.say(&t!(lang(), "study-nothing-to-undo"))
    }
}

fn summary<R: BufRead, W: Write>(
    term: &mut Term<R, W>,
    session: &StudySession,
    lib: &Library,
    ctx: &Context,
) -> Result<(), Error> {
    let now = ctx.now()?;
    let s = session.summary(lib, now);
    let l = lang();
    term.say(&format!(
        "\n{}",
        t!(
            l,
            "study-summary",
            studied = s.studied,
            accuracy = s.accuracy,
            minutes = s.seconds / 60,
            seconds = s.seconds % 60
        )
    ))?;
    term.say(&if s.more_now {
        t!(l, "study-next-now")
    } else if let Some(due) = s.next_due {
        let mins = (due.as_second() - now.as_second()).max(0) / 60 + 1;
        t!(l, "study-next-in", minutes = mins)
    } else {
        t!(l, "study-next-none")
    })
}
