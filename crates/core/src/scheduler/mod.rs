//! Scheduling: FSRS-6 memory states (from the `fsrs` crate) plus what the
//! crate leaves to the app, as Anki does it: card states, learning and
//! relearning steps, fuzz, and the maximum interval.
//!
//! Everything here is a pure function of its arguments. The time (`now`
//! and the study day it falls in) and the fuzz factor come from the caller.

pub mod day;
pub mod fuzz;
mod settings;

use std::fmt;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

pub use day::StudyDay;
pub use fuzz::FuzzFactor;
pub use settings::{Retention, SchedulerSettings, SettingsError, Steps};

/// The learner's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// From 1–4.
    pub fn from_number(n: u8) -> Option<Rating> {
        Self::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    /// From `again|hard|good|easy` or `1`–`4`, ignoring case.
    pub fn parse(s: &str) -> Option<Rating> {
        match s.trim().to_ascii_lowercase().as_str() {
            "1" | "again" => Some(Rating::Again),
            "2" | "hard" => Some(Rating::Hard),
            "3" | "good" => Some(Rating::Good),
            "4" | "easy" => Some(Rating::Easy),
            _ => None,
        }
    }

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn name(self) -> &'static str {
        match self {
            Rating::Again => "Again",
            Rating::Hard => "Hard",
            Rating::Good => "Good",
            Rating::Easy => "Easy",
        }
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// FSRS memory state.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    /// Days until retrievability falls to 90%. Positive.
    pub stability: f32,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f32,
}

impl From<fsrs::MemoryState> for Memory {
    fn from(m: fsrs::MemoryState) -> Self {
        Memory {
            stability: m.stability,
            difficulty: m.difficulty,
        }
    }
}

impl From<Memory> for fsrs::MemoryState {
    fn from(m: Memory) -> Self {
        fsrs::MemoryState {
            stability: m.stability,
            difficulty: m.difficulty,
        }
    }
}

/// A card in (re)learning: shown again after a step of minutes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Learning {
    /// Index into the (re)learning steps of the step now being waited out.
    pub step: u8,
    /// When the card is shown again.
    pub due: Timestamp,
    pub memory: Memory,
    pub last_review: StudyDay,
}

/// A card in review: shown again on a later day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub due: StudyDay,
    /// The interval that was scheduled, in days (≥ 1).
    pub interval: u32,
    pub memory: Memory,
    pub last_review: StudyDay,
}

/// Where a card is in its life: new → learning → review ↔ relearning.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum CardState {
    New,
    Learning(Learning),
    Review(Review),
    /// Forgotten in review, now on the relearning steps.
    Relearning(Learning),
}

impl CardState {
    pub fn memory(&self) -> Option<Memory> {
        match self {
            CardState::New => None,
            CardState::Learning(l) | CardState::Relearning(l) => Some(l.memory),
            CardState::Review(r) => Some(r.memory),
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            CardState::New => "new",
            CardState::Learning(_) => "learning",
            CardState::Review(_) => "review",
            CardState::Relearning(_) => "relearning",
        }
    }

    pub fn last_review(&self) -> Option<StudyDay> {
        match self {
            CardState::New => None,
            CardState::Learning(l) | CardState::Relearning(l) => Some(l.last_review),
            CardState::Review(r) => Some(r.last_review),
        }
    }
}

/// When a card comes back: minutes for (re)learning steps, days for reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "unit", content = "value", rename_all = "lowercase")]
pub enum Interval {
    Minutes(u32),
    Days(u32),
}

impl Interval {
    /// In seconds, for comparisons and JSON.
    pub fn seconds(self) -> u64 {
        match self {
            Interval::Minutes(m) => u64::from(m) * 60,
            Interval::Days(d) => u64::from(d) * 86_400,
        }
    }
}

