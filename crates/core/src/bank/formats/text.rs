//! The plain-text format `.kioku.md`: the JSON format (v1) written as
//! Markdown, one-to-one.
//!
//! ```text
//! ---
//! kioku: 1
//! id: capitals
//! title: Capitals
//! language: en
//! ---
//!
//! ## japan
//! Q: Capital of Japan?
//! A: Tokyo
//! ```
//!
//! A field starts at column 1 with its marker (`Q:`, `A:`, `T:`, `F:`,
//! `= `, `- [x] `, `- [ ] `, `explain:`, `source:`, `tags:`, `shuffle:`,
//! `reversible:`) and runs until the next marker, heading or `---`, so
//! values span lines. A continuation line that starts with `\` loses that
//! backslash: that is how a value line that would read as a marker is
//! written (`\## not a heading`), and how trailing blank lines are kept.
//! Blank lines at the end of a value separate fields and are not part of it.
//! Line breaks are stored as LF; a CR before a line break is dropped.

use super::super::model::{
    Abbreviation, FORMAT_VERSION, Question, QuestionBody, QuestionId, QuestionSet, SetId,
};
use super::super::problem::{
    AbbreviationFault, FieldHint, IdKind, Kind, LocatedProblem, Pos, Problem,
};
use super::super::sources::SourceSpots;
use super::super::validate::{Checker, SeenIds};
use crate::text::suggest;

const SET_KEYS: &[&str] = &[
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
];

const QUESTION_KEYS: &[&str] = &["explain", "source", "tags", "shuffle", "reversible"];

/// What starts a field inside a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Q,
    A,
    True,
    False,
    Answer,
    Choice(bool),
    Key(&'static str),
}

impl Marker {
    fn name(self) -> &'static str {
        match self {
            Marker::Q => "Q:",
            Marker::A => "A:",
            Marker::True => "T:",
            Marker::False => "F:",
            Marker::Answer => "=",
            Marker::Choice(true) => "- [x]",
            Marker::Choice(false) => "- [ ]",
            Marker::Key(k) => k,
        }
    }

    /// Which question type the marker implies, if any.
    fn group(self) -> Option<&'static str> {
        match self {
            Marker::A => Some("flashcard"),
            Marker::Answer => Some("typed"),
            Marker::Choice(_) => Some("multiple_choice"),
            Marker::True | Marker::False => Some("true_false"),
            _ => None,
        }
    }
}

/// One field as written: its marker and its value's lines, each with the
/// position of its first character.
#[derive(Debug)]
struct Field {
    marker: Marker,
    pos: Pos,
    lines: Vec<(Pos, String, bool)>,
}

impl Field {
    /// The value: lines joined, trailing blank (unescaped) lines dropped.
    fn value(&self) -> String {
        let keep = self
            .lines
            .iter()
            .enumerate()
            .rposition(|(i, (_, l, escaped))| i == 0 || *escaped || !l.trim().is_empty())
            .map_or(0, |i| i + 1);
        self.lines[..keep]
            .iter()
            .map(|(_, l, _)| l.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Where the value starts.
    fn value_pos(&self) -> Pos {
        self.lines.first().map_or(self.pos, |(p, _, _)| *p)
    }

    /// The source position of character `i` of [`Field::value`].
    fn char_pos(&self, i: usize) -> Pos {
        let mut left = i;
        for (pos, line, _) in &self.lines {
            let n = line.chars().count();
            if left <= n {
                return pos.right(left);
            }
            left -= n + 1;
        }
        self.value_pos()
    }
}

fn pos(line: usize, column: usize) -> Pos {
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(column).unwrap_or(u32::MAX),
    }
}

/// `key:` at the start of a line: the key and the value's char offset.
fn key_prefix(line: &str) -> Option<(&str, usize)> {
    let colon = line.find(':')?;
    let key = &line[..colon];
    let mut chars = key.chars();
    let first = chars.next()?;
    let ok = (first.is_ascii_alphabetic() || first == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '$' | '-'));
    ok.then_some((key, colon + 1))
}

