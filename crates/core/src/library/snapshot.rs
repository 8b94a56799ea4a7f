//! The progress snapshot: every card's progress and the day counts as of
//! some prefix of each device's review log, so opening replays only what
//! was appended since.
//!
//! It is a cache: the logs stay the only truth, and deleting
//! `cache/snapshot-DEVICE.bin` loses nothing (the next open replays the
//! whole history and writes it again). It is one file in a compact binary
//! form (postcard over the private types below):
//!
//! ```text
//! MAGIC (8 bytes) | format version (u32 LE) | body length (u64 LE)
//!                 | CRC-32 of the body (u32 LE) | body
//! ```
//!
//! The body records, for every device log it covers, the byte length,
//! line count and CRC-32 of the prefix it covers, the log file's stamp
//! (device, inode, length, modification and status-change times) when the
//! snapshot knows the file has not changed since that CRC was computed,
//! the latest schedule review in it and the warnings its lines gave; the
//! scheduler settings it was computed with; the ids undone by the events
//! covered; and the progress itself. Anything that does not check out is
//! ignored (a whole replay follows); see `Library::open` for when the tail
//! cannot simply be applied on top.
//!
//! A covered prefix is trusted when the file's stamp is the recorded one
//! (the file is the very same, untouched: nothing is read), else only when
//! the CRC-32 of the whole prefix, read again, is the recorded one. So any
//! change inside a covered prefix is found; what it costs is reading the
//! prefix of a log that changed since the snapshot (another device's log
//! that a sync tool grew), once: the snapshot then written has its new
//! stamp. The CRC is continued from the covered length (`LogStart::crc`),
//! so extending it reads only the tail.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::bank::{CardKey, CardVariant, QuestionId, SetId};
use crate::review::{CardProgress, DayCount, EventId, Progress};
use crate::scheduler::{CardState, Learning, Memory, Review, SchedulerSettings, StudyDay};
use crate::store::cache_file::{frame, unframe};
use crate::store::log::LogStart;
use crate::store::{CacheFault, FileStamp, LineProblem};

/// The snapshot format this kioku reads and writes. Any other is rebuilt.
pub const SNAPSHOT_VERSION: u32 = 4;

const MAGIC: &[u8; 8] = b"kiokusnp";

/// Where this device's snapshot lives in the data directory.
pub fn snapshot_path(root: &Path, device: &str) -> PathBuf {
    root.join("cache").join(format!("snapshot-{device}.bin"))
}

/// What the snapshot covers of one device's log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Covered {
    /// File name in `reviews/`.
    pub name: String,
    pub len: u64,
    pub lines: u64,
    /// CRC-32 of the first `len` bytes.
    pub crc: u32,
    /// The file's stamp, if it is known to hold the same bytes as when
    /// `crc` was computed.
    pub stamp: Option<FileStamp>,
    /// The latest schedule review (study, not undone) in the prefix.
    pub max_at: Option<(i64, i32)>,
    /// Warnings the prefix's lines gave, to report them again.
    pub warnings: Vec<(Option<u64>, LineProblem)>,
}

