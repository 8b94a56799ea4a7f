//! Answer grading: pure functions from a card and a response to a verdict.
//!
//! Typed answers are graded leniently, as Quizlet does: case, surrounding
//! whitespace, punctuation and diacritics are ignored; any accepted answer
//! counts; one typo is forgiven (and shown) in answers of 5+ characters;
//! numbers must match exactly.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::bank::{CardVariant, QuestionBody, QuestionKind};
use crate::scheduler::Rating;
use crate::text::edit_distance;

/// What the learner did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// Revealed a flashcard (self-graded with the rating buttons).
    Revealed,
    /// Typed text (typed questions and cloze deletions).
    Typed(String),
    /// Picked these choice indices, as numbered in the file.
    Choices(Vec<usize>),
    /// Answered a true/false statement.
    TrueFalse(bool),
}

impl Response {
    /// The learner's input on a card of `kind` as a response: the text
    /// typed, the choices picked (file indices), the true/false pressed.
    /// The one place every front end turns input into something to grade;
    /// `None` while a true/false card has no answer yet.
    pub fn from_input(
        kind: QuestionKind,
        typed: &str,
        picked: &[usize],
        tf: Option<bool>,
    ) -> Option<Response> {
        match kind {
            QuestionKind::Flashcard => Some(Response::Revealed),
            QuestionKind::Typed | QuestionKind::Cloze => Some(Response::Typed(typed.to_owned())),
            QuestionKind::MultipleChoice => Some(Response::Choices(picked.to_vec())),
            QuestionKind::TrueFalse => tf.map(Response::TrueFalse),
        }
    }
}

/// How a typed answer matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypedMatch {
    /// Equal to accepted answer `index` after normalising.
    Exact {
        index: usize,
    },
    /// Equal to accepted answer `index` under the set language's rules.
    Lenient {
        index: usize,
    },
    /// One edit away from accepted answer `index`.
    Typo {
        index: usize,
    },
    Wrong,
}

/// Why a response was judged as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchReason {
    SelfGraded,
    Exact,
    Normalized,
    Typo,
    Alternative,
    Rejected,
}

/// A verdict with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub reason: MatchReason,
    pub matched: Option<String>,
    pub detail: String,
}

/// Match `given` against the accepted answers under `language`'s rules.
pub fn match_typed_in(given: &str, accepted: &[String], _language: &str) -> TypedMatch {
    match_typed(given, accepted)
}

/// Grade with the set's language.
pub fn grade_in(
    body: &QuestionBody,
    variant: CardVariant,
    response: &Response,
    _language: &str,
) -> Verdict {
    grade(body, variant, response)
}

/// Grade and say why.
pub fn judge(
    body: &QuestionBody,
    variant: CardVariant,
    response: &Response,
    language: &str,
) -> Judgement {
    let verdict = grade_in(body, variant, response, language);
    Judgement {
        verdict,
        reason: MatchReason::Rejected,
        matched: None,
        detail: String::new(),
    }
}

/// The grader's judgement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing to judge: the learner rates themselves.
    SelfGraded,
    Correct,
    /// Right, but with one typo; `expected` is the answer it matched.
    CorrectWithTypo {
        expected: String,
    },
    Wrong,
}

impl Verdict {
    pub fn is_correct(&self) -> Option<bool> {
        match self {
            Verdict::SelfGraded => None,
            Verdict::Correct | Verdict::CorrectWithTypo { .. } => Some(true),
            Verdict::Wrong => Some(false),
        }
    }

    /// The rating to suggest: Again after a wrong answer, Good otherwise.
    pub fn suggested_rating(&self) -> Rating {
        match self {
            Verdict::Wrong => Rating::Again,
            _ => Rating::Good,
        }
    }
}

