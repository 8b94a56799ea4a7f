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

    /// What each rating would do to a card in `state` at `now`.
    pub fn outcomes(
        &self,
        state: &CardState,
        now: Now,
        fuzz: FuzzFactor,
    ) -> Result<Outcomes, ScheduleError> {
        let s = &self.settings;
        let elapsed = state.last_review().map_or(0, |d| now.day.days_since(d));
        let next = self
            .fsrs
            .next_states(
                state.memory().map(Into::into),
                s.desired_retention.get(),
                elapsed,
            )
            .map_err(ScheduleError::Fsrs)?;
        let memory = |r: Rating| -> Memory {
            match r {
                Rating::Again => next.again.memory,
                Rating::Hard => next.hard.memory,
                Rating::Good => next.good.memory,
                Rating::Easy => next.easy.memory,
            }
            .into()
        };
        let raw = [
            next.again.interval,
            next.hard.interval,
            next.good.interval,
            next.easy.interval,
        ];
        let max = s.maximum_interval;
        let days = |r: Rating, minimum: u32| {
            fuzz::fuzzed_interval(raw[r as usize - 1], minimum.max(1), max, Some(fuzz))
        };
        let review = |r: Rating, interval: u32| Outcome {
            state: CardState::Review(Review {
                due: now.day.plus(interval),
                interval,
                memory: memory(r),
                last_review: now.day,
            }),
            interval: Interval::Days(interval),
        };
        let step = |r: Rating, step: u8, minutes: u32, relearning: bool| {
            let learning = Learning {
                step,
                due: now
                    .at
                    .saturating_add(SignedDuration::from_secs(i64::from(minutes) * 60))
                    .unwrap_or(now.at),
                memory: memory(r),
                last_review: now.day,
            };
            Outcome {
                state: if relearning {
                    CardState::Relearning(learning)
                } else {
                    CardState::Learning(learning)
                },
                interval: Interval::Minutes(minutes),
            }
        };

        Ok(match *state {
            CardState::New => Self::stepping(&s.learning_steps, 0, false, &step, &review, &days),
            CardState::Learning(l) => {
                Self::stepping(&s.learning_steps, l.step, false, &step, &review, &days)
            }
            CardState::Relearning(l) => {
                Self::stepping(&s.relearning_steps, l.step, true, &step, &review, &days)
            }
            CardState::Review(r) => {
                let again = match s.relearning_steps.first() {
                    Some(minutes) => step(Rating::Again, 0, minutes, true),
                    None => review(Rating::Again, days(Rating::Again, 1)),
                };
                // A passing interval that grew must grow by at least a day
                // past the last one; hard ≤ good < easy as in Anki.
                let grew = |rating: Rating| {
                    if raw[rating as usize - 1].round() as u32 > r.interval {
                        r.interval + 1
                    } else {
                        1
                    }
                };
                let hard = days(Rating::Hard, grew(Rating::Hard));
                let good = days(Rating::Good, grew(Rating::Good).max(hard + 1));
                let easy = days(Rating::Easy, grew(Rating::Easy).max(good + 1));
                Outcomes {
                    again,
                    hard: review(Rating::Hard, hard),
                    good: review(Rating::Good, good),
                    easy: review(Rating::Easy, easy),
                }
            }
        })
    }

    /// Outcomes for a card on (re)learning `steps`, waiting out step
    /// `at` (a new card counts as at step 0). Relearning cards graduate to
    /// the FSRS interval of their new memory state, as in Anki's FSRS mode.
    fn stepping(
        steps: &Steps,
        at: u8,
        relearning: bool,
        step: &dyn Fn(Rating, u8, u32, bool) -> Outcome,
        review: &dyn Fn(Rating, u32) -> Outcome,
        days: &dyn Fn(Rating, u32) -> u32,
    ) -> Outcomes {
        let good_days = days(Rating::Good, 1);
        let graduate_good = review(Rating::Good, good_days);
        let graduate_easy = review(Rating::Easy, days(Rating::Easy, good_days + 1));
        let Some(first) = steps.first() else {
            // No steps: straight to review.
            let hard_days = days(Rating::Hard, 1).min(good_days);
            return Outcomes {
                again: review(Rating::Again, days(Rating::Again, 1).min(hard_days)),
                hard: review(Rating::Hard, hard_days),
                good: graduate_good,
                easy: graduate_easy,
            };
        };
        // Steps may have been shortened since the card entered them.
        let at = usize::from(at).min(steps.len() - 1);
        let next = at + 1;
        Outcomes {
            again: step(Rating::Again, 0, first, relearning),
            hard: step(Rating::Hard, at as u8, steps.hard_delay(at), relearning),
            good: match steps.get(next) {
                Some(minutes) => step(Rating::Good, next as u8, minutes, relearning),
                None => graduate_good,
            },
            easy: graduate_easy,
        }
    }

    /// Apply `rating`: the new state (one of [`Scheduler::outcomes`]).
    pub fn answer(
        &self,
        state: &CardState,
        rating: Rating,
        now: Now,
        fuzz: FuzzFactor,
    ) -> Result<CardState, ScheduleError> {
        Ok(self.outcomes(state, now, fuzz)?.get(rating).state)
    }
}
