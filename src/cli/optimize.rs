//! `kioku optimize` and `kioku memory`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use super::Context;
use crate::cli::Error;
use kioku_core::library::Library;
use kioku_core::optimizer::{
    self, Fit, FitProgress, Phase, TrainingSet, WORKLOAD_RETENTIONS, Workload, WorkloadConfig,
};
use kioku_core::review::revlog::{self, CsvError, LogReview};
use kioku_core::scheduler::{Scheduler, SchedulerSettings};

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
        Err(e @ (CsvError::Rows(_) | CsvError::TooLarge { .. })) => {
            eprintln!("{e}");
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
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::Usage(format!("cannot write the output: {e}")))
        }
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
                    Phase::Training => "fitting",
                    Phase::Evaluating => "evaluating",
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
        Err(_) => Err(Error::Usage("the optimizer stopped unexpectedly".into())),
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
        return Err(Error::Usage(
            "--apply saves parameters fitted to your own history; it cannot be used with --reviews"
                .into(),
        ));
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
            .map_err(|e| Error::Usage(format!("cannot encode: {e}")))?;
        text.push('\n');
    } else {
        use std::fmt::Write as _;
        let mut line = |l: String| {
            let _ = writeln!(text, "{l}");
        };
        let params: Vec<String> = fit.parameters.iter().map(|p| format!("{p:.4}")).collect();
        line(format!("Parameters  {}", params.join(", ")));
        line(format!(
            "Reviews     {} used ({} in the history, {} cards)",
            fit.reviews, fit.history_reviews, fit.cards
        ));
        if fit.reviews_needed > 0 {
            line(format!(
                "            {} more are needed to fit every parameter; until then only the first four move",
                fit.reviews_needed
            ));
        }
        line("            log loss   RMSE (bins)".to_owned());
        line(format!(
            "Default     {:.4}     {:.2}%",
            fit.default.log_loss,
            fit.default.rmse_bins * 100.0
        ));
        line(format!(
            "Fitted      {:.4}     {:.2}%",
            fit.fitted.log_loss,
            fit.fitted.rmse_bins * 100.0
        ));
        line(format!(
            "\nExpected workload ({} parameters, {} cards over a year):",
            if fit.beats_default() {
                "fitted"
            } else {
                "default"
            },
            set.cards.max(100)
        ));
        line("  retention  reviews/day  minutes/day  remembered".to_owned());
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
            return Err(Error::Usage(format!(
                "not applied: the fitted parameters predict your history no better than the defaults (log loss {:.4} vs {:.4})",
                fit.fitted.log_loss, fit.default.log_loss
            )));
        }
        let mut s = lib.settings().clone();
        s.scheduler.parameters = Some(fit.parameters.clone());
        lib.save_settings(s)?;
        eprintln!("Saved the fitted parameters to the settings.");
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
            .map_err(|e| Error::Usage(format!("cannot encode: {e}")))?;
        out(&format!("{text}\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    use std::fmt::Write as _;
    let mut text = String::new();
    let _ = writeln!(
        text,
        "{:<16} {:<10} {:>10} {:>10} {:>8}  {:<20} due",
        "card", "state", "stability", "difficulty", "recall", "last review"
    );
    for c in &cards {
        let _ = writeln!(
            text,
            "{:<16} {:<10} {:>9.2}d {:>10.2} {:>7.1}%  {:<20} {}",
            c.card_id,
            c.state,
            c.stability,
            c.difficulty,
            c.retrievability * 100.0,
            c.last_review.strftime("%Y-%m-%d %H:%M"),
            c.due
        );
    }
    out(&text)?;
    Ok(ExitCode::SUCCESS)
}
