//! `kioku check`: exact output for good and bad files, in the style of
//! casey/just's CLI tests. Each case writes `bad.json` into a temporary
//! directory and runs the real binary there.

use std::fs;
use std::path::Path;
use std::process::Output;

fn kioku(dir: &Path, args: &[&str]) -> Output {
    crate::run::kioku(&dir.join("data"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run kioku")
}

fn check_bytes(name: &str, contents: &[u8]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), contents).unwrap();
    kioku(dir.path(), &["check", name])
}

#[track_caller]
fn assert_bad(contents: &str, expected_stderr: &str) {
    assert_bad_bytes(contents.as_bytes(), expected_stderr);
}

#[track_caller]
fn assert_bad_bytes(contents: &[u8], expected_stderr: &str) {
    let out = check_bytes("bad.json", contents);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr, expected_stderr, "stderr differs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "", "stdout not empty");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn good_file_prints_ok_with_counts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = kioku(dir, &["check", "tests/fixtures/sets/good/every-type.json"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "tests/fixtures/sets/good/every-type.json: ok (6 questions, 8 cards)\n"
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn shipped_bank_checks_ok() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = kioku(dir, &["check", "questions/japan-russia-covid19.json"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("questions/japan-russia-covid19.json: ok ("),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn good_and_bad_files_together_exit_1_and_report_both() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sets/good/minimal.json"),
        dir.path().join("good.json"),
    )
    .unwrap();
    fs::write(dir.path().join("bad.json"), "").unwrap();
    let out = kioku(
        dir.path(),
        &["check", "good.json", "bad.json", "missing.json"],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "good.json: ok (1 question, 1 card)\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "bad.json:1:1: error: file is empty\n\
         missing.json: error: cannot open: No such file or directory (os error 2)\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn no_files_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = kioku(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage: kioku check <FILE>..."));
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sets.json")).unwrap();
    let out = kioku(dir.path(), &["check", "sets.json"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "sets.json: error: cannot read: it is a directory\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn invalid_utf8_is_located() {
    assert_bad_bytes(
        b"{\n  \"title\": \"caf\xe9\"\n}",
        "bad.json:2:16: error: file is not valid UTF-8 (invalid byte 0xe9); save it as UTF-8\n",
    );
}

#[test]
fn a_utf8_bom_is_accepted() {
    let good = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sets/good/minimal.json"),
    )
    .unwrap();
    let out = check_bytes("bom.json", &[b"\xef\xbb\xbf".as_slice(), &good].concat());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn files_over_20_mb_are_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: the size is real but nothing is written, so reading it all
    // would be noticed only as slowness; the refusal must come first.
    let f = fs::File::create(dir.path().join("big.json")).unwrap();
    f.set_len(21 * 1024 * 1024).unwrap();
    let out = kioku(dir.path(), &["check", "big.json"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "big.json:1:1: error: file is 21.0 MiB; question files are limited to 20 MiB\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn pathological_nesting_is_an_error_not_a_crash() {
    assert_bad(
        &"[".repeat(1_000_000),
        "bad.json:1:65: error: nesting deeper than 64 levels\n",
    );
    let nested_objects = "{\"a\":".repeat(100_000);
    assert_bad(
        &nested_objects,
        "bad.json:1:321: error: nesting deeper than 64 levels\n",
    );
}

#[test]
fn unknown_field_is_suggested_and_missing_field_reported() {
    assert_bad(
        "{\n  \"kioku\": 1,\n  \"id\": \"s\",\n  \"title\": \"T\",\n  \"language\": \"en\",\n  \"questions\": [\n    {\"id\": \"q\", \"type\": \"flashcard\", \"promt\": \"p\", \"answer\": \"a\"}\n  ]\n}\n",
        "bad.json:7:5: error: missing field \"prompt\"\nbad.json:7:38: error: unknown field \"promt\", did you mean \"prompt\"?\n",
    );
}

#[test]
fn every_problem_in_a_file_is_reported_in_order() {
    assert_bad(
        "{\n  \"kioku\": 1,\n  \"id\": \"s\",\n  \"title\": \"T\",\n  \"language\": \"en\",\n  \"questions\": [\n    {\"id\": \"q1\", \"type\": \"true_false\", \"prompt\": \"p\", \"answer\": true},\n    {\"id\": \"q1\", \"type\": \"true_false\", \"prompt\": \"p\", \"answer\": true},\n    {\"id\": \"Bad_Id\", \"type\": \"typed\", \"prompt\": \"p\", \"answers\": [\"x\"]},\n    {\"id\": \"mc\", \"type\": \"multiple-choice\", \"prompt\": \"p\"},\n    {\"id\": \"mc2\", \"type\": \"multiple_choice\", \"prompt\": \"\", \"choices\": [\"a\", \" \", \"a\"], \"correct\": [0, 5, -1, 0]},\n    {\"id\": \"cz\", \"type\": \"cloze\", \"text\": \"a {{b c\"},\n    {\"id\": \"cz2\", \"type\": \"cloze\", \"text\": \"x }} y {z\"},\n    {\"id\": \"cz3\", \"type\": \"cloze\", \"text\": \"nothing hidden\"},\n    {\"id\": \"tf\", \"type\": \"true_false\", \"prompt\": \"p\", \"answer\": \"yes\", \"answer\": 1}\n  ]\n}\n",
        "bad.json:8:12: error: duplicate question id \"q1\" (first used at 7:12)\nbad.json:9:12: error: question id \"Bad_Id\" is not kebab-case (lowercase letters and digits joined by single hyphens, e.g. \"bad-id\")\nbad.json:10:26: error: unknown question type \"multiple-choice\", did you mean \"multiple_choice\"?; expected one of flashcard, typed, multiple_choice, true_false, cloze\nbad.json:11:56: error: \"prompt\" must not be empty\nbad.json:11:77: error: choice 1 is empty\nbad.json:11:82: error: choice 2 repeats choice 0 (\"a\")\nbad.json:11:103: error: correct index 5 is out of range; the 3 choices are numbered 0 to 2\nbad.json:11:106: error: correct index -1 is negative; choices are numbered from 0\nbad.json:11:110: error: correct index 0 is listed twice\nbad.json:12:46: error: unbalanced braces: \"{{\" is never closed with \"}}\"\nbad.json:13:47: error: unbalanced braces: \"}}\" without an opening \"{{\"\nbad.json:13:52: error: single brace '{' in cloze text; deletions are written {{answer}}\nbad.json:14:44: error: cloze text has no deletion; mark each hidden part with {{...}}\nbad.json:15:65: error: \"answer\" must be true or false, found a string\nbad.json:15:72: error: duplicate key \"answer\" (first at 15:55)\n",
    );
}

#[test]
fn a_newer_format_version_is_the_only_error() {
    assert_bad(
        "{\n  \"kioku\": 2,\n  \"id\": \"Future Set\",\n  \"questions\": {\"x\": 1}\n}\n",
        "bad.json:2:12: error: unsupported format version 2; this kioku reads version 1 (the file needs a newer kioku)\n",
    );
}

#[test]
fn a_missing_version_says_which_to_use() {
    assert_bad(
        "{\n  \"id\": \"s\",\n  \"title\": \"T\",\n  \"language\": \"en\",\n  \"questions\": []\n}\n",
        "bad.json:1:1: error: missing field \"kioku\" (the format version: 1)\n",
    );
}

#[test]
fn metadata_problems() {
    assert_bad(
        "{\n  \"kioku\": 1,\n  \"id\": \"s\",\n  \"title\": 7,\n  \"language\": \"english\",\n  \"questions\": []\n}\n",
        "bad.json:4:12: error: \"title\" must be a string, found a number\nbad.json:5:15: error: language \"english\" is not a BCP 47 tag such as \"en\" or \"pt-BR\"\nbad.json:6:16: error: a set needs at least one question\n",
    );
}

#[test]
fn fields_of_other_types_are_named_as_such() {
    assert_bad(
        "{\n  \"kioku\": 1,\n  \"id\": \"s\",\n  \"title\": \"T\",\n  \"language\": \"en\",\n  \"questions\": [\n    {\"id\": \"c\", \"type\": \"cloze\", \"prompt\": \"p\", \"text\": \"a {{b}}\"},\n    {\"id\": \"f\", \"type\": \"flashcard\", \"prompt\": \"p\", \"answer\": \"a\", \"choices\": []}\n  ]\n}\n",
        "bad.json:7:34: error: \"prompt\" is not a field of cloze questions (a cloze has \"text\" with {{...}} deletions instead)\nbad.json:8:68: error: \"choices\" is not a field of flashcard questions\n",
    );
}

#[test]
fn trailing_comma() {
    assert_bad(
        "{\n  \"kioku\": 1,\n  \"id\": \"s\",\n}\n",
        "bad.json:4:1: error: trailing comma before '}'\n",
    );
}

#[test]
fn missing_comma() {
    assert_bad(
        "{\"kioku\": 1 \"id\": \"s\"}",
        "bad.json:1:13: error: expected ',' or '}'\n",
    );
}

#[test]
fn not_an_object() {
    assert_bad(
        "[1, 2]\n",
        "bad.json:1:1: error: a question set must be a JSON object, found an array\n",
    );
}

#[test]
fn whitespace_only_file() {
    assert_bad("  \n", "bad.json:2:1: error: file is empty\n");
}

#[test]
fn comments() {
    assert_bad(
        "{\"kioku\": 1, // version\n}",
        "bad.json:1:14: error: comments are not allowed in JSON\n",
    );
}

#[test]
fn control_character() {
    assert_bad(
        "{\"title\": \"tab\there\"}",
        "bad.json:1:15: error: control character in string (write it as an escape such as \\n)\n",
    );
}

#[test]
fn quotes_not_in_the_source_document_are_located_with_the_nearest_passage() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (file, at) in [("quotes.json", "14:17"), ("quotes.kioku.md", "17:9")] {
        let path = format!("tests/fixtures/sets/sourced/{file}");
        let out = kioku(dir, &["check", &path]);
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!(
                "{path}:{at}: error: source quote not found in source.txt; did you mean: \
                 \"he planned to attend the 75th anniversary of the Soviet Union’s WWII\"?\n"
            )
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout), "");
        assert_eq!(out.status.code(), Some(1));
    }
}

#[test]
fn quotes_matching_up_to_whitespace_quotes_and_dashes_check_ok() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sets/sourced");
    fs::copy(fixtures.join("source.txt"), dir.path().join("source.txt")).unwrap();
    let set = fs::read_to_string(fixtures.join("quotes.json")).unwrap();
    // Only the bad quote removed: the others differ from the document in
    // whitespace, quotes and dashes alone.
    let start = set.find("    { \"id\": \"bad\"").unwrap();
    let good = format!("{}  ]\n}}\n", set[..start].trim_end().trim_end_matches(','));
    fs::create_dir(dir.path().join("sets")).unwrap();
    fs::write(dir.path().join("sets/good.json"), good).unwrap();
    fs::copy(
        fixtures.join("source.txt"),
        dir.path().join("sets/source.txt"),
    )
    .unwrap();
    let out = kioku(dir.path(), &["check", "sets/good.json"]);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "sets/good.json: ok (2 questions, 2 cards)\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_missing_source_document_is_located_at_the_field() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = "tests/fixtures/sets/sourced/missing-document.json";
    let out = kioku(dir, &["check", path]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "{path}:6:22: error: cannot read source document \"no-such-file.txt\": "
        )),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn positions_past_line_999_are_written_without_grouping() {
    // An editor or a script reads `PATH:LINE:COLUMN:`; "1,004" would break
    // it (line and column are numbers, not quantities).
    let blank = "\n".repeat(997);
    let contents = format!(
        "{{\n  \"kioku\": 1,\n  \"id\": \"s\",\n  \"title\": \"T\",\n  \"language\": \"en\",\n  \"questions\": [{blank}\n    {{\"id\": \"q1\", \"type\": \"true_false\", \"prompt\": \"p\", \"answer\": true}},\n    {{\"id\": \"q1\", \"type\": \"true_false\", \"prompt\": \"p\", \"answer\": true}}\n  ]\n}}\n"
    );
    assert_bad(
        &contents,
        "bad.json:1005:12: error: duplicate question id \"q1\" (first used at 1004:12)\n",
    );
}
