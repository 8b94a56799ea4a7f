//! The question bank as typed values: what a parsed question file is.

use std::fmt;
use std::path::Path;

use serde::Serialize;

use crate::media::{self, MediaFile, MediaName};

/// The question-set format version this kioku reads and writes.
pub const FORMAT_VERSION: i64 = 1;

pub use crate::id::{QuestionId, SetId, is_kebab_case, to_kebab_case};

/// A question set: the contents of one question file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionSet {
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always [`FORMAT_VERSION`] once parsed.
    pub kioku: i64,
    pub id: SetId,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A BCP 47 language tag such as `en`.
    pub language: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// What the material comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The document the questions' `source` quotes come from: a path
    /// relative to the set file. `kioku check` verifies every quote is in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_document: Option<String>,
    /// Short forms the grader treats as their long forms (`U.S.` =
    /// `United States`), in file order. Written as a JSON object.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "abbreviations_as_object"
    )]
    pub abbreviations: Vec<Abbreviation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Never empty; ids are unique.
    pub questions: Vec<Question>,
}

/// One declared abbreviation: `short` stands for `long` in answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abbreviation {
    pub short: String,
    pub long: String,
}

impl Abbreviation {
    pub fn new(short: &str, long: &str) -> Self {
        Self {
            short: short.to_owned(),
            long: long.to_owned(),
        }
    }
}

fn abbreviations_as_object<S: serde::Serializer>(
    list: &[Abbreviation],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(list.len()))?;
    for a in list {
        map.serialize_entry(&a.short, &a.long)?;
    }
    map.end()
}

impl QuestionSet {
    /// Every card of the set, in set order.
    pub fn cards(&self) -> impl Iterator<Item = Card<'_>> {
        self.questions.iter().flat_map(move |q| {
            q.card_variants().into_iter().map(move |variant| Card {
                question: q,
                variant,
            })
        })
    }

    pub fn card_count(&self) -> usize {
        self.questions.iter().map(|q| q.card_variants().len()).sum()
    }

    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.questions.iter().find(|q| &q.id == id)
    }

    /// The local media names the set refers to (its description and every
    /// Markdown field of every question), each once, in first-use order.
    /// Remote and unsafe references are left out: they name no file in the
    /// folder.
    pub fn media_names(&self) -> Vec<MediaName> {
        let mut out: Vec<MediaName> = Vec::new();
        let descr = self
            .description
            .iter()
            .flat_map(|d| media::markdown_refs(d));
        for (_, dest) in descr.chain(self.questions.iter().flat_map(Question::media_refs)) {
            if let Ok(name) = MediaName::parse(dest.trim())
                && !out.contains(&name)
            {
                out.push(name);
            }
        }
        out
    }

    /// The distinct local media files the set refers to that exist inside
    /// `folder` (checked as [`MediaFile::open`] does), in first-use order.
    pub fn media_files(&self, folder: &Path) -> Vec<(MediaName, MediaFile)> {
        self.media_names()
            .into_iter()
            .filter_map(|name| MediaFile::open(folder, &name).ok().map(|f| (name, f)))
            .collect()
    }

    /// The files among `candidates` (names the set used before saving, and
    /// files added while editing) that the set no longer refers to and that
    /// are still in `folder`: the ones to offer to delete. Never deletes
    /// anything.
    pub fn unused_media(&self, candidates: &[MediaName], folder: &Path) -> Vec<MediaName> {
        let used = self.media_names();
        let mut out: Vec<MediaName> = Vec::new();
        for name in candidates {
            if !used.contains(name) && !out.contains(name) && MediaFile::open(folder, name).is_ok()
            {
                out.push(name.clone());
            }
        }
        out
    }
}

