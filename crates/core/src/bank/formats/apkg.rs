//! Anki packages (`.apkg`) and collection packages (`.colpkg`), import
//! only. Two layouts:
//!
//! - modern (Anki 2.1.50+, the default export): `collection.anki21b`, a
//!   zstd-compressed SQLite database of schema 18 (note types in
//!   `notetypes`, `fields` and `templates`, their settings protobuf), a
//!   zstd-compressed protobuf `media` list and zstd-compressed numbered
//!   media members. Beside it sits a stub `collection.anki2` whose one
//!   note says "Please update to the latest Anki version"; it is never
//!   imported as content.
//! - legacy ("support older Anki versions", genanki): `collection.anki21`
//!   or `collection.anki2` (SQLite, schema 11, note types as JSON in
//!   `col.models`), a `media` JSON map and plain numbered media members.
//!
//! The collection read is the first of `collection.anki21b`,
//! `collection.anki21`, `collection.anki2` in the package. A note's
//! question and answer come from its note type's first card template;
//! other templates that ask the answer are the reverse card. Fields no
//! template shows, and card types kioku cannot express, are reported in
//! `skipped`, never dropped silently.
//!
//! Reading is bounded: member sizes are taken from the zip directory and
//! also capped while reading, with limits per member, in total, and on the
//! compression ratio. Media names are reduced to plain file names; any
//! that could escape the media folder are refused.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::PathBuf;

use super::{
    Builder, Draft, Extras, ImportMeta, Imported, Item, MediaFile, NoteKind, Skipped, html,
    line_pos,
};
use crate::bank::QuestionId;
use crate::bank::formats::anki::from_anki_cloze;
use crate::scheduler::Rating;

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
        "this package holds only Anki's placeholder collection (\"Please update to the latest Anki version\"), without the real collection.anki21b"
    )]
    OnlyStub,
    #[error("no collection.anki21b, collection.anki21 or collection.anki2 in the package")]
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

/// Decompress a zstd member, bounded like a member read.
fn unzstd(name: &str, bytes: &[u8], total: &mut u64) -> Result<Vec<u8>, ApkgError> {
    let member = |reason: String| ApkgError::Member {
        name: name.to_owned(),
        reason,
    };
    let decoder =
        zstd::stream::read::Decoder::new(bytes).map_err(|e| member(format!("zstd: {e}")))?;
    let mut out = Vec::new();
    decoder
        .take(MAX_MEMBER_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| member(format!("zstd: {e}")))?;
    let got = out.len() as u64;
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
    Ok(out)
}

/// True when `bytes` start with the zstd frame magic.
fn is_zstd(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd])
}

/// A protobuf field value: what kioku needs of the wire format.
enum Proto<'a> {
    Varint(u64),
    Bytes(&'a [u8]),
}

