//! Review events, the single truth of kioku, and what is derived from
//! them: each card's progress (replayed through the scheduler) and the
//! review log in CSV form for the optimizer.
//!
//! The store only reads and writes these events; everything else is
//! computed from them and can be thrown away.

pub mod progress;
pub mod revlog;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::bank::{CardKey, QuestionId, SetId};
use crate::scheduler::{Rating, StudyDay};

pub(crate) use progress::CardMap;
pub use progress::{Applied, CardProgress, DayCount, Progress, schedule_reviews};

/// The review-log format version this kioku reads and writes.
pub const LOG_VERSION: u32 = 1;

/// An event's id: unique across devices (16 random hex digits).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(pub String);

impl EventId {
    /// 16 random hex digits from `rng` (the caller owns the randomness).
    pub fn random(rng: &mut impl rand::Rng) -> EventId {
        EventId(format!("{:016x}", rng.random::<u64>()))
    }
}

/// Why a card was shown: only `study` reviews move the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Study,
    Cram,
    Exam,
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewEvent {
    pub id: EventId,
    pub set: SetId,
    pub question: QuestionId,
    /// `reverse` or `cN` for the other cards of a question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<String>,
    pub rating: Rating,
    pub at: Timestamp,
    /// The study day `at` fell in when the answer was given (local time,
    /// rollover applied), so replay does not depend on today's time zone.
    pub day: StudyDay,
    /// Time spent on the card, in milliseconds.
    pub duration_ms: u64,
    pub mode: Mode,
}

impl ReviewEvent {
    pub fn card_key(&self) -> Option<CardKey> {
        CardKey::from_parts(
            self.set.clone(),
            self.question.clone(),
            self.card.as_deref(),
        )
    }
}

/// Cancels an earlier review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UndoEvent {
    pub id: EventId,
    pub undoes: EventId,
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Event {
    Review(ReviewEvent),
    Undo(UndoEvent),
}

impl Event {
    pub fn id(&self) -> &EventId {
        match self {
            Event::Review(r) => &r.id,
            Event::Undo(u) => &u.id,
        }
    }
}
