//! A cache of parsed question sets, `cache/sets.bin`: each set file's
//! parsed form, keyed by its name, its stamp (device, inode, length,
//! modification and status-change times) and the length and CRC-32 of its
//! bytes. Parsing and checking the JSON is most of the time of opening a
//! large library; decoding this is a fraction of it. It is a cache: a file
//! that does not match is parsed as usual, and a cache that cannot be read
//! is reported, ignored and rewritten.
//!
//! A set file whose stamp is the recorded one is not read at all: any
//! write to a file changes its status-change time (ctime), which no
//! program can set back (`touch` and editors that restore the
//! modification time still move it), and a file replaced by another
//! (an editor's save-by-rename, a sync tool) has a new inode. When the
//! stamp differs, the file is read and its CRC-32 compared: the same
//! bytes (`touch`, a copy back) use the cached set and record the new
//! stamp, other bytes are parsed. Known limit, as for the review logs
//! (`store::FileStamp`): on a kernel with coarse timestamps, a same-length
//! write within one clock tick of the stamp being taken keeps it.
//!
//! ```text
//! MAGIC (8 bytes) | format version (u32 LE) | body length (u64 LE)
//!                 | CRC-32 of the body (u32 LE) | body
//! body: index length (u64 LE) | index (postcard: name, key, length of
//!       each file's entry) | each entry's set (postcard), in index order
//! ```
//!
//! Only the index is decoded when the cache is opened; each set when it
//! is asked for, so the store decodes them in parallel, and a set kept
//! unchanged is written back as the bytes it was read as.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::cache_file::{HEADER_LEN, frame, unframe};
use super::{CacheFault, FileStamp};

use crate::bank::{
    ClozeSegment, ClozeText, Question, QuestionBody, QuestionId, QuestionSet, SetId,
};

const MAGIC: &[u8; 8] = b"kiokuset";
/// The cache format; any other is ignored.
const VERSION: u32 = 5;

