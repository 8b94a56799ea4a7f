//! Adding a media file to a set (the editor's "Add image or sound…"), and
//! finding and deleting the files a saved set no longer uses.

use std::fs;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::{MAX_MEDIA_BYTES, MediaError, MediaFile, MediaName, MediaType};

/// A file copied into a set's media folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedMedia {
    /// Its name in the folder: the first 16 hex digits of the SHA-256 of
    /// its bytes and its extension in lower case (`3f2a…9c01.png`).
    pub name: MediaName,
    /// The Markdown to insert: `![alt](name)`.
    pub markdown: String,
    /// False when the folder already held the same bytes under that name.
    pub new_file: bool,
}

/// Copy `source` into `folder` (created if missing) under a content-hashed
/// name and return the Markdown that shows it with `alt` as its alt text.
///
/// Refused, with nothing written: an empty alt text, one with `[`, `]` or a
/// line break (it would end the Markdown early), a file type that is not
/// supported (by its extension), something that is not a regular file, and
/// a file over [`MAX_MEDIA_BYTES`]. The same bytes added twice give the
/// same name, stored once.
pub fn add_file(folder: &Path, source: &Path, alt: &str) -> Result<AddedMedia, MediaError> {
    let shown = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.display().to_string());
    let alt = check_alt(alt, &shown)?;
    let ext = source
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if MediaType::from_extension(&ext).is_none() {
        return Err(MediaError::Unsupported { name: shown });
    }
    let io = |e: std::io::Error| MediaError::Io {
        name: source.display().to_string(),
        message: e.to_string(),
    };
    let meta = fs::metadata(source).map_err(io)?;
    if !meta.is_file() {
        return Err(MediaError::NotAFile { name: shown });
    }
    let too_large = |size| MediaError::TooLarge {
        name: shown.clone(),
        size,
        limit: MAX_MEDIA_BYTES,
    };
    if meta.len() > MAX_MEDIA_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    fs::File::open(source)
        .map_err(io)?
        .take(MAX_MEDIA_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_MEDIA_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    store(folder, &bytes, &ext, alt)
}

/// Store `bytes` (a pasted image: no file behind it) in `folder` as
/// [`add_file`] stores a file, with `ext` its type's extension (`png`) and
/// `shown` what error messages call it (`the pasted image`). The same
/// checks: alt text, a supported type, at most [`MAX_MEDIA_BYTES`].
pub fn add_bytes(
    folder: &Path,
    bytes: &[u8],
    ext: &str,
    shown: &str,
    alt: &str,
) -> Result<AddedMedia, MediaError> {
    let alt = check_alt(alt, shown)?;
    let ext = ext.to_ascii_lowercase();
    if MediaType::from_extension(&ext).is_none() {
        return Err(MediaError::Unsupported {
            name: shown.to_owned(),
        });
    }
    if bytes.len() as u64 > MAX_MEDIA_BYTES {
        return Err(MediaError::TooLarge {
            name: shown.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_MEDIA_BYTES,
        });
    }
    store(folder, bytes, &ext, alt)
}

/// The alt text, trimmed, or why it cannot be one.
fn check_alt<'a>(alt: &'a str, shown: &str) -> Result<&'a str, MediaError> {
    let alt = alt.trim();
    if alt.is_empty() {
        return Err(MediaError::MissingAlt {
            name: shown.to_owned(),
        });
    }
    if alt.contains(['[', ']']) || alt.chars().any(char::is_control) {
        return Err(MediaError::BadAlt {
            alt: alt.to_owned(),
        });
    }
    Ok(alt)
}

/// Write checked `bytes` into `folder` under their content-hashed name.
fn store(folder: &Path, bytes: &[u8], ext: &str, alt: &str) -> Result<AddedMedia, MediaError> {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let name = MediaName::parse(&format!("{hex}.{ext}"))?;
    let write = |message: String| MediaError::Write {
        name: folder.join(name.as_str()).display().to_string(),
        message,
    };
    fs::create_dir_all(folder).map_err(|e| write(e.to_string()))?;
    let new_file = match MediaFile::open(folder, &name) {
        // Same name, same first 64 bits of the hash: the same file unless
        // someone put other bytes there by hand, which is checked.
        Ok(existing) if existing.read()? == bytes => false,
        Ok(_) => {
            return Err(write(
                "a different file already has this name in the media folder".to_owned(),
            ));
        }
        Err(MediaError::Missing { .. }) => {
            crate::file::write_atomic(&folder.join(name.as_str()), bytes)
                .map_err(|e| write(e.to_string()))?;
            true
        }
        Err(e) => return Err(e),
    };
    Ok(AddedMedia {
        markdown: format!("![{alt}]({name})"),
        name,
        new_file,
    })
}

/// Delete `name` from `folder`: only a regular file strictly inside it
/// (resolved as [`MediaFile::open`] does, so never through a symlink out).
pub fn delete_file(folder: &Path, name: &MediaName) -> Result<(), MediaError> {
    let file = MediaFile::open(folder, name)?;
    fs::remove_file(&file.path).map_err(|e| MediaError::Write {
        name: file.path.display().to_string(),
        message: e.to_string(),
    })
}
