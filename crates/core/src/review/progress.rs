//! Card states derived from the review log. The log is the truth; this is
//! what replaying it through the scheduler gives.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use jiff::Timestamp;

use crate::bank::{CardKey, SetId};
use crate::review::{Event, EventId, Mode, ReviewEvent};
use crate::scheduler::{CardState, FuzzFactor, Now, Rating, ScheduleError, Scheduler, StudyDay};

/// The reviews that move the schedule: `study` reviews that are not
/// undone, in time order (stable, so answers given at the same instant keep
/// their order in the log).
pub fn schedule_reviews(events: &[Event]) -> Vec<&ReviewEvent> {
    let undone: HashSet<&EventId> = events
        .iter()
        .filter_map(|e| match e {
            Event::Undo(u) => Some(&u.undoes),
            Event::Review(_) => None,
        })
        .collect();
    let mut reviews: Vec<&ReviewEvent> = events
        .iter()
        .filter_map(|e| match e {
            Event::Review(r) if r.mode == Mode::Study && !undone.contains(&r.id) => Some(r),
            _ => None,
        })
        .collect();
    reviews.sort_by_key(|r| r.at);
    reviews
}

/// One card's progress.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardProgress {
    pub state: CardState,
    /// Scheduled reviews so far (seeds the fuzz of the next one).
    pub reviews: u32,
    /// Times forgotten in review.
    pub lapses: u32,
    pub last_at: Option<Timestamp>,
}

impl Default for CardProgress {
    fn default() -> Self {
        Self {
            state: CardState::New,
            reviews: 0,
            lapses: 0,
            last_at: None,
        }
    }
}

/// Answers given on one study day in one set: for the daily limits, and
/// the sums statistics need, so that they take no replay.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayCount {
    /// New cards seen for the first time.
    pub new: u32,
    /// Cards answered while in review state.
    pub review: u32,
    /// All scheduled answers.
    pub total: u32,
    /// Answers whose time was measured (a duration above 0).
    pub timed: u32,
    /// Their time, in milliseconds.
    pub time_ms: u64,
    /// Answers of cards in review state with an interval under
    /// [`crate::stats::MATURE_INTERVAL`] days, and how many of them passed
    /// (a rating other than Again).
    pub young: u32,
    pub young_passed: u32,
    /// The same for an interval of [`crate::stats::MATURE_INTERVAL`] days
    /// or more.
    pub mature: u32,
    pub mature_passed: u32,
}

impl DayCount {
    /// Count (`sign` = 1) or take back (`sign` = -1) one schedule answer
    /// given to a card in state `before`.
    pub fn count(&mut self, before: &CardState, rating: Rating, duration_ms: u64, sign: i8) {
        fn step(n: &mut u32, sign: i8) {
            *n = if sign >= 0 {
                n.saturating_add(1)
            } else {
                n.saturating_sub(1)
            };
        }
        step(&mut self.total, sign);
        if duration_ms > 0 {
            step(&mut self.timed, sign);
            self.time_ms = if sign >= 0 {
                self.time_ms.saturating_add(duration_ms)
            } else {
                self.time_ms.saturating_sub(duration_ms)
            };
        }
        let passed = rating != Rating::Again;
        match before {
            CardState::New => step(&mut self.new, sign),
            CardState::Review(r) => {
                step(&mut self.review, sign);
                if r.interval >= crate::stats::MATURE_INTERVAL {
                    step(&mut self.mature, sign);
                    if passed {
                        step(&mut self.mature_passed, sign);
                    }
                } else {
                    step(&mut self.young, sign);
                    if passed {
                        step(&mut self.young_passed, sign);
                    }
                }
            }
            _ => {}
        }
    }
}

/// What applying one review changed, so it can be taken back.
#[derive(Debug, Clone)]
pub struct Applied {
    pub key: CardKey,
    pub previous: CardProgress,
    pub day: StudyDay,
    pub rating: Rating,
    pub duration_ms: u64,
}

/// All cards' progress.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    pub(crate) cards: HashMap<CardKey, CardProgress>,
    /// Per set, per day: looked up by `&SetId` without cloning it.
    pub(crate) days: HashMap<SetId, HashMap<StudyDay, DayCount>>,
    /// Reused for the card key text that seeds the fuzz.
    key_text: String,
}

