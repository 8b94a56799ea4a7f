//! UI components, one per file, each a thin view over core state.

mod banner;
mod help;
mod home;
pub mod keys;
mod settings;
mod study;

pub use banner::Banner;
pub use help::Help;
pub use home::Home;
pub use settings::SettingsView;
pub use study::Study;
