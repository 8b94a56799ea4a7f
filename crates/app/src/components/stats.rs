//! Statistics: the numbers come from `stats::for_library`; this only draws
//! them, as SVG with a tooltip on every mark and a text alternative.

use dioxus::prelude::*;

use crate::{AppCtx, Screen, now};
use kioku_core::bank::SetId;
use kioku_core::stats::{Histogram, Pass, Stats};

pub fn open(ctx: AppCtx, set: Option<SetId>) {
    ctx.go(Screen::Stats(set));
}

fn pct(p: &Pass) -> String {
    match p.rate {
        Some(r) => format!("{:.1}% ({}/{})", r * 100.0, p.passed, p.reviews),
        None => "—".to_owned(),
    }
}

#[component]
pub fn StatsView() -> Element {
    let ctx: AppCtx = use_context();
    let set = match &*ctx.screen.read() {
        Screen::Stats(set) => set.clone(),
        _ => None,
    };
    let (stats, title) = match ctx.library.read().as_ref() {
        Some(lib) => {
            let title = match &set {
                Some(id) => lib.set(id).map(|s| s.title.clone()).unwrap_or_default(),
                None => "All decks".to_owned(),
            };
            (
                kioku_core::stats::for_library(lib, set.as_ref(), lib.now(now())),
                title,
            )
        }
        None => return rsx! {},
    };
    let stats = match stats {
        Ok(s) => s,
        Err(e) => {
            ctx.fail(e);
            return rsx! {};
        }
    };
    let c = stats.cards;
    let avg = stats
        .average_answer_ms
        .map(|ms| format!("{:.1} s", ms / 1000.0))
        .unwrap_or_else(|| "—".to_owned());
    rsx! {
        header { class: "top",
            button { class: "link", onclick: move |_| ctx.go(Screen::Home), "← Decks" }
            h1 { "Statistics" }
            p { class: "tagline", "{title}" }
        }
        main { class: "stats-page",
            section { class: "stat-cards", aria_label: "Summary",
                div { class: "stat", span { class: "stat-value", "{c.total}" } span { class: "stat-label", "cards" } }
                div { class: "stat", span { class: "stat-value count new", "{c.new}" } span { class: "stat-label", "new" } }
                div { class: "stat", span { class: "stat-value count learning", "{c.learning}" } span { class: "stat-label", "learning" } }
                div { class: "stat", span { class: "stat-value", "{c.young}" } span { class: "stat-label", "young" } }
                div { class: "stat", span { class: "stat-value count due", "{c.mature}" } span { class: "stat-label", "mature (21+ days)" } }
                div { class: "stat", span { class: "stat-value", "{stats.total_reviews}" } span { class: "stat-label", "reviews" } }
                div { class: "stat", span { class: "stat-value", "{stats.streak_days}" } span { class: "stat-label", "day streak" } }
                div { class: "stat", span { class: "stat-value", "{avg}" } span { class: "stat-label", "per answer" } }
            }
            Heatmap { stats: stats.clone() }
            Forecast { counts: stats.due_forecast.clone() }
            section { class: "chart-block", aria_labelledby: "retention-title",
                h2 { id: "retention-title", "True retention" }
                p { class: "hint-text", "Share of review cards you remembered (not Again). Young: interval under 21 days; mature: 21 days or more." }
                table { class: "results",
                    thead { tr { th { "Period" } th { "Young" } th { "Mature" } } }
                    tbody {
                        for w in [stats.retention.last_7_days, stats.retention.last_30_days, stats.retention.last_365_days] {
                            tr { td { "Last {w.days} days" } td { "{pct(&w.young)}" } td { "{pct(&w.mature)}" } }
                        }
                    }
                }
            }
            div { class: "histograms",
                Bars { title: "Stability (days)".to_owned(), hist: stats.stability.clone(), unit: "d".to_owned() }
                Bars { title: "Difficulty (1–10)".to_owned(), hist: stats.difficulty.clone(), unit: String::new() }
                Bars { title: "Retrievability now".to_owned(), hist: stats.retrievability.clone(), unit: "%".to_owned() }
            }
            if !stats.self_test_trend.is_empty() {
                section { class: "chart-block", aria_labelledby: "selftest-title",
                    h2 { id: "selftest-title", "Self-test scores" }
                    p { {stats.self_test_trend.iter().map(|s| format!("{}: {:.0}%", s.day, s.score * 100.0)).collect::<Vec<_>>().join(" · ")} }
                }
            }
        }
    }
}

