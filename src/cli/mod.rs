//! The command line: argument parsing and the commands' terminal output.
//! The only module that imports clap.

mod check;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::Error;

/// Study with quizzes and flashcards. With no command, opens the app.
#[derive(Debug, Parser)]
#[command(name = "kioku", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check question files and report every problem as PATH:LINE:COL.
    Check {
        /// Question files (JSON, format version 1).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

impl Cli {
    /// Parse the process arguments; on a usage error clap prints it and
    /// exits with status 2.
    pub fn from_env() -> Self {
        Self::parse()
    }
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        None => crate::ui::launch(),
        Some(Command::Check { files }) => Ok(check::run(&files)),
    }
}
