//! Files written so that a crash leaves the old version or the new one,
//! never a torn one. The store, the library and media all write this way.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A write that failed: the file, what was being done, and the system's
/// error.
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot {op}: {source}", path.display())]
pub struct WriteError {
    pub path: PathBuf,
    pub op: &'static str,
    pub source: std::io::Error,
}

fn failed<'a>(path: &'a Path, op: &'static str) -> impl FnOnce(std::io::Error) -> WriteError + 'a {
    move |source| WriteError {
        path: path.to_owned(),
        op,
        source,
    }
}

/// fsync a directory so a new or renamed entry in it survives a crash.
pub fn sync_dir(dir: &Path) -> Result<(), WriteError> {
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(failed(dir, "sync directory"))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Write `bytes` to `path` atomically: a temporary file in the same
/// directory, fsync, rename, fsync the directory. A crash leaves the old
/// file or the new one, never a torn one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    // A bare file name has the empty path as parent: that is ".".
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)
            .map_err(failed(&tmp, "create"))?;
        f.write_all(bytes).map_err(failed(&tmp, "write"))?;
        f.sync_all().map_err(failed(&tmp, "sync"))?;
        fs::rename(&tmp, path).map_err(failed(path, "replace"))?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
