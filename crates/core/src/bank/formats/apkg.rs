//! Anki packages (`.apkg`), import only: the legacy layout that Anki's
//! "support older Anki versions" export and genanki write — a zip holding
//! `collection.anki21` or `collection.anki2` (SQLite), a `media` JSON map
//! and numbered media members.
//!
//! Reading is bounded: member sizes are taken from the zip directory and
//! also capped while reading, with limits per member, in total, and on the
//! compression ratio. Media names are reduced to plain file names; any
//! that could escape the media folder are refused.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::PathBuf;

use super::{Builder, Draft, Extras, ImportMeta, Imported, MediaFile, html, line_pos};
use crate::bank::formats::anki::from_anki_cloze;

/// Largest package, and largest total uncompressed size, in bytes.
pub const MAX_TOTAL_BYTES: u64 = 500 * 1024 * 1024;
/// Largest single member, uncompressed, in bytes.
pub const MAX_MEMBER_BYTES: u64 = 100 * 1024 * 1024;
/// Largest uncompressed/compressed ratio accepted for members over 1 MiB.
pub const MAX_RATIO: u64 = 200;

#[derive(Debug, thiserror::Error)]
pub enum ApkgError {
    #[error("not a readable Anki package (zip): {0}")]
    NotZip(String),
    #[error("package member \"{name}\" is {size} bytes; members are limited to {limit} bytes")]
    MemberTooLarge { name: String, size: u64, limit: u64 },
    #[error("package unpacks to more than {limit} bytes")]
    TotalTooLarge { limit: u64 },
    #[error("package member \"{name}\" is compressed {ratio}:1, more than {limit}:1 (a zip bomb?)")]
    Ratio {
        name: String,
        ratio: u64,
        limit: u64,
    },
    #[error(
        "this package has only collection.anki21b (Anki 2.1.50+ format, zstd-compressed); in Anki export again with \"Support older Anki versions\" checked"
    )]
    OnlyNewFormat,
    #[error(
        "this package holds only Anki's placeholder collection (\"Please update to the latest Anki version\"), without the real collection.anki21b"
    )]
    OnlyStub,
    #[error("no collection.anki2 or collection.anki21 in the package")]
    NoCollection,
    #[error("cannot read package member \"{name}\": {reason}")]
    Member { name: String, reason: String },
    #[error("cannot read the collection database: {0}")]
    Database(String),
    #[error("cannot write a temporary copy of the collection at {}: {source}", path.display())]
    Temp {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A plain, safe file name, or `None` when `name` could escape a folder.
pub fn safe_media_name(name: &str) -> Option<String> {
    let bad = name.is_empty()
        || name.contains(['/', '\\', '\0', ':'])
        || name.starts_with('.')
        || name.chars().any(char::is_control)
        || name.len() > 255;
    (!bad).then(|| name.to_owned())
}

type Zip = zip::ZipArchive<Cursor<Vec<u8>>>;

/// Read one member by name, bounded.
fn read_member(zip: &mut Zip, name: &str, total: &mut u64) -> Result<Option<Vec<u8>>, ApkgError> {
    let mut file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(ApkgError::Member {
                name: name.to_owned(),
                reason: e.to_string(),
            });
        }
    };
    let size = file.size();
    if size > MAX_MEMBER_BYTES {
        return Err(ApkgError::MemberTooLarge {
            name: name.to_owned(),
            size,
            limit: MAX_MEMBER_BYTES,
        });
    }
    let compressed = file.compressed_size().max(1);
    if size > 1024 * 1024 && size / compressed > MAX_RATIO {
        return Err(ApkgError::Ratio {
            name: name.to_owned(),
            ratio: size / compressed,
            limit: MAX_RATIO,
        });
    }
    // The directory may lie: cap while reading as well.
    let mut bytes = Vec::new();
    (&mut file)
        .take(MAX_MEMBER_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ApkgError::Member {
            name: name.to_owned(),
            reason: e.to_string(),
        })?;
    let got = bytes.len() as u64;
    if got > MAX_MEMBER_BYTES {
        return Err(ApkgError::MemberTooLarge {
            name: name.to_owned(),
            size: got,
            limit: MAX_MEMBER_BYTES,
        });
    }
    *total += got;
    if *total > MAX_TOTAL_BYTES {
        return Err(ApkgError::TotalTooLarge {
            limit: MAX_TOTAL_BYTES,
        });
    }
    Ok(Some(bytes))
}

/// One note as stored: its note type and fields (HTML).
struct Note {
    model: Option<(String, bool)>,
    fields: Vec<String>,
    tags: Vec<String>,
}

fn read_notes(db: &[u8]) -> Result<Vec<Note>, ApkgError> {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!("kioku-apkg-{}-{n}.sqlite", std::process::id()));
    let temp = |source| ApkgError::Temp {
        path: path.clone(),
        source,
    };
    {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(temp)?;
        f.write_all(db).map_err(temp)?;
    }
    let result = notes_from(&path);
    let _ = std::fs::remove_file(&path);
    result
}