/// One question. Its `body` holds what differs by type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    pub id: QuestionId,
    #[serde(flatten)]
    pub body: QuestionBody,
    /// Markdown shown after answering.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// The verbatim passage of the source material that supports the answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl Question {
    /// The cards this question is studied as: one, two for a reversible
    /// flashcard, one per deletion for a cloze.
    pub fn card_variants(&self) -> Vec<CardVariant> {
        match &self.body {
            QuestionBody::Flashcard {
                reversible: true, ..
            } => vec![CardVariant::Forward, CardVariant::Reverse],
            QuestionBody::Cloze { text } => text
                .card_numbers()
                .into_iter()
                .map(CardVariant::Cloze)
                .collect(),
            _ => vec![CardVariant::Forward],
        }
    }

    /// The prompt, or for a cloze its text with every deletion blanked.
    pub fn prompt_text(&self) -> String {
        self.body.prompt_text()
    }

    /// The Markdown fields of the question: prompt, answer, choices, cloze
    /// text outside the deletions, explanation.
    pub fn markdown_fields(&self) -> Vec<String> {
        let mut fields = match &self.body {
            QuestionBody::Flashcard { prompt, answer, .. } => vec![prompt.clone(), answer.clone()],
            QuestionBody::Typed { prompt, .. } | QuestionBody::TrueFalse { prompt, .. } => {
                vec![prompt.clone()]
            }
            QuestionBody::MultipleChoice {
                prompt, choices, ..
            } => std::iter::once(prompt.clone())
                .chain(choices.iter().cloned())
                .collect(),
            QuestionBody::Cloze { text } => text
                .segments()
                .iter()
                .filter_map(|s| match s {
                    ClozeSegment::Text(t) => Some(t.clone()),
                    ClozeSegment::Deletion(_) => None,
                })
                .collect(),
        };
        fields.extend(self.explanation.clone());
        fields
    }

    /// Every media reference of the question, `(alt, dest)`, remote ones
    /// too.
    pub fn media_refs(&self) -> Vec<(String, String)> {
        self.markdown_fields()
            .iter()
            .flat_map(|f| media::markdown_refs(f))
            .collect()
    }
}

impl QuestionBody {
    /// The prompt, or for a cloze its text with every deletion blanked.
    pub fn prompt_text(&self) -> String {
        match self {
            QuestionBody::Flashcard { prompt, .. }
            | QuestionBody::Typed { prompt, .. }
            | QuestionBody::MultipleChoice { prompt, .. }
            | QuestionBody::TrueFalse { prompt, .. } => prompt.clone(),
            QuestionBody::Cloze { text } => text.render_blanked(None),
        }
    }
}

/// The type-specific part of a question. Serialises with a `type` tag, as
/// in the file format.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionBody {
    Flashcard {
        prompt: String,
        answer: String,
        /// Also study answer → prompt.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        reversible: bool,
    },
    Typed {
        prompt: String,
        /// One or more accepted answers; the first is the one shown.
        answers: Vec<String>,
    },
    MultipleChoice {
        prompt: String,
        /// 2–10 distinct, non-empty choices.
        choices: Vec<String>,
        /// Indices into `choices`, ascending, at least one. Several mean
        /// "select all that apply".
        correct: Vec<usize>,
        /// Shuffle the choices when shown (default true).
        #[serde(skip_serializing_if = "is_true")]
        shuffle: bool,
    },
    TrueFalse {
        prompt: String,
        answer: bool,
    },
    Cloze {
        text: ClozeText,
    },
}

/// A question's type: the `type` field of the file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Flashcard,
    Typed,
    MultipleChoice,
    TrueFalse,
    Cloze,
}

impl QuestionKind {
    /// Every kind, in the order the editor offers them.
    pub const ALL: [QuestionKind; 5] = [
        QuestionKind::Flashcard,
        QuestionKind::Typed,
        QuestionKind::MultipleChoice,
        QuestionKind::TrueFalse,
        QuestionKind::Cloze,
    ];

    /// The name as written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Flashcard => "flashcard",
            QuestionKind::Typed => "typed",
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::TrueFalse => "true_false",
            QuestionKind::Cloze => "cloze",
        }
    }

    /// The kind named `name` in a file, if there is one.
    pub fn from_name(name: &str) -> Option<QuestionKind> {
        QuestionKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Whether the learner answers by typing text.
    pub fn is_typed(self) -> bool {
        matches!(self, QuestionKind::Typed | QuestionKind::Cloze)
    }
}

impl std::fmt::Display for QuestionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl QuestionBody {
    /// The question's type.
    pub fn kind(&self) -> QuestionKind {
        match self {
            QuestionBody::Flashcard { .. } => QuestionKind::Flashcard,
            QuestionBody::Typed { .. } => QuestionKind::Typed,
            QuestionBody::MultipleChoice { .. } => QuestionKind::MultipleChoice,
            QuestionBody::TrueFalse { .. } => QuestionKind::TrueFalse,
            QuestionBody::Cloze { .. } => QuestionKind::Cloze,
        }
    }

