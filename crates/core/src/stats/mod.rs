//! Statistics over the review log: card counts by state, reviews per day,
//! the due forecast, true retention, answer time, the study streak and
//! distributions of the memory states.
//!
//! [`compute`] is a pure function of a [`StatsInput`]; [`for_library`]
//! gathers that input from an open [`Library`]. The result is a plain
//! serialisable struct, so the CLI prints it and the UI can draw it.
//!
//! Only schedule reviews count: `study` reviews that are not undone.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use crate::bank::SetId;
use crate::exam::ExamKind;
use crate::library::Library;
pub use crate::review::progress::MATURE_INTERVAL;
use crate::review::progress::{CardProgress, DayCount, Progress};
use crate::scheduler::ScheduleError as Error;
use crate::scheduler::{CardState, Now, Rating, StudyDay};

/// Study days in the review calendar, ending today.
pub const CALENDAR_DAYS: u32 = 365;
/// Study days in the due forecast, starting today.
pub const FORECAST_DAYS: u32 = 30;
/// The retention windows, in study days ending today.
pub const RETENTION_WINDOWS: [u32; 3] = [7, 30, 365];

/// Statistics for one set or for all sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// The set these are for; `None` for all sets.
    pub set: Option<SetId>,
    /// Today's study day, as a local date.
    pub today: Date,
    pub cards: CardCounts,
    pub calendar: ReviewCalendar,
    /// Cards due on each of the next [`FORECAST_DAYS`] study days: index 0
    /// is today and includes everything overdue; (re)learning cards count
    /// on the day their step ends.
    pub due_forecast: Vec<u32>,
    pub retention: RetentionStats,
    /// Schedule reviews ever, in this scope.
    pub total_reviews: u32,
    /// Mean time spent per answer, in milliseconds, over the schedule
    /// reviews whose time was measured (a duration of 0 means unmeasured,
    /// e.g. `kioku answer`); `None` if there are none.
    pub average_answer_ms: Option<f64>,
    /// Consecutive study days with at least one review, ending today (or
    /// yesterday, if nothing was studied yet today).
    pub streak_days: u32,
    /// Stability of every card with a memory state, in days.
    pub stability: Histogram,
    /// Difficulty of every card with a memory state, 1–10.
    pub difficulty: Histogram,
    /// Probability of recall now of every card with a memory state, 0–1.
    pub retrievability: Histogram,
    /// Full self-test scores over time, oldest first. Empty until
    /// self-tests exist; the UI's trend chart reads this field. Retries of
    /// mistakes are not in it (see `self_test_retries`).
    pub self_test_trend: Vec<SelfTestScore>,
    /// "Retry mistakes" scores over time, oldest first: kept apart, as a
    /// retry holds only cards got wrong before.
    pub self_test_retries: Vec<SelfTestScore>,
}

/// Cards by state. `learning` includes relearning; `total` is the sum.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CardCounts {
    pub total: u32,
    pub new: u32,
    pub learning: u32,
    /// In review with an interval under [`MATURE_INTERVAL`] days.
    pub young: u32,
    /// In review with an interval of [`MATURE_INTERVAL`] days or more.
    pub mature: u32,
}

/// Schedule reviews per study day, for a calendar heatmap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewCalendar {
    /// The date of `counts[0]`; the last entry is today.
    pub first_day: Date,
    /// [`CALENDAR_DAYS`] counts, one per study day, oldest first.
    pub counts: Vec<u32>,
}

/// Passed reviews (rating other than Again) out of reviews of cards that
/// were in review state when answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Pass {
    pub passed: u32,
    pub reviews: u32,
    /// `passed / reviews`, 0–1; `None` with no reviews.
    pub rate: Option<f64>,
}

impl Pass {
    fn add_many(&mut self, passed: u32, reviews: u32) {
        self.reviews += reviews;
        self.passed += passed;
        if self.reviews > 0 {
            self.rate = Some(f64::from(self.passed) / f64::from(self.reviews));
        }
    }
}

/// True retention over one window, split by the card's interval when it
/// was answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct RetentionWindow {
    /// Length of the window in study days, ending today.
    pub days: u32,
    pub young: Pass,
    pub mature: Pass,
}

/// True retention over the last 7, 30 and 365 study days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct RetentionStats {
    pub last_7_days: RetentionWindow,
    pub last_30_days: RetentionWindow,
    pub last_365_days: RetentionWindow,
}

/// Counts of values in half-open buckets `[from, to)`; the last bucket has
/// no upper bound when `to` is `None`. Values below the first bucket count
/// in the first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Histogram {
    pub buckets: Vec<Bucket>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bucket {
    pub from: f32,
    pub to: Option<f32>,
    pub count: u32,
}

impl Histogram {
    /// Buckets between consecutive `edges`; with `open_end`, one more from
    /// the last edge up. Without it, the last edge is included in the last
    /// bucket.
    fn new(edges: &[f32], open_end: bool) -> Self {
        let mut buckets: Vec<Bucket> = edges
            .windows(2)
            .map(|w| Bucket {
                from: w[0],
                to: Some(w[1]),
                count: 0,
            })
            .collect();
        if open_end && let Some(&last) = edges.last() {
            buckets.push(Bucket {
                from: last,
                to: None,
                count: 0,
            });
        }
        Histogram { buckets }
    }

