//! `kioku study`, `decks`, `next`, `answer` and `undo` through the real
//! binary, with the clock injected (`KIOKU_NOW`) to simulate several days.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn kioku(dir: &Path, now: &str, args: &[&str], stdin: &str) -> Output {
    crate::run::with_stdin(
        crate::run::kioku(dir).args(args).env("KIOKU_NOW", now),
        stdin,
    )
}

fn decks(dir: &Path, now: &str) -> serde_json::Value {
    let out = kioku(dir, now, &["decks", "--json"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()[0].clone()
}

fn counts(d: &serde_json::Value) -> (u64, u64, u64) {
    (
        d["new"].as_u64().unwrap(),
        d["learning"].as_u64().unwrap(),
        d["due"].as_u64().unwrap(),
    )
}

#[test]
fn several_days_of_study_give_the_right_queues() {
    let dir = tempfile::tempdir().unwrap();
    let day1 = "2026-11-28T10:00:00Z";
    let d = decks(dir.path(), day1);
    assert_eq!(d["id"], "japan-russia-covid19");
    assert_eq!(d["total"], 80);
    assert_eq!(counts(&d), (20, 0, 0));

    // Day 1: see 5 new cards, answering each with Easy (graduates at once).
    // Every prompt gets an empty line (reveal / no answer), then "4".
    let out = kioku(
        dir.path(),
        day1,
        &["study", "--new", "5"],
        &"\n4\n".repeat(5),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Studied 5 cards"), "{stdout}");
    assert_eq!(
        counts(&decks(dir.path(), day1)),
        (15, 0, 0),
        "5 of today's 20 new cards used"
    );

    // Day 2: the limit resets; nothing graduated with Easy is due yet.
    let day2 = "2026-11-29T10:00:00Z";
    assert_eq!(counts(&decks(dir.path(), day2)), (20, 0, 0));

    // A month later every Easy card is due for review.
    let later = "2026-12-28T10:00:00Z";
    assert_eq!(counts(&decks(dir.path(), later)), (20, 0, 5));

    // One Good on a new card puts it in learning, due in 10 minutes.
    let out = kioku(dir.path(), day2, &["study", "--new", "1"], "\n3\n");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // (Which card comes first depends on siblings buried and new cards
    // spread by source; an empty answer to a typed card suggests Again.)
    assert!(stdout.contains("Rate [Enter = "), "{stdout}");
    assert_eq!(counts(&decks(dir.path(), day2)), (19, 1, 0));
    // With no new cards left today, the summary says when the next is due.
    let out = kioku(dir.path(), day2, &["study", "--new", "0"], "");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Studied 0 cards"), "{stdout}");
}

#[test]
fn the_day_rolls_over_at_4_am_local_time() {
    let dir = tempfile::tempdir().unwrap();
    let out = kioku(
        dir.path(),
        "2026-11-28T23:00:00Z",
        &["study", "--new", "20"],
        &"\n4\n".repeat(20),
    );
    assert!(out.status.success());
    // 02:00 the next calendar day is still the same study day: no new cards.
    assert_eq!(
        counts(&decks(dir.path(), "2026-11-29T02:00:00Z")),
        (0, 0, 0)
    );
    // After 04:00 a new study day starts.
    assert_eq!(
        counts(&decks(dir.path(), "2026-11-29T04:30:00Z")),
        (20, 0, 0)
    );
}

#[test]
fn plumbing_next_answer_undo() {
    let dir = tempfile::tempdir().unwrap();
    let now = "2026-11-28T10:00:00Z";
    let out = kioku(dir.path(), now, &["next", "--json"], "");
    let next: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let key = next["key"].as_str().unwrap().to_owned();
    assert_eq!(key, "japan-russia-covid19/abe-cancelled-moscow-visit");
    assert_eq!(next["type"], "flashcard");
    assert_eq!(next["set"], "japan-russia-covid19");
    assert_eq!(next["intervals"]["again"]["label"], "1m");
    assert_eq!(next["intervals"]["good"]["label"], "10m");
    assert_eq!(next["intervals"]["good"]["seconds"], 600);

    let out = kioku(dir.path(), now, &["answer", &key, "good", "--json"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let state: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(state["state"], "learning");
    assert_eq!(state["due"], "2026-11-28T10:10:00Z");
    assert_eq!(state["reviews"], 1);

    // A multiple-choice card lists its choices.
    let out = kioku(
        dir.path(),
        now,
        &[
            "answer",
            "japan-russia-covid19/moscow-visit-anniversary",
            "3",
        ],
        "",
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "japan-russia-covid19/moscow-visit-anniversary: Good → learning, next in 10m\n"
    );
    let next: serde_json::Value =
        serde_json::from_slice(&kioku(dir.path(), now, &["next", "--json"], "").stdout).unwrap();
    assert_eq!(next["type"], "multiple_choice");
    assert_eq!(next["choices"].as_array().unwrap().len(), 4);

    let out = kioku(dir.path(), now, &["undo"], "");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "undid the latest answer to japan-russia-covid19/moscow-visit-anniversary\n"
    );

    // Nothing due at all: null.
    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(empty.path()).unwrap();
    std::fs::write(
        empty.path().join("settings.json"),
        "{\"scheduler\": {\"new_per_day\": 0}}",
    )
    .unwrap();
    let out = kioku(empty.path(), now, &["next", "--json"], "");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "null\n");
}

#[test]
fn bad_arguments_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let now = "2026-11-28T10:00:00Z";
    let out = kioku(dir.path(), now, &["answer", "nope/x", "good"], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: no card \"nope/x\" in the loaded sets\n"
    );
    let out = kioku(
        dir.path(),
        now,
        &["answer", "japan-russia-covid19/abe-summit-goal", "great"],
        "",
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: \"great\" is not a rating; use again, hard, good, easy or 1–4\n"
    );
    let out = kioku(dir.path(), now, &["study", "no-such-set"], "");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: no set \"no-such-set\"; sets: japan-russia-covid19\n"
    );
}

#[test]
fn a_second_kioku_on_the_same_data_dir_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let now = "2026-11-28T10:00:00Z";
    let mut first = Command::new(env!("CARGO_BIN_EXE_kioku"))
        .env("KIOKU_LANG", "en")
        .args(["study"])
        .env("KIOKU_DATA_DIR", dir.path())
        .env("KIOKU_NOW", now)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the first one shows a card: it holds the lock by then.
    let mut stdout = first.stdout.take().unwrap();
    let mut buf = [0u8; 64];
    let _ = std::io::Read::read(&mut stdout, &mut buf).unwrap();
    let out = kioku(
        dir.path(),
        now,
        &["answer", "japan-russia-covid19/abe-summit-goal", "good"],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: another kioku is using "),
        "{stderr}"
    );
    assert!(stderr.contains("kioku.lock"), "{stderr}");
    first.kill().unwrap();
    first.wait().unwrap();
    let out = kioku(
        dir.path(),
        now,
        &["answer", "japan-russia-covid19/abe-summit-goal", "good"],
        "",
    );
    assert!(out.status.success(), "lock released when the first exits");
}

/// A card hiding several blanks says so and takes each blank's answer in
/// order, separated by `;`.
#[test]
fn a_card_hiding_several_blanks_asks_for_each_in_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sets")).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/sets/good/shared-cloze.json"
        ),
        dir.path().join("sets/shared-cloze.json"),
    )
    .unwrap();
    let out = kioku(
        dir.path(),
        "2026-11-28T10:00:00Z",
        &["study", "shared-cloze"],
        "Tokyo; Osaka\n3\nq\n",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("[...] and [...] are in Japan"), "{stdout}");
    assert!(
        stdout.contains("2 blanks, each answer in order, separated by ;: "),
        "{stdout}"
    );
    assert!(stdout.contains("Correct"), "{stdout}");
}
