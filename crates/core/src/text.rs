//! Small text helpers shared by parsing (field-name suggestions, checking
//! abbreviations) and grading.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A place in a text file. Both numbers are 1-based; `column` counts
/// Unicode scalar values (characters), not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    pub const START: Pos = Pos { line: 1, column: 1 };

    /// The position `chars` characters to the right on the same line.
    pub fn right(self, chars: usize) -> Pos {
        Pos {
            line: self.line,
            column: self
                .column
                .saturating_add(u32::try_from(chars).unwrap_or(u32::MAX)),
        }
    }
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Optimal string alignment distance (Levenshtein plus adjacent swaps) in
/// characters, giving up once it exceeds `limit` (returns `limit + 1`).
pub fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    // Three rolling rows: two back is needed for transpositions.
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(limit + 1)
}

/// The candidate nearest to `word` if it is close enough to be a likely
/// typo: at most 2 edits, and fewer than half the word's length.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = 2.min(word.chars().count().saturating_sub(1) / 2).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c, limit), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}')
}

/// Han ideographs and kana: scripts written without spaces between words.
fn is_cjk(c: char) -> bool {
    is_kana(c)
        || matches!(c,
            '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{3005}'..='\u{3007}'
            | '\u{20000}'..='\u{2FFFF}')
}

/// Lowercase, without diacritics or punctuation, whitespace collapsed,
/// compatibility forms folded (NFKC: full-width `７５` = `75`), and no
/// spaces between CJK characters (`東京 タワー` = `東京タワー`).
/// Dashes and slashes separate words (`Japan–Russia` = `Japan Russia`);
/// other punctuation just disappears (`U.S.` = `US`, `Abe's` = `Abes`).
/// Voicing marks on kana are not accents and stay (`ガ` ≠ `カ`).
pub fn normalize(s: &str) -> String {
    let separates = |c: char| c.is_whitespace() || matches!(c, '-' | '‐'..='―' | '−' | '/' | '_');
    let mut folded = String::with_capacity(s.len());
    let mut base: Option<char> = None;
    for c in s.nfkd() {
        if is_combining_mark(c) {
            if base.is_some_and(is_kana) {
                folded.push(c);
            }
            continue;
        }
        base = Some(c);
        if c.is_alphanumeric() {
            folded.extend(c.to_lowercase());
        } else if separates(c) {
            folded.push(' ');
        }
    }
    let composed: String = folded.nfc().collect();
    let mut out = String::with_capacity(composed.len());
    for word in composed.split_whitespace() {
        let joins = match (out.chars().last(), word.chars().next()) {
            (Some(a), Some(b)) => is_cjk(a) && is_cjk(b),
            _ => true,
        };
        if !joins {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("prompt", "prompt", 3), 0);
        assert_eq!(edit_distance("promt", "prompt", 3), 1);
        assert_eq!(edit_distance("porm", "prom", 3), 1);
        assert_eq!(edit_distance("kitten", "sitting", 5), 3);
        assert_eq!(edit_distance("a", "abcdef", 2), 3);
        assert_eq!(edit_distance("", "", 0), 0);
    }

    #[test]
    fn suggestions() {
        let fields = ["prompt", "answer", "answers", "explanation"];
        assert_eq!(suggest("promt", fields), Some("prompt"));
        assert_eq!(suggest("anwser", fields), Some("answer"));
        assert_eq!(suggest("explanaton", fields), Some("explanation"));
        assert_eq!(suggest("colour", fields), None);
        assert_eq!(suggest("x", fields), None);
    }
}
