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
    Builder, Draft, ExportError, Exported, Extras, ImportMeta, Imported, Item, NoteKind, Skipped,
    line_pos,
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

/// The delimiter of `text`: whichever of `,`, `;` and tab occurs most
/// (outside quotes) in its first non-blank line, `default` on a tie.
/// Excel in German or French locales writes `;`.
pub fn sniff(text: &str, default: u8) -> u8 {
    let Some(line) = text.lines().find(|l| !l.trim().is_empty()) else {
        return default;
    };
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in line.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(slot) = counts.iter_mut().find(|(d, _)| *d == c) {
            slot.1 += 1;
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let default_count = counts
        .iter()
        .find(|(d, _)| *d == default)
        .map_or(0, |(_, n)| *n);
    if best == 0 || default_count == best {
        return default;
    }
    counts
        .iter()
        .find(|(_, n)| *n == best)
        .map_or(default, |(d, _)| *d)
}

/// Line breaks inside a cell as `\n`.
fn lf(cell: &str) -> String {
    cell.replace("\r\n", "\n").replace('\r', "\n")
}

/// A record's first line and its cells.
type Row = (u64, Vec<String>);

/// Rows of a comma or semicolon file with their first line, or the line
/// and message of the first unreadable record.
fn csv_rows(text: &str, delimiter: u8) -> Result<Vec<Row>, (u64, String)> {
    let reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.into_records() {
        match record {
            Ok(r) => {
                let line = r.position().map_or(1, |p| p.line());
                rows.push((line, r.iter().map(lf).collect()));
            }
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line());
                // The error's own text repeats the position; say it once.
                let what = match e.kind() {
                    ::csv::ErrorKind::Utf8 { .. } => "a cell is not UTF-8".to_owned(),
                    ::csv::ErrorKind::Io(io) => io.to_string(),
                    _ => "malformed record".to_owned(),
                };
                return Err((line, what));
            }
        }
    }
    Ok(rows)
}

/// Rows of a tab-separated file. A cell is read as CSV-quoted only when it
/// is wholly `"…"` and its content needs quoting (holds a tab, a line
/// break or a `"`), as kioku's TSV export writes; otherwise its text is
/// kept as written, so `"Ganbatte"` stays `"Ganbatte"`.
fn tsv_rows(text: &str) -> Vec<Row> {
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    let mut line: u64 = 1;
    let mut i = 0;
    while i < bytes.len() {
        let first = line;
        let mut row = Vec::new();
        loop {
            let (cell, next) = tsv_cell(text, i);
            line += newlines(&text[i..next]);
            row.push(lf(&cell));
            i = next;
            if i >= bytes.len() {
                break;
            }
            match bytes[i] {
                b'\t' => i += 1,
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    i += 2;
                    line += 1;
                    break;
                }
                _ => {
                    i += 1;
                    line += 1;
                    break;
                }
            }
        }
        rows.push((first, row));
    }
    rows
}

fn newlines(s: &str) -> u64 {
    let n = s.matches('\n').count() + s.matches('\r').count() - s.matches("\r\n").count();
    n as u64
}

/// One cell from byte `i`: its text and the index just past it.
fn tsv_cell(text: &str, i: usize) -> (String, usize) {
    let bytes = text.as_bytes();
    if bytes.get(i) == Some(&b'"') {
        let mut content = String::new();
        let mut j = i + 1;
        while let Some(q) = text[j..].find('"').map(|k| j + k) {
            content.push_str(&text[j..q]);
            if bytes.get(q + 1) == Some(&b'"') {
                content.push('"');
                j = q + 2;
                continue;
            }
            let end = q + 1;
            let closed = matches!(bytes.get(end), None | Some(b'\t' | b'\n' | b'\r'));
            if closed && content.contains(['"', '\t', '\n', '\r']) {
                return (content, end);
            }
            break;
        }
    }
    let end = text[i..]
        .find(['\t', '\n', '\r'])
        .map_or(text.len(), |k| i + k);
    (text[i..end].to_owned(), end)
}

/// Import CSV (`delimiter` `,`) or TSV (`\t`); the delimiter actually used
/// is sniffed from the first line (see [`sniff`]).
pub fn import(
    text: &str,
    delimiter: u8,
    meta: &ImportMeta,
) -> Result<Imported, Vec<LocatedProblem>> {
    let mut b = Builder::default();
    let delimiter = sniff(text, delimiter);
    let rows = if delimiter == b'\t' {
        tsv_rows(text)
    } else {
        match csv_rows(text, delimiter) {
            Ok(rows) => rows,
            Err((line, what)) => {
                b.error(line_pos(line), format!("cannot read CSV: {what}"));
                return b.finish(meta, Vec::new());
            }
        }
    };
    b.note(
        Item::Set,
        NoteKind::CsvNoMetadata {
            id: meta.id.to_string(),
            title: meta.title.clone(),
        },
    );
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
        if header {
            b.note(
                Item::Line(rows[0].0 as u64),
                NoteKind::HeaderRow {
                    cells: first.clone(),
                },
            );
        }
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
                    skipped.push(Skipped::new(
                        Item::Question(q.id.to_string()),
                        NoteKind::CsvShuffle,
                    ));
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
    skipped.insert(0, metadata_note(set));
    Ok(Exported {
        text,
        skipped: Vec::new(),
        notes: skipped,
    })
}

/// The note naming the set metadata CSV/TSV cannot carry.
fn metadata_note(set: &QuestionSet) -> Skipped {
    Skipped::new(
        Item::Set,
        NoteKind::CsvMetadataNotWritten {
            fields: super::SetField::of(set),
        },
    )
}
