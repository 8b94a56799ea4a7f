//! Studying: the library of sets with their progress, today's queue, and
//! recording answers (with undo). The CLI and the UI both drive this.
//!
//! Time comes in as an argument (`Timestamp`); this module never reads a
//! clock. Event ids come in from the caller, which owns the randomness.

use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::bank::{self, CardKey, CardVariant, Question, QuestionSet, SetId};
use crate::error::Error;
use crate::exam::ExamResult;
use crate::progress::{Applied, CardProgress, Progress};
use crate::schedule::{CardState, FuzzFactor, Now, Outcomes, Rating, Scheduler, StudyDay};
use crate::store::{
    Event, EventId, Mode, ReviewEvent, Settings, Store, StoreError, UndoEvent, Warning,
};

/// Learning cards due within this many minutes are shown when nothing
/// else is left, as Anki's "learn ahead limit".
pub const LEARN_AHEAD_MINUTES: i64 = 20;

/// Stability (days) from which a review card counts as mastered.
pub const MASTERED_STABILITY: f32 = 21.0;

/// Today's cards for some sets, in the order they are shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Queue {
    /// (Re)learning cards due now, earliest first.
    pub learning: Vec<CardKey>,
    /// Review cards due today, oldest due first, within the review limit.
    pub review: Vec<CardKey>,
    /// New cards in set order, within the new-card limit.
    pub new: Vec<CardKey>,
    /// (Re)learning cards due later today, earliest first, with due times.
    pub learning_later: Vec<(Timestamp, CardKey)>,
}

impl Queue {
    /// The card to show at `now`: learning, then review, then new; if none,
    /// a learning card due within the learn-ahead limit.
    pub fn next(&self, now: Timestamp) -> Option<&CardKey> {
        self.learning
            .first()
            .or_else(|| self.review.first())
            .or_else(|| self.new.first())
            .or_else(|| {
                let limit = now
                    .saturating_add(jiff::SignedDuration::from_mins(LEARN_AHEAD_MINUTES))
                    .ok()?;
                self.learning_later
                    .first()
                    .filter(|(due, _)| *due <= limit)
                    .map(|(_, k)| k)
            })
    }

    pub fn is_empty(&self) -> bool {
        self.learning.is_empty()
            && self.review.is_empty()
            && self.new.is_empty()
            && self.learning_later.is_empty()
    }
}

