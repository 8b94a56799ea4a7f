//! `kioku convert`, `import` and `export`: exact output.

use std::fs;
use std::path::Path;
use std::process::Output;

fn kioku(dir: &Path, args: &[&str]) -> Output {
    crate::run::kioku(Path::new("data"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run kioku")
}

fn out(o: &Output) -> (String, String, Option<i32>) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        o.status.code(),
    )
}

const SET: &str = "---\nkioku: 1\nid: caps\ntitle: Capitals\nlanguage: en\n---\n\n## japan\nQ: Capital of Japan?\nA: Tokyo\n\n## tf\nT: Tokyo is in Japan.\n";

#[test]
fn convert_text_to_json_and_refuse_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("caps.kioku.md"), SET).unwrap();
    let o = kioku(dir.path(), &["convert", "caps.kioku.md", "caps.json"]);
    assert_eq!(
        out(&o),
        (
            "caps.kioku.md -> caps.json: 2 questions\n".into(),
            String::new(),
            Some(0)
        )
    );
    let json = fs::read_to_string(dir.path().join("caps.json")).unwrap();
    assert!(json.contains("\"type\": \"true_false\""));
    let o = kioku(dir.path(), &["convert", "caps.kioku.md", "caps.json"]);
    assert_eq!(
        out(&o),
        (
            String::new(),
            "error: caps.json: already exists; nothing was written\n".into(),
            Some(1)
        )
    );
    let o = kioku(dir.path(), &["check", "caps.kioku.md"]);
    assert_eq!(out(&o).0, "caps.kioku.md: ok (2 questions, 2 cards)\n");
}

#[test]
fn convert_reports_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.kioku.md"),
        SET.replace("A: Tokyo", "A: Tokyo\n= Tokyo"),
    )
    .unwrap();
    let o = kioku(dir.path(), &["convert", "bad.kioku.md", "bad.json"]);
    assert_eq!(
        out(&o),
        (
            String::new(),
            "bad.kioku.md:11:1: error: this question mixes A: and = markers; each question has one type\n".into(),
            Some(1)
        )
    );
    assert!(!dir.path().join("bad.json").exists());
}

#[test]
fn import_then_export_and_refusals() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("quiz.gift"),
        "::q::2+2? {=4 ~5}\n\n::f::Flash {}\n",
    )
    .unwrap();
    let o = kioku(dir.path(), &["import", "quiz.gift"]);
    assert_eq!(
        out(&o),
        (
            "created data/sets/quiz.json: set \"quiz\", 1 question, 1 card (from quiz.gift)\n"
                .into(),
            "warning: line 3: essay questions (empty { }) have no answer to check\nnote: set: language not recognised from the text; set to en (kioku import --language overrides)\nnote: set: title \"quiz\" taken from the file name: the file names no set title\n".into(),
            Some(0)
        )
    );
    let o = kioku(dir.path(), &["import", "quiz.gift"]);
    assert_eq!(
        out(&o),
        (
            String::new(),
            "error: a set with id \"quiz\" already exists (data/sets/quiz.json); pass --replace to overwrite it or --set-id to import under another id\n".into(),
            Some(1)
        )
    );
    let o = kioku(
        dir.path(),
        &[
            "import",
            "quiz.gift",
            "--set-id",
            "japan-russia-covid19",
            "--replace",
        ],
    );
    assert_eq!(
        out(&o).1,
        "error: \"japan-russia-covid19\" is a built-in set and cannot be replaced; pass --set-id to import under another id\n"
    );
    assert_eq!(
        out(&kioku(dir.path(), &["import", "quiz.gift", "--replace"])).2,
        Some(0)
    );

    let o = kioku(dir.path(), &["export", "quiz", "--format", "aiken"]);
    assert_eq!(
        out(&o),
        (
            "2+2?\nA. 4\nB. 5\nANSWER: A\n\n".into(),
            "warning: q: not written, Aiken has no place for them: id q (an import derives the id from the prompt)\n\
             warning: set: not written, aiken has no place for them: title \"quiz\"; language \"en\" (an import takes the title from the file name and guesses the language)\n"
                .into(),
            Some(0)
        )
    );
    let o = kioku(dir.path(), &["export", "quiz", "-o", "quiz.csv"]);
    assert_eq!(
        out(&o),
        (
            "wrote quiz.csv: 1 of 1 question as csv\n".into(),
            "warning: set: CSV/TSV has no place for set metadata; not written: title \"quiz\"; language \"en\" (an import takes the title from the file name and language \"en\")\n".into(),
            Some(0)
        )
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("quiz.csv")).unwrap(),
        "id,type,prompt,answer,choices,correct,explanation,source,tags\nq,multiple_choice,2+2?,,4|5,0,,,\n"
    );
}

