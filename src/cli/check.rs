//! `kioku check FILE...`

use std::path::PathBuf;
use std::process::ExitCode;

use kioku_core::bank::{BankError, check_set_file};

/// Check every file; print `PATH: ok (...)` on stdout for good ones and
/// each problem on stderr. Exit 1 if any file has a problem.
pub fn run(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in files {
        match check_set_file(path) {
            Ok(set) => println!(
                "{}: ok ({} questions, {} cards)",
                path.display(),
                set.questions.len(),
                set.card_count()
            ),
            Err(BankError::Invalid(diagnostics)) => {
                failed = true;
                for d in diagnostics {
                    eprintln!("{d}");
                }
            }
            Err(BankError::Io { path, op, source }) => {
                failed = true;
                eprintln!("{}: error: cannot {op}: {source}", path.display());
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
