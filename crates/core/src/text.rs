//! Small text helpers shared by parsing (field-name suggestions) and grading.

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
