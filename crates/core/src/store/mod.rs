//! The progress store: everything kioku keeps on disk, in one data
//! directory of files a person can read.
//!
//! ```text
//! DATA_DIR/
//!   kioku.lock                 held while a kioku has the directory open
//!   devices/HOSTNAME.json      this machine's device id (one file per machine)
//!   reviews/DEVICE.jsonl       this device's review log, append-only
//!   exams/DEVICE.jsonl         this device's self-test results, append-only
//!   settings.json              settings, written atomically
//!   sets/*.json                the user's question sets
//!   cache/snapshot-DEVICE.bin  progress as of a prefix of each log, so
//!                              opening replays only the tails (derived:
//!                              deleting it loses nothing; see
//!                              `library::snapshot`)
//!   cache/sets.bin             the parsed sets, by file stamp, length and
//!                              hash (derived, like the snapshot)
//! ```
//!
//! Every device appends only to its own log, so data directories synced by
//! any file-sync tool merge by union with no conflicts.

pub(crate) mod cache_file;
pub mod log;
mod set_cache;
mod settings;
mod warning;

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use log::{LogStart, LogWriter};
pub use settings::{ExamDefaults, Field, FormError, Language, Settings, SettingsForm, Theme};
pub use warning::{Cache, CacheFault, LineProblem, Record, Warning, WarningKind};

use crate::bank::{self, QuestionSet};
use crate::review::Event;

/// The self-test results log, `exams/DEVICE.jsonl`.
pub const EXAMS: log::LogKind = log::LogKind {
    header_key: "kioku_exams",
    version: 1,
    record: Record::ExamResult,
};

/// Format version of `devices/*.json`.
const DEVICE_VERSION: u32 = 1;

/// What is wrong with a data file kioku reads.
#[derive(Debug, thiserror::Error)]
pub enum DataProblem {
    #[error("not a regular file (a directory or a device?)")]
    NotRegularFile,
    #[error("already has reviews; generate into an empty directory")]
    HasReviews,
    /// The decoder's own text.
    #[error("not a device file ({0}); fix or remove it")]
    NotDeviceFile(String),
    #[error("device id \"{0}\" must be letters, digits and hyphens")]
    BadDeviceId(String),
    #[error(
        "could not be read when kioku started, so it is not overwritten; fix or remove it, then restart kioku"
    )]
    SettingsNotWritable,
    /// The decoder's own text.
    #[error("not valid JSON ({0})")]
    NotJson(String),
    /// The decoder's own text (a field of the wrong type, say).
    #[error("{0}")]
    Decode(String),
    #[error(transparent)]
    Settings(#[from] crate::scheduler::SettingsError),
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: cannot {op}: {source}", path.display())]
    Io {
        path: PathBuf,
        op: &'static str,
        source: std::io::Error,
    },
    #[error("another kioku is using {} (it holds {}); close it first", dir.display(), lock.display())]
    Locked { dir: PathBuf, lock: PathBuf },
    #[error("{}: written by a newer kioku (format version {found}; this kioku reads {supported}); update kioku, the file is left as it is", path.display())]
    NewerVersion {
        path: PathBuf,
        found: u64,
        supported: u64,
    },
    #[error("{}: {problem}", path.display())]
    Invalid { path: PathBuf, problem: DataProblem },
    #[error("cannot encode: {0}")]
    Encode(String),
    #[error("{}: already exists; nothing was written", path.display())]
    Exists { path: PathBuf },
    #[error("a set with id \"{id}\" already exists ({})", path.display())]
    SetExists { id: String, path: PathBuf },
    #[error("\"{id}\" is a built-in set and cannot be replaced")]
    BuiltinSet { id: String },
    #[error("a set with id \"{id}\" is in another file of {}", dir.display())]
    SetElsewhere { id: String, dir: PathBuf },
    #[error("no data directory could be found for this user")]
    NoDataDir,
}

pub(crate) fn io_err<'a>(
    path: &'a Path,
    op: &'static str,
) -> impl FnOnce(std::io::Error) -> StoreError + 'a {
    move |source| StoreError::Io {
        path: path.to_owned(),
        op,
        source,
    }
}

