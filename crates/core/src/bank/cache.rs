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
//!                 | CRC-32 of the body (u32 LE) | body (postcard)
//! ```

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::store::FileStamp;

use super::{ClozeSegment, ClozeText, Question, QuestionBody, QuestionId, QuestionSet, SetId};

const MAGIC: &[u8; 8] = b"kiokuset";
/// The cache format; any other is ignored.
const VERSION: u32 = 4;
const HEADER_LEN: usize = 8 + 4 + 8 + 4;

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

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    name: String,
    key: FileKey,
    set: SetRec,
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
            .map(|(short, long)| super::model::Abbreviation::new(short, long))
            .collect(),
        tags: r.tags,
        questions,
    })
}

/// The sets cached, by file name. Anything wrong with the file gives an
/// empty cache.
#[derive(Debug, Default)]
pub(crate) struct SetCache {
    entries: HashMap<String, Entry>,
    /// The cache to be written: each set file loaded this time, with the
    /// index of its set in the caller's list.
    next: Vec<(String, FileKey, usize)>,
    changed: bool,
}

impl SetCache {
    /// The cache at `path`, and why it was not used when it exists but
    /// cannot be (then it is empty, and rewritten by [`SetCache::finish`]).
    pub fn load(path: &Path) -> (SetCache, Option<String>) {
        let (entries, bad) = match std::fs::read(path) {
            Ok(bytes) => match decode(&bytes) {
                Ok(entries) => (entries, None),
                Err(why) => (Vec::new(), Some(why)),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Vec::new(), None),
            Err(e) => (Vec::new(), Some(format!("cannot read: {e}"))),
        };
        let cache = SetCache {
            entries: entries.into_iter().map(|e| (e.name.clone(), e)).collect(),
            next: Vec::new(),
            // A damaged cache is rewritten even when no set file remains.
            changed: bad.is_some(),
        };
        let bad = bad.map(|why| {
            format!("parsed-set cache not used ({why}); the set files were read and it is rebuilt")
        });
        (cache, bad)
    }

    /// Whether file `name` has this stamp in the cache.
    pub fn has_stamp(&self, name: &str, stamp: Option<FileStamp>) -> bool {
        stamp.is_some() && self.entries.get(name).is_some_and(|e| e.key.stamp == stamp)
    }

    /// Whether file `name` has bytes of this length and CRC-32 in the
    /// cache.
    pub fn has_bytes(&self, name: &str, key: FileKey) -> bool {
        self.entries
            .get(name)
            .is_some_and(|e| (e.key.len, e.key.hash) == (key.len, key.hash))
    }

    /// The set cached for file `name` if the file's stamp is the one
    /// recorded (then the file need not be read); `index` is where the
    /// caller keeps it.
    pub fn get_unchanged(
        &mut self,
        name: &str,
        stamp: Option<FileStamp>,
        index: usize,
    ) -> Option<QuestionSet> {
        let e = self.entries.get(name)?;
        if stamp.is_none() || e.key.stamp != stamp {
            return None;
        }
        let key = e.key;
        self.take(name, key, index)
    }

    /// The set cached for file `name` if its bytes are the ones recorded
    /// (length and CRC-32); `key` is the file's key now, recorded in the
    /// cache written next.
    pub fn get(&mut self, name: &str, key: FileKey, index: usize) -> Option<QuestionSet> {
        let e = self.entries.get(name)?;
        if (e.key.len, e.key.hash) != (key.len, key.hash) {
            self.entries.remove(name);
            self.changed = true;
            return None;
        }
        if e.key != key {
            self.changed = true;
        }
        self.take(name, key, index)
    }

    fn take(&mut self, name: &str, key: FileKey, index: usize) -> Option<QuestionSet> {
        let e = self.entries.remove(name)?;
        let set = question_set(e.set);
        if set.is_some() {
            self.next.push((e.name, key, index));
        } else {
            self.changed = true;
        }
        set
    }

    /// Remember the set just parsed from file `name`, kept by the caller
    /// at `index`.
    pub fn put(&mut self, name: &str, key: FileKey, index: usize) {
        self.changed = true;
        self.next.push((name.to_owned(), key, index));
    }

    /// The cache's new bytes, when it changed (a set parsed, changed or
    /// gone); `sets` is the caller's list.
    pub fn finish(self, sets: &[QuestionSet]) -> Option<Vec<u8>> {
        if !self.changed && self.entries.is_empty() {
            return None;
        }
        let entries: Vec<Entry> = self
            .next
            .into_iter()
            .filter_map(|(name, key, i)| {
                Some(Entry {
                    name,
                    key,
                    set: set_rec(sets.get(i)?),
                })
            })
            .collect();
        let payload = postcard::to_allocvec(&entries).ok()?;
        let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        Some(out)
    }
}

fn decode(bytes: &[u8]) -> Result<Vec<Entry>, String> {
    if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
        return Err("not a set cache file, or cut short".to_owned());
    }
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or([0; 4]));
    let version = u32_at(8);
    if version != VERSION {
        return Err(format!(
            "format version {version}, this kioku writes {VERSION}"
        ));
    }
    let len = u64::from_le_bytes(bytes[12..20].try_into().unwrap_or([0; 8]));
    let crc = u32_at(20);
    let payload = &bytes[HEADER_LEN..];
    if payload.len() as u64 != len {
        return Err("cut short or overlong".to_owned());
    }
    if crc32fast::hash(payload) != crc {
        return Err("bad checksum".to_owned());
    }
    postcard::from_bytes(payload).map_err(|e| format!("cannot decode: {e}"))
}
