//! `kioku import` and `kioku export`.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, set_arg};
use crate::Error;
use crate::bank::formats::{self, Format, ImportError, ImportMeta};
use crate::bank::{BankError, Diagnostic, MAX_FILE_BYTES, SetId, read_file_limited};
use crate::store::write_new;

/// Largest `.apkg` read, in bytes.
const MAX_PACKAGE_BYTES: u64 = formats::apkg::MAX_TOTAL_BYTES;

fn format_arg(name: Option<&str>, path: Option<&Path>) -> Result<Format, Error> {
    let names = || {
        Format::ALL
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (name, path) {
        (Some(n), _) => Format::from_name(n)
            .ok_or_else(|| Error::Usage(format!("unknown format \"{n}\"; formats: {}", names()))),
        (None, Some(p)) => Format::from_path(p).ok_or_else(|| {
            Error::Usage(format!(
                "cannot tell the format of {} from its extension; pass --format ({})",
                p.display(),
                names()
            ))
        }),
        (None, None) => Err(Error::Usage(format!(
            "pass --format ({}) or -o FILE",
            names()
        ))),
    }
}

pub(super) fn import(
    ctx: &Context,
    file: &Path,
    format: Option<&str>,
    set_id: Option<&str>,
    replace: bool,
) -> Result<ExitCode, Error> {
    let format = format_arg(format, Some(file))?;
    let id = match set_id {
        Some(s) => Some(SetId::new(s).ok_or_else(|| {
            Error::Usage(format!(
                "--set-id \"{s}\" is not kebab-case (e.g. \"my-set\")"
            ))
        })?),
        None => None,
    };
    let limit = if format == Format::Apkg {
        MAX_PACKAGE_BYTES
    } else {
        MAX_FILE_BYTES
    };
    let diagnostics = |problems: Vec<crate::bank::problem::LocatedProblem>| {
        for (pos, problem) in problems {
            eprintln!(
                "{}",
                Diagnostic {
                    path: file.to_owned(),
                    pos,
                    problem
                }
            );
        }
        Ok(ExitCode::FAILURE)
    };
    let bytes = match read_file_limited(file, limit) {
        Ok(b) => b,
        Err(BankError::Invalid(ds)) => {
            for d in ds {
                eprintln!("{d}");
            }
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    let meta = ImportMeta::for_file(file, id.clone());
    let mut imported = match formats::import(&bytes, format, &meta) {
        Ok(i) => i,
        Err(ImportError::Invalid(problems)) => return diagnostics(problems),
        Err(ImportError::Package(e)) => {
            eprintln!("{}: error: {e}", file.display());
            return Ok(ExitCode::FAILURE);
        }
    };
    // JSON and text files name their own set; --set-id renames it.
    if let Some(id) = id {
        imported.set.id = id;
    }
    let mut lib = ctx.open()?;
    let saved = lib.import_set(&imported, replace)?;
    println!(
        "created {}: set \"{}\", {} questions, {} cards (from {})",
        saved.set_file.display(),
        imported.set.id,
        imported.set.questions.len(),
        imported.set.card_count(),
        file.display()
    );
    if let Some(dir) = &saved.media_dir {
        println!(
            "created {}: {} media files",
            dir.display(),
            saved.media_written
        );
    }
    for s in &imported.skipped {
        eprintln!("warning: {s}");
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn export(
    ctx: &Context,
    set: &str,
    format: Option<&str>,
    output: Option<&Path>,
) -> Result<ExitCode, Error> {
    let format = format_arg(format, output)?;
    let lib = ctx.open()?;
    let Some(id) = set_arg(&lib, Some(set))? else {
        return Ok(ExitCode::FAILURE);
    };
    let Some(qs) = lib.set(&id) else {
        return Ok(ExitCode::FAILURE);
    };
    let out = formats::export(qs, format).map_err(|e| Error::Usage(e.to_string()))?;
    match output {
        Some(path) => {
            write_new(path, out.text.as_bytes())?;
            println!(
                "wrote {}: {} of {} questions as {format}",
                path.display(),
                qs.questions.len() - out.skipped.len(),
                qs.questions.len()
            );
        }
        None => print!("{}", out.text),
    }
    for s in &out.skipped {
        eprintln!("warning: skipped {s}");
    }
    for s in &out.notes {
        eprintln!("warning: {s}");
    }
    Ok(ExitCode::SUCCESS)
}