impl fmt::Display for Interval {
    /// Short labels for buttons: `1m`, `10m`, `2h`, `4d`, `3.2mo`, `1.5y`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Interval::Minutes(m) if m < 60 => write!(f, "{m}m"),
            Interval::Minutes(m) if m < 1440 => write!(f, "{}h", trim(m as f32 / 60.0)),
            Interval::Minutes(m) => write!(f, "{}d", trim(m as f32 / 1440.0)),
            Interval::Days(d) if d < 30 => write!(f, "{d}d"),
            Interval::Days(d) if d < 365 => write!(f, "{}mo", trim(d as f32 / 30.4375)),
            Interval::Days(d) => write!(f, "{}y", trim(d as f32 / 365.25)),
        }
    }
}

/// One decimal, without a trailing `.0`.
fn trim(x: f32) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// What a rating would do to a card.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Outcome {
    pub state: CardState,
    pub interval: Interval,
}

/// The outcome of each rating, computed at once so buttons can show them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Outcomes {
    pub again: Outcome,
    pub hard: Outcome,
    pub good: Outcome,
    pub easy: Outcome,
}

impl Outcomes {
    pub fn get(&self, rating: Rating) -> Outcome {
        match rating {
            Rating::Again => self.again,
            Rating::Hard => self.hard,
            Rating::Good => self.good,
            Rating::Easy => self.easy,
        }
    }
}

/// The moment of a review: the instant and the study day it falls in
/// (computed by the caller from its time zone and rollover hour).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub at: Timestamp,
    pub day: StudyDay,
}

#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    #[error("the FSRS parameters are invalid: {0}")]
    Parameters(fsrs::FSRSError),
    #[error("FSRS could not compute the next memory state: {0}")]
    Fsrs(fsrs::FSRSError),
}

/// The scheduler: settings plus the FSRS model built from them.
#[derive(Debug, Clone)]
pub struct Scheduler {
    settings: SchedulerSettings,
    fsrs: fsrs::FSRS,
}

impl Scheduler {
    pub fn new(settings: SchedulerSettings) -> Result<Self, ScheduleError> {
        let fsrs = fsrs::FSRS::new(settings.parameters.as_deref().unwrap_or(&[]))
            .map_err(ScheduleError::Parameters)?;
        Ok(Self { settings, fsrs })
    }

    pub fn settings(&self) -> &SchedulerSettings {
        &self.settings
    }

    /// What each rating would do to a card in `state` at `now` (all four
    /// memory states from one `fsrs` `next_states`).
    pub fn outcomes(
        &self,
        state: &CardState,
        now: Now,
        fuzz: FuzzFactor,
    ) -> Result<Outcomes, ScheduleError> {
        let next = self.next_memories(state, now)?;
        next.fill_all()?;
        Ok(Outcomes {
            again: self.outcome(state, Rating::Again, now, fuzz, &next)?,
            hard: self.outcome(state, Rating::Hard, now, fuzz, &next)?,
            good: self.outcome(state, Rating::Good, now, fuzz, &next)?,
            easy: self.outcome(state, Rating::Easy, now, fuzz, &next)?,
        })
    }

