//! Import/export round trips over the interview bank: what each format
//! can express comes back equal.

use kioku_core::bank::formats::{Format, ImportMeta, Imported, export, import};
use kioku_core::bank::{BUILTIN_INTERVIEW, Question, QuestionBody, QuestionSet, SetId, parse_set};

fn bank() -> QuestionSet {
    parse_set(BUILTIN_INTERVIEW).unwrap()
}

fn meta() -> ImportMeta {
    ImportMeta::for_file(std::path::Path::new("x.txt"), SetId::new("back"))
}

fn round_trip(format: Format) -> (QuestionSet, Imported, Vec<String>) {
    let set = bank();
    let out = export(&set, format).unwrap();
    let back = import(out.text.as_bytes(), format, &meta()).unwrap();
    let skipped = out.skipped.iter().map(|s| s.item.clone()).collect();
    (set, back, skipped)
}

fn strip(q: &Question, explanation: bool, source: bool, tags: bool) -> Question {
    Question {
        explanation: if explanation {
            q.explanation.clone()
        } else {
            None
        },
        source: if source { q.source.clone() } else { None },
        tags: if tags { q.tags.clone() } else { Vec::new() },
        ..q.clone()
    }
}

#[test]
fn json_and_text_carry_everything() {
    for f in [Format::Json, Format::Md] {
        let (set, back, skipped) = round_trip(f);
        assert!(skipped.is_empty());
        assert_eq!(back.set, set, "{f}");
    }
}

#[test]
fn csv_and_tsv_carry_every_question() {
    for f in [Format::Csv, Format::Tsv] {
        let (set, back, skipped) = round_trip(f);
        assert!(skipped.is_empty());
        assert_eq!(back.set.questions, set.questions, "{f}");
        assert_eq!(back.set.id.as_str(), "back");
    }
}

#[test]
fn anki_text_carries_flashcards_and_clozes() {
    let (set, back, skipped) = round_trip(Format::AnkiTsv);
    assert!(skipped.is_empty());
    assert_eq!(back.set.questions.len(), set.questions.len());
    // Markdown is written as HTML, named in a note; its flattened text
    // comes back.
    let out = export(&set, Format::AnkiTsv).unwrap();
    let rendered: Vec<&str> = out
        .notes
        .iter()
        .filter(|n| n.reason.contains("Markdown"))
        .flat_map(|n| n.item.split(", "))
        .collect();
    for (q, b) in set.questions.iter().zip(&back.set.questions) {
        assert_eq!(b.id, q.id);
        assert_eq!(b.tags, q.tags);
        if rendered.contains(&q.id.as_str()) {
            continue;
        }
        match &q.body {
            QuestionBody::Flashcard { .. } => assert_eq!(*b, strip(q, false, false, true)),
            QuestionBody::Cloze { .. } => assert_eq!(*b, strip(q, true, false, true)),
            // Written as Basic notes with the answer shown.
            _ => assert!(matches!(b.body, QuestionBody::Flashcard { .. })),
        }
    }
}

#[test]
fn gift_carries_choice_true_false_and_typed_with_explanations() {
    let (set, back, skipped) = round_trip(Format::Gift);
    let kept: Vec<&Question> = set
        .questions
        .iter()
        .filter(|q| !skipped.contains(&q.id.to_string()))
        .collect();
    assert!(kept.len() >= 30);
    for q in &kept {
        assert!(matches!(
            q.body,
            QuestionBody::MultipleChoice { .. }
                | QuestionBody::TrueFalse { .. }
                | QuestionBody::Typed { .. }
        ));
    }
    let expected: Vec<Question> = kept.iter().map(|q| strip(q, true, false, false)).collect();
    assert_eq!(back.set.questions, expected);
}

#[test]
fn aiken_carries_single_answer_choice_and_true_false() {
    let (set, back, skipped) = round_trip(Format::Aiken);
    let kept: Vec<&Question> = set
        .questions
        .iter()
        .filter(|q| !skipped.contains(&q.id.to_string()))
        .collect();
    assert!(kept.len() >= 20);
    let bodies: Vec<&QuestionBody> = back.set.questions.iter().map(|q| &q.body).collect();
    let expected: Vec<&QuestionBody> = kept.iter().map(|q| &q.body).collect();
    assert_eq!(bodies, expected);
}

#[test]
fn apkg_is_not_exported() {
    assert!(export(&bank(), Format::Apkg).is_err());
}

#[test]
fn quizlet_two_column_tsv_is_flashcards() {
    let back = import(
        b"term\tdefinition\nneko\tcat\ninu\tdog\n",
        Format::Tsv,
        &meta(),
    )
    .unwrap();
    let ids: Vec<&str> = back.set.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["neko", "inu"]);
    assert_eq!(
        back.set.questions[1].body,
        QuestionBody::Flashcard {
            prompt: "inu".into(),
            answer: "dog".into(),
            reversible: false
        }
    );
}

fn problems(bytes: &[u8], f: Format) -> Vec<String> {
    match import(bytes, f, &meta()) {
        Err(kioku_core::bank::formats::ImportError::Invalid(p)) => p
            .into_iter()
            .map(|(pos, p)| format!("{pos}: {p}"))
            .collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_files_get_located_errors() {
    assert_eq!(
        problems(
            b"type,prompt,choices,correct\nmultiple_choice,Q?,a|a,0\nbogus,x,,\n",
            Format::Csv
        ),
        [
            "2:1: choice 1 repeats choice 0 (\"a\")",
            "3:1: unknown question type \"bogus\"; expected flashcard, reversible_flashcard, typed, multiple_choice, true_false or cloze",
        ]
    );
    assert_eq!(
        problems(b"Q?\nA. x\nB. y\nANSWER: C\n\nR?\nA. x\n", Format::Aiken),
        [
            "4:1: ANSWER \"C\" names no choice; the choices are A to B",
            "6:1: question has no \"ANSWER:\" line",
        ]
    );
    assert_eq!(
        problems(b"::a::Q? {=x ~y\n\n::b::R {}\n", Format::Gift),
        ["1:1: the answer block \"{\" is never closed with \"}\""]
    );
}

#[test]
fn gift_escapes_survive() {
    let src = "::q::What is 1\\=1 \\{really\\}? {=yes\\: sure ~no\\~ ####a \\# b}\n";
    let back = import(src.as_bytes(), Format::Gift, &meta()).unwrap();
    let q = &back.set.questions[0];
    assert_eq!(
        q.body,
        QuestionBody::MultipleChoice {
            prompt: "What is 1=1 {really}?".into(),
            choices: vec!["yes: sure".into(), "no~".into()],
            correct: vec![0],
            shuffle: true,
        }
    );
    assert_eq!(q.explanation.as_deref(), Some("a # b"));
}
