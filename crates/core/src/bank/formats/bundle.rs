//! `.kioku` bundles: a zip holding the set as `set.json` and its media as
//! `media/NAME`, so a set with images and audio travels as one file.
//!
//! Reading is bounded like `.apkg` import: sizes from the zip directory
//! and again while reading, per member (the set file limit for
//! `set.json`, the media limit for each media file), in total, in member
//! count and in compression ratio. Every member name is checked before
//! anything is read: a name that could escape a folder (`..`, absolute,
//! backslash, drive) refuses the whole bundle, as does any member other
//! than `set.json` and `media/NAME` with a plain, supported media name.

use std::io::{Cursor, Read, Write};

use super::MediaFile;
use crate::bank::MAX_FILE_BYTES;
use crate::media::{MAX_MEDIA_BYTES, MediaName};

/// Largest bundle, and largest total uncompressed size, in bytes.
pub const MAX_TOTAL_BYTES: u64 = 500 * 1024 * 1024;
/// Most members a bundle may have.
pub const MAX_MEMBERS: usize = 10_000;
/// Largest uncompressed/compressed ratio accepted for members over 1 MiB.
pub const MAX_RATIO: u64 = 200;
/// The set's member.
pub const SET_MEMBER: &str = "set.json";
/// The folder media members sit in.
pub const MEDIA_PREFIX: &str = "media/";

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("not a readable .kioku bundle (zip): {0}")]
    NotZip(String),
    #[error("bundle member \"{0}\" has a name that could escape a folder; the bundle is refused")]
    UnsafeName(String),
    #[error(
        "bundle member \"{0}\" is not set.json or media/NAME with a supported media type; the bundle is refused"
    )]
    UnexpectedMember(String),
    #[error("bundle has {count} members; bundles are limited to {limit}")]
    TooManyMembers { count: usize, limit: usize },
    #[error("bundle member \"{name}\" is {size} bytes; it is limited to {limit} bytes")]
    MemberTooLarge { name: String, size: u64, limit: u64 },
    #[error("bundle unpacks to more than {limit} bytes")]
    TotalTooLarge { limit: u64 },
    #[error("bundle member \"{name}\" is compressed {ratio}:1, more than {limit}:1 (a zip bomb?)")]
    Ratio {
        name: String,
        ratio: u64,
        limit: u64,
    },
    #[error("no set.json in the bundle")]
    NoSet,
    #[error("cannot read bundle member \"{name}\": {reason}")]
    Member { name: String, reason: String },
    #[error("cannot write the bundle: {0}")]
    Write(String),
}

/// What a member name is, or why it is refused.
fn classify(name: &str) -> Result<Option<MediaName>, BundleError> {
    let unsafe_name = || BundleError::UnsafeName(name.to_owned());
    if name.starts_with(['/', '\\'])
        || name.contains('\\')
        || name.contains(':')
        || name.split('/').any(|p| p == ".." || p == ".")
        || name.chars().any(char::is_control)
    {
        return Err(unsafe_name());
    }
    if name == SET_MEMBER || name == MEDIA_PREFIX {
        return Ok(None);
    }
    let unexpected = || BundleError::UnexpectedMember(name.to_owned());
    let file = name.strip_prefix(MEDIA_PREFIX).ok_or_else(unexpected)?;
    if file.contains('/') || file.starts_with('.') || file.len() > 255 {
        return Err(unexpected());
    }
    MediaName::parse(file).map(Some).map_err(|_| unexpected())
}

/// Read a bundle: the set file's text (not yet parsed) and its media.
pub fn read(bytes: &[u8]) -> Result<(String, Vec<MediaFile>), BundleError> {
    if bytes.len() as u64 > MAX_TOTAL_BYTES {
        return Err(BundleError::TotalTooLarge {
            limit: MAX_TOTAL_BYTES,
        });
    }
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| BundleError::NotZip(e.to_string()))?;
    if zip.len() > MAX_MEMBERS {
        return Err(BundleError::TooManyMembers {
            count: zip.len(),
            limit: MAX_MEMBERS,
        });
    }
    // Every name first: one bad name refuses the bundle before any read.
    let mut kinds = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let name = zip
            .name_for_index(i)
            .ok_or_else(|| BundleError::NotZip(format!("member {i} has no name")))?
            .map_err(|e| BundleError::NotZip(e.to_string()))?
            .into_owned();
        let kind = classify(&name)?;
        kinds.push((name, kind));
    }
    let mut total = 0u64;
    let mut set = None;
    let mut media = Vec::new();
    for (i, (name, kind)) in kinds.into_iter().enumerate() {
        if name == MEDIA_PREFIX {
            continue;
        }
        let limit = if kind.is_some() {
            MAX_MEDIA_BYTES
        } else {
            MAX_FILE_BYTES
        };
        let member_err = |reason: String| BundleError::Member {
            name: name.clone(),
            reason,
        };
        let mut file = zip.by_index(i).map_err(|e| member_err(e.to_string()))?;
        let too_large = |size| BundleError::MemberTooLarge {
            name: name.clone(),
            size,
            limit,
        };
        if file.size() > limit {
            return Err(too_large(file.size()));
        }
        let compressed = file.compressed_size().max(1);
        if file.size() > 1024 * 1024 && file.size() / compressed > MAX_RATIO {
            return Err(BundleError::Ratio {
                name: name.clone(),
                ratio: file.size() / compressed,
                limit: MAX_RATIO,
            });
        }
        // The directory may lie: cap while reading as well.
        let mut data = Vec::new();
        (&mut file)
            .take(limit + 1)
            .read_to_end(&mut data)
            .map_err(|e| member_err(e.to_string()))?;
        if data.len() as u64 > limit {
            return Err(too_large(data.len() as u64));
        }
        total += data.len() as u64;
        if total > MAX_TOTAL_BYTES {
            return Err(BundleError::TotalTooLarge {
                limit: MAX_TOTAL_BYTES,
            });
        }
        match kind {
            Some(media_name) => media.push(MediaFile {
                name: media_name.as_str().to_owned(),
                bytes: data,
            }),
            None => {
                let text = String::from_utf8(data)
                    .map_err(|_| member_err("not valid UTF-8".to_owned()))?;
                set = Some(text);
            }
        }
    }
    Ok((set.ok_or(BundleError::NoSet)?, media))
}

/// Write a bundle of `set_json` and `media` (plain names).
pub fn write(set_json: &str, media: &[MediaFile]) -> Result<Vec<u8>, BundleError> {
    let err = |e: &dyn std::fmt::Display| BundleError::Write(e.to_string());
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    w.start_file(SET_MEMBER, opts).map_err(|e| err(&e))?;
    w.write_all(set_json.as_bytes()).map_err(|e| err(&e))?;
    for m in media {
        let name = format!("{MEDIA_PREFIX}{}", m.name);
        classify(&name)?;
        w.start_file(name, opts).map_err(|e| err(&e))?;
        w.write_all(&m.bytes).map_err(|e| err(&e))?;
    }
    Ok(w.finish().map_err(|e| err(&e))?.into_inner())
}
