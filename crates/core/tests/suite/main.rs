//! The core's integration tests, one binary (one link instead of one per
//! file, which is most of a clean build's test time). Each file is a module:
//! run one with `cargo test -p kioku-core --test suite snapshot::`.

mod abbreviations;
mod anki_history;
mod apkg;
mod apkg_export;
mod corruption;
mod cram;
mod delete_set;
mod durations;
mod editor;
mod exam_kinds;
mod formats;
mod gift_moodle;
mod grader;
mod interop;
mod interview_bank;
mod media;
mod media_add;
mod moodle_xml;
mod no_panic;
mod one_rating;
mod readme;
mod scheduler;
mod schema;
mod siblings;
mod snapshot;
mod source_reader;
mod store;
mod text_format;
mod wording;
