//! `kioku decks`

use std::process::ExitCode;

use kioku_i18n::{pad_left, pad_right, t, width};

use super::{Context, lang};
use crate::cli::Error;

pub(super) fn run(ctx: &Context, json: bool) -> Result<ExitCode, Error> {
    let lib = ctx.open_leaving()?;
    let decks = lib.decks(lib.now(ctx.now()?));
    if json {
        let text = serde_json::to_string_pretty(&decks).map_err(|e| Error::Usage(e.to_string()))?;
        println!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    let l = lang();
    let header = [
        t!(l, "decks-id"),
        t!(l, "decks-cards"),
        t!(l, "decks-new"),
        t!(l, "decks-learning"),
        t!(l, "decks-due"),
        t!(l, "decks-title"),
    ];
    let rows: Vec<[String; 6]> = decks
        .iter()
        .map(|d| {
            [
                d.id.to_string(),
                d.total.to_string(),
                d.new.to_string(),
                d.learning.to_string(),
                d.due.to_string(),
                d.title.clone(),
            ]
        })
        .collect();
    print!("{}", table(&header, &rows));
    Ok(ExitCode::SUCCESS)
}

/// The table as text: each column as wide as its widest cell in terminal
/// columns (so kanji, two columns each, line up too); the id on the left,
/// the counts right-aligned, the title last and unpadded.
fn table(header: &[String; 6], rows: &[[String; 6]]) -> String {
    let mut widths = [0usize; 6];
    for row in std::iter::once(header).chain(rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |row: &[String; 6]| {
        let mut s = pad_right(&row[0], widths[0]);
        for i in 1..5 {
            s.push_str("  ");
            s.push_str(&pad_left(&row[i], widths[i]));
        }
        s.push_str("  ");
        s.push_str(&row[5]);
        s.trim_end().to_owned() + "\n"
    };
    std::iter::once(header).chain(rows).map(line).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: [&str; 6]) -> [String; 6] {
        cells.map(str::to_owned)
    }

    #[test]
    fn columns_line_up_in_display_width() {
        let header = row(["ID", "カード", "新規", "学習中", "期日", "タイトル"]);
        let rows = [
            row(["japan-history", "120", "20", "3", "45", "日本史"]),
            row(["a", "7", "0", "0", "1234", "Kanji"]),
        ];
        let text = table(&header, &rows);
        let lines: Vec<&str> = text.lines().collect();
        // Where the title column starts, in terminal columns, is the same
        // on every line.
        let title_at = |line: &str, title: &str| width(&line[..line.find(title).unwrap()]);
        assert_eq!(title_at(lines[0], "タイトル"), title_at(lines[1], "日本史"));
        assert_eq!(title_at(lines[1], "日本史"), title_at(lines[2], "Kanji"));
        // The counts end in the same column: the due column's right edge.
        let due_end = |line: &str, due: &str| width(&line[..line.find(due).unwrap() + due.len()]);
        assert_eq!(due_end(lines[0], "期日"), due_end(lines[2], "1234"));
        assert_eq!(
            text,
            "ID             カード  新規  学習中  期日  タイトル\n\
             japan-history     120    20       3    45  日本史\n\
             a                   7     0       0  1234  Kanji\n"
        );
    }
}
