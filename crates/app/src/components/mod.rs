//! UI components, one per file, each a thin view over core state.

mod banner;
mod cram;
mod editor;
mod exam;
mod field;
mod help;
mod home;
pub mod keys;
pub mod media_picker;
pub mod media_view;
mod optimizer;
pub mod reader;
mod settings;
mod stats;
mod study;
mod transfer;
mod try_answer;

pub use banner::Banner;
pub use cram::CramSetup;
pub use editor::Editor;
pub use exam::{ExamSetup, ExamView};
pub use help::Help;
pub use home::Home;
pub use media_view::ZoomOverlay;
pub use settings::SettingsView;
pub use stats::StatsView;
pub use study::Study;
