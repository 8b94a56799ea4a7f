//! The built-in interview bank: coverage, and every quote verbatim.

use std::collections::{BTreeMap, HashSet};

use kioku_core::bank::parse::parse_set_located;
use kioku_core::bank::{
    BUILTIN_INTERVIEW, INTERVIEW_DOCUMENT, INTERVIEW_TEXT, Problem, QuestionBody, builtin_sets,
    parse_set, sources,
};

/// The interview's sections, in its order.
const SECTIONS: [&str; 4] = [
    "japan-russia",
    "russia-china",
    "us-china-competition",
    "outlook",
];

/// Every question is one or the other.
const SKILLS: [&str; 2] = ["recall", "understanding"];

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

/// Lowercase words of letters and digits, for comparing wording.
fn plain_words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .replace('’', "'")
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn tag_count<'a>(counts: &mut BTreeMap<&'a str, usize>, tag: &'a str) {
    *counts.entry(tag).or_default() += 1;
}

#[test]
fn balance_skills_and_answer_cues() {
    let set = bank();
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_section: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_skill: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_type_skill: BTreeMap<String, usize> = BTreeMap::new();
    let (mut mc, mut longest_correct) = (0, Vec::new());
    let mut last_section = 0;
    for q in &set.questions {
        tag_count(&mut by_type, q.body.type_name());
        let section = q
            .tags
            .iter()
            .find_map(|t| SECTIONS.iter().position(|s| s == t));
        let section = section.unwrap_or_else(|| panic!("{}: no section tag", q.id));
        assert!(
            section >= last_section,
            "{}: section tags must follow the interview's order",
            q.id
        );
        last_section = section;
        tag_count(&mut by_section, SECTIONS[section]);
        let skills: Vec<&str> = q
            .tags
            .iter()
            .map(String::as_str)
            .filter(|t| SKILLS.contains(t))
            .collect();
        assert_eq!(skills.len(), 1, "{}: skill tags {skills:?}", q.id);
        tag_count(&mut by_skill, skills[0]);
        *by_type_skill
            .entry(format!("{}/{}", q.body.type_name(), skills[0]))
            .or_default() += 1;
        if let QuestionBody::MultipleChoice {
            choices, correct, ..
        } = &q.body
        {
            mc += 1;
            let len = |i: usize| choices[i].chars().count();
            let strictly_longest =
                (0..choices.len()).find(|&i| (0..choices.len()).all(|j| j == i || len(j) < len(i)));
            if strictly_longest.is_some_and(|i| correct.contains(&i)) {
                longest_correct.push(q.id.as_str());
            }
        }
    }
    eprintln!("questions: {}", set.questions.len());
    eprintln!("by type: {by_type:?}");
    eprintln!("by section: {by_section:?}");
    eprintln!("by skill: {by_skill:?}");
    eprintln!("by type and skill: {by_type_skill:?}");
    eprintln!(
        "multiple choice with the right answer the longest choice: {} of {mc} {longest_correct:?}",
        longest_correct.len()
    );
    for s in SECTIONS {
        assert!(by_section.contains_key(s), "section {s} has no question");
    }
    assert!(
        longest_correct.len() * 3 <= mc,
        "the right answer is the longest choice in {} of {mc} multiple-choice questions: {longest_correct:?}",
        longest_correct.len()
    );
    let understanding = by_skill.get("understanding").copied().unwrap_or(0);
    assert!(
        understanding >= 15,
        "{understanding} understanding questions"
    );
}

#[test]
fn true_statements_are_paraphrased_not_copied() {
    // No run of six words of a true statement is taken from the interview.
    let words = plain_words(INTERVIEW_TEXT);
    let runs: HashSet<&[String]> = words.windows(6).collect();
    for q in &bank().questions {
        if let QuestionBody::TrueFalse {
            prompt,
            answer: true,
        } = &q.body
        {
            let statement = plain_words(prompt);
            let copied: Vec<String> = statement
                .windows(6)
                .filter(|w| runs.contains(w))
                .map(|w| w.join(" "))
                .collect();
            assert!(
                copied.is_empty(),
                "{}: copied from the interview: {copied:?}",
                q.id
            );
        }
    }
}

#[test]
fn topic_and_set_tags_and_the_citation() {
    let set = bank();
    for topic in ["china-factor", "peace-treaty", "sanctions", "dependence"] {
        let n = set
            .questions
            .iter()
            .filter(|q| q.tags.iter().any(|t| t == topic))
            .count();
        assert!(n >= 2, "topic {topic}: {n} questions");
    }
    for tag in ["china", "united-states", "covid-19"] {
        assert!(set.tags.iter().any(|t| t == tag), "set tag {tag}");
    }
    let citation = [
        "Taisuke Abiru",
        "Sasakawa Peace Foundation",
        "12 May 2020",
        "https://www.spf.org/en/spfnews/information/20200512.html",
    ];
    for field in [&set.source, &set.description] {
        let field = field.as_deref().unwrap_or_default();
        for part in citation {
            assert!(field.contains(part), "{part:?} missing from {field:?}");
        }
    }
}

/// What a question says: its prompt or text and its right answers (not
/// distractors or explanations), lowercased.
fn wording(q: &kioku_core::bank::Question) -> String {
    let text = match &q.body {
        QuestionBody::Flashcard { prompt, answer, .. } => format!("{prompt} {answer}"),
        QuestionBody::Typed { prompt, answers } => format!("{prompt} {}", answers.join(" ")),
        QuestionBody::MultipleChoice {
            prompt,
            choices,
            correct,
            ..
        } => {
            let right: Vec<&str> = correct.iter().map(|&i| choices[i].as_str()).collect();
            format!("{prompt} {}", right.join(" "))
        }
        QuestionBody::TrueFalse { prompt, .. } => prompt.clone(),
        QuestionBody::Cloze { text } => text.source_text(),
    };
    text.to_lowercase()
        .replace('’', "'")
        .replace("independen", "")
}

#[test]
fn topic_tags_are_on_every_question_that_names_the_topic() {
    let topics: [(&str, &[&str]); 4] = [
        ("sanctions", &["sanction"]),
        (
            "peace-treaty",
            &["peace treaty", "peace-treaty", "territorial"],
        ),
        ("dependence", &["dependen", "reliance", "needing china"]),
        (
            "china-factor",
            &[
                "china factor",
                "rising china",
                "china's rapid rise",
                "china's fast rise",
            ],
        ),
    ];
    for q in &bank().questions {
        let words = wording(q);
        for (tag, cues) in topics {
            if cues.iter().any(|c| words.contains(c)) {
                assert!(
                    q.tags.iter().any(|t| t == tag),
                    "{}: should be tagged {tag}",
                    q.id
                );
            }
        }
    }
}
