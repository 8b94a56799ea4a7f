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

/// `--with-history` / `--no-history` of `kioku import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum History {
    /// Neither flag: the history comes along when the package has one.
    Default,
    With,
    Without,
}

impl History {
    pub(super) fn from_flags(with: bool, without: bool) -> History {
        match (with, without) {
            (true, _) => History::With,
            (_, true) => History::Without,
            _ => History::Default,
        }
    }
}

pub(super) fn import(
    ctx: &Context,
    file: &Path,
    format: Option<&str>,
    set_id: Option<&str>,
    replace: bool,
    history: History,
    language: Option<&str>,
) -> Result<ExitCode, Error> {
    let format = format_arg(format, Some(file))?;
    if let Some(l) = language
        && !kioku_core::bank::parse::is_language_tag(l)
    {
        return Err(Error::Usage(format!(
            "--language \"{l}\" is not a language tag (e.g. \"ja\", \"en\", \"pt-BR\")"
        )));
    }
    if history != History::Default && format != Format::Apkg {
        return Err(Error::Usage(format!(
            "--with-history and --no-history are for Anki packages (.apkg, .colpkg), not {format}"
        )));
    }
    let id = match set_id {
        Some(s) => Some(SetId::new(s).ok_or_else(|| {
            Error::Usage(format!(
                "--set-id \"{s}\" is not kebab-case (e.g. \"my-set\")"
            ))
        })?),
        None => None,
    };
    let mut imported = match read_import(file, Some(format), id) {
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
    if let Some(l) = language {
        imported.set.language = l.to_owned();
        imported
            .notes
            .retain(|n| !(n.item == "set" && n.reason.starts_with("language ")));
    }
    let mut lib = ctx.open()?;
    // Refuse before saving anything when the history could not be written.
    if imported.history.is_some() && history != History::Without {
        let log = lib.history_log_path(&imported.set.id);
        if !replace && log.exists() {
            eprintln!(
                "{}: error: an earlier import's review history is there; pass --replace to replace the set and its history, or --no-history",
                log.display()
            );
            return Ok(ExitCode::FAILURE);
        }
    }
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
    match (&imported.history, history) {
        (Some(h), History::Without) => println!(
            "history: left out the package's {} review-log rows (--no-history)",
            h.rows
        ),
        (Some(h), _) => {
            let written = lib.import_history(&imported.set.id, h, replace)?;
            println!(
                "created {}: {} of {} Anki review-log rows as reviews{}",
                written.path.display(),
                written.reviews,
                h.rows,
                if history == History::Default {
                    " (the default when a package has reviews; --no-history leaves them out)"
                } else {
                    ""
                }
            );
            for s in &h.skipped {
                eprintln!("warning: history: {s}");
            }
        }
        (None, History::With) => {
            println!("history: the package has no review history");
        }
        (None, _) => {}
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
