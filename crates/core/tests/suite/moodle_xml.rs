//! Moodle XML (https://docs.moodle.org/en/Moodle_XML_format): a question
//! bank file laid out as Moodle's exporter (question/format/xml/format.php)
//! writes it, and json → Moodle XML → json round trips.

use std::path::Path;

use kioku_core::bank::formats::{Format, ImportMeta, export, import};
use kioku_core::bank::{BUILTIN_INTERVIEW, Question, QuestionBody, SetId, parse_set};

fn meta() -> ImportMeta {
    ImportMeta::for_file(Path::new("moodle-export.xml"), None::<SetId>)
}

fn fixture() -> Vec<u8> {
    std::fs::read(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("tests/fixtures/import/moodle-export.xml"),
    )
    .unwrap()
}

#[test]
fn a_moodle_bank_export_imports_with_every_change_named() {
    let imported = import(&fixture(), Format::Moodle, &meta()).unwrap();
    let set = &imported.set;
    assert_eq!(set.title, "Capitals", "the one category names the set");
    let ids: Vec<&str> = set.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "capital-of-japan",
            "rivers-of-france",
            "tokyo-is-in-japan",
            "capital-of-france",
            "cities-and-states"
        ]
    );
    let q = &set.questions[0];
    match &q.body {
        QuestionBody::MultipleChoice {
            prompt,
            choices,
            correct,
            shuffle,
        } => {
            assert_eq!(prompt, "What is the capital of Japan?");
            assert_eq!(choices, &["Tokyo", "Kyoto", "Osaka"]);
            assert_eq!(correct, &[0]);
            assert!(*shuffle);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        q.explanation.as_deref(),
        Some("Tokyo has been the capital since 1868.\nTokyo: Right.\nKyoto: The old capital.")
    );
    assert_eq!(q.tags, ["asia"]);
    match &set.questions[1].body {
        QuestionBody::MultipleChoice {
            correct, shuffle, ..
        } => {
            assert_eq!(correct, &[0, 1]);
            assert!(!*shuffle);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        set.questions[2].body,
        QuestionBody::TrueFalse { answer: true, .. }
    ));
    match &set.questions[3].body {
        QuestionBody::Typed { answers, .. } => assert_eq!(answers, &["Paris"]),
        other => panic!("{other:?}"),
    }
    match &set.questions[4].body {
        QuestionBody::Cloze { text } => assert_eq!(
            text.source_text(),
            "Tucson is in {{Arizona}}. The capital of France is {{Paris}}."
        ),
        other => panic!("{other:?}"),
    }
    let named = |line: u32, needle: &str| {
        imported.skipped.iter().chain(&imported.notes).any(|s| {
            s.item.to_string().starts_with(&format!("line {line} ")) && s.reason().contains(needle)
        })
    };
    assert!(named(67, "part credit"), "{imported:#?}");
    assert!(
        named(145, "\"Marseille\" (50%) not accepted"),
        "{imported:#?}"
    );
    assert!(
        named(175, "its 1 other choice(s) are dropped"),
        "{imported:#?}"
    );
    assert!(
        named(175, "1 answer(s) under 100% not accepted"),
        "{imported:#?}"
    );
    assert!(named(191, "no matching questions"), "{imported:#?}");
    assert!(named(215, "no essay questions"), "{imported:#?}");
    assert!(named(243, "a description"), "{imported:#?}");
    assert_eq!(imported.skipped.len(), 3, "{:#?}", imported.skipped);
}

#[test]
fn bad_xml_is_located() {
    let e = import(
        b"<quiz>\n  <question type=\"truefalse\">\n</quiz>\n",
        Format::Moodle,
        &meta(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.starts_with("3:1: "), "{e}");
    let e = import(b"<html/>", Format::Moodle, &meta())
        .unwrap_err()
        .to_string();
    assert!(e.contains("not Moodle's <quiz>"), "{e}");
}

/// kioku → Moodle XML → kioku keeps every multiple-choice, true/false,
/// typed and cloze question with its id, explanation and tags; flashcards
/// are skipped by name.
#[test]
fn json_to_moodle_xml_and_back_keeps_every_question_it_writes() {
    let set = parse_set(BUILTIN_INTERVIEW).unwrap();
    let out = export(&set, Format::Moodle).unwrap();
    let back = import(out.text.as_bytes(), Format::Moodle, &meta()).unwrap();
    assert_eq!(back.set.title, set.title);
    assert_eq!(back.set.description, set.description);
    let skipped: Vec<String> = out.skipped.iter().map(|s| s.item.to_string()).collect();
    let kept: Vec<&Question> = set
        .questions
        .iter()
        .filter(|q| !skipped.iter().any(|s| s == q.id.as_str()))
        .collect();
    for q in &set.questions {
        let is_flashcard = matches!(q.body, QuestionBody::Flashcard { .. });
        assert_eq!(
            skipped.iter().any(|s| s == q.id.as_str()),
            is_flashcard,
            "{}",
            q.id
        );
    }
    assert!(
        kept.iter()
            .any(|q| matches!(q.body, QuestionBody::Cloze { .. }))
    );
    let expected: Vec<Question> = kept
        .iter()
        .map(|q| Question {
            source: None,
            ..(*q).clone()
        })
        .collect();
    assert_eq!(back.set.questions, expected);
    // What comes back changed is named: multi-answer partial credit only
    // (and the language, guessed from the text).
    assert!(back.skipped.is_empty(), "{:#?}", back.skipped);
    assert_eq!(back.set.language, set.language);
    for n in &back.notes {
        assert!(
            n.reason().contains("part credit") || n.reason().starts_with("language guessed"),
            "{n}"
        );
    }
}
