//! `kioku stats [SET] [--json]`.

use std::process::ExitCode;

use super::{Context, lang, set_arg};
use crate::cli::Error;
use kioku_core::stats::{self, Histogram, Pass, RetentionWindow, Stats};
use kioku_i18n::{pad_right, t};

pub(super) fn run(ctx: &Context, set: Option<&str>, json: bool) -> Result<ExitCode, Error> {
    let lib = ctx.open_leaving()?;
    let set = set_arg(&lib, set)?;
    let now = lib.now(ctx.now()?);
    let s = stats::for_library(&lib, set.as_ref(), now)?;
    if json {
        let text = serde_json::to_string_pretty(&s)
            .map_err(|e| Error::Usage(t!(lang(), "error-encode-stats", error = e.to_string())))?;
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
    let l = lang();
    let mut out = String::new();
    let scope = s
        .set
        .as_ref()
        .map_or(t!(l, "stats-all-sets"), |id| id.to_string());
    out.push_str(&t!(
        l,
        "stats-title",
        scope = scope,
        date = kioku_i18n::date(l, s.today)
    ));
    out.push_str("\n\n");
    // Labels padded to one column in terminal width, so they line up in
    // every language.
    let row = |out: &mut String, label: &str, text: String| {
        out.push_str(&pad_right(&t_key(label), 12));
        out.push(' ');
        out.push_str(&text);
        out.push('\n');
    };
    let c = &s.cards;
    row(
        &mut out,
        "stats-cards-label",
        t!(
            l,
            "stats-cards",
            total = c.total,
            new = c.new,
            learning = c.learning,
            young = c.young,
            mature = c.mature
        ),
    );
    let last_30: u32 = s.calendar.counts.iter().rev().take(30).sum();
    let last_365: u32 = s.calendar.counts.iter().sum();
    row(
        &mut out,
        "stats-reviews-label",
        t!(
            l,
            "stats-reviews",
            today = s.calendar.counts.last().copied().unwrap_or(0),
            month = last_30,
            year = last_365,
            ever = s.total_reviews
        ),
    );
    row(
        &mut out,
        "stats-streak-label",
        t!(l, "stats-streak", days = s.streak_days),
    );
    let answer = s
        .average_answer_ms
        .map_or(t!(l, "stats-answer-time-none"), |ms| {
            t!(
                l,
                "stats-answer-time",
                seconds = kioku_i18n::fixed(ms / 1000.0, 1)
            )
        });
    row(&mut out, "stats-answer-time-label", answer);
    let week: u32 = s.due_forecast.iter().take(7).sum();
    let month: u32 = s.due_forecast.iter().sum();
    row(
        &mut out,
        "stats-due-label",
        t!(
            l,
            "stats-due",
            today = s.due_forecast.first().copied().unwrap_or(0),
            tomorrow = s.due_forecast.get(1).copied().unwrap_or(0),
            week = week,
            month = month
        ),
    );
    out.push_str(&format!(
        "\n{} {} {}\n",
        pad_right(&t!(l, "stats-retention"), 16),
        pad_right(&t!(l, "stats-young"), 18),
        t!(l, "stats-mature")
    ));
    let retention = |name: String, w: &RetentionWindow| {
        format!(
            "  {} {:<18} {}\n",
            pad_right(&name, 14),
            pct(&w.young),
            pct(&w.mature)
        )
    };
    out.push_str(&retention(
        t!(l, "stats-last-7-days"),
        &s.retention.last_7_days,
    ));
    out.push_str(&retention(
        t!(l, "stats-last-30-days"),
        &s.retention.last_30_days,
    ));
    out.push_str(&retention(
        t!(l, "stats-last-365-days"),
        &s.retention.last_365_days,
    ));
    if s.stability.total() > 0 {
        out.push_str(&format!(
            "\n{}\n{}\n",
            t!(l, "stats-stability"),
            histogram(&s.stability, &t!(l, "stats-days-unit"))
        ));
        out.push_str(&format!(
            "{}\n{}\n",
            t!(l, "stats-difficulty"),
            histogram(&s.difficulty, "")
        ));
        out.push_str(&format!(
            "{}\n{}\n",
            t!(l, "stats-retrievability"),
            histogram(&s.retrievability, "")
        ));
    }
    out
}

/// A label's message, by key.
fn t_key(key: &str) -> String {
    kioku_i18n::tr(lang(), key, &[])
}
