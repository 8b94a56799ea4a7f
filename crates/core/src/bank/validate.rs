//! The semantic rules of a question set, shared by every front end (JSON,
//! the `.kioku.md` text format, imports). A front end extracts values with
//! their positions; these checks judge them and collect located problems.

use super::model::{
    Abbreviation, ClozeSegment, ClozeText, deletion_card, is_kebab_case, to_kebab_case,
};
use super::problem::{AbbreviationFault, IdKind, LocatedProblem, Pos, Problem};

/// Fewest choices a multiple-choice question may have.
pub const MIN_CHOICES: usize = 2;
/// Most choices a multiple-choice question may have.
pub const MAX_CHOICES: usize = 10;

/// Collects problems; each check returns `None` when it reported one.
#[derive(Debug, Default)]
pub struct Checker {
    pub problems: Vec<LocatedProblem>,
}

impl Checker {
    pub fn report(&mut self, pos: Pos, p: Problem) {
        self.problems.push((pos, p));
    }

    /// The problems, in file order.
    pub fn into_sorted(self) -> Vec<LocatedProblem> {
        let mut problems = self.problems;
        problems.sort_by_key(|(pos, _)| *pos);
        problems
    }

    /// A text that must not be blank.
    pub fn nonblank(&mut self, field: &str, text: &str, pos: Pos) -> Option<String> {
        if text.trim().is_empty() {
            self.report(
                pos,
                Problem::Empty {
                    field: field.to_owned(),
                },
            );
            None
        } else {
            Some(text.to_owned())
        }
    }

    /// One entry of a set's `abbreviations`: both sides non-blank, the
    /// short form with a letter or digit (what the grader compares), and
    /// not the same as its long form.
    pub fn abbreviation(
        &mut self,
        short: &str,
        long: &str,
        short_pos: Pos,
        long_pos: Pos,
    ) -> Option<Abbreviation> {
        let bad = |reason| Problem::BadAbbreviation {
            short: short.to_owned(),
            reason,
        };
        if short.trim().is_empty() {
            self.report(short_pos, bad(AbbreviationFault::BlankShort));
            return None;
        }
        if crate::text::normalize(short).is_empty() {
            self.report(short_pos, bad(AbbreviationFault::NothingToMatch));
            return None;
        }
        if long.trim().is_empty() {
            self.report(long_pos, bad(AbbreviationFault::BlankLong));
            return None;
        }
        if crate::text::normalize(short) == crate::text::normalize(long) {
            self.report(long_pos, bad(AbbreviationFault::SameAsLong));
            return None;
        }
        Some(Abbreviation::new(short.trim(), long.trim()))
    }

    /// A kebab-case id, a set's or a question's.
    pub fn kebab(&mut self, what: IdKind, id: &str, pos: Pos) -> Option<String> {
        if is_kebab_case(id) {
            return Some(id.to_owned());
        }
        let example = match to_kebab_case(id) {
            e if e.is_empty() => "my-id".to_owned(),
            e => e,
        };
        self.report(
            pos,
            Problem::NotKebabCase {
                what,
                value: id.to_owned(),
                example,
            },
        );
        None
    }

    /// A BCP 47 language tag.
    pub fn language(&mut self, tag: &str, pos: Pos) -> Option<String> {
        if is_language_tag(tag) {
            Some(tag.to_owned())
        } else {
            self.report(pos, Problem::BadLanguage(tag.to_owned()));
            None
        }
    }

