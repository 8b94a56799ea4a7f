//! Answer grading: pure functions from a card and a response to a verdict.
//!
//! Typed answers are graded leniently, as Quizlet does: case, surrounding
//! whitespace, punctuation and diacritics are ignored; any accepted answer
//! counts; one typo is forgiven (and shown) in answers of 5+ characters;
//! numbers must match exactly.

use crate::bank::model::Abbreviation;
use crate::bank::{CardVariant, QuestionBody, QuestionKind, QuestionSet};
use crate::scheduler::Rating;
use crate::text::edit_distance;
pub use crate::text::normalize;

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
    /// Equal to accepted answer `index` after normalising (case,
    /// punctuation, accents, character width, spaces in CJK text).
    Exact {
        index: usize,
    },
    /// Equal to accepted answer `index` under the set language's rules.
    Lenient {
        index: usize,
        rule: Lenience,
    },
    /// One edit away from accepted answer `index`.
    Typo {
        index: usize,
    },
    Wrong,
}

/// Which language rule let an answer through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lenience {
    /// Leading articles and prepositions, number words and ordinals
    /// (`the seventy-fifth` = `75th`).
    Wording,
    /// The parts of an "and" list in another order.
    Order,
    /// The whole answer with only filler words around it.
    ExtraWords,
    /// Equal once the set's declared abbreviations are written out
    /// (`the U.S.` = `the United States`), on either side.
    Abbreviation,
    /// Equal without middle initials on one side (`Donald J. Trump` =
    /// `Donald Trump`).
    Initials,
}

impl Lenience {
    fn describe(self) -> &'static str {
        match self {
            Lenience::Wording => {
                "ignoring leading articles and prepositions and how numbers are written"
            }
            Lenience::Order => "with the parts of the list in another order",
            Lenience::ExtraWords => "with only filler words around it",
            Lenience::Abbreviation => "with the set's abbreviations written out",
            Lenience::Initials => "without middle initials",
        }
    }
}

/// Why a response was judged as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchReason {
    /// Nothing to judge: the learner rates themselves.
    SelfGraded,
    /// The answer shown (up to case, punctuation, accents and width), the
    /// right choices, or the right true/false.
    Exact,
    /// An accepted answer under the language's rules: articles, number
    /// words, list order, filler words.
    Normalized,
    /// One typo away from an accepted answer.
    Typo,
    /// Another accepted answer than the one shown.
    Alternative,
    /// Wrong.
    Rejected,
}

impl MatchReason {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchReason::SelfGraded => "self_graded",
            MatchReason::Exact => "exact",
            MatchReason::Normalized => "normalized",
            MatchReason::Typo => "typo",
            MatchReason::Alternative => "alternative",
            MatchReason::Rejected => "rejected",
        }
    }
}

/// A verdict with its reason: what a caller shows as "why".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub reason: MatchReason,
    /// The accepted answer the response matched, for typed answers.
    pub matched: Option<String>,
    /// Why, as data: a front end words it in the user's language.
    pub why: Detail,
    /// `why` in English, one sentence (machine-readable output keeps it).
    pub detail: String,
}

/// Why a response was judged as it was, with what it was compared to.
/// `Display` gives the English sentence of [`Judgement::detail`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// A flashcard: the learner rates themselves.
    SelfGraded,
    /// A response of another kind than the card's: the learner judges it.
    ByLearner,
    /// The answer shown.
    MatchesAnswer {
        answer: String,
    },
    /// Another accepted answer than the one shown.
    MatchesAlternative {
        answer: String,
    },
    /// An accepted answer under a language rule.
    MatchesLeniently {
        answer: String,
        rule: Lenience,
    },
    /// One typo away from an accepted answer.
    OneTypo {
        answer: String,
    },
    /// The question accepts no answer at all.
    NoAcceptedAnswer,
    /// Wrong: `answer` is the one shown, `alternatives` how many others
    /// are accepted.
    NoMatch {
        answer: String,
        alternatives: usize,
    },
    /// The cloze card names a blank the text does not have.
    NoSuchBlank,
    RightChoices,
    NotRightChoices,
    /// True/false, right.
    Right,
    /// True/false, wrong.
    OtherWay,
    /// A card hiding several blanks got another number of answers.
    BlankCount {
        blanks: usize,
        given: usize,
    },
    /// A card hiding several blanks: each blank's detail, in order.
    Blanks(Vec<Detail>),
}