impl Covered {
    pub fn start(&self) -> LogStart {
        LogStart {
            offset: self.len,
            lines: self.lines,
            crc: self.crc,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
enum VariantRec {
    Forward,
    Reverse,
    Cloze(u16),
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct LearningRec {
    step: u8,
    due: (i64, i32),
    stability: f32,
    difficulty: f32,
    last_review: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct ReviewRec {
    due: i32,
    interval: u32,
    stability: f32,
    difficulty: f32,
    last_review: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
enum StateRec {
    New,
    Learning(LearningRec),
    Review(ReviewRec),
    Relearning(LearningRec),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CardRec {
    set: u32,
    question: String,
    variant: VariantRec,
    state: StateRec,
    reviews: u32,
    lapses: u32,
    last_at: Option<(i64, i32)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct DayRec {
    set: u32,
    day: i32,
    new: u32,
    review: u32,
    total: u32,
    timed: u32,
    time_ms: u64,
    young: u32,
    young_passed: u32,
    mature: u32,
    mature_passed: u32,
}

/// The snapshot's body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Body {
    /// The scheduler settings, as JSON.
    pub settings: String,
    pub logs: Vec<Covered>,
    /// Ids undone by the covered events.
    pub undone: Vec<String>,
    sets: Vec<String>,
    cards: Vec<CardRec>,
    days: Vec<DayRec>,
}

pub(crate) fn ts(t: Timestamp) -> (i64, i32) {
    (t.as_second(), t.subsec_nanosecond())
}

pub(crate) fn from_ts((s, n): (i64, i32)) -> Option<Timestamp> {
    Timestamp::new(s, n).ok()
}

fn memory((stability, difficulty): (f32, f32)) -> Memory {
    Memory {
        stability,
        difficulty,
    }
}

fn learning_rec(l: &Learning) -> LearningRec {
    LearningRec {
        step: l.step,
        due: ts(l.due),
        stability: l.memory.stability,
        difficulty: l.memory.difficulty,
        last_review: l.last_review.0,
    }
}

fn learning(l: &LearningRec) -> Option<Learning> {
    Some(Learning {
        step: l.step,
        due: from_ts(l.due)?,
        memory: memory((l.stability, l.difficulty)),
        last_review: StudyDay(l.last_review),
    })
}

fn state_rec(s: &CardState) -> StateRec {
    match s {
        CardState::New => StateRec::New,
        CardState::Learning(l) => StateRec::Learning(learning_rec(l)),
        CardState::Relearning(l) => StateRec::Relearning(learning_rec(l)),
        CardState::Review(r) => StateRec::Review(ReviewRec {
            due: r.due.0,
            interval: r.interval,
            stability: r.memory.stability,
            difficulty: r.memory.difficulty,
            last_review: r.last_review.0,
        }),
    }
}

fn state(s: &StateRec) -> Option<CardState> {
    Some(match s {
        StateRec::New => CardState::New,
        StateRec::Learning(l) => CardState::Learning(learning(l)?),
        StateRec::Relearning(l) => CardState::Relearning(learning(l)?),
        StateRec::Review(r) => CardState::Review(Review {
            due: StudyDay(r.due),
            interval: r.interval,
            memory: memory((r.stability, r.difficulty)),
            last_review: StudyDay(r.last_review),
        }),
    })
}

/// The settings as the snapshot records them.
pub(crate) fn settings_key(s: &SchedulerSettings) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

impl Body {
    pub fn new(
        settings: &SchedulerSettings,
        logs: Vec<Covered>,
        undone: Vec<String>,
        progress: &Progress,
    ) -> Body {
        fn index<'a>(
            set: &'a SetId,
            map: &mut HashMap<&'a SetId, u32>,
            sets: &mut Vec<String>,
        ) -> u32 {
            *map.entry(set).or_insert_with(|| {
                sets.push(set.as_str().to_owned());
                (sets.len() - 1) as u32
            })
        }
        let mut set_index: HashMap<&SetId, u32> = HashMap::new();
        let mut sets = Vec::new();
        let mut cards = Vec::with_capacity(progress.cards.len());
        let mut keys: Vec<(&CardKey, &CardProgress)> = progress.cards.iter().collect();
        // A stable order: the same progress gives the same bytes.
        keys.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (key, p) in keys {
            let set = index(&key.set, &mut set_index, &mut sets);
            cards.push(CardRec {
                set,
                question: key.question.as_str().to_owned(),
                variant: match key.variant {
                    CardVariant::Forward => VariantRec::Forward,
                    CardVariant::Reverse => VariantRec::Reverse,
                    CardVariant::Cloze(n) => VariantRec::Cloze(n),
                },
                state: state_rec(&p.state),
                reviews: p.reviews,
                lapses: p.lapses,
                last_at: p.last_at.map(ts),
            });
        }
        let mut days = Vec::new();
        let mut day_sets: Vec<(&SetId, &HashMap<StudyDay, DayCount>)> =
            progress.days.iter().collect();
        day_sets.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (set_id, by_day) in day_sets {
            let set = index(set_id, &mut set_index, &mut sets);
            let mut v: Vec<(&StudyDay, &DayCount)> = by_day.iter().collect();
            v.sort_unstable_by_key(|(d, _)| **d);
            for (day, c) in v {
                days.push(DayRec {
                    set,
                    day: day.0,
                    new: c.new,
                    review: c.review,
                    total: c.total,
                    timed: c.timed,
                    time_ms: c.time_ms,
                    young: c.young,
                    young_passed: c.young_passed,
                    mature: c.mature,
                    mature_passed: c.mature_passed,
                });
            }
        }
        Body {
            settings: settings_key(settings),
            logs,
            undone,
            sets,
            cards,
            days,
        }
    }

    /// The progress recorded; `None` if a record does not make sense.
    pub fn progress(&self) -> Option<Progress> {
        let sets: Vec<SetId> = self
            .sets
            .iter()
            .map(|s| SetId::new(s))
            .collect::<Option<_>>()?;
        let mut cards =
            crate::review::CardMap::with_capacity_and_hasher(self.cards.len(), Default::default());
        for c in &self.cards {
            let key = CardKey {
                set: sets.get(c.set as usize)?.clone(),
                question: QuestionId::new(&c.question)?,
                variant: match c.variant {
                    VariantRec::Forward => CardVariant::Forward,
                    VariantRec::Reverse => CardVariant::Reverse,
                    VariantRec::Cloze(n) => CardVariant::Cloze(n),
                },
            };
            let p = CardProgress {
                state: state(&c.state)?,
                reviews: c.reviews,
                lapses: c.lapses,
                last_at: match c.last_at {
                    Some(t) => Some(from_ts(t)?),
                    None => None,
                },
            };
            cards.insert(key, p);
        }
        let mut days: HashMap<SetId, HashMap<StudyDay, DayCount>> = HashMap::new();
        for (i, d) in self.days.iter().enumerate() {
            let set = sets.get(d.set as usize)?;
            let by_day = match days.get_mut(set) {
                Some(m) => m,
                None => {
                    // Written grouped by set: this set's days follow, so
                    // its map is made with room for them (no rehashing).
                    let run = self.days[i..].iter().take_while(|e| e.set == d.set).count();
                    days.entry(set.clone())
                        .or_insert_with(|| HashMap::with_capacity(run))
                }
            };
            by_day.insert(
                StudyDay(d.day),
                DayCount {
                    new: d.new,
                    review: d.review,
                    total: d.total,
                    timed: d.timed,
                    time_ms: d.time_ms,
                    young: d.young,
                    young_passed: d.young_passed,
                    mature: d.mature,
                    mature_passed: d.mature_passed,
                },
            );
        }
        Some(Progress::from_parts(cards, days))
    }

    pub fn undone(&self) -> impl Iterator<Item = EventId> + '_ {
        self.undone.iter().map(|s| EventId(s.clone()))
    }
}

/// The snapshot file as bytes.
pub(crate) fn encode(body: &Body) -> Result<Vec<u8>, String> {
    let payload = postcard::to_allocvec(body).map_err(|e| e.to_string())?;
    Ok(frame(MAGIC, SNAPSHOT_VERSION, &payload))
}

/// Decode a snapshot file's bytes.
pub(crate) fn decode(bytes: &[u8]) -> Result<Body, CacheFault> {
    let payload = unframe(bytes, MAGIC, SNAPSHOT_VERSION)?;
    postcard::from_bytes(payload).map_err(|e| CacheFault::Decode(e.to_string()))
}

/// Read the snapshot at `path`: `Ok(None)` when there is none.
pub(crate) fn load(path: &Path) -> Result<Option<Body>, CacheFault> {
    match std::fs::read(path) {
        Ok(bytes) => decode(&bytes).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(CacheFault::Read(e.to_string())),
    }
}

/// The CRC-32 of bytes `from..to` of the file at `path`, continuing `crc`
/// (the CRC-32 of the bytes before `from`). `None` when the file is
/// shorter or cannot be read.
pub(crate) fn extend_crc(path: &Path, crc: u32, from: u64, to: u64) -> Option<u32> {
    let mut f = File::open(path).ok()?;
    if f.metadata().ok()?.len() < to || to < from {
        return None;
    }
    f.seek(SeekFrom::Start(from)).ok()?;
    let mut h = crc32fast::Hasher::new_with_initial_len(crc, from);
    let mut buf = vec![0; (to - from).min(1 << 20) as usize];
    let mut left = to - from;
    while left > 0 {
        let n = left.min(buf.len() as u64) as usize;
        f.read_exact(&mut buf[..n]).ok()?;
        h.update(&buf[..n]);
        left -= n as u64;
    }
    Some(h.finalize())
}

/// Whether the first `c.len` bytes of the log at `path` are still the
/// ones the snapshot covers: the file's stamp is the recorded one, or
/// else the CRC-32 of those bytes, read again, is. Returns the stamp the
/// file had just before the check, when it passed.
pub(crate) fn prefix_unchanged(path: &Path, c: &Covered) -> Option<Option<FileStamp>> {
    let stamp = FileStamp::of(path);
    if stamp.is_some() && stamp == c.stamp {
        return Some(stamp);
    }
    (extend_crc(path, 0, 0, c.len)? == c.crc).then_some(stamp)
}
