//! Verified sources: a set may name the document its questions quote
//! (`source_document`); every question's `source` must then be a passage of
//! it. Matching ignores differences of whitespace, typographic quotes and
//! dashes only.

use super::model::QuestionSet;
use super::problem::{LocatedProblem, Pos, Problem};

/// Where a set's source fields are in its file, so problems can point at
/// them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSpots {
    /// The `source_document` value (the set's start when absent).
    pub document: Pos,
    /// Each question's `source` value, in set order (the question's start
    /// when it has none).
    pub quotes: Vec<Pos>,
}

impl Default for SourceSpots {
    fn default() -> Self {
        Self {
            document: Pos::START,
            quotes: Vec::new(),
        }
    }
}

/// One character as compared: typographic quotes and dashes become their
/// ASCII forms. Whitespace is handled by [`normalize`].
fn fold(c: char) -> char {
    match c {
        '\u{201c}' | '\u{201d}' => '"',
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{2013}' | '\u{2014}' | '\u{2010}' => '-',
        c => c,
    }
}

/// `text` with every run of whitespace made one space (none at the ends)
/// and quotes and dashes folded.
pub fn normalize(text: &str) -> String {
    words(text).join(" ")
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.chars().map(fold).collect())
        .collect()
}

/// True when `quote` is a passage of `document`, up to whitespace, quotes
/// and dashes.
pub fn quote_in(document: &str, quote: &str) -> bool {
    let quote = normalize(quote);
    !quote.is_empty() && normalize(document).contains(&quote)
}

/// The passage of `document` closest to `quote`: as many words as the
/// quote, the fewest word edits away (the earliest on a tie), written as
/// in the document with its whitespace collapsed.
pub fn nearest_passage(document: &str, quote: &str) -> Option<String> {
    let raw: Vec<&str> = document.split_whitespace().collect();
    let doc: Vec<String> = raw.iter().map(|w| w.chars().map(fold).collect()).collect();
    let q = words(quote);
    if q.is_empty() || doc.is_empty() {
        return None;
    }
    let len = q.len().min(doc.len());
    let mut best: Option<(usize, usize)> = None;
    for start in 0..=doc.len() - len {
        let d = word_distance(&q, &doc[start..start + len]);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, start));
        }
    }
    best.map(|(_, start)| raw[start..start + len].join(" "))
}

/// Levenshtein distance counted in whole words.
fn word_distance(a: &[String], b: &[String]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, wa) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, wb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(wa != wb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Every question of `set` whose `source` is not a passage of `document`
/// (named `name` in messages), located by `spots`.
pub fn verify(
    set: &QuestionSet,
    spots: &SourceSpots,
    name: &str,
    document: &str,
) -> Vec<LocatedProblem> {
    let doc = normalize(document);
    let mut problems = Vec::new();
    for (i, q) in set.questions.iter().enumerate() {
        let Some(quote) = q.source.as_deref() else {
            continue;
        };
        let norm = normalize(quote);
        if !norm.is_empty() && doc.contains(&norm) {
            continue;
        }
        let pos = spots.quotes.get(i).copied().unwrap_or(Pos::START);
        problems.push((
            pos,
            Problem::QuoteNotInSource {
                document: name.to_owned(),
                nearest: nearest_passage(document, quote),
            },
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_ignores_whitespace_quotes_and_dashes_only() {
        let doc = "the Soviet Union\u{2019}s  WWII\nvictory \u{2014} “now”";
        assert!(quote_in(doc, "Union's WWII victory - \"now\""));
        assert!(!quote_in(doc, "union's WWII victory"));
        assert!(!quote_in(doc, "Union's WWII victory."));
        assert!(!quote_in(doc, "  "));
    }

    #[test]
    fn the_nearest_passage_is_the_closest_window_as_written() {
        let doc = "One is signing the peace treaty. The second pillar is\n the China factor.";
        assert_eq!(
            nearest_passage(doc, "The second pillar is the Russia factor.").as_deref(),
            Some("The second pillar is the China factor.")
        );
    }
}