impl From<crate::file::WriteError> for StoreError {
    fn from(e: crate::file::WriteError) -> Self {
        StoreError::Io {
            path: e.path,
            op: e.op,
            source: e.source,
        }
    }
}

/// fsync a directory so a new or renamed entry in it survives a crash
/// (see [`crate::file::sync_dir`]).
pub(crate) fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    Ok(crate::file::sync_dir(dir)?)
}

/// Write `bytes` to `path` so that a crash leaves the old file or the new
/// one (see [`crate::file::write_atomic`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    Ok(crate::file::write_atomic(path, bytes)?)
}

/// Write a file that must not exist yet: refused (`AlreadyExists`) when
/// it does, so nothing already saved is overwritten. The write is atomic.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(StoreError::Exists {
            path: path.to_owned(),
        });
    }
    write_atomic(path, bytes)
}

/// What [`Store::save_set`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub set_file: PathBuf,
    /// The media folder, when there were media files.
    pub media_dir: Option<PathBuf>,
    pub media_written: usize,
}

/// The default data directory: the platform's user data directory.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "kioku").map(|d| d.data_dir().to_owned())
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeviceFile {
    kioku_device: u32,
    id: String,
}

/// Everything read when the data directory was opened.
#[derive(Debug)]
pub struct Loaded<X> {
    /// Every device's events, in no particular order.
    pub events: Vec<Event>,
    /// The user's sets from `sets/`.
    pub sets: Vec<QuestionSet>,
    /// Every device's self-test results (of the caller's type), in no
    /// particular order.
    pub exams: Vec<X>,
    pub warnings: Vec<Warning>,
}

/// An open data directory: holds the lock for as long as it lives.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    device: String,
    writer: LogWriter,
    exam_writer: LogWriter,
    settings: Settings,
    /// False when settings.json exists but could not be read: then it is
    /// never overwritten, so nothing the user wrote is lost.
    settings_writable: bool,
    _lock: File,
}

impl Store {
    /// Open (creating if needed) the data directory at `root`, reading
    /// every review log whole. `new_device_id` is called once, the first
    /// time this machine uses the directory (randomness stays at the edge).
    pub fn open<X: serde::de::DeserializeOwned + Send>(
        root: &Path,
        new_device_id: impl FnOnce() -> String,
    ) -> Result<(Store, Loaded<X>), StoreError> {
        let (store, mut loaded, reviews, ()) =
            Self::open_with(root, new_device_id, |_, _, _| ((), HashMap::new()))?;
        loaded.events = reviews.events;
        let mut warnings = reviews.errors;
        for log in reviews.logs {
            warnings.extend(log.warnings);
        }
        warnings.append(&mut loaded.warnings);
        loaded.warnings = warnings;
        Ok((store, loaded))
    }

