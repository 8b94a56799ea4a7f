//! A finished self-test as saved in `exams/DEVICE.jsonl` and printed by
//! `kioku exam --json`. Depends on nothing but the bank's ids, so the store
//! can read it without knowing how tests are taken.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::bank::{CardKey, QuestionKind, SetId};

/// One question of a finished self-test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    #[serde(with = "card_key_str")]
    pub key: CardKey,
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    pub prompt: String,
    /// `None` if not answered.
    pub given: Option<String>,
    pub correct_answer: String,
    pub right: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The words `given` holds for answers that are not text, as saved in
/// `exams/DEVICE.jsonl` and printed as JSON (a file format: English, fixed).
pub mod given_words {
    pub const KNEW_IT: &str = "knew it";
    pub const DID_NOT_KNOW_IT: &str = "did not know it";
    pub const TRUE: &str = "True";
    pub const FALSE: &str = "False";
    pub const REVEALED: &str = "revealed";
}

/// What the learner answered, as data for a front end to word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given<'a> {
    /// Typed text, or the picked choices joined by `; `.
    Text(&'a str),
    /// A true/false answer.
    TrueFalse(bool),
    /// A flashcard marked as known (or not) by the learner.
    KnewIt(bool),
    /// The answer was shown without one being given.
    Revealed,
}

impl QuestionResult {
    /// The answer given, read from `given` by the question's type: the
    /// fixed words there mean data only where that type writes them (a
    /// flashcard is only ever marked or revealed; a true/false answer is
    /// `True`/`False`), so typed text is never mistaken for them.
    pub fn given_answer(&self) -> Option<Given<'_>> {
        use given_words::*;
        let g = self.given.as_deref()?;
        Some(match (self.kind, g) {
            (QuestionKind::Flashcard, KNEW_IT) => Given::KnewIt(true),
            (QuestionKind::Flashcard, DID_NOT_KNOW_IT) => Given::KnewIt(false),
            (QuestionKind::TrueFalse, TRUE) => Given::TrueFalse(true),
            (QuestionKind::TrueFalse, FALSE) => Given::TrueFalse(false),
            (QuestionKind::Flashcard, REVEALED) => Given::Revealed,
            _ => Given::Text(g),
        })
    }
}

/// Whether a self-test was a full test or a retry of earlier mistakes.
/// Trends compare full tests with full tests; a retry holds only cards
/// got wrong before, so its score is not comparable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExamKind {
    /// A test picked from the set (results saved before kinds existed
    /// read as this).
    #[default]
    Full,
    /// "Retry mistakes": only cards missed in an earlier test.
    Retry,
}

/// A finished self-test, as saved and as printed by `kioku exam --json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamResult {
    pub set: SetId,
    pub seed: u64,
    pub started_at: Timestamp,
    /// Seconds from start to finish.
    pub duration_s: i64,
    pub points: usize,
    pub total: usize,
    /// 0–100, one decimal.
    pub score_percent: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_min: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// A full test or a retry of mistakes.
    #[serde(default)]
    pub kind: ExamKind,
    /// The time limit ran out before the test was finished.
    #[serde(default)]
    pub timed_out: bool,
    pub questions: Vec<QuestionResult>,
}

impl ExamResult {
    /// The cards answered wrong, for "retry mistakes".
    pub fn mistakes(&self) -> Vec<CardKey> {
        self.questions
            .iter()
            .filter(|q| !q.right)
            .map(|q| q.key.clone())
            .collect()
    }

    /// The cards answered, and answered wrong: what "got wrong" means for
    /// cramming. Questions left unanswered (e.g. when the time ran out)
    /// were not got wrong.
    pub fn answered_wrong(&self) -> Vec<CardKey> {
        self.questions
            .iter()
            .filter(|q| !q.right && q.given.is_some())
            .map(|q| q.key.clone())
            .collect()
    }
}

mod card_key_str {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::bank::CardKey;

    pub fn serialize<S: Serializer>(k: &CardKey, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(k)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<CardKey, D::Error> {
        let s = String::deserialize(d)?;
        CardKey::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("\"{s}\" is not a card key")))
    }
}
