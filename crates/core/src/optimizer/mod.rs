//! The FSRS optimizer: fit the 21 FSRS-6 parameters to a review history,
//! measure how well the default and the fitted parameters predict it, and
//! estimate the daily workload of a few desired retentions.
//!
//! Fitting takes seconds to minutes. It reports progress through a
//! [`FitProgress`] handle that another thread can read and use to cancel,
//! so a front end runs [`fit`] off its main thread and polls the handle.

/// FSRS-6's default parameters.
pub use fsrs::DEFAULT_PARAMETERS;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use fsrs::{CombinedProgressState, ComputeParametersInput, FSRS, FSRSItem, FSRSReview};
use serde::Serialize;

use crate::review::revlog::LogReview;
use crate::scheduler::SchedulerSettings;

/// With fewer training items than this the crate fits only the initial
/// stabilities (and with fewer than 8, nothing).
pub const MIN_ITEMS_FOR_FULL_FIT: usize = 64;

#[derive(Debug, thiserror::Error)]
pub enum OptimizeError {
    #[error(
        "not enough review history to fit parameters: {items} reviews after the first day of a card; at least {needed} more are needed"
    )]
    NotEnoughData { items: usize, needed: usize },
    #[error("cancelled")]
    Cancelled,
    #[error("FSRS failed: {0:?}")]
    Fsrs(fsrs::FSRSError),
}

fn fsrs_err(e: fsrs::FSRSError) -> OptimizeError {
    match e {
        fsrs::FSRSError::Interrupted => OptimizeError::Cancelled,
        e => OptimizeError::Fsrs(e),
    }
}

/// Training data built from a history, as Anki builds it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrainingSet {
    /// One item per review that came at least a study day after the
    /// card's previous review, with the card's history up to it; ordered by
    /// the time of that review.
    pub items: Vec<FSRSItem>,
    /// The card of each item (index into the cards seen), aligned with
    /// `items`.
    pub card_ids: Vec<i64>,
    /// Reviews in the history.
    pub reviews: usize,
    /// Cards in the history.
    pub cards: usize,
}

impl TrainingSet {
    /// Build items from reviews in any order. Per card, reviews are sorted
    /// by time; `delta_t` is the number of study days since the previous
    /// review (0 for the first). Every review after the first whose
    /// `delta_t` is positive becomes an item holding the history up to and
    /// including it. The first review of a card is taken as its first
    /// learning review (the histories have no earlier reviews to drop).
    pub fn from_reviews(reviews: &[LogReview]) -> TrainingSet {
        let mut by_card: HashMap<&str, Vec<&LogReview>> = HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        for r in reviews {
            let entry = by_card.entry(r.card.as_str()).or_default();
            if entry.is_empty() {
                order.push(r.card.as_str());
            }
            entry.push(r);
        }
        let mut keyed: Vec<(jiff::Timestamp, i64, FSRSItem)> = Vec::new();
        for (id, card) in order.iter().enumerate() {
            let mut history = by_card.remove(card).unwrap_or_default();
            history.sort_by_key(|r| r.at);
            let mut so_far: Vec<FSRSReview> = Vec::with_capacity(history.len());
            for (i, r) in history.iter().enumerate() {
                let delta_t = match i {
                    0 => 0,
                    _ => r.day.days_since(history[i - 1].day),
                };
                so_far.push(FSRSReview {
                    rating: u32::from(r.rating.number()),
                    delta_t,
                });
                if i > 0 && delta_t > 0 {
                    keyed.push((
                        r.at,
                        id as i64,
                        FSRSItem {
                            reviews: so_far.clone(),
                        },
                    ));
                }
            }
        }
        keyed.sort_by_key(|(at, id, _)| (*at, *id));
        let (card_ids, items) = keyed.into_iter().map(|(_, id, item)| (id, item)).unzip();
        TrainingSet {
            items,
            card_ids,
            reviews: reviews.len(),
            cards: order.len(),
        }
    }
}

/// What fitting is doing, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Training,
    Evaluating,
}

/// A snapshot of a fit's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgressSnapshot {
    pub phase: Phase,
    /// Work done, in units of `total` (0 before training reports).
    pub done: usize,
    pub total: usize,
    pub finished: bool,
}

/// A handle on a running fit: read its progress and cancel it from any
/// thread. Clones share the same fit.
#[derive(Debug, Clone)]
pub struct FitProgress {
    training: Arc<Mutex<CombinedProgressState>>,
    evaluating: Arc<Mutex<Option<(usize, usize)>>>,
    cancelled: Arc<AtomicBool>,
    finished: Arc<AtomicBool>,
}

impl Default for FitProgress {
    fn default() -> Self {
        Self::new()
    }
}

