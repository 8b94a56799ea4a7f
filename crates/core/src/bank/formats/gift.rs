//! Moodle GIFT: multiple choice, true/false and short answer (typed).
//!
//! ```text
//! ::capital::[markdown]Capital of Japan? {=Tokyo ~Kyoto ~Osaka ####Since 1868.}
//! ```
//!
//! The title `::id::` carries the question id and `####` the explanation.
//! `~ = # { } :` and `\` are escaped with a backslash, line breaks as `\n`.
//! Several right answers are written `~%50%a ~%50%b ~%-100%c`. Sources,
//! tags and `shuffle` are not carried; flashcards and cloze are skipped.

use super::{Builder, Draft, Exported, Extras, ImportMeta, Imported, Skipped, line_pos};
use crate::bank::model::{QuestionBody, QuestionSet, is_kebab_case};
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
                    notes.push(Skipped {
                        item: id.to_owned(),
                        reason: "written, but Moodle decides whether choices are shuffled".into(),
                    });
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
                skipped.push(Skipped {
                    item: id.to_owned(),
                    reason: format!("GIFT has no {} questions", other.type_name()),
                });
                continue;
            }
        };
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

/// Import GIFT text.
pub fn import(text: &str, meta: &ImportMeta) -> Result<Imported, Vec<LocatedProblem>> {
    let mut b = Builder::default();
    // Questions are separated by blank lines; `//` lines are comments.
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
    for (line, block) in blocks {
        question(&mut b, line, &block);
    }
    b.finish(meta, Vec::new())
}

fn question(b: &mut Builder, line: u64, block: &str) {
    let pos = line_pos(line);
    let item = format!("line {line}");
    let s: Vec<char> = block.trim().chars().collect();
    if s.starts_with(&['$', '$']) {
        // `$CATEGORY:` and other commands.
        return;
    }
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
    let Some(open) = find(&s, start, "{") else {
        b.error(pos, "no answer block: a GIFT question has answers in { }");
        return;
    };
    let Some(close) = find(&s, open + 1, "}") else {
        b.error(pos, "the answer block \"{\" is never closed with \"}\"");
        return;
    };
    let mut prompt_chars = s[start..open].to_vec();
    for markup in ["[markdown]", "[html]", "[plain]", "[moodle]"] {
        let m: Vec<char> = markup.chars().collect();
        if prompt_chars.starts_with(&m) {
            prompt_chars.drain(..m.len());
        }
    }
    let mut prompt = unescape(&prompt_chars);
    let after = unescape(&s[close + 1..]);
    if !after.is_empty() {
        prompt = format!("{prompt} _____ {after}");
    }
    let inner = &s[open + 1..close];
    // General feedback: the explanation.
    let (answers, explanation) = match find(inner, 0, "####") {
        Some(i) => (&inner[..i], Some(unescape(&inner[i + 4..]))),
        None => (inner, None),
    };
    let id = title.filter(|t| is_kebab_case(t));
    let extras = Extras {
        id,
        explanation: explanation.filter(|e| !e.is_empty()),
        ..Extras::default()
    };
    let plain = unescape(answers);
    let tf = plain.split('#').next().unwrap_or("").trim().to_owned();
    match tf.as_str() {
        "T" | "TRUE" | "F" | "FALSE" => {
            let draft = Draft::TrueFalse {
                prompt,
                answer: tf.starts_with('T'),
            };
            b.add(pos, draft, extras);
            return;
        }
        _ => {}
    }
    if plain.is_empty() {
        b.skip(item, "essay questions (empty { }) have no answer to check");
        return;
    }
    if answers.first() == Some(&'#') {
        b.skip(item, "numeric questions are not supported");
        return;
    }
    if find(answers, 0, "->").is_some() {
        b.skip(item, "matching questions are not supported");
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
    let mut parsed = Vec::new();
    for (kind, raw) in items {
        // Per-answer feedback after `#` is dropped.
        let raw = match find(raw, 0, "#") {
            Some(h) => &raw[..h],
            None => raw,
        };
        let mut weight: Option<f64> = None;
        let mut body = raw;
        let trimmed_start = raw.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
        if raw.get(trimmed_start) == Some(&'%')
            && let Some(end) = raw[trimmed_start + 1..].iter().position(|&c| c == '%')
        {
            let w: String = raw[trimmed_start + 1..trimmed_start + 1 + end]
                .iter()
                .collect();
            weight = w.trim().parse().ok();
            body = &raw[trimmed_start + end + 2..];
        }
        let right = kind == '=' || weight.is_some_and(|w| w > 0.0);
        parsed.push((kind, right, unescape(body)));
    }
    let draft = if parsed.iter().all(|(k, _, _)| *k == '=') {
        Draft::Typed {
            prompt,
            answers: parsed.into_iter().map(|(_, _, a)| a).collect(),
        }
    } else {
        let correct = parsed
            .iter()
            .enumerate()
            .filter(|(_, (_, r, _))| *r)
            .map(|(i, _)| i64::try_from(i).unwrap_or(0))
            .collect();
        Draft::MultipleChoice {
            prompt,
            choices: parsed.into_iter().map(|(_, _, c)| c).collect(),
            correct,
            shuffle: true,
        }
    };
    b.add(pos, draft, extras);
}
