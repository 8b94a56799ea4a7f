//! The library: the built-in and user sets, their progress, and the open
//! data directory. Answering and undo are here (`mod.rs`); today's queue
//! and deck counts in `queue.rs`; import, export and saving sets in
//! `transfer.rs`. The CLI and the UI both drive this.
//!
//! Time comes in as an argument (`Timestamp`); this module never reads a
//! clock. Event ids come in from the caller, which owns the randomness.

use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;

mod queue;
mod transfer;

pub use transfer::read_import;

use crate::bank::{self, BankError, CardKey, CardVariant, Question, QuestionSet, SetId};
use crate::card::CardView;
use crate::exam::ExamResult;
use crate::review::{
    Applied, CardProgress, Event, EventId, Mode, Progress, ReviewEvent, UndoEvent,
};
use crate::scheduler::{FuzzFactor, Now, Outcomes, Rating, ScheduleError, Scheduler, StudyDay};
use crate::store::{Settings, Store, StoreError, Warning};

pub use queue::{DeckSummary, LEARN_AHEAD_MINUTES, MASTERED_STABILITY, Queue};

/// Why the library could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error(transparent)]
    Bank(#[from] BankError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    /// The file's format could not be told from its name.
    #[error("{}: unknown file format", .0.display())]
    UnknownFormat(std::path::PathBuf),
    /// No set has this id.
    #[error("no set \"{0}\"")]
    NoSet(SetId),
    /// The built-in sets are read-only.
    #[error("set \"{0}\" is built in and read-only")]
    BuiltinReadOnly(SetId),
    /// A package (e.g. `.apkg`) could not be read.
    #[error("{}: {message}", path.display())]
    Package {
        path: std::path::PathBuf,
        message: String,
    },
    /// The set cannot be written in that format.
    #[error("{0}")]
    Export(String),
}

/// What answering a card did.
#[derive(Debug, Clone)]
pub struct AnswerRecord {
    pub event: EventId,
    pub key: CardKey,
    pub rating: Rating,
    pub progress: CardProgress,
}

/// A session's undo entry.
#[derive(Debug, Clone)]
struct Undoable {
    event: EventId,
    applied: Applied,
}

/// Sets, their progress, and the open data directory.
#[derive(Debug)]
pub struct Library {
    store: Store,
    sets: Vec<QuestionSet>,
    builtin_count: usize,
    events: Vec<Event>,
    exams: Vec<ExamResult>,
    progress: Progress,
    scheduler: Scheduler,
    warnings: Vec<Warning>,
    tz: TimeZone,
    undo_stack: Vec<Undoable>,
}

impl Library {
    /// Open the data directory at `root`, load the built-in and user sets,
    /// and replay the review log. `tz` is the local time zone for study days.
    pub fn open(
        root: &Path,
        tz: TimeZone,
        new_device_id: impl FnOnce() -> String,
    ) -> Result<Library, LibraryError> {
        let (store, loaded) = Store::open::<ExamResult>(root, new_device_id)?;
        let mut sets = bank::builtin_sets()?;
        let builtin_count = sets.len();
        let mut warnings = loaded.warnings;
        for set in loaded.sets {
            if sets.iter().any(|s| s.id == set.id) {
                warnings.push(Warning {
                    path: store.sets_dir(),
                    line: None,
                    message: format!(
                        "two sets have the id \"{}\"; only the first is shown",
                        set.id
                    ),
                });
            } else {
                sets.push(set);
            }
        }
        let scheduler = Scheduler::new(store.settings().scheduler.clone())?;
        let progress = Progress::replay(&loaded.events, &scheduler)?;
        let mut exams = loaded.exams;
        exams.sort_by_key(|e| e.started_at);
        Ok(Library {
            store,
            sets,
            builtin_count,
            events: loaded.events,
            exams,
            progress,
            scheduler,
            warnings,
            tz,
            undo_stack: Vec::new(),
        })
    }

    pub fn sets(&self) -> &[QuestionSet] {
        &self.sets
    }

    pub fn set(&self, id: &SetId) -> Option<&QuestionSet> {
        self.sets.iter().find(|s| &s.id == id)
    }

    pub fn is_builtin(&self, id: &SetId) -> bool {
        self.sets[..self.builtin_count].iter().any(|s| &s.id == id)
    }

