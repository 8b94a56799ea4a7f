//! `kioku optimize` and `kioku memory`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use super::study::state_name;
use super::{Context, lang};
use crate::cli::Error;
use kioku_core::library::Library;
use kioku_core::optimizer::{
    self, Fit, FitProgress, Phase, TrainingSet, WORKLOAD_RETENTIONS, Workload, WorkloadConfig,
};
use kioku_core::review::revlog::{self, CsvError, LogReview};
use kioku_core::scheduler::{Scheduler, SchedulerSettings};
use kioku_i18n::{pad_left, pad_right, t};

/// Seed for the workload simulation, so its numbers are reproducible.
const WORKLOAD_SEED: u64 = 42;

/// Read a CSV review log; `Ok(None)` when its problems were printed on
/// stderr, one `PATH:LINE: error: MESSAGE` per line.
fn read_reviews(lib: &Library, file: &Path) -> Result<Option<Vec<LogReview>>, Error> {
    match revlog::read_csv(
        file,
        lib.time_zone(),
        lib.settings().scheduler.rollover_hour,
    ) {
        Ok(r) => Ok(Some(r)),
        Err(e @ (CsvError::Rows { .. } | CsvError::TooLarge { .. })) => {
            eprintln!("{}", kioku_i18n::words::csv_error(lang(), &e));
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// Print to stdout; a closed pipe (`| head`) ends output quietly.
fn out(text: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Usage(t!(
            lang(),
            "error-output",
            error = e.to_string()
        ))),
        _ => Ok(()),
    }
}

/// Run the fit on a worker thread, drawing a progress line on stderr once
/// it has taken more than a second.
fn fit_with_progress(set: &TrainingSet, relearning_steps: usize) -> Result<Fit, Error> {
    let progress = FitProgress::new();
    let started = Instant::now();
    let mut drew = false;
    let result = std::thread::scope(|scope| {
        let worker = scope.spawn(|| optimizer::fit(set, relearning_steps, &progress));
        while !worker.is_finished() {
            std::thread::sleep(Duration::from_millis(100));
            if started.elapsed() > Duration::from_secs(1) {
                let p = progress.snapshot();
                let what = match p.phase {
                    Phase::Training => t!(lang(), "optimize-fitting"),
                    Phase::Evaluating => t!(lang(), "optimize-evaluating"),
                };
                let pct = (p.done * 100).checked_div(p.total).unwrap_or(0);
                eprint!(
                    "\r{what}: {pct:3}% ({:.0} s)   ",
                    started.elapsed().as_secs_f32()
                );
                let _ = std::io::stderr().flush();
                drew = true;
            }
        }
        worker.join()
    });
    if drew {
        eprintln!("\r{:40}\r", "");
    }
    match result {
        Ok(r) => Ok(r?),
        Err(_) => Err(Error::Usage(t!(lang(), "error-optimizer-stopped"))),
    }
}

fn workload(
    settings: &SchedulerSettings,
    parameters: &[f32],
    cards: usize,
) -> Result<Vec<Workload>, Error> {
    let config = WorkloadConfig::from_settings(settings, cards.max(100), WORKLOAD_SEED);
    Ok(optimizer::workload(
        parameters,
        &WORKLOAD_RETENTIONS,
        &config,
    )?)
}

pub(super) fn optimize(
    ctx: &Context,
    reviews: Option<&Path>,
    json: bool,
    apply: bool,
) -> Result<ExitCode, Error> {
    if apply && reviews.is_some() {
        return Err(Error::Usage(t!(lang(), "error-apply-with-reviews")));
    }
    let mut lib = ctx.open()?;
    let log = match reviews {
        Some(file) => match read_reviews(&lib, file)? {
            Some(log) => log,
            None => return Ok(ExitCode::FAILURE),
        },
        None => revlog::from_events(lib.events()),
    };
    let set = TrainingSet::from_reviews(&log);
    let settings = lib.settings().scheduler.clone();
    let fit = fit_with_progress(&set, settings.relearning_steps.len().max(1))?;
    let chosen = if fit.beats_default() {
        fit.parameters.clone()
    } else {
        optimizer::DEFAULT_PARAMETERS.to_vec()
    };
    let workload = workload(&settings, &chosen, set.cards)?;
    let mut text = String::new();
    if json {
        #[derive(serde::Serialize)]
        struct Report<'a> {
            parameters: &'a [f32],
            reviews: usize,
            history_reviews: usize,
            cards: usize,
            reviews_needed: usize,
            default: optimizer::Metrics,
            fitted: optimizer::Metrics,
            better: bool,
            workload: &'a [Workload],
        }
        let report = Report {
            parameters: &fit.parameters,
            reviews: fit.reviews,
            history_reviews: fit.history_reviews,
            cards: fit.cards,
            reviews_needed: fit.reviews_needed,
            default: fit.default,
            fitted: fit.fitted,
            better: fit.beats_default(),
            workload: &workload,
        };
        // Serialised directly (not via `json!`), so f32s print as written.
        text = serde_json::to_string(&report)
            .map_err(|e| Error::Usage(t!(lang(), "error-encode", error = e.to_string())))?;
        text.push('\n');
    } else {
        use std::fmt::Write as _;
        let mut line = |l: String| {
            let _ = writeln!(text, "{l}");
        };
        let l = lang();
        // Labels in one column, padded in terminal width.
        let label = |key: &str| pad_right(&kioku_i18n::tr(l, key, &[]), 11);
        let params: Vec<String> = fit.parameters.iter().map(|p| format!("{p:.4}")).collect();
        line(format!(
            "{} {}",
            label("optimize-parameters-label"),
            params.join(", ")
        ));
        line(format!(
            "{} {}",
            label("optimize-reviews-label"),
            t!(
                l,
                "optimize-reviews",
                used = fit.reviews,
                history = fit.history_reviews,
                cards = fit.cards
            )
        ));
        if fit.reviews_needed > 0 {
            line(format!(
                "{} {}",
                pad_right("", 11),
                t!(l, "optimize-reviews-needed", needed = fit.reviews_needed)
            ));
        }
        line(format!(
            "{} {}   {}",
            pad_right("", 11),
            pad_right(&t!(l, "optimize-log-loss"), 8),
            t!(l, "optimize-rmse")
        ));
        line(format!(
            "{} {:.4}     {:.2}%",
            label("optimize-default-label"),
            fit.default.log_loss,
            fit.default.rmse_bins * 100.0
        ));
        line(format!(
            "{} {:.4}     {:.2}%",
            label("optimize-fitted-label"),
            fit.fitted.log_loss,
            fit.fitted.rmse_bins * 100.0
        ));
        let cards = set.cards.max(100);
        line(format!(
            "\n{}",
            if fit.beats_default() {
                t!(l, "optimize-workload-fitted", cards = cards)
            } else {
                t!(l, "optimize-workload-default", cards = cards)
            }
        ));
        line(format!(
            "  {}  {}  {}  {}",
            pad_left(&t!(l, "optimize-retention"), 9),
            pad_left(&t!(l, "optimize-reviews-per-day"), 11),
            pad_left(&t!(l, "optimize-minutes-per-day"), 11),
            pad_left(&t!(l, "optimize-remembered"), 10)
        ));
        for w in &workload {
            line(format!(
                "  {:>8.0}%  {:>11.1}  {:>11.1}  {:>10.0}",
                w.desired_retention * 100.0,
                w.reviews_per_day,
                w.minutes_per_day,
                w.memorized
            ));
        }
    }
    out(&text)?;
    if apply {
        if !fit.beats_default() {
            return Err(Error::Usage(t!(
                lang(),
                "error-not-applied",
                fitted = format!("{:.4}", fit.fitted.log_loss),
                default = format!("{:.4}", fit.default.log_loss)
            )));
        }
        let mut s = lib.settings().clone();
        s.scheduler.parameters = Some(fit.parameters.clone());
        lib.save_settings(s)?;
        eprintln!("{}", t!(lang(), "optimize-applied"));
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn memory(ctx: &Context, reviews: &Path, json: bool) -> Result<ExitCode, Error> {
    let lib = ctx.open()?;
    let Some(log) = read_reviews(&lib, reviews)? else {
        return Ok(ExitCode::FAILURE);
    };
    let scheduler = Scheduler::new(lib.settings().scheduler.clone())?;
    let now = lib.now(ctx.now()?);
    let cards = revlog::replay(&log, &scheduler, now)?;
    if json {
        let text = serde_json::to_string(&cards)
            .map_err(|e| Error::Usage(t!(lang(), "error-encode", error = e.to_string())))?;
        out(&format!("{text}\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    use std::fmt::Write as _;
    let mut text = String::new();
    let l = lang();
    let _ = writeln!(
        text,
        "{} {} {} {} {}  {} {}",
        pad_right(&t!(l, "memory-card"), 16),
        pad_right(&t!(l, "memory-state"), 10),
        pad_left(&t!(l, "memory-stability"), 10),
        pad_left(&t!(l, "memory-difficulty"), 10),
        pad_left(&t!(l, "memory-recall"), 8),
        pad_right(&t!(l, "memory-last-review"), 24),
        t!(l, "memory-due")
    );
    for c in &cards {
        let _ = writeln!(
            text,
            "{:<16} {} {:>9.2}d {:>10.2} {:>7.1}%  {} {}",
            c.card_id,
            pad_right(&state_name(c.state), 10),
            c.stability,
            c.difficulty,
            c.retrievability * 100.0,
            pad_right(
                &kioku_i18n::date_time(
                    l,
                    c.last_review.to_zoned(lib.time_zone().clone()).datetime()
                ),
                24
            ),
            // The core gives the due day as YYYY-MM-DD (the --json form).
            c.due
                .parse::<jiff::civil::Date>()
                .map_or_else(|_| c.due.clone(), |d| kioku_i18n::date(l, d))
        );
    }
    out(&text)?;
    Ok(ExitCode::SUCCESS)
}