fn varint(buf: &[u8], i: &mut usize) -> Option<u64> {
    let mut v: u64 = 0;
    for shift in (0..64).step_by(7) {
        let b = *buf.get(*i)?;
        *i += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

/// The fields of one protobuf message, or `None` when it is malformed.
fn proto_fields(buf: &[u8]) -> Option<Vec<(u64, Proto<'_>)>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < buf.len() {
        let key = varint(buf, &mut i)?;
        let value = match key & 7 {
            0 => Proto::Varint(varint(buf, &mut i)?),
            1 => {
                i = i.checked_add(8).filter(|&e| e <= buf.len())?;
                continue;
            }
            2 => {
                let len = usize::try_from(varint(buf, &mut i)?).ok()?;
                let end = i.checked_add(len).filter(|&e| e <= buf.len())?;
                let b = &buf[i..end];
                i = end;
                Proto::Bytes(b)
            }
            5 => {
                i = i.checked_add(4).filter(|&e| e <= buf.len())?;
                continue;
            }
            _ => return None,
        };
        out.push((key >> 3, value));
    }
    Some(out)
}

fn proto_string(fields: &[(u64, Proto<'_>)], number: u64) -> String {
    fields
        .iter()
        .rev()
        .find_map(|(n, v)| match v {
            Proto::Bytes(b) if *n == number => Some(String::from_utf8_lossy(b).into_owned()),
            _ => None,
        })
        .unwrap_or_default()
}

fn proto_varint(fields: &[(u64, Proto<'_>)], number: u64) -> Option<u64> {
    fields.iter().rev().find_map(|(n, v)| match v {
        Proto::Varint(x) if *n == number => Some(*x),
        _ => None,
    })
}

/// A note type: its kind, field names and card templates (front, back).
#[derive(Debug, Clone, Default)]
struct NoteType {
    name: String,
    cloze: bool,
    fields: Vec<String>,
    templates: Vec<(String, String, String)>,
}

/// One note as stored: its note type and fields (HTML).
struct Note {
    id: i64,
    /// Anki's global id; kioku's exports write `SET/QUESTION`.
    guid: String,
    model: Option<NoteType>,
    fields: Vec<String>,
    tags: Vec<String>,
    /// The decks its cards are in.
    decks: Vec<i64>,
}

/// What kioku reads of a collection.
struct Collection {
    notes: Vec<Note>,
    decks: BTreeMap<i64, String>,
    /// Card id → (note id, template or cloze ordinal).
    cards: BTreeMap<i64, (i64, i64)>,
    /// The review log, oldest first.
    revlog: Vec<RevlogRow>,
}

/// One row of Anki's review log (`revlog`).
#[derive(Debug, Clone, Copy)]
struct RevlogRow {
    /// Milliseconds since 1970 (the row's id).
    id: i64,
    card: i64,
    /// The button: 1 again, 2 hard, 3 good, 4 easy; 0 for rows that are
    /// no answer (manual reschedules, resets).
    ease: i64,
    /// 0 learning, 1 review, 2 relearning, 3 filtered, 4 manual,
    /// 5 rescheduled.
    kind: i64,
    /// Ease factor; 0 on a reset (kind 4) and on cramming (kind 3).
    factor: i64,
    /// Milliseconds spent.
    time: i64,
}

fn read_collection(db: &[u8]) -> Result<Collection, ApkgError> {
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
    let result = collection_from(&path);
    let _ = std::fs::remove_file(&path);
    result
}

fn db_err(e: rusqlite::Error) -> ApkgError {
    ApkgError::Database(e.to_string())
}

/// Prepare `sql`, naming it in the error.
fn prepare<'c>(
    conn: &'c rusqlite::Connection,
    sql: &str,
) -> Result<rusqlite::Statement<'c>, ApkgError> {
    conn.prepare(sql)
        .map_err(|e| ApkgError::Database(format!("{e} ({sql})")))
}

/// Note types of schema 11: JSON in `col.models`.
fn legacy_note_types(conn: &rusqlite::Connection) -> Result<BTreeMap<i64, NoteType>, ApkgError> {
    let models: String = conn
        .query_row("SELECT models FROM col", [], |r| r.get(0))
        .map_err(db_err)?;
    let models: serde_json::Value = serde_json::from_str(&models)
        .map_err(|err| ApkgError::Database(format!("note types: {err}")))?;
    let mut by_id = BTreeMap::new();
    let Some(map) = models.as_object() else {
        return Ok(by_id);
    };
    for (id, m) in map {
        let Ok(id) = id.parse::<i64>() else { continue };
        let text = |v: &serde_json::Value| v.as_str().unwrap_or("").to_owned();
        let list = |key: &str| m[key].as_array().cloned().unwrap_or_default();
        let mut fields = list("flds");
        fields.sort_by_key(|f| f["ord"].as_i64());
        let mut templates = list("tmpls");
        templates.sort_by_key(|t| t["ord"].as_i64());
        by_id.insert(
            id,
            NoteType {
                name: text(&m["name"]),
                cloze: m["type"].as_i64() == Some(1),
                fields: fields.iter().map(|f| text(&f["name"])).collect(),
                templates: templates
                    .iter()
                    .map(|t| (text(&t["name"]), text(&t["qfmt"]), text(&t["afmt"])))
                    .collect(),
            },
        );
    }
    Ok(by_id)
}

/// Note types of schema 15 and later: the `notetypes`, `fields` and
/// `templates` tables, settings in protobuf (`Notetype.Config.kind`,
/// `Template.Config.q_format`/`a_format`).
fn modern_note_types(conn: &rusqlite::Connection) -> Result<BTreeMap<i64, NoteType>, ApkgError> {
    let mut by_id: BTreeMap<i64, NoteType> = BTreeMap::new();
    let mut stmt = prepare(conn, "SELECT id, name, config FROM notetypes")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Vec<u8>>(2)?,
            ))
        })
        .map_err(db_err)?;
    for row in rows {
        let (id, name, config) = row.map_err(db_err)?;
        let config = proto_fields(&config)
            .ok_or_else(|| ApkgError::Database(format!("note type \"{name}\": bad settings")))?;
        let cloze = proto_varint(&config, 1) == Some(1);
        by_id.insert(
            id,
            NoteType {
                name,
                cloze,
                ..NoteType::default()
            },
        );
    }
    let mut stmt = prepare(conn, "SELECT ntid, ord, name FROM fields")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .map_err(db_err)?;
    let mut fields = rows.collect::<Result<Vec<_>, _>>().map_err(db_err)?;
    fields.sort_by_key(|f| (f.0, f.1));
    for (ntid, _, name) in fields {
        if let Some(nt) = by_id.get_mut(&ntid) {
            nt.fields.push(name);
        }
    }
    let mut stmt = prepare(conn, "SELECT ntid, ord, name, config FROM templates")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Vec<u8>>(3)?,
            ))
        })
        .map_err(db_err)?;
    let mut templates = rows.collect::<Result<Vec<_>, _>>().map_err(db_err)?;
    templates.sort_by_key(|t| (t.0, t.1));
    for (ntid, _, name, config) in templates {
        let config = proto_fields(&config).ok_or_else(|| {
            ApkgError::Database(format!("card template \"{name}\": bad settings"))
        })?;
        if let Some(nt) = by_id.get_mut(&ntid) {
            nt.templates
                .push((name, proto_string(&config, 1), proto_string(&config, 2)));
        }
    }
    Ok(by_id)
}

