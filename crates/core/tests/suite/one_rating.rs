//! `Scheduler::answer` works out only the memory states the given rating
//! needs; it must give, bit for bit, the state that computing all four
//! ratings with `fsrs` `next_states` and taking the given one gives
//! (`Scheduler::answer_from_all_outcomes`, the path replay used before).

use std::collections::BTreeMap;
use std::path::Path;

use jiff::{SignedDuration, Timestamp};
use kioku_core::review::revlog;
use kioku_core::scheduler::{
    CardState, FuzzFactor, Now, Rating, Retention, Scheduler, SchedulerSettings, StudyDay,
};
use proptest::prelude::*;

/// Exactly the same state: every float compared by its bits (Debug prints
/// the shortest text that reads back to the same bits).
fn same(a: &CardState, b: &CardState) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

/// Settings that take every branch: default steps, no steps at all, one
/// long relearning step, a low and a high retention, a short maximum
/// interval, and fitted parameters other than the defaults.
fn schedulers() -> Vec<Scheduler> {
    let steps = |s: &str| s.parse().unwrap();
    let fitted = vec![
        0.4, 0.9, 3.1, 15.0, 7.1, 0.5, 1.8, 0.05, 1.5, 0.12, 0.9, 1.9, 0.11, 0.3, 2.1, 0.25, 2.9,
        0.3, 0.5, 0.1, 0.2,
    ];
    [
        SchedulerSettings::default(),
        SchedulerSettings {
            learning_steps: steps(""),
            relearning_steps: steps(""),
            ..SchedulerSettings::default()
        },
        SchedulerSettings {
            learning_steps: steps("1m 10m 1h 1d"),
            relearning_steps: steps("30m"),
            desired_retention: Retention::new(0.75).unwrap(),
            maximum_interval: 60,
            ..SchedulerSettings::default()
        },
        SchedulerSettings {
            desired_retention: Retention::new(0.97).unwrap(),
            parameters: Some(fitted),
            ..SchedulerSettings::default()
        },
    ]
    .into_iter()
    .map(|s| Scheduler::new(s).unwrap())
    .collect()
}

/// Replay `history` (minutes after the previous answer, rating) for card
/// `card` both ways, checking every step; returns how many were compared.
fn walk(s: &Scheduler, card: &str, start: Timestamp, history: &[(i64, Rating)]) -> usize {
    let (mut one, mut all) = (CardState::New, CardState::New);
    let mut at = start;
    for (n, &(gap, rating)) in history.iter().enumerate() {
        at = at.saturating_add(SignedDuration::from_mins(gap)).unwrap();
        let now = Now {
            at,
            day: StudyDay::of(at, &jiff::tz::TimeZone::UTC, 4),
        };
        let fuzz = FuzzFactor::for_card(card, n as u32);
        one = s.answer(&one, rating, now, fuzz).unwrap();
        all = s.answer_from_all_outcomes(&all, rating, now, fuzz).unwrap();
        assert!(
            same(&one, &all),
            "{card}, answer {n} ({rating} at {at}): {one:?} != {all:?}"
        );
    }
    history.len()
}

fn rating() -> impl Strategy<Value = Rating> {
    prop_oneof![
        1 => Just(Rating::Again),
        1 => Just(Rating::Hard),
        4 => Just(Rating::Good),
        1 => Just(Rating::Easy),
    ]
}

/// Gaps from a minute (learning steps, same day) to a year.
fn gap() -> impl Strategy<Value = i64> {
    prop_oneof![
        0i64..30,
        30i64..1_440,
        1_440i64..60 * 1_440,
        60 * 1_440i64..400 * 1_440,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn one_rating_gives_the_state_all_four_give(
        history in proptest::collection::vec((gap(), rating()), 1..60),
        card in "[a-z]{1,8}/[a-z0-9-]{1,12}",
    ) {
        let start: Timestamp = "2025-01-01T09:00:00Z".parse().unwrap();
        for s in schedulers() {
            walk(&s, &card, start, &history);
        }
    }
}

/// The real review log in the shared data (12,580 reviews of real cards),
/// when present: every card's history replayed both ways.
#[test]
fn one_rating_gives_the_state_all_four_give_on_a_real_log() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/review_logs_pyfsrs.csv"
    ));
    if !path.exists() {
        eprintln!("skipped: {} is not here", path.display());
        return;
    }
    let reviews = revlog::read_csv(path, &jiff::tz::TimeZone::UTC, 4).unwrap();
    let mut by_card: BTreeMap<&str, Vec<&revlog::LogReview>> = BTreeMap::new();
    for r in &reviews {
        by_card.entry(&r.card).or_default().push(r);
    }
    let mut compared = 0;
    for s in schedulers() {
        for (card, history) in &by_card {
            let mut h = history.clone();
            h.sort_by_key(|r| r.at);
            let (mut one, mut all) = (CardState::New, CardState::New);
            for (n, r) in h.iter().enumerate() {
                let now = Now {
                    at: r.at,
                    day: r.day,
                };
                let fuzz = FuzzFactor::for_card(card, n as u32);
                one = s.answer(&one, r.rating, now, fuzz).unwrap();
                all = s
                    .answer_from_all_outcomes(&all, r.rating, now, fuzz)
                    .unwrap();
                assert!(same(&one, &all), "{card}, answer {n}: {one:?} != {all:?}");
                compared += 1;
            }
        }
    }
    assert!(compared > 4 * 10_000, "{compared}");
}
