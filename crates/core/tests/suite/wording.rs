//! The core leaves wording to the front ends: what a study session
//! announces and what a self-test answer was come back as data.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::bank::{CardKey, QuestionKind};
use kioku_core::exam::{Given, QuestionResult};
use kioku_core::library::Library;
use kioku_core::review::EventId;
use kioku_core::study::{Announcement, StudySession};

#[test]
fn a_study_session_announces_data_not_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let now: Timestamp = "2026-11-28T10:00:00Z".parse().unwrap();
    let mut s = StudySession::start(&lib, None, now).unwrap();
    assert!(
        matches!(&s.announcement, Some(Announcement::NextCard { prompt }) if !prompt.is_empty()),
        "{:?}",
        s.announcement
    );
    s.reveal();
    assert!(
        matches!(&s.announcement, Some(Announcement::Answer { .. })),
        "{:?}",
        s.announcement
    );
    s.undo(&mut lib, now, EventId("u1".into())).unwrap();
    assert_eq!(s.announcement, Some(Announcement::NothingToUndo));
}

fn result(kind: QuestionKind, given: Option<&str>) -> QuestionResult {
    QuestionResult {
        key: CardKey::parse("s/q").unwrap(),
        kind,
        prompt: "p".into(),
        given: given.map(str::to_owned),
        correct_answer: "a".into(),
        right: false,
        explanation: None,
        source: None,
    }
}

#[test]
fn a_self_test_answer_reads_back_as_data_by_question_type() {
    use QuestionKind::*;
    assert_eq!(
        result(Flashcard, Some("knew it")).given_answer(),
        Some(Given::KnewIt(true))
    );
    assert_eq!(
        result(Flashcard, Some("did not know it")).given_answer(),
        Some(Given::KnewIt(false))
    );
    assert_eq!(
        result(Flashcard, Some("revealed")).given_answer(),
        Some(Given::Revealed)
    );
    assert_eq!(
        result(TrueFalse, Some("True")).given_answer(),
        Some(Given::TrueFalse(true))
    );
    assert_eq!(
        result(TrueFalse, Some("False")).given_answer(),
        Some(Given::TrueFalse(false))
    );
    // Typed text that happens to be one of those words stays text.
    assert_eq!(
        result(Typed, Some("knew it")).given_answer(),
        Some(Given::Text("knew it"))
    );
    assert_eq!(
        result(Typed, Some("True")).given_answer(),
        Some(Given::Text("True"))
    );
    assert_eq!(
        result(TrueFalse, Some("x")).given_answer(),
        Some(Given::Text("x"))
    );
    assert_eq!(result(Typed, None).given_answer(), None);
}
