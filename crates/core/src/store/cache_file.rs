//! The frame of every file in `cache/` (the progress snapshot and the
//! parsed-set cache): a file that is cut short, changed or written by
//! another format version is recognised before its body is decoded.
//!
//! ```text
//! MAGIC (8 bytes) | format version (u32 LE) | body length (u64 LE)
//!                 | CRC-32 of the body (u32 LE) | body
//! ```

use super::CacheFault;

/// Bytes before the body.
pub(crate) const HEADER_LEN: usize = 8 + 4 + 8 + 4;

/// `body` in its frame.
pub(crate) fn frame(magic: &[u8; 8], version: u32, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(magic);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(body).to_le_bytes());
    out.extend_from_slice(body);
    out
}

/// The body of a framed file, if its magic, version, length and checksum
/// are right (it starts at [`HEADER_LEN`] in `bytes`).
pub(crate) fn unframe<'a>(
    bytes: &'a [u8],
    magic: &[u8; 8],
    version: u32,
) -> Result<&'a [u8], CacheFault> {
    if bytes.len() < HEADER_LEN || &bytes[..8] != magic {
        return Err(CacheFault::NotCache);
    }
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or([0; 4]));
    let found = u32_at(8);
    if found != version {
        return Err(CacheFault::OtherVersion {
            found,
            supported: version,
        });
    }
    let len = u64::from_le_bytes(bytes[12..20].try_into().unwrap_or([0; 8]));
    let crc = u32_at(20);
    let body = &bytes[HEADER_LEN..];
    if body.len() as u64 != len {
        return Err(CacheFault::Length);
    }
    if crc32fast::hash(body) != crc {
        return Err(CacheFault::Checksum);
    }
    Ok(body)
}