/// The rest of a line after `prefix` when it is followed by a space or the
/// end of the line: the value text and its char offset.
fn after<'a>(line: &'a str, prefix: &str) -> Option<(&'a str, usize)> {
    let rest = line.strip_prefix(prefix)?;
    if rest.is_empty() {
        Some(("", prefix.chars().count()))
    } else {
        rest.strip_prefix(' ')
            .map(|r| (r, prefix.chars().count() + 1))
    }
}

/// Recognise a question marker at the start of `line`.
enum LineKind<'a> {
    Heading(&'a str, usize),
    Field(Marker, &'a str, usize),
    /// `word:` that is no key, but close to one: likely a typo.
    Typo(String, &'static str),
    Text,
}

fn classify(line: &str) -> LineKind<'_> {
    if let Some((rest, at)) = after(line, "##") {
        return LineKind::Heading(rest, at);
    }
    let fixed: [(&str, Marker); 8] = [
        ("Q:", Marker::Q),
        ("A:", Marker::A),
        ("T:", Marker::True),
        ("F:", Marker::False),
        ("=", Marker::Answer),
        ("- [x]", Marker::Choice(true)),
        ("- [X]", Marker::Choice(true)),
        ("- [ ]", Marker::Choice(false)),
    ];
    for (prefix, marker) in fixed {
        if let Some((rest, at)) = after(line, prefix) {
            return LineKind::Field(marker, rest, at);
        }
    }
    if let Some((key, _)) = key_prefix(line) {
        for k in QUESTION_KEYS {
            if let Some((rest, at)) = after(line, &format!("{k}:")) {
                return LineKind::Field(Marker::Key(k), rest, at);
            }
        }
        let lower = key.to_ascii_lowercase();
        if let Some(s) = suggest(&lower, QUESTION_KEYS.iter().copied()) {
            return LineKind::Typo(key.to_owned(), s);
        }
    }
    LineKind::Text
}

/// A continuation line: `\` escapes are removed (one backslash).
fn continuation(line: &str, line_no: usize) -> (Pos, String, bool) {
    match line.strip_prefix('\\') {
        Some(rest) => (pos(line_no, 2), rest.to_owned(), true),
        None => (pos(line_no, 1), line.to_owned(), false),
    }
}

/// Parse the text of a `.kioku.md` file, reporting every problem.
pub fn parse_text(src: &str) -> Result<QuestionSet, Vec<LocatedProblem>> {
    parse_text_located(src).map(|(set, _)| set)
}

/// [`parse_text`], also returning where the source fields are.
pub fn parse_text_located(src: &str) -> Result<(QuestionSet, SourceSpots), Vec<LocatedProblem>> {
    let mut ck = Checker::default();
    if src.trim().is_empty() {
        return Err(vec![(Pos::START, Problem::EmptyFile)]);
    }
    let lines: Vec<&str> = src
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut i = 0;
    // Leading blank lines are allowed before the front matter.
    while i < lines.len() && lines[i].trim().is_empty() {
        i += 1;
    }
    if lines.get(i).map(|l| l.trim_end()) != Some("---") {
        return Err(vec![(pos(i + 1, 1), Problem::NoFrontMatter)]);
    }
    let open_line = i + 1;
    i += 1;
    let mut meta: Vec<(String, Pos, Field)> = Vec::new();
    let mut closed = false;
    while i < lines.len() {
        let line = lines[i];
        let no = i + 1;
        i += 1;
        if line.trim_end() == "---" {
            closed = true;
            break;
        }
        if let Some((key, at)) = key_prefix(line) {
            // One space after the colon is the separator, not the value.
            let (rest, at) = match line[at..].strip_prefix(' ') {
                Some(r) => (r, at + 1),
                None => (&line[at..], at),
            };
            let kpos = pos(no, 1);
            meta.push((
                key.to_owned(),
                kpos,
                Field {
                    marker: Marker::Key("meta"),
                    pos: kpos,
                    lines: vec![(pos(no, at + 1), rest.to_owned(), false)],
                },
            ));
            continue;
        }
        match meta.last_mut() {
            Some((_, _, f)) => f.lines.push(continuation(line, no)),
            None if line.trim().is_empty() => {}
            None => ck.report(pos(no, 1), Problem::TextOutsideQuestion),
        }
    }
    if !closed {
        ck.report(pos(open_line, 1), Problem::UnclosedFrontMatter);
        return Err(ck.into_sorted());
    }

    // The questions: a heading, then fields.
    let mut blocks: Vec<(Pos, String, Vec<Field>)> = Vec::new();
    while i < lines.len() {
        let line = lines[i];
        let no = i + 1;
        i += 1;
        match classify(line) {
            LineKind::Heading(rest, at) => {
                blocks.push((pos(no, at + 1), rest.trim_end().to_owned(), Vec::new()));
            }
            LineKind::Field(marker, rest, at) => match blocks.last_mut() {
                Some((_, _, fields)) => fields.push(Field {
                    marker,
                    pos: pos(no, 1),
                    lines: vec![(pos(no, at + 1), rest.to_owned(), false)],
                }),
                None => ck.report(pos(no, 1), Problem::TextOutsideQuestion),
            },
            LineKind::Typo(name, s) if blocks.last().is_some() => ck.report(
                pos(no, 1),
                Problem::UnknownField {
                    name,
                    suggestion: Some(s.to_owned()),
                },
            ),
            _ => match blocks.last_mut().and_then(|(_, _, f)| f.last_mut()) {
                Some(f) => f.lines.push(continuation(line, no)),
                None if line.trim().is_empty() => {}
                None => ck.report(pos(no, 1), Problem::TextOutsideQuestion),
            },
        }
    }

    let set = build_set(&mut ck, pos(open_line, 1), &meta, &blocks);
    let spots = SourceSpots {
        document: meta
            .iter()
            .find(|(k, _, _)| k == "source_document")
            .map_or(pos(open_line, 1), |(_, _, f)| f.value_pos()),
        quotes: blocks
            .iter()
            .map(|(hpos, _, fields)| {
                fields
                    .iter()
                    .find(|f| f.marker == Marker::Key("source"))
                    .map_or(*hpos, Field::value_pos)
            })
            .collect(),
    };
    match set {
        Some(set) if ck.problems.is_empty() => Ok((set, spots)),
        _ => Err(ck.into_sorted()),
    }
}

/// Split a list value on unescaped commas; `\,` is a comma and `\\` a
/// backslash inside an item. Items are trimmed.
fn split_list(value: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some(',' | '\\')) => {
                cur.extend(chars.next());
            }
            ',' => items.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    items.push(cur);
    items.into_iter().map(|s| s.trim().to_owned()).collect()
}