    /// The memory states a card in `state` can go to at `now`, worked out
    /// on demand.
    fn next_memories(
        &self,
        state: &CardState,
        now: Now,
    ) -> Result<NextMemories<'_>, ScheduleError> {
        Ok(NextMemories {
            fsrs: &self.fsrs,
            from: state.memory().map(Into::into),
            elapsed: state.last_review().map_or(0, |d| now.day.days_since(d)),
            retention: self.settings.desired_retention.get(),
            known: Default::default(),
        })
    }

    /// What `rating` does to a card in `state` at `now`: the same branches
    /// for every rating, reading only the memory states it needs from
    /// `next` (a passing review needs the lower ratings' intervals too).
    fn outcome(
        &self,
        state: &CardState,
        rating: Rating,
        now: Now,
        fuzz: FuzzFactor,
        next: &NextMemories<'_>,
    ) -> Result<Outcome, ScheduleError> {
        let s = &self.settings;
        let max = s.maximum_interval;
        let days = |r: Rating, minimum: u32| -> Result<u32, ScheduleError> {
            Ok(fuzz::fuzzed_interval(
                next.get(r)?.interval,
                minimum.max(1),
                max,
                Some(fuzz),
            ))
        };
        let review = |r: Rating, interval: u32| -> Result<Outcome, ScheduleError> {
            Ok(Outcome {
                state: CardState::Review(Review {
                    due: now.day.plus(interval),
                    interval,
                    memory: next.get(r)?.memory.into(),
                    last_review: now.day,
                }),
                interval: Interval::Days(interval),
            })
        };
        let step = |r: Rating,
                    step: u8,
                    minutes: u32,
                    relearning: bool|
         -> Result<Outcome, ScheduleError> {
            let learning = Learning {
                step,
                due: now
                    .at
                    .saturating_add(SignedDuration::from_secs(i64::from(minutes) * 60))
                    .unwrap_or(now.at),
                memory: next.get(r)?.memory.into(),
                last_review: now.day,
            };
            Ok(Outcome {
                state: if relearning {
                    CardState::Relearning(learning)
                } else {
                    CardState::Learning(learning)
                },
                interval: Interval::Minutes(minutes),
            })
        };

        match *state {
            CardState::New => {
                Self::stepping(&s.learning_steps, 0, false, rating, &step, &review, &days)
            }
            CardState::Learning(l) => Self::stepping(
                &s.learning_steps,
                l.step,
                false,
                rating,
                &step,
                &review,
                &days,
            ),
            CardState::Relearning(l) => Self::stepping(
                &s.relearning_steps,
                l.step,
                true,
                rating,
                &step,
                &review,
                &days,
            ),
            CardState::Review(r) => {
                if rating == Rating::Again {
                    return match s.relearning_steps.first() {
                        Some(minutes) => step(Rating::Again, 0, minutes, true),
                        None => review(Rating::Again, days(Rating::Again, 1)?),
                    };
                }
                // A passing interval that grew must grow by at least a day
                // past the last one; hard ≤ good < easy as in Anki.
                let grew = |rating: Rating| -> Result<u32, ScheduleError> {
                    Ok(if next.get(rating)?.interval.round() as u32 > r.interval {
                        r.interval + 1
                    } else {
                        1
                    })
                };
                let hard = days(Rating::Hard, grew(Rating::Hard)?)?;
                if rating == Rating::Hard {
                    return review(Rating::Hard, hard);
                }
                let good = days(Rating::Good, grew(Rating::Good)?.max(hard + 1))?;
                if rating == Rating::Good {
                    return review(Rating::Good, good);
                }
                let easy = days(Rating::Easy, grew(Rating::Easy)?.max(good + 1))?;
                review(Rating::Easy, easy)
            }
        }
    }

    /// The outcome of `rating` for a card on (re)learning `steps`,
    /// waiting out step `at` (a new card counts as at step 0). Relearning
    /// cards graduate to the FSRS interval of their new memory state, as
    /// in Anki's FSRS mode.
    #[allow(clippy::type_complexity)]
    fn stepping(
        steps: &Steps,
        at: u8,
        relearning: bool,
        rating: Rating,
        step: &dyn Fn(Rating, u8, u32, bool) -> Result<Outcome, ScheduleError>,
        review: &dyn Fn(Rating, u32) -> Result<Outcome, ScheduleError>,
        days: &dyn Fn(Rating, u32) -> Result<u32, ScheduleError>,
    ) -> Result<Outcome, ScheduleError> {
        let Some(first) = steps.first() else {
            // No steps: straight to review, again ≤ hard ≤ good < easy.
            let good_days = days(Rating::Good, 1)?;
            return match rating {
                Rating::Easy => review(Rating::Easy, days(Rating::Easy, good_days + 1)?),
                Rating::Good => review(Rating::Good, good_days),
                Rating::Hard | Rating::Again => {
                    let hard_days = days(Rating::Hard, 1)?.min(good_days);
                    if rating == Rating::Hard {
                        review(Rating::Hard, hard_days)
                    } else {
                        review(Rating::Again, days(Rating::Again, 1)?.min(hard_days))
                    }
                }
            };
        };
        // Steps may have been shortened since the card entered them.
        let at = usize::from(at).min(steps.len() - 1);
        let next = at + 1;
        match rating {
            Rating::Again => step(Rating::Again, 0, first, relearning),
            Rating::Hard => step(Rating::Hard, at as u8, steps.hard_delay(at), relearning),
            Rating::Good => match steps.get(next) {
                Some(minutes) => step(Rating::Good, next as u8, minutes, relearning),
                None => review(Rating::Good, days(Rating::Good, 1)?),
            },
            Rating::Easy => {
                let good_days = days(Rating::Good, 1)?;
                review(Rating::Easy, days(Rating::Easy, good_days + 1)?)
            }
        }
    }

    /// Apply `rating`: the new state (one of [`Scheduler::outcomes`]),
    /// working out only the memory states this rating's outcome depends
    /// on (one to three `fsrs` steps instead of four).
    pub fn answer(
        &self,
        state: &CardState,
        rating: Rating,
        now: Now,
        fuzz: FuzzFactor,
    ) -> Result<CardState, ScheduleError> {
        let next = self.next_memories(state, now)?;
        Ok(self.outcome(state, rating, now, fuzz, &next)?.state)
    }

    /// [`Scheduler::answer`] as it was before it worked out only what it
    /// needs: the outcome of every rating, then the one given. Kept as the
    /// reference the equivalence tests compare with.
    #[doc(hidden)]
    pub fn answer_from_all_outcomes(
        &self,
        state: &CardState,
        rating: Rating,
        now: Now,
        fuzz: FuzzFactor,
    ) -> Result<CardState, ScheduleError> {
        Ok(self.outcomes(state, now, fuzz)?.get(rating).state)
    }
}