fn table_exists(conn: &rusqlite::Connection, name: &str) -> Result<bool, ApkgError> {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
    .map_err(db_err)
}

fn collection_from(path: &std::path::Path) -> Result<Collection, ApkgError> {
    let conn =
        &rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(db_err)?;
    // Anki's schema names its own case-insensitive collation; SQLite
    // cannot read those tables without it.
    conn.create_collation("unicase", |a, b| a.to_lowercase().cmp(&b.to_lowercase()))
        .map_err(db_err)?;
    let modern = table_exists(conn, "notetypes")?;
    let by_id = if modern {
        modern_note_types(conn)?
    } else {
        legacy_note_types(conn)?
    };
    // Deck names: `decks` (parts joined by U+001F) or JSON in `col.decks`.
    let mut decks = BTreeMap::new();
    if table_exists(conn, "decks")? {
        let mut stmt = prepare(conn, "SELECT id, name FROM decks")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(db_err)?;
        for row in rows {
            let (id, name) = row.map_err(db_err)?;
            decks.insert(id, name.replace('\u{1f}', "::"));
        }
    } else if let Ok(json) = conn.query_row("SELECT decks FROM col", [], |r| r.get::<_, String>(0))
        && let Ok(serde_json::Value::Object(map)) = serde_json::from_str(&json)
    {
        for (id, d) in map {
            if let (Ok(id), Some(name)) = (id.parse::<i64>(), d["name"].as_str()) {
                decks.insert(id, name.to_owned());
            }
        }
    }
    let mut card_decks: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    let mut cards = BTreeMap::new();
    if table_exists(conn, "cards")? {
        let mut stmt = prepare(conn, "SELECT id, nid, did, ord FROM cards ORDER BY id")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })
            .map_err(db_err)?;
        for row in rows {
            let (cid, nid, did, ord) = row.map_err(db_err)?;
            cards.insert(cid, (nid, ord));
            let list = card_decks.entry(nid).or_default();
            if !list.contains(&did) {
                list.push(did);
            }
        }
    }
    let mut revlog = Vec::new();
    if table_exists(conn, "revlog")? {
        let sql = "SELECT id, cid, ease, type, factor, time FROM revlog ORDER BY id";
        let mut stmt = prepare(conn, sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(RevlogRow {
                    id: r.get(0)?,
                    card: r.get(1)?,
                    ease: r.get(2)?,
                    kind: r.get(3)?,
                    factor: r.get(4)?,
                    time: r.get(5)?,
                })
            })
            .map_err(db_err)?;
        for row in rows {
            revlog.push(row.map_err(db_err)?);
        }
    }
    let mut stmt = prepare(
        conn,
        "SELECT id, mid, tags, flds, guid FROM notes ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })
        .map_err(db_err)?;
    let mut notes = Vec::new();
    for row in rows {
        let (id, mid, tags, flds, guid) = row.map_err(db_err)?;
        notes.push(Note {
            id,
            guid,
            model: by_id.get(&mid).cloned(),
            fields: flds.split('\u{1f}').map(str::to_owned).collect(),
            tags: tags.split_whitespace().map(str::to_owned).collect(),
            decks: card_decks.remove(&id).unwrap_or_default(),
        });
    }
    Ok(Collection {
        notes,
        decks,
        cards,
        revlog,
    })
}

/// True for the placeholder collection Anki writes beside
/// `collection.anki21b`: one note asking the user to update Anki.
fn is_stub(col: &Collection) -> bool {
    let [note] = col.notes.as_slice() else {
        return false;
    };
    let front = note.fields.first().map(String::as_str).unwrap_or("");
    (front.contains("Please update to the latest Anki version") || front.contains(".colpkg/.apkg"))
        && note.fields.iter().skip(1).all(|f| f.trim().is_empty())
}

