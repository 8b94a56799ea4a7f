//! Turning the text of a question file into a [`QuestionSet`], collecting
//! every problem with its position rather than stopping at the first.

use super::json::{self, Located, Member, Value};
use super::model::{
    ClozeSegment, ClozeText, FORMAT_VERSION, Question, QuestionBody, QuestionId, QuestionSet,
    SetId, is_kebab_case, to_kebab_case,
};
use super::problem::{LocatedProblem, Pos, Problem};
use crate::text::suggest;

/// Largest question file accepted, in bytes. Checked before reading.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Parse raw file bytes: refuses non-UTF-8 and empty input, strips a BOM.
pub fn parse_set_bytes(bytes: &[u8]) -> Result<QuestionSet, Vec<LocatedProblem>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let pos = end_pos(prefix);
            return Err(vec![(
                pos,
                Problem::NotUtf8 {
                    byte: bytes[e.valid_up_to()],
                },
            )]);
        }
    };
    parse_set(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The position just after `text`.
fn end_pos(text: &str) -> Pos {
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(col).unwrap_or(u32::MAX),
    }
}

/// Parse the text of a JSON question file.
pub fn parse_set(src: &str) -> Result<QuestionSet, Vec<LocatedProblem>> {
    let (root, dups) = json::parse(src).map_err(|e| vec![e])?;
    let mut cx = Cx { problems: dups };
    let set = cx.set(&root);
    match set {
        Some(set) if cx.problems.is_empty() => Ok(set),
        _ => {
            let mut problems = cx.problems;
            problems.sort_by_key(|(pos, _)| *pos);
            Err(problems)
        }
    }
}

const SET_FIELDS: &[&str] = &[
    "$schema",
    "kioku",
    "id",
    "title",
    "description",
    "language",
    "authors",
    "source",
    "tags",
    "questions",
];
const COMMON_FIELDS: &[&str] = &["id", "type", "explanation", "source", "tags"];
const TYPES: &[&str] = &[
    "flashcard",
    "typed",
    "multiple_choice",
    "true_false",
    "cloze",
];

/// Fields each type adds to [`COMMON_FIELDS`].
fn type_fields(type_name: &str) -> &'static [&'static str] {
    match type_name {
        "flashcard" => &["prompt", "answer", "reversible"],
        "typed" => &["prompt", "answers"],
        "multiple_choice" => &["prompt", "choices", "correct", "shuffle"],
        "true_false" => &["prompt", "answer"],
        "cloze" => &["text"],
        _ => &[],
    }
}

pub const MIN_CHOICES: usize = 2;
pub const MAX_CHOICES: usize = 10;

struct Cx {
    problems: Vec<LocatedProblem>,
}

/// An object's members with the field names that are allowed in it.
struct Obj<'a> {
    pos: Pos,
    members: &'a [Member],
}

impl<'a> Obj<'a> {
    /// The first member named `name` (a duplicate was already reported).
    fn get(&self, name: &str) -> Option<&'a Located> {
        self.members
            .iter()
            .find(|m| m.key == name)
            .map(|m| &m.value)
    }
}

impl Cx {
    fn report(&mut self, pos: Pos, p: Problem) {
        self.problems.push((pos, p));
    }

    fn unknown_fields(&mut self, obj: &Obj, known: &[&str], type_name: Option<&'static str>) {
        for m in obj.members {
            if known.contains(&m.key.as_str()) {
                continue;
            }
            let belongs_elsewhere = TYPES
                .iter()
                .any(|t| type_fields(t).contains(&m.key.as_str()));
            let problem = match type_name {
                Some(type_name) if belongs_elsewhere => Problem::FieldNotForType {
                    name: m.key.clone(),
                    type_name,
                },
                _ => Problem::UnknownField {
                    name: m.key.clone(),
                    suggestion: suggest(&m.key, known.iter().copied()).map(str::to_owned),
                },
            };
            self.report(m.key_pos, problem);
        }
    }

    fn missing(&mut self, obj: &Obj, name: &'static str, hint: &'static str) {
        self.report(obj.pos, Problem::MissingField { name, hint });
    }