impl std::fmt::Display for Detail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Detail::SelfGraded => f.write_str("flashcards are self-graded"),
            Detail::ByLearner => f.write_str("judged by the learner"),
            Detail::MatchesAnswer { answer } => write!(f, "matches the answer \"{answer}\""),
            Detail::MatchesAlternative { answer } => {
                write!(f, "matches the accepted alternative \"{answer}\"")
            }
            Detail::MatchesLeniently { answer, rule } => {
                write!(f, "matches \"{answer}\" {}", rule.describe())
            }
            Detail::OneTypo { answer } => write!(f, "one typo away from \"{answer}\""),
            Detail::NoAcceptedAnswer => f.write_str("there is no accepted answer"),
            Detail::NoMatch {
                answer,
                alternatives: 0,
            } => write!(f, "does not match the answer \"{answer}\""),
            Detail::NoMatch {
                answer,
                alternatives,
            } => write!(
                f,
                "does not match the answer \"{answer}\" or its {alternatives} alternative{}",
                if *alternatives == 1 { "" } else { "s" }
            ),
            Detail::NoSuchBlank => f.write_str("the cloze has no such blank"),
            Detail::RightChoices => f.write_str("the right choices"),
            Detail::NotRightChoices => f.write_str("not exactly the right choices"),
            Detail::Right => f.write_str("right"),
            Detail::OtherWay => f.write_str("the statement is the other way"),
            Detail::BlankCount { blanks, given } => write!(
                f,
                "this card hides {blanks} blanks: give their answers in order, separated by \";\" ({given} given)"
            ),
            Detail::Blanks(each) => {
                for (i, d) in each.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "blank {}: {d}", i + 1)?;
                }
                Ok(())
            }
        }
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

/// What a set tells the grader: its language (a BCP 47 tag) and the
/// abbreviations it declares. A bare language tag converts into rules
/// without abbreviations.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rules<'a> {
    pub language: &'a str,
    pub abbreviations: &'a [Abbreviation],
}

impl<'a> From<&'a str> for Rules<'a> {
    fn from(language: &'a str) -> Self {
        Rules {
            language,
            abbreviations: &[],
        }
    }
}

impl<'a> From<&&'a str> for Rules<'a> {
    fn from(language: &&'a str) -> Self {
        Rules::from(*language)
    }
}

impl<'a> From<&'a String> for Rules<'a> {
    fn from(language: &'a String) -> Self {
        Rules::from(language.as_str())
    }
}

impl<'a> From<&'a QuestionSet> for Rules<'a> {
    fn from(set: &'a QuestionSet) -> Self {
        Rules {
            language: &set.language,
            abbreviations: &set.abbreviations,
        }
    }
}

/// The grading rules of a set's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    English,
    /// Only the language-independent rules.
    Other,
}

impl Lang {
    fn of(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") || primary.eq_ignore_ascii_case("eng") {
            Lang::English
        } else {
            Lang::Other
        }
    }
}

/// Words dropped from the start of an English answer.
const LEADING_EN: &[&str] = &["the", "a", "an", "in", "at", "on", "of"];

/// Words that make an English answer say the opposite.
const NEGATIONS_EN: &[&str] = &[
    "not", "no", "never", "without", "none", "nothing", "nobody", "neither", "nor", "cannot",
    "non", "isnt", "arent", "wasnt", "werent", "dont", "doesnt", "didnt", "cant", "couldnt",
    "wont", "wouldnt", "shouldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt", "aint",
];

/// Words that join a second answer to the first (hedging).
const JOINERS_EN: &[&str] = &["and", "or", "but", "nor", "either", "versus", "vs"];

/// Filler words that may surround a one-word answer.
const FILLERS_EN: &[&str] = &[
    "the", "a", "an", "in", "at", "on", "of", "to", "for", "from", "by", "with", "it", "its", "is",
    "was", "are", "were", "be", "been", "this", "that", "these", "those", "there", "their", "they",
    "he", "she", "his", "her", "which", "who", "as", "about", "called", "named", "known", "i",
    "think", "answer", "just", "only", "exactly", "simply",
];

fn is_negation(w: &str) -> bool {
    NEGATIONS_EN.contains(&w)
}

fn is_number(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
}

