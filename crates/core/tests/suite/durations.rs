//! Times measured between two timestamps are whole spans, not just one
//! component of them (jiff's `Span::get_milliseconds` is the millisecond
//! *component*, 500 for 12.5 s).

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::bank::SetId;
use kioku_core::exam::{Exam, ExamConfig};
use kioku_core::library::Library;
use kioku_core::review::{Event, EventId};
use kioku_core::scheduler::Rating;
use kioku_core::study::StudySession;

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

#[test]
fn an_answer_logs_the_whole_time_the_card_was_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let shown = t("2026-11-28T10:00:00Z");
    let mut s = StudySession::start(&lib, None, shown).unwrap();
    assert_eq!(s.current.as_ref().unwrap().shown_at, shown);
    s.submit(&lib, Some(true));
    let answered = t("2026-11-28T10:00:12.5Z");
    s.rate(&mut lib, Rating::Good, answered, EventId("e1".into()))
        .unwrap();
    let logged: Vec<u64> = lib
        .events()
        .iter()
        .filter_map(|e| match e {
            Event::Review(r) => Some(r.duration_ms),
            Event::Undo(_) => None,
        })
        .collect();
    assert_eq!(logged, vec![12_500]);
}

#[test]
fn an_answer_after_minutes_logs_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    // Allow answers of up to ten minutes (the default records at most one).
    let mut settings = lib.settings().clone();
    settings.max_answer_secs = 600;
    lib.save_settings(settings).unwrap();
    let shown = t("2026-11-28T10:00:00Z");
    let mut s = StudySession::start(&lib, None, shown).unwrap();
    s.submit(&lib, Some(true));
    s.rate(
        &mut lib,
        Rating::Good,
        t("2026-11-28T10:03:01.25Z"),
        EventId("e1".into()),
    )
    .unwrap();
    let Some(Event::Review(r)) = lib.events().last() else {
        panic!("no review logged")
    };
    assert_eq!(r.duration_ms, 181_250);
}

#[test]
fn the_session_summary_counts_every_second() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let start = t("2026-11-28T10:00:00Z");
    let s = StudySession::start(&lib, None, start).unwrap();
    let summary = s.summary(&lib, t("2026-11-28T11:02:03.9Z"));
    assert_eq!(summary.seconds, 3723);
}

#[test]
fn an_exam_result_counts_every_second() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let id = SetId::new("japan-russia-covid19").unwrap();
    let mut config = ExamConfig::new(id.clone(), 7);
    config.count = Some(2);
    let start = t("2026-11-28T10:00:00Z");
    let exam = Exam::new(lib.set(&id).unwrap(), config, start).unwrap();
    let result = exam.finish(t("2026-11-28T11:02:03.9Z"));
    assert_eq!(result.duration_s, 3723);
}

#[test]
fn a_study_day_counts_every_day_since_1970() {
    use jiff::civil::Date;
    use kioku_core::scheduler::StudyDay;
    // `Date - Date` is a span in days (not years, months and days).
    assert_eq!(StudyDay::from_date(Date::constant(1971, 2, 5)).0, 400);
    assert_eq!(StudyDay::from_date(Date::constant(2026, 11, 28)).0, 20_785);
    assert_eq!(
        StudyDay::from_date(Date::constant(2026, 11, 28)).date(),
        Date::constant(2026, 11, 28)
    );
}

/// Found by using the app: a card left on screen for 26 minutes while the
/// student was away was logged as 1,553 s, and statistics said "1553.6 s
/// per answer". As in Anki, an answer counts at most the settings' maximum
/// answer seconds (60 by default).
#[test]
fn an_answer_left_on_screen_counts_at_most_the_maximum_answer_time() {
    let logged = |max: Option<u32>| {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
        if let Some(max) = max {
            let mut settings = lib.settings().clone();
            settings.max_answer_secs = max;
            lib.save_settings(settings).unwrap();
        }
        let mut s = StudySession::start(&lib, None, t("2026-11-28T10:00:00Z")).unwrap();
        s.submit(&lib, Some(true));
        s.rate(
            &mut lib,
            Rating::Good,
            t("2026-11-28T10:26:00Z"),
            EventId("e1".into()),
        )
        .unwrap();
        let Some(Event::Review(r)) = lib.events().last() else {
            panic!("no review logged")
        };
        r.duration_ms
    };
    assert_eq!(logged(None), 60_000);
    assert_eq!(logged(Some(120)), 120_000);
}
