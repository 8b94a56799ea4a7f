//! `kioku check FILE...`

use std::path::PathBuf;
use std::process::ExitCode;

use kioku_core::bank::{BankError, check_set_file};
use kioku_i18n::t;

use super::lang;

/// Check every file; print `PATH: ok (...)` on stdout for good ones and
/// each problem on stderr. Exit 1 if any file has a problem.
pub fn run(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in files {
        match check_set_file(path) {
            Ok(set) => println!(
                "{}",
                t!(
                    lang(),
                    "check-ok",
                    path = path.display().to_string(),
                    questions = set.questions.len(),
                    cards = set.card_count()
                )
            ),
            Err(BankError::Invalid(diagnostics)) => {
                failed = true;
                for d in diagnostics {
                    eprintln!("{}", kioku_i18n::words::diagnostic(lang(), &d));
                }
            }
            Err(BankError::Io { path, op, source }) => {
                failed = true;
                eprintln!(
                    "{}",
                    t!(
                        lang(),
                        "file-error",
                        path = path.display().to_string(),
                        message = t!(
                            lang(),
                            "error-cannot",
                            op = op,
                            error = kioku_i18n::words::os_error(lang(), &source)
                        )
                    )
                );
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
