//! Moodle's Aiken format: single-answer multiple choice.
//!
//! ```text
//! Which city is the capital of Japan?
//! A. Kyoto
//! B. Tokyo
//! ANSWER: B
//! ```
//!
//! True/false questions are written as the choices `True` and `False`, and
//! read back as true/false. Prompts and choices are one line each. Ids,
//! explanations, sources, tags and `shuffle` are not carried; flashcards,
//! typed, cloze, multi-answer and multi-line questions are skipped.

use super::{Builder, Draft, Exported, Extras, ImportMeta, Imported, Item, Skipped, line_pos};
use super::{Format, NoteKind};
use crate::bank::model::{QuestionBody, QuestionSet};
use crate::bank::problem::LocatedProblem;

const LETTERS: &[u8; 26] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn option(line: &str) -> Option<(usize, &str)> {
    let mut chars = line.chars();
    let letter = chars.next()?;
    let sep = chars.next()?;
    let i = LETTERS.iter().position(|&l| l as char == letter)?;
    if !matches!(sep, '.' | ')') {
        return None;
    }
    let rest = &line[2..];
    rest.strip_prefix(' ').map(|r| (i, r.trim_end()))
}

fn answer(line: &str) -> Option<&str> {
    line.strip_prefix("ANSWER:").map(str::trim)
}

/// Import Aiken text.
pub fn import(text: &str, meta: &ImportMeta) -> Result<Imported, Vec<LocatedProblem>> {
    let mut b = Builder::default();
    let mut prompt: Option<(u64, String)> = None;
    let mut choices: Vec<String> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n as u64 + 1;
        let line = raw.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        if let Some(letter) = answer(line) {
            let Some((start, p)) = prompt.take() else {
                b.error(line_pos(line_no), "ANSWER without a question before it");
                continue;
            };
            let chosen = LETTERS
                .iter()
                .position(|&l| letter.len() == 1 && letter.as_bytes()[0] == l);
            let taken = std::mem::take(&mut choices);
            let Some(i) = chosen.filter(|&i| i < taken.len()) else {
                b.error(
                    line_pos(line_no),
                    format!(
                        "ANSWER \"{letter}\" names no choice; the choices are A to {}",
                        LETTERS[taken.len().saturating_sub(1).min(25)] as char
                    ),
                );
                continue;
            };
            let draft = if taken == ["True", "False"] {
                Draft::TrueFalse {
                    prompt: p,
                    answer: i == 0,
                }
            } else {
                Draft::MultipleChoice {
                    prompt: p,
                    choices: taken,
                    correct: vec![i64::try_from(i).unwrap_or(0)],
                    shuffle: true,
                }
            };
            b.add(line_pos(start), draft, Extras::default());
            continue;
        }
        match (&mut prompt, option(line)) {
            (Some(_), Some((i, c))) if i == choices.len() => choices.push(c.to_owned()),
            (Some(_), Some((i, _))) => b.error(
                line_pos(line_no),
                format!(
                    "choice {} out of order; expected {}",
                    LETTERS[i] as char,
                    LETTERS[choices.len().min(25)] as char
                ),
            ),
            (Some((_, p)), None) if choices.is_empty() => {
                p.push('\n');
                p.push_str(line);
            }
            (Some((start, _)), None) => {
                b.error(
                    line_pos(line_no),
                    format!("expected a choice (\"A. ...\") or \"ANSWER: X\" for the question at line {start}"),
                );
            }
            (None, _) => prompt = Some((line_no, line.to_owned())),
        }
    }
    if let Some((start, _)) = prompt {
        b.error(line_pos(start), "question has no \"ANSWER:\" line");
    }
    b.finish(meta, Vec::new())
}

fn one_line(s: &str) -> bool {
    !s.contains('\n') && s.trim() == s && !s.is_empty()
}

/// Export as Aiken.
pub fn export(set: &QuestionSet) -> Exported {
    let mut text = String::new();
    let mut skipped = Vec::new();
    let mut notes = Vec::new();
    let mut skip = |id: &str, reason: NoteKind| {
        skipped.push(Skipped::new(Item::Question(id.to_owned()), reason))
    };
    for q in &set.questions {
        let id = q.id.as_str();
        let (prompt, choices, right): (&str, Vec<&str>, usize) = match &q.body {
            QuestionBody::MultipleChoice {
                prompt,
                choices,
                correct,
                ..
            } => {
                if correct.len() != 1 {
                    skip(id, NoteKind::AikenSeveralRight);
                    continue;
                }
                (
                    prompt,
                    choices.iter().map(String::as_str).collect(),
                    correct[0],
                )
            }
            QuestionBody::TrueFalse { prompt, answer } => {
                (prompt, vec!["True", "False"], usize::from(!answer))
            }
            other => {
                skip(
                    id,
                    NoteKind::NoQuestionType {
                        format: Format::Aiken,
                        kind: other.kind(),
                    },
                );
                continue;
            }
        };
        let looks_like_option = option(prompt).is_some() || answer(prompt).is_some();
        if !one_line(prompt) || looks_like_option || !choices.iter().all(|c| one_line(c)) {
            skip(id, NoteKind::AikenSingleLines);
            continue;
        }
        notes.push(Skipped::new(
            Item::Question(id.to_owned()),
            NoteKind::AikenLost {
                id: id.to_owned(),
                explanation: q.explanation.clone(),
                tags: q.tags.clone(),
            },
        ));
        text.push_str(prompt);
        text.push('\n');
        for (i, c) in choices.iter().enumerate() {
            text.push_str(&format!("{}. {c}\n", LETTERS[i] as char));
        }
        text.push_str(&format!("ANSWER: {}\n\n", LETTERS[right] as char));
    }
    Exported {
        text,
        skipped,
        notes,
    }
}
