//! The library: the built-in and user sets, their progress, and the open
//! data directory. Answering and undo are here (`mod.rs`); today's queue
//! and deck counts in `queue.rs`; import, export and saving sets in
//! `transfer.rs`. The CLI and the UI both drive this.
//!
//! Time comes in as an argument (`Timestamp`); this module never reads a
//! clock. Event ids come in from the caller, which owns the randomness.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use jiff::Timestamp;
use jiff::tz::TimeZone;

mod queue;
mod snapshot;
mod transfer;
mod trash;

pub use snapshot::{SNAPSHOT_VERSION, snapshot_path};
pub use transfer::{ExportedFile, HistoryWritten, read_import};
pub use trash::{DELETED_DIR, DeletedSet};

use crate::bank::{self, BankError, CardKey, CardVariant, Question, QuestionSet, SetId};
use crate::card::CardView;
use crate::exam::ExamResult;
use crate::review::schedule_reviews;
use crate::review::{
    Applied, CardProgress, Event, EventId, Mode, Progress, ReviewEvent, UndoEvent,
};
use crate::scheduler::{FuzzFactor, Now, Outcomes, Rating, ScheduleError, Scheduler, StudyDay};
use crate::store::log::LogStart;
use crate::store::{
    Cache, ExamDefaults, FileStamp, LineProblem, ReviewLogs, Settings, Store, StoreError, Warning,
    WarningKind,
};

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
    #[error("{}: {error}", path.display())]
    Package {
        path: std::path::PathBuf,
        error: PackageError,
    },
    /// The set cannot be written in that format.
    #[error("{0}")]
    Export(ExportFailure),
    /// A set's `source_document` could not be read.
    #[error("cannot read source document \"{document}\": {reason}")]
    SourceDocument {
        document: String,
        reason: SourceProblem,
    },
}

