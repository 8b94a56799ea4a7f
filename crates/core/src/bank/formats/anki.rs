//! Anki's text format ("Notes in Plain Text" with file headers).
//!
//! Export writes tab-separated Basic and Cloze notes, HTML-escaped, with
//! `#separator:tab`, `#html:true`, `#notetype column:1`, `#guid column:2`
//! (the question id) and `#tags column:5`. Types Anki's stock note types
//! cannot express are written as Basic notes with the answer shown, and
//! named in the notes. Import reads the same headers (tab, comma or
//! semicolon separators, quoted fields) and flattens HTML to text.

use super::{Builder, Draft, Exported, Extras, ImportMeta, Imported, Skipped, html, line_pos};
use crate::bank::model::{ClozeSegment, ClozeText, QuestionBody, QuestionSet, is_kebab_case};
use crate::bank::problem::LocatedProblem;

/// Anki's `{{c1::…}}` form of cloze text: deletion n is `c{n}`.
pub fn to_anki_cloze(text: &ClozeText) -> String {
    let mut out = String::new();
    let mut n = 0;
    for s in text.segments() {
        match s {
            ClozeSegment::Text(t) => out.push_str(&html::escape(t)),
            ClozeSegment::Deletion(d) => {
                n += 1;
                // Anki has no alternatives: the answer shown is exported.
                let shown = crate::bank::model::deletion_alternatives(d)[0];
                out.push_str(&format!("{{{{c{n}::{}}}}}", html::escape(shown)));
            }
        }
    }
    out
}