    /// [`Store::open`], reading each review log from where `prepare` says
    /// (by file name; from the start when it names none). `prepare` runs
    /// once the lock is held, with the root, the settings and this device's
    /// id. The review logs come back apart from the rest of `Loaded` (whose
    /// `events` is empty).
    pub fn open_with<X: serde::de::DeserializeOwned + Send, S>(
        root: &Path,
        new_device_id: impl FnOnce() -> String,
        prepare: impl FnOnce(&Path, &Settings, &str) -> (S, HashMap<String, log::LogStart>),
    ) -> Result<(Store, Loaded<X>, ReviewLogs, S), StoreError> {
        fs::create_dir_all(root).map_err(io_err(root, "create"))?;
        let lock = Self::lock(root)?;
        for sub in ["reviews", "exams", "sets", "devices"] {
            let p = root.join(sub);
            fs::create_dir_all(&p).map_err(io_err(&p, "create"))?;
        }
        let mut loaded = Loaded {
            events: Vec::new(),
            sets: Vec::new(),
            exams: Vec::new(),
            warnings: Vec::new(),
        };
        let device = Self::load_device(root, new_device_id)?;
        let (settings, settings_writable) = match Settings::load(&root.join("settings.json")) {
            Ok(s) => (s.unwrap_or_default(), true),
            Err(StoreError::Invalid { path, problem }) => {
                loaded.warnings.push(Warning {
                    path,
                    line: None,
                    kind: WarningKind::SettingsDefaults(Arc::new(problem)),
                });
                (Settings::default(), false)
            }
            Err(e) => return Err(e),
        };
        let (prepared, starts) = prepare(root, &settings, &device);
        let own_log = root.join("reviews").join(format!("{device}.jsonl"));
        let reviews = read_review_logs(&own_log, |name| {
            Some((starts.get(name).copied().unwrap_or_default(), None))
        })?;
        let own_complete = reviews.logs.iter().find(|l| l.own).map(|l| l.complete_len);
        let writer = LogWriter::open(&own_log, log::REVIEWS, &device, own_complete)?;
        let own_exams = root.join("exams").join(format!("{device}.jsonl"));
        let own_exams_complete = read_logs(
            &own_exams,
            |p| log::read_jsonl(p, EXAMS),
            &mut loaded.exams,
            &mut loaded.warnings,
        )?;
        let exam_writer = LogWriter::open(&own_exams, EXAMS, &device, own_exams_complete)?;
        let cache_path = root.join("cache").join("sets.bin");
        let (mut cache, bad_cache) = set_cache::SetCache::load(&cache_path);
        if let Some(fault) = bad_cache {
            loaded.warnings.push(Warning {
                path: cache_path.clone(),
                line: None,
                kind: WarningKind::CacheNotUsed {
                    cache: Cache::Sets,
                    fault,
                },
            });
        }
        let paths = sorted_entries(&root.join("sets"), "json")?;
        let checked = check_sets(&paths, &cache);
        for (path, found) in paths.iter().zip(checked) {
            match take_set(path, found, &mut cache, loaded.sets.len()) {
                Ok((set, media)) => {
                    if !media.is_empty() {
                        loaded.warnings.push(Warning {
                            path: path.clone(),
                            line: None,
                            kind: WarningKind::MediaUnshown(media),
                        });
                    }
                    loaded.sets.push(set);
                }
                Err(e) => loaded.warnings.push(Warning {
                    path: path.clone(),
                    line: None,
                    kind: WarningKind::SetNotLoaded(Arc::new(e)),
                }),
            }
        }
        if let Some(bytes) = cache.finish(&loaded.sets) {
            // A cache: if it cannot be written, the sets are parsed again
            // next time.
            let _ = fs::create_dir_all(root.join("cache"))
                .map_err(io_err(&cache_path, "create"))
                .and_then(|()| write_atomic(&cache_path, &bytes));
        }
        let store = Store {
            root: root.to_owned(),
            device,
            writer,
            exam_writer,
            settings,
            settings_writable,
            _lock: lock,
        };
        Ok((store, loaded, reviews, prepared))
    }

    /// Read the review logs again: `range` gives, by file name, where to
    /// start and where to stop (`None`: skip the file). This device's log
    /// must be readable; another's that is not is reported in `errors`.
    pub fn read_review_logs(
        &self,
        range: impl Fn(&str) -> Option<(log::LogStart, Option<u64>)>,
    ) -> Result<ReviewLogs, StoreError> {
        read_review_logs(self.writer.path(), range)
    }

    /// This device's review log: its length up to the last complete line,
    /// and the lines this process appended to it.
    pub fn own_log_len(&self) -> (u64, u64) {
        (self.writer.complete_len(), self.writer.lines_written())
    }

