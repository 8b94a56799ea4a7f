//! The optimizer on a synthetic history and on the shared review log, and
//! `kioku optimize` / `kioku memory` through the real binary.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Instant;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::optimizer::{self, FitProgress, TrainingSet, WORKLOAD_RETENTIONS, WorkloadConfig};
use kioku_core::review::revlog::{self, LogReview};
use kioku_core::scheduler::{Rating, SchedulerSettings, StudyDay};

/// The shared review log (12,580 reviews), beside the repository.
fn shared_log() -> PathBuf {
    let beside =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/review_logs_pyfsrs.csv");
    let candidates = [
        beside,
        PathBuf::from("/work/shared/data/review_logs_pyfsrs.csv"),
    ];
    candidates
        .iter()
        .find(|p| p.is_file())
        .cloned()
        .unwrap_or_else(|| panic!("the shared review log is missing: {candidates:?}"))
}

/// A deterministic synthetic history: `cards` cards studied for a year by
/// a learner whose memory follows a power forgetting curve with
/// stabilities unlike FSRS's defaults (first stability 6 days, ×3 on
/// success, back to 1 day on a lapse). Pseudo-random draws from an LCG.
fn synthetic(cards: usize) -> Vec<(usize, Rating, i32)> {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut uniform = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut out = Vec::new();
    for card in 0..cards {
        let mut day = (card / 10) as i32;
        out.push((card, Rating::Good, day));
        let mut stability = 6.0f64;
        let mut interval = 2i32;
        while day + interval < 365 {
            day += interval;
            let recall = (1.0 + f64::from(interval) / (9.0 * stability)).powf(-1.0);
            let rating = if uniform() < recall {
                stability *= 3.0;
                Rating::Good
            } else {
                stability = 1.0;
                Rating::Again
            };
            out.push((card, rating, day));
            interval = (stability * 1.5).round().max(1.0) as i32;
        }
    }
    out
}

fn log_reviews(history: &[(usize, Rating, i32)]) -> Vec<LogReview> {
    history
        .iter()
        .map(|&(card, rating, day)| LogReview {
            card: format!("c{card}"),
            rating,
            at: Timestamp::from_second(i64::from(day) * 86_400 + 43_200).unwrap(),
            day: StudyDay(day),
            duration_ms: Some(5000),
        })
        .collect()
}

#[test]
fn a_fit_on_a_small_synthetic_history_beats_the_defaults() {
    let reviews = log_reviews(&synthetic(120));
    let set = TrainingSet::from_reviews(&reviews);
    assert!(
        set.items.len() >= optimizer::MIN_ITEMS_FOR_FULL_FIT,
        "{}",
        set.items.len()
    );
    let progress = FitProgress::new();
    let fit = optimizer::fit(&set, 1, &progress).unwrap();
    assert_eq!(fit.parameters.len(), 21);
    assert_eq!(fit.reviews, set.items.len());
    assert_eq!(fit.reviews_needed, 0);
    assert!(
        fit.fitted.log_loss <= fit.default.log_loss,
        "fitted {:?} vs default {:?}",
        fit.fitted,
        fit.default
    );
    assert!(progress.snapshot().finished);
}

#[test]
fn a_fit_on_the_shared_review_log_beats_the_defaults() {
    let reviews = revlog::read_csv(&shared_log(), &TimeZone::UTC, 4).unwrap();
    assert_eq!(reviews.len(), 12_580);
    let set = TrainingSet::from_reviews(&reviews);
    let started = Instant::now();
    let fit = optimizer::fit(&set, 1, &FitProgress::new()).unwrap();
    // Measured, not asserted: timing goals belong in benchmarks.
    eprintln!(
        "fit on {} items took {:.2} s; log loss {:.4} → {:.4}, RMSE(bins) {:.4} → {:.4}",
        fit.reviews,
        started.elapsed().as_secs_f64(),
        fit.default.log_loss,
        fit.fitted.log_loss,
        fit.default.rmse_bins,
        fit.fitted.rmse_bins
    );
    assert!(fit.beats_default());
    assert!(fit.fitted.rmse_bins < fit.default.rmse_bins);
    assert_eq!(fit.cards, 1205);
}

#[test]
fn lower_desired_retention_means_less_work() {
    let config = WorkloadConfig::from_settings(&SchedulerSettings::default(), 200, 7);
    let w = optimizer::workload(
        &optimizer::DEFAULT_PARAMETERS,
        &WORKLOAD_RETENTIONS,
        &config,
    )
    .unwrap();
    assert_eq!(w.len(), 4);
    for pair in w.windows(2) {
        assert!(pair[0].reviews_per_day < pair[1].reviews_per_day, "{w:?}");
        assert!(pair[0].memorized < pair[1].memorized, "{w:?}");
    }
    // The same seed gives the same numbers.
    let again = optimizer::workload(
        &optimizer::DEFAULT_PARAMETERS,
        &WORKLOAD_RETENTIONS,
        &config,
    );
    assert_eq!(again.unwrap(), w);
}

