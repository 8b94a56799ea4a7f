//! The built-in interview bank: coverage, and every quote verbatim.

use std::collections::BTreeMap;

use kioku_core::bank::parse::parse_set_located;
use kioku_core::bank::{
    BUILTIN_INTERVIEW, INTERVIEW_DOCUMENT, INTERVIEW_TEXT, Problem, QuestionBody, builtin_sets,
    parse_set, sources,
};

const SECTIONS: [&str; 4] = [
    "covid-impact",
    "russia-china",
    "us-china-competition",
    "outlook",
];

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn bank() -> kioku_core::bank::QuestionSet {
    parse_set(BUILTIN_INTERVIEW).expect("the built-in bank parses")
}

#[test]
fn builtin_sets_load() {
    let sets = builtin_sets().expect("built-in sets load");
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0].id.as_str(), "japan-russia-covid19");
}

#[test]
fn the_bank_names_its_source_document_and_every_quote_verifies() {
    let (set, spots) = parse_set_located(BUILTIN_INTERVIEW).expect("the built-in bank parses");
    assert_eq!(set.source_document.as_deref(), Some(INTERVIEW_DOCUMENT));
    assert_eq!(
        sources::verify(&set, &spots, INTERVIEW_DOCUMENT, INTERVIEW_TEXT),
        []
    );
    // The same mechanism catches a quote that is not in the interview.
    let first = set.questions[0].source.clone().expect("a source");
    let tampered = BUILTIN_INTERVIEW.replacen(
        &serde_json::to_string(&first).unwrap(),
        "\"Japan never joined the sanctions\"",
        1,
    );
    let (set, spots) = parse_set_located(&tampered).expect("still parses");
    let problems = sources::verify(&set, &spots, INTERVIEW_DOCUMENT, INTERVIEW_TEXT);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(matches!(problems[0].1, Problem::QuoteNotInSource { .. }));
}

#[test]
fn at_least_40_questions_of_all_five_types() {
    let set = bank();
    assert!(
        set.questions.len() >= 40,
        "{} questions",
        set.questions.len()
    );
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    for q in &set.questions {
        *by_type.entry(q.body.type_name()).or_default() += 1;
    }
    for t in [
        "flashcard",
        "typed",
        "multiple_choice",
        "true_false",
        "cloze",
    ] {
        assert!(
            by_type.get(t).copied().unwrap_or(0) >= 5,
            "{t}: {by_type:?}"
        );
    }
}

#[test]
fn every_question_has_one_section_tag_and_all_sections_are_covered() {
    let set = bank();
    let mut per_section: BTreeMap<&str, usize> = BTreeMap::new();
    for q in &set.questions {
        let sections: Vec<&str> = q
            .tags
            .iter()
            .map(String::as_str)
            .filter(|t| SECTIONS.contains(t))
            .collect();
        assert_eq!(sections.len(), 1, "{}: section tags {sections:?}", q.id);
        *per_section.entry(sections[0]).or_default() += 1;
    }
    for s in SECTIONS {
        assert!(
            per_section.get(s).copied().unwrap_or(0) >= 4,
            "{s}: {per_section:?}"
        );
    }
}

#[test]
fn every_source_is_a_verbatim_quote_and_every_question_explained() {
    let text = collapse(INTERVIEW_TEXT);
    for q in &bank().questions {
        let source = q
            .source
            .as_deref()
            .unwrap_or_else(|| panic!("{} has no source", q.id));
        assert!(
            text.contains(&collapse(source)),
            "{}: not in the interview: {source}",
            q.id
        );
        assert!(q.explanation.is_some(), "{} has no explanation", q.id);
    }
}

#[test]
fn the_copied_interview_matches_the_shared_original() {
    // The repo carries its own copy; when the shared original is present
    // (it is on developer machines and CI), the two must agree.
    let shared = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("../shared/interview.txt");
    if let Ok(original) = std::fs::read_to_string(shared) {
        assert_eq!(original, INTERVIEW_TEXT);
    }
}

#[test]
fn answer_keys_are_well_formed() {
    for q in &bank().questions {
        match &q.body {
            QuestionBody::MultipleChoice {
                choices, correct, ..
            } => {
                assert!(choices.len() >= 3, "{}: distractors are too few", q.id);
                assert!(
                    correct.len() < choices.len(),
                    "{}: every choice correct",
                    q.id
                );
            }
            QuestionBody::Typed { answers, .. } => {
                assert!(
                    answers[0].split_whitespace().count() <= 5,
                    "{}: answer too long to type",
                    q.id
                );
            }
            _ => {}
        }
    }
}
