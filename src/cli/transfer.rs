//! `kioku import` and `kioku export`.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, lang, set_arg};
use crate::cli::Error;
use kioku_core::bank::formats::{Format, NoteKind};
use kioku_core::bank::{BankError, SetId};
use kioku_core::library::{LibraryError, read_import};
use kioku_i18n::{t, words};

fn format_arg(name: Option<&str>, path: Option<&Path>) -> Result<Format, Error> {
    let names = || {
        Format::ALL
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (name, path) {
        (Some(n), _) => Format::from_name(n).ok_or_else(|| {
            Error::Usage(t!(
                lang(),
                "error-format-unknown",
                name = n,
                formats = names()
            ))
        }),
        (None, Some(p)) => Format::from_path(p).ok_or_else(|| {
            Error::Usage(t!(
                lang(),
                "error-format-from-extension",
                path = p.display().to_string(),
                formats = names()
            ))
        }),
        (None, None) => Err(Error::Usage(t!(
            lang(),
            "error-format-needed",
            formats = names()
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
        return Err(Error::Usage(t!(
            lang(),
            "error-language-not-tag",
            language = l
        )));
    }
    if history != History::Default && format != Format::Apkg {
        return Err(Error::Usage(t!(
            lang(),
            "error-history-flags-not-anki",
            format = format.to_string()
        )));
    }
    let id = match set_id {
        Some(s) => Some(
            SetId::new(s)
                .ok_or_else(|| Error::Usage(t!(lang(), "error-set-id-not-kebab", id = s)))?,
        ),
        None => None,
    };
    let mut imported = match read_import(file, Some(format), id) {
        Ok(i) => i,
        Err(LibraryError::Bank(BankError::Invalid(ds))) => {
            for d in ds {
                eprintln!("{}", kioku_i18n::words::diagnostic(lang(), &d));
            }
            return Ok(ExitCode::FAILURE);
        }
        Err(e @ LibraryError::Package { .. }) => {
            eprintln!("{}", kioku_i18n::words::library_error(lang(), &e));
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(l) = language {
        imported.set.language = l.to_owned();
        imported.notes.retain(|n| {
            !matches!(
                n.kind,
                NoteKind::LanguageGuessed { .. } | NoteKind::LanguageNotRecognised
            )
        });
    }
    let mut lib = ctx.open()?;
    // Refuse before saving anything when the history could not be written.
    if imported.history.is_some() && history != History::Without {
        let log = lib.history_log_path(&imported.set.id);
        if !replace && log.exists() {
            eprintln!(
                "{}",
                t!(
                    lang(),
                    "file-error",
                    path = log.display().to_string(),
                    message = t!(lang(), "import-history-exists")
                )
            );
            return Ok(ExitCode::FAILURE);
        }
    }
    let saved = lib.import_set(&imported, replace)?;
    let l = lang();
    println!(
        "{}",
        t!(
            l,
            "import-created",
            file = saved.set_file.display().to_string(),
            set = imported.set.id.as_str(),
            questions = imported.set.questions.len(),
            cards = imported.set.card_count(),
            source = file.display().to_string()
        )
    );
    if let Some(dir) = &saved.media_dir {
        println!(
            "{}",
            t!(
                l,
                "import-media",
                dir = dir.display().to_string(),
                count = saved.media_written
            )
        );
    }
    for s in &imported.skipped {
        eprintln!("{}", t!(l, "warning", message = words::note(l, s)));
    }
    for s in &imported.notes {
        eprintln!("{}", t!(l, "note", message = words::note(l, s)));
    }
    let written = match (&imported.history, history) {
        (Some(h), History::Without) => {
            println!("{}", t!(l, "import-history-left-out", rows = h.rows));
            false
        }
        (Some(h), _) => {
            let written = lib.import_history(&imported.set.id, h, replace)?;
            let line = t!(
                l,
                "import-history",
                file = written.path.display().to_string(),
                reviews = written.reviews,
                rows = h.rows,
                cards = written.cards
            );
            if history == History::Default {
                println!("{}", t!(l, "import-history-default", line = line));
            } else {
                println!("{line}");
            }
            for s in &h.skipped {
                eprintln!(
                    "{}",
                    t!(
                        l,
                        "warning",
                        message = t!(l, "import-history-skipped", message = words::note(l, s))
                    )
                );
            }
            true
        }
        (None, History::With) => {
            println!("{}", t!(l, "import-history-none"));
            false
        }
        (None, _) => false,
    };
    // A replaced set keeps the history an earlier import wrote: say so.
    if replace
        && !written
        && let Some(earlier) = lib.earlier_history(&imported.set.id)
    {
        eprintln!(
            "{}",
            t!(
                l,
                "note",
                message = t!(
                    l,
                    "import-history-kept",
                    file = earlier.path.display().to_string(),
                    reviews = earlier.reviews
                )
            )
        );
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
        Some(path) => {
            let w = lib.export_file_with_media(&id, Some(format), path)?;
            (w.exported, w.media)
        }
        None => (lib.export(&id, format)?, None),
    };
    let l = lang();
    match output {
        Some(path) => {
            println!(
                "{}",
                t!(
                    l,
                    "export-wrote",
                    file = path.display().to_string(),
                    written = total - out.skipped.len(),
                    total = total,
                    format = format.to_string()
                )
            );
            if let Some((dir, n)) = media {
                println!(
                    "{}",
                    t!(
                        l,
                        "export-media",
                        dir = dir.display().to_string(),
                        count = n
                    )
                );
            }
        }
        None => print!("{}", out.text),
    }
    for s in &out.skipped {
        let message = t!(l, "export-skipped", what = words::note(l, s));
        eprintln!("{}", t!(l, "warning", message = message));
    }
    for s in &out.notes {
        eprintln!("{}", t!(l, "warning", message = words::note(l, s)));
    }
    Ok(ExitCode::SUCCESS)
}
