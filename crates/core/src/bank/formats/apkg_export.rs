//! Writing `.apkg` packages Anki imports: the legacy layout (schema 11,
//! `collection.anki2`, a JSON `media` map), which every Anki version since
//! 2.1 reads (the importer upgrades it; rslib `import_export/package`).
//!
//! - Flashcards become "Basic" or "Basic (and reversed card)" notes,
//!   typed questions "Basic (type in the answer)" (`{{type:Back}}`), cloze
//!   questions "Cloze" notes (deletion n as `{{cn::...}}`).
//! - Multiple choice and true/false become Basic notes listing the choices
//!   (or "True or false?"), the answer on the back; each is named.
//! - Every note type has an `Explanation` field shown on the back.
//! - Markdown is rendered to HTML; tags are kept (spaces become `_`).
//! - The guid is `SET/QUESTION`, as `anki-tsv` writes it, and note type
//!   and deck ids are fixed, so importing a new export of the same set
//!   updates its notes (their `mod` is the export time) instead of adding
//!   copies.
//! - Media files the set uses go in as numbered members.

use super::NoteKind;
use std::io::{Cursor, Write};

use super::anki::to_anki_cloze;
use super::apkg::ApkgError;
use super::{Item, MediaFile, Skipped};
use crate::bank::model::{QuestionBody, QuestionSet};

/// Note type ids: fixed, so every export of every set shares them.
const BASIC: i64 = 1_700_000_000_001;
const REVERSED: i64 = 1_700_000_000_002;
const TYPED: i64 = 1_700_000_000_003;
const CLOZE: i64 = 1_700_000_000_004;

const CSS: &str = ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n.cloze { font-weight: bold; color: blue; }";

const BACK_EXTRA: &str = "{{#Explanation}}<hr>{{Explanation}}{{/Explanation}}";

/// A stable positive id below 2^53 (JSON numbers stay exact) from `text`.
fn stable_id(text: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    i64::try_from(h % (1 << 52)).unwrap_or(1) + (1 << 40)
}

fn note_type(
    id: i64,
    name: &str,
    cloze: bool,
    fields: &[&str],
    templates: &[(&str, String, String)],
    now: i64,
) -> serde_json::Value {
    serde_json::json!({
        "id": id,
        "name": name,
        "type": if cloze { 1 } else { 0 },
        "mod": now,
        "usn": -1,
        "sortf": 0,
        "did": null,
        "tmpls": templates.iter().enumerate().map(|(ord, (n, q, a))| serde_json::json!({
            "name": n, "ord": ord, "qfmt": q, "afmt": a, "bqfmt": "", "bafmt": "",
            "did": null, "bfont": "", "bsize": 0
        })).collect::<Vec<_>>(),
        "flds": fields.iter().enumerate().map(|(ord, f)| serde_json::json!({
            "name": f, "ord": ord, "sticky": false, "rtl": false, "font": "Arial",
            "size": 20, "media": []
        })).collect::<Vec<_>>(),
        "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": false,
        "req": [[0, "any", [0]]],
        "tags": [],
        "vers": []
    })
}

fn models(now: i64) -> serde_json::Value {
    let back = |field: &str| format!("{{{{FrontSide}}}}<hr id=answer>{{{{{field}}}}}{BACK_EXTRA}");
    let mut m = serde_json::Map::new();
    m.insert(
        BASIC.to_string(),
        note_type(
            BASIC,
            "Basic",
            false,
            &["Front", "Back", "Explanation"],
            &[("Card 1", "{{Front}}".into(), back("Back"))],
            now,
        ),
    );
    m.insert(
        REVERSED.to_string(),
        note_type(
            REVERSED,
            "Basic (and reversed card)",
            false,
            &["Front", "Back", "Explanation"],
            &[
                ("Card 1", "{{Front}}".into(), back("Back")),
                ("Card 2", "{{Back}}".into(), back("Front")),
            ],
            now,
        ),
    );
    m.insert(
        TYPED.to_string(),
        note_type(
            TYPED,
            "Basic (type in the answer)",
            false,
            &["Front", "Back", "Explanation"],
            &[(
                "Card 1",
                "{{Front}}\n\n{{type:Back}}".into(),
                format!("{{{{Front}}}}<hr id=answer>{{{{type:Back}}}}{BACK_EXTRA}"),
            )],
            now,
        ),
    );
    m.insert(
        CLOZE.to_string(),
        note_type(
            CLOZE,
            "Cloze",
            true,
            &["Text", "Explanation"],
            &[(
                "Cloze",
                "{{cloze:Text}}".into(),
                format!("{{{{cloze:Text}}}}{BACK_EXTRA}"),
            )],
            now,
        ),
    );
    serde_json::Value::Object(m)
}

