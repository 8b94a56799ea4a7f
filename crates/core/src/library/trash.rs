//! Deleting a user set without losing it: the set file and its media
//! folder are moved into `deleted/` inside the data directory, and can be
//! moved back. Progress lives in the review logs, keyed by set and
//! question ids, so it is kept either way.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::{Library, LibraryError};
use crate::bank::{QuestionSet, SetId};
use crate::store::{StoreError, io_err, sync_dir};

/// The folder of the data directory that deleted sets are moved into.
pub const DELETED_DIR: &str = "deleted";

/// A set moved to the backup folder by [`Library::delete_set`]: what
/// [`Library::restore_set`] needs to put it back.
#[derive(Debug, Clone, PartialEq)]
pub struct DeletedSet {
    pub id: SetId,
    pub title: String,
    /// The backup folder (`deleted/ID-TIME/`) holding the set file and
    /// its media folder.
    pub backup: PathBuf,
    /// Where the set file was, and goes back to.
    pub set_file: PathBuf,
    /// Where its media folder was, if it had one.
    pub media_dir: Option<PathBuf>,
    /// The set as it was loaded.
    set: QuestionSet,
}

fn rename(from: &Path, to: &Path) -> Result<(), StoreError> {
    fs::rename(from, to).map_err(io_err(from, "move"))
}

impl Library {
    /// Move user set `id` (its `sets/ID.json` and `sets/ID.media/`) into a
    /// new folder `deleted/ID-TIME/` (`-2`, `-3`… if that name is taken)
    /// and stop showing it. Nothing is removed; the review log is not
    /// touched. Built-in sets cannot be deleted.
    pub fn delete_set(&mut self, id: &SetId, at: Timestamp) -> Result<DeletedSet, LibraryError> {
        if self.is_builtin(id) {
            return Err(LibraryError::BuiltinReadOnly(id.clone()));
        }
        let Some(index) = self.sets.iter().position(|s| &s.id == id) else {
            return Err(LibraryError::NoSet(id.clone()));
        };
        let sets_dir = self.store.sets_dir();
        let set_file = sets_dir.join(format!("{id}.json"));
        if !set_file.is_file() {
            return Err(StoreError::SetElsewhere {
                id: id.to_string(),
                dir: sets_dir,
            }
            .into());
        }
        let media = sets_dir.join(format!("{id}.media"));
        let media_dir = media.is_dir().then_some(media);
        let parent = self.store.root().join(DELETED_DIR);
        fs::create_dir_all(&parent).map_err(io_err(&parent, "create"))?;
        let stem = format!("{id}-{}", at.strftime("%Y%m%dT%H%M%SZ"));
        let mut n = 1;
        let backup = loop {
            let name = if n == 1 {
                stem.clone()
            } else {
                format!("{stem}-{n}")
            };
            let dir = parent.join(name);
            match fs::create_dir(&dir) {
                Ok(()) => break dir,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => n += 1,
                Err(e) => return Err(io_err(&dir, "create")(e).into()),
            }
        };
        rename(&set_file, &backup.join(format!("{id}.json")))?;
        if let Some(m) = &media_dir
            && let Err(e) = rename(m, &backup.join(format!("{id}.media")))
        {
            // Put the set file back: the set stays as it was.
            let _ = rename(&backup.join(format!("{id}.json")), &set_file);
            let _ = fs::remove_dir(&backup);
            return Err(e.into());
        }
        sync_dir(&backup)?;
        sync_dir(&sets_dir)?;
        let set = self.sets.remove(index);
        Ok(DeletedSet {
            id: id.clone(),
            title: set.title.clone(),
            backup,
            set_file,
            media_dir,
            set,
        })
    }

    /// Move a set deleted by [`Library::delete_set`] back where it was and
    /// show it again. Refuses (leaving the backup as it is) when a set
    /// with its id, or a file where it goes, exists now.
    pub fn restore_set(&mut self, deleted: &DeletedSet) -> Result<(), LibraryError> {
        let id = &deleted.id;
        let exists = |path: &Path| StoreError::SetExists {
            id: id.to_string(),
            path: path.to_owned(),
        };
        if self.set(id).is_some() || fs::symlink_metadata(&deleted.set_file).is_ok() {
            return Err(exists(&deleted.set_file).into());
        }
        if let Some(m) = &deleted.media_dir
            && fs::symlink_metadata(m).is_ok()
        {
            return Err(exists(m).into());
        }
        let kept_file = deleted.backup.join(format!("{id}.json"));
        if let Some(m) = &deleted.media_dir {
            rename(&deleted.backup.join(format!("{id}.media")), m)?;
        }
        if let Err(e) = rename(&kept_file, &deleted.set_file) {
            if let Some(m) = &deleted.media_dir {
                let _ = rename(m, &deleted.backup.join(format!("{id}.media")));
            }
            return Err(e.into());
        }
        if let Some(dir) = deleted.set_file.parent() {
            sync_dir(dir)?;
        }
        // The backup folder is empty now; if it cannot be removed it is
        // only an empty folder.
        let _ = fs::remove_dir(&deleted.backup);
        self.sets.push(deleted.set.clone());
        Ok(())
    }
}
