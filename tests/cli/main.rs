//! The command line's integration tests, one binary (one link instead of one
//! per file). Each file is a module: run one with
//! `cargo test --test cli crash::`.

mod architecture;
mod cli_check;
mod cli_formats;
mod cli_ja;
mod concurrency;
mod crash;
mod exam;
mod grade_cli;
mod optimize;
mod run;
mod stats;
mod study_cli;
