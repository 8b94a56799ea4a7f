//! `kioku convert IN OUT`

use std::path::Path;
use std::process::ExitCode;

use super::lang;
use crate::cli::Error;
use kioku_core::bank::formats::text::to_text;
use kioku_core::bank::{BankError, is_text_path, load_set_file};
use kioku_core::store::{StoreError, write_new};
use kioku_i18n::t;

/// Read `input` (JSON or text, by extension), write it as the other form
/// chosen by `output`'s extension. An existing `output` is never replaced.
pub fn run(input: &Path, output: &Path) -> Result<ExitCode, Error> {
    let set = match load_set_file(input) {
        Ok(set) => set,
        Err(BankError::Invalid(diagnostics)) => {
            for d in diagnostics {
                eprintln!("{}", kioku_i18n::words::diagnostic(lang(), &d));
            }
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    let bytes = if is_text_path(output) {
        to_text(&set)
    } else {
        let mut json = serde_json::to_string_pretty(&set)
            .map_err(|e| Error::Store(StoreError::Encode(e.to_string())))?;
        json.push('\n');
        json
    };
    write_new(output, bytes.as_bytes())?;
    println!(
        "{}",
        t!(
            lang(),
            "convert-done",
            input = input.display().to_string(),
            output = output.display().to_string(),
            questions = set.questions.len()
        )
    );
    Ok(ExitCode::SUCCESS)
}
