//! The typed-answer grader as a teacher would mark: a table of
//! (given, accepted answers, set language, accepted?) and the reasons the
//! grader gives.

use kioku_core::bank::model::Abbreviation;
use kioku_core::bank::parse::parse_cloze;
use kioku_core::bank::{CardVariant, QuestionBody};
use kioku_core::grader::{
    Lenience, MatchReason, Response, Rules, TypedMatch, Verdict, grade_in, judge, match_typed_in,
};

const OK: bool = true;
const NO: bool = false;

/// (given, accepted answers, language, accepted?)
const TABLE: &[(&str, &[&str], &str, bool)] = &[
    // Case, punctuation, accents, width.
    ("Tokyo", &["Tokyo"], "en", OK),
    ("  tokyo! ", &["Tokyo"], "en", OK),
    ("Tōkyō", &["Tokyo"], "en", OK),
    ("７５", &["75"], "ja", OK),
    ("７５ｔｈ", &["75th"], "en", OK),
    ("ＴＯＫＹＯ", &["Tokyo"], "en", OK),
    ("東京 タワー", &["東京タワー"], "ja", OK),
    ("東 京", &["東京"], "zh", OK),
    ("ガス", &["カス"], "ja", NO), // a voicing mark is not an accent
    ("パン", &["パン"], "ja", OK),
    // Leading articles and prepositions (English).
    ("the 75th", &["75th"], "en", OK),
    ("75th", &["the 75th"], "en", OK),
    ("the end of 2012", &["end of 2012"], "en", OK),
    ("end of 2012", &["the end of 2012"], "en", OK),
    ("in the coming decades", &["coming decades"], "en", OK),
    ("coming decades", &["in the coming decades"], "en", OK),
    ("the Ukraine", &["Ukraine"], "en", OK),
    ("an apple", &["apple"], "en", OK),
    ("at Kyoto", &["Kyoto"], "en", OK),
    ("of the Meiji era", &["Meiji era"], "en", OK),
    ("the", &["the"], "en", OK),
    ("the", &["Tokyo"], "en", NO),
    ("end of 2013", &["the end of 2012"], "en", NO),
    // Numbers: numerals, words and ordinals.
    ("seventy-fifth", &["75th"], "en", OK),
    ("75th", &["seventy-fifth"], "en", OK),
    ("the seventy fifth", &["75th"], "en", OK),
    ("two", &["2"], "en", OK),
    ("2", &["two"], "en", OK),
    ("twelve", &["12"], "en", OK),
    ("first", &["1st"], "en", OK),
    ("twenty-one", &["21"], "en", OK),
    ("one hundred five", &["105"], "en", OK),
    ("two thousand twelve", &["2012"], "en", OK),
    ("the second", &["2nd"], "en", OK),
    ("2013", &["2012"], "en", NO),
    ("three", &["2"], "en", NO),
    ("seventy-sixth", &["75th"], "en", NO),
    ("75", &["75th"], "en", NO),
    ("2", &["two"], "ja", NO), // number words are English only
    // Lists joined by "and", in either order.
    ("China and the U.S.", &["the U.S. and China"], "en", OK),
    (
        "China and the U.S.",
        &["the United States and China", "the U.S. and China"],
        "en",
        OK,
    ),
    ("Russia and Japan", &["Japan and Russia"], "en", OK),
    (
        "the Netherlands and Belgium",
        &["Belgium and the Netherlands"],
        "en",
        OK,
    ),
    ("China and Japan", &["the U.S. and China"], "en", NO),
    ("China", &["the U.S. and China"], "en", NO),
    // Extra filler words around the whole key.
    (
        "the territorial issue between the two countries",
        &["territorial issue"],
        "en",
        OK,
    ),
    ("a territorial issue", &["territorial issue"], "en", OK),
    ("territorial issues", &["territorial issue"], "en", OK), // one typo
    (
        "it was the territorial issue",
        &["territorial issue"],
        "en",
        OK,
    ),
    // ... but never one that adds a negation or another answer.
    (
        "not the territorial issue",
        &["territorial issue"],
        "en",
        NO,
    ),
    ("no territorial issue", &["territorial issue"], "en", NO),
    (
        "never a territorial issue",
        &["territorial issue"],
        "en",
        NO,
    ),
    (
        "it isn't the territorial issue",
        &["territorial issue"],
        "en",
        NO,
    ),
    (
        "without the territorial issue",
        &["territorial issue"],
        "en",
        NO,
    ),
    (
        "the territorial issue or trade",
        &["territorial issue"],
        "en",
        NO,
    ),
    ("the issue", &["territorial issue"], "en", NO),
    ("not Russia", &["Russia"], "en", NO),
    ("Japan and Russia", &["Russia"], "en", NO),
    ("not yet", &["not yet"], "en", OK), // a negation in the key is fine
    // Another word stays wrong.
    ("proactive", &["assertive"], "en", NO),
    ("proactive assertive", &["assertive"], "en", NO),
    ("Kyoto", &["Tokyo"], "en", NO),
    ("Osaka", &["Tokyo", "Edo"], "en", NO),
    ("Edo", &["Tokyo", "Edo"], "en", OK),
    // Typos.
    ("Tokoy", &["Tokyo"], "en", OK),
    ("Tkoio", &["Tokyo"], "en", NO),
    ("Rme", &["Rome"], "en", NO),
    ("the 1868 restoraton", &["the 1868 restoration"], "en", OK),
    ("the 1869 restoration", &["the 1868 restoration"], "en", NO),
    // Middle initials left out on one side.
    ("Donald J. Trump", &["Donald Trump"], "en", OK),
    ("Donald J Trump", &["Trump", "Donald Trump"], "en", OK),
    ("Donald Trump", &["Donald J. Trump"], "en", OK),
    ("George Bush", &["George H. W. Bush"], "en", OK),
    ("George W. Bush", &["George H. W. Bush"], "en", NO),
    ("Donald X. Trump", &["Donald J. Trump"], "en", OK), // one typo
    ("J. Trump", &["Donald Trump"], "en", NO),
    ("grade A student", &["grade student"], "en", NO),
    // Nothing.
    ("", &["Tokyo"], "en", NO),
    ("!!!", &["Tokyo"], "en", NO),
    ("the", &["the Ukraine"], "en", NO),
];

