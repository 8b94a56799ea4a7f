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
