//! Crash safety: a child `kioku study` answers cards in a loop and is
//! killed with SIGKILL at random moments, again and again. Every answer it
//! acknowledged (by showing the next card) must be in the log, and the
//! store must open every time. Likewise a child saving settings and a
//! question set in a loop (`store::write_atomic`) is killed at random
//! moments: each file is always the old or the new version, never torn.
//! And a child answering and saving the progress snapshot after every
//! answer is killed during those writes: each open then gives what a whole
//! replay gives, with every acknowledged answer.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use jiff::tz::TimeZone;
use kioku_core::library::Library;
use kioku_core::review::Event;
use kioku_core::store::{LineProblem, WarningKind};
use rand::{Rng, SeedableRng};

const KILLS: usize = 200;

#[test]
fn killed_mid_answer_loses_no_acknowledged_answer() {
    let dir = tempfile::tempdir().unwrap();
    // Plenty of new cards per day, so the loop never runs dry.
    std::fs::write(
        dir.path().join("settings.json"),
        "{\"scheduler\": {\"new_per_day\": 9999}}",
    )
    .unwrap();
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let mut acknowledged = 0usize;
    let mut killed_with_work_in_flight = 0usize;
    for run in 0..KILLS {
        // Each run is a day later, so reviews keep coming due.
        let now = format!("2026-{:02}-{:02}T10:00:00Z", 1 + run / 28, 1 + run % 28);
        let mut child = Command::new(env!("CARGO_BIN_EXE_kioku"))
            .env("KIOKU_LANG", "en")
            .arg("study")
            .env("KIOKU_DATA_DIR", dir.path())
            .env("KIOKU_NOW", &now)
            .env("TZ", "UTC")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        // Each card header after the first means the previous answer was
        // written and synced before it was shown.
        let headers = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&headers);
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if line.starts_with("[new ") {
                    seen.fetch_add(1, Ordering::SeqCst);
                }
            }
        });
        let writer = std::thread::spawn(move || {
            // Answer everything: Enter to reveal, then 3 (Good) or 1.
            for i in 0.. {
                let answer = if i % 3 == 0 { "\n1\n" } else { "\n3\n" };
                if stdin.write_all(answer.as_bytes()).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_micros(300));
            }
        });
        // Kill at a random moment once the child is answering (startup
        // time varies with the machine's load; killing during it tests
        // nothing).
        let started = std::time::Instant::now();
        while headers.load(Ordering::SeqCst) == 0 && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(rng.random_range(0..70)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        writer.join().unwrap();
        let shown = headers.load(Ordering::SeqCst);
        acknowledged += shown.saturating_sub(1);
        killed_with_work_in_flight += usize::from(shown > 0);
    }
    eprintln!("{acknowledged} answers acknowledged over {KILLS} kills");
    assert!(
        acknowledged > KILLS / 2,
        "the child barely answered: {acknowledged}"
    );
    assert_eq!(
        killed_with_work_in_flight, KILLS,
        "every run showed a card before it was killed"
    );
    let lib =
        Library::open(dir.path(), TimeZone::UTC, || "unused".into()).expect("the store opens");
    let logged = lib
        .events()
        .iter()
        .filter(|e| matches!(e, Event::Review(_)))
        .count();
    // Answers written but killed before the next card showed are in the log
    // too: at most one per run.
    assert!(
        logged >= acknowledged,
        "logged {logged} < acknowledged {acknowledged}"
    );
    assert!(
        logged <= acknowledged + KILLS,
        "logged {logged}, acknowledged {acknowledged}"
    );
    // A torn line can only be the last, and is then cut on the next open.
    for w in lib.warnings() {
        assert!(
            matches!(w.kind, WarningKind::Line(LineProblem::Torn)),
            "unexpected warning: {w}"
        );
    }
}

/// Set by the parent for the child run of [`atomic_writer_child`].
const CHILD_DIR: &str = "KIOKU_TEST_ATOMIC_CHILD_DIR";

fn set_text(version: usize) -> String {
    kioku_core::synth::set_file("crash-set", 1 + version % 40, version as u64)
}