    fn wrong(&mut self, v: &Located, field: &str, expected: &'static str) {
        self.report(
            v.pos,
            Problem::WrongType {
                field: field.to_owned(),
                expected,
                found: v.value.kind(),
            },
        );
    }

    /// A string field that must be present and not blank.
    fn text(&mut self, obj: &Obj, name: &'static str) -> Option<String> {
        let Some(v) = obj.get(name) else {
            self.missing(obj, name, "");
            return None;
        };
        self.nonblank(v, name)
    }

    fn nonblank(&mut self, v: &Located, name: &str) -> Option<String> {
        match &v.value {
            Value::String(s) if s.text.trim().is_empty() => {
                self.report(
                    v.pos,
                    Problem::Empty {
                        field: name.to_owned(),
                    },
                );
                None
            }
            Value::String(s) => Some(s.text.clone()),
            _ => {
                self.wrong(v, name, "a string");
                None
            }
        }
    }

    /// An optional string field; `Err` when present but invalid.
    fn opt_text(&mut self, obj: &Obj, name: &'static str) -> Result<Option<String>, ()> {
        match obj.get(name) {
            None => Ok(None),
            Some(v) => self.nonblank(v, name).map(Some).ok_or(()),
        }
    }

    fn opt_bool(&mut self, obj: &Obj, name: &'static str, default: bool) -> Option<bool> {
        match obj.get(name) {
            None => Some(default),
            Some(Located {
                value: Value::Bool(b),
                ..
            }) => Some(*b),
            Some(v) => {
                self.wrong(v, name, "true or false");
                None
            }
        }
    }

    /// An optional list of non-blank strings.
    fn string_list(&mut self, obj: &Obj, name: &'static str) -> Option<Vec<String>> {
        let Some(v) = obj.get(name) else {
            return Some(Vec::new());
        };
        self.strings(v, name)
    }

