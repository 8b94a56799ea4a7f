//! A cache of parsed question sets, `cache/sets.bin`: each set file's
//! parsed form, keyed by its name, length, modification time and a CRC-32
//! of its bytes. Parsing and checking the JSON is most of the time of
//! opening a large library; decoding this is a fraction of it. It is a
//! cache: a file that does not match is parsed as usual, and a cache that
//! cannot be read is ignored (and rewritten).
//!
//! ```text
//! MAGIC (8 bytes) | format version (u32 LE) | body length (u64 LE)
//!                 | CRC-32 of the body (u32 LE) | body (postcard)
//! ```

use std::collections::HashMap;
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::{ClozeSegment, ClozeText, Question, QuestionBody, QuestionId, QuestionSet, SetId};

const MAGIC: &[u8; 8] = b"kiokuset";
/// The cache format; any other is ignored.
const VERSION: u32 = 3;
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

/// What a set file is known by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FileKey {
    len: u64,
    mtime: (i64, u32),
    hash: u32,
}

impl FileKey {
    /// The key of the file at `path` whose bytes are `bytes`.
    pub fn of(path: &Path, bytes: &[u8]) -> Option<FileKey> {
        let meta = std::fs::metadata(path).ok()?;
        let mtime = meta.modified().ok()?;
        let mtime = match mtime.duration_since(UNIX_EPOCH) {
            Ok(d) => (i64::try_from(d.as_secs()).ok()?, d.subsec_nanos()),
            Err(e) => (
                -i64::try_from(e.duration().as_secs()).ok()?,
                e.duration().subsec_nanos(),
            ),
        };
        Some(FileKey {
            len: bytes.len() as u64,
            mtime,
            hash: crc32fast::hash(bytes),
        })
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
    pub fn load(path: &Path) -> SetCache {
        let entries = std::fs::read(path)
            .ok()
            .and_then(|bytes| decode(&bytes))
            .unwrap_or_default();
        SetCache {
            entries: entries.into_iter().map(|e| (e.name.clone(), e)).collect(),
            next: Vec::new(),
            changed: false,
        }
    }

    /// The set cached for file `name` with this key, if any; `index` is
    /// where the caller keeps it.
    pub fn get(&mut self, name: &str, key: FileKey, index: usize) -> Option<QuestionSet> {
        let e = self.entries.remove(name)?;
        if e.key != key {
            self.changed = true;
            return None;
        }
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

fn decode(bytes: &[u8]) -> Option<Vec<Entry>> {
    if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
        return None;
    }
    let version = u32::from_le_bytes(bytes[8..12].try_into().ok()?);
    let len = u64::from_le_bytes(bytes[12..20].try_into().ok()?);
    let crc = u32::from_le_bytes(bytes[20..24].try_into().ok()?);
    let payload = &bytes[HEADER_LEN..];
    if version != VERSION || payload.len() as u64 != len || crc32fast::hash(payload) != crc {
        return None;
    }
    postcard::from_bytes(payload).ok()
}