fn notes_from(path: &std::path::Path) -> Result<Vec<Note>, ApkgError> {
    let e = |e: rusqlite::Error| ApkgError::Database(e.to_string());
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(e)?;
    let models: String = conn
        .query_row("SELECT models FROM col", [], |r| r.get(0))
        .map_err(e)?;
    let models: serde_json::Value = serde_json::from_str(&models)
        .map_err(|err| ApkgError::Database(format!("note types: {err}")))?;
    let mut by_id: BTreeMap<String, (String, bool)> = BTreeMap::new();
    if let Some(map) = models.as_object() {
        for (id, m) in map {
            let name = m["name"].as_str().unwrap_or("").to_owned();
            let cloze = m["type"].as_i64() == Some(1);
            by_id.insert(id.clone(), (name, cloze));
        }
    }
    let mut stmt = conn
        .prepare("SELECT mid, tags, flds FROM notes ORDER BY id")
        .map_err(e)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .map_err(e)?;
    let mut notes = Vec::new();
    for row in rows {
        let (mid, tags, flds) = row.map_err(e)?;
        notes.push(Note {
            model: by_id.get(&mid.to_string()).cloned(),
            fields: flds.split('\u{1f}').map(str::to_owned).collect(),
            tags: tags.split_whitespace().map(str::to_owned).collect(),
        });
    }
    Ok(notes)
}

/// Import a package's Basic-like and Cloze notes and its media.
pub fn import(bytes: &[u8], meta: &ImportMeta) -> Result<Imported, ApkgError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec()))
        .map_err(|e| ApkgError::NotZip(e.to_string()))?;
    // Check the directory's claims before reading anything.
    let mut claimed: u64 = 0;
    for i in 0..zip.len() {
        let f = zip
            .by_index_raw(i)
            .map_err(|e| ApkgError::NotZip(e.to_string()))?;
        claimed = claimed.saturating_add(f.size());
    }
    if claimed > MAX_TOTAL_BYTES {
        return Err(ApkgError::TotalTooLarge {
            limit: MAX_TOTAL_BYTES,
        });
    }
    let mut total = 0;
    let db = match read_member(&mut zip, "collection.anki21", &mut total)? {
        Some(db) => db,
        None => match read_member(&mut zip, "collection.anki2", &mut total)? {
            Some(db) => db,
            None if zip.index_for_name("collection.anki21b").is_some() => {
                return Err(ApkgError::OnlyNewFormat);
            }
            None => return Err(ApkgError::NoCollection),
        },
    };
    let notes = read_notes(&db)?;
    let mut b = Builder::default();
    for (i, note) in notes.iter().enumerate() {
        let item = format!("note {}", i + 1);
        let pos = line_pos(i as u64 + 1);
        let Some((name, cloze)) = &note.model else {
            b.skip(item, "its note type is missing from the collection");
            continue;
        };
        let field = |k: usize| {
            note.fields
                .get(k)
                .map(|f| html::to_text(f))
                .unwrap_or_default()
        };
        let draft = if *cloze {
            let (text, hint) = from_anki_cloze(&field(0));
            if hint {
                b.skip(&item, "imported without its cloze hints");
            }
            let extra = field(1);
            (
                Draft::Cloze { text },
                (!extra.trim().is_empty()).then_some(extra),
            )
        } else if note.fields.len() >= 2 {
            (
                Draft::Flashcard {
                    prompt: field(0),
                    answer: field(1),
                    reversible: name.to_ascii_lowercase().contains("reverse"),
                },
                None,
            )
        } else {
            b.skip(
                item,
                format!("note type \"{name}\" has one field, so no answer"),
            );
            continue;
        };
        if draft.0.is_blank() {
            b.skip(item, "a field is empty after removing HTML");
            continue;
        }
        b.add(
            pos,
            draft.0,
            Extras {
                explanation: draft.1,
                tags: note.tags.clone(),
                ..Extras::default()
            },
        );
    }
    // Media: the `media` map names numbered members.
    let mut media = Vec::new();
    if let Some(map) = read_member(&mut zip, "media", &mut total)? {
        let map: BTreeMap<String, String> = serde_json::from_slice(&map).unwrap_or_default();
        for (member, name) in map {
            let Some(safe) = safe_media_name(&name) else {
                b.skip(
                    format!("media \"{name}\""),
                    "unsafe file name (a path or hidden file), not copied",
                );
                continue;
            };
            match read_member(&mut zip, &member, &mut total)? {
                Some(bytes) => media.push(MediaFile { name: safe, bytes }),
                None => b.skip(format!("media \"{name}\""), "missing from the package"),
            }
        }
    }
    b.finish(meta, media).map_err(|problems| {
        ApkgError::Database(
            problems
                .into_iter()
                .map(|(pos, p)| format!("note {}: {p}", pos.line))
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}
