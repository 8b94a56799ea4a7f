//! CSV and TSV: one question per row.
//!
//! The full form has a header row `id,type,prompt,answer,choices,correct,
//! explanation,source,tags` (`id` optional on import). Lists are packed
//! into one cell separated by `|`, with `\|` for a bar and `\\` for a
//! backslash inside an item:
//!
//! | type | prompt | answer | choices | correct |
//! |---|---|---|---|---|
//! | `flashcard` (`reversible_flashcard`) | prompt | answer | | |
//! | `typed` | prompt | accepted answers, `\|`-separated | | |
//! | `multiple_choice` | prompt | | choices, `\|`-separated | indices from 0, `\|`-separated |
//! | `true_false` | prompt | `true` or `false` | | |
//! | `cloze` | text with `{{deletions}}` | | | |
//!
//! `tags` is `|`-separated too. A file of two columns (no header, or a
//! two-column header) is front/back flashcards, as Quizlet exports.
//! Set metadata and a multiple choice's `shuffle: false` are not carried.

use super::{
    Builder, Draft, ExportError, Exported, Extras, ImportMeta, Imported, Skipped, line_pos,
};
use crate::bank::model::{QuestionBody, QuestionSet};
use crate::bank::problem::LocatedProblem;

const HEADER: [&str; 9] = [
    "id",
    "type",
    "prompt",
    "answer",
    "choices",
    "correct",
    "explanation",
    "source",
    "tags",
];

/// Split a packed cell on unescaped `|`.
pub fn unpack(cell: &str) -> Vec<String> {
    if cell.is_empty() {
        return Vec::new();
    }
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some('|' | '\\')) => cur.extend(chars.next()),
            '|' => items.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    items.push(cur);
    items
}

pub fn pack<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| s.as_ref().replace('\\', "\\\\").replace('|', "\\|"))
        .collect::<Vec<_>>()
        .join("|")
}

fn reader(text: &str, delimiter: u8) -> ::csv::Reader<&[u8]> {
    ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// Import CSV (`delimiter` `,`) or TSV (`\t`).
pub fn import(
    text: &str,
    delimiter: u8,
    meta: &ImportMeta,
) -> Result<Imported, Vec<LocatedProblem>> {
    let mut b = Builder::default();
    let mut rows = Vec::new();
    for record in reader(text, delimiter).into_records() {
        match record {
            Ok(r) => {
                let line = r.position().map_or(1, |p| p.line());
                rows.push((line, r.iter().map(str::to_owned).collect::<Vec<_>>()));
            }
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line());
                b.error(line_pos(line), format!("cannot read CSV: {e}"));
                return b.finish(meta, Vec::new());
            }
        }
    }
    let Some((_, first)) = rows.first() else {
        return b.finish(meta, Vec::new());
    };
    let lower: Vec<String> = first
        .iter()
        .map(|c| c.trim().to_ascii_lowercase())
        .collect();
    let full = lower.iter().any(|c| c == "type") && lower.iter().any(|c| c == "prompt");
    if !full {
        let header = lower.len() == 2
            && matches!(
                lower[0].as_str(),
                "front" | "term" | "question" | "prompt" | "word"
            );
        for (line, row) in rows.iter().skip(usize::from(header)) {
            let pos = line_pos(*line);
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if row.len() != 2 {
                b.error(
                    pos,
                    format!(
                        "expected 2 columns (front, back) or a header naming type and prompt, found {}",
                        row.len()
                    ),
                );
                continue;
            }
            let draft = Draft::Flashcard {
                prompt: row[0].clone(),
                answer: row[1].clone(),
                reversible: false,
            };
            b.add(pos, draft, Extras::default());
        }
        return b.finish(meta, Vec::new());
    }
    for (i, name) in lower.iter().enumerate() {
        if !HEADER.contains(&name.as_str()) {
            b.error(
                line_pos(rows[0].0),
                format!(
                    "unknown column {} \"{name}\"; columns are {}",
                    i + 1,
                    HEADER.join(",")
                ),
            );
        }
    }
    let col = |name: &str| lower.iter().position(|c| c == name);
    let cols: Vec<Option<usize>> = HEADER.iter().map(|h| col(h)).collect();
    for (line, row) in rows.iter().skip(1) {
        let pos = line_pos(*line);
        let cell = |name: &str| -> String {
            let k = HEADER.iter().position(|h| *h == name).and_then(|k| cols[k]);
            k.and_then(|k| row.get(k)).cloned().unwrap_or_default()
        };
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let prompt = cell("prompt");
        let draft = match cell("type").trim() {
            "flashcard" | "reversible_flashcard" => Draft::Flashcard {
                prompt,
                answer: cell("answer"),
                reversible: cell("type").trim() == "reversible_flashcard",
            },
            "typed" => Draft::Typed {
                prompt,
                answers: unpack(&cell("answer")),
            },
            "multiple_choice" => {
                let mut correct = Vec::new();
                for c in unpack(&cell("correct")) {
                    match c.trim().parse::<i64>() {
                        Ok(i) => correct.push(i),
                        Err(_) => {
                            b.error(pos, format!("correct index \"{c}\" is not a whole number"))
                        }
                    }
                }
                Draft::MultipleChoice {
                    prompt,
                    choices: unpack(&cell("choices")),
                    correct,
                    shuffle: true,
                }
            }
            "true_false" => match cell("answer").trim().to_ascii_lowercase().as_str() {
                "true" => Draft::TrueFalse {
                    prompt,
                    answer: true,
                },
                "false" => Draft::TrueFalse {
                    prompt,
                    answer: false,
                },
                other => {
                    b.error(
                        pos,
                        format!("a true_false answer is true or false, found \"{other}\""),
                    );
                    continue;
                }
            },
            "cloze" => Draft::Cloze { text: prompt },
            other => {
                b.error(
                    pos,
                    format!(
                        "unknown question type \"{other}\"; expected flashcard, reversible_flashcard, typed, multiple_choice, true_false or cloze"
                    ),
                );
                continue;
            }
        };
        let opt = |s: String| (!s.trim().is_empty()).then_some(s);
        let extras = Extras {
            id: opt(cell("id")),
            explanation: opt(cell("explanation")),
            source: opt(cell("source")),
            tags: unpack(&cell("tags")),
        };
        b.add(pos, draft, extras);
    }
    b.finish(meta, Vec::new())
}

