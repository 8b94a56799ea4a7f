//! Anki review history: `tests/fixtures/import/history.apkg` was studied
//! for six weeks through Anki's own scheduler with FSRS on (see
//! make_history.py). Its review log becomes a log of its own, and
//! replaying it gives the memory states Anki stores.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::tz::TimeZone;
use kioku_core::bank::{CardKey, CardVariant, QuestionBody, QuestionSet};
use kioku_core::library::Library;
use kioku_core::review::{Event, Mode};
use kioku_core::store::log::read_log;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/import")
        .join(name)
}

fn expected() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(fixture("history.expected.json")).unwrap())
        .unwrap()
}

/// The kioku card of the Anki card whose note's first field is `first`
/// and whose ordinal is `ord`.
fn key_of(set: &QuestionSet, first: &str, ord: u64) -> Option<CardKey> {
    let q = set.questions.iter().find(|q| match &q.body {
        QuestionBody::Flashcard { prompt, .. } => prompt == first,
        QuestionBody::Cloze { .. } => first.contains("{{c1::"),
        _ => false,
    })?;
    let variant = match (&q.body, ord) {
        (QuestionBody::Cloze { .. }, n) => CardVariant::Cloze(n as u16 + 1),
        (_, 0) => CardVariant::Forward,
        (_, _) => CardVariant::Reverse,
    };
    Some(CardKey {
        set: set.id.clone(),
        question: q.id.clone(),
        variant,
    })
}

#[test]
fn anki_history_becomes_a_log_of_its_own_and_every_skipped_row_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let imported = lib
        .import_file(&fixture("history.apkg"), None, None, false)
        .unwrap();
    let history = imported.history.as_ref().expect("the package has reviews");
    let exp = expected();
    let rows = exp["revlog"].as_array().unwrap();
    assert_eq!(history.rows, rows.len());
    // Every row is either imported or named.
    assert_eq!(
        history.reviews.len() + history.skipped.len(),
        rows.len(),
        "{:#?}",
        history.skipped
    );
    let reasons = |needle: &str| {
        history
            .skipped
            .iter()
            .filter(|s| s.reason().contains(needle))
            .count()
    };
    // The one-field note was not imported: each of its reviews is named.
    let lonely = exp["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["note_first_field"] == "lonely")
        .unwrap()["card_id"]
        .clone();
    let lonely_rows = rows.iter().filter(|r| r["card_id"] == lonely).count();
    assert!(lonely_rows > 0);
    assert_eq!(reasons("its note was not imported"), lonely_rows);
    assert_eq!(reasons("Set due date"), 1);
    assert_eq!(reasons("a reset (\"Forget\")"), 1);
    assert!(reasons("before the card was reset") > 0);
    assert!(
        history
            .skipped
            .iter()
            .all(|s| s.item.to_string().starts_with("review ")),
        "{:#?}",
        history.skipped
    );
    // The log is a device's of its own, beside (not in) this device's.
    let path = dir
        .path()
        .join(format!("reviews/anki-{}.jsonl", imported.set.id));
    let log = read_log(&path).unwrap();
    assert_eq!(log.device.as_deref(), Some("anki-history"));
    assert_eq!(log.events.len(), history.reviews.len());
    assert!(log.warnings.is_empty(), "{:?}", log.warnings);
    let own = read_log(&dir.path().join("reviews/dev.jsonl")).unwrap();
    assert!(own.events.is_empty());
    // Durations in milliseconds, as Anki records them.
    let durations: Vec<u64> = log
        .events
        .iter()
        .map(|e| match e {
            Event::Review(r) => r.duration_ms,
            Event::Undo(_) => 0,
        })
        .collect();
    assert!(
        durations.iter().all(|&d| (3000..=13_000).contains(&d)),
        "{durations:?}"
    );
    assert!(
        log.events
            .iter()
            .all(|e| matches!(e, Event::Review(r) if r.mode == Mode::Study))
    );
    // Importing again is refused; with replace, the same event ids.
    assert!(
        lib.import_file(&fixture("history.apkg"), None, None, false)
            .is_err()
    );
    let ids = |events: &[Event]| events.iter().map(|e| e.id().clone()).collect::<Vec<_>>();
    let first = ids(&log.events);
    lib.import_file(&fixture("history.apkg"), None, None, true)
        .unwrap();
    assert_eq!(ids(&read_log(&path).unwrap().events), first);
}

/// The closing comparison: kioku replays the imported answers through its
/// own FSRS-6 scheduler (default parameters, as the fixture's Anki preset
/// has) and gets the stability and difficulty Anki stores, within 1%.
#[test]
fn replayed_memory_states_match_what_anki_stores() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let imported = lib
        .import_file(&fixture("history.apkg"), None, None, false)
        .unwrap();
    let set = lib.set(&imported.set.id).unwrap().clone();
    let check = |lib: &Library, what: &str| {
        let mut compared = 0;
        let mut worst: BTreeMap<&str, f32> = BTreeMap::new();
        for card in expected()["cards"].as_array().unwrap() {
            let first = card["note_first_field"].as_str().unwrap();
            let Some(key) = key_of(&set, first, card["ord"].as_u64().unwrap()) else {
                assert_eq!(first, "lonely", "only the one-field note is not imported");
                continue;
            };
            let state = lib.progress().card(&key).state;
            match card["stored"].as_object() {
                None => assert!(state.memory().is_none(), "{key}: new in Anki"),
                Some(stored) => {
                    let memory = state.memory().unwrap_or_else(|| panic!("{key}: no memory"));
                    let s = stored["stability"].as_f64().unwrap() as f32;
                    let d = stored["difficulty"].as_f64().unwrap() as f32;
                    let ds = (memory.stability - s).abs() / s;
                    let dd = (memory.difficulty - d).abs() / d;
                    eprintln!(
                        "{what} {key}: stability kioku {:.4} Anki {s:.4} ({:.3}%), difficulty kioku {:.4} Anki {d:.4} ({:.3}%)",
                        memory.stability,
                        ds * 100.0,
                        memory.difficulty,
                        dd * 100.0
                    );
                    assert!(ds < 0.01, "{key}: stability {} vs {s}", memory.stability);
                    assert!(dd < 0.01, "{key}: difficulty {} vs {d}", memory.difficulty);
                    let w = worst.entry("stability").or_default();
                    *w = w.max(ds);
                    let w = worst.entry("difficulty").or_default();
                    *w = w.max(dd);
                    compared += 1;
                }
            }
        }
        eprintln!("{what}: {compared} cards, worst relative differences {worst:?}");
        assert_eq!(compared, 7);
    };
    check(&lib, "after import");
    // The same after opening the data directory again (a replay from the
    // logs on disk, merged as another device's).
    drop(lib);
    let lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    check(&lib, "reopened");
}