/// A field shown by a template, with the fields it is conditional on.
#[derive(Debug)]
struct FieldRef {
    name: String,
    cloze: bool,
    /// `{{type:Field}}`: the answer is typed in and checked.
    typed: bool,
    conditions: Vec<(String, bool)>,
}

/// Template names that are not fields.
const SPECIAL: [&str; 8] = [
    "FrontSide",
    "Tags",
    "Type",
    "Deck",
    "Subdeck",
    "Card",
    "CardFlag",
    "CardID",
];

/// The fields a card template shows, in order.
fn template_refs(fmt: &str) -> Vec<FieldRef> {
    let mut refs = Vec::new();
    let mut conditions: Vec<(String, bool)> = Vec::new();
    let mut rest = fmt;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open + 2..].find("}}") else {
            break;
        };
        let tag = rest[open + 2..open + 2 + close].trim();
        rest = &rest[open + 2 + close + 2..];
        if let Some(name) = tag.strip_prefix('#') {
            conditions.push((name.trim().to_owned(), true));
        } else if let Some(name) = tag.strip_prefix('^') {
            conditions.push((name.trim().to_owned(), false));
        } else if tag.starts_with('/') {
            conditions.pop();
        } else if !tag.starts_with('!') && !tag.is_empty() {
            let name = tag.rsplit(':').next().unwrap_or(tag).trim();
            if SPECIAL.contains(&name) {
                continue;
            }
            refs.push(FieldRef {
                name: name.to_owned(),
                cloze: tag.split(':').any(|f| f.trim() == "cloze"),
                typed: tag.split(':').any(|f| f.trim() == "type"),
                conditions: conditions.clone(),
            });
        }
    }
    refs
}

/// Which kioku card each of a note's Anki cards became, for its review
/// history.
#[derive(Debug, Clone, Default)]
struct CardMap {
    /// The template ordinal of the reverse card, when there is one.
    reverse: Option<i64>,
    /// For a cloze note, the Anki number of each deletion in text order
    /// (kioku numbers its cards by that order, or by these numbers when
    /// some are shared, as [`from_anki_cloze`] writes them then).
    cloze: Option<Vec<u32>>,
}

impl CardMap {
    /// The kioku card (`None` the main card, else `reverse` or `cN`) of
    /// Anki card ordinal `ord`, or why there is none.
    fn variant(&self, ord: i64, nt: &NoteType) -> Result<Option<String>, NoteKind> {
        if let Some(numbers) = &self.cloze {
            let wanted = u32::try_from(ord + 1).unwrap_or(0);
            // Numbered deletions (some share a number) keep Anki's numbers
            // as their cards'; others are numbered in text order.
            let numbered = numbers.len() > {
                let mut distinct = numbers.clone();
                distinct.sort_unstable();
                distinct.dedup();
                distinct.len()
            };
            return match numbers.iter().position(|&n| n == wanted) {
                Some(_) if numbered => Ok(Some(format!("c{wanted}"))),
                Some(i) => Ok(Some(format!("c{}", i + 1))),
                None => Err(NoteKind::ClozeGone { number: wanted }),
            };
        }
        if ord == 0 {
            Ok(None)
        } else if self.reverse == Some(ord) {
            Ok(Some("reverse".to_owned()))
        } else {
            let name = usize::try_from(ord)
                .ok()
                .and_then(|o| nt.templates.get(o))
                .map_or_else(|| format!("{}", ord + 1), |t| t.0.clone());
            Err(NoteKind::ReviewCardTypeNotImported { name })
        }
    }
}