/// A set as the deck list shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DeckSummary {
    pub id: SetId,
    pub title: String,
    pub description: Option<String>,
    /// Whether it ships with kioku (read-only).
    pub builtin: bool,
    /// Cards in the set.
    pub total: usize,
    /// New cards available today (within the limit).
    pub new: usize,
    /// (Re)learning cards due today, now or later.
    pub learning: usize,
    /// Review cards due today (within the limit).
    pub due: usize,
    /// Share of cards in review with stability ≥ 21 days, 0–1.
    pub mastered: f32,
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
    ) -> Result<Library, Error> {
        let (store, loaded) = Store::open(root, new_device_id)?;
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

    /// Read `file` in `format` (guessed from the extension when `None`)
    /// and add it as a new set, as `kioku import` does. Returns what was
    /// created and what was skipped.
    pub fn import_file(
        &mut self,
        file: &Path,
        format: Option<crate::bank::formats::Format>,
        replace: bool,
    ) -> Result<crate::bank::formats::Imported, Error> {
        use crate::bank::formats::{self, Format, ImportError, ImportMeta};
        let format = format.or_else(|| Format::from_path(file)).ok_or_else(|| {
            Error::Usage(format!(
                "cannot tell the format of {} from its extension; choose one",
                file.display()
            ))
        })?;
        let limit = if format == Format::Apkg {
            formats::apkg::MAX_TOTAL_BYTES
        } else {
            bank::MAX_FILE_BYTES
        };
        let bytes = bank::read_file_limited(file, limit)?;
        let imported = match formats::import(&bytes, format, &ImportMeta::for_file(file, None)) {
            Ok(i) => i,
            Err(ImportError::Invalid(problems)) => {
                return Err(bank::BankError::Invalid(
                    problems
                        .into_iter()
                        .map(|(pos, problem)| bank::Diagnostic {
                            path: file.to_owned(),
                            pos,
                            problem,
                        })
                        .collect(),
                )
                .into());
            }
            Err(ImportError::Package(e)) => {
                return Err(Error::Usage(format!("{}: error: {e}", file.display())));
            }
        };
        self.import_set(&imported, replace)?;
        Ok(imported)
    }

    /// Write set `id` to a new file in `format`, as `kioku export -o` does;
    /// never overwrites a file.
    pub fn export_file(
        &self,
        id: &SetId,
        format: Option<crate::bank::formats::Format>,
        file: &Path,
    ) -> Result<crate::bank::formats::Exported, Error> {
        use crate::bank::formats::{self, Format};
        let format = format.or_else(|| Format::from_path(file)).ok_or_else(|| {
            Error::Usage(format!(
                "cannot tell the format of {} from its extension; choose one",
                file.display()
            ))
        })?;
        let set = self
            .set(id)
            .ok_or_else(|| Error::Usage(format!("no set \"{id}\"")))?;
        let out = formats::export(set, format).map_err(|e| Error::Usage(e.to_string()))?;
        crate::store::write_new(file, out.text.as_bytes())?;
        Ok(out)
    }

    /// Add an imported set to the data directory (see [`Store::save_set`]).
    /// Refuses a built-in id always, and an existing id unless `replace`.
    pub fn import_set(
        &mut self,
        imported: &crate::bank::formats::Imported,
        replace: bool,
    ) -> Result<crate::store::Saved, Error> {
        let id = &imported.set.id;
        if self.is_builtin(id) {
            return Err(StoreError::BuiltinSet { id: id.to_string() }.into());
        }
        let path = self.store.sets_dir().join(format!("{id}.json"));
        if self.set(id).is_some() {
            if !replace {
                return Err(StoreError::SetExists {
                    id: id.to_string(),
                    path,
                }
                .into());
            }
            if !path.exists() {
                return Err(StoreError::SetElsewhere {
                    id: id.to_string(),
                    dir: self.store.sets_dir(),
                }
                .into());
            }
        }
        let saved = self
            .store
            .save_set(&imported.set, &imported.media, replace)?;
        match self.sets.iter_mut().find(|s| &s.id == id) {
            Some(s) => *s = imported.set.clone(),
            None => self.sets.push(imported.set.clone()),
        }
        Ok(saved)
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
    pub fn record_exam(&mut self, result: ExamResult) -> Result<(), Error> {
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

    /// Today's queue for one set, or for all sets.
    pub fn queue(&self, set: Option<&SetId>, now: Now) -> Queue {
        let mut queue = Queue::default();
        let mut reviews: Vec<(StudyDay, CardKey)> = Vec::new();
        let mut learning: Vec<(Timestamp, CardKey)> = Vec::new();
        let s = &self.settings().scheduler;
        let end_of_day = self.day_end(now.day);
        for qs in self
            .sets
            .iter()
            .filter(|qs| set.is_none_or(|id| &qs.id == id))
        {
            let done = self.progress.day_count(&qs.id, now.day);
            let mut new_left = s.new_per_day.saturating_sub(done.new) as usize;
            let review_limit = s.reviews_per_day.saturating_sub(done.review) as usize;
            let mut set_reviews = Vec::new();
            for card in qs.cards() {
                let key = card.key(&qs.id);
                match self.progress.card(&key).state {
                    CardState::New => {
                        if new_left > 0 {
                            new_left -= 1;
                            queue.new.push(key);
                        }
                    }
                    CardState::Learning(l) | CardState::Relearning(l) => {
                        if l.due <= end_of_day {
                            learning.push((l.due, key));
                        }
                    }
                    CardState::Review(r) => {
                        if r.due <= now.day {
                            set_reviews.push((r.due, key));
                        }
                    }
                }
            }
            set_reviews.sort();
            set_reviews.truncate(review_limit);
            reviews.extend(set_reviews);
        }
        reviews.sort();
        queue.review = reviews.into_iter().map(|(_, k)| k).collect();
        learning.sort();
        for (due, key) in learning {
            if due <= now.at {
                queue.learning.push(key);
            } else {
                queue.learning_later.push((due, key));
            }
        }
        queue
    }

    /// When study day `day` ends (the next rollover), as an instant.
    fn day_end(&self, day: StudyDay) -> Timestamp {
        let hour = i8::try_from(self.settings().scheduler.rollover_hour).unwrap_or(4);
        day.plus(1)
            .date()
            .at(hour, 0, 0, 0)
            .to_zoned(self.tz.clone())
            .map(|z| z.timestamp())
            .unwrap_or(Timestamp::MAX)
    }

    /// Every set with today's counts.
    pub fn decks(&self, now: Now) -> Vec<DeckSummary> {
        self.sets
            .iter()
            .map(|qs| {
                let q = self.queue(Some(&qs.id), now);
                let total = qs.card_count();
                let mastered = qs
                    .cards()
                    .filter(|c| {
                        matches!(self.progress.card(&c.key(&qs.id)).state,
                            CardState::Review(r) if r.memory.stability >= MASTERED_STABILITY)
                    })
                    .count();
                DeckSummary {
                    id: qs.id.clone(),
                    title: qs.title.clone(),
                    description: qs.description.clone(),
                    builtin: self.is_builtin(&qs.id),
                    total,
                    new: q.new.len(),
                    learning: q.learning.len() + q.learning_later.len(),
                    due: q.review.len(),
                    mastered: if total == 0 {
                        0.0
                    } else {
                        mastered as f32 / total as f32
                    },
                }
            })
            .collect()
    }

    /// What each rating would do to `key` now.
    pub fn outcomes(&self, key: &CardKey, now: Now) -> Result<Outcomes, Error> {
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
    ) -> Result<AnswerRecord, Error> {
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
    pub fn undo(&mut self, at: Timestamp, id: EventId) -> Result<Option<CardKey>, Error> {
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

    /// Save a user set as `sets/ID.json`, atomically, and show it. The
    /// built-in sets are read-only. Progress is keyed by set and question
    /// ids, so editing text keeps it.
    pub fn save_set(&mut self, mut set: QuestionSet) -> Result<std::path::PathBuf, Error> {
        if self.is_builtin(&set.id) {
            return Err(Error::Usage(format!(
                "\"{}\" is built in and read-only; duplicate it to edit",
                set.id
            )));
        }
        set.schema = None;
        let path = self.store.save_set(&set, &[], true)?.set_file;
        match self.sets.iter_mut().find(|s| s.id == set.id) {
            Some(slot) => *slot = set,
            None => self.sets.push(set),
        }
        Ok(path)
    }

    /// Record that event `target` (e.g. a cram answer, which moves no
    /// schedule) is undone.
    pub fn undo_event(&mut self, target: EventId, at: Timestamp, id: EventId) -> Result<(), Error> {
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
    pub fn save_settings(&mut self, settings: Settings) -> Result<(), Error> {
        let scheduler = Scheduler::new(settings.scheduler.clone())?;
        self.store.save_settings(settings)?;
        self.progress = Progress::replay(&self.events, &scheduler)?;
        self.scheduler = scheduler;
        self.undo_stack.clear();
        Ok(())
    }

    /// How many answers of this session can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo_stack.len()
    }
}

/// The order to show a multiple-choice question's choices in: a uniform
/// shuffle (Fisher–Yates) seeded by the card and its review count, so the
/// order is stable while the card is on screen and changes between reviews.
pub fn choice_order(key: &CardKey, reviews: u32, count: usize, shuffle: bool) -> Vec<usize> {
    use rand::SeedableRng;
    use rand::seq::SliceRandom;
    let mut order: Vec<usize> = (0..count).collect();
    if shuffle {
        let seed = FuzzFactor::seed(&key.to_string(), reviews);
        order.shuffle(&mut rand::rngs::StdRng::seed_from_u64(seed));
    }
    order
}

/// One choice of a multiple-choice card, in display order.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Choice {
    /// The index in the file (what grading and `correct` use).
    pub index: usize,
    pub text: String,
}

/// A card ready to show: what every front end needs, in display form.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CardView {
    pub key: CardKey,
    /// The question type as written in files.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Markdown. For a cloze, the text with this card's deletion as `[...]`;
    /// for a reversed flashcard, the answer side.
    pub prompt: String,
    /// Multiple choice only, in the order to show them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<Choice>>,
    /// Multiple choice with several right answers: all must be picked.
    pub select_all: bool,
    /// The answer to show after answering (Markdown).
    pub answer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// The verbatim source passage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// What the source material is (the set's `source`), for "From …".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_title: Option<String>,
}

impl Library {
    /// The card `key` in display form, with choices shuffled for its
    /// current review count.
    pub fn card_view(&self, key: &CardKey) -> Option<CardView> {
        use crate::bank::QuestionBody as B;
        let (set, q, variant) = self.card(key)?;
        let reviews = self.progress.card(key).reviews;
        let (prompt, answer, choices, select_all) = match &q.body {
            B::Flashcard { prompt, answer, .. } => {
                if variant == CardVariant::Reverse {
                    (answer.clone(), prompt.clone(), None, false)
                } else {
                    (prompt.clone(), answer.clone(), None, false)
                }
            }
            B::Typed { prompt, answers } => (prompt.clone(), answers[0].clone(), None, false),
            B::MultipleChoice {
                prompt,
                choices,
                correct,
                shuffle,
            } => {
                let order = choice_order(key, reviews, choices.len(), *shuffle);
                let shown = order
                    .into_iter()
                    .map(|index| Choice {
                        index,
                        text: choices[index].clone(),
                    })
                    .collect();
                let answer = correct
                    .iter()
                    .map(|&i| choices[i].as_str())
                    .collect::<Vec<_>>()
                    .join("; ");
                (prompt.clone(), answer, Some(shown), correct.len() > 1)
            }
            B::TrueFalse { prompt, answer } => (
                prompt.clone(),
                if *answer { "True" } else { "False" }.to_owned(),
                None,
                false,
            ),
            B::Cloze { text } => {
                let n = match variant {
                    CardVariant::Cloze(n) => usize::from(n),
                    _ => 1,
                };
                let answer = text.deletion(n).unwrap_or_default().trim().to_owned();
                (text.render_blanked(Some(n)), answer, None, false)
            }
        };
        Some(CardView {
            key: key.clone(),
            kind: q.body.type_name(),
            prompt,
            choices,
            select_all,
            answer,
            explanation: q.explanation.clone(),
            source: q.source.clone(),
            source_title: set.source.clone(),
        })
    }
}
