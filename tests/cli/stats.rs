//! Statistics on a fixture history answered through `Library::answer` at
//! fixed times, against numbers worked out by hand (see the comments).
//!
//! Settings: desired retention 0.70, no learning steps, relearning step
//! 10m, in UTC with the default 04:00 rollover (so every 10:00Z answer is
//! on its calendar day). With FSRS-6 defaults and retention 0.70 an
//! interval is stability × 9.287 days:
//! - Again on a new card: stability w0 = 0.212 → 1.97 days → 2 (no fuzz
//!   under 2.5 days): a young review card due two days later.
//! - Easy on a new card: stability w3 = 8.2956 → 77 days ± 4 (mature).
//! - Easy on a 2-day card answered on its due day: stability ≈ 4.4 →
//!   about 40 days ± 4 (mature, due well after the fixture ends).
//! - Again on a review card: relearning, due 10 minutes later.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use kioku_core::bank::CardKey;
use kioku_core::library::Library;
use kioku_core::review::{EventId, Mode};
use kioku_core::scheduler::Rating::{self, Again, Easy, Good};
use kioku_core::stats::{self, Stats};
use kioku_core::store::Settings;

/// 10:00 UTC on day `day` after 2026-01-01.
fn at(day: i64, hour: i64) -> Timestamp {
    let start: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
    start + SignedDuration::from_hours(day * 24 + hour)
}

struct Fixture {
    lib: Library,
    keys: Vec<CardKey>,
    next_id: u32,
    _dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
        let mut settings = Settings::default();
        settings.scheduler.desired_retention = kioku_core::scheduler::Retention::new(0.70).unwrap();
        settings.scheduler.learning_steps = "".parse().unwrap();
        settings.scheduler.relearning_steps = "10m".parse().unwrap();
        lib.save_settings(settings).unwrap();
        let set = &lib.sets()[0];
        let keys = set.cards().take(9).map(|c| c.key(&set.id)).collect();
        Fixture {
            lib,
            keys,
            next_id: 0,
            _dir: dir,
        }
    }

    fn id(&mut self) -> EventId {
        self.next_id += 1;
        EventId(format!("e{}", self.next_id))
    }

    /// Answer card `card` (index into the set's cards) on `day` at 10:00.
    fn answer(&mut self, card: usize, rating: Rating, day: i64, ms: u64, mode: Mode) {
        let now = self.lib.now(at(day, 10));
        let id = self.id();
        self.lib
            .answer(&self.keys[card].clone(), rating, now, ms, mode, id)
            .unwrap();
    }

    fn stats(&self, day: i64, hour: i64) -> Stats {
        let now = self.lib.now(at(day, hour));
        stats::for_library(&self.lib, None, now).unwrap()
    }
}

const A: usize = 0;
const B: usize = 1;
const C: usize = 2;
const D: usize = 3;
const E: usize = 4;
const F: usize = 5;
const G: usize = 6;
const H: usize = 7;
const I: usize = 8;

/// The fixture. Durations: 10 s for A and B on day 0, 3 s otherwise.
fn fixture() -> Fixture {
    let study = Mode::Study;
    let mut f = Fixture::new();
    f.answer(A, Easy, 0, 10_000, study); // → review ~77d (mature)
    f.answer(B, Easy, 0, 10_000, study); // → review ~77d (mature)
    f.answer(C, Again, 0, 3000, study); // → review 2d, due day 2
    f.answer(D, Again, 0, 3000, study); // → review 2d, due day 2
    f.answer(C, Easy, 2, 3000, study); // young pass → ~40d (mature)
    f.answer(D, Again, 2, 3000, study); // young fail → relearning
    f.answer(G, Again, 70, 3000, study); // → review 2d, due day 72
    f.answer(G, Again, 72, 3000, study); // young fail → relearning
    f.answer(H, Again, 76, 3000, study); // → review 2d, due day 78
    f.answer(H, Easy, 78, 3000, study); // young pass → ~40d (mature)
    f.answer(F, Again, 79, 3000, study); // → review 2d, due day 81
    f.answer(A, Again, 80, 3000, study); // mature fail → relearning
    f.answer(B, Good, 80, 3000, study); // mature pass → ~1000d
    f.answer(E, Again, 80, 3000, study); // → review 2d, due day 82
    // Neither of these counts: a cram answer, and an answer undone.
    f.answer(E, Good, 80, 99_000, Mode::Cram);
    f.answer(I, Easy, 80, 99_000, study);
    let undo_id = f.id();
    let undone = f.lib.undo(at(80, 11), undo_id).unwrap();
    assert_eq!(undone.as_ref(), Some(&f.keys[I]));
    f
}