fn kioku(dir: &Path, args: &[&str]) -> Output {
    crate::run::kioku(dir)
        .args(args)
        .env("KIOKU_NOW", "2024-10-01T12:00:00Z")
        .output()
        .expect("run kioku")
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn kioku_optimize_reports_parameters_and_metrics_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let log = shared_log();
    let v = json(&kioku(
        dir.path(),
        &["optimize", "--reviews", log.to_str().unwrap(), "--json"],
    ));
    assert_eq!(v["parameters"].as_array().unwrap().len(), 21);
    assert_eq!(v["history_reviews"], 12_580);
    assert!(v["reviews"].as_u64().unwrap() > 6000);
    let loss = |k: &str| v[k]["log_loss"].as_f64().unwrap();
    assert!(loss("fitted") < loss("default"));
    assert!(
        v["fitted"]["rmse_bins"].as_f64().unwrap() < v["default"]["rmse_bins"].as_f64().unwrap()
    );
    assert_eq!(v["better"], true);
    assert_eq!(v["workload"].as_array().unwrap().len(), 4);
    assert_eq!(
        v["workload"][2]["desired_retention"].as_f64().unwrap() as f32,
        0.9
    );
    // --apply only applies to the user's own history.
    let out = kioku(
        dir.path(),
        &["optimize", "--reviews", log.to_str().unwrap(), "--apply"],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be used with --reviews"));
}

#[test]
fn bad_csv_rows_are_reported_as_path_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("log.csv");
    std::fs::write(
        &csv,
        "card_id,review_rating,review_time\n1,3,2024-03-29T20:32:32Z\n1,0,2024-03-30T20:32:32Z\n",
    )
    .unwrap();
    let data = dir.path().join("data");
    for cmd in ["optimize", "memory"] {
        let out = kioku(&data, &[cmd, "--reviews", csv.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err.trim(),
            format!(
                "{}:3: error: review_rating \"0\" is not 1, 2, 3 or 4",
                csv.display()
            )
        );
    }
}

#[test]
fn kioku_memory_lists_every_card() {
    let dir = tempfile::tempdir().unwrap();
    let log = shared_log();
    let v = json(&kioku(
        dir.path(),
        &["memory", "--reviews", log.to_str().unwrap(), "--json"],
    ));
    let cards = v.as_array().unwrap();
    assert_eq!(cards.len(), 1205);
    for c in cards {
        for field in [
            "card_id",
            "stability",
            "difficulty",
            "retrievability",
            "due",
        ] {
            assert!(!c[field].is_null(), "{field} in {c}");
        }
        let r = c["retrievability"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&r), "{c}");
    }
}

/// Write `history` as this data directory's review log for the built-in
/// set's cards.
fn write_own_history(dir: &Path, history: &[(usize, Rating, i32)]) {
    let lib = kioku_core::library::Library::open(dir, TimeZone::UTC, || "dev".into()).unwrap();
    let set = &lib.sets()[0];
    let keys: Vec<_> = set.cards().map(|c| c.key(&set.id)).collect();
    let mut text = String::from("{\"kioku_reviews\":1,\"device\":\"other\"}\n");
    for (i, &(card, rating, day)) in history.iter().enumerate() {
        let key = &keys[card % keys.len()];
        let event = kioku_core::review::Event::Review(kioku_core::review::ReviewEvent {
            id: kioku_core::review::EventId(format!("{i:016x}")),
            set: key.set.clone(),
            question: key.question.clone(),
            card: key.variant_suffix(),
            rating,
            at: Timestamp::from_second(1_700_000_000 + i64::from(day) * 86_400 + i as i64).unwrap(),
            day: StudyDay(19_000 + day),
            duration_ms: 4000,
            mode: kioku_core::review::Mode::Study,
        });
        text.push_str(&serde_json::to_string(&event).unwrap());
        text.push('\n');
    }
    drop(lib);
    std::fs::write(dir.join("reviews/other.jsonl"), text).unwrap();
}

#[test]
fn apply_saves_fitted_parameters_only_when_there_is_enough_history() {
    let dir = tempfile::tempdir().unwrap();
    // One synthetic learner per built-in card.
    write_own_history(dir.path(), &synthetic(60));
    let v = json(&kioku(dir.path(), &["optimize", "--json", "--apply"]));
    assert_eq!(v["better"], true);
    let settings: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("settings.json")).unwrap()).unwrap();
    assert_eq!(settings["scheduler"]["parameters"], v["parameters"]);

    // No history: nothing to fit, and nothing saved.
    let empty = tempfile::tempdir().unwrap();
    let out = kioku(empty.path(), &["optimize", "--apply"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("at least 64 more are needed"), "{err}");
    assert!(!empty.path().join("settings.json").exists());
}
