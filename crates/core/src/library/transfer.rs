//! Moving sets in and out: import from a file, export to one, and saving
//! a set edited in the app. `kioku import`/`export` and the app's import
//! panel call these same functions.

use std::path::{Path, PathBuf};

use super::{ExportFailure, Library, LibraryError};
use crate::bank::formats::{self, Exported, Format, ImportError, ImportMeta, Imported};
use crate::bank::{self, QuestionId, QuestionSet, SetId};
use crate::media;
use crate::review::{Event, EventId, Mode, ReviewEvent};
use crate::store::{Saved, StoreError};

/// What [`Library::export_file_with_media`] wrote.
#[derive(Debug)]
pub struct ExportedFile {
    /// The format written: the one asked for, or the one the file's
    /// extension names.
    pub format: Format,
    pub exported: Exported,
    /// The folder the set's media files were copied into beside a JSON or
    /// text file, and how many.
    pub media: Option<(PathBuf, usize)>,
}

impl ExportedFile {
    fn new(format: Format, exported: Exported, media: Option<(PathBuf, usize)>) -> Self {
        Self {
            format,
            exported,
            media,
        }
    }
}

impl Library {
    /// Read `file` in `format` (guessed from the extension when `None`)
    /// and add it as a new set, as `kioku import` does, with an Anki
    /// package's review history. Returns what was created and what was
    /// skipped.
    pub fn import_file(
        &mut self,
        file: &Path,
        format: Option<Format>,
        set_id: Option<SetId>,
        replace: bool,
    ) -> Result<Imported, LibraryError> {
        self.import_file_with_history(file, format, set_id, replace)
            .map(|(imported, _)| imported)
    }

    /// [`Library::import_file`], also saying what review history it
    /// wrote (for an Anki package with reviews).
    pub fn import_file_with_history(
        &mut self,
        file: &Path,
        format: Option<Format>,
        set_id: Option<SetId>,
        replace: bool,
    ) -> Result<(Imported, Option<HistoryWritten>), LibraryError> {
        let imported = read_import(file, format, set_id)?;
        // An Anki package's review history comes along (see
        // [`Library::import_history`]); refuse before saving anything when
        // an earlier import's history is in the way.
        let log = self.history_log_path(&imported.set.id);
        if imported.history.is_some() && !replace && log.exists() {
            return Err(StoreError::Exists { path: log }.into());
        }
        self.import_set(&imported, replace)?;
        let written = match &imported.history {
            Some(history) => Some(self.import_history(&imported.set.id, history, replace)?),
            None => None,
        };
        Ok((imported, written))
    }

    /// Write set `id` to a new file in `format`, as `kioku export -o` does;
    /// never overwrites a file. See [`Library::export_file_with_media`].
    pub fn export_file(
        &self,
        id: &SetId,
        format: Option<Format>,
        file: &Path,
    ) -> Result<Exported, LibraryError> {
        self.export_file_with_media(id, format, file)
            .map(|w| w.exported)
    }

