//! `kioku study`: today's cards in the terminal. Reads answers line by
//! line, so it works with piped input as well as a terminal.

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::time::Instant;

use super::{Context, new_event_id, set_arg};
use crate::cli::Error;
use kioku_core::bank::QuestionKind;
use kioku_core::card::CardView;
use kioku_core::grader::{Response, Verdict, grade_in};
use kioku_core::library::Library;
use kioku_core::review::Mode;
use kioku_core::scheduler::{Outcomes, Rating};

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
    let started = Instant::now();
    let (mut studied, mut graded, mut right, mut new_seen) = (0u32, 0u32, 0u32, 0u32);
    loop {
        let now = lib.now(ctx.now()?);
        let mut queue = lib.queue(set.as_ref(), now);
        if new_cap.is_some_and(|cap| new_seen >= cap) {
            queue.new.clear();
        }
        let Some(key) = queue.next(now.at).cloned() else {
            break;
        };
        let Some(view) = lib.card_view(&key) else {
            break;
        };
        let is_new =
            queue.new.first() == Some(&key) && queue.learning.is_empty() && queue.review.is_empty();
        term.say(&format!(
            "\n[new {} · learning {} · review {}]  {}",
            queue.new.len(),
            queue.learning.len() + queue.learning_later.len(),
            queue.review.len(),
            key
        ))?;
        let shown = Instant::now();
        let response = match ask_answer(&mut term, &view)? {
            Input::Quit => break,
            Input::Undo => {
                undo(&mut lib, &mut term, ctx)?;
                continue;
            }
            Input::Line(r) => r,
        };
        let verdict = match parse_response(&view, &response) {
            Some(r) => {
                let (set, q, variant) = lib
                    .card(&key)
                    .ok_or_else(|| Error::Usage(format!("card {key} vanished")))?;
                grade_in(&q.body, variant, &r, &set.language)
            }
            None => Verdict::SelfGraded,
        };
        show_feedback(&mut term, &view, &verdict)?;
        let outcomes = lib.outcomes(&key, now)?;
        let rating = match ask_rating(&mut term, &outcomes, verdict.suggested_rating())? {
            Input::Quit => break,
            Input::Undo => {
                // Undo here means "undo the previous card", as in the app.
                undo(&mut lib, &mut term, ctx)?;
                continue;
            }
            Input::Line(r) => Rating::parse(&r).unwrap_or(verdict.suggested_rating()),
        };
        let duration = u64::try_from(shown.elapsed().as_millis()).unwrap_or(u64::MAX);
        // Time of the answer, not of the question: the clock may be injected.
        let now = lib.now(ctx.now()?);
        lib.answer(&key, rating, now, duration, Mode::Study, new_event_id())?;
        studied += 1;
        new_seen += u32::from(is_new);
        // Self-graded cards count as right unless rated Again.
        graded += 1;
        right += u32::from(verdict.is_correct().unwrap_or(rating != Rating::Again));
    }
    summary(
        &mut term,
        &lib,
        ctx,
        set.as_ref(),
        studied,
        graded,
        right,
        started,
    )?;
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
    lib: &mut Library,
    term: &mut Term<R, W>,
    ctx: &Context,
) -> Result<(), Error> {
    match lib.undo(ctx.now()?, new_event_id())? {
        Some(key) => term.say(&format!("Undid the answer to {key}.")),
        None => term.say("Nothing to undo."),
    }
}

#[allow(clippy::too_many_arguments)]
fn summary<R: BufRead, W: Write>(
    term: &mut Term<R, W>,
    lib: &Library,
    ctx: &Context,
    set: Option<&kioku_core::bank::SetId>,
    studied: u32,
    graded: u32,
    right: u32,
    started: Instant,
) -> Result<(), Error> {
    let secs = started.elapsed().as_secs();
    let accuracy = (right * 100).checked_div(graded).unwrap_or(0);
    term.say(&format!(
        "\nStudied {studied} cards · {accuracy}% right · {}m {}s",
        secs / 60,
        secs % 60
    ))?;
    let now = lib.now(ctx.now()?);
    let queue = lib.queue(set, now);
    let due_now = !(queue.learning.is_empty() && queue.review.is_empty() && queue.new.is_empty());
    let next = if due_now {
        "more cards are due now".to_owned()
    } else if let Some((due, _)) = queue.learning_later.first() {
        let mins = (due.as_second() - now.at.as_second()).max(0) / 60 + 1;
        format!("next card in {mins}m")
    } else {
        "no more cards today".to_owned()
    };
    term.say(&format!("Next: {next}."))
}