    fn lock(root: &Path) -> Result<File, StoreError> {
        let path = root.join("kioku.lock");
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io_err(&path, "open"))?;
        match file.try_lock() {
            Ok(()) => Ok(file),
            Err(fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
                dir: root.to_owned(),
                lock: path,
            }),
            Err(fs::TryLockError::Error(e)) => Err(io_err(&path, "lock")(e)),
        }
    }

    /// This machine's device id, created once per machine. The file is
    /// named after the host so that a synced directory gives each machine
    /// its own id (and its own log).
    fn load_device(root: &Path, new_id: impl FnOnce() -> String) -> Result<String, StoreError> {
        let host: String = gethostname::gethostname()
            .to_string_lossy()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let host = if host.is_empty() {
            "this-device".to_owned()
        } else {
            host
        };
        let path = root.join("devices").join(format!("{host}.json"));
        match fs::read(&path) {
            Ok(bytes) => {
                let v: serde_json::Value =
                    serde_json::from_slice(&bytes).map_err(|e| StoreError::Invalid {
                        path: path.clone(),
                        problem: DataProblem::NotDeviceFile(e.to_string()),
                    })?;
                if let Some(found) = v.get("kioku_device").and_then(serde_json::Value::as_u64)
                    && found > u64::from(DEVICE_VERSION)
                {
                    return Err(StoreError::NewerVersion {
                        path,
                        found,
                        supported: u64::from(DEVICE_VERSION),
                    });
                }
                let d: DeviceFile = serde_json::from_value(v).map_err(|e| StoreError::Invalid {
                    path: path.clone(),
                    problem: DataProblem::NotDeviceFile(e.to_string()),
                })?;
                if d.id.is_empty() || !d.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    return Err(StoreError::Invalid {
                        path,
                        problem: DataProblem::BadDeviceId(d.id),
                    });
                }
                Ok(d.id)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let id = new_id();
                let file = DeviceFile {
                    kioku_device: DEVICE_VERSION,
                    id: id.clone(),
                };
                let mut bytes = serde_json::to_vec_pretty(&file)
                    .map_err(|e| StoreError::Encode(e.to_string()))?;
                bytes.push(b'\n');
                write_atomic(&path, &bytes)?;
                Ok(id)
            }
            Err(e) => Err(io_err(&path, "read")(e)),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn device(&self) -> &str {
        &self.device
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Append an event to this device's log; returns once it is on disk.
    pub fn record(&mut self, event: &Event) -> Result<(), StoreError> {
        self.writer.append(event)
    }

    /// Append a finished self-test to this device's results, durably.
    pub fn record_exam(&mut self, result: &impl Serialize) -> Result<(), StoreError> {
        self.exam_writer.append(result)
    }

    pub fn log_path(&self) -> &Path {
        self.writer.path()
    }

    /// Validate and save settings atomically.
    pub fn save_settings(&mut self, settings: Settings) -> Result<(), StoreError> {
        let path = self.root.join("settings.json");
        if !self.settings_writable {
            return Err(StoreError::Invalid {
                path,
                problem: DataProblem::SettingsNotWritable,
            });
        }
        settings.validate().map_err(|e| StoreError::Invalid {
            path: path.clone(),
            problem: e.into(),
        })?;
        settings.save(&path)?;
        self.settings = settings;
        Ok(())
    }

    /// Save `set` as `sets/ID.json` (atomically, under the lock held by
    /// this store) and its media into `sets/ID.media/`. An existing set
    /// file is replaced only when `replace` is set.
    pub fn save_set(
        &self,
        set: &QuestionSet,
        media: &[bank::formats::MediaFile],
        replace: bool,
    ) -> Result<Saved, StoreError> {
        let dir = self.sets_dir();
        let path = dir.join(format!("{}.json", set.id));
        if !replace && fs::symlink_metadata(&path).is_ok() {
            return Err(StoreError::SetExists {
                id: set.id.to_string(),
                path,
            });
        }
        let mut json =
            serde_json::to_string_pretty(set).map_err(|e| StoreError::Encode(e.to_string()))?;
        json.push('\n');
        let mut saved = Saved {
            set_file: path.clone(),
            media_dir: None,
            media_written: 0,
        };
        if !media.is_empty() {
            let mdir = dir.join(format!("{}.media", set.id));
            fs::create_dir_all(&mdir).map_err(io_err(&mdir, "create"))?;
            for m in media {
                // Names were sanitised on import; check again at the edge
                // (sub-folders are allowed, as in card content).
                let plain =
                    !m.name.contains(['/', '\\']) && !m.name.starts_with('.') && !m.name.is_empty();
                if !plain && crate::media::MediaName::parse(&m.name).is_err() {
                    continue;
                }
                let target = mdir.join(&m.name);
                if let Some(parent) = target.parent() {
                    fs::create_dir_all(parent).map_err(io_err(parent, "create"))?;
                }
                write_atomic(&target, &m.bytes)?;
                saved.media_written += 1;
            }
            saved.media_dir = Some(mdir);
        }
        write_atomic(&path, json.as_bytes())?;
        Ok(saved)
    }

    /// Where the user's question sets live.
    pub fn sets_dir(&self) -> PathBuf {
        self.root.join("sets")
    }
}

/// What was read of one device's review log.
#[derive(Debug, Clone)]
pub struct LogRead {
    /// The file name in `reviews/`.
    pub name: String,
    pub path: PathBuf,
    /// Whether this is this device's own log.
    pub own: bool,
    /// Where reading started.
    pub start: log::LogStart,
    /// Length and line count up to the last complete line read, and the
    /// CRC-32 of the file's bytes up to there.
    pub complete_len: u64,
    pub complete_lines: u64,
    pub complete_crc: u32,
    /// The file's identity and times just before it was read: while the
    /// file still has them, it holds exactly the bytes read.
    pub stamp: Option<FileStamp>,
    /// Problems in the part read.
    pub warnings: Vec<Warning>,
    /// The range of `ReviewLogs::events` that came from this log.
    pub events: std::ops::Range<usize>,
}

/// A file's identity, length and times: device, inode, length, and the
/// modification and status-change times in nanoseconds. Any write to the
/// file changes its status-change time (which no program can set back),
/// and replacing it changes its inode, so while a file's stamp is the same
/// its bytes are. (On kernels with coarse timestamps, a same-length write
/// within one clock tick of the stamp being taken could keep it: Linux
/// 6.13+ gives ext4, XFS, btrfs and tmpfs fine-grained times once a stamp
/// has been read.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileStamp {
    pub dev: u64,
    pub ino: u64,
    pub len: u64,
    pub mtime_ns: i128,
    pub ctime_ns: i128,
}