    /// The name of the type as written in files.
    pub fn type_name(&self) -> &'static str {
        self.kind().as_str()
    }
}

/// Which card of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CardVariant {
    /// The question as written (every type but cloze).
    Forward,
    /// A reversible flashcard studied answer → prompt.
    Reverse,
    /// Card n of a cloze: the n-th deletion (1-based), or, when its
    /// deletions are numbered (`{{c1::…}}`), the deletions numbered n.
    Cloze(u16),
}

impl CardVariant {
    /// The suffix after `#` in a card key, if any.
    fn suffix(self) -> Option<String> {
        match self {
            CardVariant::Forward => None,
            CardVariant::Reverse => Some("reverse".to_owned()),
            CardVariant::Cloze(n) => Some(format!("c{n}")),
        }
    }

    /// From the suffix after `#` (`reverse`, `cN`); `None` names no card.
    pub(crate) fn from_suffix(s: &str) -> Option<Self> {
        if s == "reverse" {
            return Some(CardVariant::Reverse);
        }
        let n: u16 = s.strip_prefix('c')?.parse().ok()?;
        (n >= 1).then_some(CardVariant::Cloze(n))
    }
}

/// A card's identity across sessions and devices: `SET/QUESTION`, with
/// `#reverse` or `#cN` (1-based) for the other cards of a question.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CardKey {
    pub set: SetId,
    pub question: QuestionId,
    pub variant: CardVariant,
}

impl CardKey {
    /// Parse `set/question[#variant]`.
    pub fn parse(s: &str) -> Option<CardKey> {
        let (set, rest) = s.split_once('/')?;
        let (question, variant) = match rest.split_once('#') {
            Some((q, v)) => (q, CardVariant::from_suffix(v)?),
            None => (rest, CardVariant::Forward),
        };
        Some(CardKey {
            set: SetId::new(set)?,
            question: QuestionId::new(question)?,
            variant,
        })
    }

    /// The variant as stored in the review log (`None` for the main card).
    pub fn variant_suffix(&self) -> Option<String> {
        self.variant.suffix()
    }

    /// Rebuild from the review log's fields.
    pub fn from_parts(set: SetId, question: QuestionId, suffix: Option<&str>) -> Option<CardKey> {
        let variant = match suffix {
            None => CardVariant::Forward,
            Some(s) => CardVariant::from_suffix(s)?,
        };
        Some(CardKey {
            set,
            question,
            variant,
        })
    }
}

/// A card key seen through its parts, so that maps keyed by [`CardKey`]
/// can be looked up from borrowed ids ([`CardKeyRef`]) without building a
/// key (two `String`s) for each lookup. Hashes and compares exactly as
/// `CardKey` does.
pub trait CardKeyParts {
    fn set_id(&self) -> &str;
    fn question_id(&self) -> &str;
    fn card_variant(&self) -> CardVariant;
}

impl CardKeyParts for CardKey {
    fn set_id(&self) -> &str {
        self.set.as_str()
    }
    fn question_id(&self) -> &str {
        self.question.as_str()
    }
    fn card_variant(&self) -> CardVariant {
        self.variant
    }
}

/// A card key made of borrowed ids.
#[derive(Debug, Clone, Copy)]
pub struct CardKeyRef<'a> {
    pub set: &'a SetId,
    pub question: &'a QuestionId,
    pub variant: CardVariant,
}

impl CardKeyParts for CardKeyRef<'_> {
    fn set_id(&self) -> &str {
        self.set.as_str()
    }
    fn question_id(&self) -> &str {
        self.question.as_str()
    }
    fn card_variant(&self) -> CardVariant {
        self.variant
    }
}

// The same hash as the derived `Hash` of `CardKey`: its ids are newtypes
// of `String`, which hashes as its `str`.
impl std::hash::Hash for dyn CardKeyParts + '_ {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.set_id().hash(state);
        self.question_id().hash(state);
        self.card_variant().hash(state);
    }
}

impl PartialEq for dyn CardKeyParts + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.set_id() == other.set_id()
            && self.question_id() == other.question_id()
            && self.card_variant() == other.card_variant()
    }
}

impl Eq for dyn CardKeyParts + '_ {}

