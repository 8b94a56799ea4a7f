//! Crash safety: a child `kioku study` answers cards in a loop and is
//! killed with SIGKILL at random moments, again and again. Every answer it
//! acknowledged (by showing the next card) must be in the log, and the
//! store must open every time.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use jiff::tz::TimeZone;
use kioku::session::Library;
use kioku::store::Event;
use rand::{Rng, SeedableRng};

const KILLS: usize = 120;

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
        // Start the clock once the first card is on screen, so a slow start
        // (a busy machine) doesn't eat the time meant for answering; then
        // kill at a random moment while it answers.
        for _ in 0..2000 {
            if headers.load(Ordering::SeqCst) > 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(rng.random_range(0..120)));
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
        assert!(w.message.contains("cut short"), "unexpected warning: {w}");
    }
}