/// The value of an English number word and whether it is an ordinal.
fn number_word(w: &str) -> Option<(u64, bool)> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const UNITS_TH: [&str; 20] = [
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const TENS_TH: [&str; 8] = [
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    const SCALES: [(&str, &str, u64); 3] = [
        ("hundred", "hundredth", 100),
        ("thousand", "thousandth", 1_000),
        ("million", "millionth", 1_000_000),
    ];
    let pos = |list: &[&str]| list.iter().position(|x| *x == w).map(|i| i as u64);
    if let Some(i) = pos(&UNITS) {
        return Some((i, false));
    }
    if let Some(i) = pos(&UNITS_TH) {
        return Some((i, true));
    }
    if let Some(i) = pos(&TENS) {
        return Some((20 + 10 * i, false));
    }
    if let Some(i) = pos(&TENS_TH) {
        return Some((20 + 10 * i, true));
    }
    SCALES.iter().find_map(|(c, o, v)| {
        if *c == w {
            Some((*v, false))
        } else if *o == w {
            Some((*v, true))
        } else {
            None
        }
    })
}

fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// English number words as numerals: `seventy fifth` → `75th`,
/// `two thousand twelve` → `2012`, `two` → `2`.
fn numerals(words: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let Some((first, first_ord)) = number_word(&words[i]) else {
            out.push(words[i].clone());
            i += 1;
            continue;
        };
        if first >= 100 {
            // A bare scale word (`hundred`) is left alone.
            out.push(words[i].clone());
            i += 1;
            continue;
        }
        let (mut total, mut current, mut ord) = (0u64, first, first_ord);
        i += 1;
        while !ord && i < words.len() {
            let Some((v, o)) = number_word(&words[i]) else {
                break;
            };
            // After a scale word (`hundred`, `thousand`) anything under
            // 100 may follow; after a ten, only a unit.
            let after_scale = current % 100 == 0 && (current > 0 || total > 0);
            let fits = match v {
                0..=9 => after_scale || (current % 100 >= 20 && current % 10 == 0),
                10..=99 => after_scale,
                100 => (1..100).contains(&current),
                _ => current > 0 && current < v,
            };
            if !fits {
                break;
            }
            match v {
                100 => current *= 100,
                1_000.. => {
                    total += current * v;
                    current = 0;
                }
                _ => current += v,
            }
            ord = o;
            i += 1;
        }
        let n = total + current;
        out.push(if ord { ordinal(n) } else { n.to_string() });
    }
    out
}

/// Without the language's leading articles and prepositions, unless that
/// would leave nothing.
fn strip_leading(words: &[String], lang: Lang) -> &[String] {
    if lang != Lang::English {
        return words;
    }
    let skip = words
        .iter()
        .take_while(|w| LEADING_EN.contains(&w.as_str()))
        .count();
    if skip == words.len() {
        words
    } else {
        &words[skip..]
    }
}

/// An answer's words under the language's rules, leading words kept.
fn words(s: &str, lang: Lang) -> Vec<String> {
    let words: Vec<String> = normalize(s)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    match lang {
        Lang::English => numerals(words),
        Lang::Other => words,
    }
}

/// The sorted parts of an English "and" list, each without leading
/// articles; `None` unless there are at least two parts.
fn list_parts(words: &[String]) -> Option<Vec<&[String]>> {
    let mut parts: Vec<&[String]> = words
        .split(|w| w == "and")
        .map(|p| strip_leading(p, Lang::English))
        .collect();
    if parts.len() < 2 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    parts.sort();
    Some(parts)
}

/// `given` is all of `key` with only filler words around it: no added
/// negation, no second answer joined by "and"/"or", no numbers beside a
/// key that has numbers, and around a one-word key only filler words.
fn contains_with_fillers(given: &[String], key: &[String]) -> bool {
    if key.is_empty() || given.len() <= key.len() {
        return false;
    }
    let Some(at) = given.windows(key.len()).position(|w| w == key) else {
        return false;
    };
    let extras: Vec<&String> = given[..at].iter().chain(&given[at + key.len()..]).collect();
    let key_has_number = key.iter().any(|w| is_number(w));
    extras.len() <= 2 * key.len() + 2
        && extras.iter().all(|w| {
            let w = w.as_str();
            let changes_meaning =
                is_negation(w) || JOINERS_EN.contains(&w) || (key_has_number && is_number(w));
            !changes_meaning && (key.len() > 1 || FILLERS_EN.contains(&w))
        })
}

fn negation_count(words: &[String]) -> usize {
    words.iter().filter(|w| is_negation(w)).count()
}

fn digits(words: &[String]) -> String {
    words
        .iter()
        .flat_map(|w| w.chars())
        .filter(char::is_ascii_digit)
        .collect()
}

