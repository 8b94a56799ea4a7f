//! What an import or an export came to, in the user's words: the lines
//! the decks screen's notice and the editor's import/export panel both
//! show, as `kioku import` and `kioku export` say them.

use std::path::Path;

use dioxus::prelude::*;

use crate::{AppCtx, t};
use kioku_core::bank::SetId;
use kioku_core::bank::formats::Format;
use kioku_core::library::LibraryError;

/// Import `file` in `format` (told by its extension when `None`) as a new
/// set, as `kioku import` does: the new set's id and the lines that say
/// what came of it — the count, every question skipped or changed, and the
/// review history an Anki package brought with every row left out. The
/// decks screen's Import… and the editor's import panel both report so.
/// `None` while no library is open.
pub fn import_report(
    mut ctx: AppCtx,
    file: &Path,
    format: Option<Format>,
) -> Option<Result<(SetId, Vec<String>), LibraryError>> {
    let result = match ctx.library.write().as_mut() {
        Some(lib) => lib.import_file_with_history(file, format, None, false),
        None => return None,
    };
    let lang = *ctx.lang.peek();
    Some(result.map(|(imported, history)| {
        let n = imported.set.questions.len();
        let mut lines = vec![t!(
            lang,
            "app-imported",
            n = n,
            title = &imported.set.title,
            path = file.display().to_string()
        )];
        lines.extend(
            imported
                .skipped
                .iter()
                .map(|s| t!(lang, "app-skipped", what = kioku_i18n::words::note(lang, s))),
        );
        lines.extend(
            imported
                .notes
                .iter()
                .map(|s| t!(lang, "app-changed", what = kioku_i18n::words::note(lang, s))),
        );
        // The review history an Anki package brought, as the CLI says
        // it, and every review-log row left out.
        if let (Some(h), Some(written)) = (&imported.history, &history) {
            lines.push(t!(
                lang,
                "import-history",
                file = written.path.display().to_string(),
                reviews = written.reviews,
                rows = h.rows,
                cards = written.cards
            ));
            lines.extend(h.skipped.iter().map(|s| {
                t!(
                    lang,
                    "import-history-skipped",
                    message = kioku_i18n::words::note(lang, s)
                )
            }));
        }
        (imported.set.id.clone(), lines)
    }))
}

/// Export set `id` to the new file `file` in `format` (told by its
/// extension when `None`), as `kioku export -o` does: the lines that say
/// what came of it — where it went, the media copied beside it, and every
/// question left out or changed. The decks screen's Export… and the
/// editor's export panel both report so. `None` while no library is open.
pub fn export_report(
    ctx: AppCtx,
    id: &SetId,
    file: &Path,
    format: Option<Format>,
) -> Option<Result<Vec<String>, LibraryError>> {
    let result = match ctx.library.read().as_ref() {
        Some(lib) => lib.export_file_with_media(id, format, file),
        None => return None,
    };
    let lang = *ctx.lang.peek();
    Some(result.map(|written| {
        let mut lines = vec![t!(
            lang,
            "app-exported-as",
            set = id.to_string(),
            path = file.display().to_string(),
            format = written.format.to_string()
        )];
        if let Some((dir, n)) = written.media {
            lines.push(t!(
                lang,
                "app-copied-media",
                n = n,
                path = dir.display().to_string()
            ));
        }
        lines.extend(written.exported.skipped.iter().map(|s| {
            t!(
                lang,
                "app-left-out",
                what = kioku_i18n::words::note(lang, s)
            )
        }));
        lines.extend(
            written
                .exported
                .notes
                .iter()
                .map(|s| t!(lang, "app-changed", what = kioku_i18n::words::note(lang, s))),
        );
        lines
    }))
}