/// Lowercase, without diacritics or punctuation, whitespace collapsed.
/// Dashes and slashes separate words (`Japan–Russia` = `Japan Russia`);
/// other punctuation just disappears (`U.S.` = `US`, `Abe's` = `Abes`).
pub fn normalize(s: &str) -> String {
    let separates = |c: char| c.is_whitespace() || matches!(c, '-' | '‐'..='―' | '−' | '/' | '_');
    let stripped: String = s
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .filter_map(|c| {
            if c.is_alphanumeric() {
                Some(c)
            } else if separates(c) {
                Some(' ')
            } else {
                None
            }
        })
        .collect::<String>()
        .to_lowercase();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Match `given` against the accepted answers.
pub fn match_typed(given: &str, accepted: &[String]) -> TypedMatch {
    let g = normalize(given);
    if g.is_empty() {
        return TypedMatch::Wrong;
    }
    let normalized: Vec<String> = accepted.iter().map(|a| normalize(a)).collect();
    if let Some(index) = normalized.iter().position(|a| *a == g) {
        return TypedMatch::Exact { index };
    }
    normalized
        .iter()
        .position(|a| {
            a.chars().count() >= 5 && digits(a) == digits(&g) && edit_distance(a, &g, 1) <= 1
        })
        .map_or(TypedMatch::Wrong, |index| TypedMatch::Typo { index })
}

/// Grade a response to one card of a question.
pub fn grade(body: &QuestionBody, variant: CardVariant, response: &Response) -> Verdict {
    let typed = |given: &str, accepted: &[String]| match match_typed(given, accepted) {
        TypedMatch::Exact { .. } | TypedMatch::Lenient { .. } => Verdict::Correct,
        TypedMatch::Typo { index } => Verdict::CorrectWithTypo {
            expected: accepted[index].clone(),
        },
        TypedMatch::Wrong => Verdict::Wrong,
    };
    match (body, response) {
        (QuestionBody::Flashcard { .. }, _) => Verdict::SelfGraded,
        (QuestionBody::Typed { answers, .. }, Response::Typed(given)) => typed(given, answers),
        (QuestionBody::Cloze { text }, Response::Typed(given)) => {
            let n = match variant {
                CardVariant::Cloze(n) => usize::from(n),
                _ => 1,
            };
            match text.deletion(n) {
                Some(answer) => typed(given, &[answer.trim().to_owned()]),
                None => Verdict::Wrong,
            }
        }
        (QuestionBody::MultipleChoice { correct, .. }, Response::Choices(picked)) => {
            // All or nothing: exactly the right set of choices.
            let mut picked = picked.clone();
            picked.sort_unstable();
            picked.dedup();
            if picked == *correct {
                Verdict::Correct
            } else {
                Verdict::Wrong
            }
        }
        (QuestionBody::TrueFalse { answer, .. }, Response::TrueFalse(given)) => {
            if answer == given {
                Verdict::Correct
            } else {
                Verdict::Wrong
            }
        }
        // A response of the wrong kind (e.g. revealing a typed card) is
        // judged by the learner.
        _ => Verdict::SelfGraded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn typed_answers_table() {
        use TypedMatch::*;
        let cases: &[(&str, &[&str], TypedMatch)] = &[
            ("Tokyo", &["Tokyo"], Exact { index: 0 }),
            ("  tokyo ", &["Tokyo"], Exact { index: 0 }),
            ("TOKYO!", &["Tokyo"], Exact { index: 0 }),
            ("Tōkyō", &["Tokyo"], Exact { index: 0 }),
            ("tokyo", &["Tōkyō"], Exact { index: 0 }),
            (
                "U.S. and China",
                &["the U.S. and China", "US and China"],
                Exact { index: 1 },
            ),
            (
                "Japan–Russia",
                &["Japan-Russia relations", "Japan-Russia"],
                Exact { index: 1 },
            ),
            ("Moskva", &["Moscow", "Moskva"], Exact { index: 1 }),
            ("Tokoy", &["Tokyo"], Typo { index: 0 }), // swap
            ("Tokio", &["Tokyo"], Typo { index: 0 }), // substitution
            ("Toky", &["Tokyo"], Typo { index: 0 }),  // deletion, 5 letters expected
            ("Tokyoo", &["Tokyo"], Typo { index: 0 }),
            ("Tkoio", &["Tokyo"], Wrong), // two edits
            ("Rme", &["Rome"], Wrong),    // too short for a typo
            ("2013", &["2012"], Wrong),   // numbers exact
            ("75", &["75th"], Wrong),
            ("75th", &["75th"], Exact { index: 0 }),
            ("75tj", &["75th"], Wrong), // under 5 characters
            (
                "the 1868 restoraton",
                &["the 1868 restoration"],
                Typo { index: 0 },
            ),
            ("the 1869 restoration", &["the 1868 restoration"], Wrong),
            ("", &["Tokyo"], Wrong),
            ("!!!", &["Tokyo"], Wrong),
        ];
        for (given, accepted, expected) in cases {
            assert_eq!(
                &match_typed(given, &s(accepted)),
                expected,
                "{given:?} vs {accepted:?}"
            );
        }
    }

    #[test]
    fn multiple_choice_is_all_or_nothing() {
        let body = QuestionBody::MultipleChoice {
            prompt: "p".into(),
            choices: s(&["a", "b", "c"]),
            correct: vec![0, 2],
            shuffle: true,
        };
        let g = |picked: Vec<usize>| grade(&body, CardVariant::Forward, &Response::Choices(picked));
        assert_eq!(g(vec![2, 0]), Verdict::Correct);
        assert_eq!(g(vec![0]), Verdict::Wrong);
        assert_eq!(g(vec![0, 1, 2]), Verdict::Wrong);
        assert_eq!(g(vec![]), Verdict::Wrong);
    }

    #[test]
    fn cloze_grades_the_deletion_of_its_card() {
        let text = crate::bank::parse::parse_cloze("{{Abe}} visited {{Moscow}}").unwrap();
        let body = QuestionBody::Cloze { text };
        let g =
            |n, given: &str| grade(&body, CardVariant::Cloze(n), &Response::Typed(given.into()));
        assert_eq!(g(1, "abe"), Verdict::Correct);
        assert_eq!(g(2, "Moscow"), Verdict::Correct);
        assert_eq!(
            g(2, "Moskow"),
            Verdict::CorrectWithTypo {
                expected: "Moscow".into()
            }
        );
        assert_eq!(g(1, "Moscow"), Verdict::Wrong);
        assert_eq!(g(2, "Moskow").suggested_rating(), Rating::Good);
        assert_eq!(g(1, "Moscow").suggested_rating(), Rating::Again);
    }

    #[test]
    fn true_false_and_flashcards() {
        let tf = QuestionBody::TrueFalse {
            prompt: "p".into(),
            answer: false,
        };
        assert_eq!(
            grade(&tf, CardVariant::Forward, &Response::TrueFalse(false)),
            Verdict::Correct
        );
        assert_eq!(
            grade(&tf, CardVariant::Forward, &Response::TrueFalse(true)),
            Verdict::Wrong
        );
        let fc = QuestionBody::Flashcard {
            prompt: "p".into(),
            answer: "a".into(),
            reversible: false,
        };
        assert_eq!(
            grade(&fc, CardVariant::Forward, &Response::Revealed),
            Verdict::SelfGraded
        );
    }
}
