//! GIFT as Moodle's exporter writes it: categories, `// question:`
//! comments, descriptions, format markers, partial credit and feedback.

use std::path::Path;

use kioku_core::bank::formats::{Format, ImportMeta, Imported, import};
use kioku_core::bank::{QuestionBody, SetId};

fn meta() -> ImportMeta {
    ImportMeta::for_file(Path::new("moodle-export.gift"), None::<SetId>)
}

fn fixture() -> Vec<u8> {
    std::fs::read(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("tests/fixtures/import/moodle-export.gift"),
    )
    .unwrap()
}

fn skipped_at(imported: &Imported, item: &str) -> Vec<String> {
    imported
        .skipped
        .iter()
        .filter(|s| s.item.to_string() == item)
        .map(|s| s.reason())
        .collect()
}

#[test]
fn moodle_export_imports() {
    let imported = import(&fixture(), Format::Gift, &meta()).unwrap();
    let qs = &imported.set.questions;
    let ids: Vec<&str> = qs.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "capital-of-japan",
            "capital-of-australia",
            "japan-is-an-island-nation",
            "pick-the-rivers",
            "longest-river",
            "rhine-mouth",
        ],
        "{:#?}",
        imported.skipped
    );

    // [html]: flattened; per-answer feedback joins the general feedback.
    assert_eq!(
        qs[0].body,
        QuestionBody::MultipleChoice {
            prompt: "What is the capital of Japan?".into(),
            choices: vec!["Tokyo".into(), "Kyoto".into(), "Osaka".into()],
            correct: vec![0],
            shuffle: true,
        }
    );
    assert_eq!(
        qs[0].explanation.as_deref(),
        Some(
            "Tokyo has been the capital since 1868.\n\nTokyo: Yes, since 1868.\nKyoto: It was, until 1868."
        )
    );
    assert_eq!(qs[0].tags, ["Capitals"]);

    // Short answer with partial credit: only the full-credit answer is
    // accepted, and the change is named.
    assert_eq!(
        qs[1].body,
        QuestionBody::Typed {
            prompt: "What is the capital of Australia?".into(),
            answers: vec!["Canberra".into()],
        }
    );
    let at17 = skipped_at(&imported, "line 17");
    assert!(
        at17.iter()
            .any(|r| r.contains("canberra city") && r.contains("50%")),
        "{at17:?}"
    );

    // True/false feedback: the first is for the wrong answer.
    assert_eq!(
        qs[2].body,
        QuestionBody::TrueFalse {
            prompt: "Japan is an island nation.".into(),
            answer: true,
        }
    );
    assert_eq!(
        qs[2].explanation.as_deref(),
        Some("False: It has thousands of islands.\nTrue: Right.")
    );
    assert_eq!(qs[2].tags, ["Capitals"]);

    // Multiple answers with partial credit: all of them are needed now.
    assert_eq!(
        qs[3].body,
        QuestionBody::MultipleChoice {
            prompt: "Which of these are **rivers**?".into(),
            choices: vec!["Danube".into(), "Rhine".into(), "Alps".into()],
            correct: vec![0, 1],
            shuffle: true,
        }
    );
    assert_eq!(qs[3].tags, ["Rivers"]);
    let at30 = skipped_at(&imported, "line 30");
    assert!(
        at30.iter().any(|r| r.contains("partial credit")),
        "{at30:?}"
    );

    // A partly right choice in a single-answer question counts as wrong,
    // and says so.
    let QuestionBody::MultipleChoice {
        choices, correct, ..
    } = &qs[4].body
    else {
        panic!("{:?}", qs[4].body)
    };
    assert_eq!(choices, &["Nile", "Amazon", "Danube"]);
    assert_eq!(correct, &[0]);
    let at37 = skipped_at(&imported, "line 37");
    assert!(
        at37.iter()
            .any(|r| r.contains("Amazon") && r.contains("50%")),
        "{at37:?}"
    );
    assert_eq!(
        qs[4].explanation.as_deref(),
        Some("Amazon: Some measurements say so.")
    );

    // [plain]: kept as written, escapes undone.
    assert_eq!(
        qs[5].body,
        QuestionBody::Typed {
            prompt: "Where does the Rhine end? 1 + 1 = 2".into(),
            answers: vec!["North Sea".into()],
        }
    );

    // The description, the essay and the numerical question are named.
    assert!(
        skipped_at(&imported, "line 6")
            .iter()
            .any(|r| r.contains("description")),
        "{:?}",
        imported.skipped
    );
    assert_eq!(skipped_at(&imported, "line 44").len(), 1);
    assert_eq!(skipped_at(&imported, "line 47").len(), 1);
}

#[test]
fn category_lines_and_descriptions_never_fail_the_file() {
    let src = "$CATEGORY: $course$/top\n\n$CATEGORY: $course$/top/Maths\n\n\
               Just some words.\n\n::Sum::[moodle]1 + 1 <b>is</b>? {=2}\n";
    let imported = import(src.as_bytes(), Format::Gift, &meta()).unwrap();
    assert_eq!(imported.set.questions.len(), 1);
    let q = &imported.set.questions[0];
    assert_eq!(q.id.as_str(), "sum");
    assert_eq!(q.tags, ["Maths"]);
    assert_eq!(
        q.body,
        QuestionBody::Typed {
            prompt: "1 + 1 is?".into(),
            answers: vec!["2".into()],
        }
    );
    assert_eq!(imported.skipped.len(), 1, "{:?}", imported.skipped);
    assert_eq!(imported.skipped[0].item.to_string(), "line 5");
}

#[test]
fn titles_become_ids_and_repeats_are_renamed_aloud() {
    let src = "::Same Name::A? {=a}\n\n::Same Name::B? {=b}\n\n::日本::C? {=c}\n";
    let imported = import(src.as_bytes(), Format::Gift, &meta()).unwrap();
    let ids: Vec<&str> = imported
        .set
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, ["same-name", "same-name-2", "c"]);
    assert_eq!(
        skipped_at(&imported, "line 3").len(),
        1,
        "{:?}",
        imported.skipped
    );
}
