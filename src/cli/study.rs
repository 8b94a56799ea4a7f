//! `kioku study`: today's cards in the terminal. Reads answers line by
//! line, so it works with piped input as well as a terminal.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use super::{Context, new_event_id, set_arg};
use crate::cli::Error;
use kioku_core::bank::QuestionKind;
use kioku_core::card::CardView;
use kioku_core::grader::{Response, Verdict};
use kioku_core::library::Library;
use kioku_core::scheduler::{Outcomes, Rating};
use kioku_core::study::{Current, Phase, StudySession};

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
    Error::Usage(format!("terminal: {e}"))
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
            "\n[new {} · learning {} · review {}]  {}",
            r.new, r.learning, r.review, card.view.key
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
    match view.kind {
        QuestionKind::Flashcard => term.ask("(Enter to show the answer) "),
        QuestionKind::Typed => term.ask("Your answer: "),
        QuestionKind::Cloze => term.ask("Missing text: "),
        QuestionKind::TrueFalse => term.ask("True or false? (t/f) "),
        QuestionKind::MultipleChoice => {
            for (i, c) in view.choices.iter().flatten().enumerate() {
                term.say(&format!("  {}) {}", letter(i), c.text))?;
            }
            if view.select_all {
                term.say("Select all that apply (all must be right).")?;
                term.ask("Your choices (e.g. a,c): ")
            } else {
                term.ask("Your choice: ")
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
    match verdict {
        Verdict::SelfGraded => term.say(&format!("Answer: {}", view.answer))?,
        Verdict::Correct => term.say(&format!("✓ Correct: {}", view.answer))?,
        Verdict::CorrectWithTypo { expected } => {
            term.say(&format!("✓ Correct, with a typo: the answer is {expected}"))?
        }
        Verdict::Wrong => term.say(&format!("✗ Wrong. The answer: {}", view.answer))?,
    }
    if let Some(e) = &view.explanation {
        term.say(e)?;
    }
    if let Some(s) = &view.source {
        let from = if view.source_title.is_some() {
            "From the source"
        } else {
            "Source"
        };
        term.say(&format!("{from}: “{s}”"))?;
    }
    Ok(())
}

fn ask_rating<R: BufRead, W: Write>(
    term: &mut Term<R, W>,
    o: &Outcomes,
    suggested: Rating,
) -> Result<Input, Error> {
    let line = Rating::ALL
        .iter()
        .map(|r| format!("{} {} ({})", r.number(), r.name(), o.get(*r).interval))
        .collect::<Vec<_>>()
        .join(" · ");
    term.say(&line)?;
    term.ask(&format!("Rate [Enter = {suggested}, u = undo, q = quit]: "))
}

fn undo<R: BufRead, W: Write>(
    session: &mut StudySession,
    lib: &mut Library,
    term: &mut Term<R, W>,
    ctx: &Context,
) -> Result<(), Error> {
    if session.undo(lib, ctx.now()?, new_event_id())? {
        let key = session.current.as_ref().map(|c| c.view.key.to_string());
        term.say(&format!("Undid the answer to {}.", key.unwrap_or_default()))
    } else {
        term.say("Nothing to undo.")
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
    term.say(&format!(
        "\nStudied {} cards · {}% right · {}m {}s",
        s.studied,
        s.accuracy,
        s.seconds / 60,
        s.seconds % 60
    ))?;
    let next = if s.more_now {
        "more cards are due now".to_owned()
    } else if let Some(due) = s.next_due {
        let mins = (due.as_second() - now.as_second()).max(0) / 60 + 1;
        format!("next card in {mins}m")
    } else {
        "no more cards today".to_owned()
    };
    term.say(&format!("Next: {next}."))
}
