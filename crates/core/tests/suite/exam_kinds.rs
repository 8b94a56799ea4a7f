//! Self-test results: retries kept apart from full tests, time-outs
//! recorded, and unanswered questions not counted as got wrong.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::bank::SetId;
use kioku_core::exam::{Exam, ExamAnswer, ExamConfig, ExamKind, ExamResult, ExamSession};
use kioku_core::library::Library;
use kioku_core::study::{CramFilter, cram_cards};

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn set() -> SetId {
    SetId::new("japan-russia-covid19").unwrap()
}

fn session(lib: &Library, config: ExamConfig, now: Timestamp) -> ExamSession {
    ExamSession::new(Exam::new(lib.set(&set()).unwrap(), config, now).unwrap())
}

#[test]
fn old_results_read_as_full_tests_that_did_not_time_out() {
    let old = r#"{"set":"japan-russia-covid19","seed":1,"started_at":"2026-11-28T10:00:00Z",
        "duration_s":60,"points":0,"total":1,"score_percent":0.0,
        "questions":[{"key":"japan-russia-covid19/abe-return-year","type":"typed",
        "prompt":"p","given":null,"correct_answer":"2012","right":false}]}"#;
    let r: ExamResult = serde_json::from_str(old).unwrap();
    assert_eq!(r.kind, ExamKind::Full);
    assert!(!r.timed_out);
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["kind"], "full");
    assert_eq!(v["timed_out"], false);
}

#[test]
fn a_test_that_runs_out_of_time_says_so_and_unanswered_are_not_got_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let start = t("2026-11-28T10:00:00Z");
    let mut config = ExamConfig::new(set(), 7);
    config.count = Some(4);
    config.time_limit = Some(10);
    // Finished in time.
    let mut early = session(&lib, config.clone(), start);
    early.finish(t("2026-11-28T10:05:00Z"));
    let early = early.result.unwrap();
    assert!(!early.timed_out);
    assert_eq!(early.kind, ExamKind::Full);
    // Out of time after answering two: one wrong, one right.
    let mut s = session(&lib, config.clone(), start);
    let wrong = s.current().unwrap().key.clone();
    s.submit(ExamAnswer::SelfMarked(false), t("2026-11-28T10:01:00Z"));
    let right = s.current().unwrap().key.clone();
    s.submit(ExamAnswer::SelfMarked(true), t("2026-11-28T10:02:00Z"));
    let deadline = t("2026-11-28T10:10:00Z");
    assert!(s.out_of_time(deadline));
    s.finish(deadline);
    let r = s.result.clone().unwrap();
    assert!(r.timed_out);
    assert_eq!((r.points, r.total), (1, 4));
    // Retry mistakes still offers everything not got right.
    assert_eq!(r.mistakes().len(), 3);
    assert_eq!(r.answered_wrong(), vec![wrong.clone()]);
    lib.record_exam(r).unwrap();
    let later = t("2026-11-28T12:00:00Z");
    let wrong_set = lib.recently_wrong(start);
    assert!(wrong_set.contains(&wrong));
    assert!(!wrong_set.contains(&right));
    assert_eq!(wrong_set.len(), 1, "{wrong_set:?}");
    let cram = cram_cards(&lib, &set(), &CramFilter::RecentlyWrong, None, later);
    assert_eq!(cram, vec![wrong]);
}

#[test]
fn retries_are_marked_and_kept_apart_in_the_trend() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let start = t("2026-11-28T10:00:00Z");
    let mut config = ExamConfig::new(set(), 7);
    config.count = Some(4);
    let mut full = session(&lib, config.clone(), start);
    full.finish(t("2026-11-28T10:05:00Z"));
    let full = full.result.unwrap();
    assert_eq!(full.kind, ExamKind::Full);
    let mut retry_config = config.clone();
    retry_config.only = full.mistakes();
    retry_config.count = None;
    retry_config.seed = 8;
    let mut retry = session(&lib, retry_config, t("2026-11-28T11:00:00Z"));
    for _ in 0..4 {
        retry.submit(ExamAnswer::SelfMarked(true), t("2026-11-28T11:01:00Z"));
    }
    let retry = retry.result.unwrap();
    assert_eq!(retry.kind, ExamKind::Retry);
    assert_eq!(retry.score_percent, 100.0);
    lib.record_exam(full).unwrap();
    lib.record_exam(retry).unwrap();
    let stats =
        kioku_core::stats::for_library(&lib, None, lib.now(t("2026-11-28T12:00:00Z"))).unwrap();
    assert_eq!(stats.self_test_trend.len(), 1);
    assert_eq!(stats.self_test_trend[0].score, 0.0);
    assert_eq!(stats.self_test_retries.len(), 1);
    assert_eq!(stats.self_test_retries[0].score, 1.0);
    // Reopened from disk, the kind is kept.
    drop(lib);
    let lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let kinds: Vec<ExamKind> = lib.exams().iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [ExamKind::Full, ExamKind::Retry]);
}