/// The numbers of the `{{cN::…}}` deletions in `text`, in order, read as
/// [`from_anki_cloze`] reads them.
fn cloze_numbers(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("{{c") {
        let after = &rest[i + 3..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        let body = &after[digits..];
        match (digits > 0, body.strip_prefix("::")) {
            (true, Some(inner)) if inner.contains("}}") => {
                out.push(after[..digits].parse().unwrap_or(0));
                let end = inner.find("}}").unwrap_or(inner.len());
                rest = inner.get(end + 2..).unwrap_or("");
            }
            _ => rest = after,
        }
    }
    out
}

/// How one note becomes a question.
struct Mapped {
    draft: Draft,
    cards: CardMap,
    explanation: Option<String>,
    /// What was left out or changed, for `skipped`.
    notes: Vec<NoteKind>,
}

fn map_note(nt: &NoteType, note: &Note) -> Result<Mapped, NoteKind> {
    let index = |name: &str| nt.fields.iter().position(|f| f == name);
    let raw = |k: usize| note.fields.get(k).map(String::as_str).unwrap_or("");
    let text = |k: usize| html::to_text(raw(k));
    let nonblank = |k: usize| !text(k).trim().is_empty();
    let holds = |refs: &[FieldRef]| -> bool {
        refs.iter().all(|r| {
            r.conditions.iter().all(|(c, want)| {
                index(c).is_some_and(|k| nonblank(k) == *want) || (index(c).is_none() && !want)
            })
        })
    };
    let join = |ks: &[usize]| {
        ks.iter()
            .map(|&k| text(k))
            .filter(|t| !t.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let fields_of = |refs: &[FieldRef]| {
        let mut ks: Vec<usize> = Vec::new();
        for r in refs {
            if let Some(k) = index(&r.name)
                && !ks.contains(&k)
            {
                ks.push(k);
            }
        }
        ks
    };
    let mut used: Vec<usize> = Vec::new();
    let mut notes = Vec::new();
    let mut cards = CardMap::default();
    let (draft, explanation) = if nt.cloze {
        let front = nt
            .templates
            .first()
            .map(|t| template_refs(&t.1))
            .unwrap_or_default();
        let back = nt
            .templates
            .first()
            .map(|t| template_refs(&t.2))
            .unwrap_or_default();
        let k = front
            .iter()
            .chain(&back)
            .find(|r| r.cloze)
            .and_then(|r| index(&r.name))
            .unwrap_or(0);
        used.push(k);
        // Image Occlusion notes (Anki 23.10+) are cloze notes whose
        // deletions are shapes over an image: nothing kioku can show.
        if raw(k).contains("image-occlusion:") {
            let header = nt
                .fields
                .iter()
                .position(|f| f == "Header")
                .map(text)
                .unwrap_or_default();
            let header = header.trim();
            return Err(NoteKind::ImageOcclusion {
                header: (!header.is_empty()).then(|| header.to_owned()),
            });
        }
        cards.cloze = Some(cloze_numbers(&text(k)));
        let (text, hint) = from_anki_cloze(&text(k));
        if hint {
            notes.push(NoteKind::ClozeHintsNotImported);
        }
        let mut extra: Vec<usize> = fields_of(&front)
            .into_iter()
            .chain(fields_of(&back))
            .filter(|&e| e != k)
            .collect();
        extra.dedup();
        if nt.templates.is_empty() && note.fields.len() > 1 {
            extra.push(1);
        }
        used.extend(&extra);
        let explanation = join(&extra);
        (
            Draft::Cloze { text },
            (!explanation.trim().is_empty()).then_some(explanation),
        )
    } else {
        let first = nt.templates.first();
        let front_refs = first.map(|t| template_refs(&t.1)).unwrap_or_default();
        // `{{type:Back}}` on the front asks for Back typed in: the field
        // is the answer, not part of the prompt.
        let typed: Option<usize> = front_refs
            .iter()
            .find(|r| r.typed)
            .and_then(|r| index(&r.name));
        let front: Vec<usize> = fields_of(&front_refs)
            .into_iter()
            .filter(|&k| Some(k) != typed)
            .collect();
        let back: Vec<usize> = first
            .map(|t| fields_of(&template_refs(&t.2)))
            .unwrap_or_default()
            .into_iter()
            .filter(|k| !front.contains(k))
            .collect();
        let (front, back, reversible) = if !front.is_empty() && !back.is_empty() {
            // Another template that asks the answer is the reverse card.
            let mut reversible = false;
            for (ord, (name, q, _)) in nt.templates.iter().enumerate().skip(1) {
                let refs = template_refs(q);
                let asks = fields_of(&refs);
                let conditional: Vec<usize> = refs
                    .iter()
                    .flat_map(|r| r.conditions.iter().filter_map(|(c, _)| index(c)))
                    .collect();
                used.extend(&conditional);
                if !holds(&refs) {
                    continue;
                }
                if asks.iter().any(|k| back.contains(k)) && asks.iter().all(|k| !front.contains(k))
                {
                    reversible = true;
                    cards.reverse = cards.reverse.or(i64::try_from(ord).ok());
                } else if !asks.is_empty() {
                    notes.push(NoteKind::CardTypeNotImported { name: name.clone() });
                }
            }
            (front, back, reversible)
        } else if note.fields.len() >= 2 {
            let reversible = nt.name.to_ascii_lowercase().contains("reverse");
            if reversible {
                cards.reverse = Some(1);
            }
            (vec![0], vec![1], reversible)
        } else {
            return Err(NoteKind::OneFieldNoteType {
                notetype: nt.name.clone(),
            });
        };
        used.extend(&front);
        used.extend(&back);
        used.extend(typed);
        // The first field the back adds is the answer (or, for a typed
        // card, the typed field is); the others (Anki's "Extra", kioku's
        // "Explanation") go to the explanation.
        let answer = typed.or_else(|| back.first().copied());
        let extra: Vec<usize> = back
            .iter()
            .copied()
            .filter(|&k| Some(k) != answer)
            .collect();
        let explanation = join(&extra);
        let explanation = (!explanation.trim().is_empty()).then_some(explanation);
        let prompt = join(&front);
        let draft = match (typed, reversible) {
            (Some(k), false) => Draft::Typed {
                prompt,
                answers: vec![text(k).trim().to_owned()],
            },
            _ => Draft::Flashcard {
                prompt,
                answer: answer.map(text).unwrap_or_default(),
                reversible,
            },
        };
        (draft, explanation)
    };
    for k in 0..note.fields.len() {
        if !used.contains(&k) && nonblank(k) {
            let name = nt
                .fields
                .get(k)
                .cloned()
                .unwrap_or_else(|| format!("{}", k + 1));
            notes.push(NoteKind::FieldNotImported { name });
        }
    }
    Ok(Mapped {
        draft,
        cards,
        explanation,
        notes,
    })
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
    let col = if let Some(packed) = read_member(&mut zip, "collection.anki21b", &mut total)? {
        let db = unzstd("collection.anki21b", &packed, &mut total)?;
        read_collection(&db)?
    } else {
        let db = match read_member(&mut zip, "collection.anki21", &mut total)? {
            Some(db) => db,
            None => match read_member(&mut zip, "collection.anki2", &mut total)? {
                Some(db) => db,
                None => return Err(ApkgError::NoCollection),
            },
        };
        read_collection(&db)?
    };
    if is_stub(&col) {
        return Err(ApkgError::OnlyStub);
    }
    let mut b = Builder::default();
    // The note (its index) and card map of each question added, in order.
    let mut added: Vec<(usize, CardMap)> = Vec::new();
    for (i, note) in col.notes.iter().enumerate() {
        let item = Item::AnkiNote(i + 1);
        let pos = line_pos(i as u64 + 1);
        let Some(nt) = &note.model else {
            b.skip(item, NoteKind::NoteTypeMissing);
            continue;
        };
        let mapped = match map_note(nt, note) {
            Ok(m) => m,
            Err(reason) => {
                b.skip(item, reason);
                continue;
            }
        };
        if mapped.draft.is_blank() {
            b.skip(item, NoteKind::EmptyField);
            continue;
        }
        for n in mapped.notes {
            b.skip(&item, n);
        }
        added.push((i, mapped.cards));
        // A kioku export's guid `SET/QUESTION` gives the question its id
        // back, as `anki-tsv` import does.
        let id = note
            .guid
            .split_once('/')
            .map(|(_, q)| q)
            .filter(|q| QuestionId::new(q).is_some() && !b.is_taken(q))
            .map(str::to_owned);
        b.add(
            pos,
            mapped.draft,
            Extras {
                id,
                explanation: mapped.explanation,
                tags: note.tags.clone(),
                ..Extras::default()
            },
        );
    }
    // The set is named after the deck when all cards are in one.
    let mut title = meta.title.clone();
    let mut decks = col.notes.iter().flat_map(|n| n.decks.iter());
    if let Some(first) = decks.next()
        && decks.all(|d| d == first)
        && let Some(name) = col.decks.get(first)
        && !name.trim().is_empty()
    {
        title = name.clone();
    } else if col.notes.iter().any(|n| !n.decks.is_empty()) {
        b.note(
            Item::Set,
            NoteKind::TitleFromFileNameDecks {
                title: title.to_string(),
            },
        );
    }
    let media = read_media(&mut zip, &mut b, &mut total)?;
    let meta = ImportMeta {
        id: meta.id.clone(),
        title,
    };
    let mut imported = b.finish(&meta, media).map_err(|problems| {
        ApkgError::Database(
            problems
                .into_iter()
                .map(|(pos, p)| format!("note {}: {p}", pos.line))
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    // A successful build holds one question per note added, in order.
    let questions: BTreeMap<i64, (usize, &QuestionId, &CardMap)> = added
        .iter()
        .zip(&imported.set.questions)
        .map(|((i, map), q)| (col.notes[*i].id, (*i, &q.id, map)))
        .collect();
    let history = history(&col, &questions);
    imported.history = (!col.revlog.is_empty()).then_some(history);
    Ok(imported)
}

/// An Anki package's review history, as kioku review events to be.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    /// Rows in the package's review log.
    pub rows: usize,
    /// The answers kioku keeps, oldest first.
    pub reviews: Vec<HistoryReview>,
    /// Every row left out, and why.
    pub skipped: Vec<Skipped>,
}

/// One answer from Anki's review log.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryReview {
    /// The review-log row's id (its time in milliseconds).
    pub anki_id: i64,
    pub question: QuestionId,
    /// `None` for the main card, else `reverse` or `cN`.
    pub card: Option<String>,
    pub rating: Rating,
    pub at: jiff::Timestamp,
    pub duration_ms: u64,
    /// False for answers in a filtered deck that did not reschedule the
    /// card: kioku keeps those as cram reviews, which move no schedule.
    pub rescheduled: bool,
}

/// Map the review log to kioku cards. Like Anki's FSRS (rslib
/// `reviews_for_fsrs`), a card's rows before its last reset ("Forget")
/// are left out, and so are rows that are no answer: manual reschedules
/// ("Set due date"), resets and FSRS reschedules. Answers in a filtered
/// deck that does not reschedule become `cram` reviews.
fn history(col: &Collection, questions: &BTreeMap<i64, (usize, &QuestionId, &CardMap)>) -> History {
    let mut out = History {
        rows: col.revlog.len(),
        ..History::default()
    };
    // The last reset of each card.
    let mut last_reset: BTreeMap<i64, i64> = BTreeMap::new();
    for r in &col.revlog {
        if r.kind == 4 && r.factor == 0 {
            last_reset.insert(r.card, r.id);
        }
    }
    let note_number = |nid: i64| col.notes.iter().position(|n| n.id == nid).map(|i| i + 1);
    for r in &col.revlog {
        let at = jiff::Timestamp::from_millisecond(r.id).ok();
        let card = col.cards.get(&r.card);
        let item = Item::Review {
            id: r.id,
            note: card.and_then(|(nid, _)| note_number(*nid)),
            at,
        };
        let mut skip = |kind: NoteKind| out.skipped.push(Skipped::new(&item, kind));
        let Some(at) = at else {
            skip(NoteKind::ReviewTimeOutOfRange);
            continue;
        };
        let Some(&(nid, ord)) = card else {
            skip(NoteKind::ReviewCardMissing);
            continue;
        };
        match (r.kind, r.ease) {
            (4, _) if r.factor == 0 => {
                skip(NoteKind::ReviewReset);
                continue;
            }
            (4, _) => {
                skip(NoteKind::ReviewSetDueDate);
                continue;
            }
            (5, _) => {
                skip(NoteKind::ReviewRescheduled);
                continue;
            }
            (_, 0) => {
                skip(NoteKind::ReviewNoButton { kind: r.kind });
                continue;
            }
            _ => {}
        }
        let Some(rating) = u8::try_from(r.ease).ok().and_then(Rating::from_number) else {
            skip(NoteKind::ReviewUnknownButton { ease: r.ease });
            continue;
        };
        if last_reset.get(&r.card).is_some_and(|&reset| r.id < reset) {
            skip(NoteKind::ReviewBeforeReset {
                reset: last_reset[&r.card],
            });
            continue;
        }
        let Some((_, question, map)) = questions.get(&nid) else {
            skip(NoteKind::ReviewNoteNotImported);
            continue;
        };
        let Some(nt) = col
            .notes
            .iter()
            .find(|n| n.id == nid)
            .and_then(|n| n.model.as_ref())
        else {
            skip(NoteKind::NoteTypeMissing);
            continue;
        };
        let variant = match map.variant(ord, nt) {
            Ok(v) => v,
            Err(why) => {
                skip(why);
                continue;
            }
        };
        out.reviews.push(HistoryReview {
            anki_id: r.id,
            question: (*question).clone(),
            card: variant,
            rating,
            at,
            duration_ms: u64::try_from(r.time).unwrap_or(0),
            rescheduled: !(r.kind == 3 && r.factor == 0),
        });
    }
    out
}

/// Media: the `media` list names numbered members. Legacy packages map
/// member to name in JSON; modern ones list `MediaEntries` in
/// zstd-compressed protobuf, member `i` being entry `i`, itself
/// zstd-compressed.
fn read_media(
    zip: &mut Zip,
    b: &mut Builder,
    total: &mut u64,
) -> Result<Vec<MediaFile>, ApkgError> {
    let mut media = Vec::new();
    let Some(map) = read_member(zip, "media", total)? else {
        return Ok(media);
    };
    let modern = is_zstd(&map);
    let entries: Vec<(String, String)> = if modern {
        let list = match unzstd("media", &map, total) {
            Ok(list) => list,
            Err(e) => {
                skip_unlisted(zip, b, Some(e.to_string()));
                return Ok(media);
            }
        };
        let parsed = proto_fields(&list).and_then(|top| {
            top.iter()
                .filter(|(n, _)| *n == 1)
                .enumerate()
                .map(|(i, (_, v))| match v {
                    Proto::Bytes(e) => proto_fields(e).map(|f| {
                        let member = proto_varint(&f, 255).map_or(i as u64, |m| m);
                        (member.to_string(), proto_string(&f, 1))
                    }),
                    Proto::Varint(_) => None,
                })
                .collect::<Option<Vec<_>>>()
        });
        match parsed {
            Some(entries) => entries,
            None => {
                skip_unlisted(zip, b, None);
                return Ok(media);
            }
        }
    } else {
        match serde_json::from_slice::<BTreeMap<String, String>>(&map) {
            Ok(map) => map.into_iter().collect(),
            Err(_) => {
                skip_unlisted(zip, b, None);
                return Ok(media);
            }
        }
    };
    for (member, name) in entries {
        let Some(safe) = safe_media_name(&name) else {
            b.skip(Item::Media(name.to_string()), NoteKind::UnsafeMediaName);
            continue;
        };
        match read_member(zip, &member, total)? {
            Some(bytes) if modern => match unzstd(&member, &bytes, total) {
                Ok(bytes) => media.push(MediaFile { name: safe, bytes }),
                Err(e) => b.skip(
                    Item::Media(name.to_string()),
                    NoteKind::MediaNotCopied {
                        error: e.to_string(),
                    },
                ),
            },
            Some(bytes) => media.push(MediaFile { name: safe, bytes }),
            None => b.skip(Item::Media(name.to_string()), NoteKind::MediaMissing),
        }
    }
    Ok(media)
}

/// Name every numbered member as a media file not copied.
fn skip_unlisted(zip: &Zip, b: &mut Builder, error: Option<String>) {
    let mut members: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .filter(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
        .collect();
    members.sort_by_key(|n| n.parse::<u64>().unwrap_or(u64::MAX));
    for m in members {
        b.skip(
            Item::MediaMember(m.to_string()),
            NoteKind::MediaListUnreadable {
                error: error.clone(),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloze_history_maps_shared_numbers_to_their_card() {
        let nt = NoteType {
            name: "Cloze".into(),
            cloze: true,
            fields: vec!["Text".into()],
            templates: Vec::new(),
        };
        // c2 first, c1 shared: cards keep Anki's numbers.
        let shared = CardMap {
            reverse: None,
            cloze: Some(cloze_numbers("{{c2::a}} {{c1::b}} {{c1::c}}")),
        };
        assert_eq!(shared.variant(0, &nt), Ok(Some("c1".into())));
        assert_eq!(shared.variant(1, &nt), Ok(Some("c2".into())));
        assert!(shared.variant(2, &nt).is_err());
        // Distinct numbers: cards in text order, as before.
        let distinct = CardMap {
            reverse: None,
            cloze: Some(cloze_numbers("{{c2::a}} {{c1::b}}")),
        };
        assert_eq!(distinct.variant(1, &nt), Ok(Some("c1".into())));
        assert_eq!(distinct.variant(0, &nt), Ok(Some("c2".into())));
    }

    fn basic(fields: &[&str], templates: &[(&str, &str)]) -> NoteType {
        NoteType {
            name: "Custom".into(),
            cloze: false,
            fields: fields.iter().map(|f| (*f).to_owned()).collect(),
            templates: templates
                .iter()
                .enumerate()
                .map(|(i, (q, a))| (format!("Card {}", i + 1), (*q).to_owned(), (*a).to_owned()))
                .collect(),
        }
    }

    fn note(fields: &[&str]) -> Note {
        Note {
            id: 0,
            guid: String::new(),
            model: None,
            fields: fields.iter().map(|f| (*f).to_owned()).collect(),
            tags: Vec::new(),
            decks: Vec::new(),
        }
    }

    #[test]
    fn a_field_on_no_card_is_named() {
        let nt = basic(
            &["Front", "Back", "Extra"],
            &[("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}")],
        );
        let m = map_note(&nt, &note(&["Q", "A", "more"])).unwrap();
        assert_eq!(
            m.notes,
            [NoteKind::FieldNotImported {
                name: "Extra".to_owned()
            }]
        );
        assert_eq!(
            m.notes[0].to_string(),
            "field \"Extra\" is on no card, not imported"
        );
        let m = map_note(&nt, &note(&["Q", "A", ""])).unwrap();
        assert!(m.notes.is_empty());
    }

    #[test]
    fn the_optional_reverse_card_follows_its_field() {
        let nt = basic(
            &["Front", "Back", "Add Reverse"],
            &[
                ("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"),
                (
                    "{{#Add Reverse}}{{Back}}{{/Add Reverse}}",
                    "{{FrontSide}}<hr id=answer>{{Front}}",
                ),
            ],
        );
        let reversible = |fields: &[&str]| match map_note(&nt, &note(fields)).unwrap().draft {
            Draft::Flashcard { reversible, .. } => reversible,
            _ => panic!(),
        };
        assert!(!reversible(&["Q", "A", ""]));
        assert!(reversible(&["Q", "A", "y"]));
    }
}
