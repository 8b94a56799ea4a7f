//! The progress store on disk: durability, corruption, versions, merging
//! devices, one writer at a time.

use std::fs;
use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::bank::CardKey;
use kioku_core::library::Library;
use kioku_core::library::LibraryError as Error;
use kioku_core::review::{Event, EventId, Mode};
use kioku_core::scheduler::{CardState, Rating};
use kioku_core::store::{LineProblem, StoreError, WarningKind};

const KEY: &str = "japan-russia-covid19/abe-cancelled-moscow-visit";

fn open(dir: &Path, device: &str) -> Result<Library, Error> {
    let device = device.to_owned();
    Library::open(dir, TimeZone::UTC, move || device)
}

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// Answer `key` with `rating` at `at`, with a fixed event id.
fn answer(lib: &mut Library, key: &str, rating: Rating, at: &str, id: &str) {
    let key = CardKey::parse(key).unwrap();
    let now = lib.now(t(at));
    lib.answer(&key, rating, now, 1000, Mode::Study, EventId(id.into()))
        .unwrap();
}

fn log_file(dir: &Path) -> std::path::PathBuf {
    let mut logs: Vec<_> = fs::read_dir(dir.join("reviews"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(logs.len(), 1, "{logs:?}");
    logs.pop().unwrap()
}

#[test]
fn answers_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut lib = open(dir.path(), "dev-a").unwrap();
        answer(&mut lib, KEY, Rating::Good, "2026-11-28T10:00:00Z", "e1");
        answer(&mut lib, KEY, Rating::Good, "2026-11-28T10:10:00Z", "e2");
        assert!(matches!(
            lib.progress().card(&CardKey::parse(KEY).unwrap()).state,
            CardState::Review(_)
        ));
    }
    let lib = open(dir.path(), "ignored").unwrap();
    let p = lib.progress().card(&CardKey::parse(KEY).unwrap());
    assert_eq!(p.reviews, 2);
    assert!(matches!(p.state, CardState::Review(_)));
    assert_eq!(
        lib.store().device(),
        "dev-a",
        "the device id is created once"
    );
    assert!(lib.warnings().is_empty(), "{:?}", lib.warnings());
}

#[test]
fn a_second_instance_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let _first = open(dir.path(), "dev-a").unwrap();
    match open(dir.path(), "dev-a") {
        Err(Error::Store(StoreError::Locked { .. })) => {}
        other => panic!("expected Locked, got {other:?}"),
    }
}

#[test]
fn a_torn_last_line_is_reported_once_skipped_and_never_acknowledged_data_lost() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut lib = open(dir.path(), "dev-a").unwrap();
        answer(&mut lib, KEY, Rating::Good, "2026-11-28T10:00:00Z", "e1");
    }
    let log = log_file(dir.path());
    let mut bytes = fs::read(&log).unwrap();
    let before = bytes.clone();
    bytes.extend_from_slice(br#"{"type":"review","id":"e2","set":"japan-russia-co"#);
    fs::write(&log, &bytes).unwrap();
    {
        let mut lib = open(dir.path(), "dev-a").unwrap();
        assert_eq!(lib.warnings().len(), 1, "{:?}", lib.warnings());
        assert!(matches!(
            lib.warnings()[0].kind,
            WarningKind::Line(LineProblem::Torn)
        ));
        assert_eq!(lib.warnings()[0].line, Some(3));
        assert_eq!(
            lib.progress().card(&CardKey::parse(KEY).unwrap()).reviews,
            1
        );
        // The torn tail was never acknowledged: it is cut before appending,
        // so the next answer gets a line of its own.
        assert_eq!(fs::read(&log).unwrap(), before);
        answer(&mut lib, KEY, Rating::Good, "2026-11-28T10:10:00Z", "e3");
    }
    let lib = open(dir.path(), "dev-a").unwrap();
    assert!(
        lib.warnings().is_empty(),
        "reported once: {:?}",
        lib.warnings()
    );
    assert_eq!(
        lib.progress().card(&CardKey::parse(KEY).unwrap()).reviews,
        2
    );
}

