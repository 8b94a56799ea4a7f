//! Card states derived from the review log. The log is the truth; this is
//! what replaying it through the scheduler gives.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;

use crate::bank::{CardKey, SetId};
use crate::schedule::{CardState, FuzzFactor, Now, ScheduleError, Scheduler, StudyDay};
use crate::store::{Event, EventId, Mode, ReviewEvent};

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

/// Answers given on one study day in one set, for the daily limits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayCount {
    /// New cards seen for the first time.
    pub new: u32,
    /// Cards answered while in review state.
    pub review: u32,
    /// All scheduled answers.
    pub total: u32,
}

/// What applying one review changed, so it can be taken back.
#[derive(Debug, Clone)]
pub struct Applied {
    pub key: CardKey,
    pub previous: CardProgress,
    pub day: StudyDay,
}

/// All cards' progress.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    cards: HashMap<CardKey, CardProgress>,
    days: HashMap<(SetId, StudyDay), DayCount>,
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

    pub fn card(&self, key: &CardKey) -> CardProgress {
        self.cards.get(key).copied().unwrap_or_default()
    }

    pub fn day_count(&self, set: &SetId, day: StudyDay) -> DayCount {
        self.days
            .get(&(set.clone(), day))
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
        let fuzz = FuzzFactor::for_card(&key.to_string(), previous.reviews);
        let state = scheduler.answer(&previous.state, review.rating, now, fuzz)?;
        let lapsed = matches!(previous.state, CardState::Review(_))
            && !matches!(state, CardState::Review(_));
        self.cards.insert(
            key.clone(),
            CardProgress {
                state,
                reviews: previous.reviews + 1,
                lapses: previous.lapses + u32::from(lapsed),
                last_at: Some(review.at),
            },
        );
        let count = self.days.entry((key.set.clone(), review.day)).or_default();
        count.total += 1;
        match previous.state {
            CardState::New => count.new += 1,
            CardState::Review(_) => count.review += 1,
            _ => {}
        }
        Ok(Applied {
            key: key.clone(),
            previous,
            day: review.day,
        })
    }

    /// Take back an [`Applied`] review (the most recent one for its card).
    pub fn revert(&mut self, applied: &Applied) {
        if let Some(count) = self.days.get_mut(&(applied.key.set.clone(), applied.day)) {
            count.total = count.total.saturating_sub(1);
            match applied.previous.state {
                CardState::New => count.new = count.new.saturating_sub(1),
                CardState::Review(_) => count.review = count.review.saturating_sub(1),
                _ => {}
            }
        }
        if applied.previous.reviews == 0 {
            self.cards.remove(&applied.key);
        } else {
            self.cards.insert(applied.key.clone(), applied.previous);
        }
    }
}