#[derive(Debug, Clone, Serialize, Deserialize)]
enum SegRec {
    Text(String),
    Deletion(String),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum BodyRec {
    Flashcard {
        prompt: String,
        answer: String,
        reversible: bool,
    },
    Typed {
        prompt: String,
        answers: Vec<String>,
    },
    MultipleChoice {
        prompt: String,
        choices: Vec<String>,
        correct: Vec<u64>,
        shuffle: bool,
    },
    TrueFalse {
        prompt: String,
        answer: bool,
    },
    Cloze(Vec<SegRec>),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct QuestionRec {
    id: String,
    body: BodyRec,
    explanation: Option<String>,
    source: Option<String>,
    tags: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct SetRec {
    schema: Option<String>,
    kioku: i64,
    id: String,
    title: String,
    description: Option<String>,
    language: String,
    authors: Vec<String>,
    source: Option<String>,
    source_document: Option<String>,
    abbreviations: Vec<(String, String)>,
    tags: Vec<String>,
    questions: Vec<QuestionRec>,
}

/// What a set file is known by: its stamp taken before its bytes were
/// read (`None` where there is none), and the length and CRC-32 of those
/// bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FileKey {
    stamp: Option<FileStamp>,
    len: u64,
    hash: u32,
}

impl FileKey {
    /// The key of a file whose stamp was `stamp` before `bytes` were read.
    pub fn of(stamp: Option<FileStamp>, bytes: &[u8]) -> FileKey {
        FileKey {
            stamp,
            len: bytes.len() as u64,
            hash: crc32fast::hash(bytes),
        }
    }
}

/// One file's entry in the index; its set is the next `len` bytes after
/// the previous entry's.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct IndexEntry {
    name: String,
    key: FileKey,
    len: u64,
}

fn set_rec(s: &QuestionSet) -> SetRec {
    SetRec {
        schema: s.schema.clone(),
        kioku: s.kioku,
        id: s.id.as_str().to_owned(),
        title: s.title.clone(),
        description: s.description.clone(),
        language: s.language.clone(),
        authors: s.authors.clone(),
        source: s.source.clone(),
        source_document: s.source_document.clone(),
        abbreviations: s
            .abbreviations
            .iter()
            .map(|a| (a.short.clone(), a.long.clone()))
            .collect(),
        tags: s.tags.clone(),
        questions: s
            .questions
            .iter()
            .map(|q| QuestionRec {
                id: q.id.as_str().to_owned(),
                body: match &q.body {
                    QuestionBody::Flashcard {
                        prompt,
                        answer,
                        reversible,
                    } => BodyRec::Flashcard {
                        prompt: prompt.clone(),
                        answer: answer.clone(),
                        reversible: *reversible,
                    },
                    QuestionBody::Typed { prompt, answers } => BodyRec::Typed {
                        prompt: prompt.clone(),
                        answers: answers.clone(),
                    },
                    QuestionBody::MultipleChoice {
                        prompt,
                        choices,
                        correct,
                        shuffle,
                    } => BodyRec::MultipleChoice {
                        prompt: prompt.clone(),
                        choices: choices.clone(),
                        correct: correct.iter().map(|&c| c as u64).collect(),
                        shuffle: *shuffle,
                    },
                    QuestionBody::TrueFalse { prompt, answer } => BodyRec::TrueFalse {
                        prompt: prompt.clone(),
                        answer: *answer,
                    },
                    QuestionBody::Cloze { text } => BodyRec::Cloze(
                        text.segments()
                            .iter()
                            .map(|s| match s {
                                ClozeSegment::Text(t) => SegRec::Text(t.clone()),
                                ClozeSegment::Deletion(d) => SegRec::Deletion(d.clone()),
                            })
                            .collect(),
                    ),
                },
                explanation: q.explanation.clone(),
                source: q.source.clone(),
                tags: q.tags.clone(),
            })
            .collect(),
    }
}

fn question_set(r: SetRec) -> Option<QuestionSet> {
    let mut questions = Vec::with_capacity(r.questions.len());
    for q in r.questions {
        let body = match q.body {
            BodyRec::Flashcard {
                prompt,
                answer,
                reversible,
            } => QuestionBody::Flashcard {
                prompt,
                answer,
                reversible,
            },
            BodyRec::Typed { prompt, answers } => QuestionBody::Typed { prompt, answers },
            BodyRec::MultipleChoice {
                prompt,
                choices,
                correct,
                shuffle,
            } => QuestionBody::MultipleChoice {
                prompt,
                choices,
                correct: correct
                    .into_iter()
                    .map(usize::try_from)
                    .collect::<Result<_, _>>()
                    .ok()?,
                shuffle,
            },
            BodyRec::TrueFalse { prompt, answer } => QuestionBody::TrueFalse { prompt, answer },
            BodyRec::Cloze(segs) => {
                let segments: Vec<ClozeSegment> = segs
                    .into_iter()
                    .map(|s| match s {
                        SegRec::Text(t) => ClozeSegment::Text(t),
                        SegRec::Deletion(d) => ClozeSegment::Deletion(d),
                    })
                    .collect();
                if !segments
                    .iter()
                    .any(|s| matches!(s, ClozeSegment::Deletion(_)))
                {
                    return None;
                }
                QuestionBody::Cloze {
                    text: ClozeText::from_segments(segments),
                }
            }
        };
        questions.push(Question {
            id: QuestionId::new(&q.id)?,
            body,
            explanation: q.explanation,
            source: q.source,
            tags: q.tags,
        });
    }
    Some(QuestionSet {
        schema: r.schema,
        kioku: r.kioku,
        id: SetId::new(&r.id)?,
        title: r.title,
        description: r.description,
        language: r.language,
        authors: r.authors,
        source: r.source,
        source_document: r.source_document,
        abbreviations: r
            .abbreviations
            .iter()
            .map(|(short, long)| crate::bank::model::Abbreviation::new(short, long))
            .collect(),
        tags: r.tags,
        questions,
    })
}

/// The sets cached, by file name. Anything wrong with the file gives an
/// empty cache. Each set is decoded only when asked for (and that may be
/// done from several threads).
#[derive(Debug, Default)]
pub(crate) struct SetCache {
    /// The cache file's bytes (header and payload).
    bytes: Vec<u8>,
    /// By file name: its key and where its set is in `bytes`.
    entries: HashMap<String, (FileKey, Range<usize>)>,
    /// The cache to be written: each set file loaded this time, with its
    /// set's bytes in `bytes` or the index of its set in the caller's list.
    next: Vec<(String, FileKey, Source)>,
    changed: bool,
}

#[derive(Debug)]
enum Source {
    Cached(Range<usize>),
    Set(usize),
}

impl SetCache {
    /// The cache at `path`, and why it was not used when it exists but
    /// cannot be (then it is empty, and rewritten by [`SetCache::finish`]).
    pub fn load(path: &Path) -> (SetCache, Option<CacheFault>) {
        let (cache, bad) = match std::fs::read(path) {
            Ok(bytes) => match decode(bytes) {
                Ok(cache) => (cache, None),
                Err(why) => (SetCache::default(), Some(why)),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (SetCache::default(), None),
            Err(e) => (SetCache::default(), Some(CacheFault::Read(e.to_string()))),
        };
        // A damaged cache is rewritten even when no set file remains.
        let cache = SetCache {
            changed: bad.is_some(),
            ..cache
        };
        (cache, bad)
    }

    /// Whether file `name` has this stamp in the cache.
    pub fn has_stamp(&self, name: &str, stamp: Option<FileStamp>) -> bool {
        stamp.is_some()
            && self
                .entries
                .get(name)
                .is_some_and(|(k, _)| k.stamp == stamp)
    }

    /// Whether file `name` has bytes of this length and CRC-32 in the
    /// cache.
    pub fn has_bytes(&self, name: &str, key: FileKey) -> bool {
        self.entries
            .get(name)
            .is_some_and(|(k, _)| (k.len, k.hash) == (key.len, key.hash))
    }

    /// File `name`'s key in the cache.
    pub fn key(&self, name: &str) -> Option<FileKey> {
        self.entries.get(name).map(|(k, _)| *k)
    }

    /// The set cached for file `name`, decoded; `None` when there is none
    /// or it does not decode.
    pub fn decoded(&self, name: &str) -> Option<QuestionSet> {
        let (_, range) = self.entries.get(name)?;
        let rec: SetRec = postcard::from_bytes(self.bytes.get(range.clone())?).ok()?;
        question_set(rec)
    }

    /// Keep file `name`'s cached set, the file's key now being `key`; the
    /// caller keeps the set at `index`.
    pub fn keep(&mut self, name: &str, key: FileKey, index: usize) {
        match self.entries.remove(name) {
            Some((old, range)) => {
                if old != key {
                    self.changed = true;
                }
                self.next
                    .push((name.to_owned(), key, Source::Cached(range)));
            }
            None => self.put(name, key, index),
        }
    }

    /// Remember the set just parsed from file `name`, kept by the caller
    /// at `index`.
    pub fn put(&mut self, name: &str, key: FileKey, index: usize) {
        self.changed = true;
        self.next.push((name.to_owned(), key, Source::Set(index)));
    }

    /// The cache's new bytes, when it changed (a set parsed, changed or
    /// gone); `sets` is the caller's list.
    pub fn finish(self, sets: &[QuestionSet]) -> Option<Vec<u8>> {
        if !self.changed && self.entries.is_empty() {
            return None;
        }
        let mut index = Vec::with_capacity(self.next.len());
        let mut blobs = Vec::new();
        for (name, key, source) in self.next {
            let before = blobs.len();
            match source {
                Source::Cached(range) => blobs.extend_from_slice(self.bytes.get(range)?),
                Source::Set(i) => {
                    blobs = postcard::to_extend(&set_rec(sets.get(i)?), blobs).ok()?;
                }
            }
            index.push(IndexEntry {
                name,
                key,
                len: (blobs.len() - before) as u64,
            });
        }
        let index = postcard::to_allocvec(&index).ok()?;
        let mut payload = Vec::with_capacity(8 + index.len() + blobs.len());
        payload.extend_from_slice(&(index.len() as u64).to_le_bytes());
        payload.extend_from_slice(&index);
        payload.extend_from_slice(&blobs);
        Some(frame(MAGIC, VERSION, &payload))
    }
}

fn decode(bytes: Vec<u8>) -> Result<SetCache, CacheFault> {
    let payload = unframe(&bytes, MAGIC, VERSION)?;
    let bad = || CacheFault::Index;
    let index_len = payload
        .get(..8)
        .and_then(|b| b.try_into().ok())
        .map(u64::from_le_bytes)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(bad)?;
    let index_bytes = payload
        .get(8..8usize.saturating_add(index_len))
        .ok_or_else(bad)?;
    let index: Vec<IndexEntry> =
        postcard::from_bytes(index_bytes).map_err(|e| CacheFault::Decode(e.to_string()))?;
    // Ranges in `bytes` (the header is left in front rather than moved
    // out: that would copy the whole payload).
    let mut at = 8 + index_len;
    let mut entries = HashMap::with_capacity(index.len());
    for e in index {
        let end = usize::try_from(e.len)
            .ok()
            .and_then(|n| at.checked_add(n))
            .filter(|&end| end <= payload.len())
            .ok_or(CacheFault::Index)?;
        entries.insert(e.name, (e.key, HEADER_LEN + at..HEADER_LEN + end));
        at = end;
    }
    if at != payload.len() {
        return Err(CacheFault::Index);
    }
    Ok(SetCache {
        bytes,
        entries,
        next: Vec::new(),
        changed: false,
    })
}