    /// Write set `id` to a new file in `format`; never overwrites a file.
    /// JSON and text files get the media they use copied into `ID.media/`
    /// beside them (returned with the number of files); a `.kioku` bundle
    /// holds them; other formats name every media reference they drop.
    pub fn export_file_with_media(
        &self,
        id: &SetId,
        format: Option<Format>,
        file: &Path,
    ) -> Result<ExportedFile, LibraryError> {
        let format = format
            .or_else(|| Format::from_path(file))
            .ok_or_else(|| LibraryError::UnknownFormat(file.to_owned()))?;
        let set = self
            .set(id)
            .ok_or_else(|| LibraryError::NoSet(id.clone()))?;
        let files = match self.media_dir(id) {
            Some(folder) if formats::carries_media(format) => set.media_files(&folder),
            _ => Vec::new(),
        };
        let read = |(name, f): (media::MediaName, media::MediaFile)| {
            f.read()
                .map(|bytes| formats::MediaFile {
                    name: name.as_str().to_owned(),
                    bytes,
                })
                .map_err(|e| LibraryError::Export(e.into()))
        };
        if format == Format::Bundle {
            let json =
                formats::export(set, Format::Json).map_err(|e| LibraryError::Export(e.into()))?;
            let mut media = Vec::new();
            let mut notes = Vec::new();
            for (name, f) in files {
                if name.as_str().contains('/') {
                    notes.push(formats::Note::new(
                        formats::Item::Media(name.to_string()),
                        formats::NoteKind::MediaInSubfolder { packed: false },
                    ));
                } else {
                    media.push(read((name, f))?);
                }
            }
            let bytes = formats::bundle::write(&json.text, &media)
                .map_err(|e| LibraryError::Export(e.into()))?;
            crate::store::write_new(file, &bytes)?;
            let out = Exported {
                text: String::new(),
                skipped: Vec::new(),
                notes,
            };
            return Ok(ExportedFile::new(format, out, None));
        }
        if format == Format::Apkg {
            let folder = self.media_dir(id);
            let mut media = Vec::new();
            let mut notes = Vec::new();
            if let Some(folder) = folder {
                for (name, f) in set.media_files(&folder) {
                    if name.as_str().contains('/') {
                        notes.push(formats::Note::new(
                            formats::Item::Media(name.to_string()),
                            formats::NoteKind::MediaInSubfolder { packed: true },
                        ));
                    } else {
                        media.push(read((name, f))?);
                    }
                }
            }
            // A note's `mod` is when the set file last changed, so a new
            // export of a changed set updates the notes in Anki.
            let changed = self
                .store
                .sets_dir()
                .join(format!("{id}.json"))
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(1, |d| i64::try_from(d.as_secs()).unwrap_or(1));
            let (bytes, changes) = formats::apkg_export::write(set, &media, changed)
                .map_err(|e| LibraryError::Export(e.into()))?;
            notes.extend(changes);
            crate::store::write_new(file, &bytes)?;
            let out = Exported {
                text: String::new(),
                skipped: Vec::new(),
                notes,
            };
            return Ok(ExportedFile::new(format, out, None));
        }
        let out = self.export(id, format)?;
        crate::store::write_new(file, out.text.as_bytes())?;
        if files.is_empty() {
            return Ok(ExportedFile::new(format, out, None));
        }
        let dir = media::media_dir(file, id);
        let mut written = 0;
        for (name, f) in files {
            let m = read((name.clone(), f))?;
            let target = dir.join(name.as_str());
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(|source| {
                    LibraryError::Export(ExportFailure::CreateDir {
                        path: parent.to_owned(),
                        source,
                    })
                })?;
            }
            crate::store::write_new(&target, &m.bytes)?;
            written += 1;
        }
        Ok(ExportedFile::new(format, out, Some((dir, written))))
    }

    /// The format an export of set `id` is best offered in: a `.kioku`
    /// bundle when the set uses media files it has (the one file carries
    /// them), JSON otherwise.
    pub fn export_format(&self, id: &SetId) -> Format {
        let uses_media = match (self.set(id), self.media_dir(id)) {
            (Some(set), Some(folder)) => !set.media_files(&folder).is_empty(),
            _ => false,
        };
        if uses_media {
            Format::Bundle
        } else {
            Format::Json
        }
    }

    /// The media folder of a user set (`sets/ID.media/`), if it exists.
    /// Built-in sets have none.
    pub fn media_dir(&self, id: &SetId) -> Option<PathBuf> {
        if self.is_builtin(id) {
            return None;
        }
        let dir = self.store.sets_dir().join(format!("{id}.media"));
        dir.is_dir().then_some(dir)
    }

    /// Where the media of user set `id` go (`sets/ID.media/`), whether or
    /// not the folder exists yet. Built-in sets have none.
    pub fn media_folder(&self, id: &SetId) -> Option<PathBuf> {
        (!self.is_builtin(id)).then(|| self.store.sets_dir().join(format!("{id}.media")))
    }

    /// Copy `source` into the media folder of set `id` (which need not be
    /// saved yet) under a content-hashed name; see
    /// [`crate::media::add_file`].
    pub fn add_media(
        &self,
        id: &SetId,
        source: &Path,
        alt: &str,
    ) -> Result<media::AddedMedia, media::MediaError> {
        let folder = self
            .media_folder(id)
            .ok_or_else(|| media::MediaError::UnknownSet(id.to_string()))?;
        media::add_file(&folder, source, alt)
    }

    /// Store pasted `bytes` of type `ext` in the media folder of set `id`;
    /// see [`crate::media::add_bytes`].
    pub fn add_media_bytes(
        &self,
        id: &SetId,
        bytes: &[u8],
        ext: &str,
        shown: &str,
        alt: &str,
    ) -> Result<media::AddedMedia, media::MediaError> {
        let folder = self
            .media_folder(id)
            .ok_or_else(|| media::MediaError::UnknownSet(id.to_string()))?;
        media::add_bytes(&folder, bytes, ext, shown, alt)
    }

    /// Delete media file `name` of set `id` (only ever asked for by the
    /// person editing; see [`QuestionSet::unused_media`](crate::bank::QuestionSet::unused_media)).
    pub fn delete_media(
        &self,
        id: &SetId,
        name: &media::MediaName,
    ) -> Result<(), media::MediaError> {
        let folder = self
            .media_folder(id)
            .ok_or_else(|| media::MediaError::UnknownSet(id.to_string()))?;
        media::delete_file(&folder, name)
    }

    /// Set `id` in `format`, with what the format could not carry.
    pub fn export(&self, id: &SetId, format: Format) -> Result<Exported, LibraryError> {
        let set = self
            .set(id)
            .ok_or_else(|| LibraryError::NoSet(id.clone()))?;
        formats::export(set, format).map_err(|e| LibraryError::Export(e.into()))
    }

    /// Add an imported set to the data directory (see
    /// [`crate::store::Store::save_set`]). Refuses a built-in id always,
    /// and an existing id unless `replace`.
    pub fn import_set(
        &mut self,
        imported: &Imported,
        replace: bool,
    ) -> Result<Saved, LibraryError> {
        let id = &imported.set.id;
        if self.is_builtin(id) {
            return Err(StoreError::BuiltinSet { id: id.to_string() }.into());
        }
        let path = self.store.sets_dir().join(format!("{id}.json"));
        if self.set(id).is_some() {
            if !replace {
                return Err(StoreError::SetExists {
                    id: id.to_string(),
                    path,
                }
                .into());
            }
            if !path.exists() {
                return Err(StoreError::SetElsewhere {
                    id: id.to_string(),
                    dir: self.store.sets_dir(),
                }
                .into());
            }
        }
        let saved = self
            .store
            .save_set(&imported.set, &imported.media, replace)?;
        match self.sets.iter_mut().find(|s| &s.id == id) {
            Some(s) => *s = imported.set.clone(),
            None => self.sets.push(imported.set.clone()),
        }
        Ok(saved)
    }

    /// Write an Anki package's review history for set `set` as a review
    /// log of its own, `reviews/anki-SET.jsonl` (device `anki-SET`),
    /// beside this device's: the user's own log is never rewritten, and
    /// the logs merge as any two devices' do. Refuses to overwrite an
    /// earlier import's log unless `replace`. Event ids are derived from
    /// the set and Anki's review ids, so importing again gives the same
    /// events. Progress is replayed with the new log.
    pub fn import_history(
        &mut self,
        set: &SetId,
        history: &formats::apkg::History,
        replace: bool,
    ) -> Result<HistoryWritten, LibraryError> {
        let device = format!("anki-{set}");
        let path = self.history_log_path(set);
        if path == self.store.log_path() {
            return Err(StoreError::Exists { path }.into());
        }
        if !replace && std::fs::symlink_metadata(&path).is_ok() {
            return Err(StoreError::Exists { path }.into());
        }
        let header = serde_json::json!({
            crate::store::log::REVIEWS.header_key: crate::store::log::REVIEWS.version,
            "device": device,
        });
        let mut text = format!("{header}\n");
        let mut reviews: Vec<&formats::apkg::HistoryReview> = history.reviews.iter().collect();
        reviews.sort_by_key(|r| (r.at, r.anki_id));
        for r in &reviews {
            let event = Event::Review(ReviewEvent {
                id: history_event_id(set, r.anki_id),
                set: set.clone(),
                question: r.question.clone(),
                card: r.card.clone(),
                rating: r.rating,
                at: r.at,
                day: self.day_of(r.at),
                duration_ms: r.duration_ms,
                mode: if r.rescheduled {
                    Mode::Study
                } else {
                    Mode::Cram
                },
            });
            let line = serde_json::to_string(&event)
                .map_err(|e| LibraryError::Export(ExportFailure::Encode(e.to_string())))?;
            text.push_str(&line);
            text.push('\n');
        }
        crate::store::write_atomic(&path, text.as_bytes())?;
        self.reload_logs()?;
        let cards: std::collections::BTreeSet<(&QuestionId, &Option<String>)> =
            reviews.iter().map(|r| (&r.question, &r.card)).collect();
        Ok(HistoryWritten {
            path,
            reviews: reviews.len(),
            cards: cards.len(),
        })
    }

    /// The review history an earlier import of set `set` wrote, if it is
    /// there: its path, and its reviews (lines after the header) and
    /// cards counted. A new import that brings no history leaves it in
    /// place (progress is never deleted silently); front ends say so.
    pub fn earlier_history(&self, set: &SetId) -> Option<HistoryWritten> {
        let path = self.history_log_path(set);
        let text = std::fs::read_to_string(&path).ok()?;
        let mut reviews = 0;
        let mut cards = std::collections::BTreeSet::new();
        for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            reviews += 1;
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                cards.insert((v["question"].to_string(), v["card"].to_string()));
            }
        }
        Some(HistoryWritten {
            path,
            reviews,
            cards: cards.len(),
        })
    }

    /// Where [`Library::import_history`] writes set `set`'s Anki history.
    pub fn history_log_path(&self, set: &SetId) -> PathBuf {
        self.store
            .root()
            .join("reviews")
            .join(format!("anki-{set}.jsonl"))
    }

    /// Save a user set as `sets/ID.json`, atomically, and show it. The
    /// built-in sets are read-only. Progress is keyed by set and question
    /// ids, so editing text keeps it.
    pub fn save_set(&mut self, mut set: QuestionSet) -> Result<PathBuf, LibraryError> {
        if self.is_builtin(&set.id) {
            return Err(LibraryError::BuiltinReadOnly(set.id));
        }
        set.schema = None;
        let path = self.store.save_set(&set, &[], true)?.set_file;
        match self.sets.iter_mut().find(|s| s.id == set.id) {
            Some(slot) => *slot = set,
            None => self.sets.push(set),
        }
        Ok(path)
    }
}