/// Not a test on its own: the child process of
/// `killed_mid_save_leaves_the_old_or_the_new_file`, which runs this test
/// binary again with only this function selected.
#[test]
#[ignore = "run as a child process by killed_mid_save_leaves_the_old_or_the_new_file"]
fn atomic_writer_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let mut lib = Library::open(&dir, TimeZone::UTC, || "child".into()).unwrap();
    let set_path = lib.store().sets_dir().join("crash-set.json");
    for i in 0.. {
        let mut settings = lib.settings().clone();
        settings.text_size = 80 + (i % 121) as u16;
        lib.save_settings(settings).unwrap();
        kioku_core::store::write_atomic(&set_path, set_text(i).as_bytes()).unwrap();
        println!("saved {i}");
    }
}

/// Start this test binary again to run only the ignored test `name` (a
/// child that writes in a loop and says so on stdout), on the data
/// directory `dir` given through the variable `var`; the child and its
/// stdout's lines.
fn spawn_child(
    name: &str,
    var: &str,
    dir: &std::path::Path,
) -> (
    std::process::Child,
    std::io::Lines<BufReader<std::process::ChildStdout>>,
) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            &format!("crash::{name}"),
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(var, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    (child, BufReader::new(stdout).lines())
}

#[test]
fn killed_mid_save_leaves_the_old_or_the_new_file() {
    const SAVE_KILLS: usize = 60;
    let dir = tempfile::tempdir().unwrap();
    let mut rng = rand::rngs::StdRng::seed_from_u64(11);
    let settings_path = dir.path().join("settings.json");
    let set_path = dir.path().join("sets").join("crash-set.json");
    let valid_sets: std::collections::HashSet<String> = (0..40).map(set_text).collect();
    let mut changed = 0;
    let mut last_settings = Vec::new();
    for _ in 0..SAVE_KILLS {
        let (mut child, mut lines) = spawn_child("atomic_writer_child", CHILD_DIR, dir.path());
        // Wait until the child has saved a few times (how long that takes
        // depends on the machine's load, so it is counted, not timed),
        // then kill it at a random moment of the saves that follow.
        let saves = rng.random_range(2..6);
        assert!(
            lines
                .by_ref()
                .filter(|l| l.as_ref().is_ok_and(|l| l.starts_with("saved ")))
                .nth(saves - 1)
                .is_some(),
            "the child did not start saving"
        );
        std::thread::sleep(Duration::from_micros(rng.random_range(0..20_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        // Old or new, never torn: both files parse and are versions the
        // child wrote.
        let bytes = std::fs::read(&settings_path).unwrap();
        let settings: kioku_core::store::Settings = serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("torn settings.json ({e}): {bytes:?}"));
        settings.validate().unwrap();
        let text = std::fs::read_to_string(&set_path).unwrap();
        assert!(valid_sets.contains(&text), "torn set file: {text}");
        kioku_core::bank::load_set_file(&set_path).unwrap();
        changed += usize::from(bytes != last_settings);
        last_settings = bytes;
    }
    assert!(changed > SAVE_KILLS / 2, "the saves barely ran: {changed}");
    // Leftover temporary files are ignored: the store opens cleanly.
    let lib = Library::open(dir.path(), TimeZone::UTC, || "unused".into()).unwrap();
    assert!(lib.warnings().is_empty(), "{:?}", lib.warnings());
    assert!(
        lib.set(&kioku_core::bank::SetId::new("crash-set").unwrap())
            .is_some()
    );
}

/// Set by the parent for the child run of [`snapshot_writer_child`].
const SNAP_CHILD_DIR: &str = "KIOKU_TEST_SNAPSHOT_CHILD_DIR";

/// Not a test on its own: the child process of
/// `killed_mid_snapshot_write_opens_to_a_whole_replay`. It answers a card,
/// says so, writes the snapshot, says so, in a loop.
#[test]
#[ignore = "run as a child process by killed_mid_snapshot_write_opens_to_a_whole_replay"]
fn snapshot_writer_child() {
    use kioku_core::review::{EventId, Mode};
    use kioku_core::scheduler::Rating;
    let Some(dir) = std::env::var_os(SNAP_CHILD_DIR) else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let mut lib = Library::open(&dir, TimeZone::UTC, || "child".into()).unwrap();
    let set = &lib.sets()[0];
    let keys: Vec<_> = set.cards().take(12).map(|c| c.key(&set.id)).collect();
    let pid = std::process::id();
    for i in 0usize.. {
        let key = &keys[i % keys.len()];
        let now = lib.now(jiff::Timestamp::now());
        let rating = Rating::from_number((i % 4) as u8 + 1).unwrap();
        let id = format!("{pid:08x}{i:08x}");
        lib.answer(key, rating, now, 500, Mode::Study, EventId(id.clone()))
            .unwrap();
        println!("answered {id}");
        lib.save_snapshot().unwrap();
        println!("saved {i}");
    }
}

#[test]
fn killed_mid_snapshot_write_opens_to_a_whole_replay() {
    use kioku_core::library::{Opened, snapshot_path};
    use kioku_core::review::Progress;
    const SNAP_KILLS: usize = 60;
    let dir = tempfile::tempdir().unwrap();
    let mut rng = rand::rngs::StdRng::seed_from_u64(12);
    let mut acknowledged: Vec<String> = Vec::new();
    let mut from_snapshot = 0;
    for _ in 0..SNAP_KILLS {
        let (mut child, mut lines) =
            spawn_child("snapshot_writer_child", SNAP_CHILD_DIR, dir.path());
        // Counted, not timed: a few snapshots written, then a kill at a
        // random moment of the writes that follow.
        let saves = rng.random_range(1..5);
        let mut seen = 0;
        for line in lines.by_ref() {
            let line = line.unwrap();
            if let Some(id) = line.strip_prefix("answered ") {
                acknowledged.push(id.to_owned());
            } else if line.starts_with("saved ") {
                seen += 1;
                if seen == saves {
                    break;
                }
            }
        }
        assert_eq!(seen, saves, "the child stopped early");
        std::thread::sleep(Duration::from_micros(rng.random_range(0..8_000)));
        child.kill().unwrap();
        // What it acknowledged before it died counts too.
        for line in lines.map_while(Result::ok) {
            if let Some(id) = line.strip_prefix("answered ") {
                acknowledged.push(id.to_owned());
            }
        }
        child.wait().unwrap();
        // Opened as the child's device, from whatever snapshot the kill
        // left (the old or the new one).
        let snap = snapshot_path(dir.path(), "child");
        let before = std::fs::read(&snap).ok();
        let lib = Library::open(dir.path(), TimeZone::UTC, || "child".into()).unwrap();
        from_snapshot += usize::from(matches!(lib.opened(), Opened::Snapshot { .. }));
        let replayed = Progress::replay(lib.events(), lib.scheduler()).unwrap();
        assert!(
            lib.progress().same_as(&replayed),
            "opened {:?} differs from a whole replay",
            lib.opened()
        );
        let ids: std::collections::HashSet<&str> =
            lib.events().iter().map(|e| e.id().0.as_str()).collect();
        for id in &acknowledged {
            assert!(ids.contains(id.as_str()), "acknowledged answer {id} lost");
        }
        assert!(
            lib.warnings().is_empty()
                || lib
                    .warnings()
                    .iter()
                    .all(|w| matches!(w.kind, WarningKind::Line(LineProblem::Torn))),
            "{:?}",
            lib.warnings()
        );
        // Close as a crash would, so the next child starts from the
        // snapshot the kill left.
        drop(lib);
        match before {
            Some(bytes) => std::fs::write(&snap, bytes).unwrap(),
            None => {
                let _ = std::fs::remove_file(&snap);
            }
        }
    }
    assert!(acknowledged.len() >= SNAP_KILLS);
    assert!(
        from_snapshot > SNAP_KILLS / 2,
        "only {from_snapshot} opens used a snapshot"
    );
}