/// A memory state after a rating and its unfuzzed interval in days.
#[derive(Debug, Clone, Copy)]
struct Next {
    memory: fsrs::MemoryState,
    interval: f32,
}

/// The memory state (and its unfuzzed interval) after each rating, from
/// one memory state and a number of elapsed days, worked out when first
/// asked for.
struct NextMemories<'a> {
    fsrs: &'a fsrs::FSRS,
    from: Option<fsrs::MemoryState>,
    elapsed: u32,
    retention: f32,
    known: [std::cell::Cell<Option<Next>>; 4],
}

impl NextMemories<'_> {
    /// All four at once, as `fsrs` `next_states` gives them.
    fn fill_all(&self) -> Result<(), ScheduleError> {
        let all = self
            .fsrs
            .next_states(self.from, self.retention, self.elapsed)
            .map_err(ScheduleError::Fsrs)?;
        for (slot, state) in self
            .known
            .iter()
            .zip([all.again, all.hard, all.good, all.easy])
        {
            slot.set(Some(Next {
                memory: state.memory,
                interval: state.interval,
            }));
        }
        Ok(())
    }

    fn get(&self, rating: Rating) -> Result<Next, ScheduleError> {
        let slot = &self.known[rating as usize - 1];
        if let Some(known) = slot.get() {
            return Ok(known);
        }
        let state = match self.from {
            // `next_states` steps a known state as a card's second review
            // or later; `memory_state` steps a starting state as its first
            // review. The two differ only for a stability of exactly 0
            // (which `fsrs` never gives): leave that to `next_states`.
            Some(from) if from.stability == 0.0 => {
                self.fill_all()?;
                return slot
                    .get()
                    .ok_or(ScheduleError::Fsrs(fsrs::FSRSError::InvalidInput));
            }
            from => self.one(rating, from)?,
        };
        slot.set(Some(state));
        Ok(state)
    }

    /// One rating through `fsrs` `memory_state` (a one-review history from
    /// `from`, or from nothing for a new card) and `next_interval`: the
    /// same `fsrs` step and interval `next_states` computes for it.
    fn one(&self, rating: Rating, from: Option<fsrs::MemoryState>) -> Result<Next, ScheduleError> {
        let item = fsrs::FSRSItem {
            reviews: vec![fsrs::FSRSReview {
                rating: u32::from(rating.number()),
                delta_t: self.elapsed,
            }],
        };
        let memory = self
            .fsrs
            .memory_state(item, from)
            .map_err(ScheduleError::Fsrs)?;
        let interval = self
            .fsrs
            .next_interval(Some(memory.stability), self.retention, 0);
        Ok(Next { memory, interval })
    }
}