#[test]
fn a_garbage_line_in_the_middle_is_reported_and_the_rest_loads_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut lib = open(dir.path(), "dev-a").unwrap();
        answer(&mut lib, KEY, Rating::Good, "2026-11-28T10:00:00Z", "e1");
    }
    let log = log_file(dir.path());
    let mut text = fs::read(&log).unwrap();
    text.extend_from_slice(b"garbage \xff\x00 line\n");
    text.extend_from_slice(
        br#"{"type":"review","id":"e2","set":"japan-russia-covid19","question":"abe-cancelled-moscow-visit","rating":"good","at":"2026-11-28T10:10:00Z","day":20785,"duration_ms":1,"mode":"study"}"#,
    );
    text.push(b'\n');
    fs::write(&log, &text).unwrap();
    let lib = open(dir.path(), "dev-a").unwrap();
    assert_eq!(lib.warnings().len(), 1);
    assert_eq!(lib.warnings()[0].line, Some(3));
    assert!(
        lib.warnings()[0]
            .to_string()
            .starts_with(&format!("{}:3: ", log.display()))
    );
    assert_eq!(
        lib.progress().card(&CardKey::parse(KEY).unwrap()).reviews,
        2
    );
    drop(lib);
    assert_eq!(
        fs::read(&log).unwrap(),
        text,
        "loading never rewrites the log"
    );
}

#[test]
fn a_newer_log_version_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path(), "dev-a").unwrap());
    let log = log_file(dir.path());
    let newer = "{\"kioku_reviews\":2,\"device\":\"dev-a\"}\n{\"type\":\"hologram\"}\n";
    fs::write(&log, newer).unwrap();
    match open(dir.path(), "dev-a") {
        Err(Error::Store(StoreError::NewerVersion {
            found: 2,
            supported: 1,
            ..
        })) => {}
        other => panic!("expected NewerVersion, got {other:?}"),
    }
    assert_eq!(fs::read_to_string(&log).unwrap(), newer);
    let msg = open(dir.path(), "dev-a").unwrap_err().to_string();
    assert!(
        msg.contains("newer kioku") && msg.contains(&log.display().to_string()),
        "{msg}"
    );
}

#[test]
fn another_devices_newer_log_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path(), "dev-a").unwrap());
    let other = dir.path().join("reviews/dev-b.jsonl");
    fs::write(&other, "{\"kioku_reviews\":9,\"device\":\"dev-b\"}\n").unwrap();
    let lib = open(dir.path(), "dev-a").unwrap();
    assert_eq!(lib.warnings().len(), 1);
    assert!(matches!(
        &lib.warnings()[0].kind,
        WarningKind::LogSkipped(e) if matches!(**e, StoreError::NewerVersion { found: 9, .. })
    ));
}

#[test]
fn two_devices_logs_merge_by_union() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    {
        let mut lib = open(a.path(), "dev-a").unwrap();
        answer(&mut lib, KEY, Rating::Good, "2026-11-28T10:00:00Z", "a1");
        answer(&mut lib, KEY, Rating::Good, "2026-11-28T10:10:00Z", "a2");
    }
    {
        let mut lib = open(b.path(), "dev-b").unwrap();
        answer(
            &mut lib,
            "japan-russia-covid19/abe-summit-goal",
            Rating::Again,
            "2026-11-28T11:00:00Z",
            "b1",
        );
        answer(&mut lib, KEY, Rating::Good, "2026-12-01T10:00:00Z", "b2");
    }
    // What a file-sync tool does: each device's log lands beside the other's.
    let b_log = log_file(b.path());
    fs::copy(
        &b_log,
        a.path().join("reviews").join(b_log.file_name().unwrap()),
    )
    .unwrap();
    let lib = open(a.path(), "dev-a").unwrap();
    assert!(lib.warnings().is_empty(), "{:?}", lib.warnings());
    let reviews = lib
        .events()
        .iter()
        .filter(|e| matches!(e, Event::Review(_)))
        .count();
    assert_eq!(reviews, 4);
    let p = lib.progress().card(&CardKey::parse(KEY).unwrap());
    assert_eq!(p.reviews, 3, "a1, a2 then b2 in time order");
    assert_eq!(p.last_at, Some(t("2026-12-01T10:00:00Z")));
    assert_eq!(
        lib.progress()
            .card(&CardKey::parse("japan-russia-covid19/abe-summit-goal").unwrap())
            .reviews,
        1
    );
}

#[test]
fn undo_takes_back_answers_in_order_and_is_logged() {
    let dir = tempfile::tempdir().unwrap();
    let key = CardKey::parse(KEY).unwrap();
    {
        let mut lib = open(dir.path(), "dev-a").unwrap();
        answer(&mut lib, KEY, Rating::Good, "2026-11-28T10:00:00Z", "e1");
        answer(&mut lib, KEY, Rating::Again, "2026-11-28T10:10:00Z", "e2");
        assert_eq!(
            lib.undo(t("2026-11-28T10:11:00Z"), EventId("u1".into()))
                .unwrap(),
            Some(key.clone())
        );
        let p = lib.progress().card(&key);
        assert_eq!(p.reviews, 1);
        assert!(matches!(p.state, CardState::Learning(l) if l.step == 1));
        assert_eq!(
            lib.undo(t("2026-11-28T10:12:00Z"), EventId("u2".into()))
                .unwrap(),
            Some(key.clone())
        );
        assert_eq!(lib.progress().card(&key).state, CardState::New);
        assert_eq!(
            lib.undo(t("2026-11-28T10:13:00Z"), EventId("u3".into()))
                .unwrap(),
            None
        );
    }
    // After reopening, the undone answers stay undone.
    let lib = open(dir.path(), "dev-a").unwrap();
    assert_eq!(lib.progress().card(&key).state, CardState::New);
    let now = lib.now(t("2026-11-28T10:14:00Z"));
    assert_eq!(lib.decks(now)[0].new, 20);
}