impl FileStamp {
    /// The stamp of the file at `path` now; `None` when it cannot be read
    /// or on a platform without inodes.
    pub fn of(path: &Path) -> Option<FileStamp> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = fs::metadata(path).ok()?;
            let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
            Some(FileStamp {
                dev: m.dev(),
                ino: m.ino(),
                len: m.len(),
                mtime_ns: ns(m.mtime(), m.mtime_nsec()),
                ctime_ns: ns(m.ctime(), m.ctime_nsec()),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            None
        }
    }
}

/// The review logs as read: every readable log's events, in file-name
/// order, then file order.
#[derive(Debug, Default)]
pub struct ReviewLogs {
    pub events: Vec<Event>,
    pub logs: Vec<LogRead>,
    /// Other devices' logs that could not be read at all (skipped).
    pub errors: Vec<Warning>,
}

fn read_review_logs(
    own: &Path,
    range: impl Fn(&str) -> Option<(log::LogStart, Option<u64>)>,
) -> Result<ReviewLogs, StoreError> {
    let mut out = ReviewLogs::default();
    let dir = own.parent().unwrap_or(Path::new("."));
    for path in sorted_entries(dir, "jsonl")? {
        let is_own = path == own;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some((start, limit)) = range(&name) else {
            continue;
        };
        let stamp = FileStamp::of(&path);
        match log::read_log_range(&path, start, limit) {
            Ok(contents) => {
                let first = out.events.len();
                out.events.extend(contents.events);
                out.logs.push(LogRead {
                    name,
                    path,
                    own: is_own,
                    start,
                    complete_len: contents.complete_len,
                    complete_lines: contents.complete_lines,
                    complete_crc: contents.complete_crc,
                    stamp,
                    warnings: contents.warnings,
                    events: first..out.events.len(),
                });
            }
            Err(e) if is_own => return Err(e),
            Err(e) => out.errors.push(Warning {
                path: path.clone(),
                line: None,
                kind: WarningKind::LogSkipped(Arc::new(e)),
            }),
        }
    }
    Ok(out)
}

