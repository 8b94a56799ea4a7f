//! Moodle GIFT: multiple choice, true/false and short answer (typed).
//!
//! Import reads files as Moodle's exporter writes them: `// question: N
//! name: ...` lines are comments; `$CATEGORY: path` tags the questions
//! after it with the path's last part; a description (text with no answer
//! block) is skipped and named; `[html]` and `[moodle]` text is flattened
//! like Anki fields, `[markdown]` and `[plain]` kept; per-answer feedback
//! `#...` joins the general feedback in the explanation; a `::title::`
//! becomes the question id in kebab-case. kioku has no partial credit:
//! a short answer below 100% is not accepted, a partly right choice beside
//! a fully right one counts as wrong, and choices that share the credit
//! must all be chosen; each such change is named in `skipped`. Essay,
//! numerical and matching questions are skipped and named.
//!
//! ```text
//! ::capital::[markdown]Capital of Japan? {=Tokyo ~Kyoto ~Osaka ####Since 1868.}
//! ```
//!
//! The title `::id::` carries the question id and `####` the explanation.
//! `~ = # { } :` and `\` are escaped with a backslash, line breaks as `\n`.
//! Several right answers are written `~%50%a ~%50%b ~%-100%c`. Sources,
//! tags and `shuffle` are not carried; flashcards and cloze are skipped.

use super::Format;
use super::{
    Builder, Draft, Exported, Extras, ImportMeta, Imported, Item, NoteKind, Skipped, html, line_pos,
};
use crate::bank::model::{QuestionBody, QuestionSet, is_kebab_case, to_kebab_case};
use crate::bank::problem::LocatedProblem;

