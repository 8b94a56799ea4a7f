//! The `.kioku.md` text format: lossless round trips (a property test over
//! generated sets, and the interview bank) and located errors.

use kioku_core::bank::formats::text::{parse_text, to_text};
use kioku_core::bank::model::Abbreviation;
use kioku_core::bank::parse::parse_cloze;
use kioku_core::bank::{
    BUILTIN_INTERVIEW, Question, QuestionBody, QuestionId, QuestionSet, SetId, parse_set,
};
use proptest::prelude::*;

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 .,!?*_`()\\[\\]-]{0,12}",
        1 => prop_oneof![
            Just("Q: looks like a prompt"),
            Just("A:"),
            Just("## a heading"),
            Just("##"),
            Just("### sub"),
            Just("- [x] checked"),
            Just("- [ ] unchecked"),
            Just("- item"),
            Just("= answer"),
            Just("==="),
            Just("\\backslash"),
            Just("\\"),
            Just("---"),
            Just("explain: e"),
            Just("Note: a note"),
            Just("tags:"),
            Just("T: true?"),
            Just("F:"),
            Just("shuffle: false"),
            Just(""),
            Just("   "),
            Just("\t"),
            Just("kioku: 2"),
            Just("$schema: x"),
        ]
        .prop_map(str::to_owned),
    ]
}

/// Markdown-ish text of 1–4 lines, never blank.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 1..5).prop_map(|lines| {
        let s = lines.join("\n");
        if s.trim().is_empty() {
            format!("x{s}")
        } else {
            s
        }
    })
}

fn tag() -> impl Strategy<Value = String> {
    "[a-z][a-z ,\\\\-]{0,6}[a-z]"
}

fn body() -> impl Strategy<Value = QuestionBody> {
    prop_oneof![
        (text(), text(), any::<bool>()).prop_map(|(prompt, answer, reversible)| {
            QuestionBody::Flashcard {
                prompt,
                answer,
                reversible,
            }
        }),
        (text(), prop::collection::vec(text(), 1..4)).prop_map(|(prompt, answers)| {
            QuestionBody::Typed {
                prompt,
                answers: answers
                    .into_iter()
                    .enumerate()
                    .map(|(i, a)| format!("{i}{a}"))
                    .collect(),
            }
        }),
        (
            text(),
            prop::collection::vec((text(), any::<bool>()), 2..6),
            any::<bool>()
        )
            .prop_map(|(prompt, choices, shuffle)| {
                let mut correct: Vec<usize> = choices
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.1)
                    .map(|(i, _)| i)
                    .collect();
                if correct.is_empty() {
                    correct.push(0);
                }
                QuestionBody::MultipleChoice {
                    prompt,
                    choices: choices
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| format!("{i}{}", c.0))
                        .collect(),
                    correct,
                    shuffle,
                }
            }),
        (text(), any::<bool>())
            .prop_map(|(prompt, answer)| QuestionBody::TrueFalse { prompt, answer }),
        prop::collection::vec((text(), "[a-z][a-z \n]{0,5}"), 1..4).prop_map(|parts| {
            let source: String = parts
                .iter()
                .map(|(t, d)| format!("{t}{{{{{d}}}}}"))
                .collect();
            QuestionBody::Cloze {
                text: parse_cloze(&source).unwrap(),
            }
        }),
    ]
}

fn question() -> impl Strategy<Value = (QuestionBody, Option<String>, Option<String>, Vec<String>)>
{
    (
        body(),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec(tag(), 0..3),
    )
}

fn set() -> impl Strategy<Value = QuestionSet> {
    (
        "[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4}){0,2}",
        prop::option::of(text()),
        text(),
        prop::option::of(text()),
        prop_oneof![Just("en"), Just("pt-BR")],
        prop::collection::vec(tag(), 0..3),
        (
            prop::option::of(text()),
            prop::option::of(text()),
            prop::collection::btree_map("[A-Z][A-Z.,]{0,3}", "[a-z]{1,4} [a-z ,=]{0,6}[a-z]", 0..3),
        ),
        prop::collection::vec(tag(), 0..3),
        prop::collection::vec(question(), 1..6),
    )
        .prop_map(
            |(
                id,
                schema,
                title,
                description,
                language,
                authors,
                (source, source_document, abbreviations),
                tags,
                qs,
            )| QuestionSet {
                schema,
                kioku: 1,
                id: SetId::new(&id).unwrap(),
                title,
                description,
                language: language.to_owned(),
                authors,
                source,
                source_document,
                abbreviations: abbreviations
                    .iter()
                    .map(|(s, l)| Abbreviation::new(s, l))
                    .collect(),
                tags,
                questions: qs
                    .into_iter()
                    .enumerate()
                    .map(|(i, (body, explanation, source, tags))| Question {
                        id: QuestionId::new(&format!("q-{i}")).unwrap(),
                        body,
                        explanation,
                        source,
                        tags,
                    })
                    .collect(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn text_round_trip_is_lossless(set in set()) {
        let text = to_text(&set);
        match parse_text(&text) {
            Ok(back) => prop_assert_eq!(back, set, "text:\n{}", text),
            Err(problems) => prop_assert!(false, "{problems:?}\n{text}"),
        }
    }

    /// JSON → text → JSON: the text format carries everything JSON does.
    #[test]
    fn json_text_json_round_trip(set in set()) {
        let json = serde_json::to_string_pretty(&set).unwrap();
        let from_json = parse_set(&json).unwrap();
        let back = parse_text(&to_text(&from_json)).unwrap();
        prop_assert_eq!(serde_json::to_string_pretty(&back).unwrap(), json);
    }
}

#[test]
fn interview_bank_round_trips_through_text() {
    let bank = parse_set(BUILTIN_INTERVIEW).unwrap();
    let text = to_text(&bank);
    assert_eq!(parse_text(&text).unwrap(), bank);
    assert!(text.contains("\n## abe-cancelled-moscow-visit\nQ: According to Abiru"));
    assert!(text.contains("\nsource_document: sources/interview.txt\n"));
}

fn errors(src: &str) -> Vec<String> {
    parse_text(src)
        .unwrap_err()
        .into_iter()
        .map(|(pos, p)| format!("{pos}: {p}"))
        .collect()
}

#[test]
fn every_type_parses_from_hand_written_text() {
    let src = "---\nkioku: 1\nid: capitals\ntitle: Capitals\nlanguage: en\ntags: geo, asia\n---\n\n\
## japan\nQ: Capital of Japan?\nA: Tokyo\nreversible: true\n\n\
## russia\nQ: Capital of Russia?\n= Moscow\n= Moskva\n\n\
## pick\nQ: Which are in Asia?\n- [x] Tokyo\n- [ ] Lima\n- [x] Seoul\nshuffle: false\n\n\
## tf\nF: Kyoto is the capital of Japan.\nexplain: It was, until 1868.\n\n  It moved to Tokyo.\n\n\
## cloze\nQ: {{Tokyo}} became the capital in {{1868}}.\n";
    let set = parse_text(src).unwrap();
    assert_eq!(set.tags, ["geo", "asia"]);
    assert_eq!(set.questions.len(), 5);
    assert_eq!(
        set.questions[0].body,
        QuestionBody::Flashcard {
            prompt: "Capital of Japan?".into(),
            answer: "Tokyo".into(),
            reversible: true
        }
    );
    assert_eq!(
        set.questions[1].body,
        QuestionBody::Typed {
            prompt: "Capital of Russia?".into(),
            answers: vec!["Moscow".into(), "Moskva".into()]
        }
    );
    assert_eq!(
        set.questions[2].body,
        QuestionBody::MultipleChoice {
            prompt: "Which are in Asia?".into(),
            choices: vec!["Tokyo".into(), "Lima".into(), "Seoul".into()],
            correct: vec![0, 2],
            shuffle: false,
        }
    );
    assert_eq!(
        set.questions[3].body,
        QuestionBody::TrueFalse {
            prompt: "Kyoto is the capital of Japan.".into(),
            answer: false
        }
    );
    assert_eq!(
        set.questions[3].explanation.as_deref(),
        Some("It was, until 1868.\n\n  It moved to Tokyo.")
    );
    assert_eq!(set.questions[4].card_variants().len(), 2);
}

#[test]
fn every_problem_in_a_file_is_located() {
    let src = "---\nkioku: 1\nid: Caps\ntitle: Capitals\nlanguage: english\n---\n\
## Japan\nQ: Capital?\nA: Tokyo\n\
## pick\nQ: Which?\n- [ ] a\n- [ ] a\n\
## c\nQ: {{Tokyo}} in {{1868\n\
## c\nQ: x\nA: y\nexplian: typo\n\
## mixed\nQ: p\nA: a\n= b\n";
    assert_eq!(
        errors(src),
        [
            "3:5: set id \"Caps\" is not kebab-case (lowercase letters and digits joined by single hyphens, e.g. \"caps\")",
            "5:11: language \"english\" is not a BCP 47 tag such as \"en\" or \"pt-BR\"",
            "7:4: question id \"Japan\" is not kebab-case (lowercase letters and digits joined by single hyphens, e.g. \"japan\")",
            "12:1: \"correct\" must list at least one choice index",
            "13:7: choice 1 repeats choice 0 (\"a\")",
            "15:17: unbalanced braces: \"{{\" is never closed with \"}}\"",
            "16:4: duplicate question id \"c\" (first used at 14:4)",
            "19:1: unknown field \"explian\", did you mean \"explain\"?",
            "23:1: this question mixes A: and = markers; each question has one type",
        ]
    );
}

#[test]
fn structural_problems() {
    assert_eq!(errors(""), ["1:1: file is empty"]);
    assert_eq!(
        errors("kioku: 1\n"),
        ["1:1: a .kioku.md file starts with a \"---\" line that opens the set's front matter"]
    );
    assert_eq!(
        errors("---\nkioku: 1\n"),
        ["1:1: the front matter is never closed with a \"---\" line"]
    );
    assert_eq!(
        errors(
            "---\nkioku: 1\nid: s\ntitle: t\nlanguage: en\ntitel: x\n---\nstray\n## q\nQ: no answer\n"
        ),
        [
            "6:1: unknown field \"titel\", did you mean \"title\"?",
            "8:1: text outside a question; each question starts with a \"## id\" heading (start a line with \\ to write it as text)",
            "9:4: the question has no answer: add \"A:\", \"=\" answers, \"- [x]\" choices, or {{...}} deletions in \"Q:\"",
        ]
    );
    assert_eq!(
        errors("---\nkioku: 2\n---\n"),
        [
            "2:8: unsupported format version 2; this kioku reads version 1 (the file needs a newer kioku)"
        ]
    );
    assert_eq!(
        errors(
            "---\nkioku: 1\nid: s\ntitle: t\nlanguage: en\n---\n## q\nT: x\nshuffle: false\nT: y\n"
        ),
        [
            "9:1: \"shuffle\" is not a field of true_false questions",
            "10:1: duplicate key \"T:/F:\" (first at 8:1)",
        ]
    );
}

#[test]
fn crlf_files_read_like_lf() {
    let src = "---\r\nkioku: 1\r\nid: s\r\ntitle: t\r\nlanguage: en\r\n---\r\n## q\r\nQ: a\r\nb\r\nA: c\r\n";
    let set = parse_text(src).unwrap();
    assert_eq!(set.questions[0].prompt_text(), "a\nb");
}
