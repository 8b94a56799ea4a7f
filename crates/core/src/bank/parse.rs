//! Turning the text of a question file into a [`QuestionSet`], collecting
//! every problem with its position rather than stopping at the first.

use super::json::{self, Located, Member, Value};
use super::model::{
    Abbreviation, ClozeText, FORMAT_VERSION, Question, QuestionBody, QuestionId, QuestionSet, SetId,
};
use super::problem::{FieldHint, IdKind, Kind, LocatedProblem, Pos, Problem};
use super::sources::SourceSpots;
use super::validate::{Checker, SeenIds};
pub use super::validate::{MAX_CHOICES, MIN_CHOICES, is_language_tag, parse_cloze};
use crate::text::suggest;

/// Largest question file accepted, in bytes. Checked before reading.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Parse raw file bytes: refuses non-UTF-8 and empty input, strips a BOM.
pub fn parse_set_bytes(bytes: &[u8]) -> Result<QuestionSet, Vec<LocatedProblem>> {
    parse_set(decode_text(bytes)?)
}

/// The text of a file: UTF-8 (a located problem otherwise), BOM removed.
pub fn decode_text(bytes: &[u8]) -> Result<&str, Vec<LocatedProblem>> {
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
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
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
    parse_set_located(src).map(|(set, _)| set)
}

