//! Statistics: the numbers come from `stats::for_library`; this only draws
//! them, as SVG with a tooltip on every mark and a text alternative.

use dioxus::prelude::*;

use crate::{AppCtx, Lang, Screen, now, t};
use kioku_core::bank::SetId;
use kioku_core::stats::{Histogram, Pass, Stats};

pub fn open(ctx: AppCtx, set: Option<SetId>) {
    ctx.go(Screen::Stats(set));
}

fn pct(lang: Lang, p: &Pass) -> String {
    match p.rate {
        Some(r) => t!(
            lang,
            "app-stats-pass",
            percent = kioku_i18n::fixed(r * 100.0, 1),
            passed = p.passed,
            reviews = p.reviews
        ),
        None => "—".to_owned(),
    }
}

#[component]
pub fn StatsView() -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
    let set = match &*ctx.screen.read() {
        Screen::Stats(set) => set.clone(),
        _ => None,
    };
    let (stats, title) = match ctx.library.read().as_ref() {
        Some(lib) => {
            let title = match &set {
                Some(id) => lib.set(id).map(|s| s.title.clone()).unwrap_or_default(),
                None => t!(lang, "app-all-decks"),
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
            ctx.fail(kioku_i18n::words::schedule_error(*ctx.lang.peek(), &e));
            return rsx! {};
        }
    };
    let c = stats.cards;
    let avg = stats
        .average_answer_ms
        .map(|ms| {
            t!(
                lang,
                "app-stats-seconds",
                s = kioku_i18n::fixed(ms / 1000.0, 1)
            )
        })
        .unwrap_or_else(|| "—".to_owned());
    rsx! {
        header { class: "top",
            button { class: "link", onclick: move |_| ctx.go(Screen::Home), {t!(lang, "app-back-decks")} }
            h1 { {t!(lang, "app-statistics")} }
            p { class: "tagline", "{title}" }
        }
        main { class: "stats-page",
            section { class: "stat-cards", aria_label: t!(lang, "app-stats-summary"),
                div { class: "stat", span { class: "stat-value", "{c.total}" } span { class: "stat-label", {t!(lang, "app-stats-cards")} } }
                div { class: "stat", span { class: "stat-value count new", "{c.new}" } span { class: "stat-label", {t!(lang, "app-stats-new")} } }
                div { class: "stat", span { class: "stat-value count learning", "{c.learning}" } span { class: "stat-label", {t!(lang, "app-stats-learning")} } }
                div { class: "stat", span { class: "stat-value", "{c.young}" } span { class: "stat-label", {t!(lang, "app-stats-young")} } }
                div { class: "stat", span { class: "stat-value count due", "{c.mature}" } span { class: "stat-label", {t!(lang, "app-stats-mature")} } }
                div { class: "stat", span { class: "stat-value", "{stats.total_reviews}" } span { class: "stat-label", {t!(lang, "app-stats-reviews")} } }
                div { class: "stat", span { class: "stat-value", "{stats.streak_days}" } span { class: "stat-label", {t!(lang, "app-stats-streak")} } }
                div { class: "stat", span { class: "stat-value", "{avg}" } span { class: "stat-label", {t!(lang, "app-stats-per-answer")} } }
            }
            Heatmap { stats: stats.clone() }
            Forecast { counts: stats.due_forecast.clone() }
            section { class: "chart-block", aria_labelledby: "retention-title",
                h2 { id: "retention-title", {t!(lang, "app-stats-retention")} }
                p { class: "hint-text", {t!(lang, "app-stats-retention-hint")} }
                table { class: "results",
                    thead { tr { th { {t!(lang, "app-stats-period")} } th { {t!(lang, "app-stats-young-col")} } th { {t!(lang, "app-stats-mature-col")} } } }
                    tbody {
                        for w in [stats.retention.last_7_days, stats.retention.last_30_days, stats.retention.last_365_days] {
                            tr { td { {t!(lang, "app-stats-last-days", days = w.days)} } td { {pct(lang, &w.young)} } td { {pct(lang, &w.mature)} } }
                        }
                    }
                }
            }
            div { class: "histograms",
                Bars { title: t!(lang, "stats-stability"), hist: stats.stability.clone(), unit: t!(lang, "stats-days-unit") }
                Bars { title: t!(lang, "stats-difficulty"), hist: stats.difficulty.clone(), unit: String::new() }
                Bars { title: t!(lang, "stats-retrievability"), hist: stats.retrievability.clone(), unit: "%".to_owned() }
            }
            if !stats.self_test_trend.is_empty() {
                section { class: "chart-block", aria_labelledby: "selftest-title",
                    h2 { id: "selftest-title", {t!(lang, "app-stats-self-test")} }
                    p { {stats.self_test_trend.iter().map(|s| t!(lang, "app-stats-self-test-score", date = kioku_i18n::date(lang, s.day), percent = (s.score * 100.0).round())).collect::<Vec<_>>().join(" · ")} }
                }
            }
        }
    }
}

