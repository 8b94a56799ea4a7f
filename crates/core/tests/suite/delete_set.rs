//! Deleting a set moves it to a backup folder in the data directory, never
//! removes anything, and can be undone; the review log is kept.

use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::bank::SetId;
use kioku_core::library::{DELETED_DIR, Library, LibraryError};
use kioku_core::store::{ExamDefaults, StoreError};

const SET: &str = r#"{"kioku": 1, "id": "mine", "title": "Mine", "language": "en",
  "questions": [{"id": "q", "type": "flashcard", "prompt": "p ![c](cat.png)", "answer": "a"}]}"#;

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sets = dir.path().join("sets");
    std::fs::create_dir_all(sets.join("mine.media")).unwrap();
    std::fs::write(sets.join("mine.json"), SET).unwrap();
    std::fs::write(sets.join("mine.media/cat.png"), b"\x89PNG").unwrap();
    dir
}

fn open(dir: &Path) -> Library {
    Library::open(dir, TimeZone::UTC, || "dev".into()).unwrap()
}

fn mine() -> SetId {
    SetId::new("mine").unwrap()
}

#[test]
fn delete_moves_the_set_and_its_media_to_the_backup_folder_and_restore_puts_them_back() {
    let dir = data_dir();
    let sets = dir.path().join("sets");
    let mut lib = open(dir.path());
    let gone = lib.delete_set(&mine(), t("2026-11-28T10:00:00Z")).unwrap();
    assert_eq!(gone.title, "Mine");
    assert!(lib.set(&mine()).is_none());
    assert!(!sets.join("mine.json").exists());
    assert!(!sets.join("mine.media").exists());
    assert_eq!(
        gone.backup,
        dir.path().join(DELETED_DIR).join("mine-20261128T100000Z")
    );
    assert_eq!(
        std::fs::read_to_string(gone.backup.join("mine.json")).unwrap(),
        SET
    );
    assert_eq!(
        std::fs::read(gone.backup.join("mine.media/cat.png")).unwrap(),
        b"\x89PNG"
    );
    // Reopening does not show it (and does not complain about the backup).
    drop(lib);
    let mut lib = open(dir.path());
    assert!(lib.set(&mine()).is_none());
    assert!(lib.warnings().is_empty(), "{:?}", lib.warnings());

    lib.restore_set(&gone).unwrap();
    assert_eq!(lib.set(&mine()).unwrap().title, "Mine");
    assert_eq!(
        std::fs::read_to_string(sets.join("mine.json")).unwrap(),
        SET
    );
    assert_eq!(
        std::fs::read(sets.join("mine.media/cat.png")).unwrap(),
        b"\x89PNG"
    );
    assert!(!gone.backup.exists());
    drop(lib);
    assert!(open(dir.path()).set(&mine()).is_some());
}

#[test]
fn a_second_delete_in_the_same_second_gets_its_own_backup_folder() {
    let dir = data_dir();
    let sets = dir.path().join("sets");
    let at = t("2026-11-28T10:00:00Z");
    let mut lib = open(dir.path());
    let first = lib.delete_set(&mine(), at).unwrap();
    // The same id again (a new set with the same name), deleted at the
    // same second: the first backup is kept as it is.
    std::fs::write(sets.join("mine.json"), SET.replace("Mine", "Mine again")).unwrap();
    drop(lib);
    let mut lib = open(dir.path());
    let second = lib.delete_set(&mine(), at).unwrap();
    assert_ne!(first.backup, second.backup);
    assert!(second.backup.ends_with("mine-20261128T100000Z-2"));
    assert!(
        std::fs::read_to_string(first.backup.join("mine.json"))
            .unwrap()
            .contains("\"Mine\"")
    );
    assert!(
        std::fs::read_to_string(second.backup.join("mine.json"))
            .unwrap()
            .contains("Mine again")
    );
    // A folder already there under that name (made by hand) is skipped too.
    std::fs::create_dir(dir.path().join(DELETED_DIR).join("mine-20261128T100000Z-3")).unwrap();
    std::fs::write(sets.join("mine.json"), SET).unwrap();
    drop(lib);
    let mut lib = open(dir.path());
    let third = lib.delete_set(&mine(), at).unwrap();
    assert!(third.backup.ends_with("mine-20261128T100000Z-4"));
}

#[test]
fn restore_refuses_when_a_set_with_that_id_came_back_and_keeps_the_backup() {
    let dir = data_dir();
    let sets = dir.path().join("sets");
    let mut lib = open(dir.path());
    let gone = lib.delete_set(&mine(), t("2026-11-28T10:00:00Z")).unwrap();
    std::fs::write(sets.join("mine.json"), SET.replace("Mine", "Newer")).unwrap();
    let err = lib.restore_set(&gone).unwrap_err();
    assert!(
        matches!(err, LibraryError::Store(StoreError::SetExists { .. })),
        "{err}"
    );
    assert!(gone.backup.join("mine.json").exists());
    assert!(gone.backup.join("mine.media/cat.png").exists());
    assert!(
        std::fs::read_to_string(sets.join("mine.json"))
            .unwrap()
            .contains("Newer")
    );
}

#[test]
fn built_in_and_unknown_sets_cannot_be_deleted() {
    let dir = data_dir();
    let mut lib = open(dir.path());
    let builtin = lib.sets()[0].id.clone();
    assert!(matches!(
        lib.delete_set(&builtin, t("2026-11-28T10:00:00Z")),
        Err(LibraryError::BuiltinReadOnly(_))
    ));
    assert!(lib.set(&builtin).is_some());
    assert!(matches!(
        lib.delete_set(&SetId::new("nope").unwrap(), t("2026-11-28T10:00:00Z")),
        Err(LibraryError::NoSet(_))
    ));
    assert!(!dir.path().join(DELETED_DIR).exists());
}

#[test]
fn a_set_in_a_file_not_named_after_its_id_is_not_deleted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sets")).unwrap();
    std::fs::write(dir.path().join("sets/other-name.json"), SET).unwrap();
    let mut lib = open(dir.path());
    let err = lib
        .delete_set(&mine(), t("2026-11-28T10:00:00Z"))
        .unwrap_err();
    assert!(
        matches!(err, LibraryError::Store(StoreError::SetElsewhere { .. })),
        "{err}"
    );
    assert!(dir.path().join("sets/other-name.json").exists());
    assert!(lib.set(&mine()).is_some());
}

#[test]
fn the_self_test_set_up_is_remembered_across_opens() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = open(dir.path());
    assert_eq!(lib.settings().exam, ExamDefaults::default());
    let chosen = ExamDefaults {
        count: None,
        time_limit_min: Some(15),
    };
    lib.save_exam_defaults(chosen).unwrap();
    drop(lib);
    let lib = open(dir.path());
    assert_eq!(lib.settings().exam, chosen);
    let bad = ExamDefaults {
        count: Some(0),
        time_limit_min: None,
    };
    let mut lib = lib;
    assert!(lib.save_exam_defaults(bad).is_err());
    assert_eq!(lib.settings().exam, chosen);
}
