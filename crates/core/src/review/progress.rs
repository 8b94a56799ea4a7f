//! Card states derived from the review log. The log is the truth; this is
//! what replaying it through the scheduler gives.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use jiff::Timestamp;

use crate::bank::{CardKey, CardKeyParts, CardKeyRef, CardVariant, SetId};
use crate::review::{Event, EventId, Mode, ReviewEvent};
use crate::scheduler::{CardState, FuzzFactor, Now, Rating, ScheduleError, Scheduler, StudyDay};

/// A review card whose scheduled interval is at least this many days is
/// mature; below it, young (as in Anki).
pub const MATURE_INTERVAL: u32 = 21;

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
    /// [`MATURE_INTERVAL`] days, and how many of them passed
    /// (a rating other than Again).
    pub young: u32,
    pub young_passed: u32,
    /// The same for an interval of [`MATURE_INTERVAL`] days
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
                if r.interval >= MATURE_INTERVAL {
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
    ///
    /// The reviews are first grouped by card (by their borrowed set,
    /// question and card fields: no key is built per review), each card's
    /// in time order; then each card's history is replayed in one go, its
    /// key built, looked up and stored once rather than once per review.
    pub(crate) fn replay_in_shares(
        reviews: &[&ReviewEvent],
        scheduler: &Scheduler,
        shares: usize,
    ) -> Result<Progress, ScheduleError> {
        let cards = ByCard::new(reviews);
        let n = cards.firsts.len();
        let results: Vec<(Progress, Option<(usize, ScheduleError)>)> = if shares <= 1 {
            vec![cards.replay(reviews, 0..n, scheduler)]
        } else {
            let cards = &cards;
            std::thread::scope(|scope| {
                let handles: Vec<_> = (1..shares)
                    .map(|share| {
                        scope.spawn(move || {
                            cards.replay(reviews, (share..n).step_by(shares), scheduler)
                        })
                    })
                    .collect();
                let mut results = vec![cards.replay(reviews, (0..n).step_by(shares), scheduler)];
                for h in handles {
                    results.push(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
                }
                results
            })
        };
        let mut progress = Progress::default();
        let mut first_error: Option<(usize, ScheduleError)> = None;
        for (p, error) in results {
            if let Some((i, e)) = error {
                if first_error.as_ref().is_none_or(|(j, _)| i < *j) {
                    first_error = Some((i, e));
                }
            } else if first_error.is_none() {
                progress.merge(p);
            }
        }
        match first_error {
            Some((_, e)) => Err(e),
            None => Ok(progress),
        }
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

/// Reviews (in time order) grouped by card: card `c`'s reviews are
/// `order[starts[c]..starts[c + 1]]`, in time order; `firsts[c]` is the
/// index of the first of them among all reviews. Cards are numbered in
/// the order of their first review.
struct ByCard {
    firsts: Vec<usize>,
    starts: Vec<usize>,
    order: Vec<Answer>,
}

/// What the replay reads of a review, copied next to the card's other
/// reviews: walking a card's history then reads memory in order instead
/// of one scattered event per review.
#[derive(Clone, Copy)]
struct Answer {
    at: Timestamp,
    day: StudyDay,
    duration_ms: u64,
    rating: Rating,
    /// Its number among all reviews in time order.
    index: u32,
}

impl ByCard {
    fn new(reviews: &[&ReviewEvent]) -> ByCard {
        // Keyed as `CardKey` compares (`c1` and `c01` are one card), from
        // the borrowed fields.
        let mut number: HashMap<(&str, &str, CardVariant), u32> = HashMap::new();
        let mut firsts = Vec::new();
        let mut card_of = Vec::with_capacity(reviews.len());
        for (i, r) in reviews.iter().enumerate() {
            let variant = match r.card.as_deref() {
                None => Some(CardVariant::Forward),
                Some(suffix) => CardVariant::from_suffix(suffix),
            };
            // A card suffix that names no card: skipped, as `card_key`
            // says.
            let Some(variant) = variant else {
                card_of.push(u32::MAX);
                continue;
            };
            let next = firsts.len() as u32;
            let c = *number
                .entry((r.set.as_str(), r.question.as_str(), variant))
                .or_insert(next);
            if c == next {
                firsts.push(i);
            }
            card_of.push(c);
        }
        // A counting sort by card, stable: each card's reviews stay in
        // time order.
        let mut starts = vec![0usize; firsts.len() + 1];
        for &c in card_of.iter().filter(|&&c| c != u32::MAX) {
            starts[c as usize + 1] += 1;
        }
        for c in 0..firsts.len() {
            starts[c + 1] += starts[c];
        }
        let mut next = starts.clone();
        let mut order = vec![
            Answer {
                at: Timestamp::UNIX_EPOCH,
                day: StudyDay(0),
                duration_ms: 0,
                rating: Rating::Again,
                index: 0,
            };
            starts[firsts.len()]
        ];
        for (i, (&c, r)) in card_of.iter().zip(reviews).enumerate() {
            if c != u32::MAX {
                order[next[c as usize]] = Answer {
                    at: r.at,
                    day: r.day,
                    duration_ms: r.duration_ms,
                    rating: r.rating,
                    index: i as u32,
                };
                next[c as usize] += 1;
            }
        }
        ByCard {
            firsts,
            starts,
            order,
        }
    }

    /// Replay the histories of `cards`, each in time order. A card whose
    /// history fails stops there; the error that comes first in time among
    /// all the cards is returned with its review's number.
    fn replay(
        &self,
        reviews: &[&ReviewEvent],
        cards: impl Iterator<Item = usize>,
        scheduler: &Scheduler,
    ) -> (Progress, Option<(usize, ScheduleError)>) {
        let mut progress = Progress::default();
        let mut first_error: Option<(usize, ScheduleError)> = None;
        let mut key_text = String::new();
        for c in cards {
            let Some(key) = reviews[self.firsts[c]].card_key() else {
                continue;
            };
            key_text.clear();
            // Writing to a String cannot fail.
            let _ = write!(key_text, "{key}");
            let days = progress.days.entry(key.set.clone()).or_default();
            let mut card = CardProgress::default();
            for review in &self.order[self.starts[c]..self.starts[c + 1]] {
                let i = review.index;
                let now = Now {
                    at: review.at,
                    day: review.day,
                };
                let fuzz = FuzzFactor::for_card(&key_text, card.reviews);
                let state = match scheduler.answer(&card.state, review.rating, now, fuzz) {
                    Ok(state) => state,
                    Err(e) => {
                        if first_error.as_ref().is_none_or(|(j, _)| (i as usize) < *j) {
                            first_error = Some((i as usize, e));
                        }
                        break;
                    }
                };
                let lapsed = matches!(card.state, CardState::Review(_))
                    && !matches!(state, CardState::Review(_));
                days.entry(review.day).or_default().count(
                    &card.state,
                    review.rating,
                    review.duration_ms,
                    1,
                );
                card = CardProgress {
                    state,
                    reviews: card.reviews + 1,
                    lapses: card.lapses + u32::from(lapsed),
                    last_at: Some(review.at),
                };
            }
            if card.reviews > 0 {
                progress.cards.insert(key, card);
            }
        }
        (progress, first_error)
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
        // One card written two ways (`c1`, `c01`: the same card key), and
        // a suffix that names no card (skipped).
        let mut extra = Vec::new();
        for (i, suffix) in [(100, "c1"), (3000, "c01"), (4500, "c1"), (200, "nope")] {
            if let Event::Review(r) = &events[i] {
                extra.push(Event::Review(ReviewEvent {
                    id: EventId(format!("suffix-{i}")),
                    set: events_set(&events),
                    question: crate::bank::QuestionId::new("suffixed").unwrap(),
                    card: Some(suffix.to_owned()),
                    ..r.clone()
                }));
            }
        }
        events.extend(extra);
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
        let suffixed = one
            .cards()
            .filter(|(k, _)| k.question.as_str() == "suffixed")
            .map(|(k, p)| (k.to_string(), p.reviews))
            .collect::<Vec<_>>();
        assert_eq!(suffixed.len(), 1, "{suffixed:?}");
        assert!(
            suffixed[0].0.ends_with("#c1") && suffixed[0].1 == 3,
            "{suffixed:?}"
        );
    }

    fn events_set(events: &[Event]) -> SetId {
        events
            .iter()
            .find_map(|e| match e {
                Event::Review(r) => Some(r.set.clone()),
                Event::Undo(_) => None,
            })
            .unwrap()
    }
}