fn deck(id: i64, name: &str, now: i64) -> serde_json::Value {
    serde_json::json!({
        "id": id, "name": name, "desc": "", "mod": now, "usn": -1, "collapsed": false,
        "browserCollapsed": false, "newToday": [0, 0], "revToday": [0, 0],
        "lrnToday": [0, 0], "timeToday": [0, 0], "dyn": 0, "conf": 1,
        "extendNew": 0, "extendRev": 0
    })
}

const SCHEMA: &str = "
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
  time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
";

const MARK: char = '\u{E002}';

/// Markdown as Anki field HTML, with media references `![alt](name)` as
/// Anki writes them: `<img src="name">`, or `[sound:name]` for audio.
fn markdown_html(markdown: &str) -> String {
    let mut source = String::new();
    let mut media: Vec<String> = Vec::new();
    let mut rest = markdown;
    while let Some(i) = rest.find("![") {
        let after = &rest[i + 2..];
        let parsed = after.find("](").and_then(|j| {
            let dest_start = j + 2;
            after[dest_start..].find(')').map(|k| {
                (
                    &after[..j],
                    &after[dest_start..dest_start + k],
                    dest_start + k + 1,
                )
            })
        });
        match parsed {
            Some((alt, dest, end))
                if !dest.contains(['/', ' ', '<', '>', '"']) && !dest.is_empty() =>
            {
                source.push_str(&rest[..i]);
                let lower = dest.to_ascii_lowercase();
                let audio = [".mp3", ".ogg", ".wav", ".m4a", ".opus", ".flac"]
                    .iter()
                    .any(|e| lower.ends_with(e));
                let esc = crate::bank::formats::html::escape;
                media.push(if audio {
                    format!("[sound:{dest}]")
                } else {
                    format!("<img src=\"{}\" alt=\"{}\">", esc(dest), esc(alt))
                });
                source.push_str(&format!("{MARK}{}{MARK}", media.len() - 1));
                rest = &after[end..];
            }
            _ => {
                source.push_str(&rest[..i + 2]);
                rest = after;
            }
        }
    }
    source.push_str(rest);
    let mut out = super::anki::markdown_html(&source);
    for (n, m) in media.iter().enumerate() {
        out = out.replace(&format!("{MARK}{n}{MARK}"), m);
    }
    out
}

/// One note to write.
struct NoteOut {
    guid: String,
    model: i64,
    fields: Vec<String>,
    tags: Vec<String>,
    cards: usize,
}

/// Write `set` (with the `media` it uses) as an `.apkg` at time `now`
/// (seconds since 1970). Returns the package and what was changed.
pub fn write(
    set: &QuestionSet,
    media: &[MediaFile],
    now: i64,
) -> Result<(Vec<u8>, Vec<Skipped>), ApkgError> {
    let mut notes_out = Vec::new();
    let mut changed = Vec::new();
    let mut note = |id: &str, reason: NoteKind| {
        changed.push(Skipped::new(Item::Question(id.to_owned()), reason))
    };
    for q in &set.questions {
        let id = q.id.as_str();
        let explanation = markdown_html(q.explanation.as_deref().unwrap_or(""));
        let (model, fields, cards) = match &q.body {
            QuestionBody::Flashcard {
                prompt,
                answer,
                reversible,
            } => (
                if *reversible { REVERSED } else { BASIC },
                vec![markdown_html(prompt), markdown_html(answer), explanation],
                if *reversible { 2 } else { 1 },
            ),
            QuestionBody::Typed { prompt, answers } => {
                if answers.len() > 1 {
                    note(id, NoteKind::ApkgTypedFirstOnly);
                }
                let mut explanation = explanation;
                if answers.len() > 1 {
                    let others = crate::bank::formats::html::escape(&answers[1..].join(", "));
                    explanation = format!("Also accepted: {others}<br>{explanation}");
                }
                (
                    TYPED,
                    vec![
                        markdown_html(prompt),
                        crate::bank::formats::html::escape(&answers[0]),
                        explanation,
                    ],
                    1,
                )
            }
            QuestionBody::MultipleChoice {
                prompt,
                choices,
                correct,
                ..
            } => {
                note(id, NoteKind::ApkgChoiceAsBasic);
                let listed: Vec<String> = choices.iter().map(|c| format!("- {c}")).collect();
                let right: Vec<String> = correct
                    .iter()
                    .filter_map(|&i| choices.get(i).cloned())
                    .collect();
                (
                    BASIC,
                    vec![
                        markdown_html(&format!("{prompt}\n\n{}", listed.join("\n"))),
                        markdown_html(&right.join("\n\n")),
                        format!(
                            "{explanation}{}(kioku: a multiple-choice question, written as a Basic note)",
                            if explanation.is_empty() { "" } else { "<br>" }
                        ),
                    ],
                    1,
                )
            }
            QuestionBody::TrueFalse { prompt, answer } => {
                note(id, NoteKind::ApkgTrueFalseAsBasic);
                (
                    BASIC,
                    vec![
                        markdown_html(&format!("{prompt}\n\nTrue or false?")),
                        if *answer { "True" } else { "False" }.to_owned(),
                        format!(
                            "{explanation}{}(kioku: a true/false question, written as a Basic note)",
                            if explanation.is_empty() { "" } else { "<br>" }
                        ),
                    ],
                    1,
                )
            }
            QuestionBody::Cloze { text } => {
                let alternatives =
                    (1..=text.deletion_count()).any(|n| text.deletion_answers(n).len() > 1);
                if alternatives {
                    note(id, NoteKind::ApkgClozeAlternatives);
                }
                (
                    CLOZE,
                    vec![to_anki_cloze(text), explanation],
                    text.card_numbers().len(),
                )
            }
        };
        let tags = q
            .tags
            .iter()
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join("_"))
            .collect();
        notes_out.push(NoteOut {
            guid: format!("{}/{}", set.id, q.id),
            model,
            fields,
            tags,
            cards,
        });
    }
    let db = collection(set, &notes_out, now)?;
    let mut map = serde_json::Map::new();
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let zip_err = |e: zip::result::ZipError| ApkgError::Member {
        name: "package".into(),
        reason: e.to_string(),
    };
    let io_err = |e: std::io::Error| ApkgError::Member {
        name: "package".into(),
        reason: e.to_string(),
    };
    zip.start_file("collection.anki2", opts).map_err(zip_err)?;
    zip.write_all(&db).map_err(io_err)?;
    for (i, m) in media.iter().enumerate() {
        map.insert(i.to_string(), serde_json::Value::from(m.name.clone()));
        zip.start_file(i.to_string(), opts).map_err(zip_err)?;
        zip.write_all(&m.bytes).map_err(io_err)?;
    }
    zip.start_file("media", opts).map_err(zip_err)?;
    zip.write_all(serde_json::Value::Object(map).to_string().as_bytes())
        .map_err(io_err)?;
    let bytes = zip.finish().map_err(zip_err)?.into_inner();
    changed.extend(super::unwritten_metadata(
        set,
        super::Format::Apkg,
        &["title"],
    ));
    changed.push(Skipped::new(Item::Set, NoteKind::ApkgNoHistory));
    Ok((bytes, changed))
}

