//! Cramming: studying outside the schedule.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::bank::{CardKey, SetId};
use kioku_core::library::Library;
use kioku_core::review::{EventId, Mode};
use kioku_core::scheduler::{CardState, Rating};
use kioku_core::study::{CramFilter, StudySession, cram_cards};

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn set() -> SetId {
    SetId::new("japan-russia-covid19").unwrap()
}

#[test]
fn cramming_leaves_the_schedule_alone_and_repeats_forgotten_cards() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let now = t("2026-11-28T10:00:00Z");
    let cards = cram_cards(&lib, &set(), &CramFilter::Tag("outlook".into()), None, now);
    assert!(cards.len() >= 5);
    let n = cards.len();
    let first = cards[0].clone();
    let mut s = StudySession::start_cram(&lib, set(), cards, false, now).unwrap();
    assert_eq!(s.remaining.review, n);
    // Again on the first card sends it to the back; Good on the rest.
    s.submit(&lib, Some(true));
    s.rate(&mut lib, Rating::Again, now, EventId("c0".into()))
        .unwrap();
    assert_eq!(s.remaining.review, n);
    let mut shown_last = None;
    for i in 1..=n {
        shown_last = s.current.as_ref().map(|c| c.view.key.clone());
        s.submit(&lib, Some(true));
        s.rate(&mut lib, Rating::Good, now, EventId(format!("c{i}")))
            .unwrap();
    }
    assert_eq!(
        shown_last,
        Some(first.clone()),
        "the forgotten card came back last"
    );
    assert!(s.is_done());
    // Undo brings the last card back.
    assert!(s.undo(&mut lib, now, EventId("u".into())).unwrap());
    assert_eq!(s.current.as_ref().unwrap().view.key, first);
    // Nothing moved in the schedule.
    for k in cram_cards(&lib, &set(), &CramFilter::All, None, now) {
        assert_eq!(lib.progress().card(&k).state, CardState::New, "{k}");
    }
    let decks = lib.decks(lib.now(now));
    assert_eq!(decks[0].new, 20);
}

#[test]
fn filters_new_and_recently_wrong_and_shuffle_is_seeded() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let now = t("2026-11-28T10:00:00Z");
    let a = CardKey::parse("japan-russia-covid19/abe-return-year").unwrap();
    let b = CardKey::parse("japan-russia-covid19/abe-summit-goal").unwrap();
    lib.answer(
        &a,
        Rating::Again,
        lib.now(now),
        1,
        Mode::Study,
        EventId("1".into()),
    )
    .unwrap();
    lib.answer(
        &b,
        Rating::Good,
        lib.now(now),
        1,
        Mode::Study,
        EventId("2".into()),
    )
    .unwrap();
    let old = t("2026-11-01T10:00:00Z");
    let c = CardKey::parse("japan-russia-covid19/abe-summit-goal").unwrap();
    lib.answer(
        &c,
        Rating::Again,
        lib.now(old),
        1,
        Mode::Cram,
        EventId("3".into()),
    )
    .unwrap();
    assert_eq!(
        cram_cards(&lib, &set(), &CramFilter::RecentlyWrong, None, now),
        vec![a.clone()]
    );
    let new = cram_cards(&lib, &set(), &CramFilter::New, None, now);
    assert_eq!(new.len(), 80 - 2);
    assert!(!new.contains(&a) && !new.contains(&b));
    let all = cram_cards(&lib, &set(), &CramFilter::All, None, now);
    let s1 = cram_cards(&lib, &set(), &CramFilter::All, Some(9), now);
    let s2 = cram_cards(&lib, &set(), &CramFilter::All, Some(9), now);
    assert_eq!(s1, s2);
    assert_ne!(s1, all);
    let mut sorted = s1.clone();
    sorted.sort();
    let mut all_sorted = all.clone();
    all_sorted.sort();
    assert_eq!(sorted, all_sorted, "a shuffle, not a selection");
}

#[test]
fn a_session_new_card_limit_stops_new_cards_and_undo_gives_one_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let now = t("2026-11-28T10:00:00Z");
    let mut s = StudySession::start_limited(&lib, Some(set()), Some(2), now).unwrap();
    assert_eq!(s.remaining.new, 20, "the daily limit still shows");
    for i in 0..2 {
        s.reveal();
        s.rate(&mut lib, Rating::Easy, now, EventId(format!("e{i}")))
            .unwrap();
    }
    assert!(s.is_done(), "no third new card: {:?}", s.current);
    assert_eq!((s.new_seen, s.remaining.new), (2, 0));
    // Undo brings the last card back and frees its place.
    assert!(s.undo(&mut lib, now, EventId("u".into())).unwrap());
    assert_eq!(s.new_seen, 1);
    assert!(!s.is_done());
}

#[test]
fn reveal_shows_the_answer_without_a_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let mut s = StudySession::start(&lib, Some(set()), t("2026-11-28T10:00:00Z")).unwrap();
    s.reveal();
    let c = s.current.as_ref().unwrap();
    assert_eq!(
        c.phase,
        kioku_core::study::Phase::Answered {
            verdict: kioku_core::grader::Verdict::SelfGraded
        }
    );
    assert_eq!(s.suggested_rating(), Rating::Good);
}
