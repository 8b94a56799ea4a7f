//! What opening the data directory warns about: a file or line kioku went
//! on without. The core says what happened as data; the front ends word it
//! (`kioku_i18n::words::warning`), and `Display` gives the English text for
//! logs and tests.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{DataProblem, StoreError};
use crate::bank;

/// Something in the data directory that could not be used but did not
/// stop kioku: shown to the user, and nothing is deleted. The front ends
/// word it from `kind`; `Display` is the English text (logs, tests).
#[derive(Debug, Clone)]
pub struct Warning {
    pub path: PathBuf,
    /// 1-based line, where it applies.
    pub line: Option<u64>,
    pub kind: WarningKind,
}

/// What a [`Warning`] is about.
#[derive(Debug, Clone)]
pub enum WarningKind {
    /// A line of a log that gave no event (or a header that is not right).
    Line(LineProblem),
    /// `settings.json` cannot be used: the defaults are, until it is fixed
    /// (the file is left as it is).
    SettingsDefaults(Arc<DataProblem>),
    /// A cache file was not used: what it holds was worked out again from
    /// the files it is derived from, and it is rewritten.
    CacheNotUsed { cache: Cache, fault: CacheFault },
    /// A set loaded, but some of its images or audio cannot be shown.
    MediaUnshown(Vec<bank::Diagnostic>),
    /// A set file that could not be loaded.
    SetNotLoaded(Arc<bank::BankError>),
    /// Another device's log that could not be read at all: skipped.
    LogSkipped(Arc<StoreError>),
    /// A second set with an id already loaded: only the first is shown.
    DuplicateSetId(String),
}

/// What was wrong with one line of a log. Kept in the progress snapshot,
/// so opening from it reports the lines it covers again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineProblem {
    /// The last line was cut short (kioku stopped while writing it): it was
    /// never confirmed, and is ignored.
    Torn,
    /// Not valid UTF-8: skipped.
    NotUtf8,
    /// The header's version (under `key`) is not a number.
    HeaderVersion { key: String },
    /// The header names no device.
    HeaderNoDevice,
    /// The first line is not a header: the events are read anyway.
    NoHeader,
    /// Not an event of this log: skipped. `detail` is the decoder's text.
    NotAnEvent { record: Record, detail: String },
}

/// What a log's lines are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Record {
    /// `reviews/DEVICE.jsonl`.
    Review,
    /// `exams/DEVICE.jsonl`.
    ExamResult,
}

/// The derived files in `cache/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cache {
    /// `cache/snapshot-DEVICE.bin`: the review logs are replayed.
    Snapshot,
    /// `cache/sets.bin`: the set files are read.
    Sets,
}

/// Why a cache file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheFault {
    /// Not such a file, or cut short within its header.
    NotCache,
    /// Written by another format version.
    OtherVersion { found: u32, supported: u32 },
    /// Its length is not the one its header gives.
    Length,
    /// Its checksum does not match.
    Checksum,
    /// Its index does not match what follows it.
    Index,
    /// The decoder's text.
    Decode(String),
    /// The operating system's text.
    Read(String),
}

impl Warning {
    /// Where to say it is, in front of what it says: the line, if any, of
    /// `path`; `None` when what it says names the file itself (a log that
    /// could not be read).
    pub fn place(&self) -> Option<Option<u64>> {
        match self.kind {
            WarningKind::LogSkipped(_) => None,
            _ => Some(self.line),
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.place() {
            None => write!(f, "{}", self.kind),
            Some(Some(line)) => write!(f, "{}:{line}: {}", self.path.display(), self.kind),
            Some(None) => write!(f, "{}: {}", self.path.display(), self.kind),
        }
    }
}

impl std::fmt::Display for WarningKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WarningKind::Line(p) => write!(f, "{p}"),
            WarningKind::SettingsDefaults(problem) => write!(
                f,
                "{problem}; using default settings until it is fixed (the file is left as it is)"
            ),
            WarningKind::CacheNotUsed { cache, fault } => match cache {
                Cache::Snapshot => write!(
                    f,
                    "progress snapshot not used ({fault}); the review logs were replayed and it is rebuilt"
                ),
                Cache::Sets => write!(
                    f,
                    "parsed-set cache not used ({fault}); the set files were read and it is rebuilt"
                ),
            },
            WarningKind::MediaUnshown(ds) => {
                write!(f, "some images or audio cannot be shown:")?;
                ds.iter().try_for_each(|d| write!(f, "\n{d}"))
            }
            WarningKind::SetNotLoaded(e) => write!(f, "question set not loaded:\n{e}"),
            WarningKind::LogSkipped(e) => write!(f, "{e}; skipped"),
            WarningKind::DuplicateSetId(id) => {
                write!(f, "two sets have the id \"{id}\"; only the first is shown")
            }
        }
    }
}

impl std::fmt::Display for LineProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineProblem::Torn => write!(
                f,
                "the last line was cut short (kioku stopped while writing it); it was never confirmed and is ignored"
            ),
            LineProblem::NotUtf8 => write!(f, "not valid UTF-8; line skipped"),
            LineProblem::HeaderVersion { key } => {
                write!(f, "bad header: \"{key}\" is not a version number")
            }
            LineProblem::HeaderNoDevice => write!(f, "bad header: no device"),
            LineProblem::NoHeader => write!(f, "no header line; reading the events anyway"),
            LineProblem::NotAnEvent { record, detail } => {
                let what = match record {
                    Record::Review => "review-log event",
                    Record::ExamResult => "self-test result",
                };
                write!(f, "not a {what} ({detail}); line skipped")
            }
        }
    }
}

impl std::fmt::Display for CacheFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CacheFault::NotCache => write!(f, "not such a cache file, or cut short"),
            CacheFault::OtherVersion { found, supported } => {
                write!(f, "format version {found}, this kioku writes {supported}")
            }
            CacheFault::Length => write!(f, "cut short or overlong"),
            CacheFault::Checksum => write!(f, "bad checksum"),
            CacheFault::Index => write!(f, "its index does not match its contents"),
            CacheFault::Decode(e) => write!(f, "cannot decode: {e}"),
            CacheFault::Read(e) => write!(f, "cannot read: {e}"),
        }
    }
}
