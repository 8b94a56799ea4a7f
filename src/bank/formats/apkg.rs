//! Anki packages (`.apkg`), import only.

use super::{ImportMeta, Imported};

#[derive(Debug, thiserror::Error)]
pub enum ApkgError {
    #[error("not implemented")]
    Todo,
}

pub fn import(_bytes: &[u8], _meta: &ImportMeta) -> Result<Imported, ApkgError> {
    Err(ApkgError::Todo)
}

/// Largest package, and largest total uncompressed size, in bytes.
pub const MAX_TOTAL_BYTES: u64 = 500 * 1024 * 1024;