impl<'a> std::borrow::Borrow<dyn CardKeyParts + 'a> for CardKey {
    fn borrow(&self) -> &(dyn CardKeyParts + 'a) {
        self
    }
}

impl Serialize for CardKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for CardKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.set, self.question)?;
        if let Some(s) = self.variant.suffix() {
            write!(f, "#{s}")?;
        }
        Ok(())
    }
}

/// One studiable card: a question and which side or deletion of it.
#[derive(Debug, Clone, Copy)]
pub struct Card<'a> {
    pub question: &'a Question,
    pub variant: CardVariant,
}

impl<'a> Card<'a> {
    /// This card's key in set `set`, borrowed (see [`CardKeyParts`]).
    pub fn key_ref(&self, set: &'a SetId) -> CardKeyRef<'a> {
        CardKeyRef {
            set,
            question: &self.question.id,
            variant: self.variant,
        }
    }

    pub fn key(&self, set: &SetId) -> CardKey {
        CardKey {
            set: set.clone(),
            question: self.question.id.clone(),
            variant: self.variant,
        }
    }
}

/// A piece of cloze text: plain text or a hidden part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClozeSegment {
    Text(String),
    Deletion(String),
}

/// The accepted answers written in one deletion: `a|b|c` gives `a`, `b`
/// and `c` (trimmed; the first is the one shown). A `|` with nothing on
/// one side (`{{|}}`, `{{a||b}}`) is literal text, as it was before
/// alternatives existed, so the whole deletion is the one answer.
/// A card number in front (`{{c2::a|b}}`) is not part of them.
pub fn deletion_alternatives(raw: &str) -> Vec<&str> {
    let raw = deletion_card(raw).1;
    let parts: Vec<&str> = raw.split('|').map(str::trim).collect();
    if parts.len() > 1 && parts.iter().all(|p| !p.is_empty()) {
        parts
    } else {
        vec![raw]
    }
}

/// The card number a deletion is written with, `c2::` in `{{c2::Kyoto}}`
/// (1 to 65535, no leading zero), and the deletion without it. Deletions
/// sharing a number are hidden together, on one card, as in Anki.
pub fn deletion_card(raw: &str) -> (Option<u16>, &str) {
    let number = |rest: &str| -> Option<(u16, usize)> {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || rest.starts_with('0') || !rest[digits..].starts_with("::") {
            return None;
        }
        let n: u16 = rest[..digits].parse().ok()?;
        Some((n, digits + 2))
    };
    match raw.strip_prefix('c').and_then(number) {
        Some((n, len)) => (Some(n), &raw[1 + len..]),
        None => (None, raw),
    }
}

/// Cloze text, parsed: at least one deletion, braces balanced. A deletion
/// may list alternatives, `{{earliest|first}}`: see
/// [`deletion_alternatives`]. Either every deletion carries a card number
/// (`{{c1::a}} {{c1::b}} {{c2::c}}`: two cards, the first hiding a and b)
/// or none does (one card per deletion, numbered in text order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClozeText {
    segments: Vec<ClozeSegment>,
}

impl ClozeText {
    /// Built by the parser, which guarantees at least one deletion.
    pub(crate) fn from_segments(segments: Vec<ClozeSegment>) -> Self {
        Self { segments }
    }

    pub fn segments(&self) -> &[ClozeSegment] {
        &self.segments
    }

    pub fn deletion_count(&self) -> usize {
        self.segments
            .iter()
            .filter(|s| matches!(s, ClozeSegment::Deletion(_)))
            .count()
    }

    /// The hidden text of deletion `n` (1-based): the answer shown, which
    /// is the first of its alternatives (`{{earliest|first}}` → `earliest`).
    pub fn deletion(&self, n: usize) -> Option<&str> {
        self.raw_deletion(n)
            .and_then(|d| deletion_alternatives(d).into_iter().next())
    }

    /// Every accepted answer of deletion `n` (1-based), the shown one first.
    pub fn deletion_answers(&self, n: usize) -> Vec<&str> {
        self.raw_deletion(n)
            .map(deletion_alternatives)
            .unwrap_or_default()
    }

    /// Deletion `n` (1-based) as written between the braces, without its
    /// card number (`c1::`).
    pub fn raw_deletion(&self, n: usize) -> Option<&str> {
        self.deletions()
            .nth(n.checked_sub(1)?)
            .map(|d| deletion_card(d).1)
    }