fn collection(set: &QuestionSet, notes: &[NoteOut], now: i64) -> Result<Vec<u8>, ApkgError> {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path =
        std::env::temp_dir().join(format!("kioku-apkg-out-{}-{n}.sqlite", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let result = fill(&path, set, notes, now).and_then(|()| {
        std::fs::read(&path).map_err(|source| ApkgError::Temp {
            path: path.clone(),
            source,
        })
    });
    let _ = std::fs::remove_file(&path);
    result
}

fn fill(
    path: &std::path::Path,
    set: &QuestionSet,
    notes: &[NoteOut],
    now: i64,
) -> Result<(), ApkgError> {
    let db_err = |e: rusqlite::Error| ApkgError::Database(e.to_string());
    let conn = rusqlite::Connection::open(path).map_err(db_err)?;
    conn.execute_batch(SCHEMA).map_err(db_err)?;
    let deck_id = stable_id(&format!("kioku deck {}", set.id));
    let mut decks = serde_json::Map::new();
    decks.insert("1".into(), deck(1, "Default", now));
    decks.insert(deck_id.to_string(), deck(deck_id, &set.title, now));
    let conf = serde_json::json!({
        "nextPos": notes.len() + 1, "estTimes": true, "activeDecks": [1], "sortType": "noteFld",
        "timeLim": 0, "sortBackwards": false, "addToCur": true, "curDeck": 1, "newBury": true,
        "newSpread": 0, "dueCounts": true, "curModel": BASIC.to_string(), "collapseTime": 1200
    });
    conn.execute(
        "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, '{}', '{}')",
        rusqlite::params![
            now - now % 86_400,
            now * 1000,
            conf.to_string(),
            models(now).to_string(),
            serde_json::Value::Object(decks).to_string(),
        ],
    )
    .map_err(db_err)?;
    let base = stable_id(&format!("kioku notes {}", set.id));
    let mut card_id = base;
    for (i, n) in notes.iter().enumerate() {
        let nid = base + i as i64;
        let first = crate::bank::formats::html::to_text(&n.fields[0]);
        let tags = if n.tags.is_empty() {
            String::new()
        } else {
            format!(" {} ", n.tags.join(" "))
        };
        conn.execute(
            "INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, 0, 0, '')",
            rusqlite::params![
                nid,
                n.guid,
                n.model,
                now,
                tags,
                n.fields.join("\u{1f}"),
                first
            ],
        )
        .map_err(db_err)?;
        for ord in 0..n.cards {
            card_id += 1;
            conn.execute(
                "INSERT INTO cards VALUES (?1, ?2, ?3, ?4, ?5, -1, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                rusqlite::params![card_id, nid, deck_id, ord as i64, now, i as i64 + 1],
            )
            .map_err(db_err)?;
        }
    }
    conn.close().map_err(|(_, e)| db_err(e))
}