/// [`parse_set`], also returning where the source fields are.
pub fn parse_set_located(src: &str) -> Result<(QuestionSet, SourceSpots), Vec<LocatedProblem>> {
    let (root, dups) = json::parse(src).map_err(|e| vec![e])?;
    let mut cx = Cx {
        ck: Checker { problems: dups },
        spots: SourceSpots::default(),
    };
    let set = cx.set(&root);
    match set {
        Some(set) if cx.ck.problems.is_empty() => Ok((set, cx.spots)),
        _ => Err(cx.ck.into_sorted()),
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
    "source_document",
    "abbreviations",
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

struct Cx {
    ck: Checker,
    spots: SourceSpots,
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
        self.ck.report(pos, p);
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

    fn missing(&mut self, obj: &Obj, name: &'static str, hint: FieldHint) {
        self.report(obj.pos, Problem::MissingField { name, hint });
    }

    fn wrong(&mut self, v: &Located, field: &str, expected: Kind) {
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
            self.missing(obj, name, FieldHint::None);
            return None;
        };
        self.nonblank(v, name)
    }

    fn nonblank(&mut self, v: &Located, name: &str) -> Option<String> {
        match &v.value {
            Value::String(s) => self.ck.nonblank(name, &s.text, v.pos),
            _ => {
                self.wrong(v, name, Kind::String);
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
                self.wrong(v, name, Kind::TrueOrFalse);
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
            self.wrong(v, name, Kind::ArrayOfStrings);
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

    /// The optional `abbreviations` object: short form → long form.
    fn abbreviations(&mut self, obj: &Obj) -> Option<Vec<Abbreviation>> {
        let Some(v) = obj.get("abbreviations") else {
            return Some(Vec::new());
        };
        let Value::Object(members) = &v.value else {
            self.wrong(v, "abbreviations", Kind::AbbreviationMap);
            return None;
        };
        let mut out = Vec::with_capacity(members.len());
        let mut ok = true;
        for m in members {
            let long = match &m.value.value {
                Value::String(s) => s.text.as_str(),
                _ => {
                    self.wrong(&m.value, &format!("abbreviations.{}", m.key), Kind::String);
                    ok = false;
                    continue;
                }
            };
            match self.ck.abbreviation(&m.key, long, m.key_pos, m.value.pos) {
                Some(a) => out.push(a),
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
                self.wrong(v, what, Kind::Object);
                None
            }
        }
    }

    fn kebab(&mut self, obj: &Obj, what: IdKind) -> Option<(String, Pos)> {
        let v = obj.get("id");
        let id = self.text(obj, "id")?;
        let pos = v.map_or(obj.pos, |v| v.pos);
        self.ck.kebab(what, &id, pos).map(|id| (id, pos))
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
                self.missing(&obj, "kioku", FieldHint::FormatVersion);
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
                        None => self.wrong(v, "kioku", Kind::FormatVersion),
                    }
                    return None;
                }
                _ => {
                    self.wrong(v, "kioku", Kind::FormatVersion);
                    return None;
                }
            },
        }
        self.unknown_fields(&obj, SET_FIELDS, None);
        let schema = self.opt_text(&obj, "$schema");
        let id = self.kebab(&obj, IdKind::Set);
        let title = self.text(&obj, "title");
        let description = self.opt_text(&obj, "description");
        let language = self.text(&obj, "language").and_then(|l| {
            let pos = obj.get("language").map_or(obj.pos, |v| v.pos);
            self.ck.language(&l, pos)
        });
        let authors = self.string_list(&obj, "authors");
        let source = self.opt_text(&obj, "source");
        let source_document = self.opt_text(&obj, "source_document");
        self.spots.document = obj.get("source_document").map_or(obj.pos, |v| v.pos);
        let abbreviations = self.abbreviations(&obj);
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
            source_document: source_document.ok()?,
            abbreviations: abbreviations?,
            tags: tags?,
            questions: questions?,
        })
    }

    fn questions(&mut self, set: &Obj) -> Option<Vec<Question>> {
        let Some(v) = set.get("questions") else {
            self.missing(set, "questions", FieldHint::None);
            return None;
        };
        let Value::Array(items) = &v.value else {
            self.wrong(v, "questions", Kind::Array);
            return None;
        };
        if items.is_empty() {
            self.report(v.pos, Problem::NoQuestions);
            return None;
        }
        let mut seen = SeenIds::default();
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

    fn question(&mut self, v: &Located, seen: &mut SeenIds) -> Option<Question> {
        let obj = self.object(v, "question")?;
        let id = self.kebab(&obj, IdKind::Question);
        if let Some((id, pos)) = &id {
            seen.check(&mut self.ck, id, *pos);
        }
        let type_name: Option<&'static str> = match obj.get("type") {
            None => {
                self.missing(&obj, "type", FieldHint::None);
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
                    self.wrong(t, "type", Kind::String);
                    None
                }
            },
        };
        let explanation = self.opt_text(&obj, "explanation");
        let source = self.opt_text(&obj, "source");
        self.spots
            .quotes
            .push(obj.get("source").map_or(obj.pos, |v| v.pos));
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
                        self.missing(obj, "answer", FieldHint::TrueOrFalse);
                        None
                    }
                    Some(Located {
                        value: Value::Bool(b),
                        ..
                    }) => Some(*b),
                    Some(v) => {
                        self.wrong(v, "answer", Kind::TrueOrFalse);
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
            self.missing(obj, "answers", FieldHint::AcceptedAnswers);
            return None;
        };
        let answers = self.strings(v, "answers")?;
        let Value::Array(items) = &v.value else {
            return None;
        };
        let located: Vec<(String, Pos)> = answers
            .into_iter()
            .zip(items)
            .map(|(a, item)| (a, item.pos))
            .collect();
        self.ck.typed_answers(&located, v.pos)
    }

    fn choices(&mut self, obj: &Obj) -> Option<Vec<String>> {
        let Some(v) = obj.get("choices") else {
            self.missing(obj, "choices", FieldHint::None);
            return None;
        };
        let Value::Array(items) = &v.value else {
            self.wrong(v, "choices", Kind::ArrayOfStrings);
            return None;
        };
        let mut located = Vec::with_capacity(items.len());
        for item in items {
            match &item.value {
                Value::String(s) => located.push(Some((s.text.clone(), item.pos))),
                _ => {
                    self.wrong(item, "choices entry", Kind::String);
                    located.push(None);
                }
            }
        }
        self.ck.choices(&located, v.pos)
    }

    fn correct(&mut self, obj: &Obj, count: Option<usize>) -> Option<Vec<usize>> {
        let Some(v) = obj.get("correct") else {
            self.missing(obj, "correct", FieldHint::ChoiceIndices);
            return None;
        };
        let Value::Array(items) = &v.value else {
            self.wrong(v, "correct", Kind::ArrayOfChoiceIndices);
            return None;
        };
        let mut located = Vec::with_capacity(items.len());
        for item in items {
            match &item.value {
                Value::Number(n) => match n.as_i64() {
                    Some(i) => located.push(Some((i, item.pos))),
                    None => {
                        self.report(item.pos, Problem::NotAnIndex(n.0.clone()));
                        located.push(None);
                    }
                },
                _ => {
                    self.wrong(item, "correct entry", Kind::ChoiceIndex);
                    located.push(None);
                }
            }
        }
        self.ck.correct(&located, count, v.pos)
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
        let verbatim = s.verbatim;
        let at = |i: usize| {
            if verbatim { v.pos.right(1 + i) } else { v.pos }
        };
        self.ck.cloze(&text, v.pos, at)
    }
}
