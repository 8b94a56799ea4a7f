//! `kioku grade SET/QUESTION "answer"` through the real binary: the verdict
//! and why, as text and JSON, under the set's language.

use std::path::Path;
use std::process::Output;

fn kioku(dir: &Path, args: &[&str]) -> Output {
    crate::run::kioku(dir)
        .args(args)
        .env("KIOKU_NOW", "2026-11-28T10:00:00Z")
        .output()
        .expect("run kioku")
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sets/good/cloze-alternatives.json");
    let out = kioku(
        dir.path(),
        &["import", fixture.to_str().unwrap(), "--set-id", "grading"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

fn grade_json(dir: &Path, card: &str, answer: &str) -> serde_json::Value {
    let out = kioku(dir, &["grade", card, answer, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn grade_prints_the_verdict_and_why() {
    let dir = setup();
    let d = dir.path();
    let cases = [
        ("grading/jubilee", "the 75th", true, "exact"),
        ("grading/jubilee", "seventy-fifth", true, "normalized"),
        ("grading/jubilee", "Diamond Jubilee", true, "alternative"),
        ("grading/jubilee", "diamond jubile", true, "typo"),
        ("grading/jubilee", "76th", false, "rejected"),
        ("grading/capital#c1", "earliest", true, "exact"),
        ("grading/capital#c1", "the first", true, "normalized"),
        ("grading/capital#c1", "first", true, "alternative"),
        ("grading/capital#c1", "last", false, "rejected"),
        (
            "grading/capital#c2",
            "seven hundred ten",
            true,
            "normalized",
        ),
        (
            "grading/dispute",
            "the territorial issue between the two countries",
            true,
            "normalized",
        ),
        (
            "grading/dispute",
            "not a territorial issue",
            false,
            "rejected",
        ),
    ];
    for (card, answer, correct, reason) in cases {
        let v = grade_json(d, card, answer);
        assert_eq!(v["correct"], correct, "{card} {answer:?}: {v}");
        assert_eq!(v["reason"], reason, "{card} {answer:?}: {v}");
        assert_eq!(v["key"], card);
        assert!(v["detail"].as_str().is_some_and(|s| !s.is_empty()), "{v}");
    }
    let v = grade_json(d, "grading/jubilee", "diamond jubile");
    assert_eq!(v["verdict"], "correct_with_typo");
    assert_eq!(v["matched"], "diamond jubilee");
    assert_eq!(v["expected"], "the 75th");

    let out = kioku(d, &["grade", "grading/capital#c1", "first"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        stdout.contains("grading/capital#c1: ✓ correct (alternative)"),
        "{stdout}"
    );
    let out = kioku(d, &["grade", "grading/jubilee", "76th"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("✗ wrong (rejected)"), "{stdout}");

    // Grading records nothing: every card is still new.
    let out = kioku(d, &["decks", "--json"]);
    let decks: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let set = decks
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "grading")
        .unwrap();
    // (A day offers one card per question: 4 cards of 3 questions.)
    assert_eq!(
        (
            set["new"].as_u64(),
            set["learning"].as_u64(),
            set["due"].as_u64()
        ),
        (Some(3), Some(0), Some(0)),
        "{set}"
    );
}

#[test]
fn grade_refuses_bad_keys_and_untyped_cards() {
    let dir = setup();
    let d = dir.path();
    let bad = kioku(d, &["grade", "not a key", "x"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a card key"));
    let missing = kioku(d, &["grade", "grading/nope", "x"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no card"));
}
