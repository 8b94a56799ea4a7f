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

/// Where `quote` is in `document`: the byte range of the first passage
/// that matches under the same rules as [`quote_in`] (whitespace,
/// typographic quotes and dashes), from its first character to its last.
/// `None` when it is not there.
pub fn locate(document: &str, quote: &str) -> Option<std::ops::Range<usize>> {
    let quote = normalize(quote);
    if quote.is_empty() {
        return None;
    }
    // The normalised document, with for each of its bytes the byte range
    // in `document` of the character it came from.
    let mut norm = String::with_capacity(document.len());
    let mut from: Vec<(usize, usize)> = Vec::with_capacity(document.len());
    let mut pending_space: Option<(usize, usize)> = None;
    for (i, c) in document.char_indices() {
        let end = i + c.len_utf8();
        if c.is_whitespace() {
            if !norm.is_empty() && pending_space.is_none() {
                pending_space = Some((i, end));
            }
            continue;
        }
        if let Some(space) = pending_space.take() {
            norm.push(' ');
            from.push(space);
        }
        let f = fold(c);
        norm.push(f);
        from.extend(std::iter::repeat_n((i, end), f.len_utf8()));
    }
    let at = norm.find(&quote)?;
    let first = from.get(at)?.0;
    let last = from.get(at + quote.len() - 1)?.1;
    Some(first..last)
}

/// A stretch of a paragraph, highlighted (the quoted passage) or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub marked: bool,
}

/// A source document prepared for reading: its paragraphs (split at blank
/// lines, line breaks inside one read as spaces; or one a line when the
/// document has no blank lines) with the passage `quote`
/// marked, and whether it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderView {
    pub paragraphs: Vec<Vec<Segment>>,
    pub found: bool,
}

/// `document` as paragraphs with `quote` marked where [`locate`] finds it.
/// A passage across a paragraph break is marked in each paragraph.
pub fn reader_view(document: &str, quote: &str) -> ReaderView {
    let mark = locate(document, quote);
    // Paragraph byte ranges: runs of lines that are not blank, or each
    // line when the document has no blank line (one paragraph a line).
    let blank_separated = document
        .split('\n')
        .skip_while(|l| l.trim().is_empty())
        .any(|l| l.trim().is_empty());
    let mut ranges = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0;
    for line in document.split_inclusive('\n') {
        if !blank_separated && let Some(s) = start.take() {
            ranges.push(s..at);
        }
        match (line.trim().is_empty(), start) {
            (false, None) => start = Some(at),
            (true, Some(s)) => {
                ranges.push(s..at);
                start = None;
            }
            _ => {}
        }
        at += line.len();
    }
    if let Some(s) = start {
        ranges.push(s..document.len());
    }
    let paragraphs = ranges
        .into_iter()
        .map(|r| {
            let cuts = match &mark {
                Some(m) if m.start < r.end && m.end > r.start => {
                    vec![
                        (r.start..m.start.max(r.start), false),
                        (m.start.max(r.start)..m.end.min(r.end), true),
                        (m.end.min(r.end)..r.end, false),
                    ]
                }
                _ => vec![(r.clone(), false)],
            };
            let mut segments: Vec<Segment> = cuts
                .into_iter()
                .map(|(range, marked)| Segment {
                    text: collapse(&document[range]),
                    marked,
                })
                .filter(|s| !s.text.is_empty())
                .collect();
            if let Some(first) = segments.first_mut() {
                first.text = first.text.trim_start().to_owned();
            }
            if let Some(last) = segments.last_mut() {
                last.text = last.text.trim_end().to_owned();
            }
            segments.retain(|s| !s.text.is_empty());
            segments
        })
        .filter(|p| !p.is_empty())
        .collect();
    ReaderView {
        paragraphs,
        found: mark.is_some(),
    }
}

/// Every run of whitespace as one space, ends kept.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
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
    fn locate_finds_the_passage_as_written_in_the_document() {
        let doc =
            "Intro.\n\nThe Soviet Union\u{2019}s WWII\nvictory \u{2014} \u{201c}now\u{201d} ends.";
        let r = locate(doc, "Union's WWII victory - \"now\"").unwrap();
        assert_eq!(
            &doc[r],
            "Union\u{2019}s WWII\nvictory \u{2014} \u{201c}now\u{201d}"
        );
        assert_eq!(locate(doc, "union's WWII"), None);
        assert_eq!(locate(doc, " "), None);
        // The first occurrence.
        let r = locate("a b a b", "a b").unwrap();
        assert_eq!(r, 0..3);
    }

    #[test]
    fn the_reader_view_marks_the_quote_in_its_paragraphs() {
        let doc = "First para\nstill first.\n\n  Second  para: the quote\nstarts here.\n\nThird.";
        let v = reader_view(doc, "the quote starts");
        assert!(v.found);
        let seg = |t: &str, m| Segment {
            text: t.to_owned(),
            marked: m,
        };
        assert_eq!(
            v.paragraphs,
            vec![
                vec![seg("First para still first.", false)],
                vec![
                    seg("Second para: ", false),
                    seg("the quote starts", true),
                    seg(" here.", false)
                ],
                vec![seg("Third.", false)],
            ]
        );
        // Across a paragraph break: marked in both.
        let v = reader_view(doc, "still first. Second para");
        assert_eq!(
            v.paragraphs[0],
            vec![seg("First para ", false), seg("still first.", true)]
        );
        assert_eq!(v.paragraphs[1][0], seg("Second para", true));
        assert_eq!(v.paragraphs[1][1], seg(": the quote starts here.", false));
        // Without blank lines, each line is a paragraph.
        let v = reader_view("One.\nTwo three.\nFour.", "Two three");
        assert_eq!(v.paragraphs.len(), 3);
        assert_eq!(
            v.paragraphs[1],
            vec![seg("Two three", true), seg(".", false)]
        );
        // Not found: the whole text, nothing marked.
        let v = reader_view(doc, "absent");
        assert!(!v.found);
        assert_eq!(v.paragraphs.len(), 3);
        assert!(v.paragraphs.iter().flatten().all(|s| !s.marked));
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
