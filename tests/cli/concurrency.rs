//! Several kioku processes on one data directory: one at a time holds it,
//! the others are refused cleanly and change nothing. (Two devices' logs
//! merging is in crates/core/tests/suite/store.rs; a refused `answer` while `study` runs is
//! in tests/cli/study_cli.rs.)

use std::process::{Command, Stdio};

use jiff::tz::TimeZone;
use kioku_core::library::Library;
use kioku_core::review::Event;

#[test]
fn processes_racing_for_a_fresh_data_dir_succeed_or_are_refused_cleanly() {
    let cards = [
        "japan-russia-covid19/abe-cancelled-moscow-visit",
        "japan-russia-covid19/moscow-visit-anniversary",
        "japan-russia-covid19/abe-summit-goal",
    ];
    for round in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let children: Vec<_> = (0..6)
            .map(|i| {
                Command::new(env!("CARGO_BIN_EXE_kioku"))
                    .env("KIOKU_LANG", "en")
                    .args(["answer", cards[i % cards.len()], "good"])
                    .env("KIOKU_DATA_DIR", dir.path())
                    .env("KIOKU_NOW", "2026-11-28T10:00:00Z")
                    .env("TZ", "UTC")
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut succeeded = 0;
        for child in children {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            match out.status.code() {
                Some(0) => succeeded += 1,
                Some(1) => assert!(
                    stderr.starts_with("error: another kioku is using ")
                        && stderr.contains("kioku.lock"),
                    "round {round}: {stderr}"
                ),
                other => panic!("round {round}: exit {other:?}: {stderr}"),
            }
        }
        assert!(succeeded >= 1, "round {round}: nobody got the lock");
        // One device, one log, every successful answer in it, no damage.
        let lib = Library::open(dir.path(), TimeZone::UTC, || "unused".into()).unwrap();
        assert!(lib.warnings().is_empty(), "{:?}", lib.warnings());
        assert_eq!(
            std::fs::read_dir(dir.path().join("devices"))
                .unwrap()
                .count(),
            1
        );
        assert_eq!(
            std::fs::read_dir(dir.path().join("reviews"))
                .unwrap()
                .count(),
            1
        );
        let logged = lib
            .events()
            .iter()
            .filter(|e| matches!(e, Event::Review(_)))
            .count();
        assert_eq!(logged, succeeded, "round {round}");
    }
}

#[test]
fn a_refused_process_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let holder = Library::open(dir.path(), TimeZone::UTC, || "dev-a".into()).unwrap();
    std::fs::write(dir.path().join("settings.json"), "{\"text_size\": 120}\n").unwrap();
    let files = |root: &std::path::Path| {
        let mut v: Vec<(std::path::PathBuf, Vec<u8>)> = Vec::new();
        for sub in ["", "reviews", "devices", "exams", "sets"] {
            for e in std::fs::read_dir(root.join(sub)).unwrap() {
                let p = e.unwrap().path();
                if p.is_file() {
                    v.push((p.clone(), std::fs::read(&p).unwrap()));
                }
            }
        }
        v.sort();
        v
    };
    let before = files(dir.path());
    for args in [
        &["answer", "japan-russia-covid19/abe-summit-goal", "good"][..],
        &["undo"][..],
        &["decks", "--json"][..],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_kioku"))
            .env("KIOKU_LANG", "en")
            .args(args)
            .env("KIOKU_DATA_DIR", dir.path())
            .env("KIOKU_NOW", "2026-11-28T10:00:00Z")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("kioku.lock"));
    }
    assert_eq!(files(dir.path()), before);
    drop(holder);
}