/// A year of reviews per day: columns are weeks, rows weekdays.
#[component]
fn Heatmap(stats: Stats) -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
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
    let summary = t!(
        lang,
        "app-stats-heatmap-summary",
        total = total,
        active = active,
        days = counts.len()
    );
    rsx! {
        section { class: "chart-block", aria_labelledby: "heatmap-title",
            h2 { id: "heatmap-title", {t!(lang, "app-stats-reviews-per-day")} }
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
                        let day = first.checked_add(jiff::Span::new().days(i as i64)).map(|d| kioku_i18n::date(lang, d)).unwrap_or_default();
                        rsx! {
                            rect { key: "{i}", x: "{x}", y: "{y}", width: "{cell - 2.0}", height: "{cell - 2.0}", rx: "2", class: "heat-{level}",
                                title { {t!(lang, "app-stats-day-reviews", day = day, n = *n)} }
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
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let total: u32 = counts.iter().sum();
    let bar = 10.0;
    let height = 60.0;
    let summary = t!(
        lang,
        "app-stats-forecast-summary",
        total = total,
        days = counts.len(),
        today = counts.first().copied().unwrap_or(0)
    );
    rsx! {
        section { class: "chart-block", aria_labelledby: "forecast-title",
            h2 { id: "forecast-title", {t!(lang, "app-stats-forecast", days = counts.len())} }
            p { class: "hint-text", "{summary}" }
            svg { class: "bars", view_box: "0 0 {counts.len() as f64 * bar} {height}", preserve_aspect_ratio: "none", role: "img", "aria-label": "{summary}",
                for (i, n) in counts.iter().enumerate() {
                    {
                        let h = f64::from(*n) / f64::from(max) * height;
                        let label = match i { 0 => t!(lang, "app-stats-today"), 1 => t!(lang, "app-stats-tomorrow"), d => t!(lang, "app-stats-in-days", n = d) };
                        rsx! {
                            rect { key: "{i}", x: "{i as f64 * bar + 1.0}", y: "{height - h}", width: "{bar - 2.0}", height: "{h.max(0.5)}", class: "bar",
                                title { {t!(lang, "app-stats-cards-on", label = label, n = *n)} }
                            }
                        }
                    }
                }
            }
            p { class: "axis-row", span { {t!(lang, "app-stats-today")} } span { {t!(lang, "app-stats-in-days", n = counts.len())} } }
        }
    }
}

/// A histogram as bars with a label under each.
#[component]
fn Bars(title: String, hist: Histogram, unit: String) -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
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
                p { class: "hint-text", {t!(lang, "app-stats-no-studied")} }
            } else {
                svg { class: "bars", view_box: "0 0 240 60", preserve_aspect_ratio: "none", role: "img", "aria-label": "{title}: {summary}",
                    for (i, b) in hist.buckets.iter().enumerate() {
                        {
                            let h = f64::from(b.count) / f64::from(max) * 60.0;
                            rsx! {
                                rect { key: "{i}", x: "{i as f64 * w + 1.0}", y: "{60.0 - h}", width: "{w - 2.0}", height: "{h.max(0.5)}", class: "bar",
                                    title { {t!(lang, "app-stats-cards-on", label = label(b.from, b.to), n = b.count)} }
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