/// Escape GIFT's special characters.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '~' | '=' | '#' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Undo [`escape`] and trim.
fn unescape(s: &[char]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < s.len() {
        if s[i] == '\\' && i + 1 < s.len() {
            out.push(if s[i + 1] == 'n' { '\n' } else { s[i + 1] });
            i += 2;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    out.trim().to_owned()
}

/// Index of the first unescaped `c` from `from`.
fn find(s: &[char], from: usize, pat: &str) -> Option<usize> {
    let pat: Vec<char> = pat.chars().collect();
    let mut i = from;
    while i < s.len() {
        if s[i] == '\\' {
            i += 2;
            continue;
        }
        if s[i..].starts_with(&pat) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Export as GIFT.
pub fn export(set: &QuestionSet) -> Exported {
    let mut text = String::new();
    let mut skipped = Vec::new();
    let mut notes = Vec::new();
    for q in &set.questions {
        let id = q.id.as_str();
        let answers = match &q.body {
            QuestionBody::MultipleChoice {
                choices,
                correct,
                shuffle,
                ..
            } => {
                if !shuffle {
                    notes.push(Skipped::new(
                        Item::Question(id.to_owned()),
                        NoteKind::GiftShuffle,
                    ));
                }
                let weight = 100.0 / correct.len() as f64;
                choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| match (correct.len(), correct.contains(&i)) {
                        (1, true) => format!("={}", escape(c)),
                        (1, false) => format!("~{}", escape(c)),
                        (_, true) => format!("~%{}%{}", trim_weight(weight), escape(c)),
                        (_, false) => format!("~%-100%{}", escape(c)),
                    })
                    .collect::<Vec<_>>()
            }
            QuestionBody::Typed { answers, .. } => {
                answers.iter().map(|a| format!("={}", escape(a))).collect()
            }
            QuestionBody::TrueFalse { answer, .. } => {
                vec![if *answer { "TRUE" } else { "FALSE" }.to_owned()]
            }
            other => {
                skipped.push(Skipped::new(
                    Item::Question(id.to_owned()),
                    NoteKind::NoQuestionType {
                        format: Format::Gift,
                        kind: other.kind(),
                    },
                ));
                continue;
            }
        };
        if !q.tags.is_empty() {
            notes.push(Skipped::new(
                Item::Question(id.to_owned()),
                NoteKind::GiftTags {
                    tags: q.tags.clone(),
                },
            ));
        }
        let prompt = q.body.prompt_text();
        text.push_str(&format!("::{id}::[markdown]{} {{", escape(&prompt)));
        for a in &answers {
            text.push_str("\n\t");
            text.push_str(a);
        }
        if let Some(e) = &q.explanation {
            text.push_str(&format!("\n\t####{}", escape(e)));
        }
        text.push_str("\n}\n\n");
    }
    Exported {
        text,
        skipped,
        notes,
    }
}

fn trim_weight(w: f64) -> String {
    let s = format!("{w:.5}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A text format marker: `[html]`, `[moodle]`, `[markdown]`, `[plain]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Markup {
    /// No marker: kept as written.
    Unmarked,
    /// HTML, flattened like Anki fields.
    Html,
    /// Moodle's auto-format, which allows HTML: flattened too.
    Moodle,
    /// Markdown: kioku's own card text, kept.
    Markdown,
    /// Plain text: kept.
    Plain,
}

/// The marker at `s[at..]` (after spaces) and where the text starts.
fn markup(s: &[char], at: usize, default: Markup) -> (Markup, usize) {
    let skip = s[at.min(s.len())..]
        .iter()
        .take_while(|c| c.is_whitespace())
        .count();
    let from = at + skip;
    for (name, m) in [
        ("[html]", Markup::Html),
        ("[moodle]", Markup::Moodle),
        ("[markdown]", Markup::Markdown),
        ("[plain]", Markup::Plain),
    ] {
        let pat: Vec<char> = name.chars().collect();
        if s[from.min(s.len())..].starts_with(&pat) {
            return (m, from + pat.len());
        }
    }
    (default, at)
}

/// Unescape `s` (which may start with its own marker) as text.
fn text(s: &[char], default: Markup) -> String {
    let (m, from) = markup(s, 0, default);
    let t = unescape(&s[from..]);
    match m {
        Markup::Html | Markup::Moodle => html::to_text(&t),
        Markup::Unmarked | Markup::Markdown | Markup::Plain => t,
    }
}

/// Split at unescaped `#` (not `####`).
fn split_hash(s: &[char]) -> Vec<&[char]> {
    let mut parts = Vec::new();
    let mut from = 0;
    let mut i = 0;
    while i < s.len() {
        if s[i] == '\\' {
            i += 2;
            continue;
        }
        if s[i] == '#' {
            parts.push(&s[from..i]);
            from = i + 1;
        }
        i += 1;
    }
    parts.push(&s[from.min(s.len())..]);
    parts
}

/// The tag a `$CATEGORY:` path gives: its last part, unless the path is
/// only Moodle's context and `top`.
pub(super) fn category_tag(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = path.split('/').map(str::trim).collect();
    if parts
        .first()
        .is_some_and(|p| p.len() > 1 && p.starts_with('$') && p.ends_with('$'))
    {
        parts.remove(0);
        if parts.first() == Some(&"top") {
            parts.remove(0);
        }
    }
    parts
        .last()
        .filter(|p| !p.is_empty())
        .map(|p| (*p).to_owned())
}

/// Import GIFT text, as written by hand or by Moodle's exporter.
pub fn import(text: &str, meta: &ImportMeta) -> Result<Imported, Vec<LocatedProblem>> {
    let mut b = Builder::default();
    // Questions are separated by blank lines; `//` lines (Moodle's
    // `// question: N  name: ...` among them) are comments.
    let mut blocks: Vec<(u64, String)> = Vec::new();
    let mut cur: Option<(u64, String)> = None;
    for (n, line) in text.lines().enumerate() {
        let line_no = n as u64 + 1;
        if line.trim_start().starts_with("//") {
            continue;
        }
        if line.trim().is_empty() {
            blocks.extend(cur.take());
            continue;
        }
        match &mut cur {
            Some((_, s)) => {
                s.push('\n');
                s.push_str(line);
            }
            None => cur = Some((line_no, line.to_owned())),
        }
    }
    blocks.extend(cur);
    let mut category: Option<String> = None;
    for (line, block) in blocks {
        let mut line = line;
        let mut block = block.as_str();
        // `$CATEGORY: path` sets a tag for the questions after it.
        while block.trim_start().starts_with('$') {
            let (first, rest) = block.split_once('\n').unwrap_or((block, ""));
            match first.trim().strip_prefix("$CATEGORY:") {
                Some(path) => category = category_tag(path),
                None => b.skip(
                    Item::Line(line),
                    NoteKind::UnknownCommand {
                        command: first.trim().to_owned(),
                    },
                ),
            }
            block = rest;
            line += 1;
        }
        if !block.trim().is_empty() {
            question(&mut b, line, block, category.as_deref());
        }
    }
    b.finish(meta, Vec::new())
}

/// An id from a `::title::`: its kebab-case form, made unique aloud.
fn title_id(b: &mut Builder, item: &Item, title: &str) -> Option<String> {
    let base = to_kebab_case(title);
    if base.is_empty() || !is_kebab_case(&base) {
        return None;
    }
    let mut id = base.clone();
    let mut n = 2;
    while b.is_taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    if id != base {
        b.skip(
            item,
            NoteKind::IdTaken {
                id: id.clone(),
                base: base.clone(),
            },
        );
    }
    Some(id)
}

fn question(b: &mut Builder, line: u64, block: &str, category: Option<&str>) {
    let pos = line_pos(line);
    let item = Item::Line(line);
    let s: Vec<char> = block.trim().chars().collect();
    let mut start = 0;
    let mut title = None;
    if s.starts_with(&[':', ':']) {
        match find(&s, 2, "::") {
            Some(end) => {
                title = Some(unescape(&s[2..end]));
                start = end + 2;
            }
            None => {
                b.error(pos, "the title \"::\" is never closed with \"::\"");
                return;
            }
        }
    }
    let (fmt, start) = markup(&s, start, Markup::Unmarked);
    let Some(open) = find(&s, start, "{") else {
        b.skip(item, NoteKind::GiftDescription);
        return;
    };
    let Some(close) = find(&s, open + 1, "}") else {
        b.error(pos, "the answer block \"{\" is never closed with \"}\"");
        return;
    };
    let mut prompt = text(&s[start..open], fmt);
    let after = text(&s[close + 1..], fmt);
    if !after.is_empty() {
        prompt = format!("{prompt} _____ {after}");
    }
    let inner = &s[open + 1..close];
    // General feedback, then each answer's feedback: the explanation.
    let (answers, general) = match find(inner, 0, "####") {
        Some(i) => (&inner[..i], text(&inner[i + 4..], fmt)),
        None => (inner, String::new()),
    };
    let mut feedback: Vec<String> = Vec::new();
    let explain = |feedback: &[String]| {
        let mut parts = Vec::new();
        if !general.trim().is_empty() {
            parts.push(general.clone());
        }
        if !feedback.is_empty() {
            parts.push(feedback.join("\n"));
        }
        (!parts.is_empty()).then(|| parts.join("\n\n"))
    };
    let id = title.as_deref().and_then(|t| title_id(b, &item, t));
    let tags: Vec<String> = category.map(str::to_owned).into_iter().collect();
    let plain = unescape(answers);
    if plain.is_empty() {
        b.skip(item, NoteKind::Essay);
        return;
    }
    let first = answers.iter().position(|c| !c.is_whitespace());
    if first.map(|i| answers[i]) == Some('#') {
        b.skip(item, NoteKind::Numerical);
        return;
    }
    if find(answers, 0, "->").is_some() {
        b.skip(item, NoteKind::Matching);
        return;
    }
    // True/false: `{TRUE#feedback if wrong#feedback if right}`.
    let parts = split_hash(answers);
    let tf = unescape(parts[0]);
    if let "T" | "TRUE" | "F" | "FALSE" = tf.as_str() {
        let answer = tf.starts_with('T');
        // Feedback is named by the answer chosen: the wrong one, then the right.
        let (wrong, right) = if answer {
            ("False", "True")
        } else {
            ("True", "False")
        };
        for (k, who) in [(1, wrong), (2, right)] {
            if let Some(f) = parts.get(k).map(|p| text(p, fmt)).filter(|f| !f.is_empty()) {
                feedback.push(format!("{who}: {f}"));
            }
        }
        let draft = Draft::TrueFalse { prompt, answer };
        let extras = Extras {
            id,
            explanation: explain(&feedback),
            tags,
            ..Extras::default()
        };
        b.add(pos, draft, extras);
        return;
    }
    // Split on unescaped `=` and `~`.
    let mut items: Vec<(char, &[char])> = Vec::new();
    let mut i = 0;
    let mut last: Option<(char, usize)> = None;
    while i < answers.len() {
        match answers[i] {
            '\\' => {
                i += 2;
                continue;
            }
            c @ ('=' | '~') => {
                if let Some((k, from)) = last {
                    items.push((k, &answers[from..i]));
                }
                last = Some((c, i + 1));
            }
            _ => {}
        }
        i += 1;
    }
    if let Some((k, from)) = last {
        items.push((k, &answers[from.min(answers.len())..]));
    }
    if items.is_empty() {
        b.error(pos, "no answers: each answer starts with \"=\" or \"~\"");
        return;
    }
    // (kind, weight in percent if written, answer, feedback)
    let mut parsed: Vec<(char, Option<f64>, String)> = Vec::new();
    for (kind, raw) in items {
        let (raw, fb) = match find(raw, 0, "#") {
            Some(h) => (&raw[..h], Some(&raw[h + 1..])),
            None => (raw, None),
        };
        let mut weight: Option<f64> = None;
        let mut body = raw;
        let lead = raw.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
        if raw.get(lead) == Some(&'%')
            && let Some(end) = raw[lead + 1..].iter().position(|&c| c == '%')
        {
            let w: String = raw[lead + 1..lead + 1 + end].iter().collect();
            weight = w.trim().parse().ok();
            body = &raw[lead + end + 2..];
        }
        let answer = text(body, fmt);
        if let Some(f) = fb.map(|f| text(f, fmt)).filter(|f| !f.is_empty()) {
            feedback.push(format!("{answer}: {f}"));
        }
        parsed.push((kind, weight, answer));
    }
    let full = |w: Option<f64>| w.is_none_or(|w| (w - 100.0).abs() < 1e-6);
    let draft = if parsed.iter().all(|(k, _, _)| *k == '=') {
        let mut accepted = Vec::new();
        for (_, w, a) in parsed {
            match w {
                Some(w) if !full(Some(w)) => b.skip(
                    &item,
                    NoteKind::PartialAnswerNotAccepted {
                        answer: a.clone(),
                        percent: trim_weight(w),
                    },
                ),
                _ => accepted.push(a),
            }
        }
        if accepted.is_empty() {
            b.skip(item, NoteKind::NoFullCredit);
            return;
        }
        Draft::Typed {
            prompt,
            answers: accepted,
        }
    } else {
        let weight = |k: char, w: Option<f64>| match (k, w) {
            (_, Some(w)) => w,
            ('=', None) => 100.0,
            (_, None) => 0.0,
        };
        let is_full = |k: char, w: Option<f64>| (weight(k, w) - 100.0).abs() < 1e-6;
        let is_partial = |k: char, w: Option<f64>| {
            let x = weight(k, w);
            x > 0.0 && (x - 100.0).abs() >= 1e-6
        };
        let any_full = parsed.iter().any(|(k, w, _)| is_full(*k, *w));
        let mut correct = Vec::new();
        let mut partial = Vec::new();
        for (i, (k, w, a)) in parsed.iter().enumerate() {
            let idx = i64::try_from(i).unwrap_or(0);
            if is_full(*k, *w) {
                correct.push(idx);
            } else if is_partial(*k, *w) {
                partial.push((idx, weight(*k, *w), a.clone()));
            }
        }
        if any_full {
            for (_, w, a) in &partial {
                b.skip(
                    &item,
                    NoteKind::PartialChoiceWrong {
                        choice: a.clone(),
                        percent: trim_weight(*w),
                    },
                );
            }
        } else if !partial.is_empty() {
            let named: Vec<String> = partial
                .iter()
                .map(|(_, w, a)| format!("\"{a}\" ({}%)", trim_weight(*w)))
                .collect();
            b.skip(
                &item,
                NoteKind::AllOrNothing {
                    choices: named.iter().map(|n| n.to_string()).collect(),
                },
            );
            correct = partial.iter().map(|(i, _, _)| *i).collect();
        }
        Draft::MultipleChoice {
            prompt,
            choices: parsed.into_iter().map(|(_, _, c)| c).collect(),
            correct,
            shuffle: true,
        }
    };
    let extras = Extras {
        id,
        explanation: explain(&feedback),
        tags,
        ..Extras::default()
    };
    b.add(pos, draft, extras);
}
