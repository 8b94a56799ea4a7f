//! Card states derived from the review log. The log is the truth; this is
//! what replaying it through the scheduler gives.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use jiff::Timestamp;

use crate::bank::{CardKey, CardKeyParts, CardKeyRef, SetId};
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

/// Every card's progress by key. FxHash rather than SipHash: the keys
/// come from the user's own files, and hashing is most of a lookup (one
/// per card for today's counts at every open).
pub(crate) type CardMap = HashMap<CardKey, CardProgress, rustc_hash::FxBuildHasher>;

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
    /// Add the counts of `other` (from other cards).
    fn add(&mut self, other: &DayCount) {
        self.new = self.new.saturating_add(other.new);
        self.review = self.review.saturating_add(other.review);
        self.total = self.total.saturating_add(other.total);
        self.timed = self.timed.saturating_add(other.timed);
        self.time_ms = self.time_ms.saturating_add(other.time_ms);
        self.young = self.young.saturating_add(other.young);
        self.young_passed = self.young_passed.saturating_add(other.young_passed);
        self.mature = self.mature.saturating_add(other.mature);
        self.mature_passed = self.mature_passed.saturating_add(other.mature_passed);
    }

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
    pub(crate) cards: CardMap,
    /// Per set, per day: looked up by `&SetId` without cloning it.
    pub(crate) days: HashMap<SetId, HashMap<StudyDay, DayCount>>,
    /// Reused for the card key text that seeds the fuzz.
    key_text: String,
}

impl Progress {
    /// Replay every device's events: undone reviews are dropped, the rest
    /// applied in time order (see [`schedule_reviews`]).
    ///
    /// Cards do not depend on one another, so the reviews are shared out
    /// by card among the cores, each share replayed in time order, and
    /// the results put together (day counts added up): the same progress,
    /// and the same first error, as one replay in time order.
    pub fn replay(events: &[Event], scheduler: &Scheduler) -> Result<Progress, ScheduleError> {
        let reviews = schedule_reviews(events);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let shares = if reviews.len() < 10_000 { 1 } else { threads };
        Self::replay_in_shares(&reviews, scheduler, shares)
    }

    /// [`Progress::replay`] of `reviews` (in time order) in `shares`
    /// shares.
    pub(crate) fn replay_in_shares(
        reviews: &[&ReviewEvent],
        scheduler: &Scheduler,
        shares: usize,
    ) -> Result<Progress, ScheduleError> {
        let keyed = reviews
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((i, r.card_key()?, *r)));
        if shares <= 1 {
            return Self::replay_in_order(keyed, scheduler).map_err(|(_, e)| e);
        }
        let mut by_share: Vec<Vec<(usize, CardKey, &ReviewEvent)>> = vec![Vec::new(); shares];
        let hasher = std::hash::BuildHasherDefault::<std::hash::DefaultHasher>::default();
        for (i, key, r) in keyed {
            use std::hash::BuildHasher;
            let share = (hasher.hash_one(&key) % shares as u64) as usize;
            by_share[share].push((i, key, r));
        }
        let results: Vec<Result<Progress, (usize, ScheduleError)>> = std::thread::scope(|scope| {
            let mut shares = by_share.into_iter();
            let first = shares.next().unwrap_or_default();
            let handles: Vec<_> = shares
                .map(|share| {
                    scope.spawn(move || Self::replay_in_order(share.into_iter(), scheduler))
                })
                .collect();
            let mut results = vec![Self::replay_in_order(first.into_iter(), scheduler)];
            for h in handles {
                results.push(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
            }
            results
        });
        let mut progress = Progress::default();
        let mut first_error: Option<(usize, ScheduleError)> = None;
        for r in results {
            match r {
                Ok(p) => progress.merge(p),
                Err((i, e)) => {
                    if first_error.as_ref().is_none_or(|(j, _)| i < *j) {
                        first_error = Some((i, e));
                    }
                }
            }
        }
        match first_error {
            Some((_, e)) => Err(e),
            None => Ok(progress),
        }
    }

    /// Apply `reviews` (numbered in time order) one after the other; an
    /// error comes with the number of the review that gave it.
    fn replay_in_order<'a>(
        reviews: impl Iterator<Item = (usize, CardKey, &'a ReviewEvent)>,
        scheduler: &Scheduler,
    ) -> Result<Progress, (usize, ScheduleError)> {
        let mut progress = Progress::default();
        for (i, key, r) in reviews {
            progress.apply(&key, r, scheduler).map_err(|e| (i, e))?;
        }
        Ok(progress)
    }

    /// Add `other`, whose cards this does not have.
    fn merge(&mut self, other: Progress) {
        self.cards.extend(other.cards);
        for (set, days) in other.days {
            let mine = self.days.entry(set).or_default();
            for (day, c) in days {
                mine.entry(day).or_default().add(&c);
            }
        }
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
        cards: CardMap,
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

    /// [`Progress::card`] from borrowed ids, without building a key.
    pub fn card_by(&self, key: CardKeyRef<'_>) -> CardProgress {
        self.cards
            .get(&key as &dyn CardKeyParts)
            .copied()
            .unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replay_in_shares_gives_what_one_in_time_order_gives() {
        let dir = tempfile::tempdir().unwrap();
        let spec = crate::synth::Spec {
            sets: 3,
            questions: 600,
            reviews: 6_000,
            days: 60,
            end: "2026-11-28T10:00:00Z".parse().unwrap(),
            seed: 7,
        };
        crate::synth::generate(dir.path(), &spec).unwrap();
        let (_store, loaded) =
            crate::store::Store::open::<serde::de::IgnoredAny>(dir.path(), || "d".into()).unwrap();
        let mut events = loaded.events;
        // Some undone reviews too.
        for (i, at) in [(10, 0), (2000, 1), (4000, 2)] {
            if let Event::Review(r) = &events[i] {
                events.push(Event::Undo(crate::review::UndoEvent {
                    id: EventId(format!("undo-{at}")),
                    undoes: r.id.clone(),
                    at: r.at,
                }));
            }
        }
        let scheduler = Scheduler::new(Default::default()).unwrap();
        let one = Progress::replay_observed(&events, &scheduler, |_, _| {}).unwrap();
        assert!(one.cards().count() > 300);
        let reviews = schedule_reviews(&events);
        for shares in [1, 2, 3, 7] {
            let p = Progress::replay_in_shares(&reviews, &scheduler, shares).unwrap();
            assert!(p.same_as(&one), "{shares} shares");
            assert!(one.same_as(&p), "{shares} shares");
        }
        assert!(Progress::replay(&events, &scheduler).unwrap().same_as(&one));
    }
}