    /// Multiple-choice choices as written: `None` entries were already
    /// reported as unusable but still count towards the number written.
    pub fn choices(
        &mut self,
        items: &[Option<(String, Pos)>],
        list_pos: Pos,
    ) -> Option<Vec<String>> {
        let mut ok = items.iter().all(Option::is_some);
        if items.len() < MIN_CHOICES {
            self.report(
                list_pos,
                Problem::TooFewChoices {
                    min: MIN_CHOICES,
                    found: items.len(),
                },
            );
            ok = false;
        } else if items.len() > MAX_CHOICES {
            self.report(
                list_pos,
                Problem::TooManyChoices {
                    max: MAX_CHOICES,
                    found: items.len(),
                },
            );
            ok = false;
        }
        let mut out = Vec::with_capacity(items.len());
        // (index as written, trimmed text) of the good choices so far.
        let mut seen: Vec<(usize, &str)> = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let Some((text, pos)) = item else { continue };
            let trimmed = text.trim();
            if trimmed.is_empty() {
                self.report(*pos, Problem::EmptyChoice { index });
                ok = false;
            } else if let Some(&(first, _)) = seen.iter().find(|(_, t)| *t == trimmed) {
                self.report(
                    *pos,
                    Problem::DuplicateChoice {
                        index,
                        first,
                        text: text.clone(),
                    },
                );
                ok = false;
            } else {
                seen.push((index, trimmed));
                out.push(text.clone());
            }
        }
        ok.then_some(out)
    }

    /// Correct-choice indices against `count` choices (when known). `None`
    /// entries were already reported. Returns them ascending.
    pub fn correct(
        &mut self,
        items: &[Option<(i64, Pos)>],
        count: Option<usize>,
        list_pos: Pos,
    ) -> Option<Vec<usize>> {
        if items.is_empty() {
            self.report(list_pos, Problem::NoCorrectChoice);
            return None;
        }
        let mut ok = true;
        let mut out: Vec<usize> = Vec::with_capacity(items.len());
        for item in items {
            let Some((index, pos)) = *item else {
                ok = false;
                continue;
            };
            if index < 0 {
                self.report(pos, Problem::NegativeIndex { index });
                ok = false;
                continue;
            }
            let as_usize = usize::try_from(index).unwrap_or(usize::MAX);
            if let Some(count) = count
                && as_usize >= count
            {
                self.report(pos, Problem::IndexOutOfRange { index, count });
                ok = false;
                continue;
            }
            if out.contains(&as_usize) {
                self.report(pos, Problem::DuplicateIndex { index });
                ok = false;
                continue;
            }
            out.push(as_usize);
        }
        out.sort_unstable();
        ok.then_some(out)
    }

    /// Accepted answers of a typed question: at least one, none blank, no
    /// two equal ignoring case and surrounding space.
    pub fn typed_answers(&mut self, items: &[(String, Pos)], list_pos: Pos) -> Option<Vec<String>> {
        if items.is_empty() {
            self.report(
                list_pos,
                Problem::Empty {
                    field: "answers".into(),
                },
            );
            return None;
        }
        let mut ok = true;
        for (i, (a, pos)) in items.iter().enumerate() {
            if a.trim().is_empty() {
                self.report(
                    *pos,
                    Problem::Empty {
                        field: "answers entry".into(),
                    },
                );
                ok = false;
                continue;
            }
            let norm = a.trim().to_lowercase();
            if let Some(first) = items[..i]
                .iter()
                .position(|(b, _)| b.trim().to_lowercase() == norm)
            {
                self.report(
                    *pos,
                    Problem::DuplicateAnswer {
                        index: i,
                        first,
                        text: a.clone(),
                    },
                );
                ok = false;
            }
        }
        ok.then(|| items.iter().map(|(a, _)| a.clone()).collect())
    }

    /// Cloze text; `at(i)` is the position of character `i` of `text`, and
    /// `pos` the position of the whole value.
    pub fn cloze(&mut self, text: &str, pos: Pos, at: impl Fn(usize) -> Pos) -> Option<ClozeText> {
        match parse_cloze(text) {
            Ok(c) => Some(c),
            Err(errors) => {
                for (i, p) in errors {
                    let pos = match p {
                        Problem::NoDeletion => pos,
                        _ => at(i),
                    };
                    self.report(pos, p);
                }
                None
            }
        }
    }
}

/// Remembers question ids to report duplicates.
#[derive(Debug, Default)]
pub struct SeenIds(std::collections::HashMap<String, Pos>);

impl SeenIds {
    /// Record `id` at `pos`; reports it when it was seen before.
    pub fn check(&mut self, cx: &mut Checker, id: &str, pos: Pos) -> bool {
        // A map, so checking a 10k-question set stays linear.
        if let Some(first) = self.0.get(id) {
            cx.report(
                pos,
                Problem::DuplicateQuestionId {
                    id: id.to_owned(),
                    first: *first,
                },
            );
            false
        } else {
            self.0.insert(id.to_owned(), pos);
            true
        }
    }
}

/// Split cloze text into text and `{{deletions}}`. Errors carry the
/// character offset of the offending brace.
pub fn parse_cloze(text: &str) -> Result<ClozeText, Vec<(usize, Problem)>> {
    let chars: Vec<char> = text.chars().collect();
    let mut segments = Vec::new();
    let mut errors = Vec::new();
    let mut buf = String::new();
    let mut open: Option<usize> = None;
    // Each deletion's start and whether it carries a card number.
    let mut numbered: Vec<(usize, bool)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let pair = chars.get(i + 1) == Some(&chars[i]);
        match chars[i] {
            '{' if pair => {
                if open.is_some() {
                    errors.push((i, Problem::NestedDeletion));
                } else {
                    if !buf.is_empty() {
                        segments.push(ClozeSegment::Text(std::mem::take(&mut buf)));
                    }
                    open = Some(i);
                }
                i += 2;
                continue;
            }
            '}' if pair => {
                match open.take() {
                    None => errors.push((i, Problem::UnopenedDeletion)),
                    Some(start) if deletion_card(&buf).1.trim().is_empty() => {
                        errors.push((start, Problem::EmptyDeletion));
                        buf.clear();
                    }
                    Some(start) => {
                        numbered.push((start, deletion_card(&buf).0.is_some()));
                        segments.push(ClozeSegment::Deletion(std::mem::take(&mut buf)));
                    }
                }
                i += 2;
                continue;
            }
            c @ ('{' | '}') => errors.push((i, Problem::StrayBrace(c))),
            c => buf.push(c),
        }
        i += 1;
    }
    if let Some(start) = open {
        errors.push((start, Problem::UnclosedDeletion));
    } else if !buf.is_empty() {
        segments.push(ClozeSegment::Text(buf));
    }
    let has_deletion = segments
        .iter()
        .any(|s| matches!(s, ClozeSegment::Deletion(_)));
    // Card numbers are all or nothing: an unnumbered deletion beside
    // numbered ones would have no card.
    if numbered.iter().any(|&(_, n)| n) {
        for &(start, _) in numbered.iter().filter(|&&(_, n)| !n) {
            errors.push((start, Problem::UnnumberedDeletion));
        }
    }
    if errors.is_empty() && !has_deletion {
        errors.push((0, Problem::NoDeletion));
    }
    if errors.is_empty() {
        Ok(ClozeText::from_segments(segments))
    } else {
        Err(errors)
    }
}

/// A loose BCP 47 check: a 2–3 letter primary language and optional
/// subtags of 1–8 letters or digits (`en`, `ja`, `pt-BR`, `zh-Hant-TW`).
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
