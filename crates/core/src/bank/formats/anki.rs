//! Anki's text format ("Notes in Plain Text" with file headers).
//!
//! Export writes tab-separated Basic and Cloze notes, HTML-escaped, with
//! `#separator:tab`, `#html:true`, `#notetype column:1`, `#guid column:2`
//! (the question id) and `#tags column:5`. Types Anki's stock note types
//! cannot express are written as Basic notes with the answer shown, and
//! named in the notes. Import reads the same headers (tab, comma or
//! semicolon separators, quoted fields) and flattens HTML to text.

use super::{
    Builder, Draft, Exported, Extras, ImportMeta, Imported, Item, NoteKind, Skipped, html, line_pos,
};
use crate::bank::model::{ClozeSegment, ClozeText, QuestionBody, QuestionSet, is_kebab_case};
use crate::bank::problem::LocatedProblem;

/// Anki's `{{c1::…}}` form of cloze text, as HTML: deletion n is `c{n}`
/// (or the card number it is written with),
/// the text around deletions is Markdown rendered to HTML, and `::` inside
/// a deletion is written `:&#58;` so Anki does not read it as a hint.
const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

pub fn to_anki_cloze(text: &ClozeText) -> String {
    // Render the Markdown around deletions with placeholders in their
    // places, then put the deletions back.
    let mut source = String::new();
    let mut deletions = Vec::new();
    for s in text.segments() {
        match s {
            ClozeSegment::Text(t) => source.push_str(t),
            ClozeSegment::Deletion(d) => {
                // Anki has no alternatives: the answer shown is exported.
                let shown = crate::bank::model::deletion_alternatives(d)[0];
                source.push_str(&format!("{MARK_OPEN}{}{MARK_CLOSE}", deletions.len()));
                deletions.push(html::escape(shown).replace("::", ":&#58;"));
            }
        }
    }
    let mut out = markdown_html(&source);
    for (n, d) in deletions.iter().enumerate() {
        // The card number: written (`{{c1::…}}`, shared by the deletions
        // hidden together) or the deletion's place.
        let card = text.card_of(n + 1).map_or(n + 1, usize::from);
        out = out.replace(
            &format!("{MARK_OPEN}{n}{MARK_CLOSE}"),
            &format!("{{{{c{card}::{d}}}}}"),
        );
    }
    out
}

