//! Moodle XML, the format of Moodle's question bank export ("Moodle XML
//! format"), as Moodle's `question/format/xml/format.php` writes and reads
//! it (https://docs.moodle.org/en/Moodle_XML_format).
//!
//! A `<quiz>` holds `<question type="...">` elements:
//!
//! - `category`: its path's last part (after `$course$/top/`) tags the
//!   questions after it.
//! - `multichoice` (`<single>true</single>` or `false`), `truefalse` and
//!   `shortanswer` (typed) are imported; `<name>` becomes the id
//!   (kebab-cased), `<generalfeedback>` and each answer's `<feedback>` the
//!   explanation, `<tags>` the tags.
//! - `cloze` (Moodle's `multianswer`): each `{N:SHORTANSWER:=a~=b}`
//!   becomes a deletion `{{a|b}}`; a `MULTICHOICE` or `NUMERICAL` part
//!   becomes a deletion of its right answer, and the choices or tolerance
//!   it loses are named.
//! - `description`, `essay`, `matching`, `numerical`, `calculated` and any
//!   other type are skipped and named.
//!
//! Text is read by its `format`: `html` and `moodle_auto_format` are
//! flattened to text as Anki fields are, `markdown` and `plain_text` kept.
//! Answers are weighted by `fraction` (percent). kioku has no partial
//! credit: a multiple-choice answer is right when its fraction is above 0
//! (with `single`, only at 100); a short answer under 100% is not accepted;
//! each such change is named.
//!
//! Export writes Markdown text in CDATA, the set's title as the category,
//! and the same elements Moodle writes (name, question text, general
//! feedback, default grade, penalty, hidden, answers with fraction and
//! feedback, tags). Flashcards have no Moodle type and are skipped with a
//! message.

use super::Format;
use roxmltree::{Document, Node};

use super::{
    Builder, Draft, Exported, Extras, ImportMeta, Imported, Item, NoteKind, Skipped, html,
};
use crate::bank::model::{ClozeSegment, QuestionBody, QuestionSet, is_kebab_case, to_kebab_case};
use crate::bank::problem::{LocatedProblem, Pos, Problem};

