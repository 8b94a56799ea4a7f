//! kioku: study with quizzes and flashcards, scheduled by FSRS-6.
//!
//! The core (everything but `cli` and `ui`) does no printing and reads no
//! clock: side effects live at the edges.

pub mod bank;
pub mod cli;
pub mod editor;
pub mod error;
pub mod exam;
pub mod grade;
pub mod markdown;
pub mod optimize;
pub mod progress;
pub mod revlog;
pub mod schedule;
pub mod session;
pub mod stats;
pub mod store;
pub mod study;
pub mod synth;
pub mod text;
pub mod ui;

pub use error::Error;