/// Match `given` against the accepted answers with only the
/// language-independent rules.
pub fn match_typed(given: &str, accepted: &[String]) -> TypedMatch {
    match_typed_in(given, accepted, "")
}

/// Match `given` against the accepted answers under `rules` (the set's
/// language and abbreviations; a bare BCP 47 tag also does). Tried in
/// turn, each over every accepted answer: equal after [`normalize`];
/// equal under the language's rules (English: leading articles and
/// prepositions dropped, number words as numerals, "and" lists in any
/// order, filler words around the whole answer); the same with the set's
/// abbreviations written out on both sides; the same without middle
/// initials on one side; one typo in an answer of 5+ characters with the
/// same numbers. An answer that adds a negation is never accepted
/// leniently.
pub fn match_typed_in<'a>(
    given: &str,
    accepted: &[String],
    rules: impl Into<Rules<'a>>,
) -> TypedMatch {
    let rules = rules.into();
    let g = normalize(given);
    if g.is_empty() {
        return TypedMatch::Wrong;
    }
    let normalized: Vec<String> = accepted.iter().map(|a| normalize(a)).collect();
    if let Some(index) = normalized.iter().position(|a| *a == g) {
        return TypedMatch::Exact { index };
    }
    let lang = Lang::of(rules.language);
    let abbreviations: Vec<(Vec<String>, Vec<String>)> = rules
        .abbreviations
        .iter()
        .map(|a| (words(&a.short, lang), words(&a.long, lang)))
        .filter(|(short, _)| !short.is_empty())
        .collect();
    let plain_given = words(given, lang);
    let plain_keys: Vec<Vec<String>> = accepted.iter().map(|a| words(a, lang)).collect();
    let given_words = expand(&plain_given, &abbreviations);
    let keys: Vec<Vec<String>> = plain_keys
        .iter()
        .map(|k| expand(k, &abbreviations))
        .collect();
    let by_rules = |given_words: &[String], keys: &[Vec<String>]| {
        let g_core = strip_leading(given_words, lang);
        let adds_negation = |key: &[String]| {
            lang == Lang::English && negation_count(given_words) > negation_count(key)
        };
        let lenient = |rule: Lenience, key: &[String]| {
            let k_core = strip_leading(key, lang);
            match rule {
                Lenience::Wording => g_core == k_core,
                Lenience::Order if lang == Lang::English => {
                    list_parts(given_words).is_some_and(|g| list_parts(key) == Some(g))
                }
                Lenience::ExtraWords if lang == Lang::English => {
                    contains_with_fillers(g_core, k_core)
                }
                _ => false,
            }
        };
        [Lenience::Wording, Lenience::Order, Lenience::ExtraWords]
            .into_iter()
            .find_map(|rule| {
                keys.iter()
                    .position(|k| !adds_negation(k) && lenient(rule, k))
                    .map(|index| TypedMatch::Lenient { index, rule })
            })
    };
    let with_rule = |m: Option<TypedMatch>, rule: Lenience| {
        m.map(|m| match m {
            TypedMatch::Lenient { index, .. } => TypedMatch::Lenient { index, rule },
            other => other,
        })
    };
    if let Some(m) = by_rules(&plain_given, &plain_keys) {
        return m;
    }
    if (given_words != plain_given || keys != plain_keys)
        && let Some(m) = with_rule(by_rules(&given_words, &keys), Lenience::Abbreviation)
    {
        return m;
    }
    // Middle initials left out on one side only: "George W. Bush" is not
    // "George H. W. Bush".
    let no_initials =
        |s: &str| without_initials(s).map(|t| expand(&words(&t, lang), &abbreviations));
    if let Some(g) = no_initials(given)
        && let Some(m) = with_rule(by_rules(&g, &keys), Lenience::Initials)
    {
        return m;
    }
    let keys_without: Vec<Vec<String>> = accepted
        .iter()
        .zip(&keys)
        .map(|(a, k)| no_initials(a).unwrap_or_else(|| k.clone()))
        .collect();
    if keys_without != keys
        && let Some(m) = with_rule(by_rules(&given_words, &keys_without), Lenience::Initials)
    {
        return m;
    }
    let g_core = strip_leading(&given_words, lang);
    let g_flat = g_core.join(" ");
    keys.iter()
        .position(|k| {
            let k_core = strip_leading(k, lang);
            let k_flat = k_core.join(" ");
            !(lang == Lang::English && negation_count(&given_words) > negation_count(k))
                && k_flat.chars().count() >= 5
                && digits(k_core) == digits(g_core)
                && edit_distance(&k_flat, &g_flat, 1) <= 1
        })
        .map_or(TypedMatch::Wrong, |index| TypedMatch::Typo { index })
}