#[test]
fn card_counts_forecast_and_retention_match_the_hand_computed_values() {
    let f = fixture();
    let s = f.stats(80, 20);
    assert_eq!(s.today, jiff::civil::date(2026, 3, 22));
    let total = f.lib.sets()[0].card_count() as u32;
    // A, D, G relearning; E, F young (2 days); B, C, H mature.
    assert_eq!(s.cards.total, total);
    assert_eq!(s.cards.new, total - 8);
    assert_eq!(s.cards.learning, 3);
    assert_eq!(s.cards.young, 2);
    assert_eq!(s.cards.mature, 3);

    // Today: A (relearning, due 10:10), D and G (relearning since days 2
    // and 72) and C (due about day 42) are due; F tomorrow, E the day
    // after. B (~day 1100) and H (~day 118) are past the 30 days.
    let mut forecast = vec![0; 30];
    forecast[0] = 4;
    forecast[1] = 1;
    forecast[2] = 1;
    assert_eq!(s.due_forecast, forecast);

    // Reviews of review-state cards, by the interval they had then:
    // young (2 days): C pass (day 2), D fail (day 2), G fail (day 72),
    // H pass (day 78); mature (~77 days): A fail, B pass (day 80).
    let r = &s.retention;
    assert_eq!(
        (r.last_7_days.young.passed, r.last_7_days.young.reviews),
        (1, 1)
    );
    assert_eq!(
        (r.last_7_days.mature.passed, r.last_7_days.mature.reviews),
        (1, 2)
    );
    assert_eq!(
        (r.last_30_days.young.passed, r.last_30_days.young.reviews),
        (1, 2)
    );
    assert_eq!(
        (r.last_30_days.mature.passed, r.last_30_days.mature.reviews),
        (1, 2)
    );
    assert_eq!(
        (r.last_365_days.young.passed, r.last_365_days.young.reviews),
        (2, 4)
    );
    assert_eq!(
        (
            r.last_365_days.mature.passed,
            r.last_365_days.mature.reviews
        ),
        (1, 2)
    );
    assert_eq!(r.last_365_days.young.rate, Some(0.5));
    assert_eq!(r.last_7_days.young.rate, Some(1.0));

    // 14 schedule reviews: 2 × 10 s + 12 × 3 s = 56 s → 4 s each.
    assert_eq!(s.total_reviews, 14);
    assert_eq!(s.average_answer_ms, Some(4000.0));
    assert!(s.self_test_trend.is_empty());
}

#[test]
fn calendar_and_streak_match_the_hand_computed_values() {
    let f = fixture();
    let s = f.stats(80, 20);
    assert_eq!(s.calendar.counts.len(), 365);
    // Day 80 is the last entry; day 0 is 80 entries before it.
    assert_eq!(s.calendar.first_day, jiff::civil::date(2025, 3, 23));
    let day = |d: usize| s.calendar.counts[364 - 80 + d];
    let expected = [
        (0, 4),
        (2, 2),
        (70, 1),
        (72, 1),
        (76, 1),
        (78, 1),
        (79, 1),
        (80, 3),
    ];
    for (d, n) in expected {
        assert_eq!(day(d), n, "day {d}");
    }
    assert_eq!(s.calendar.counts.iter().sum::<u32>(), 14);
    // Studied on days 78, 79 and 80, not 77.
    assert_eq!(s.streak_days, 3);
    // Nothing studied yet on day 81: the streak still ends yesterday.
    assert_eq!(f.stats(81, 12).streak_days, 3);
    // A whole day missed: broken.
    assert_eq!(f.stats(82, 12).streak_days, 0);
    // 03:00 on day 81 is still day 80 (rollover at 04:00).
    assert_eq!(f.stats(81, 3).today, jiff::civil::date(2026, 3, 22));
    // Day 81 sees 7 days back to day 75: only H's young pass and the
    // mature pair.
    let s81 = f.stats(81, 12);
    assert_eq!(s81.retention.last_7_days.young.reviews, 1);
    assert_eq!(s81.due_forecast[0], 5, "F joins the cards due");
}