fn join_list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| s.replace('\\', "\\\\").replace(',', "\\,"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn list(ck: &mut Checker, field: &Field, name: &str) -> Option<Vec<String>> {
    let value = field.value();
    let mut ok = true;
    let mut out = Vec::new();
    for item in split_list(&value) {
        match ck.nonblank(&format!("{name} entry"), &item, field.value_pos()) {
            Some(s) => out.push(s),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// The `abbreviations` value: `SHORT = LONG` entries separated by commas
/// (`\,` is a comma inside an entry), each problem at its entry.
fn abbreviations(ck: &mut Checker, field: &Field) -> Option<Vec<Abbreviation>> {
    let value = field.value();
    if value.trim().is_empty() {
        return ck
            .nonblank("abbreviations", &value, field.value_pos())
            .map(|_| Vec::new());
    }
    // Each entry's text (escapes removed) with the character index, in
    // the value, of each of its characters.
    let mut entries: Vec<Vec<(usize, char)>> = vec![Vec::new()];
    let mut chars = value.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some((_, ',' | '\\'))) => {
                if let Some((j, c)) = chars.next() {
                    entries.last_mut().into_iter().for_each(|e| e.push((j, c)));
                }
            }
            ',' => entries.push(Vec::new()),
            c => entries.last_mut().into_iter().for_each(|e| e.push((i, c))),
        }
    }
    let text = |part: &[(usize, char)]| part.iter().map(|(_, c)| *c).collect::<String>();
    let start = |part: &[(usize, char)], fallback: usize| {
        let i = part
            .iter()
            .find(|(_, c)| !c.is_whitespace())
            .or(part.first())
            .map_or(fallback, |(i, _)| *i);
        field.char_pos(i)
    };
    let mut out = Vec::with_capacity(entries.len());
    let mut ok = true;
    let mut end = 0;
    let mut seen: Vec<(String, Pos)> = Vec::new();
    for entry in &entries {
        let at = start(entry, end);
        end = entry.last().map_or(end, |(i, _)| i + 1);
        let Some(eq) = entry.iter().position(|(_, c)| *c == '=') else {
            let short = text(entry);
            let problem = if short.trim().is_empty() {
                Problem::Empty {
                    field: "abbreviations entry".to_owned(),
                }
            } else {
                Problem::BadAbbreviation {
                    short: short.trim().to_owned(),
                    reason: AbbreviationFault::NoEquals,
                }
            };
            ck.report(at, problem);
            ok = false;
            continue;
        };
        let (short, long) = (&entry[..eq], &entry[eq + 1..]);
        let long_at = start(long, entry[eq].0 + 1);
        let Some(a) = ck.abbreviation(&text(short), &text(long), at, long_at) else {
            ok = false;
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == a.short) {
            ck.report(
                at,
                Problem::DuplicateKey {
                    key: a.short.clone(),
                    first: *first,
                },
            );
            ok = false;
            continue;
        }
        seen.push((a.short.clone(), at));
        out.push(a);
    }
    ok.then_some(out)
}

fn build_set(
    ck: &mut Checker,
    start: Pos,
    meta: &[(String, Pos, Field)],
    blocks: &[(Pos, String, Vec<Field>)],
) -> Option<QuestionSet> {
    let mut seen: Vec<(&str, Pos)> = Vec::new();
    for (key, kpos, _) in meta {
        if !SET_KEYS.contains(&key.as_str()) {
            ck.report(
                *kpos,
                Problem::UnknownField {
                    name: key.clone(),
                    suggestion: suggest(key, SET_KEYS.iter().copied()).map(str::to_owned),
                },
            );
        } else if let Some((_, first)) = seen.iter().find(|(k, _)| k == key) {
            ck.report(
                *kpos,
                Problem::DuplicateKey {
                    key: key.clone(),
                    first: *first,
                },
            );
        } else {
            seen.push((key, *kpos));
        }
    }
    let get = |name: &str| meta.iter().find(|(k, _, _)| k == name).map(|(_, _, f)| f);
    match get("kioku") {
        None => {
            ck.report(
                start,
                Problem::MissingField {
                    name: "kioku",
                    hint: FieldHint::FormatVersion,
                },
            );
            return None;
        }
        Some(f) => match f.value().trim().parse::<i64>() {
            Ok(FORMAT_VERSION) => {}
            Ok(found) => {
                ck.report(
                    f.value_pos(),
                    Problem::UnsupportedVersion {
                        found,
                        supported: FORMAT_VERSION,
                    },
                );
                return None;
            }
            Err(_) => {
                ck.report(
                    f.value_pos(),
                    Problem::WrongType {
                        field: "kioku".into(),
                        expected: Kind::FormatVersion,
                        found: Kind::OtherText,
                    },
                );
                return None;
            }
        },
    }
    let required = |ck: &mut Checker, name: &'static str| match get(name) {
        Some(f) => ck.nonblank(name, &f.value(), f.value_pos()),
        None => {
            ck.report(
                start,
                Problem::MissingField {
                    name,
                    hint: FieldHint::None,
                },
            );
            None
        }
    };
    let id = required(ck, "id").and_then(|id| {
        let p = get("id").map_or(start, Field::value_pos);
        ck.kebab(IdKind::Set, &id, p)
    });
    let title = required(ck, "title");
    let language = required(ck, "language").and_then(|l| {
        let p = get("language").map_or(start, Field::value_pos);
        ck.language(&l, p)
    });
    let optional = |ck: &mut Checker, name: &'static str| -> Result<Option<String>, ()> {
        match get(name) {
            None => Ok(None),
            Some(f) => ck
                .nonblank(name, &f.value(), f.value_pos())
                .map(Some)
                .ok_or(()),
        }
    };
    let schema = optional(ck, "$schema");
    let description = optional(ck, "description");
    let source = optional(ck, "source");
    let source_document = optional(ck, "source_document");
    let authors = get("authors").map_or(Some(Vec::new()), |f| list(ck, f, "authors"));
    let tags = get("tags").map_or(Some(Vec::new()), |f| list(ck, f, "tags"));
    let abbreviations = get("abbreviations").map_or(Some(Vec::new()), |f| abbreviations(ck, f));

    if blocks.is_empty() {
        ck.report(start, Problem::NoQuestions);
    }
    let mut ids = SeenIds::default();
    let mut questions = Vec::with_capacity(blocks.len());
    let mut ok = true;
    for (hpos, id, fields) in blocks {
        match question(ck, &mut ids, *hpos, id, fields) {
            Some(q) => questions.push(q),
            None => ok = false,
        }
    }
    Some(QuestionSet {
        schema: schema.ok()?,
        kioku: FORMAT_VERSION,
        id: SetId::new(&id?)?,
        title: title?,
        description: description.ok()?,
        language: language?,
        authors: authors?,
        source: source.ok()?,
        source_document: source_document.ok()?,
        abbreviations: abbreviations?,
        tags: tags?,
        questions: (ok && !blocks.is_empty()).then_some(questions)?,
    })
}