#[test]
fn teacher_table() {
    assert!(TABLE.len() >= 60, "{} rows", TABLE.len());
    let mut failures = Vec::new();
    for (given, accepted, language, expected) in TABLE {
        let accepted: Vec<String> = accepted.iter().map(|s| s.to_string()).collect();
        let got = match_typed_in(given, &accepted, language);
        if (got != TypedMatch::Wrong) != *expected {
            failures.push(format!(
                "{given:?} vs {accepted:?} ({language}): got {got:?}, want {}",
                if *expected { "accepted" } else { "rejected" }
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Rows graded with the abbreviations a set declares: (given, accepted,
/// accepted?), English.
const ABBREVIATED: &[(&str, &[&str], bool)] = &[
    ("China and the U.S.", &["China and the United States"], OK),
    ("China and the United States", &["China and the U.S."], OK),
    ("the United States and China", &["China and the U.S."], OK),
    ("US and China", &["China and the United States"], OK),
    ("the U.S.", &["United States"], OK),
    ("United States", &["the U.S."], OK),
    ("U.S.", &["the United States of America"], NO),
    ("the UK", &["United Kingdom"], OK),
    ("United Kingdom", &["UK"], OK),
    ("the EU and Japan", &["Japan and the European Union"], OK),
    ("the European Union", &["EU"], OK),
    ("the UN", &["United Nations"], NO), // not declared
    ("U.K.", &["United States"], NO),
    ("the U.S.", &["United Kingdom"], NO),
    ("not the U.S.", &["United States"], NO),
    ("China and the U.K.", &["China and the United States"], NO),
    ("the U.S. in 2013", &["the United States in 2012"], NO),
    (
        "President Donald J. Trump of the U.S.",
        &["Donald Trump"],
        OK,
    ),
    ("the U.S. and the UK", &["the United States"], NO),
    ("Donald J. Trump", &["Donald Trump"], OK),
];

#[test]
fn declared_abbreviations_match_both_ways() {
    let abbreviations = [
        Abbreviation::new("U.S.", "United States"),
        Abbreviation::new("UK", "United Kingdom"),
        Abbreviation::new("EU", "European Union"),
    ];
    let rules = Rules {
        language: "en",
        abbreviations: &abbreviations,
    };
    let mut failures = Vec::new();
    for (given, accepted, expected) in ABBREVIATED {
        let accepted: Vec<String> = accepted.iter().map(|s| s.to_string()).collect();
        let got = match_typed_in(given, &accepted, rules);
        if (got != TypedMatch::Wrong) != *expected {
            failures.push(format!("{given:?} vs {accepted:?}: got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Without the declaration the long form is not the short one.
    let key = vec!["China and the United States".to_owned()];
    assert_eq!(
        match_typed_in("China and the U.S.", &key, "en"),
        TypedMatch::Wrong
    );
    assert_eq!(
        match_typed_in("China and the U.S.", &key, rules),
        TypedMatch::Lenient {
            index: 0,
            rule: Lenience::Abbreviation
        }
    );
    let j = judge(
        &typed(&["the United States"]),
        CardVariant::Forward,
        &Response::Typed("the U.S.".into()),
        rules,
    );
    assert_eq!(j.reason, MatchReason::Normalized);
    assert!(j.detail.contains("abbreviations"), "{}", j.detail);
}

#[test]
fn middle_initials_are_reported_as_such() {
    assert_eq!(
        match_typed_in("Donald J. Trump", &["Donald Trump".to_owned()], "en"),
        TypedMatch::Lenient {
            index: 0,
            rule: Lenience::Initials
        }
    );
}

fn typed(answers: &[&str]) -> QuestionBody {
    QuestionBody::Typed {
        prompt: "p".into(),
        answers: answers.iter().map(|s| s.to_string()).collect(),
    }
}

fn reason(body: &QuestionBody, variant: CardVariant, given: &str) -> MatchReason {
    judge(body, variant, &Response::Typed(given.into()), "en").reason
}

#[test]
fn reasons_tell_exact_normalised_typo_alternative_rejected() {
    let body = typed(&["the 75th", "diamond jubilee"]);
    let f = CardVariant::Forward;
    assert_eq!(reason(&body, f, "the 75th"), MatchReason::Exact);
    assert_eq!(reason(&body, f, "The 75th!"), MatchReason::Exact);
    assert_eq!(reason(&body, f, "seventy-fifth"), MatchReason::Normalized);
    assert_eq!(reason(&body, f, "75th"), MatchReason::Normalized);
    assert_eq!(
        reason(&body, f, "diamond jubilee"),
        MatchReason::Alternative
    );
    assert_eq!(reason(&body, f, "diamond jubile"), MatchReason::Typo);
    assert_eq!(reason(&body, f, "76th"), MatchReason::Rejected);
    let j = judge(&body, f, &Response::Typed("diamond jubile".into()), "en");
    assert_eq!(j.matched.as_deref(), Some("diamond jubilee"));
    assert_eq!(
        j.verdict,
        Verdict::CorrectWithTypo {
            expected: "diamond jubilee".into()
        }
    );
    assert!(!j.detail.is_empty());
    let r = judge(&body, f, &Response::Typed("76th".into()), "en");
    assert_eq!(r.verdict, Verdict::Wrong);
    assert_eq!(r.matched, None);
}

#[test]
fn cloze_alternatives_are_accepted_answers_of_one_blank() {
    let text = parse_cloze("The {{earliest|first}} capital was {{Nara}}.").unwrap();
    assert_eq!(text.deletion_count(), 2);
    assert_eq!(text.deletion(1), Some("earliest"));
    assert_eq!(text.deletion_answers(1), vec!["earliest", "first"]);
    assert_eq!(
        text.render_blanked(Some(2)),
        "The earliest capital was [...]."
    );
    assert_eq!(
        text.source_text(),
        "The {{earliest|first}} capital was {{Nara}}."
    );
    let body = QuestionBody::Cloze { text };
    let g = |n, given: &str| {
        grade_in(
            &body,
            CardVariant::Cloze(n),
            &Response::Typed(given.into()),
            "en",
        )
    };
    assert_eq!(g(1, "earliest"), Verdict::Correct);
    assert_eq!(g(1, "first"), Verdict::Correct);
    assert_eq!(g(1, "the first"), Verdict::Correct);
    assert_eq!(g(1, "1st"), Verdict::Correct);
    assert_eq!(g(1, "last"), Verdict::Wrong);
    assert_eq!(
        reason(&body, CardVariant::Cloze(1), "first"),
        MatchReason::Alternative
    );
    assert_eq!(
        reason(&body, CardVariant::Cloze(1), "earliest"),
        MatchReason::Exact
    );
}

#[test]
fn a_pipe_with_a_blank_side_stays_literal() {
    // Backward compatibility: `{{a|}}` or `{{|}}` were literal text before
    // alternatives existed and still are.
    let text = parse_cloze("Type {{|}} or {{a||b}} here.").unwrap();
    assert_eq!(text.deletion(1), Some("|"));
    assert_eq!(text.deletion_answers(1), vec!["|"]);
    assert_eq!(text.deletion_answers(2), vec!["a||b"]);
}

#[test]
fn grading_without_a_language_keeps_language_independent_rules() {
    let body = typed(&["75"]);
    assert_eq!(
        grade_in(
            &body,
            CardVariant::Forward,
            &Response::Typed("７５".into()),
            ""
        ),
        Verdict::Correct
    );
    let body = typed(&["the Ukraine"]);
    assert_eq!(
        grade_in(
            &body,
            CardVariant::Forward,
            &Response::Typed("Ukraine".into()),
            "fr"
        ),
        Verdict::Wrong
    );
    assert_eq!(
        grade_in(
            &body,
            CardVariant::Forward,
            &Response::Typed("Ukraine".into()),
            "en-GB"
        ),
        Verdict::Correct
    );
}

fn fixture() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/sets/good/cloze-alternatives.json"
    );
    std::fs::read_to_string(path).expect("fixture")
}

#[test]
fn alternatives_read_from_json_and_text_and_round_trip() {
    use kioku_core::bank::formats::text::{parse_text, to_text};
    use kioku_core::bank::parse_set;
    let set = parse_set(&fixture()).unwrap();
    let QuestionBody::Cloze { text } = &set.questions[0].body else {
        panic!("cloze expected");
    };
    assert_eq!(text.deletion_answers(1), vec!["earliest", "first"]);
    assert_eq!(
        set.questions[0].prompt_text(),
        "Nara was the [...] permanent capital, from [...]."
    );
    // The text format reuses the cloze text: same alternatives, lossless.
    let md = to_text(&set);
    assert!(md.contains("Q: Nara was the {{earliest|first}} permanent capital"));
    let back = parse_text(&md).unwrap();
    assert_eq!(back, set);
    let direct = parse_text(
        "---\nkioku: 1\nid: g\ntitle: G\nlanguage: en\n---\n\n## c\nQ: The {{earliest | first}} one.\n",
    )
    .unwrap();
    let QuestionBody::Cloze { text } = &direct.questions[0].body else {
        panic!("cloze expected");
    };
    assert_eq!(text.deletion_answers(1), vec!["earliest", "first"]);
    // JSON out keeps the source form.
    let json = serde_json::to_string(&set).unwrap();
    assert!(json.contains("{{earliest|first}}"));
}

#[test]
fn the_set_language_reaches_the_grader() {
    use kioku_core::bank::parse_set;
    let set = parse_set(&fixture()).unwrap();
    let q = &set.questions[2];
    let j = judge(
        &q.body,
        CardVariant::Forward,
        &Response::Typed("the territorial issue between the two countries".into()),
        &set.language,
    );
    assert_eq!(j.verdict, Verdict::Correct);
    assert_eq!(j.reason, MatchReason::Normalized);
    let j = judge(
        &q.body,
        CardVariant::Forward,
        &Response::Typed("no territorial issue".into()),
        &set.language,
    );
    assert_eq!(j.reason, MatchReason::Rejected);
}

/// Cards hiding several blanks (deletions sharing a number): one answer
/// per blank, in text order, separated by `;`, each graded as a typed
/// answer (case, spaces around a part and punctuation ignored), and the
/// card right only when every blank is.
#[test]
fn shared_number_cloze_grades_all_blanks_or_none() {
    let text = parse_cloze(
        "{{c1::Tokyo}} and {{c1::Osaka|Naniwa}} are large; {{c2::Kyoto}} was the capital.",
    )
    .unwrap();
    let body = QuestionBody::Cloze { text };
    let j = |n: u16, given: &str| {
        judge(
            &body,
            CardVariant::Cloze(n),
            &Response::Typed(given.into()),
            "en",
        )
    };
    let g = |n: u16, given: &str| j(n, given).verdict;
    // Both blanks, in order: right, however spaced or cased.
    assert_eq!(g(1, "Tokyo; Osaka"), Verdict::Correct);
    assert_eq!(
        j(1, "Tokyo; Osaka").matched.as_deref(),
        Some("Tokyo; Osaka")
    );
    assert_eq!(g(1, "tokyo;osaka"), Verdict::Correct);
    assert_eq!(g(1, "  TOKYO ;   osaka.  "), Verdict::Correct);
    // An alternative of one blank counts for that blank.
    assert_eq!(g(1, "Tokyo; Naniwa"), Verdict::Correct);
    assert_eq!(j(1, "Tokyo; Naniwa").reason, MatchReason::Alternative);
    // Order matters: each answer is graded against its own blank.
    assert_eq!(g(1, "Osaka; Tokyo"), Verdict::Wrong);
    // One blank wrong: the card is wrong, and no answer is credited.
    let one_wrong = j(1, "Tokyo; Kobe");
    assert_eq!(one_wrong.verdict, Verdict::Wrong);
    assert_eq!(one_wrong.matched, None);
    assert!(one_wrong.detail.contains("blank 2"), "{}", one_wrong.detail);
    assert_eq!(g(1, "Kobe; Osaka"), Verdict::Wrong);
    // A typo in one blank: right with the typo shown, the full answer given.
    assert_eq!(
        g(1, "Tokio; Osaka"),
        Verdict::CorrectWithTypo {
            expected: "Tokyo; Osaka".into()
        }
    );
    // Too few or too many parts (a trailing `;` is an empty part): wrong,
    // saying how many blanks the card hides.
    for given in [
        "Tokyo",
        "Tokyo Osaka",
        "Tokyo; Osaka; Kyoto",
        "Tokyo; Osaka;",
        "",
    ] {
        let r = j(1, given);
        assert_eq!(r.verdict, Verdict::Wrong, "{given:?}");
        assert!(
            r.detail.contains("hides 2 blanks"),
            "{given:?}: {}",
            r.detail
        );
    }
    // An empty part is a blank left empty.
    assert_eq!(g(1, "Tokyo; "), Verdict::Wrong);
    // The card of a number used once is a plain blank: `;` is not split.
    assert_eq!(g(2, "kyoto"), Verdict::Correct);
    assert_eq!(g(2, "Kyoto; Osaka"), Verdict::Wrong);
}