/// The position of `node` in `doc`.
fn pos_of(doc: &Document<'_>, node: Node<'_, '_>) -> Pos {
    let p = doc.text_pos_at(node.range().start);
    Pos {
        line: p.row,
        column: p.col,
    }
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// The text of `<name><text>...</text></name>`-like elements.
fn text_of(node: Option<Node<'_, '_>>) -> String {
    node.and_then(|n| child(n, "text"))
        .map(|t| t.text().unwrap_or("").to_owned())
        .unwrap_or_default()
}

/// The text of a formatted element (`format="html"` etc.), flattened.
fn formatted(node: Option<Node<'_, '_>>, default: &str) -> String {
    let raw = text_of(node);
    let format = node.and_then(|n| n.attribute("format")).unwrap_or(default);
    match format {
        "markdown" | "plain_text" => raw.trim().to_owned(),
        _ => html::to_text(&raw).trim().to_owned(),
    }
}

fn flag(node: Node<'_, '_>, name: &str) -> Option<bool> {
    child(node, name)
        .and_then(|n| n.text())
        .map(|t| matches!(t.trim(), "1" | "true"))
}

/// One `<answer>`: its fraction (percent), text and feedback.
struct Answer {
    fraction: f64,
    text: String,
    feedback: String,
}

fn answers(q: Node<'_, '_>) -> Result<Vec<Answer>, String> {
    q.children()
        .filter(|c| c.is_element() && c.tag_name().name() == "answer")
        .map(|a| {
            let raw = a.attribute("fraction").unwrap_or("0");
            let fraction: f64 = raw
                .trim()
                .parse()
                .map_err(|_| format!("answer fraction \"{raw}\" is not a number"))?;
            // An answer's own text sits in `<text>` directly.
            let text = match a.attribute("format") {
                Some("html") | Some("moodle_auto_format") => {
                    html::to_text(&text_of(Some(a))).trim().to_owned()
                }
                _ => text_of(Some(a)).trim().to_owned(),
            };
            Ok(Answer {
                fraction,
                text,
                feedback: formatted(child(a, "feedback"), "html"),
            })
        })
        .collect()
}

/// The tag a category path gives, as for GIFT's `$CATEGORY:`.
fn category_tag(path: &str) -> Option<String> {
    super::gift::category_tag(path)
}

/// Import Moodle XML.
pub fn import(text: &str, meta: &ImportMeta) -> Result<Imported, Vec<LocatedProblem>> {
    let doc = Document::parse(text).map_err(|e| {
        let p = e.pos();
        vec![(
            Pos {
                line: p.row,
                column: p.col,
            },
            Problem::Format(format!("not well-formed XML: {e}")),
        )]
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "quiz" {
        return Err(vec![(
            pos_of(&doc, root),
            Problem::Format(format!(
                "the root element is <{}>, not Moodle's <quiz>",
                root.tag_name().name()
            )),
        )]);
    }
    let mut b = Builder::default();
    let categories: Vec<Node<'_, '_>> = root
        .children()
        .filter(|c| c.is_element() && c.attribute("type") == Some("category"))
        .collect();
    // One category (as kioku writes, and a bank exported from one
    // category): it names the set. Several: each tags its questions.
    let mut title = meta.title.clone();
    let mut description = None;
    let one = categories.len() == 1;
    if let [only] = categories.as_slice() {
        if let Some(t) = category_tag(&text_of(child(*only, "category"))) {
            title = t;
        }
        let info = formatted(child(*only, "info"), "moodle_auto_format");
        description = (!info.is_empty()).then_some(info);
    }
    let mut category: Option<String> = None;
    for q in root
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "question")
    {
        let pos = pos_of(&doc, q);
        let kind = q.attribute("type").unwrap_or("");
        let name = text_of(child(q, "name"));
        let item = if name.trim().is_empty() {
            Item::Line(u64::from(pos.line))
        } else {
            Item::NamedLine {
                line: u64::from(pos.line),
                name: name.trim().to_owned(),
            }
        };
        if kind == "category" {
            if !one {
                category = category_tag(&text_of(child(q, "category")));
            }
            continue;
        }
        let prompt = formatted(child(q, "questiontext"), "html");
        let mut explanation: Vec<String> = Vec::new();
        let general = formatted(child(q, "generalfeedback"), "html");
        if !general.is_empty() {
            explanation.push(general);
        }
        let answers = match answers(q) {
            Ok(a) => a,
            Err(e) => {
                b.error(pos, e);
                continue;
            }
        };
        let mut feedback = |a: &Answer| {
            if !a.feedback.is_empty() {
                explanation.push(format!("{}: {}", a.text, a.feedback));
            }
        };
        let draft = match kind {
            "multichoice" => {
                let single = flag(q, "single").unwrap_or(true);
                let correct: Vec<i64> = answers
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| {
                        if single {
                            a.fraction >= 99.9
                        } else {
                            a.fraction > 0.0
                        }
                    })
                    .map(|(i, _)| i as i64)
                    .collect();
                let partial = answers
                    .iter()
                    .any(|a| a.fraction > 0.0 && a.fraction < 99.9);
                if partial {
                    b.note(
                        &item,
                        if single {
                            NoteKind::MoodlePartialDropped
                        } else {
                            NoteKind::MoodlePartCredit
                        },
                    );
                }
                answers.iter().for_each(&mut feedback);
                Draft::MultipleChoice {
                    prompt,
                    choices: answers.iter().map(|a| a.text.clone()).collect(),
                    correct,
                    shuffle: flag(q, "shuffleanswers").unwrap_or(true),
                }
            }
            "truefalse" => {
                let right = answers.iter().find(|a| a.fraction >= 99.9);
                let Some(right) = right else {
                    b.skip(item, NoteKind::NoRightTrueFalse);
                    continue;
                };
                answers.iter().for_each(&mut feedback);
                Draft::TrueFalse {
                    prompt,
                    answer: right.text.eq_ignore_ascii_case("true"),
                }
            }
            "shortanswer" => {
                for a in answers
                    .iter()
                    .filter(|a| a.fraction > 0.0 && a.fraction < 99.9)
                {
                    b.note(
                        &item,
                        NoteKind::MoodlePartialAnswer {
                            answer: a.text.clone(),
                            percent: a.fraction.to_string(),
                        },
                    );
                }
                if flag(q, "usecase") == Some(true) {
                    b.note(&item, NoteKind::CaseSensitive);
                }
                answers.iter().for_each(&mut feedback);
                Draft::Typed {
                    prompt,
                    answers: answers
                        .iter()
                        .filter(|a| a.fraction >= 99.9)
                        .map(|a| a.text.clone())
                        .collect(),
                }
            }
            "cloze" | "multianswer" => {
                let (text, changes) = from_moodle_cloze(&prompt);
                for c in changes {
                    b.note(&item, c);
                }
                Draft::Cloze { text }
            }
            "description" => {
                b.skip(item, NoteKind::MoodleDescription);
                continue;
            }
            other => {
                let what = (!other.is_empty()).then(|| other.to_owned());
                b.skip(item, NoteKind::UnsupportedType { what });
                continue;
            }
        };
        let id = name.trim();
        let id = if id.is_empty() {
            None
        } else if is_kebab_case(id) {
            Some(id.to_owned())
        } else {
            let k = to_kebab_case(id);
            (!k.is_empty() && !b.is_taken(&k)).then_some(k)
        };
        let id = id.filter(|i| !b.is_taken(i));
        let mut tags: Vec<String> = category.iter().cloned().collect();
        if let Some(list) = child(q, "tags") {
            for t in list.children().filter(|c| c.is_element()) {
                let t = text_of(Some(t));
                if !t.trim().is_empty() && !tags.contains(&t) {
                    tags.push(t.trim().to_owned());
                }
            }
        }
        b.add(
            pos,
            draft,
            Extras {
                id,
                explanation: (!explanation.is_empty()).then(|| explanation.join("\n")),
                tags,
                ..Extras::default()
            },
        );
    }
    let meta = ImportMeta {
        id: meta.id.clone(),
        title,
    };
    let mut imported = b.finish(&meta, Vec::new())?;
    imported.set.description = description;
    Ok(imported)
}

/// Moodle's embedded answers (`{1:SHORTANSWER:=Paris}`) as kioku
/// deletions, and what each part lost.
fn from_moodle_cloze(text: &str) -> (String, Vec<NoteKind>) {
    let mut out = String::new();
    let mut changes = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = find_unescaped(after, '}') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let inner = &after[..close];
        let mut parts = inner.splitn(3, ':');
        let (weight, kind, body) = (parts.next(), parts.next(), parts.next());
        let is_part = weight.is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
            && kind.is_some()
            && body.is_some();
        if !is_part {
            out.push('{');
            rest = after;
            continue;
        }
        let kind = kind.unwrap_or("").to_ascii_uppercase();
        let mut right = Vec::new();
        let mut others = 0;
        for choice in split_unescaped(body.unwrap_or(""), '~') {
            let choice = choice.split_once('#').map_or(choice.as_str(), |(c, _)| c);
            let (full, value) = if let Some(v) = choice.strip_prefix('=') {
                (true, v)
            } else if let Some(v) = choice.strip_prefix('%') {
                match v.split_once('%') {
                    Some((w, v)) => (w.trim() == "100", v),
                    None => (false, v),
                }
            } else {
                (false, choice)
            };
            let value = unescape(value).trim().to_owned();
            if full && !value.is_empty() {
                right.push(value);
            } else if value != "*" {
                others += 1;
            }
        }
        if right.is_empty() {
            changes.push(NoteKind::MoodleClozeNoRightAnswer {
                inner: inner.to_owned(),
            });
            out.push('{');
            out.push_str(inner);
            out.push('}');
        } else {
            match kind.as_str() {
                "SHORTANSWER" | "SA" | "MW" | "SHORTANSWER_C" | "SAC" | "MWC" => {
                    if others > 0 {
                        changes.push(NoteKind::MoodleClozeShortAnswer {
                            answer: right[0].clone(),
                            others,
                        });
                    }
                }
                k if k.starts_with("NUMERICAL") || k == "NM" => {
                    changes.push(NoteKind::MoodleClozeNumber {
                        answer: right[0].clone(),
                    })
                }
                _ => changes.push(NoteKind::MoodleClozeChoice {
                    answer: right[0].clone(),
                    others,
                }),
            }
            out.push_str("{{");
            out.push_str(&right.join("|"));
            out.push_str("}}");
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    (out, changes)
}

fn find_unescaped(s: &str, c: char) -> Option<usize> {
    let mut escaped = false;
    for (i, ch) in s.char_indices() {
        if escaped {
            escaped = false;
        } else if ch == '\\' {
            escaped = true;
        } else if ch == c {
            return Some(i);
        }
    }
    None
}

fn split_unescaped(s: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut escaped = false;
    for ch in s.chars() {
        if !escaped && ch == sep {
            out.push(String::new());
            continue;
        }
        escaped = !escaped && ch == '\\';
        if let Some(last) = out.last_mut() {
            last.push(ch);
        }
    }
    out
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Escape a value inside an embedded answer.
fn cloze_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if matches!(c, '}' | '#' | '~' | '/' | '"' | '\\' | '{' | '=' | '%') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text in CDATA (a `]]>` inside is split across two sections).
fn cdata(s: &str) -> String {
    format!("<![CDATA[{}]]>", s.replace("]]>", "]]]]><![CDATA[>"))
}

fn fraction(f: f64) -> String {
    let s = format!("{f:.7}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Write `set` as Moodle XML.
pub fn export(set: &QuestionSet) -> Exported {
    let mut text = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    let mut skipped = Vec::new();
    let mut notes = Vec::new();
    text.push_str("<!-- question: 0  -->\n  <question type=\"category\">\n    <category>\n");
    text.push_str(&format!(
        "      <text>{}</text>\n    </category>\n",
        cdata(&format!("$course$/top/{}", set.title.replace('/', "//")))
    ));
    text.push_str(&format!(
        "    <info format=\"markdown\">\n      <text>{}</text>\n    </info>\n    <idnumber></idnumber>\n  </question>\n\n",
        cdata(set.description.as_deref().unwrap_or(""))
    ));
    for (n, q) in set.questions.iter().enumerate() {
        let id = q.id.as_str();
        let (kind, prompt, body) = match &q.body {
            QuestionBody::MultipleChoice {
                prompt,
                choices,
                correct,
                shuffle,
            } => {
                let single = correct.len() == 1;
                let wrong = choices.len() - correct.len();
                let mut body = format!(
                    "    <single>{single}</single>\n    <shuffleanswers>{shuffle}</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n"
                );
                for (i, c) in choices.iter().enumerate() {
                    let f = match (single, correct.contains(&i)) {
                        (true, true) => 100.0,
                        (true, false) => 0.0,
                        (false, true) => 100.0 / correct.len() as f64,
                        (false, false) => -100.0 / wrong.max(1) as f64,
                    };
                    body.push_str(&answer(f, c));
                }
                ("multichoice", prompt.clone(), body)
            }
            QuestionBody::TrueFalse { prompt, answer: a } => {
                let mut body = answer(if *a { 100.0 } else { 0.0 }, "true");
                body.push_str(&answer(if *a { 0.0 } else { 100.0 }, "false"));
                ("truefalse", prompt.clone(), body)
            }
            QuestionBody::Typed { prompt, answers } => {
                let mut body = String::from("    <usecase>0</usecase>\n");
                for a in answers {
                    body.push_str(&answer(100.0, a));
                }
                ("shortanswer", prompt.clone(), body)
            }
            QuestionBody::Cloze { text: cloze } => {
                let mut t = String::new();
                for s in cloze.segments() {
                    match s {
                        ClozeSegment::Text(x) => t.push_str(x),
                        ClozeSegment::Deletion(d) => {
                            let alts: Vec<String> = crate::bank::model::deletion_alternatives(d)
                                .into_iter()
                                .map(|a| format!("={}", cloze_escape(a)))
                                .collect();
                            t.push_str(&format!("{{1:SHORTANSWER:{}}}", alts.join("~")));
                        }
                    }
                }
                ("cloze", t, String::new())
            }
            other => {
                skipped.push(Skipped::new(
                    Item::Question(id.to_owned()),
                    NoteKind::NoQuestionType {
                        format: Format::Moodle,
                        kind: other.kind(),
                    },
                ));
                continue;
            }
        };
        if let QuestionBody::Cloze { text: cloze } = &q.body
            && cloze.is_numbered()
        {
            notes.push(Skipped::new(
                Item::Question(id.to_owned()),
                NoteKind::MoodleClozeNumbers,
            ));
        }
        if q.source.is_some() {
            notes.push(Skipped::new(
                Item::Question(id.to_owned()),
                NoteKind::MoodleSource,
            ));
        }
        text.push_str(&format!(
            "<!-- question: {}  -->\n  <question type=\"{kind}\">\n    <name>\n      <text>{}</text>\n    </name>\n",
            n + 1,
            cdata(id)
        ));
        text.push_str(&format!(
            "    <questiontext format=\"markdown\">\n      <text>{}</text>\n    </questiontext>\n",
            cdata(&prompt)
        ));
        text.push_str(&format!(
            "    <generalfeedback format=\"markdown\">\n      <text>{}</text>\n    </generalfeedback>\n",
            cdata(q.explanation.as_deref().unwrap_or(""))
        ));
        if kind != "cloze" {
            text.push_str("    <defaultgrade>1</defaultgrade>\n");
        }
        text.push_str("    <penalty>0.3333333</penalty>\n    <hidden>0</hidden>\n");
        if kind != "cloze" {
            text.push_str("    <idnumber></idnumber>\n");
        }
        text.push_str(&body);
        if !q.tags.is_empty() {
            text.push_str("    <tags>\n");
            for t in &q.tags {
                text.push_str(&format!("      <tag><text>{}</text></tag>\n", cdata(t)));
            }
            text.push_str("    </tags>\n");
        }
        text.push_str("  </question>\n\n");
    }
    text.push_str("</quiz>\n");
    if !set.authors.is_empty() || set.source.is_some() || !set.tags.is_empty() {
        notes.push(Skipped::new(Item::Set, NoteKind::MoodleSetFields));
    }
    Exported {
        text,
        skipped,
        notes,
    }
}

fn answer(fraction_percent: f64, text: &str) -> String {
    format!(
        "    <answer fraction=\"{}\" format=\"markdown\">\n      <text>{}</text>\n      <feedback format=\"html\">\n        <text></text>\n      </feedback>\n    </answer>\n",
        fraction(fraction_percent),
        cdata(text)
    )
}