/// `words` with every declared short form (as words) replaced by its long
/// form, longest short forms first, in one pass.
fn expand(words: &[String], abbreviations: &[(Vec<String>, Vec<String>)]) -> Vec<String> {
    if abbreviations.is_empty() {
        return words.to_vec();
    }
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let hit = abbreviations
            .iter()
            .filter(|(short, _)| words[i..].starts_with(short))
            .max_by_key(|(short, _)| short.len());
        match hit {
            Some((short, long)) => {
                out.extend(long.iter().cloned());
                i += short.len();
            }
            None => {
                out.push(words[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// `s` without its middle initials: a capital letter alone (`J` or `J.`)
/// between two capitalised words, as in "Donald J. Trump". `None` when
/// there are none.
fn without_initials(s: &str) -> Option<String> {
    let tokens: Vec<&str> = s.split_whitespace().collect();
    let is_initial = |t: &str| {
        let mut cs = t.chars();
        matches!((cs.next(), cs.next(), cs.next()), (Some(c), None | Some('.'), None) if c.is_uppercase())
    };
    let capitalised = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
    let mut kept = Vec::with_capacity(tokens.len());
    let mut dropped = false;
    for (i, t) in tokens.iter().enumerate() {
        let inner = i > 0 && i + 1 < tokens.len();
        // The word before (skipping initials) and after must be names.
        let before = tokens[..i].iter().rev().find(|t| !is_initial(t));
        let after = tokens[i + 1..].iter().find(|t| !is_initial(t));
        if inner
            && is_initial(t)
            && before.is_some_and(|b| capitalised(b))
            && after.is_some_and(|a| capitalised(a))
        {
            dropped = true;
        } else {
            kept.push(*t);
        }
    }
    dropped.then(|| kept.join(" "))
}

/// Judge a card that hides several blanks (deletions sharing a number):
/// `given` holds one answer per blank, in text order, separated by `;`.
/// Every blank must be right; the card's verdict is its worst blank's.
fn judge_blanks(given: &str, blanks: &[Vec<String>], rules: Rules) -> Judgement {
    let parts: Vec<&str> = given.split(';').map(str::trim).collect();
    if parts.len() != blanks.len() {
        let why = Detail::BlankCount {
            blanks: blanks.len(),
            given: parts.len(),
        };
        return Judgement {
            verdict: Verdict::Wrong,
            reason: MatchReason::Rejected,
            matched: None,
            detail: why.to_string(),
            why,
        };
    }
    let each: Vec<Judgement> = parts
        .iter()
        .zip(blanks)
        .map(|(g, accepted)| judge_typed(g, accepted, rules))
        .collect();
    let rank = |j: &Judgement| match j.verdict {
        Verdict::Wrong => 3,
        Verdict::CorrectWithTypo { .. } => 2,
        _ if j.reason != MatchReason::Exact => 1,
        _ => 0,
    };
    let worst = each.iter().max_by_key(|j| rank(j)).map_or(0, rank);
    let first_worst = each.iter().find(|j| rank(j) == worst);
    let verdict = match first_worst.map(|j| &j.verdict) {
        Some(Verdict::Wrong) => Verdict::Wrong,
        Some(Verdict::CorrectWithTypo { .. }) => Verdict::CorrectWithTypo {
            expected: blanks
                .iter()
                .map(|b| b.first().cloned().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("; "),
        },
        _ => Verdict::Correct,
    };
    let matched = (verdict != Verdict::Wrong).then(|| {
        each.iter()
            .filter_map(|j| j.matched.clone())
            .collect::<Vec<_>>()
            .join("; ")
    });
    let why = Detail::Blanks(each.iter().map(|j| j.why.clone()).collect());
    Judgement {
        verdict,
        reason: first_worst.map_or(MatchReason::Exact, |j| j.reason),
        matched,
        detail: why.to_string(),
        why,
    }
}

/// Judge `given` against the accepted answers (the first is the one shown).
fn judge_typed(given: &str, accepted: &[String], rules: Rules) -> Judgement {
    let quote = |i: usize| accepted[i].clone();
    let (verdict, reason, matched, why) = match match_typed_in(given, accepted, rules) {
        TypedMatch::Exact { index: 0 } => (
            Verdict::Correct,
            MatchReason::Exact,
            Some(0),
            Detail::MatchesAnswer { answer: quote(0) },
        ),
        TypedMatch::Exact { index } => (
            Verdict::Correct,
            MatchReason::Alternative,
            Some(index),
            Detail::MatchesAlternative {
                answer: quote(index),
            },
        ),
        TypedMatch::Lenient { index, rule } => (
            Verdict::Correct,
            MatchReason::Normalized,
            Some(index),
            Detail::MatchesLeniently {
                answer: quote(index),
                rule,
            },
        ),
        TypedMatch::Typo { index } => (
            Verdict::CorrectWithTypo {
                expected: accepted[index].clone(),
            },
            MatchReason::Typo,
            Some(index),
            Detail::OneTypo {
                answer: quote(index),
            },
        ),
        TypedMatch::Wrong => (
            Verdict::Wrong,
            MatchReason::Rejected,
            None,
            match accepted.len() {
                0 => Detail::NoAcceptedAnswer,
                n => Detail::NoMatch {
                    answer: quote(0),
                    alternatives: n - 1,
                },
            },
        ),
    };
    Judgement {
        verdict,
        reason,
        matched: matched.map(|i| accepted[i].clone()),
        detail: why.to_string(),
        why,
    }
}

/// Grade a response and say why, under the set's `rules` (its language
/// and abbreviations; a bare language tag also does).
pub fn judge<'a>(
    body: &QuestionBody,
    variant: CardVariant,
    response: &Response,
    rules: impl Into<Rules<'a>>,
) -> Judgement {
    let rules = rules.into();
    let plain = |verdict: Verdict, why: Detail| Judgement {
        reason: match verdict {
            Verdict::SelfGraded => MatchReason::SelfGraded,
            Verdict::Wrong => MatchReason::Rejected,
            _ => MatchReason::Exact,
        },
        verdict,
        matched: None,
        detail: why.to_string(),
        why,
    };
    match (body, response) {
        (QuestionBody::Flashcard { .. }, _) => plain(Verdict::SelfGraded, Detail::SelfGraded),
        (QuestionBody::Typed { answers, .. }, Response::Typed(given)) => {
            judge_typed(given, answers, rules)
        }
        (QuestionBody::Cloze { text }, Response::Typed(given)) => {
            let card = match variant {
                CardVariant::Cloze(n) => n,
                _ => 1,
            };
            let blanks: Vec<Vec<String>> = text
                .card_deletions(card)
                .into_iter()
                .map(|n| {
                    text.deletion_answers(n)
                        .into_iter()
                        .map(|a| a.trim().to_owned())
                        .collect()
                })
                .collect();
            match blanks.as_slice() {
                [] => plain(Verdict::Wrong, Detail::NoSuchBlank),
                [answers] => judge_typed(given, answers, rules),
                _ => judge_blanks(given, &blanks, rules),
            }
        }
        (QuestionBody::MultipleChoice { correct, .. }, Response::Choices(picked)) => {
            // All or nothing: exactly the right set of choices.
            let mut picked = picked.clone();
            picked.sort_unstable();
            picked.dedup();
            if picked == *correct {
                plain(Verdict::Correct, Detail::RightChoices)
            } else {
                plain(Verdict::Wrong, Detail::NotRightChoices)
            }
        }
        (QuestionBody::TrueFalse { answer, .. }, Response::TrueFalse(given)) => {
            if answer == given {
                plain(Verdict::Correct, Detail::Right)
            } else {
                plain(Verdict::Wrong, Detail::OtherWay)
            }
        }
        // A response of the wrong kind (e.g. revealing a typed card) is
        // judged by the learner.
        _ => plain(Verdict::SelfGraded, Detail::ByLearner),
    }
}

/// Grade a response under the set's `rules` (its language and
/// abbreviations; a bare language tag also does).
pub fn grade_in<'a>(
    body: &QuestionBody,
    variant: CardVariant,
    response: &Response,
    rules: impl Into<Rules<'a>>,
) -> Verdict {
    judge(body, variant, response, rules).verdict
}

/// Grade a response to one card of a question with only the
/// language-independent rules; [`grade_in`] adds the set language's.
pub fn grade(body: &QuestionBody, variant: CardVariant, response: &Response) -> Verdict {
    grade_in(body, variant, response, "")
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
