//! `kioku import` and `kioku export`.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, set_arg};
use crate::cli::Error;
use kioku_core::bank::formats::Format;
use kioku_core::bank::{BankError, SetId};
use kioku_core::library::{LibraryError, read_import};

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
    let imported = match read_import(file, Some(format), id) {
        Ok(i) => i,
        Err(LibraryError::Bank(BankError::Invalid(ds))) => {
            for d in ds {
                eprintln!("{d}");
            }
            return Ok(ExitCode::FAILURE);
        }
        Err(LibraryError::Package { path, message }) => {
            eprintln!("{}: error: {message}", path.display());
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
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
    for s in &imported.notes {
        eprintln!("note: {s}");
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
    let total = lib.set(&id).map_or(0, |qs| qs.questions.len());
    let (out, media) = match output {
        Some(path) => lib.export_file_with_media(&id, Some(format), path)?,
        None => (lib.export(&id, format)?, None),
    };
    match output {
        Some(path) => {
            println!(
                "wrote {}: {} of {} questions as {format}",
                path.display(),
                total - out.skipped.len(),
                total
            );
            if let Some((dir, n)) = media {
                println!("wrote {}: {n} media files", dir.display());
            }
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
