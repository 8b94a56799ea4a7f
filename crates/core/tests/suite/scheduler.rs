//! Golden tests for the scheduler: fixed rating sequences from a fixed
//! date, checked against the `fsrs` crate's documented values where they
//! overlap and against Anki's rules elsewhere.

use jiff::Timestamp;
use kioku_core::scheduler::{
    CardState, FuzzFactor, Interval, Now, Rating, Scheduler, SchedulerSettings, StudyDay,
};

fn scheduler() -> Scheduler {
    Scheduler::new(SchedulerSettings::default()).unwrap()
}

/// Noon UTC on `day` days after 2026-01-01 (day 20454), in UTC with
/// rollover 0, so study days are calendar days.
fn at(day: i32, minutes: i64) -> Now {
    let start: Timestamp = "2026-01-01T12:00:00Z".parse().unwrap();
    let at = start + jiff::SignedDuration::from_secs(i64::from(day) * 86_400 + minutes * 60);
    Now {
        at,
        day: StudyDay::of(at, &jiff::tz::TimeZone::UTC, 0),
    }
}

const FUZZ: FuzzFactor = FuzzFactor::MIDDLE;

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 1e-4
}

#[test]
fn new_card_outcomes_match_fsrs_documentation_and_anki_steps() {
    let o = scheduler()
        .outcomes(&CardState::New, at(0, 0), FUZZ)
        .unwrap();
    // Memory states: the `fsrs` crate's own doc example for a new card.
    let m = |s: &CardState| s.memory().unwrap();
    assert!(
        close(m(&o.again.state).stability, 0.212) && close(m(&o.again.state).difficulty, 6.4133)
    );
    assert!(
        close(m(&o.hard.state).stability, 1.2931) && close(m(&o.hard.state).difficulty, 5.1121707)
    );
    assert!(
        close(m(&o.good.state).stability, 2.3065) && close(m(&o.good.state).difficulty, 2.118104)
    );
    assert!(close(m(&o.easy.state).stability, 8.2956) && close(m(&o.easy.state).difficulty, 1.0));
    // Intervals: steps 1m 10m; Hard is their average; Easy graduates.
    assert_eq!(o.again.interval, Interval::Minutes(1));
    assert_eq!(o.hard.interval, Interval::Minutes(6));
    assert_eq!(o.good.interval, Interval::Minutes(10));
    assert!(matches!(o.easy.state, CardState::Review(_)));
    let Interval::Days(easy) = o.easy.interval else {
        panic!("easy is not in days")
    };
    // 8.2956 days with fuzz [6, 10].
    assert!((6..=10).contains(&easy), "{easy}");
    assert_eq!(o.again.interval.to_string(), "1m");
    assert_eq!(o.good.interval.to_string(), "10m");
}

/// Replay `ratings` (minutes after the start, rating) on one card with
/// per-review fuzz from the card key, returning each state.
fn replay(s: &Scheduler, ratings: &[(i64, Rating)]) -> Vec<(Interval, CardState)> {
    let mut state = CardState::New;
    let mut out = Vec::new();
    for (i, &(minutes, rating)) in ratings.iter().enumerate() {
        let now = at(0, minutes);
        let fuzz = FuzzFactor::for_card("golden/card", i as u32);
        let o = s.outcomes(&state, now, fuzz).unwrap().get(rating);
        state = o.state;
        out.push((o.interval, state));
    }
    out
}

const DAY: i64 = 1440;

#[test]
fn golden_sequence() {
    use Rating::*;
    let s = scheduler();
    let seq = replay(
        &s,
        &[
            (0, Good),  // new → step 2 (10m)
            (10, Good), // graduates
            (3 * DAY, Good),
            (12 * DAY, Good),
            (40 * DAY, Again),     // lapse → relearning 10m
            (40 * DAY + 10, Good), // relearned
            (45 * DAY, Hard),
            (60 * DAY, Easy),
        ],
    );
    // (interval, state, stability, difficulty), pinned from a reviewed run:
    // a change here changes every learner's schedule.
    let expected = [
        (Interval::Minutes(10), "learning", 2.3065, 2.118104),
        (Interval::Days(2), "review", 2.3065, 2.1112142),
        (Interval::Days(16), "review", 13.835848, 2.1043313),
        (Interval::Days(47), "review", 44.852173, 2.0974553),
        (Interval::Minutes(10), "relearning", 2.7628314, 7.3877153),
        (Interval::Days(3), "review", 2.7628314, 7.375556),
        (Interval::Days(7), "review", 6.8249497, 8.243001),
        (Interval::Days(33), "review", 29.781525, 7.6411223),
    ];
    assert_eq!(seq.len(), expected.len());
    for (i, ((interval, state), (e_interval, e_name, e_s, e_d))) in
        seq.iter().zip(expected).enumerate()
    {
        let m = state.memory().unwrap();
        assert_eq!(
            (*interval, state.name()),
            (e_interval, e_name),
            "review {i}"
        );
        assert!(
            close(m.stability, e_s) && close(m.difficulty, e_d),
            "review {i}: {m:?}"
        );
    }
}

#[test]
fn the_same_history_gives_the_same_due_dates() {
    use Rating::*;
    let s = scheduler();
    let ratings = [
        (0, Good),
        (10, Good),
        (3 * DAY, Good),
        (20 * DAY, Good),
        (80 * DAY, Good),
    ];
    assert_eq!(replay(&s, &ratings), replay(&s, &ratings));
}