fn question(
    ck: &mut Checker,
    ids: &mut SeenIds,
    hpos: Pos,
    id: &str,
    fields: &[Field],
) -> Option<Question> {
    let id = ck
        .nonblank("question id", id, hpos)
        .and_then(|id| ck.kebab(IdKind::Question, &id, hpos));
    if let Some(id) = &id {
        ids.check(ck, id, hpos);
    }
    // Single-valued fields appear once.
    let mut singles: Vec<(&'static str, Pos)> = Vec::new();
    let mut group: Option<(&'static str, &'static str)> = None;
    for f in fields {
        let name = f.marker.name();
        let single = !matches!(f.marker, Marker::Answer | Marker::Choice(_));
        if single {
            let key = if matches!(f.marker, Marker::True | Marker::False) {
                "T:/F:"
            } else {
                name
            };
            if let Some((_, first)) = singles.iter().find(|(k, _)| *k == key) {
                ck.report(
                    f.pos,
                    Problem::DuplicateKey {
                        key: key.to_owned(),
                        first: *first,
                    },
                );
            } else {
                singles.push((key, f.pos));
            }
        }
        if let Some(g) = f.marker.group() {
            match group {
                None => group = Some((g, name)),
                Some((g0, first)) if g0 != g => {
                    ck.report(
                        f.pos,
                        Problem::MixedTypes {
                            first,
                            second: name,
                        },
                    );
                    return None;
                }
                Some(_) => {}
            }
        }
    }
    let find = |m: Marker| fields.iter().find(|f| f.marker == m);
    let q = find(Marker::Q);
    let type_name = match group {
        Some((g, _)) => g,
        None => match q {
            Some(q) if q.value().contains("{{") => "cloze",
            Some(_) => {
                ck.report(hpos, Problem::NoAnswer);
                return None;
            }
            None => {
                ck.report(
                    hpos,
                    Problem::MissingField {
                        name: "Q:",
                        hint: FieldHint::Prompt,
                    },
                );
                return None;
            }
        },
    };
    for f in fields {
        let misplaced = match f.marker {
            Marker::Key("shuffle") => type_name != "multiple_choice",
            Marker::Key("reversible") => type_name != "flashcard",
            Marker::Q => type_name == "true_false",
            _ => false,
        };
        if misplaced {
            ck.report(
                f.pos,
                Problem::FieldNotForType {
                    name: f.marker.name().trim_end_matches(':').to_owned(),
                    type_name,
                },
            );
        }
    }
    let text =
        |ck: &mut Checker, f: &Field, name: &str| ck.nonblank(name, &f.value(), f.value_pos());
    let prompt = |ck: &mut Checker| match q {
        Some(f) => text(ck, f, "Q:"),
        None => {
            ck.report(
                hpos,
                Problem::MissingField {
                    name: "Q:",
                    hint: FieldHint::Prompt,
                },
            );
            None
        }
    };
    let flag = |ck: &mut Checker, name: &'static str, default: bool| match find(Marker::Key(name)) {
        None => Some(default),
        Some(f) => match f.value().trim() {
            "true" => Some(true),
            "false" => Some(false),
            _ => {
                ck.report(
                    f.value_pos(),
                    Problem::WrongType {
                        field: name.to_owned(),
                        expected: Kind::TrueOrFalse,
                        found: Kind::OtherText,
                    },
                );
                None
            }
        },
    };
    let body = match type_name {
        "flashcard" => {
            let prompt = prompt(ck);
            let answer = find(Marker::A).and_then(|f| text(ck, f, "A:"));
            let reversible = flag(ck, "reversible", false);
            Some(QuestionBody::Flashcard {
                prompt: prompt?,
                answer: answer?,
                reversible: reversible?,
            })
        }
        "typed" => {
            let prompt = prompt(ck);
            let answers: Vec<(String, Pos)> = fields
                .iter()
                .filter(|f| f.marker == Marker::Answer)
                .map(|f| (f.value(), f.value_pos()))
                .collect();
            let answers = ck.typed_answers(&answers, hpos);
            Some(QuestionBody::Typed {
                prompt: prompt?,
                answers: answers?,
            })
        }
        "multiple_choice" => {
            let prompt = prompt(ck);
            let written: Vec<&Field> = fields
                .iter()
                .filter(|f| matches!(f.marker, Marker::Choice(_)))
                .collect();
            let list_pos = written.first().map_or(hpos, |f| f.pos);
            let items: Vec<Option<(String, Pos)>> = written
                .iter()
                .map(|f| Some((f.value(), f.value_pos())))
                .collect();
            let choices = ck.choices(&items, list_pos);
            let correct: Vec<Option<(i64, Pos)>> = written
                .iter()
                .enumerate()
                .filter(|(_, f)| f.marker == Marker::Choice(true))
                .map(|(i, f)| Some((i64::try_from(i).unwrap_or(i64::MAX), f.pos)))
                .collect();
            let correct = ck.correct(&correct, Some(written.len()), list_pos);
            let shuffle = flag(ck, "shuffle", true);
            Some(QuestionBody::MultipleChoice {
                prompt: prompt?,
                choices: choices?,
                correct: correct?,
                shuffle: shuffle?,
            })
        }
        "true_false" => {
            let f = fields
                .iter()
                .find(|f| matches!(f.marker, Marker::True | Marker::False))?;
            let prompt = text(ck, f, "T:");
            Some(QuestionBody::TrueFalse {
                prompt: prompt?,
                answer: f.marker == Marker::True,
            })
        }
        _ => {
            let f = q?;
            let value = f.value();
            ck.cloze(&value, f.value_pos(), |i| f.char_pos(i))
                .map(|text| QuestionBody::Cloze { text })
        }
    };
    let optional = |ck: &mut Checker, key: &'static str| -> Result<Option<String>, ()> {
        match find(Marker::Key(key)) {
            None => Ok(None),
            Some(f) => text(ck, f, key).map(Some).ok_or(()),
        }
    };
    let explanation = optional(ck, "explain");
    let source = optional(ck, "source");
    let tags = find(Marker::Key("tags")).map_or(Some(Vec::new()), |f| list(ck, f, "tags"));
    Some(Question {
        id: QuestionId::new(&id?)?,
        body: body?,
        explanation: explanation.ok()?,
        source: source.ok()?,
        tags: tags?,
    })
}