#[test]
fn memory_distributions_match_the_hand_computed_values() {
    let f = fixture();
    let s = f.stats(80, 20);
    // Eight cards have a memory state.
    assert_eq!(s.stability.total(), 8);
    assert_eq!(s.difficulty.total(), 8);
    assert_eq!(s.retrievability.total(), 8);
    // Stability under a day: E and F (0.212) and D and G (after a lapse
    // from 0.212: ≈ 0.11).
    assert_eq!(s.stability.buckets[0].count, 4);
    // Difficulty: Again on new 6.41 (E, F); Again then Again 8.81 (D, G);
    // Again then Easy 5.21 (C, H); Easy then Again 7.04 (A); Easy then
    // Good 1.0 (B).
    let d: Vec<u32> = s.difficulty.buckets.iter().map(|b| b.count).collect();
    assert_eq!(d, [1, 0, 0, 0, 2, 2, 1, 2, 0]);
    // Recall probability now: 1 for A, B, E (answered today), ≈ 0.95 for H
    // (2 days at S ≈ 4.4), ≈ 0.77 for F (1 day at S 0.212).
    let r: Vec<u32> = s.retrievability.buckets.iter().map(|b| b.count).collect();
    assert_eq!(r[9], 4);
    assert_eq!(r[7], 1);
}

#[test]
fn per_set_statistics_only_count_that_set() {
    let f = fixture();
    let now = f.lib.now(at(80, 20));
    let set = f.lib.sets()[0].id.clone();
    let one = stats::for_library(&f.lib, Some(&set), now).unwrap();
    assert_eq!(one.set, Some(set));
    assert_eq!(one.total_reviews, 14);
    let all = f.stats(80, 20);
    assert_eq!(one.cards, all.cards);
    // JSON carries the documented top-level fields.
    let v = serde_json::to_value(&all).unwrap();
    for field in [
        "set",
        "today",
        "cards",
        "calendar",
        "due_forecast",
        "retention",
        "total_reviews",
        "average_answer_ms",
        "streak_days",
        "stability",
        "difficulty",
        "retrievability",
        "self_test_trend",
    ] {
        assert!(v.get(field).is_some(), "{field}");
    }
    assert_eq!(v["today"], "2026-03-22");
    assert_eq!(v["retention"]["last_7_days"]["mature"]["passed"], 1);
}

#[test]
fn the_cli_prints_a_table_and_json() {
    let f = fixture();
    // The fixture's library holds the lock: read a copy of its directory.
    let copy = tempfile::tempdir().unwrap();
    for sub in ["reviews", "devices"] {
        std::fs::create_dir_all(copy.path().join(sub)).unwrap();
        for e in std::fs::read_dir(f.lib.store().root().join(sub)).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, copy.path().join(sub).join(p.file_name().unwrap())).unwrap();
        }
    }
    std::fs::copy(
        f.lib.store().root().join("settings.json"),
        copy.path().join("settings.json"),
    )
    .unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kioku"))
            .env("KIOKU_LANG", "en")
            .args(args)
            .env("KIOKU_DATA_DIR", copy.path())
            .env("KIOKU_NOW", "2026-03-22T20:00:00Z")
            .env("TZ", "UTC")
            .output()
            .unwrap()
    };
    let out = run(&["stats", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["cards"]["mature"], 3);
    assert_eq!(v["streak_days"], 3);
    assert_eq!(v["due_forecast"][0], 4);
    let out = run(&["stats"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.contains("Streak       3 days"), "{text}");
    assert!(text.contains("2 young · 3 mature"), "{text}");
    let out = run(&["stats", "no-such-set"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no set \"no-such-set\""));
}