#[test]
fn undo_in_a_new_process_takes_back_the_latest_logged_answer() {
    let dir = tempfile::tempdir().unwrap();
    let key = CardKey::parse(KEY).unwrap();
    {
        let mut lib = open(dir.path(), "dev-a").unwrap();
        answer(&mut lib, KEY, Rating::Good, "2026-11-28T10:00:00Z", "e1");
        answer(&mut lib, KEY, Rating::Good, "2026-11-28T10:10:00Z", "e2");
    }
    let mut lib = open(dir.path(), "dev-a").unwrap();
    assert_eq!(
        lib.undo(t("2026-11-28T10:20:00Z"), EventId("u1".into()))
            .unwrap(),
        Some(key.clone())
    );
    assert_eq!(lib.progress().card(&key).reviews, 1);
}

#[test]
fn the_clock_going_backwards_does_not_break_anything() {
    let dir = tempfile::tempdir().unwrap();
    let key = CardKey::parse(KEY).unwrap();
    let mut lib = open(dir.path(), "dev-a").unwrap();
    answer(&mut lib, KEY, Rating::Good, "2026-11-28T10:00:00Z", "e1");
    answer(&mut lib, KEY, Rating::Good, "2026-11-28T10:10:00Z", "e2");
    answer(&mut lib, KEY, Rating::Good, "2026-11-20T10:00:00Z", "e3"); // a week earlier
    answer(&mut lib, KEY, Rating::Again, "2026-11-19T10:00:00Z", "e4");
    let o = lib
        .outcomes(&key, lib.now(t("2026-11-01T00:00:00Z")))
        .unwrap();
    for r in Rating::ALL {
        assert!(o.get(r).interval.seconds() > 0);
    }
    drop(lib);
    // Replay (sorted by time) gives a sane state too.
    let lib = open(dir.path(), "dev-a").unwrap();
    let m = lib.progress().card(&key).state.memory().unwrap();
    assert!(m.stability > 0.0 && m.stability.is_finite());
}

#[test]
fn a_bad_settings_file_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path(), "dev-a").unwrap());
    let path = dir.path().join("settings.json");
    fs::write(&path, "{\"scheduler\": {\"desired_retention\": 2}}").unwrap();
    let mut lib = open(dir.path(), "dev-a").unwrap();
    assert_eq!(lib.warnings().len(), 1);
    assert!(
        lib.warnings()[0].to_string().contains("settings.json"),
        "{}",
        lib.warnings()[0]
    );
    assert!(
        lib.save_settings(kioku_core::store::Settings::default())
            .is_err()
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "{\"scheduler\": {\"desired_retention\": 2}}"
    );
}

#[test]
fn settings_are_saved_atomically_and_validated() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = open(dir.path(), "dev-a").unwrap();
    let mut s = lib.settings().clone();
    s.scheduler.new_per_day = 5;
    lib.save_settings(s).unwrap();
    let now = lib.now(t("2026-11-28T10:00:00Z"));
    assert_eq!(lib.decks(now)[0].new, 5);
    let mut bad = lib.settings().clone();
    bad.text_size = 500;
    let err = lib.save_settings(bad).unwrap_err().to_string();
    assert!(
        err.contains("text size must be between 80 and 200"),
        "{err}"
    );
    drop(lib);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let lib = open(dir.path(), "dev-a").unwrap();
    assert_eq!(lib.settings().scheduler.new_per_day, 5);
}

#[test]
fn a_broken_user_set_is_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path(), "dev-a").unwrap());
    fs::write(dir.path().join("sets/broken.json"), "{\"kioku\": 1,").unwrap();
    fs::copy(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("tests/fixtures/sets/good/every-type.json"),
        dir.path().join("sets/every-type.json"),
    )
    .unwrap();
    let lib = open(dir.path(), "dev-a").unwrap();
    assert_eq!(lib.sets().len(), 2);
    assert_eq!(lib.warnings().len(), 1);
    let w = lib.warnings()[0].to_string();
    assert!(
        w.contains("broken.json:1:13: error: unexpected end of file"),
        "{w}"
    );
}