/// Why a package could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error(transparent)]
    Apkg(#[from] crate::bank::formats::apkg::ApkgError),
    #[error(transparent)]
    Bundle(#[from] crate::bank::formats::bundle::BundleError),
}

/// Why a set could not be exported (or a file's media not read along).
#[derive(Debug, thiserror::Error)]
pub enum ExportFailure {
    #[error(transparent)]
    Format(#[from] crate::bank::formats::ExportError),
    #[error(transparent)]
    Media(#[from] crate::media::MediaError),
    #[error(transparent)]
    Package(#[from] crate::bank::formats::apkg::ApkgError),
    #[error(transparent)]
    Bundle(#[from] crate::bank::formats::bundle::BundleError),
    #[error("cannot create {}: {source}", path.display())]
    CreateDir {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("cannot encode: {0}")]
    Encode(String),
}

/// Why a set's source document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceProblem {
    #[error("the built-in bank carries only {only}")]
    BuiltinOnly { only: String },
    #[error("it must be a path inside the sets folder, such as sources/text.txt")]
    NotInside,
    #[error("it is not valid UTF-8")]
    NotUtf8,
    /// The system's own text.
    #[error("{0}")]
    Io(std::io::Error),
    #[error("it is larger than {mib} MiB")]
    TooLarge { mib: u64 },
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

/// What the library has read of one device's review log: what a
/// snapshot written now would cover of it.
#[derive(Debug, Clone)]
struct LogCover {
    /// File name in `reviews/`.
    name: String,
    /// This device's log (which grows as answers are recorded).
    own: bool,
    /// Length, lines and CRC-32 of what was read when the library was
    /// opened.
    len: u64,
    lines: u64,
    crc: u32,
    /// The file's stamp when it is known to hold the bytes read.
    stamp: Option<FileStamp>,
    /// The latest schedule review in it, or later (an upper bound).
    max_at: Option<Timestamp>,
    /// Warnings its lines up to `lines` gave.
    warnings: Vec<(Option<u64>, LineProblem)>,
}

/// How [`Library::open`] came by the progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// Replayed every review (no usable snapshot, or the tail could not be
    /// applied on top of it).
    Replayed,
    /// From the snapshot, with this many events of the logs' tails read.
    Snapshot { tail_events: usize },
}

/// Sets, their progress, and the open data directory.
#[derive(Debug)]
pub struct Library {
    store: Store,
    sets: Vec<QuestionSet>,
    builtin_count: usize,
    /// Every event, read from the logs the first time it is asked for
    /// (opening from a snapshot reads only the logs' tails).
    events: OnceLock<Vec<Event>>,
    exams: Vec<ExamResult>,
    progress: Progress,
    scheduler: Scheduler,
    warnings: Vec<Warning>,
    tz: TimeZone,
    undo_stack: Vec<Undoable>,
    logs: Vec<LogCover>,
    /// Every event id an undo in the logs targets.
    undone: HashSet<EventId>,
    /// Answers recorded by this library that move no schedule (cram,
    /// exam): undoing them leaves progress as it is.
    unscheduled: HashSet<EventId>,
    opened: Opened,
    /// The snapshot on disk matches the progress: nothing to write.
    snapshot_fresh: bool,
    /// Progress may not match the logs (an error mid-way, or an undo
    /// whose effect is unknown): no snapshot is written from it.
    snapshot_blocked: bool,
    /// Events recorded since the snapshot was last written (or opened).
    since_snapshot: u64,
}

/// Progress and what goes with it, as opening worked them out.
struct Replayed {
    progress: Progress,
    logs: Vec<LogCover>,
    undone: HashSet<EventId>,
    fresh: bool,
}

fn max_opt(a: Option<Timestamp>, b: Timestamp) -> Option<Timestamp> {
    Some(a.map_or(b, |a| a.max(b)))
}

impl Library {
    /// Open the data directory at `root`, load the built-in and user sets,
    /// and work out progress from the review logs: from this device's
    /// snapshot and the logs' tails when it allows, else by replaying
    /// every review. `tz` is the local time zone for study days.
    pub fn open(
        root: &Path,
        tz: TimeZone,
        new_device_id: impl FnOnce() -> String,
    ) -> Result<Library, LibraryError> {
        let mut bad = None;
        let (store, loaded, reviews, body) =
            Store::open_with::<ExamResult, _>(root, new_device_id, |root, settings, device| {
                let path = snapshot::snapshot_path(root, device);
                let body = snapshot::load(&path).unwrap_or_else(|fault| {
                    bad = Some(Warning {
                        path,
                        line: None,
                        kind: WarningKind::CacheNotUsed {
                            cache: Cache::Snapshot,
                            fault,
                        },
                    });
                    None
                });
                // Usable only with the same settings and every covered
                // prefix unchanged.
                let mut verified = HashMap::new();
                let body = body.filter(|b| {
                    b.settings == snapshot::settings_key(&settings.scheduler)
                        && b.logs.iter().all(|c| {
                            let path = root.join("reviews").join(&c.name);
                            snapshot::prefix_unchanged(&path, c)
                                .map(|stamp| verified.insert(c.name.clone(), stamp))
                                .is_some()
                        })
                });
                let starts = body
                    .iter()
                    .flat_map(|b| b.logs.iter().map(|c| (c.name.clone(), c.start())))
                    .collect();
                ((body, verified), starts)
            })?;
        let (body, verified) = body;
        let mut sets = bank::builtin_sets()?;
        let builtin_count = sets.len();
        let mut warnings: Vec<Warning> = bad.into_iter().collect();
        let scheduler = Scheduler::new(store.settings().scheduler.clone())?;
        let own_name = store
            .log_path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let from_snapshot = match &body {
            Some(b) => Self::from_snapshot(b, &verified, &reviews, &scheduler)?,
            None => None,
        };
        let (replayed, events, opened) = match from_snapshot {
            Some(r) => {
                // The snapshot's warnings for the lines it covers, then the
                // tails'.
                for l in &reviews.logs {
                    if let Some(c) = body
                        .as_ref()
                        .and_then(|b| b.logs.iter().find(|c| c.name == l.name))
                    {
                        warnings.extend(c.warnings.iter().map(|(line, problem)| Warning {
                            path: l.path.clone(),
                            line: *line,
                            kind: WarningKind::Line(problem.clone()),
                        }));
                    }
                    warnings.extend(l.warnings.iter().cloned());
                }
                warnings.extend(reviews.errors.iter().cloned());
                let opened = Opened::Snapshot {
                    tail_events: reviews.events.len(),
                };
                (r, OnceLock::new(), opened)
            }
            None => {
                let reviews = if body.is_some() {
                    // Again from the start. This device's torn last line,
                    // if any, is cut off by now: keep its warning.
                    let mut again =
                        store.read_review_logs(|_| Some((LogStart::default(), None)))?;
                    let torn = reviews.logs.iter().filter(|l| l.own).flat_map(|l| {
                        l.warnings
                            .iter()
                            .filter(|w| w.line.is_some_and(|n| n > l.complete_lines))
                    });
                    if let Some(own) = again.logs.iter_mut().find(|l| l.own) {
                        own.warnings.extend(torn.cloned());
                    }
                    again
                } else {
                    reviews
                };
                for l in &reviews.logs {
                    warnings.extend(l.warnings.iter().cloned());
                }
                warnings.extend(reviews.errors.iter().cloned());
                let r = Self::replay_all(&reviews, &scheduler)?;
                (r, OnceLock::from(reviews.events), Opened::Replayed)
            }
        };
        let Replayed {
            progress,
            mut logs,
            undone,
            fresh,
        } = replayed;
        match logs.iter_mut().find(|l| l.name == own_name) {
            Some(l) => l.own = true,
            None => logs.push(LogCover {
                name: own_name,
                own: true,
                len: 0,
                lines: 0,
                crc: 0,
                stamp: None,
                max_at: None,
                warnings: Vec::new(),
            }),
        }
        warnings.extend(loaded.warnings);
        for set in loaded.sets {
            if sets.iter().any(|s| s.id == set.id) {
                warnings.push(Warning {
                    path: store.sets_dir(),
                    line: None,
                    kind: WarningKind::DuplicateSetId(set.id.to_string()),
                });
            } else {
                sets.push(set);
            }
        }
        let mut exams = loaded.exams;
        exams.sort_by_key(|e| e.started_at);
        Ok(Library {
            store,
            sets,
            builtin_count,
            events,
            exams,
            progress,
            scheduler,
            warnings,
            tz,
            undo_stack: Vec::new(),
            logs,
            undone,
            unscheduled: HashSet::new(),
            opened,
            snapshot_fresh: fresh,
            snapshot_blocked: false,
            since_snapshot: 0,
        })
    }

    /// Warnings of a log read, for the lines up to its last complete one.
    fn covered_warnings(l: &crate::store::LogRead) -> Vec<(Option<u64>, LineProblem)> {
        l.warnings
            .iter()
            .filter(|w| w.line.is_none_or(|n| n <= l.complete_lines))
            .filter_map(|w| match &w.kind {
                WarningKind::Line(p) => Some((w.line, p.clone())),
                _ => None,
            })
            .collect()
    }

    /// Replay every review of `reviews` (read whole).
    fn replay_all(reviews: &ReviewLogs, scheduler: &Scheduler) -> Result<Replayed, LibraryError> {
        let progress = Progress::replay(&reviews.events, scheduler)?;
        let undone: HashSet<EventId> = reviews
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Undo(u) => Some(u.undoes.clone()),
                Event::Review(_) => None,
            })
            .collect();
        let logs = reviews
            .logs
            .iter()
            .map(|l| LogCover {
                name: l.name.clone(),
                own: l.own,
                len: l.complete_len,
                lines: l.complete_lines,
                crc: l.complete_crc,
                stamp: l.stamp,
                max_at: reviews.events[l.events.clone()]
                    .iter()
                    .filter_map(|e| match e {
                        Event::Review(r) if r.mode == Mode::Study && !undone.contains(&r.id) => {
                            Some(r.at)
                        }
                        _ => None,
                    })
                    .max(),
                warnings: Self::covered_warnings(l),
            })
            .collect();
        Ok(Replayed {
            progress,
            logs,
            undone,
            fresh: false,
        })
    }

    /// Progress from the snapshot `body` and the logs' tails in `reviews`,
    /// or `None` when the tails cannot simply be applied on top: a covered
    /// log was not read from where the snapshot ends, an undo in a tail
    /// targets an event that is not in the tails, or a tail's schedule
    /// review sorts before one the snapshot covers (a late log, or a
    /// clock that went back).
    /// `verified` holds each covered log's stamp from just before its
    /// prefix was checked.
    fn from_snapshot(
        body: &snapshot::Body,
        verified: &HashMap<String, Option<FileStamp>>,
        reviews: &ReviewLogs,
        scheduler: &Scheduler,
    ) -> Result<Option<Replayed>, LibraryError> {
        let covered: HashMap<&str, &snapshot::Covered> =
            body.logs.iter().map(|c| (c.name.as_str(), c)).collect();
        for c in &body.logs {
            if !reviews
                .logs
                .iter()
                .any(|l| l.name == c.name && l.start == c.start())
            {
                return Ok(None);
            }
        }
        let Some(mut progress) = body.progress() else {
            return Ok(None);
        };
        let mut undone: HashSet<EventId> = body.undone().collect();
        let tail = &reviews.events;
        let tail_ids: HashSet<&EventId> = tail
            .iter()
            .filter_map(|e| match e {
                Event::Review(r) => Some(&r.id),
                Event::Undo(_) => None,
            })
            .collect();
        for e in tail {
            if let Event::Undo(u) = e {
                if !tail_ids.contains(&u.undoes) {
                    return Ok(None);
                }
                undone.insert(u.undoes.clone());
            }
        }
        // In a whole replay, schedule reviews are applied in time order,
        // ties in log order (logs by name). A tail's review keeps that
        // order after the snapshot's when it is later than every covered
        // review of the logs after its own, and no earlier than those of
        // its own log and the ones before.
        let covered_max = |name: &str, after: bool| -> Option<Timestamp> {
            body.logs
                .iter()
                .filter(|c| (c.name.as_str() > name) == after)
                .filter_map(|c| c.max_at.and_then(snapshot::from_ts))
                .max()
        };
        let mut logs = Vec::with_capacity(reviews.logs.len());
        for l in &reviews.logs {
            let c = covered.get(l.name.as_str());
            let later = covered_max(&l.name, true);
            let not_later = covered_max(&l.name, false);
            let mut max_at = c.and_then(|c| c.max_at).and_then(snapshot::from_ts);
            for e in &tail[l.events.clone()] {
                if let Event::Review(r) = e
                    && r.mode == Mode::Study
                    && !undone.contains(&r.id)
                {
                    if later.is_some_and(|t| r.at <= t) || not_later.is_some_and(|t| r.at < t) {
                        return Ok(None);
                    }
                    max_at = max_opt(max_at, r.at);
                }
            }
            let mut warnings = c.map(|c| c.warnings.clone()).unwrap_or_default();
            warnings.extend(Self::covered_warnings(l));
            // The stamp stands for the bytes read only if the file did not
            // change between its prefix's check and the tail's read.
            let stamp = match verified.get(&l.name) {
                Some(v) if *v != l.stamp => None,
                _ => l.stamp,
            };
            logs.push(LogCover {
                name: l.name.clone(),
                own: l.own,
                len: l.complete_len,
                lines: l.complete_lines,
                crc: l.complete_crc,
                stamp,
                max_at,
                warnings,
            });
        }
        for r in schedule_reviews(tail) {
            if !undone.contains(&r.id)
                && let Some(key) = r.card_key()
            {
                progress.apply(&key, r, scheduler)?;
            }
        }
        // Nothing new, and every stamp as recorded (else a log was read
        // whole to check it, and a snapshot with its new stamp spares the
        // next open that).
        let fresh = tail.is_empty()
            && reviews.logs.len() == body.logs.len()
            && logs.iter().all(|l| {
                covered
                    .get(l.name.as_str())
                    .is_some_and(|c| c.len == l.len && c.stamp.is_some() && c.stamp == l.stamp)
            });
        Ok(Some(Replayed {
            progress,
            logs,
            undone,
            fresh,
        }))
    }

    /// How this library came by its progress when it was opened.
    pub fn opened(&self) -> Opened {
        self.opened
    }

    /// Write this device's progress snapshot (atomically), so the next
    /// open replays only what is appended after now. Does nothing when the
    /// snapshot on disk is already up to date; returns whether it wrote.
    /// Dropping the library does this too, ignoring errors.
    pub fn save_snapshot(&mut self) -> Result<bool, LibraryError> {
        if self.snapshot_fresh || self.snapshot_blocked {
            return Ok(false);
        }
        let (own_len, own_written) = self.store.own_log_len();
        let dir = self.store.root().join("reviews");
        let mut covered = Vec::with_capacity(self.logs.len());
        for l in &self.logs {
            let path = dir.join(&l.name);
            // The stamp first: a write after it changes it, so the next
            // open checks the prefix by reading it.
            let now = FileStamp::of(&path);
            let (len, lines, crc, stamp) = if l.own {
                // Only this process writes its own log (it holds the
                // lock): what it appended continues the CRC.
                let Some(crc) = snapshot::extend_crc(&path, l.crc, l.len, own_len) else {
                    // The log changed under us: leave the snapshot as it is.
                    return Ok(false);
                };
                (own_len, l.lines + own_written, crc, now)
            } else {
                let stamp = if now == l.stamp { now } else { None };
                (l.len, l.lines, l.crc, stamp)
            };
            covered.push(snapshot::Covered {
                name: l.name.clone(),
                len,
                lines,
                crc,
                stamp,
                max_at: l.max_at.map(snapshot::ts),
                warnings: l.warnings.clone(),
            });
        }
        let mut undone: Vec<String> = self.undone.iter().map(|e| e.0.clone()).collect();
        undone.sort_unstable();
        let body = snapshot::Body::new(&self.settings().scheduler, covered, undone, &self.progress);
        let bytes = snapshot::encode(&body).map_err(StoreError::Encode)?;
        let path = snapshot::snapshot_path(self.store.root(), self.store.device());
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(crate::store::io_err(dir, "create"))?;
        }
        crate::store::write_atomic(&path, &bytes)?;
        self.snapshot_fresh = true;
        self.since_snapshot = 0;
        Ok(true)
    }

    /// Whether at least `every` events were recorded since the snapshot
    /// was last written (and one can be written): a front end that stays
    /// open calls [`Library::save_snapshot`] then, between answers, so a
    /// crash costs the next open at most that many events of tail.
    pub fn snapshot_due(&self, every: u64) -> bool {
        !self.snapshot_fresh && !self.snapshot_blocked && self.since_snapshot >= every
    }

    /// Read every log again from the start and replay it all (after a
    /// log was added beside this device's, as an Anki history import does).
    fn reload_logs(&mut self) -> Result<(), LibraryError> {
        let reviews = self
            .store
            .read_review_logs(|_| Some((LogStart::default(), None)))?;
        for l in &reviews.logs {
            self.warnings.extend(l.warnings.iter().cloned());
        }
        self.warnings.extend(reviews.errors.iter().cloned());
        let r = match Self::replay_all(&reviews, &self.scheduler) {
            Ok(r) => r,
            Err(e) => {
                self.snapshot_blocked = true;
                return Err(e);
            }
        };
        self.progress = r.progress;
        self.logs = r.logs;
        self.undone = r.undone;
        self.events = OnceLock::from(reviews.events);
        self.snapshot_fresh = false;
        Ok(())
    }

    /// Read every event of the logs as far as this library has seen them.
    fn read_events(&self) -> Vec<Event> {
        let (own_len, _) = self.store.own_log_len();
        let limits: HashMap<&str, u64> = self
            .logs
            .iter()
            .map(|l| (l.name.as_str(), if l.own { own_len } else { l.len }))
            .collect();
        self.store
            .read_review_logs(|name| {
                limits
                    .get(name)
                    .map(|&end| (LogStart::default(), Some(end)))
            })
            .map(|r| r.events)
            .unwrap_or_default()
    }

    /// Keep an event just recorded, if the events are in memory (else it
    /// is read with the rest when they are first asked for).
    fn push_event(&mut self, event: Event) {
        self.snapshot_fresh = false;
        self.since_snapshot += 1;
        if let Some(events) = self.events.get_mut() {
            events.push(event);
        }
    }

    /// Replay every event again (after an undo across sessions or new
    /// settings).
    fn replay_events(&mut self, scheduler: &Scheduler) -> Result<Progress, LibraryError> {
        match Progress::replay(self.events(), scheduler) {
            Ok(p) => Ok(p),
            Err(e) => {
                self.snapshot_blocked = true;
                Err(e.into())
            }
        }
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

    /// The text of set `id`'s `source_document`, for reading a quote in
    /// context: compiled in for the built-in bank, else read from beside
    /// the set file (inside the sets folder only). `None` when the set
    /// names none.
    pub fn source_document(&self, id: &SetId) -> Result<Option<String>, LibraryError> {
        let set = self
            .set(id)
            .ok_or_else(|| LibraryError::NoSet(id.clone()))?;
        let Some(name) = set.source_document.as_deref() else {
            return Ok(None);
        };
        let fail = |reason: SourceProblem| LibraryError::SourceDocument {
            document: name.to_owned(),
            reason,
        };
        if self.is_builtin(id) {
            return match name {
                bank::INTERVIEW_DOCUMENT => Ok(Some(bank::INTERVIEW_TEXT.to_owned())),
                _ => Err(fail(SourceProblem::BuiltinOnly {
                    only: bank::INTERVIEW_DOCUMENT.to_owned(),
                })),
            };
        }
        let relative = std::path::Path::new(name);
        if !relative
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
        {
            return Err(fail(SourceProblem::NotInside));
        }
        let path = self.store.sets_dir().join(relative);
        match bank::read_file_limited(&path, bank::MAX_FILE_BYTES) {
            Ok(bytes) => bank::parse::decode_text(&bytes)
                .map(|t| Some(t.to_owned()))
                .map_err(|_| fail(SourceProblem::NotUtf8)),
            Err(BankError::Io { source, .. }) => Err(fail(SourceProblem::Io(source))),
            Err(BankError::Invalid(_)) => Err(fail(SourceProblem::TooLarge {
                mib: bank::MAX_FILE_BYTES / 1_048_576,
            })),
        }
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

    /// Every event read from disk or recorded since. After an open from
    /// the snapshot, the logs are read whole the first time this is
    /// called (undo across sessions, statistics, the optimizer).
    pub fn events(&self) -> &[Event] {
        self.events.get_or_init(|| self.read_events())
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
        // As Anki does: a card left on screen while the student was away
        // counts as the longest answer the settings allow.
        let duration_ms = duration_ms.min(u64::from(self.settings().max_answer_secs) * 1000);
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
        self.push_event(event);
        if mode == Mode::Study {
            let applied = match self.progress.apply(key, &review, &self.scheduler) {
                Ok(a) => a,
                Err(e) => {
                    self.snapshot_blocked = true;
                    return Err(e.into());
                }
            };
            if let Some(l) = self.logs.iter_mut().find(|l| l.own) {
                l.max_at = max_opt(l.max_at, review.at);
            }
            self.undo_stack.push(Undoable {
                event: id.clone(),
                applied,
            });
        } else {
            self.unscheduled.insert(id.clone());
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
        self.push_event(event);
        self.undone.insert(target.clone());
        if from_session {
            if let Some(u) = self.undo_stack.pop() {
                self.progress.revert(&u.applied);
                return Ok(Some(u.applied.key));
            }
            Ok(None)
        } else {
            let key = self.events().iter().find_map(|e| match e {
                Event::Review(r) if r.id == target => r.card_key(),
                _ => None,
            });
            let scheduler = self.scheduler.clone();
            self.progress = self.replay_events(&scheduler)?;
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
            undoes: target.clone(),
            at,
        });
        self.store.record(&event)?;
        self.push_event(event);
        if !self.unscheduled.contains(&target) {
            // Progress is left as it is, which may not be what a replay
            // gives: write no snapshot from it.
            self.snapshot_blocked = true;
        }
        self.undone.insert(target);
        Ok(())
    }

    /// The latest study review that is not undone.
    fn last_undoable(&self) -> Option<EventId> {
        let undone: std::collections::HashSet<&EventId> = self
            .events()
            .iter()
            .filter_map(|e| match e {
                Event::Undo(u) => Some(&u.undoes),
                _ => None,
            })
            .collect();
        // Latest by time; at equal times, latest in the log.
        self.events()
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

    /// Remember the self-test set-up (question count, time limit) for
    /// next time. Only that part of the settings changes: the schedule
    /// and this session's undo are left as they are.
    pub fn save_exam_defaults(&mut self, exam: ExamDefaults) -> Result<(), LibraryError> {
        let mut settings = self.store.settings().clone();
        settings.exam = exam;
        self.store.save_settings(settings)?;
        Ok(())
    }

    /// Save settings and rebuild the scheduler and progress from them.
    pub fn save_settings(&mut self, settings: Settings) -> Result<(), LibraryError> {
        let scheduler = Scheduler::new(settings.scheduler.clone())?;
        self.store.save_settings(settings)?;
        self.snapshot_fresh = false;
        self.progress = self.replay_events(&scheduler)?;
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
            .events()
            .iter()
            .filter_map(|e| match e {
                Event::Undo(u) => Some(&u.undoes),
                Event::Review(_) => None,
            })
            .collect();
        let mut wrong = std::collections::HashSet::new();
        for e in self.events() {
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

impl Drop for Library {
    /// Write the progress snapshot, if it changed: off the answer path,
    /// and a crash at any moment leaves the old one or the new one (or
    /// none), each of which opens to the same progress.
    fn drop(&mut self) {
        let _ = self.save_snapshot();
    }
}