impl FitProgress {
    pub fn new() -> Self {
        Self {
            training: CombinedProgressState::new_shared(),
            evaluating: Arc::new(Mutex::new(None)),
            cancelled: Arc::new(AtomicBool::new(false)),
            finished: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Ask the fit to stop; it returns [`OptimizeError::Cancelled`] soon.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
        if let Ok(mut p) = self.training.lock() {
            p.want_abort = true;
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    pub fn snapshot(&self) -> ProgressSnapshot {
        let finished = self.finished.load(Ordering::Relaxed);
        if let Ok(e) = self.evaluating.lock()
            && let Some((done, total)) = *e
        {
            return ProgressSnapshot {
                phase: Phase::Evaluating,
                done,
                total,
                finished,
            };
        }
        let (done, total) = self
            .training
            .lock()
            .map(|p| (p.current(), p.total()))
            .unwrap_or((0, 0));
        ProgressSnapshot {
            phase: Phase::Training,
            done,
            total,
            finished,
        }
    }

    fn evaluation_step(&self, done: usize, total: usize) -> bool {
        if let Ok(mut e) = self.evaluating.lock() {
            *e = Some((done, total));
        }
        !self.is_cancelled()
    }
}

/// How well parameters predict a history (lower is better).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Metrics {
    /// Mean binary cross-entropy of the predicted recall probabilities.
    pub log_loss: f32,
    /// Root mean square error between predicted and actual recall over
    /// bins of similar reviews (Anki's "RMSE (bins)"), 0–1.
    pub rmse_bins: f32,
}

/// The result of a fit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fit {
    /// The fitted FSRS-6 parameters (21 numbers).
    pub parameters: Vec<f32>,
    /// Reviews used as training items (see [`TrainingSet`]).
    pub reviews: usize,
    /// Reviews in the history, including each card's first day.
    pub history_reviews: usize,
    pub cards: usize,
    /// The default parameters on this history.
    pub default: Metrics,
    /// The fitted parameters on this history.
    pub fitted: Metrics,
    /// More training items needed before all parameters are fitted (0 when
    /// there are enough; below that only the initial stabilities move).
    pub reviews_needed: usize,
}

impl Fit {
    /// Whether the fitted parameters predict the history better than the
    /// defaults (lower log loss).
    pub fn beats_default(&self) -> bool {
        self.fitted.log_loss < self.default.log_loss
    }
}

/// Evaluate `parameters` on a training set.
pub fn evaluate(
    parameters: &[f32],
    set: &TrainingSet,
    progress: &FitProgress,
) -> Result<Metrics, OptimizeError> {
    if set.items.is_empty() {
        return Err(OptimizeError::NotEnoughData {
            items: 0,
            needed: 1,
        });
    }
    let model = FSRS::new(parameters).map_err(fsrs_err)?;
    let e = model
        .evaluate_with_card_ids(set.items.clone(), set.card_ids.clone(), |p| {
            progress.evaluation_step(p.current, p.total)
        })
        .map_err(fsrs_err)?;
    Ok(Metrics {
        log_loss: e.log_loss,
        rmse_bins: e.rmse_bins,
    })
}

/// Fit parameters to a training set and evaluate the defaults and the
/// fit on it. `relearning_steps` is the number of relearning steps the
/// history was studied with. Cancel through `progress`.
pub fn fit(
    set: &TrainingSet,
    relearning_steps: usize,
    progress: &FitProgress,
) -> Result<Fit, OptimizeError> {
    let result = fit_inner(set, relearning_steps, progress);
    progress.finished.store(true, Ordering::Relaxed);
    result
}

fn fit_inner(
    set: &TrainingSet,
    relearning_steps: usize,
    progress: &FitProgress,
) -> Result<Fit, OptimizeError> {
    let items = set.items.len();
    if items == 0 {
        return Err(OptimizeError::NotEnoughData {
            items,
            needed: MIN_ITEMS_FOR_FULL_FIT,
        });
    }
    if progress.is_cancelled() {
        return Err(OptimizeError::Cancelled);
    }
    let parameters = fsrs::compute_parameters(ComputeParametersInput {
        train_set: set.items.clone(),
        card_ids: Some(set.card_ids.clone()),
        progress: Some(progress.training.clone()),
        enable_short_term: true,
        num_relearning_steps: Some(relearning_steps),
        training_config: None,
    })
    .map_err(fsrs_err)?;
    if progress.is_cancelled() {
        return Err(OptimizeError::Cancelled);
    }
    let default = evaluate(&fsrs::DEFAULT_PARAMETERS, set, progress)?;
    let fitted = evaluate(&parameters, set, progress)?;
    Ok(Fit {
        parameters,
        reviews: items,
        history_reviews: set.reviews,
        cards: set.cards,
        default,
        fitted,
        reviews_needed: MIN_ITEMS_FOR_FULL_FIT.saturating_sub(items),
    })
}

/// Expected workload at one desired retention.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Workload {
    pub desired_retention: f32,
    /// Mean reviews per day (new cards' first answers not included).
    pub reviews_per_day: f32,
    /// Mean study time per day, in minutes.
    pub minutes_per_day: f32,
    /// Cards expected to be remembered at the end of the simulation.
    pub memorized: f32,
}