    /// Problems found while opening, to show the user.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn settings(&self) -> &Settings {
        self.store.settings()
    }

    pub fn scheduler(&self) -> &Scheduler {
        &self.scheduler
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Every event read from disk or recorded since.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Every saved self-test result, oldest first.
    pub fn exams(&self) -> &[ExamResult] {
        &self.exams
    }

    /// Save a finished self-test durably. It does not touch the schedule.
    pub fn record_exam(&mut self, result: ExamResult) -> Result<(), LibraryError> {
        self.store.record_exam(&result)?;
        let at = self
            .exams
            .partition_point(|e| e.started_at <= result.started_at);
        self.exams.insert(at, result);
        Ok(())
    }

    /// `at` with the study day it falls in.
    pub fn now(&self, at: Timestamp) -> Now {
        Now {
            at,
            day: StudyDay::of(at, &self.tz, self.settings().scheduler.rollover_hour),
        }
    }

    /// The study day `at` falls in (local time zone, rollover hour).
    pub fn day_of(&self, at: Timestamp) -> StudyDay {
        StudyDay::of(at, &self.tz, self.settings().scheduler.rollover_hour)
    }

    /// The local time zone study days are counted in.
    pub fn time_zone(&self) -> &TimeZone {
        &self.tz
    }

    /// The question and card variant for a key, if the set still has it.
    pub fn card(&self, key: &CardKey) -> Option<(&QuestionSet, &Question, CardVariant)> {
        let set = self.set(&key.set)?;
        let q = set.question(&key.question)?;
        q.card_variants()
            .contains(&key.variant)
            .then_some((set, q, key.variant))
    }

    /// What each rating would do to `key` now.
    pub fn outcomes(&self, key: &CardKey, now: Now) -> Result<Outcomes, LibraryError> {
        let p = self.progress.card(key);
        let fuzz = FuzzFactor::for_card(&key.to_string(), p.reviews);
        Ok(self.scheduler.outcomes(&p.state, now, fuzz)?)
    }

    /// Record an answer durably, then update progress. Returns once the
    /// answer is on disk.
    pub fn answer(
        &mut self,
        key: &CardKey,
        rating: Rating,
        now: Now,
        duration_ms: u64,
        mode: Mode,
        id: EventId,
    ) -> Result<AnswerRecord, LibraryError> {
        let review = ReviewEvent {
            id: id.clone(),
            set: key.set.clone(),
            question: key.question.clone(),
            card: key.variant_suffix(),
            rating,
            at: now.at,
            day: now.day,
            duration_ms,
            mode,
        };
        let event = Event::Review(review.clone());
        self.store.record(&event)?;
        self.events.push(event);
        if mode == Mode::Study {
            let applied = self.progress.apply(key, &review, &self.scheduler)?;
            self.undo_stack.push(Undoable {
                event: id.clone(),
                applied,
            });
        }
        Ok(AnswerRecord {
            event: id,
            key: key.clone(),
            rating,
            progress: self.progress.card(key),
        })
    }

    /// Undo the latest study answer: this session's if any, else the
    /// latest in the log that is not already undone. Returns the card whose
    /// answer was taken back.
    pub fn undo(&mut self, at: Timestamp, id: EventId) -> Result<Option<CardKey>, LibraryError> {
        let (target, from_session) = match self.undo_stack.last() {
            Some(u) => (u.event.clone(), true),
            None => match self.last_undoable() {
                Some(e) => (e, false),
                None => return Ok(None),
            },
        };
        let event = Event::Undo(UndoEvent {
            id,
            undoes: target.clone(),
            at,
        });
        self.store.record(&event)?;
        self.events.push(event);
        if from_session {
            if let Some(u) = self.undo_stack.pop() {
                self.progress.revert(&u.applied);
                return Ok(Some(u.applied.key));
            }
            Ok(None)
        } else {
            let key = self.events.iter().find_map(|e| match e {
                Event::Review(r) if r.id == target => r.card_key(),
                _ => None,
            });
            self.progress = Progress::replay(&self.events, &self.scheduler)?;
            Ok(key)
        }
    }

    /// Record that event `target` (e.g. a cram answer, which moves no
    /// schedule) is undone.
    pub fn undo_event(
        &mut self,
        target: EventId,
        at: Timestamp,
        id: EventId,
    ) -> Result<(), LibraryError> {
        let event = Event::Undo(UndoEvent {
            id,
            undoes: target,
            at,
        });
        self.store.record(&event)?;
        self.events.push(event);
        Ok(())
    }

    /// The latest study review that is not undone.
    fn last_undoable(&self) -> Option<EventId> {
        let undone: std::collections::HashSet<&EventId> = self
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Undo(u) => Some(&u.undoes),
                _ => None,
            })
            .collect();
        // Latest by time; at equal times, latest in the log.
        self.events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match e {
                Event::Review(r) if r.mode == Mode::Study && !undone.contains(&r.id) => {
                    Some((r.at, i, r))
                }
                _ => None,
            })
            .max_by_key(|(at, i, _)| (*at, *i))
            .map(|(_, _, r)| r.id.clone())
    }

    /// Save settings and rebuild the scheduler and progress from them.
    pub fn save_settings(&mut self, settings: Settings) -> Result<(), LibraryError> {
        let scheduler = Scheduler::new(settings.scheduler.clone())?;
        self.store.save_settings(settings)?;
        self.progress = Progress::replay(&self.events, &scheduler)?;
        self.scheduler = scheduler;
        self.undo_stack.clear();
        Ok(())
    }

    /// The card `key` in display form, with choices shuffled for its
    /// current review count.
    pub fn card_view(&self, key: &CardKey) -> Option<CardView> {
        let (set, q, variant) = self.card(key)?;
        let reviews = self.progress.card(key).reviews;
        Some(CardView::new(set, q, variant, key, reviews))
    }

    /// Cards answered Again (in study or cram) or answered wrong in a
    /// self-test since `since`, for "cram what I got wrong". Questions a
    /// self-test left unanswered (e.g. the time ran out) are not counted.
    pub fn recently_wrong(&self, since: Timestamp) -> std::collections::HashSet<CardKey> {
        let undone: std::collections::HashSet<&EventId> = self
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Undo(u) => Some(&u.undoes),
                Event::Review(_) => None,
            })
            .collect();
        let mut wrong = std::collections::HashSet::new();
        for e in &self.events {
            if let Event::Review(r) = e
                && !undone.contains(&r.id)
                && r.at >= since
                && r.rating == Rating::Again
                && let Some(k) = r.card_key()
            {
                wrong.insert(k);
            }
        }
        for x in self.exams.iter().filter(|x| x.started_at >= since) {
            wrong.extend(x.answered_wrong());
        }
        wrong
    }

    /// How many answers of this session can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo_stack.len()
    }
}