#[test]
fn review_intervals_are_ordered_and_grow_past_the_last() {
    let s = scheduler();
    let mut state = CardState::New;
    let mut day = 0;
    for i in 0..12u32 {
        let now = at(day, 0);
        let o = s
            .outcomes(&state, now, FuzzFactor::for_card("order", i))
            .unwrap();
        if let CardState::Review(r) = state {
            let d = |i: Interval| match i {
                Interval::Days(d) => d,
                Interval::Minutes(_) => panic!("review outcome in minutes"),
            };
            let (h, g, e) = (d(o.hard.interval), d(o.good.interval), d(o.easy.interval));
            assert!(h >= 1 && h < g && g < e, "hard {h} good {g} easy {e}");
            // Reviewed on time, a passed card's interval grows past the last.
            assert!(
                g > r.interval,
                "good {g} did not pass the last interval {}",
                r.interval
            );
            assert!(matches!(o.again.state, CardState::Relearning(_)));
            assert_eq!(o.again.interval, Interval::Minutes(10));
        }
        state = o.good.state;
        if let CardState::Review(r) = state {
            day = r.due.0 - at(0, 0).day.0;
        }
    }
}

#[test]
fn maximum_interval_caps_every_outcome() {
    let s = Scheduler::new(SchedulerSettings {
        maximum_interval: 10,
        ..SchedulerSettings::default()
    })
    .unwrap();
    let mut state = CardState::New;
    for i in 0..8 {
        let o = s
            .outcomes(&state, at(i * 15, 0), FuzzFactor::for_card("cap", i as u32))
            .unwrap();
        for r in Rating::ALL {
            if let Interval::Days(d) = o.get(r).interval {
                assert!(d <= 10, "{r}: {d}");
            }
        }
        state = o.easy.state;
    }
}

#[test]
fn fuzzed_intervals_stay_in_anki_ranges() {
    let s = scheduler();
    let review = |interval: u32| {
        CardState::Review(kioku_core::scheduler::Review {
            due: at(100, 0).day,
            interval,
            memory: kioku_core::scheduler::Memory {
                stability: 100.0,
                difficulty: 5.0,
            },
            last_review: at(0, 0).day,
        })
    };
    let mut seen = std::collections::BTreeSet::new();
    for i in 0..200 {
        let o = s
            .outcomes(&review(100), at(100, 0), FuzzFactor::for_card("spread", i))
            .unwrap();
        let Interval::Days(g) = o.good.interval else {
            panic!()
        };
        seen.insert(g);
    }
    // The good interval without fuzz, then its Anki range.
    let base = s
        .outcomes(&review(100), at(100, 0), FuzzFactor::MIDDLE)
        .unwrap();
    let Interval::Days(mid) = base.good.interval else {
        panic!()
    };
    let lo = *seen.first().unwrap();
    let hi = *seen.last().unwrap();
    assert!(lo < mid && mid < hi, "{lo} {mid} {hi}");
    assert!(seen.len() > 5, "fuzz barely spreads: {seen:?}");
    // Above 20 days the spread is ±5% plus the lower ranges: well under 10%.
    assert!(
        f64::from(hi - lo) < 0.25 * f64::from(mid),
        "{lo}..{hi} around {mid}"
    );
}

#[test]
fn the_clock_going_backwards_is_harmless() {
    use Rating::*;
    let s = scheduler();
    let seq = replay(
        &s,
        &[
            (10 * DAY, Good),
            (10 * DAY + 10, Good),
            (DAY, Good),
            (0, Again),
            (-5 * DAY, Easy),
        ],
    );
    for (interval, state) in seq {
        assert!(interval.seconds() > 0);
        let m = state.memory().unwrap();
        assert!(m.stability.is_finite() && m.stability > 0.0);
        assert!((1.0..=10.0).contains(&m.difficulty));
    }
}

#[test]
fn without_learning_steps_new_cards_go_straight_to_review() {
    let s = Scheduler::new(SchedulerSettings {
        learning_steps: "".parse().unwrap(),
        relearning_steps: "".parse().unwrap(),
        ..SchedulerSettings::default()
    })
    .unwrap();
    let o = s.outcomes(&CardState::New, at(0, 0), FUZZ).unwrap();
    for r in Rating::ALL {
        assert!(matches!(o.get(r).state, CardState::Review(_)), "{r}");
        assert!(
            matches!(o.get(r).interval, Interval::Days(d) if d >= 1),
            "{r}"
        );
    }
    let lapse = s.outcomes(&o.good.state, at(5, 0), FUZZ).unwrap();
    assert!(matches!(lapse.again.state, CardState::Review(_)));
}

#[test]
fn again_in_learning_returns_to_the_first_step_in_the_same_session() {
    let s = scheduler();
    let first = s
        .answer(&CardState::New, Rating::Good, at(0, 0), FUZZ)
        .unwrap();
    let CardState::Learning(l) = first else {
        panic!()
    };
    assert_eq!((l.step, l.due), (1, at(0, 10).at));
    let again = s.answer(&first, Rating::Again, at(0, 10), FUZZ).unwrap();
    let CardState::Learning(l) = again else {
        panic!()
    };
    assert_eq!((l.step, l.due), (0, at(0, 11).at));
}

#[test]
fn interval_labels() {
    let cases = [
        (Interval::Minutes(1), "1m"),
        (Interval::Minutes(90), "1.5h"),
        (Interval::Minutes(2880), "2d"),
        (Interval::Days(4), "4d"),
        (Interval::Days(45), "1.5mo"),
        (Interval::Days(400), "1.1y"),
    ];
    for (i, label) in cases {
        assert_eq!(i.to_string(), label);
    }
}