/// kioku's `{{…}}` form of Anki cloze text; hints (`{{c1::x::hint}}`) are
/// dropped and reported by the flag.
pub fn from_anki_cloze(text: &str) -> (String, bool) {
    let mut out = String::new();
    let mut hint_dropped = false;
    let mut rest = text;
    while let Some(i) = rest.find("{{c") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 3..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        let body = &after[digits..];
        match (digits > 0, body.strip_prefix("::"), body.find("}}")) {
            (true, Some(inner), Some(_)) => {
                let end = inner.find("}}").unwrap_or(inner.len());
                let mut hidden = &inner[..end];
                if let Some(h) = hidden.find("::") {
                    hidden = &hidden[..h];
                    hint_dropped = true;
                }
                out.push_str("{{");
                out.push_str(hidden);
                out.push_str("}}");
                rest = inner.get(end + 2..).unwrap_or("");
            }
            _ => {
                out.push_str("{{c");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, hint_dropped)
}

fn tag_cell(tags: &[String]) -> (String, bool) {
    let mut changed = false;
    let cleaned: Vec<String> = tags
        .iter()
        .map(|t| {
            let c: String = t
                .chars()
                .map(|c| if c.is_whitespace() { '_' } else { c })
                .collect();
            changed |= &c != t;
            c
        })
        .collect();
    (cleaned.join(" "), changed)
}

/// Export as Anki text.
pub fn export(set: &QuestionSet) -> Exported {
    let mut text = String::from(
        "#separator:tab\n#html:true\n#notetype column:1\n#guid column:2\n#tags column:5\n",
    );
    let mut notes = Vec::new();
    let mut note = |id: &str, reason: String| {
        notes.push(Skipped {
            item: id.to_owned(),
            reason,
        })
    };
    for q in &set.questions {
        let id = q.id.as_str();
        let (notetype, front, back) = match &q.body {
            QuestionBody::Flashcard {
                prompt,
                answer,
                reversible,
            } => (
                if *reversible {
                    "Basic (and reversed card)"
                } else {
                    "Basic"
                },
                html::escape(prompt),
                html::escape(answer),
            ),
            QuestionBody::Cloze { text } => (
                "Cloze",
                to_anki_cloze(text),
                html::escape(q.explanation.as_deref().unwrap_or("")),
            ),
            QuestionBody::Typed { prompt, answers } => {
                note(
                    id,
                    "typed question written as a Basic note showing the accepted answers".into(),
                );
                (
                    "Basic",
                    html::escape(prompt),
                    html::escape(&answers.join("\n")),
                )
            }
            QuestionBody::MultipleChoice {
                prompt,
                choices,
                correct,
                ..
            } => {
                note(
                    id,
                    "multiple choice written as a Basic note listing the choices, answer shown"
                        .into(),
                );
                let listed: Vec<String> = choices.iter().map(|c| format!("- {c}")).collect();
                let right: Vec<&str> = correct
                    .iter()
                    .filter_map(|&i| choices.get(i).map(String::as_str))
                    .collect();
                (
                    "Basic",
                    html::escape(&format!("{prompt}\n\n{}", listed.join("\n"))),
                    html::escape(&right.join("\n")),
                )
            }
            QuestionBody::TrueFalse { prompt, answer } => {
                note(
                    id,
                    "true/false written as a Basic note with answer True or False".into(),
                );
                (
                    "Basic",
                    html::escape(prompt),
                    if *answer { "True" } else { "False" }.to_owned(),
                )
            }
        };
        let (tags, changed) = tag_cell(&q.tags);
        if changed {
            note(
                id,
                "spaces in tags written as _ (Anki tags have no spaces)".into(),
            );
        }
        text.push_str(&format!("{notetype}\t{id}\t{front}\t{back}\t{tags}\n"));
    }
    let dropped = dropped_fields(set);
    notes.extend(dropped);
    Exported {
        text,
        skipped: Vec::new(),
        notes,
    }
}

/// One note naming the questions whose explanation (except a cloze's,
/// which goes to Back Extra) or source an export leaves out.
fn dropped_fields(set: &QuestionSet) -> Vec<Skipped> {
    let lost: Vec<&str> = set
        .questions
        .iter()
        .filter(|q| {
            q.source.is_some()
                || (q.explanation.is_some() && !matches!(q.body, QuestionBody::Cloze { .. }))
        })
        .map(|q| q.id.as_str())
        .collect();
    if lost.is_empty() {
        return Vec::new();
    }
    vec![Skipped {
        item: format!("{} questions", lost.len()),
        reason: "explanations (except on cloze notes) and sources are not carried by anki-tsv"
            .into(),
    }]
}

/// Header settings read from `#key:value` lines.
struct Headers {
    separator: u8,
    html: bool,
    notetype: Option<usize>,
    guid: Option<usize>,
    tags: Option<usize>,
    deck: Option<usize>,
}

/// Import Anki text.
pub fn import(text: &str, meta: &ImportMeta) -> Result<Imported, Vec<LocatedProblem>> {
    let mut b = Builder::default();
    let mut h = Headers {
        separator: b'\t',
        html: false,
        notetype: None,
        guid: None,
        tags: None,
        deck: None,
    };
    let mut header_lines = 0u64;
    let mut body_start = 0;
    for line in text.split_inclusive('\n') {
        let Some(rest) = line.strip_prefix('#') else {
            break;
        };
        header_lines += 1;
        body_start += line.len();
        let Some((key, value)) = rest.trim_end().split_once(':') else {
            continue;
        };
        let column = |v: &str| {
            v.trim()
                .parse::<usize>()
                .ok()
                .filter(|&c| c >= 1)
                .map(|c| c - 1)
        };
        match key.trim() {
            "separator" => {
                h.separator = match value.trim().to_ascii_lowercase().as_str() {
                    "tab" | "\t" => b'\t',
                    "comma" | "," => b',',
                    "semicolon" | ";" => b';',
                    "pipe" | "|" => b'|',
                    "space" | " " => b' ',
                    other => {
                        b.error(
                            line_pos(header_lines),
                            format!("unknown separator \"{other}\""),
                        );
                        b'\t'
                    }
                }
            }
            "html" => h.html = value.trim() == "true",
            "notetype column" => h.notetype = column(value),
            "guid column" => h.guid = column(value),
            "tags column" => h.tags = column(value),
            "deck column" => h.deck = column(value),
            _ => {}
        }
    }
    let body = &text[body_start..];
    let reader = ::csv::ReaderBuilder::new()
        .delimiter(h.separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let clean = |s: &str| {
        if h.html {
            html::to_text(s)
        } else {
            s.to_owned()
        }
    };
    for (n, record) in reader.into_records().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line()) + header_lines;
                b.error(line_pos(line), format!("cannot read Anki text: {e}"));
                break;
            }
        };
        let line = record.position().map_or(n as u64 + 1, |p| p.line()) + header_lines;
        let pos = line_pos(line);
        let special = [h.notetype, h.guid, h.tags, h.deck];
        let fields: Vec<&str> = record
            .iter()
            .enumerate()
            .filter(|(i, _)| !special.contains(&Some(*i)))
            .map(|(_, f)| f)
            .collect();
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let notetype = h.notetype.and_then(|c| record.get(c)).unwrap_or("Basic");
        let id = h
            .guid
            .and_then(|c| record.get(c))
            .filter(|g| is_kebab_case(g))
            .map(str::to_owned);
        let tags: Vec<String> = h
            .tags
            .and_then(|c| record.get(c))
            .map(|t| t.split_whitespace().map(str::to_owned).collect())
            .unwrap_or_default();
        let item = format!("line {line}");
        let field = |i: usize| fields.get(i).map(|f| clean(f)).unwrap_or_default();
        let lower = notetype.to_ascii_lowercase();
        let (draft, explanation) = if lower.contains("cloze") {
            let (text, hint) = from_anki_cloze(&field(0));
            if hint {
                b.skip(&item, "written without its cloze hints (kioku has none)");
            }
            let extra = field(1);
            (
                Draft::Cloze { text },
                (!extra.trim().is_empty()).then_some(extra),
            )
        } else if fields.len() < 2 {
            b.skip(
                item,
                format!("note type \"{notetype}\" with one field has no answer"),
            );
            continue;
        } else if lower.contains("type in") {
            (
                Draft::Typed {
                    prompt: field(0),
                    answers: vec![field(1)],
                },
                None,
            )
        } else {
            (
                Draft::Flashcard {
                    prompt: field(0),
                    answer: field(1),
                    reversible: lower.contains("and reversed"),
                },
                None,
            )
        };
        b.add(
            pos,
            draft,
            Extras {
                id,
                explanation,
                source: None,
                tags,
            },
        );
    }
    b.finish(meta, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anki_cloze_syntax() {
        assert_eq!(
            from_anki_cloze("{{c1::Tokyo}} in {{c2::1868::year}} {{c"),
            ("{{Tokyo}} in {{1868}} {{c".to_owned(), true)
        );
    }
}
