//! "Optimize parameters": fit FSRS-6 to the user's own history off the UI
//! thread, with a progress bar and Cancel, then offer to save the fitted
//! parameters only if they predict the history better than the defaults.
//! Also the expected daily workload for a few desired retentions.

use std::sync::{Arc, Mutex};

use dioxus::prelude::*;

use crate::{AppCtx, t};
use kioku_core::optimizer::{self, Fit, FitProgress, TrainingSet, Workload, WorkloadConfig};

/// A fit running on its own thread.
#[derive(Clone)]
struct Job {
    progress: FitProgress,
    result: Arc<Mutex<Option<Result<Fit, String>>>>,
}

#[component]
pub fn Optimizer() -> Element {
    let mut ctx: AppCtx = use_context();
    let mut job = use_signal(|| None::<Job>);
    let mut shown = use_signal(|| None::<Result<Fit, String>>);
    let mut percent = use_signal(|| 0u32);
    let mut applied = use_signal(|| false);
    let mut workload = use_signal(|| None::<Result<Vec<Workload>, String>>);
    // Poll the running fit a few times a second; the window stays free.
    use_future(move || async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            let Some(j) = job.read().clone() else {
                continue;
            };
            let snap = j.progress.snapshot();
            if let Some(p) = (snap.done * 100).checked_div(snap.total) {
                percent.set(p as u32);
            }
            let done = j.result.lock().ok().and_then(|mut r| r.take());
            if let Some(r) = done {
                shown.set(Some(r));
                job.set(None);
            }
        }
    });
    let start = move |_| {
        let lang = *ctx.lang.peek();
        let (reviews, relearning) = match ctx.library.read().as_ref() {
            Some(lib) => (
                kioku_core::review::revlog::from_events(lib.events()),
                lib.settings().scheduler.relearning_steps.len(),
            ),
            None => return,
        };
        let progress = FitProgress::new();
        let result = Arc::new(Mutex::new(None));
        let j = Job {
            progress: progress.clone(),
            result: result.clone(),
        };
        std::thread::spawn(move || {
            let set = TrainingSet::from_reviews(&reviews);
            let r = optimizer::fit(&set, relearning, &progress)
                .map_err(|e| kioku_i18n::words::optimize_error(lang, &e));
            if let Ok(mut slot) = result.lock() {
                *slot = Some(r);
            }
        });
        percent.set(0);
        applied.set(false);
        shown.set(None);
        job.set(Some(j));
    };
    let apply = move |_| {
        let Some(Ok(fit)) = shown.read().clone() else {
            return;
        };
        let result = match ctx.library.write().as_mut() {
            Some(lib) => {
                let mut s = lib.settings().clone();
                s.scheduler.parameters = Some(fit.parameters.clone());
                lib.save_settings(s)
            }
            None => return,
        };
        match result {
            Ok(()) => applied.set(true),
            Err(e) => ctx.fail(crate::describe(*ctx.lang.peek(), &e)),
        }
    };
    let estimate = move |_| {
        let lang = *ctx.lang.peek();
        let (params, config) = match ctx.library.read().as_ref() {
            Some(lib) => {
                let s = &lib.settings().scheduler;
                let cards = lib.sets().iter().map(|q| q.card_count()).sum::<usize>();
                (
                    s.parameters
                        .clone()
                        .unwrap_or_else(|| optimizer::DEFAULT_PARAMETERS.to_vec()),
                    WorkloadConfig::from_settings(s, cards, 42),
                )
            }
            None => return,
        };
        workload.set(Some(
            optimizer::workload(&params, &optimizer::WORKLOAD_RETENTIONS, &config)
                .map_err(|e| kioku_i18n::words::optimize_error(lang, &e)),
        ));
    };
    let running = job.read().is_some();
    let lang = ctx.lang();
    rsx! {
        fieldset { class: "optimizer",
            legend { {t!(lang, "app-opt-title")} }
            p { class: "hint-text", {t!(lang, "app-opt-hint")} }
            if running {
                div { class: "progress", role: "progressbar", aria_label: t!(lang, "app-opt-running"), aria_valuemin: "0", aria_valuemax: "100", aria_valuenow: "{percent}",
                    div { class: "progress-fill", style: "width: {percent}%" }
                }
                p { role: "status", {t!(lang, "app-opt-progress", percent = percent())} }
                button { r#type: "button", onclick: move |_| if let Some(j) = job.read().as_ref() { j.progress.cancel() }, {t!(lang, "app-cancel")} }
            } else {
                button { r#type: "button", class: "primary", onclick: start, {t!(lang, "app-opt-start")} }
            }
            match shown.read().clone() {
                Some(Ok(fit)) => rsx! {
                    table { class: "results",
                        thead { tr { th { "" } th { {t!(lang, "app-opt-log-loss")} } th { {t!(lang, "app-opt-rmse")} } } }
                        tbody {
                            tr { td { {t!(lang, "app-opt-default")} } td { "{fit.default.log_loss:.4}" } td { "{fit.default.rmse_bins * 100.0:.2}%" } }
                            tr { td { {t!(lang, "app-opt-fitted", n = fit.history_reviews)} } td { "{fit.fitted.log_loss:.4}" } td { "{fit.fitted.rmse_bins * 100.0:.2}%" } }
                        }
                    }
                    if fit.reviews_needed > 0 {
                        p { class: "hint-text", {t!(lang, "app-opt-need-more", n = fit.reviews_needed)} }
                    }
                    if *applied.read() {
                        p { class: "saved", role: "status", {t!(lang, "app-opt-applied")} }
                    } else if fit.beats_default() {
                        button { r#type: "button", class: "primary", onclick: apply, {t!(lang, "app-opt-apply")} }
                    } else {
                        p { {t!(lang, "app-opt-not-better")} }
                    }
                },
                Some(Err(e)) => rsx! { p { class: "form-error", role: "alert", "{e}" } },
                None => rsx! {},
            }
            h3 { {t!(lang, "app-opt-workload-title")} }
            button { r#type: "button", onclick: estimate, {t!(lang, "app-opt-estimate")} }
            if let Some(w) = workload.read().clone() {
                match w {
                    Ok(rows) => rsx! {
                        table { class: "results",
                            thead { tr { th { {t!(lang, "app-opt-retention")} } th { {t!(lang, "app-opt-reviews-day")} } th { {t!(lang, "app-opt-minutes-day")} } } }
                            tbody {
                                for r in rows.iter() {
                                    tr { td { "{r.desired_retention * 100.0:.0}%" } td { "{r.reviews_per_day:.1}" } td { "{r.minutes_per_day:.1}" } }
                                }
                            }
                        }
                    },
                    Err(e) => rsx! { p { class: "form-error", "{e}" } },
                }
            }
        }
    }
}