impl Progress {
    /// Replay every device's events: undone reviews are dropped, the rest
    /// applied in time order (see [`schedule_reviews`]).
    pub fn replay(events: &[Event], scheduler: &Scheduler) -> Result<Progress, ScheduleError> {
        Self::replay_observed(events, scheduler, |_, _| {})
    }

    /// [`Progress::replay`], calling `observe` with each schedule review and
    /// the card's progress just before it (for statistics that depend on
    /// the state a card was in when it was answered).
    pub fn replay_observed(
        events: &[Event],
        scheduler: &Scheduler,
        mut observe: impl FnMut(&ReviewEvent, &CardProgress),
    ) -> Result<Progress, ScheduleError> {
        let mut progress = Progress::default();
        for r in schedule_reviews(events) {
            if let Some(key) = r.card_key() {
                observe(r, &progress.card(&key));
                progress.apply(&key, r, scheduler)?;
            }
        }
        Ok(progress)
    }

    /// Progress made of its parts (as a snapshot recorded them).
    pub(crate) fn from_parts(
        cards: HashMap<CardKey, CardProgress>,
        days: HashMap<SetId, HashMap<StudyDay, DayCount>>,
    ) -> Progress {
        Progress {
            cards,
            days,
            key_text: String::new(),
        }
    }

    /// Whether two progresses hold the same cards and day counts.
    /// (A day count taken back to zero is the same as none.)
    pub fn same_as(&self, other: &Progress) -> bool {
        let counted = |p: &Progress| {
            p.days
                .iter()
                .flat_map(|(set, d)| d.iter().map(move |(day, c)| (set, day, c)))
                .filter(|(_, _, c)| **c != DayCount::default())
                .count()
        };
        self.cards == other.cards
            && counted(self) == counted(other)
            && self.days.iter().all(|(set, d)| {
                d.iter()
                    .all(|(day, c)| *c == DayCount::default() || other.day_count(set, *day) == *c)
            })
    }

    pub fn card(&self, key: &CardKey) -> CardProgress {
        self.cards.get(key).copied().unwrap_or_default()
    }

    pub fn day_count(&self, set: &SetId, day: StudyDay) -> DayCount {
        self.days
            .get(set)
            .and_then(|d| d.get(&day))
            .copied()
            .unwrap_or_default()
    }

    /// Every card with history.
    pub fn cards(&self) -> impl Iterator<Item = (&CardKey, &CardProgress)> {
        self.cards.iter()
    }

    /// Apply a study review of `key`.
    pub fn apply(
        &mut self,
        key: &CardKey,
        review: &ReviewEvent,
        scheduler: &Scheduler,
    ) -> Result<Applied, ScheduleError> {
        let previous = self.card(key);
        let now = Now {
            at: review.at,
            day: review.day,
        };
        self.key_text.clear();
        // Writing to a String cannot fail.
        let _ = write!(self.key_text, "{key}");
        let fuzz = FuzzFactor::for_card(&self.key_text, previous.reviews);
        let state = scheduler.answer(&previous.state, review.rating, now, fuzz)?;
        let lapsed = matches!(previous.state, CardState::Review(_))
            && !matches!(state, CardState::Review(_));
        let next = CardProgress {
            state,
            reviews: previous.reviews + 1,
            lapses: previous.lapses + u32::from(lapsed),
            last_at: Some(review.at),
        };
        match self.cards.get_mut(key) {
            Some(slot) => *slot = next,
            None => {
                self.cards.insert(key.clone(), next);
            }
        }
        let days = match self.days.get_mut(&key.set) {
            Some(days) => days,
            None => self.days.entry(key.set.clone()).or_default(),
        };
        days.entry(review.day).or_default().count(
            &previous.state,
            review.rating,
            review.duration_ms,
            1,
        );
        Ok(Applied {
            key: key.clone(),
            previous,
            day: review.day,
            rating: review.rating,
            duration_ms: review.duration_ms,
        })
    }

    /// Take back an [`Applied`] review (the most recent one for its card).
    pub fn revert(&mut self, applied: &Applied) {
        if let Some(count) = self
            .days
            .get_mut(&applied.key.set)
            .and_then(|d| d.get_mut(&applied.day))
        {
            count.count(
                &applied.previous.state,
                applied.rating,
                applied.duration_ms,
                -1,
            );
        }
        if applied.previous.reviews == 0 {
            self.cards.remove(&applied.key);
        } else {
            self.cards.insert(applied.key.clone(), applied.previous);
        }
    }
}
