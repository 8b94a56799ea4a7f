//! Question-set file formats other than JSON: the `.kioku.md` text format
//! and the import/export formats.

pub mod text;
