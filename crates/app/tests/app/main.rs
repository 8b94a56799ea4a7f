//! The app's integration tests, one binary (the app links the whole GUI
//! stack, so every extra test binary is a long link). Each file is a module:
//! run one with `cargo test -p kioku-app --test app ui_ja::`.

mod binary;
mod i18n_lint;
mod media;
mod ui;
mod ui_ja;