/// Read every device's log beside `own` (this device's): their entries
/// into `out`, problems into `warnings`. Another device's unreadable log is
/// skipped with a warning; this device's must be readable to be appended
/// to. Returns the complete length of this device's log, if it exists.
fn read_logs<T>(
    own: &Path,
    read: fn(&Path) -> Result<log::LogContents<T>, StoreError>,
    out: &mut Vec<T>,
    warnings: &mut Vec<Warning>,
) -> Result<Option<u64>, StoreError> {
    let mut own_complete = None;
    let dir = own.parent().unwrap_or(Path::new("."));
    for path in sorted_entries(dir, "jsonl")? {
        let is_own = path == own;
        match read(&path) {
            Ok(contents) => {
                if is_own {
                    own_complete = Some(contents.complete_len);
                }
                out.extend(contents.events);
                warnings.extend(contents.warnings);
            }
            Err(e) if is_own => return Err(e),
            Err(e) => warnings.push(Warning {
                path: path.clone(),
                line: None,
                kind: WarningKind::LogSkipped(Arc::new(e)),
            }),
        }
    }
    Ok(own_complete)
}

/// What checking one set file against the parsed-set cache found.
enum SetFound {
    /// In the cache, decoded (with the file's key now): its stamp being
    /// the recorded one (then the file was not read) or else its bytes.
    Cached(set_cache::FileKey, QuestionSet),
    /// Parsed from its bytes (with the key to cache it under).
    Parsed(
        Option<set_cache::FileKey>,
        Result<(QuestionSet, Vec<bank::Diagnostic>), bank::BankError>,
    ),
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Check each set file against the cache (by stamp, else by length and
/// CRC-32) and parse those that do not match, in parallel (the files
/// shared out among the cores); the results in the order of `paths`.
fn check_sets(paths: &[PathBuf], cache: &set_cache::SetCache) -> Vec<SetFound> {
    let check = |path: &PathBuf| -> SetFound {
        let name = file_name(path);
        // Taken before the read: a write after it changes the stamp, so
        // the next open reads the file again.
        let stamp = FileStamp::of(path);
        // The same file, untouched: not read.
        if cache.has_stamp(&name, stamp)
            && let Some(key) = cache.key(&name)
            && let Some(set) = cache.decoded(&name)
        {
            return SetFound::Cached(key, set);
        }
        let bytes = match bank::read_file_limited(path, bank::MAX_FILE_BYTES) {
            Ok(b) => b,
            Err(e) => return SetFound::Parsed(None, Err(e)),
        };
        let key = set_cache::FileKey::of(stamp, &bytes);
        if cache.has_bytes(&name, key)
            && let Some(set) = cache.decoded(&name)
        {
            return SetFound::Cached(key, set);
        }
        SetFound::Parsed(Some(key), bank::load_set_bytes(path, &bytes))
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get().min(8))
        .min(paths.len());
    if threads <= 1 {
        return paths.iter().map(check).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut found: Vec<(usize, SetFound)> = std::thread::scope(|scope| {
        let work = || {
            let mut mine = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(path) = paths.get(i) else {
                    return mine;
                };
                mine.push((i, check(path)));
            }
        };
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for h in handles {
            all.extend(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        }
        all
    });
    found.sort_by_key(|(i, _)| *i);
    found.into_iter().map(|(_, f)| f).collect()
}

/// The set `found` for the file at `path`, taken from the cache or as
/// parsed, and recorded in the cache to be written (the set kept by the
/// caller at `index`).
fn take_set(
    path: &Path,
    found: SetFound,
    cache: &mut set_cache::SetCache,
    index: usize,
) -> Result<(QuestionSet, Vec<bank::Diagnostic>), bank::BankError> {
    let name = file_name(path);
    match found {
        // From the cache: the file is unchanged, and its media were
        // checked (and any problem shown) when it was first parsed.
        SetFound::Cached(key, set) => {
            cache.keep(&name, key, index);
            Ok((set, Vec::new()))
        }
        SetFound::Parsed(key, result) => {
            let (set, media) = result?;
            if let Some(key) = key {
                cache.put(&name, key, index);
            }
            Ok((set, media))
        }
    }
}

/// Files in `dir` with extension `ext`, sorted by name.
fn sorted_entries(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, StoreError> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_err(dir, "list"))? {
        let entry = entry.map_err(io_err(dir, "list"))?;
        let path = entry.path();
        if path.extension().is_some_and(|e| e == ext)
            && !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}