    fn add(&mut self, x: f32) {
        if !x.is_finite() || self.buckets.is_empty() {
            return;
        }
        let last = self.buckets.len() - 1;
        let i = self
            .buckets
            .iter()
            .position(|b| b.to.is_none_or(|to| x < to))
            .unwrap_or(last);
        self.buckets[i].count += 1;
    }

    /// The number of values counted.
    pub fn total(&self) -> u32 {
        self.buckets.iter().map(|b| b.count).sum()
    }
}

/// A self-test result, for the trend chart, oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SelfTestScore {
    pub day: Date,
    /// Share of questions right, 0–1.
    pub score: f64,
    /// The time limit ran out.
    pub timed_out: bool,
}

/// One schedule review with the state its card was in when answered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReviewSample {
    pub day: StudyDay,
    pub rating: Rating,
    /// Milliseconds; 0 means not measured.
    pub duration_ms: u64,
    pub before: CardState,
}

/// Everything [`compute`] needs.
pub struct StatsInput<'a> {
    pub set: Option<SetId>,
    /// Every card in scope, including those never studied.
    pub cards: Vec<CardProgress>,
    /// The schedule reviews in scope, summed per study day (as
    /// [`Progress`] keeps them per set).
    pub days: HashMap<StudyDay, DayCount>,
    /// FSRS decay (parameter 20), for retrievability.
    pub decay: f32,
    pub now: Now,
    /// The study day an instant falls in (for (re)learning due times).
    pub day_of: &'a dyn Fn(Timestamp) -> StudyDay,
}

/// Sum `c` into `into`.
fn add_day(into: &mut DayCount, c: &DayCount) {
    into.new += c.new;
    into.review += c.review;
    into.total += c.total;
    into.timed += c.timed;
    into.time_ms += c.time_ms;
    into.young += c.young;
    into.young_passed += c.young_passed;
    into.mature += c.mature;
    into.mature_passed += c.mature_passed;
}

/// Per-day sums of individual reviews (what a replay observes); the
/// reference the sums kept in [`Progress`] are tested against.
pub fn days_of_samples(samples: &[ReviewSample]) -> HashMap<StudyDay, DayCount> {
    let mut days: HashMap<StudyDay, DayCount> = HashMap::new();
    for r in samples {
        let d = days.entry(r.day).or_default();
        d.total += 1;
        if r.duration_ms > 0 {
            d.timed += 1;
            d.time_ms += r.duration_ms;
        }
        let passed = u32::from(r.rating != Rating::Again);
        match r.before {
            CardState::New => d.new += 1,
            CardState::Review(b) => {
                d.review += 1;
                if b.interval >= MATURE_INTERVAL {
                    d.mature += 1;
                    d.mature_passed += passed;
                } else {
                    d.young += 1;
                    d.young_passed += passed;
                }
            }
            _ => {}
        }
    }
    days
}

/// Compute statistics from their inputs.
pub fn compute(input: &StatsInput<'_>) -> Stats {
    let today = input.now.day;
    let mut cards = CardCounts::default();
    let mut forecast = vec![0u32; FORECAST_DAYS as usize];
    let mut stability = Histogram::new(
        &[
            0.0, 1.0, 2.0, 3.0, 7.0, 14.0, 21.0, 30.0, 60.0, 90.0, 180.0, 365.0,
        ],
        true,
    );
    let mut difficulty =
        Histogram::new(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], false);
    let mut retrievability = Histogram::new(
        &[0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
        false,
    );
    let mut due_on = |day: StudyDay| {
        if let Some(slot) = forecast.get_mut(day.days_since(today) as usize) {
            *slot += 1;
        }
    };
    for card in &input.cards {
        cards.total += 1;
        match card.state {
            CardState::New => cards.new += 1,
            CardState::Learning(l) | CardState::Relearning(l) => {
                cards.learning += 1;
                due_on((input.day_of)(l.due));
            }
            CardState::Review(r) => {
                if r.interval >= MATURE_INTERVAL {
                    cards.mature += 1;
                } else {
                    cards.young += 1;
                }
                due_on(r.due);
            }
        }
        if let (Some(m), Some(last)) = (card.state.memory(), card.state.last_review()) {
            stability.add(m.stability);
            difficulty.add(m.difficulty);
            let elapsed = today.days_since(last) as f32;
            retrievability.add(fsrs::current_retrievability(m.into(), elapsed, input.decay));
        }
    }

    let calendar_start = StudyDay(today.0.saturating_sub(CALENDAR_DAYS as i32 - 1));
    let mut calendar = vec![0u32; CALENDAR_DAYS as usize];
    let mut windows = RETENTION_WINDOWS.map(|days| RetentionWindow {
        days,
        ..RetentionWindow::default()
    });
    let (mut timed, mut time_sum, mut total) = (0u64, 0u128, 0u64);
    for (&day, c) in &input.days {
        total += u64::from(c.total);
        if day >= calendar_start && day <= today {
            calendar[day.days_since(calendar_start) as usize] += c.total;
        }
        timed += u64::from(c.timed);
        time_sum += u128::from(c.time_ms);
        if day <= today {
            let age = today.days_since(day);
            for w in &mut windows {
                if age < w.days {
                    w.young.add_many(c.young_passed, c.young);
                    w.mature.add_many(c.mature_passed, c.mature);
                }
            }
        }
    }
    let studied = |d: StudyDay| input.days.get(&d).is_some_and(|c| c.total > 0);
    let mut day = if studied(today) {
        today
    } else {
        StudyDay(today.0 - 1)
    };
    let mut streak = 0;
    while studied(day) {
        streak += 1;
        day = StudyDay(day.0 - 1);
    }
    let [w7, w30, w365] = windows;
    Stats {
        set: input.set.clone(),
        today: today.date(),
        cards,
        calendar: ReviewCalendar {
            first_day: calendar_start.date(),
            counts: calendar,
        },
        due_forecast: forecast,
        retention: RetentionStats {
            last_7_days: w7,
            last_30_days: w30,
            last_365_days: w365,
        },
        total_reviews: u32::try_from(total).unwrap_or(u32::MAX),
        average_answer_ms: (timed > 0).then(|| time_sum as f64 / timed as f64),
        streak_days: streak,
        stability,
        difficulty,
        retrievability,
        self_test_trend: Vec::new(),
        self_test_retries: Vec::new(),
    }
}