    fn deletions(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|s| match s {
            ClozeSegment::Deletion(d) => Some(d.as_str()),
            ClozeSegment::Text(_) => None,
        })
    }

    /// Whether the deletions carry card numbers (`{{c1::…}}`).
    pub fn is_numbered(&self) -> bool {
        self.deletions().any(|d| deletion_card(d).0.is_some())
    }

    /// The card number of deletion `n` (1-based): its written number, or
    /// `n` itself when the deletions are not numbered.
    pub fn card_of(&self, n: usize) -> Option<u16> {
        let d = self.deletions().nth(n.checked_sub(1)?)?;
        deletion_card(d).0.or_else(|| u16::try_from(n).ok())
    }

    /// The numbers of this text's cards, ascending: 1 to the deletion
    /// count, or the distinct written numbers.
    pub fn card_numbers(&self) -> Vec<u16> {
        let mut out: Vec<u16> = (1..=self.deletion_count())
            .filter_map(|n| self.card_of(n))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The deletions (1-based, in text order) card `card` hides.
    pub fn card_deletions(&self, card: u16) -> Vec<usize> {
        (1..=self.deletion_count())
            .filter(|&n| self.card_of(n) == Some(card))
            .collect()
    }

    /// The text with the deletions of card `blank` shown as `[...]` and
    /// the others filled in; with `None`, every deletion is blanked.
    pub fn render_blanked(&self, blank: Option<usize>) -> String {
        let mut out = String::new();
        let mut n = 0;
        for s in &self.segments {
            match s {
                ClozeSegment::Text(t) => out.push_str(t),
                ClozeSegment::Deletion(d) => {
                    n += 1;
                    let card = deletion_card(d).0.map_or(n, usize::from);
                    if blank.is_none_or(|b| b == card) {
                        out.push_str("[...]");
                    } else {
                        out.push_str(deletion_alternatives(d)[0]);
                    }
                }
            }
        }
        out
    }

    /// The source form, with `{{...}}` around deletions.
    pub fn source_text(&self) -> String {
        let mut out = String::new();
        for s in &self.segments {
            match s {
                ClozeSegment::Text(t) => out.push_str(t),
                ClozeSegment::Deletion(d) => {
                    out.push_str("{{");
                    out.push_str(d);
                    out.push_str("}}");
                }
            }
        }
        out
    }
}

fn is_true(b: &bool) -> bool {
    *b
}

impl Serialize for ClozeText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.source_text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_keyed_by_card_key_are_found_by_borrowed_ids() {
        let id = |s: &str| SetId::new(s).unwrap();
        let q = |s: &str| QuestionId::new(s).unwrap();
        let keys = [
            ("a", "b-c", CardVariant::Forward),
            ("a-b", "c", CardVariant::Forward),
            ("a", "b-c", CardVariant::Reverse),
            ("a", "b-c", CardVariant::Cloze(2)),
            ("set", "q1", CardVariant::Cloze(1)),
        ];
        let mut map = std::collections::HashMap::new();
        for (i, (s, qq, v)) in keys.iter().enumerate().skip(1) {
            let key = CardKey {
                set: id(s),
                question: q(qq),
                variant: *v,
            };
            map.insert(key, i);
        }
        for (i, (s, qq, v)) in keys.iter().enumerate() {
            let (s, qq) = (id(s), q(qq));
            let r = CardKeyRef {
                set: &s,
                question: &qq,
                variant: *v,
            };
            // The first key is not in the map: "a"/"b-c" must not be taken
            // for "a-b"/"c", nor for another variant of the same question.
            let want = (i > 0).then_some(i);
            assert_eq!(
                map.get(&r as &dyn CardKeyParts).copied(),
                want,
                "{s}/{qq} {v:?}"
            );
        }
    }

    #[test]
    fn card_keys_round_trip() {
        for k in ["s/q", "s/q#reverse", "set-1/q-2#c3"] {
            assert_eq!(CardKey::parse(k).unwrap().to_string(), k);
        }
        for bad in ["s", "s/Q", "s/q#c0", "s/q#x", "/q", "s/q#"] {
            assert!(CardKey::parse(bad).is_none(), "{bad}");
        }
    }
}