#[test]
fn import_reports_located_errors_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.csv"),
        "type,prompt,answer\ntrue_false,Sky is blue,maybe\n",
    )
    .unwrap();
    let o = kioku(dir.path(), &["import", "bad.csv"]);
    assert_eq!(
        out(&o),
        (
            String::new(),
            "bad.csv:2:1: error: a true_false answer is true or false, found \"maybe\"\n".into(),
            Some(1)
        )
    );
    assert!(!dir.path().join("data/sets/bad.json").exists());
}

#[test]
fn export_needs_a_format() {
    let dir = tempfile::tempdir().unwrap();
    let o = kioku(dir.path(), &["export", "japan-russia-covid19"]);
    assert_eq!(
        out(&o).1,
        "error: pass --format (json, md, csv, tsv, anki-tsv, gift, aiken, apkg, kioku, moodle) or -o FILE\n"
    );
}

fn history_fixture(dir: &Path) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/history.apkg");
    fs::copy(src, dir.join("history.apkg")).unwrap();
}

#[test]
fn import_brings_anki_history_by_default_and_names_every_row_left_out() {
    let dir = tempfile::tempdir().unwrap();
    history_fixture(dir.path());
    let (stdout, stderr, code) = out(&kioku(dir.path(), &["import", "history.apkg"]));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains(
            "created data/reviews/anki-history.jsonl: 49 of 59 Anki review-log rows as reviews of 7 cards (the default when a package has reviews; --no-history leaves them out)"
        ),
        "{stdout}"
    );
    let history: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning: history: review "))
        .collect();
    assert_eq!(history.len(), 59 - 49, "{stderr}");
    assert!(stderr.contains("\"Set due date\""), "{stderr}");
    assert!(stderr.contains("its note was not imported"), "{stderr}");
    // Again without --replace: refused before anything is written.
    let (_, stderr, code) = out(&kioku(dir.path(), &["import", "history.apkg"]));
    assert_eq!(code, Some(1), "{stderr}");
    // The imported reviews count: the cards are studied, not new.
    let (stdout, _, _) = out(&kioku(dir.path(), &["decks", "--json"]));
    let decks: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let deck = decks
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "history")
        .unwrap();
    assert_eq!(deck["new"], 1, "{deck}");
}

#[test]
fn no_history_leaves_the_review_log_out_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    history_fixture(dir.path());
    let (stdout, stderr, code) = out(&kioku(
        dir.path(),
        &["import", "history.apkg", "--no-history"],
    ));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("history: left out the package's 59 review-log rows (--no-history)"),
        "{stdout}"
    );
    assert!(!dir.path().join("data/reviews/anki-history.jsonl").exists());
    let (_, stderr, code) = out(&kioku(
        dir.path(),
        &["import", "history.apkg", "--with-history", "--no-history"],
    ));
    assert_eq!(code, Some(2), "{stderr}");
    fs::write(dir.path().join("caps.kioku.md"), SET).unwrap();
    let (_, stderr, code) = out(&kioku(
        dir.path(),
        &["import", "caps.kioku.md", "--with-history"],
    ));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("are for Anki packages"), "{stderr}");
}

#[test]
fn language_overrides_the_guess() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("words.tsv"), "Hund\tdog\nKatze\tcat\n").unwrap();
    let (_, stderr, code) = out(&kioku(
        dir.path(),
        &["import", "words.tsv", "--language", "de"],
    ));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("language guessed"), "{stderr}");
    let json = fs::read_to_string(dir.path().join("data/sets/words.json")).unwrap();
    assert!(json.contains("\"language\": \"de\""), "{json}");
    let (_, stderr, code) = out(&kioku(
        dir.path(),
        &[
            "import",
            "words.tsv",
            "--language",
            "not a tag",
            "--set-id",
            "w2",
        ],
    ));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("is not a language tag"), "{stderr}");
}

/// `--replace --no-history` replaces the set but keeps the history an
/// earlier import wrote (progress is never deleted silently), and says so
/// with the file and its review count.
#[test]
fn replace_without_history_keeps_the_earlier_history_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    history_fixture(dir.path());
    let (_, stderr, code) = out(&kioku(dir.path(), &["import", "history.apkg"]));
    assert_eq!(code, Some(0), "{stderr}");
    let log = dir.path().join("data/reviews/anki-history.jsonl");
    let before = fs::read_to_string(&log).unwrap();
    let (stdout, stderr, code) = out(&kioku(
        dir.path(),
        &["import", "history.apkg", "--replace", "--no-history"],
    ));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("left out the package's 59"), "{stdout}");
    assert!(
        stderr.contains(
            "note: history: kept data/reviews/anki-history.jsonl, the review history of an earlier import (49 reviews)"
        ),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&log).unwrap(), before);
    // Without an earlier history there is nothing to say.
    let (_, stderr, code) = out(&kioku(
        dir.path(),
        &[
            "import",
            "history.apkg",
            "--set-id",
            "other",
            "--no-history",
        ],
    ));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("kept"), "{stderr}");
}