/// Export in the full form with a header row.
pub fn export(set: &QuestionSet, delimiter: u8) -> Result<Exported, ExportError> {
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let enc = |e: ::csv::Error| ExportError::Encode(e.to_string());
    w.write_record(HEADER).map_err(enc)?;
    let mut skipped = Vec::new();
    for q in &set.questions {
        let (ty, prompt, answer, choices, correct) = match &q.body {
            QuestionBody::Flashcard {
                prompt,
                answer,
                reversible,
            } => (
                if *reversible {
                    "reversible_flashcard"
                } else {
                    "flashcard"
                },
                prompt.clone(),
                answer.clone(),
                String::new(),
                String::new(),
            ),
            QuestionBody::Typed { prompt, answers } => (
                "typed",
                prompt.clone(),
                pack(answers),
                String::new(),
                String::new(),
            ),
            QuestionBody::MultipleChoice {
                prompt,
                choices,
                correct,
                shuffle,
            } => {
                if !shuffle {
                    skipped.push(Skipped {
                        item: q.id.to_string(),
                        reason: "written, but \"shuffle: false\" is not carried by CSV".into(),
                    });
                }
                let idx: Vec<String> = correct.iter().map(usize::to_string).collect();
                (
                    "multiple_choice",
                    prompt.clone(),
                    String::new(),
                    pack(choices),
                    pack(&idx),
                )
            }
            QuestionBody::TrueFalse { prompt, answer } => (
                "true_false",
                prompt.clone(),
                answer.to_string(),
                String::new(),
                String::new(),
            ),
            QuestionBody::Cloze { text } => (
                "cloze",
                text.source_text(),
                String::new(),
                String::new(),
                String::new(),
            ),
        };
        w.write_record([
            q.id.as_str(),
            ty,
            &prompt,
            &answer,
            &choices,
            &correct,
            q.explanation.as_deref().unwrap_or(""),
            q.source.as_deref().unwrap_or(""),
            &pack(&q.tags),
        ])
        .map_err(enc)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::Encode(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| ExportError::Encode(e.to_string()))?;
    Ok(Exported {
        text,
        skipped: Vec::new(),
        notes: skipped,
    })
}
