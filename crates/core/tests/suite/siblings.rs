//! Siblings (cards of the same question) and questions sharing a source
//! sentence must not give each other's answers away.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::bank::{CardKey, SetId, parse_set};
use kioku_core::library::{Library, Queue};
use kioku_core::review::{EventId, Mode};
use kioku_core::scheduler::Rating;

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn key(s: &str) -> CardKey {
    CardKey::parse(&format!("sib/{s}")).unwrap()
}

const SET: &str = r#"{
  "kioku": 1,
  "id": "sib",
  "title": "Siblings",
  "language": "en",
  "questions": [
    {"id": "cl", "type": "cloze",
     "text": "Abe wanted a summit with {{Putin}} about a {{peace treaty}}.",
     "source": "He wanted another summit with Putin on a peace treaty."},
    {"id": "year", "type": "typed",
     "prompt": "In which year did the pandemic start?", "answers": ["2020"],
     "source": "The pandemic began in 2020. Travel stopped."},
    {"id": "year-tf", "type": "true_false",
     "prompt": "The pandemic began in 2020.", "answer": true,
     "source": "The pandemic began in 2020."},
    {"id": "rev", "type": "flashcard", "reversible": true,
     "prompt": "Capital of Russia", "answer": "Moscow"},
    {"id": "other", "type": "flashcard",
     "prompt": "Capital of Japan", "answer": "Tokyo",
     "source": "Tokyo is the capital."}
  ]
}"#;

fn library(dir: &std::path::Path) -> Library {
    let mut lib = Library::open(dir, TimeZone::UTC, || "dev".into()).unwrap();
    lib.save_set(parse_set(SET).unwrap()).unwrap();
    lib
}

fn sib() -> SetId {
    SetId::new("sib").unwrap()
}

fn answer(lib: &mut Library, k: &CardKey, rating: Rating, at: Timestamp, id: &str) {
    let now = lib.now(at);
    lib.answer(k, rating, now, 1000, Mode::Study, EventId(id.into()))
        .unwrap();
}

fn count(keys: &[CardKey], question: &str) -> usize {
    keys.iter()
        .filter(|k| k.question.as_str() == question)
        .count()
}

#[test]
fn only_one_card_of_a_question_is_queued_as_new() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    let q = lib.queue(Some(&sib()), lib.now(t("2026-11-28T10:00:00Z")));
    assert_eq!(
        (count(&q.new, "cl"), count(&q.new, "rev")),
        (1, 1),
        "{:?}",
        q.new
    );
    assert_eq!(q.new.len(), 5);
}

#[test]
fn answering_a_card_buries_its_new_siblings_until_the_next_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    let at = t("2026-11-28T10:00:00Z");
    answer(&mut lib, &key("cl#c1"), Rating::Good, at, "e1");
    let q = lib.queue(Some(&sib()), lib.now(at));
    assert!(!q.new.contains(&key("cl#c2")), "{:?}", q.new);
    // Still buried late in the day.
    let late = t("2026-11-28T23:00:00Z");
    let q = lib.queue(Some(&sib()), lib.now(late));
    assert!(!q.new.contains(&key("cl#c2")), "{:?}", q.new);
    // The next study day (rollover at 04:00) it comes back.
    let q = lib.queue(Some(&sib()), lib.now(t("2026-11-29T10:00:00Z")));
    assert!(q.new.contains(&key("cl#c2")), "{:?}", q.new);
    // Undoing the answer unburies the question.
    lib.undo(at, EventId("u1".into())).unwrap();
    let q = lib.queue(Some(&sib()), lib.now(at));
    assert_eq!(count(&q.new, "cl"), 1, "{:?}", q.new);
}

#[test]
fn answering_a_review_card_buries_its_review_sibling() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    answer(
        &mut lib,
        &key("rev"),
        Rating::Easy,
        t("2026-11-28T10:00:00Z"),
        "e1",
    );
    answer(
        &mut lib,
        &key("rev#reverse"),
        Rating::Easy,
        t("2026-11-29T10:00:00Z"),
        "e2",
    );
    // A year later both are due; only one is queued.
    let at = t("2027-12-01T10:00:00Z");
    let q = lib.queue(Some(&sib()), lib.now(at));
    assert_eq!(count(&q.review, "rev"), 1, "{:?}", q.review);
    let first = q
        .review
        .iter()
        .find(|k| k.question.as_str() == "rev")
        .unwrap()
        .clone();
    answer(&mut lib, &first, Rating::Good, at, "e3");
    let q = lib.queue(Some(&sib()), lib.now(at));
    assert_eq!(count(&q.review, "rev"), 0, "{:?}", q.review);
    // The next day the sibling is due again.
    let q = lib.queue(Some(&sib()), lib.now(t("2027-12-02T10:00:00Z")));
    assert!(
        q.review
            .iter()
            .any(|k| k.question.as_str() == "rev" && *k != first),
        "{:?}",
        q.review
    );
}

#[test]
fn new_cards_sharing_a_source_sentence_are_not_adjacent() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    let at = t("2026-11-28T10:00:00Z");
    let q = lib.queue(Some(&sib()), lib.now(at));
    let pos = |q: &Queue, id: &str| q.new.iter().position(|k| k.question.as_str() == id);
    let (y, tf) = (pos(&q, "year").unwrap(), pos(&q, "year-tf").unwrap());
    assert!(y.abs_diff(tf) > 1, "{:?}", q.new);
    // Once the year question is answered, its true/false twin waits
    // until the other new cards are done.
    answer(&mut lib, &key("year"), Rating::Good, at, "e1");
    let q = lib.queue(Some(&sib()), lib.now(at));
    assert_eq!(q.new.last(), Some(&key("year-tf")), "{:?}", q.new);
    assert_eq!(q.new.len(), 4, "{:?}", q.new);
}

/// The deck list's mastered share: review cards with a stability of at
/// least 21 days, out of all the set's cards (counted in the same pass as
/// today's counts).
#[test]
fn the_deck_list_counts_review_cards_of_21_days_or_more_as_mastered() {
    use kioku_core::library::MASTERED_STABILITY;
    use kioku_core::scheduler::CardState;
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    let mastered = |lib: &Library, at: Timestamp| {
        let decks = lib.decks(lib.now(at));
        decks.iter().find(|d| d.id == sib()).unwrap().mastered
    };
    let start = t("2026-11-28T10:00:00Z");
    assert_eq!(mastered(&lib, start), 0.0);
    // Answer one card Easy each time it is due until its stability
    // reaches 21 days.
    let k = key("other");
    let mut at = start;
    for i in 0..10 {
        answer(&mut lib, &k, Rating::Easy, at, &format!("e{i}"));
        match lib.progress().card(&k).state {
            CardState::Review(r) if r.memory.stability >= MASTERED_STABILITY => break,
            CardState::Review(r) => {
                at = r
                    .due
                    .date()
                    .at(12, 0, 0, 0)
                    .in_tz("UTC")
                    .unwrap()
                    .timestamp()
            }
            s => panic!("not in review: {s:?}"),
        }
        assert!(i < 9, "stability never reached 21 days");
    }
    // Seven cards: the cloze's two, the reversible flashcard's two, three
    // others; one of them mastered, whether due or not.
    assert_eq!(mastered(&lib, at), 1.0 / 7.0);
    let later = at
        .checked_add(jiff::SignedDuration::from_hours(24 * 400))
        .unwrap();
    assert_eq!(mastered(&lib, later), 1.0 / 7.0);
}