    fn strings(&mut self, v: &Located, name: &str) -> Option<Vec<String>> {
        let Value::Array(items) = &v.value else {
            self.wrong(v, name, "an array of strings");
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            match self.nonblank(item, &format!("{name} entry")) {
                Some(s) => out.push(s),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn object<'a>(&mut self, v: &'a Located, what: &str) -> Option<Obj<'a>> {
        match &v.value {
            Value::Object(members) => Some(Obj {
                pos: v.pos,
                members,
            }),
            _ => {
                self.wrong(v, what, "an object");
                None
            }
        }
    }

    fn kebab(&mut self, obj: &Obj, what: &'static str) -> Option<(String, Pos)> {
        let v = obj.get("id");
        let id = self.text(obj, "id")?;
        let pos = v.map_or(obj.pos, |v| v.pos);
        if !is_kebab_case(&id) {
            let example = match to_kebab_case(&id) {
                e if e.is_empty() => "my-id".to_owned(),
                e => e,
            };
            self.report(
                pos,
                Problem::NotKebabCase {
                    what,
                    value: id,
                    example,
                },
            );
            return None;
        }
        Some((id, pos))
    }

    fn set(&mut self, root: &Located) -> Option<QuestionSet> {
        let Value::Object(members) = &root.value else {
            self.report(root.pos, Problem::NotAnObject(root.value.kind()));
            return None;
        };
        let obj = Obj {
            pos: root.pos,
            members,
        };
        // A file from a newer kioku may use fields this one doesn't know:
        // say only that it needs a newer version.
        match obj.get("kioku") {
            None => {
                self.missing(&obj, "kioku", " (the format version: 1)");
                return None;
            }
            Some(v) => match &v.value {
                Value::Number(n) if n.as_i64() == Some(FORMAT_VERSION) => {}
                Value::Number(n) => {
                    match n.as_i64() {
                        Some(found) => self.report(
                            v.pos,
                            Problem::UnsupportedVersion {
                                found,
                                supported: FORMAT_VERSION,
                            },
                        ),
                        None => self.wrong(v, "kioku", "the format version 1"),
                    }
                    return None;
                }
                _ => {
                    self.wrong(v, "kioku", "the format version 1");
                    return None;
                }
            },
        }
        self.unknown_fields(&obj, SET_FIELDS, None);
        let schema = self.opt_text(&obj, "$schema");
        let id = self.kebab(&obj, "set id");
        let title = self.text(&obj, "title");
        let description = self.opt_text(&obj, "description");
        let language = self.text(&obj, "language").and_then(|l| {
            if is_language_tag(&l) {
                Some(l)
            } else {
                let pos = obj.get("language").map_or(obj.pos, |v| v.pos);
                self.report(pos, Problem::BadLanguage(l));
                None
            }
        });
        let authors = self.string_list(&obj, "authors");
        let source = self.opt_text(&obj, "source");
        let tags = self.string_list(&obj, "tags");
        let questions = self.questions(&obj);
        Some(QuestionSet {
            schema: schema.ok()?,
            kioku: FORMAT_VERSION,
            id: SetId::new(&id?.0)?,
            title: title?,
            description: description.ok()?,
            language: language?,
            authors: authors?,
            source: source.ok()?,
            tags: tags?,
            questions: questions?,
        })
    }

    fn questions(&mut self, set: &Obj) -> Option<Vec<Question>> {
        let Some(v) = set.get("questions") else {
            self.missing(set, "questions", "");
            return None;
        };
        let Value::Array(items) = &v.value else {
            self.wrong(v, "questions", "an array");
            return None;
        };
        if items.is_empty() {
            self.report(v.pos, Problem::NoQuestions);
            return None;
        }
        // Question ids seen so far: a map, so checking a set stays linear.
        let mut seen: std::collections::HashMap<String, Pos> = std::collections::HashMap::new();
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            let q = self.question(item, &mut seen);
            match q {
                Some(q) => out.push(q),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn question(
        &mut self,
        v: &Located,
        seen: &mut std::collections::HashMap<String, Pos>,
    ) -> Option<Question> {
        let obj = self.object(v, "question")?;
        let id = self.kebab(&obj, "question id");
        if let Some((id, pos)) = &id {
            if let Some(first) = seen.get(id) {
                self.report(
                    *pos,
                    Problem::DuplicateQuestionId {
                        id: id.clone(),
                        first: *first,
                    },
                );
            } else {
                seen.insert(id.clone(), *pos);
            }
        }
        let type_name: Option<&'static str> = match obj.get("type") {
            None => {
                self.missing(&obj, "type", "");
                None
            }
            Some(t) => match &t.value {
                Value::String(s) => match TYPES.iter().find(|n| **n == s.text) {
                    Some(n) => Some(n),
                    None => {
                        self.report(
                            t.pos,
                            Problem::UnknownType {
                                found: s.text.clone(),
                                suggestion: suggest(&s.text, TYPES.iter().copied())
                                    .map(str::to_owned),
                            },
                        );
                        None
                    }
                },
                _ => {
                    self.wrong(t, "type", "a string");
                    None
                }
            },
        };
        let explanation = self.opt_text(&obj, "explanation");
        let source = self.opt_text(&obj, "source");
        let tags = self.string_list(&obj, "tags");
        // Without a known type the other fields can't be judged.
        let body = match type_name {
            Some(t) => {
                let known: Vec<&str> = COMMON_FIELDS
                    .iter()
                    .chain(type_fields(t))
                    .copied()
                    .collect();
                self.unknown_fields(&obj, &known, Some(t));
                self.body(&obj, t)
            }
            None => None,
        };
        Some(Question {
            id: QuestionId::new(&id?.0)?,
            body: body?,
            explanation: explanation.ok()?,
            source: source.ok()?,
            tags: tags?,
        })
    }

    fn body(&mut self, obj: &Obj, type_name: &str) -> Option<QuestionBody> {
        if type_name == "cloze" {
            let text = self.cloze(obj);
            return Some(QuestionBody::Cloze { text: text? });
        }
        let prompt = self.text(obj, "prompt");
        let body = match type_name {
            "flashcard" => {
                let answer = self.text(obj, "answer");
                let reversible = self.opt_bool(obj, "reversible", false);
                QuestionBody::Flashcard {
                    prompt: prompt?,
                    answer: answer?,
                    reversible: reversible?,
                }
            }
            "typed" => {
                let answers = self.typed_answers(obj);
                QuestionBody::Typed {
                    prompt: prompt?,
                    answers: answers?,
                }
            }
            "multiple_choice" => {
                let choices = self.choices(obj);
                // Judge indices against the choices as written, even when
                // some choice has its own problem.
                let count = match obj.get("choices") {
                    Some(Located {
                        value: Value::Array(items),
                        ..
                    }) => Some(items.len()),
                    _ => None,
                };
                let correct = self.correct(obj, count);
                let shuffle = self.opt_bool(obj, "shuffle", true);
                QuestionBody::MultipleChoice {
                    prompt: prompt?,
                    choices: choices?,
                    correct: correct?,
                    shuffle: shuffle?,
                }
            }
            "true_false" => {
                let answer = match obj.get("answer") {
                    None => {
                        self.missing(obj, "answer", " (true or false)");
                        None
                    }
                    Some(Located {
                        value: Value::Bool(b),
                        ..
                    }) => Some(*b),
                    Some(v) => {
                        self.wrong(v, "answer", "true or false");
                        None
                    }
                };
                QuestionBody::TrueFalse {
                    prompt: prompt?,
                    answer: answer?,
                }
            }
            _ => return None,
        };
        Some(body)
    }

    fn typed_answers(&mut self, obj: &Obj) -> Option<Vec<String>> {
        let Some(v) = obj.get("answers") else {
            self.missing(obj, "answers", " (a list of accepted answers)");
            return None;
        };
        let answers = self.strings(v, "answers")?;
        if answers.is_empty() {
            self.report(
                v.pos,
                Problem::Empty {
                    field: "answers".into(),
                },
            );
            return None;
        }
        let Value::Array(items) = &v.value else {
            return None;
        };
        let mut ok = true;
        for (i, a) in answers.iter().enumerate() {
            let norm = a.trim().to_lowercase();
            if let Some(first) = answers[..i]
                .iter()
                .position(|b| b.trim().to_lowercase() == norm)
            {
                self.report(
                    items[i].pos,
                    Problem::DuplicateAnswer {
                        index: i,
                        first,
                        text: a.clone(),
                    },
                );
                ok = false;
            }
        }
        ok.then_some(answers)
    }

    fn choices(&mut self, obj: &Obj) -> Option<Vec<String>> {
        let Some(v) = obj.get("choices") else {
            self.missing(obj, "choices", "");
            return None;
        };
        let Value::Array(items) = &v.value else {
            self.wrong(v, "choices", "an array of strings");
            return None;
        };
        let mut ok = true;
        if items.len() < MIN_CHOICES {
            self.report(
                v.pos,
                Problem::TooFewChoices {
                    min: MIN_CHOICES,
                    found: items.len(),
                },
            );
            ok = false;
        } else if items.len() > MAX_CHOICES {
            self.report(
                v.pos,
                Problem::TooManyChoices {
                    max: MAX_CHOICES,
                    found: items.len(),
                },
            );
            ok = false;
        }
        let mut out: Vec<String> = Vec::with_capacity(items.len());
        // (index as written, trimmed text) of the good choices so far.
        let mut seen: Vec<(usize, &str)> = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match &item.value {
                Value::String(s) if s.text.trim().is_empty() => {
                    self.report(item.pos, Problem::EmptyChoice { index });
                    ok = false;
                }
                Value::String(s) => {
                    let trimmed = s.text.trim();
                    if let Some(&(first, _)) = seen.iter().find(|(_, t)| *t == trimmed) {
                        self.report(
                            item.pos,
                            Problem::DuplicateChoice {
                                index,
                                first,
                                text: s.text.clone(),
                            },
                        );
                        ok = false;
                    } else {
                        seen.push((index, trimmed));
                    }
                    out.push(s.text.clone());
                }
                _ => {
                    self.wrong(item, "choices entry", "a string");
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    fn correct(&mut self, obj: &Obj, count: Option<usize>) -> Option<Vec<usize>> {
        let Some(v) = obj.get("correct") else {
            self.missing(
                obj,
                "correct",
                " (the indices of the right choices, from 0)",
            );
            return None;
        };
        let Value::Array(items) = &v.value else {
            self.wrong(v, "correct", "an array of choice indices");
            return None;
        };
        if items.is_empty() {
            self.report(v.pos, Problem::NoCorrectChoice);
            return None;
        }
        let mut out: Vec<usize> = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            let index = match &item.value {
                Value::Number(n) => match n.as_i64() {
                    Some(i) => i,
                    None => {
                        self.report(item.pos, Problem::NotAnIndex(n.0.clone()));
                        ok = false;
                        continue;
                    }
                },
                _ => {
                    self.wrong(item, "correct entry", "a choice index");
                    ok = false;
                    continue;
                }
            };
            if index < 0 {
                self.report(item.pos, Problem::NegativeIndex { index });
                ok = false;
                continue;
            }
            let as_usize = usize::try_from(index).unwrap_or(usize::MAX);
            if let Some(count) = count
                && as_usize >= count
            {
                self.report(item.pos, Problem::IndexOutOfRange { index, count });
                ok = false;
                continue;
            }
            if out.contains(&as_usize) {
                self.report(item.pos, Problem::DuplicateIndex { index });
                ok = false;
                continue;
            }
            out.push(as_usize);
        }
        out.sort_unstable();
        ok.then_some(out)
    }

    fn cloze(&mut self, obj: &Obj) -> Option<ClozeText> {
        let v = obj.get("text");
        let text = self.text(obj, "text")?;
        let v = v?;
        let Value::String(s) = &v.value else {
            return None;
        };
        // Point at the character inside the string when the literal has no
        // escapes (so source columns and text offsets line up).
        let at = |i: usize| {
            if s.verbatim {
                v.pos.right(1 + i)
            } else {
                v.pos
            }
        };
        match parse_cloze(&text) {
            Ok(c) => Some(c),
            Err(errors) => {
                for (i, p) in errors {
                    let pos = match p {
                        Problem::NoDeletion => v.pos,
                        _ => at(i),
                    };
                    self.report(pos, p);
                }
                None
            }
        }
    }
}

/// Split cloze text into text and `{{deletions}}`. Errors carry the
/// character offset of the offending brace.
pub fn parse_cloze(text: &str) -> Result<ClozeText, Vec<(usize, Problem)>> {
    let chars: Vec<char> = text.chars().collect();
    let mut segments = Vec::new();
    let mut errors = Vec::new();
    let mut buf = String::new();
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let pair = chars.get(i + 1) == Some(&chars[i]);
        match chars[i] {
            '{' if pair => {
                if open.is_some() {
                    errors.push((i, Problem::NestedDeletion));
                } else {
                    if !buf.is_empty() {
                        segments.push(ClozeSegment::Text(std::mem::take(&mut buf)));
                    }
                    open = Some(i);
                }
                i += 2;
                continue;
            }
            '}' if pair => {
                match open.take() {
                    None => errors.push((i, Problem::UnopenedDeletion)),
                    Some(start) if buf.trim().is_empty() => {
                        errors.push((start, Problem::EmptyDeletion));
                        buf.clear();
                    }
                    Some(_) => segments.push(ClozeSegment::Deletion(std::mem::take(&mut buf))),
                }
                i += 2;
                continue;
            }
            c @ ('{' | '}') => errors.push((i, Problem::StrayBrace(c))),
            c => buf.push(c),
        }
        i += 1;
    }
    if let Some(start) = open {
        errors.push((start, Problem::UnclosedDeletion));
    } else if !buf.is_empty() {
        segments.push(ClozeSegment::Text(buf));
    }
    let has_deletion = segments
        .iter()
        .any(|s| matches!(s, ClozeSegment::Deletion(_)));
    if errors.is_empty() && !has_deletion {
        errors.push((0, Problem::NoDeletion));
    }
    if errors.is_empty() {
        Ok(ClozeText::from_segments(segments))
    } else {
        Err(errors)
    }
}

/// A loose BCP 47 check: a 2–3 letter primary language and optional
/// subtags of 1–8 letters or digits (`en`, `ja`, `pt-BR`, `zh-Hant-TW`).
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