/// What to simulate for [`workload`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorkloadConfig {
    /// Cards to learn, all new at the start.
    pub cards: usize,
    /// Days simulated.
    pub days: usize,
    /// New cards introduced per day.
    pub new_per_day: usize,
    /// Reviews per day at most.
    pub reviews_per_day: usize,
    /// Longest interval, in days.
    pub maximum_interval: u32,
    pub learning_steps: usize,
    pub relearning_steps: usize,
    /// Seeds the simulator's random ratings.
    pub seed: u64,
}

impl WorkloadConfig {
    /// A simulation of `cards` cards over a year with these settings.
    pub fn from_settings(s: &SchedulerSettings, cards: usize, seed: u64) -> Self {
        Self {
            cards,
            days: 365,
            new_per_day: s.new_per_day as usize,
            reviews_per_day: s.reviews_per_day as usize,
            maximum_interval: s.maximum_interval,
            learning_steps: s.learning_steps.len(),
            relearning_steps: s.relearning_steps.len(),
            seed,
        }
    }
}

/// The desired retentions [`workload`] is usually asked about.
pub const WORKLOAD_RETENTIONS: [f32; 4] = [0.80, 0.85, 0.90, 0.95];

/// Simulate studying with `parameters` at each desired retention, with the
/// crate's simulator (same seed for each, so they differ only by retention).
pub fn workload(
    parameters: &[f32],
    retentions: &[f32],
    config: &WorkloadConfig,
) -> Result<Vec<Workload>, OptimizeError> {
    let sim = fsrs::SimulatorConfig {
        deck_size: config.cards,
        learn_span: config.days,
        max_ivl: config.maximum_interval as f32,
        learn_limit: config.new_per_day,
        review_limit: config.reviews_per_day,
        max_cost_perday: f32::INFINITY,
        learning_step_count: config.learning_steps,
        relearning_step_count: config.relearning_steps,
        ..fsrs::SimulatorConfig::default()
    };
    let days = config.days.max(1) as f32;
    retentions
        .iter()
        .map(|&r| {
            let result =
                fsrs::simulate(&sim, parameters, r, Some(config.seed), None).map_err(fsrs_err)?;
            Ok(Workload {
                desired_retention: r,
                reviews_per_day: result.review_cnt_per_day.iter().sum::<usize>() as f32 / days,
                minutes_per_day: result.cost_per_day.iter().sum::<f32>() / days / 60.0,
                memorized: result.memorized_cnt_per_day.last().copied().unwrap_or(0.0),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduler::{Rating, StudyDay};

    fn review(card: &str, rating: u8, day: i32, minute: i64) -> LogReview {
        let at =
            jiff::Timestamp::from_second(i64::from(day) * 86_400 + 36_000 + minute * 60).unwrap();
        LogReview {
            card: card.into(),
            rating: Rating::from_number(rating).unwrap(),
            at,
            day: StudyDay(day),
            duration_ms: None,
        }
    }

    #[test]
    fn items_follow_ankis_rules() {
        // Card a: learning on day 0 (two steps), then days 3 and 10.
        // Card b: one review only. Card c: day 1 then day 2.
        let reviews = vec![
            review("a", 3, 10, 5),
            review("c", 3, 11, 0),
            review("a", 1, 0, 0),
            review("a", 3, 0, 10),
            review("b", 4, 0, 0),
            review("a", 2, 3, 0),
            review("c", 1, 12, 0),
        ];
        let set = TrainingSet::from_reviews(&reviews);
        assert_eq!((set.reviews, set.cards), (7, 3));
        let r = |rating, delta_t| FSRSReview { rating, delta_t };
        assert_eq!(
            set.items,
            vec![
                FSRSItem {
                    reviews: vec![r(1, 0), r(3, 0), r(2, 3)]
                },
                FSRSItem {
                    reviews: vec![r(1, 0), r(3, 0), r(2, 3), r(3, 7)]
                },
                FSRSItem {
                    reviews: vec![r(3, 0), r(1, 1)]
                },
            ]
        );
        // Cards are numbered in order of first appearance: a, c, b.
        assert_eq!(set.card_ids, vec![0, 0, 1]);
    }

    #[test]
    fn an_empty_history_needs_more_reviews() {
        let set = TrainingSet::from_reviews(&[review("a", 3, 0, 0)]);
        let err = fit(&set, 1, &FitProgress::new()).unwrap_err();
        assert!(matches!(
            err,
            OptimizeError::NotEnoughData {
                items: 0,
                needed: 64
            }
        ));
    }

    #[test]
    fn a_cancelled_fit_stops() {
        let reviews: Vec<LogReview> = (0..20)
            .flat_map(|c| {
                [
                    review(&c.to_string(), 3, 0, 0),
                    review(&c.to_string(), 3, 2, 0),
                ]
            })
            .collect();
        let progress = FitProgress::new();
        progress.cancel();
        let set = TrainingSet::from_reviews(&reviews);
        assert!(matches!(
            fit(&set, 1, &progress),
            Err(OptimizeError::Cancelled)
        ));
        assert!(progress.snapshot().finished);
    }
}