/// What [`Library::import_history`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryWritten {
    /// The review log written, `reviews/anki-SET.jsonl`.
    pub path: PathBuf,
    /// Reviews in it.
    pub reviews: usize,
    /// The cards they are answers to.
    pub cards: usize,
}

/// A review event id for Anki review `anki_id` imported into `set`: 16
/// hex digits of a 64-bit FNV-1a hash, so importing again gives the same
/// ids (and the union of logs never holds one answer twice).
fn history_event_id(set: &SetId, anki_id: i64) -> EventId {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in format!("anki/{set}/{anki_id}").bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    EventId(format!("{h:016x}"))
}

/// Read `file` in `format` (from its extension when `None`) as a set to
/// import, within the format's size limit, named `set_id` if given (else
/// as the file names it, or after the file). Nothing is saved.
pub fn read_import(
    file: &Path,
    format: Option<Format>,
    set_id: Option<SetId>,
) -> Result<Imported, LibraryError> {
    let format = format
        .or_else(|| Format::from_path(file))
        .ok_or_else(|| LibraryError::UnknownFormat(file.to_owned()))?;
    let limit = match format {
        Format::Apkg => formats::apkg::MAX_TOTAL_BYTES,
        Format::Bundle => formats::bundle::MAX_TOTAL_BYTES,
        _ => bank::MAX_FILE_BYTES,
    };
    let bytes = bank::read_file_limited(file, limit)?;
    match formats::import(&bytes, format, &ImportMeta::for_file(file, set_id.clone())) {
        Ok(mut i) => {
            // JSON and text files bring the media they use from `ID.media/`
            // beside them (checked as `kioku check` does).
            if matches!(format, Format::Json | Format::Md) {
                let folder = media::media_dir(file, &i.set.id);
                for (name, f) in i.set.media_files(&folder) {
                    let bytes = f.read().map_err(|e| LibraryError::Export(e.into()))?;
                    i.media.push(formats::MediaFile {
                        name: name.as_str().to_owned(),
                        bytes,
                    });
                }
            }
            // JSON and text files name their own set; `set_id` renames it.
            if let Some(id) = set_id {
                i.set.id = id;
            }
            Ok(i)
        }
        Err(ImportError::Invalid(problems)) => Err(bank::invalid(file, problems).into()),
        Err(ImportError::Package(e)) => Err(LibraryError::Package {
            path: file.to_owned(),
            error: e.into(),
        }),
        Err(ImportError::Bundle(e)) => Err(LibraryError::Package {
            path: file.to_owned(),
            error: e.into(),
        }),
    }
}
