//! `kioku stats [SET] [--json]`.

use std::process::ExitCode;

use super::{Context, set_arg};
use crate::cli::Error;
use kioku_core::stats::{self, Histogram, Pass, RetentionWindow, Stats};

pub(super) fn run(ctx: &Context, set: Option<&str>, json: bool) -> Result<ExitCode, Error> {
    let lib = ctx.open()?;
    let set = set_arg(&lib, set)?;
    let now = lib.now(ctx.now()?);
    let s = stats::for_library(&lib, set.as_ref(), now)?;
    if json {
        let text = serde_json::to_string_pretty(&s)
            .map_err(|e| Error::Usage(format!("cannot encode statistics: {e}")))?;
        println!("{text}");
    } else {
        print!("{}", table(&s));
    }
    Ok(ExitCode::SUCCESS)
}

fn pct(p: &Pass) -> String {
    match p.rate {
        Some(r) => format!("{:5.1}% ({}/{})", r * 100.0, p.passed, p.reviews),
        None => "    – (0/0)".to_owned(),
    }
}

fn histogram(h: &Histogram, unit: &str) -> String {
    h.buckets
        .iter()
        .filter(|b| b.count > 0)
        .map(|b| match b.to {
            Some(to) => format!("  {}–{}{unit}: {}", b.from, to, b.count),
            None => format!("  ≥{}{unit}: {}", b.from, b.count),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The statistics as a readable text table.
fn table(s: &Stats) -> String {
    let mut out = String::new();
    let scope = s
        .set
        .as_ref()
        .map_or("all sets".to_owned(), |id| id.to_string());
    out.push_str(&format!("Statistics for {scope} on {}\n\n", s.today));
    let c = &s.cards;
    out.push_str(&format!(
        "Cards        {} total · {} new · {} learning · {} young · {} mature\n",
        c.total, c.new, c.learning, c.young, c.mature
    ));
    let last_30: u32 = s.calendar.counts.iter().rev().take(30).sum();
    let last_365: u32 = s.calendar.counts.iter().sum();
    out.push_str(&format!(
        "Reviews      {} today · {last_30} in 30 days · {last_365} in 365 days · {} ever\n",
        s.calendar.counts.last().copied().unwrap_or(0),
        s.total_reviews
    ));
    out.push_str(&format!(
        "Streak       {} day{}\n",
        s.streak_days,
        if s.streak_days == 1 { "" } else { "s" }
    ));
    let answer = s
        .average_answer_ms
        .map_or("–".to_owned(), |ms| format!("{:.1} s", ms / 1000.0));
    out.push_str(&format!("Answer time  {answer} on average\n"));
    let week: u32 = s.due_forecast.iter().take(7).sum();
    let month: u32 = s.due_forecast.iter().sum();
    out.push_str(&format!(
        "Due          {} today · {} tomorrow · {week} in 7 days · {month} in 30 days\n",
        s.due_forecast.first().copied().unwrap_or(0),
        s.due_forecast.get(1).copied().unwrap_or(0),
    ));
    out.push_str("\nTrue retention   young              mature\n");
    let row = |name: &str, w: &RetentionWindow| {
        format!("  {name:<14} {:<18} {}\n", pct(&w.young), pct(&w.mature))
    };
    out.push_str(&row("last 7 days", &s.retention.last_7_days));
    out.push_str(&row("last 30 days", &s.retention.last_30_days));
    out.push_str(&row("last 365 days", &s.retention.last_365_days));
    if s.stability.total() > 0 {
        out.push_str(&format!(
            "\nStability (days)\n{}\n",
            histogram(&s.stability, "d")
        ));
        out.push_str(&format!(
            "Difficulty (1–10)\n{}\n",
            histogram(&s.difficulty, "")
        ));
        out.push_str(&format!(
            "Retrievability now\n{}\n",
            histogram(&s.retrievability, "")
        ));
    }
    out
}