/// A year of reviews per day: columns are weeks, rows weekdays.
#[component]
fn Heatmap(stats: Stats) -> Element {
    let counts = &stats.calendar.counts;
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let total: u32 = counts.iter().sum();
    let active = counts.iter().filter(|&&n| n > 0).count();
    let first = stats.calendar.first_day;
    // Align columns to weeks starting on Monday.
    let offset = i64::from(first.weekday().to_monday_zero_offset());
    let cell = 11.0;
    let weeks = ((counts.len() as i64 + offset) as f64 / 7.0).ceil() as usize;
    let width = weeks as f64 * cell + 2.0;
    let summary = format!(
        "{total} reviews on {active} of the last {} days.",
        counts.len()
    );
    rsx! {
        section { class: "chart-block", aria_labelledby: "heatmap-title",
            h2 { id: "heatmap-title", "Reviews per day" }
            p { class: "hint-text", "{summary}" }
            svg {
                class: "heatmap",
                view_box: "0 0 {width} {7.0 * cell + 2.0}",
                role: "img",
                "aria-label": "{summary}",
                for (i, n) in counts.iter().enumerate() {
                    {
                        let pos = i as i64 + offset;
                        let (x, y) = ((pos / 7) as f64 * cell + 1.0, (pos % 7) as f64 * cell + 1.0);
                        let level = if *n == 0 { 0 } else { 1 + (u64::from(*n) * 3 / u64::from(max)).min(3) };
                        let day = first.checked_add(jiff::Span::new().days(i as i64)).map(|d| d.to_string()).unwrap_or_default();
                        rsx! {
                            rect { key: "{i}", x: "{x}", y: "{y}", width: "{cell - 2.0}", height: "{cell - 2.0}", rx: "2", class: "heat-{level}",
                                title { "{day}: {n} reviews" }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Cards due on each of the next 30 days.
#[component]
fn Forecast(counts: Vec<u32>) -> Element {
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let total: u32 = counts.iter().sum();
    let bar = 10.0;
    let height = 60.0;
    let summary = format!(
        "{total} cards due in the next {} days; {} today.",
        counts.len(),
        counts.first().copied().unwrap_or(0)
    );
    rsx! {
        section { class: "chart-block", aria_labelledby: "forecast-title",
            h2 { id: "forecast-title", "Due in the next 30 days" }
            p { class: "hint-text", "{summary}" }
            svg { class: "bars", view_box: "0 0 {counts.len() as f64 * bar} {height}", preserve_aspect_ratio: "none", role: "img", "aria-label": "{summary}",
                for (i, n) in counts.iter().enumerate() {
                    {
                        let h = f64::from(*n) / f64::from(max) * height;
                        let label = match i { 0 => "today".to_owned(), 1 => "tomorrow".to_owned(), d => format!("in {d} days") };
                        rsx! {
                            rect { key: "{i}", x: "{i as f64 * bar + 1.0}", y: "{height - h}", width: "{bar - 2.0}", height: "{h.max(0.5)}", class: "bar",
                                title { "{label}: {n} cards" }
                            }
                        }
                    }
                }
            }
            p { class: "axis-row", span { "today" } span { "in 30 days" } }
        }
    }
}

/// A histogram as bars with a label under each.
#[component]
fn Bars(title: String, hist: Histogram, unit: String) -> Element {
    let max = hist
        .buckets
        .iter()
        .map(|b| b.count)
        .max()
        .unwrap_or(0)
        .max(1);
    let n = hist.buckets.len().max(1);
    let w = 240.0 / n as f64;
    let label = |from: f32, to: Option<f32>| -> String {
        let f = |x: f32| {
            if unit == "%" {
                format!("{:.0}%", x * 100.0)
            } else {
                format!("{x}{unit}")
            }
        };
        match to {
            Some(t) => format!("{}–{}", f(from), f(t)),
            None => format!("{}+", f(from)),
        }
    };
    let summary = hist
        .buckets
        .iter()
        .map(|b| format!("{}: {}", label(b.from, b.to), b.count))
        .collect::<Vec<_>>()
        .join(", ");
    rsx! {
        section { class: "chart-block small", aria_label: "{title}",
            h2 { "{title}" }
            if hist.total() == 0 {
                p { class: "hint-text", "No studied cards yet." }
            } else {
                svg { class: "bars", view_box: "0 0 240 60", preserve_aspect_ratio: "none", role: "img", "aria-label": "{title}: {summary}",
                    for (i, b) in hist.buckets.iter().enumerate() {
                        {
                            let h = f64::from(b.count) / f64::from(max) * 60.0;
                            rsx! {
                                rect { key: "{i}", x: "{i as f64 * w + 1.0}", y: "{60.0 - h}", width: "{w - 2.0}", height: "{h.max(0.5)}", class: "bar",
                                    title { "{label(b.from, b.to)}: {b.count} cards" }
                                }
                            }
                        }
                    }
                }
                p { class: "axis-row",
                    span { "{label(hist.buckets[0].from, hist.buckets[0].to)}" }
                    span { {hist.buckets.last().map(|b| label(b.from, b.to)).unwrap_or_default()} }
                }
            }
        }
    }
}