/// Statistics for `set` (or all sets) in an open library at `now`, from
/// the per-day sums its [`Progress`] keeps: O(cards + days), no replay.
pub fn for_library(lib: &Library, set: Option<&SetId>, now: Now) -> Result<Stats, Error> {
    let in_scope = |s: &SetId| set.is_none_or(|id| id == s);
    let mut days: HashMap<StudyDay, DayCount> = HashMap::new();
    for (s, by_day) in &lib.progress().days {
        if in_scope(s) {
            for (&day, c) in by_day {
                add_day(days.entry(day).or_default(), c);
            }
        }
    }
    Ok(finish(lib, set, now, days))
}

/// [`for_library`] the slow way: every event read and the whole history
/// replayed to learn the state each review found its card in. The
/// reference the per-day sums are tested against.
pub fn for_library_replayed(lib: &Library, set: Option<&SetId>, now: Now) -> Result<Stats, Error> {
    let in_scope = |s: &SetId| set.is_none_or(|id| id == s);
    let mut reviews = Vec::new();
    Progress::replay_observed(lib.events(), lib.scheduler(), |r, before| {
        if in_scope(&r.set) {
            reviews.push(ReviewSample {
                day: r.day,
                rating: r.rating,
                duration_ms: r.duration_ms,
                before: before.state,
            });
        }
    })?;
    Ok(finish(lib, set, now, days_of_samples(&reviews)))
}

fn finish(
    lib: &Library,
    set: Option<&SetId>,
    now: Now,
    days: HashMap<StudyDay, DayCount>,
) -> Stats {
    let in_scope = |s: &SetId| set.is_none_or(|id| id == s);
    let cards = lib
        .sets()
        .iter()
        .filter(|qs| in_scope(&qs.id))
        .flat_map(|qs| {
            qs.cards()
                .map(|c| lib.progress().card(&c.key(&qs.id)))
                .collect::<Vec<_>>()
        })
        .collect();
    let decay = lib
        .settings()
        .scheduler
        .parameters
        .as_ref()
        .and_then(|p| p.get(20).copied())
        .unwrap_or(fsrs::FSRS6_DEFAULT_DECAY);
    let day_of = |at: Timestamp| lib.day_of(at);
    let mut stats = compute(&StatsInput {
        set: set.cloned(),
        cards,
        days,
        decay,
        now,
        day_of: &day_of,
    });
    for e in lib.exams().iter().filter(|e| in_scope(&e.set)) {
        let score = SelfTestScore {
            day: lib.day_of(e.started_at).date(),
            score: e.score_percent / 100.0,
            timed_out: e.timed_out,
        };
        match e.kind {
            ExamKind::Full => stats.self_test_trend.push(score),
            ExamKind::Retry => stats.self_test_retries.push(score),
        }
    }
    stats
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_half_open_with_a_closed_or_open_end() {
        let mut h = Histogram::new(&[0.0, 0.5, 1.0], false);
        for x in [0.0, 0.49, 0.5, 1.0, f32::NAN] {
            h.add(x);
        }
        let counts: Vec<u32> = h.buckets.iter().map(|b| b.count).collect();
        assert_eq!(counts, [2, 2]);
        let mut h = Histogram::new(&[0.0, 1.0], true);
        for x in [0.5, 1.0, 1e9] {
            h.add(x);
        }
        let counts: Vec<u32> = h.buckets.iter().map(|b| b.count).collect();
        assert_eq!(counts, [1, 2]);
        assert_eq!(h.buckets[1].to, None);
        assert_eq!(h.total(), 3);
    }
}