/// Markdown as one line of sanitised HTML, fit for a tab-separated field:
/// line breaks in `<pre>` become `<br>`, others (between tags) go.
pub fn markdown_html(markdown: &str) -> String {
    let rendered = crate::markdown::to_inline_html(markdown);
    let mut out = String::with_capacity(rendered.len());
    let mut in_pre = false;
    let mut rest = rendered.as_str();
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("<pre") {
            in_pre = true;
        } else if rest.starts_with("</pre>") {
            in_pre = false;
        }
        match c {
            '\n' | '\r' if in_pre => out.push_str("<br>"),
            '\n' | '\r' if out.ends_with('>') || out.is_empty() => {}
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    let out = out.trim_end();
    // A field starting with `"` would be read as a quoted field.
    match out.strip_prefix('"') {
        Some(tail) => format!("&quot;{tail}"),
        None => out.to_owned(),
    }
}

/// kioku's `{{…}}` form of Anki cloze text; hints (`{{c1::x::hint}}`) are
/// dropped and reported by the flag. When two deletions share a number
/// (one Anki card hides both) every deletion keeps its number,
/// `{{c1::x}}`, so kioku makes the same cards; otherwise they are written
/// `{{x}}`, one card each in text order.
pub fn from_anki_cloze(text: &str) -> (String, bool) {
    // Text before each deletion, its number and hidden part.
    let mut pieces: Vec<(String, Option<u32>, String)> = Vec::new();
    let mut before = String::new();
    let mut hint_dropped = false;
    let mut rest = text;
    while let Some(i) = rest.find("{{c") {
        before.push_str(&rest[..i]);
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
                let number = after[..digits].parse().ok();
                pieces.push((std::mem::take(&mut before), number, hidden.to_owned()));
                rest = inner.get(end + 2..).unwrap_or("");
            }
            _ => {
                before.push_str("{{c");
                rest = after;
            }
        }
    }
    let mut numbers: Vec<Option<u32>> = pieces.iter().map(|p| p.1).collect();
    let count = numbers.len();
    numbers.sort_unstable();
    numbers.dedup();
    let shared = numbers.len() < count
        && numbers
            .iter()
            .all(|n| n.is_some_and(|n| (1..=u32::from(u16::MAX)).contains(&n)));
    let mut out = String::new();
    for (before, number, hidden) in pieces {
        out.push_str(&before);
        out.push_str("{{");
        if let (true, Some(n)) = (shared, number) {
            out.push_str(&format!("c{n}::"));
        }
        out.push_str(&hidden);
        out.push_str("}}");
    }
    out.push_str(&before);
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
    let mut rendered = Vec::new();
    let mut note = |id: &str, reason: NoteKind| {
        notes.push(Skipped::new(Item::Question(id.to_owned()), reason))
    };
    for q in &set.questions {
        let id = q.id.as_str();
        let md_changes = |s: &str| html::to_text(&markdown_html(s)) != s.trim();
        if match &q.body {
            QuestionBody::Flashcard { prompt, answer, .. } => {
                md_changes(prompt) || md_changes(answer)
            }
            QuestionBody::Cloze { .. } => q.explanation.as_deref().is_some_and(md_changes),
            QuestionBody::Typed { prompt, .. }
            | QuestionBody::MultipleChoice { prompt, .. }
            | QuestionBody::TrueFalse { prompt, .. } => md_changes(prompt),
        } {
            rendered.push(id.to_owned());
        }
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
                markdown_html(prompt),
                markdown_html(answer),
            ),
            QuestionBody::Cloze { text } => (
                "Cloze",
                to_anki_cloze(text),
                markdown_html(q.explanation.as_deref().unwrap_or("")),
            ),
            QuestionBody::Typed { prompt, answers } => {
                note(id, NoteKind::TsvTypedAsBasic);
                (
                    "Basic",
                    markdown_html(prompt),
                    markdown_html(&answers.join("\n")),
                )
            }
            QuestionBody::MultipleChoice {
                prompt,
                choices,
                correct,
                ..
            } => {
                note(id, NoteKind::TsvChoiceAsBasic);
                let listed: Vec<String> = choices.iter().map(|c| format!("- {c}")).collect();
                let right: Vec<&str> = correct
                    .iter()
                    .filter_map(|&i| choices.get(i).map(String::as_str))
                    .collect();
                (
                    "Basic",
                    markdown_html(&format!("{prompt}\n\n{}", listed.join("\n"))),
                    markdown_html(&right.join("\n")),
                )
            }
            QuestionBody::TrueFalse { prompt, answer } => {
                note(id, NoteKind::TsvTrueFalseAsBasic);
                (
                    "Basic",
                    markdown_html(prompt),
                    if *answer { "True" } else { "False" }.to_owned(),
                )
            }
        };
        let (tags, changed) = tag_cell(&q.tags);
        if changed {
            note(id, NoteKind::TagSpaces);
        }
        // The set id keeps sets with the same question ids apart in Anki.
        let guid = format!("{}/{id}", set.id);
        text.push_str(&format!("{notetype}\t{guid}\t{front}\t{back}\t{tags}\n"));
    }
    if !rendered.is_empty() {
        notes.push(Skipped::new(
            Item::Questions(rendered.clone()),
            NoteKind::MarkdownAsHtml,
        ));
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
    vec![Skipped::new(
        Item::Questions(lost.iter().map(|s| s.to_string()).collect()),
        NoteKind::TsvFieldsDropped,
    )]
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
    let mut decks: Vec<String> = Vec::new();
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
            // kioku writes `SET/QUESTION`.
            .map(|g| g.rsplit('/').next().unwrap_or(g))
            .filter(|g| is_kebab_case(g))
            .map(str::to_owned);
        let tags: Vec<String> = h
            .tags
            .and_then(|c| record.get(c))
            .map(|t| t.split_whitespace().map(str::to_owned).collect())
            .unwrap_or_default();
        let item = Item::Line(line as u64);
        let field = |i: usize| fields.get(i).map(|f| clean(f)).unwrap_or_default();
        // Fields past the answer (Anki's "Extra", kioku's "Explanation"):
        // the explanation, never dropped.
        let rest = |from: usize| {
            let text = (from..fields.len())
                .map(field)
                .filter(|f| !f.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            (!text.trim().is_empty()).then_some(text)
        };
        if let Some(d) = h.deck.and_then(|c| record.get(c)) {
            decks.push(d.to_owned());
        }
        let lower = notetype.to_ascii_lowercase();
        let (draft, explanation) = if lower.contains("cloze") {
            // Hints are found before entities are decoded: `:&#58;` is
            // an escaped `::`, not a hint.
            let (text, hint) = from_anki_cloze(fields.first().copied().unwrap_or(""));
            let text = clean(&text);
            if hint {
                b.skip(&item, NoteKind::ClozeHintsDropped);
            }
            (Draft::Cloze { text }, rest(1))
        } else if fields.len() < 2 {
            b.skip(
                item,
                NoteKind::OneFieldNoAnswer {
                    notetype: notetype.to_string(),
                },
            );
            continue;
        } else if lower.contains("type in") {
            (
                Draft::Typed {
                    prompt: field(0),
                    answers: vec![field(1)],
                },
                rest(2),
            )
        } else {
            (
                Draft::Flashcard {
                    prompt: field(0),
                    answer: field(1),
                    reversible: lower.contains("and reversed"),
                },
                rest(2),
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
    // One deck for every note names the set, as for `.apkg`.
    let title = decks
        .first()
        .filter(|d| !d.trim().is_empty() && decks.iter().all(|e| e == *d));
    match title {
        Some(t) => {
            let meta = ImportMeta {
                id: meta.id.clone(),
                title: t.clone(),
            };
            b.finish(&meta, Vec::new())
        }
        None => b.finish(meta, Vec::new()),
    }
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
