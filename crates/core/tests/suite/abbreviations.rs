//! A set's declared abbreviations: read from JSON and `.kioku.md`, bad
//! entries located, carried by the formats that can, used by the grader.

use kioku_core::bank::formats::text::{parse_text, to_text};
use kioku_core::bank::formats::{Format, export};
use kioku_core::bank::model::Abbreviation;
use kioku_core::bank::{CardVariant, Pos, Problem, QuestionSet, parse_set};
use kioku_core::grader::{Response, Verdict, grade_in};

fn json_set(abbreviations: &str) -> String {
    format!(
        r#"{{
  "kioku": 1,
  "id": "s",
  "title": "T",
  "language": "en",
  "abbreviations": {abbreviations},
  "questions": [
    {{"id": "q", "type": "typed", "prompt": "Which two?", "answers": ["China and the United States"]}}
  ]
}}"#
    )
}

fn at(line: u32, column: u32) -> Pos {
    Pos { line, column }
}

#[test]
fn json_abbreviations_are_read_in_order() {
    let set = parse_set(&json_set(
        r#"{"U.S.": "United States", "UK": "United Kingdom"}"#,
    ))
    .expect("valid");
    assert_eq!(
        set.abbreviations,
        vec![
            Abbreviation::new("U.S.", "United States"),
            Abbreviation::new("UK", "United Kingdom")
        ]
    );
}

#[test]
fn bad_json_entries_are_located() {
    let problems = parse_set(&json_set(
        r#"{"U.S.": 3, "": "x", "...": "dots", "UK": " ", "EU": "eu"}"#,
    ))
    .expect_err("invalid");
    let found: Vec<(Pos, String)> = problems.iter().map(|(p, e)| (*p, e.to_string())).collect();
    assert_eq!(found.len(), 5, "{found:#?}");
    assert!(
        matches!(&problems[0].1, Problem::WrongType { field, .. } if field == "abbreviations.U.S."),
        "{found:#?}"
    );
    assert_eq!(found[0].0, at(6, 29));
    assert_eq!(found[1].0, at(6, 32));
    assert!(found[1].1.contains("is blank"), "{}", found[1].1);
    assert_eq!(found[2].0, at(6, 41));
    assert!(
        found[2].1.contains("no letters or digits"),
        "{}",
        found[2].1
    );
    assert_eq!(found[3].0, at(6, 62));
    assert!(found[3].1.contains("blank long form"), "{}", found[3].1);
    assert_eq!(found[4].0, at(6, 73));
    assert!(
        found[4].1.contains("same as its long form"),
        "{}",
        found[4].1
    );
    let not_object = parse_set(&json_set(r#"["U.S."]"#)).expect_err("invalid");
    assert_eq!(not_object[0].0, at(6, 20));
    assert!(not_object[0].1.to_string().contains("an object"));
}

const TEXT: &str = "---\nkioku: 1\nid: s\ntitle: T\nlanguage: en\nabbreviations: U.S. = United States, UK = United Kingdom\n---\n\n## q\nQ: Which two?\n= China and the United States\n";

#[test]
fn text_abbreviations_are_read_and_written() {
    let set = parse_text(TEXT).expect("valid");
    assert_eq!(
        set.abbreviations,
        vec![
            Abbreviation::new("U.S.", "United States"),
            Abbreviation::new("UK", "United Kingdom")
        ]
    );
    let written = to_text(&set);
    assert!(
        written.contains("\nabbreviations: U.S. = United States, UK = United Kingdom\n"),
        "{written}"
    );
    assert_eq!(parse_text(&written).expect("round trip"), set);
}

#[test]
fn bad_text_entries_are_located_at_the_entry() {
    let text = TEXT.replace(
        "U.S. = United States, UK = United Kingdom",
        "U.S. = United States, UK United Kingdom, EU = , U.S. = Unified States",
    );
    let problems = parse_text(&text).expect_err("invalid");
    let found: Vec<(Pos, String)> = problems.iter().map(|(p, e)| (*p, e.to_string())).collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!(found[0].0, at(6, 38));
    assert!(found[0].1.contains("has no \"=\""), "{}", found[0].1);
    assert_eq!(found[1].0, at(6, 61));
    assert!(found[1].1.contains("blank long form"), "{}", found[1].1);
    assert_eq!(found[2].0, at(6, 64));
    assert!(
        matches!(&problems[2].1, Problem::DuplicateKey { key, first } if key == "U.S." && *first == at(6, 16)),
        "{found:#?}"
    );
}

fn sample() -> QuestionSet {
    parse_set(&json_set(r#"{"U.S.": "United States"}"#)).expect("valid")
}

#[test]
fn json_and_text_exports_carry_them_and_others_say_they_are_dropped() {
    let set = sample();
    let json = export(&set, Format::Json).expect("json");
    assert!(
        json.text
            .contains("\"abbreviations\": {\n    \"U.S.\": \"United States\"\n  }"),
        "{}",
        json.text
    );
    assert_eq!(parse_set(&json.text).expect("round trip"), set);
    let md = export(&set, Format::Md).expect("md");
    assert_eq!(parse_text(&md.text).expect("round trip"), set);
    assert!(json.notes.is_empty() && md.notes.is_empty());
    let csv = export(&set, Format::Csv).expect("csv");
    assert!(
        csv.notes.iter().any(|n| n
            .reason()
            .contains("abbreviations (U.S. = United States) dropped")),
        "{:?}",
        csv.notes
    );
}

#[test]
fn the_grader_uses_the_set_s_abbreviations() {
    let set = sample();
    let q = &set.questions[0];
    let g = |given: &str, set: &QuestionSet| {
        grade_in(
            &q.body,
            CardVariant::Forward,
            &Response::Typed(given.into()),
            set,
        )
    };
    assert_eq!(g("China and the U.S.", &set), Verdict::Correct);
    assert_eq!(g("the US and China", &set), Verdict::Correct);
    assert_eq!(g("China and the U.K.", &set), Verdict::Wrong);
    let mut bare = set.clone();
    bare.abbreviations.clear();
    assert_eq!(g("China and the U.S.", &bare), Verdict::Wrong);
}

#[test]
fn the_built_in_bank_declares_what_its_answers_need() {
    let sets = kioku_core::bank::builtin_sets().expect("built-in bank");
    let set = &sets[0];
    assert!(
        set.abbreviations
            .contains(&Abbreviation::new("U.S.", "United States"))
    );
    let g = |id: &str, given: &str| {
        let q = set
            .questions
            .iter()
            .find(|q| q.id.as_str() == id)
            .unwrap_or_else(|| panic!("no question {id}"));
        grade_in(
            &q.body,
            CardVariant::Forward,
            &Response::Typed(given.into()),
            set,
        )
    };
    assert_eq!(
        g("bipolar-world-powers", "China and the U.S."),
        Verdict::Correct
    );
    assert_eq!(g("bipolar-world-powers", "USA and China"), Verdict::Correct);
    assert_eq!(
        g("bipolar-world-powers", "China and Russia"),
        Verdict::Wrong
    );
    assert_eq!(g("trump-expectation", "Donald J. Trump"), Verdict::Correct);
}