/// True when a continuation line must be escaped to be read back as text.
fn needs_escape(line: &str) -> bool {
    line.starts_with('\\')
        || line.starts_with('#')
        || line.starts_with("---")
        || line.starts_with('=')
        || line.starts_with("- [")
        || key_prefix(line).is_some()
}

/// Write `marker value`, escaping continuation lines as needed.
fn field(out: &mut String, marker: &str, value: &str) {
    let mut lines = value.split('\n');
    let first = lines.next().unwrap_or("");
    out.push_str(marker);
    if !first.is_empty() {
        out.push(' ');
        out.push_str(first);
    }
    out.push('\n');
    let rest: Vec<&str> = lines.collect();
    let last_text = rest.iter().rposition(|l| !l.trim().is_empty());
    for (i, l) in rest.iter().enumerate() {
        let trailing_blank = last_text.is_none_or(|k| i > k);
        if trailing_blank || needs_escape(l) {
            out.push('\\');
        }
        out.push_str(l);
        out.push('\n');
    }
}

/// Write a set as `.kioku.md` text. [`parse_text`] reads it back equal.
pub fn to_text(set: &QuestionSet) -> String {
    let mut out = String::from("---\n");
    if let Some(s) = &set.schema {
        field(&mut out, "$schema:", s);
    }
    field(&mut out, "kioku:", &set.kioku.to_string());
    field(&mut out, "id:", set.id.as_str());
    field(&mut out, "title:", &set.title);
    if let Some(d) = &set.description {
        field(&mut out, "description:", d);
    }
    field(&mut out, "language:", &set.language);
    if !set.authors.is_empty() {
        field(&mut out, "authors:", &join_list(&set.authors));
    }
    if let Some(s) = &set.source {
        field(&mut out, "source:", s);
    }
    if let Some(s) = &set.source_document {
        field(&mut out, "source_document:", s);
    }
    if !set.abbreviations.is_empty() {
        let items: Vec<String> = set
            .abbreviations
            .iter()
            .map(|a| format!("{} = {}", a.short, a.long))
            .collect();
        field(&mut out, "abbreviations:", &join_list(&items));
    }
    if !set.tags.is_empty() {
        field(&mut out, "tags:", &join_list(&set.tags));
    }
    out.push_str("---\n");
    for q in &set.questions {
        out.push_str("\n## ");
        out.push_str(q.id.as_str());
        out.push('\n');
        match &q.body {
            QuestionBody::Flashcard {
                prompt,
                answer,
                reversible,
            } => {
                field(&mut out, "Q:", prompt);
                field(&mut out, "A:", answer);
                if *reversible {
                    field(&mut out, "reversible:", "true");
                }
            }
            QuestionBody::Typed { prompt, answers } => {
                field(&mut out, "Q:", prompt);
                for a in answers {
                    field(&mut out, "=", a);
                }
            }
            QuestionBody::MultipleChoice {
                prompt,
                choices,
                correct,
                shuffle,
            } => {
                field(&mut out, "Q:", prompt);
                for (i, c) in choices.iter().enumerate() {
                    let marker = if correct.contains(&i) {
                        "- [x]"
                    } else {
                        "- [ ]"
                    };
                    field(&mut out, marker, c);
                }
                if !*shuffle {
                    field(&mut out, "shuffle:", "false");
                }
            }
            QuestionBody::TrueFalse { prompt, answer } => {
                field(&mut out, if *answer { "T:" } else { "F:" }, prompt);
            }
            QuestionBody::Cloze { text } => field(&mut out, "Q:", &text.source_text()),
        }
        if let Some(e) = &q.explanation {
            field(&mut out, "explain:", e);
        }
        if let Some(s) = &q.source {
            field(&mut out, "source:", s);
        }
        if !q.tags.is_empty() {
            field(&mut out, "tags:", &join_list(&q.tags));
        }
    }
    out
}
