//! Home: every set with today's counts, and moving sets in and out:
//! import, export (through the system's file dialog) and delete (with a
//! confirmation, a kept backup and Undo).

use std::path::Path;

use dioxus::prelude::*;

use crate::{AppCtx, Notice, Pick, Screen, now};
use kioku_core::bank::SetId;
use kioku_core::bank::formats::Format;
use kioku_core::library::LibraryError;
use kioku_core::markdown;

/// "Import…": ask for a file, then import it as `kioku import` does.
pub fn import(ctx: AppCtx) {
    spawn(async move {
        if let Some(file) = ctx.pick_file(Pick::Import).await {
            import_path(ctx, &file);
        }
    });
}

/// "Export…" on set `id`: ask where, then export as `kioku export -o`.
pub fn export(ctx: AppCtx, id: SetId, title: String) {
    spawn(async move {
        let pick = Pick::Export {
            title,
            suggested: format!("{id}.json"),
        };
        if let Some(file) = ctx.pick_file(pick).await {
            export_path(ctx, &id, &file);
        }
    });
}

/// The script that brings the notice into view (it is at the top of the
/// deck list, which may be scrolled away from it).
pub const SHOW_NOTICE_JS: &str = "setTimeout(() => { const n = document.querySelector('.notice'); if (n) n.scrollIntoView({ block: 'nearest' }); }, 30);";

fn show(mut ctx: AppCtx, notice: Notice) {
    ctx.notice.set(Some(notice));
    let _ = document::eval(SHOW_NOTICE_JS);
}

fn failed(ctx: AppCtx, first: String, e: &LibraryError) {
    let mut lines = vec![first];
    lines.extend(describe(e).lines().map(str::to_owned));
    show(
        ctx,
        Notice {
            ok: false,
            lines,
            undo: None,
        },
    );
}

/// A library error in the decks screen's words (it has no format menu).
fn describe(e: &LibraryError) -> String {
    match e {
        LibraryError::UnknownFormat(path) => format!(
            "{}: kioku cannot tell the file type from its name; it must end in .{}",
            path.display(),
            crate::IMPORT_EXTENSIONS.join(", .")
        ),
        other => crate::describe(other),
    }
}

/// Import `file` and say what came of it.
pub fn import_path(mut ctx: AppCtx, file: &Path) {
    let result = match ctx.library.write().as_mut() {
        Some(lib) => lib.import_file_with_history(file, None, None, false),
        None => return,
    };
    match result {
        Ok((imported, history)) => {
            let n = imported.set.questions.len();
            let mut lines = vec![format!(
                "Imported {n} question{} into \"{}\" from {}.",
                if n == 1 { "" } else { "s" },
                imported.set.title,
                file.display()
            )];
            lines.extend(imported.skipped.iter().map(|s| format!("Skipped {s}")));
            lines.extend(imported.notes.iter().map(|s| format!("Changed {s}")));
            // The review history an Anki package brought, as the CLI says
            // it, and every review-log row left out.
            if let (Some(h), Some(written)) = (&imported.history, &history) {
                let l = kioku_i18n::current();
                lines.push(kioku_i18n::t!(
                    l,
                    "import-history",
                    file = written.path.display().to_string(),
                    reviews = written.reviews,
                    rows = h.rows,
                    cards = written.cards
                ));
                lines.extend(
                    h.skipped.iter().map(|s| {
                        kioku_i18n::t!(l, "import-history-skipped", message = s.to_string())
                    }),
                );
            }
            show(
                ctx,
                Notice {
                    ok: true,
                    lines,
                    undo: None,
                },
            );
        }
        Err(e) => failed(ctx, format!("Could not import {}.", file.display()), &e),
    }
}

/// Export set `id` to `file` and say what came of it.
pub fn export_path(ctx: AppCtx, id: &SetId, file: &Path) {
    let result = match ctx.library.read().as_ref() {
        Some(lib) => lib.export_file_with_media(id, None, file),
        None => return,
    };
    match result {
        Ok((out, media)) => {
            let format = Format::from_path(file).map_or_else(String::new, |f| format!(" as {f}"));
            let mut lines = vec![format!("Exported \"{id}\" to {}{format}.", file.display())];
            if let Some((dir, n)) = media {
                lines.push(format!("Copied {n} media files to {}.", dir.display()));
            }
            lines.extend(out.skipped.iter().map(|s| format!("Left out {s}")));
            lines.extend(out.notes.iter().map(|s| format!("Changed {s}")));
            show(
                ctx,
                Notice {
                    ok: true,
                    lines,
                    undo: None,
                },
            );
        }
        Err(e) => failed(ctx, format!("Could not export to {}.", file.display()), &e),
    }
}

/// Delete set `id` (moved to the backup folder), with Undo in the notice.
pub fn delete(mut ctx: AppCtx, id: &SetId) {
    let result = match ctx.library.write().as_mut() {
        Some(lib) => lib.delete_set(id, now()),
        None => return,
    };
    match result {
        Ok(gone) => show(
            ctx,
            Notice {
                ok: true,
                lines: vec![format!(
                    "Deleted \"{}\". A copy is kept in {}; its review history is kept.",
                    gone.title,
                    gone.backup.display()
                )],
                undo: Some(gone),
            },
        ),
        Err(e) => failed(ctx, format!("Could not delete \"{id}\"."), &e),
    }
}

/// Undo a delete: put the set back.
pub fn undo_delete(mut ctx: AppCtx) {
    let Some(gone) = ctx.notice.peek().as_ref().and_then(|n| n.undo.clone()) else {
        return;
    };
    let result = match ctx.library.write().as_mut() {
        Some(lib) => lib.restore_set(&gone),
        None => return,
    };
    match result {
        Ok(()) => show(
            ctx,
            Notice {
                ok: true,
                lines: vec![format!("Restored \"{}\".", gone.title)],
                undo: None,
            },
        ),
        Err(e) => failed(
            ctx,
            format!(
                "Could not restore \"{}\"; it is still in {}.",
                gone.title,
                gone.backup.display()
            ),
            &e,
        ),
    }
}

/// The outcome of the last import, export or delete: green with
/// `role=status` when done, red with `role=alert` when not.
#[component]
fn NoticeView() -> Element {
    let mut ctx: AppCtx = use_context();
    let Some(n) = ctx.notice.read().clone() else {
        return rsx! {};
    };
    let (class, role) = if n.ok {
        ("notice ok", "status")
    } else {
        ("notice error", "alert")
    };
    rsx! {
        div { class: "{class}", role: "{role}",
            div { class: "notice-text",
                for (i, line) in n.lines.iter().enumerate() {
                    p { class: if i == 0 { "notice-first" } else { "notice-detail" }, "{line}" }
                }
            }
            if n.undo.is_some() {
                button { class: "primary", onclick: move |_| undo_delete(ctx), "Undo" }
            }
            button { class: "link", onclick: move |_| ctx.notice.set(None), "Dismiss" }
        }
    }
}

/// Asks before deleting set `id`.
#[component]
fn ConfirmDelete(id: SetId, title: String, mut asking: Signal<Option<(SetId, String)>>) -> Element {
    let ctx: AppCtx = use_context();
    let mut cancel = move || {
        asking.set(None);
        crate::refocus();
    };
    rsx! {
        div { class: "overlay", role: "alertdialog", aria_modal: "true",
            aria_labelledby: "delete-title", aria_describedby: "delete-what",
            onkeydown: move |e| {
                e.stop_propagation();
                if e.key() == Key::Escape { cancel(); }
            },
            div { class: "dialog",
                h2 { id: "delete-title", "Delete \"{title}\"?" }
                div { id: "delete-what",
                    p { "The set and its pictures and sounds are removed from your decks and moved to the "
                        code { "{kioku_core::library::DELETED_DIR}" } " folder of your data directory, so nothing is lost." }
                    p { "Your progress in the review log is kept: if you bring the set back, or import it again, it continues where you left off." }
                }
                div { class: "form-actions",
                    button { class: "danger", onclick: {
                            let id = id.clone();
                            move |_| { asking.set(None); delete(ctx, &id); crate::refocus(); }
                        },
                        "Delete" }
                    button { onclick: move |_| cancel(),
                        onmounted: move |e| async move { let _ = e.set_focus(true).await; },
                        "Cancel" }
                }
            }
        }
    }
}

#[component]
pub fn Home() -> Element {
    let ctx: AppCtx = use_context();
    let mut asking = use_signal(|| None::<(SetId, String)>);
    let decks = match &*ctx.library.read() {
        Some(lib) => lib.decks(lib.now(now())),
        None => Vec::new(),
    };
    rsx! {
        header { class: "top",
            h1 { "kioku" }
            p { class: "tagline", "Study with spaced repetition" }
            nav { class: "top-actions",
                button { class: "link", onclick: move |_| super::editor::open(ctx, None), "New set" }
                button { class: "link", onclick: move |_| import(ctx), "Import…" }
                button { class: "link", onclick: move |_| super::stats::open(ctx, None), "Statistics" }
                button { class: "link", onclick: move |_| ctx.go(Screen::Settings), "Settings" }
                button { class: "link", aria_label: "Keyboard shortcuts", onclick: move |_| super::help::open_help(ctx), "?" }
            }
        }
        main { class: "home",
            NoticeView {}
            if decks.is_empty() {
                section { class: "empty",
                    h2 { "No question sets yet" }
                    p { "Put a question set file (.json) in the sets folder of your data directory, then restart kioku. "
                        "Check it first with " code { "kioku check FILE" } "." }
                }
            } else {
                h2 { class: "section-title", id: "decks-heading", "Your decks" }
                ul { class: "deck-list", aria_labelledby: "decks-heading",
                    onmounted: move |_| crate::timing_mark("home"),
                    for (i, d) in decks.into_iter().enumerate() {
                        li { class: "deck", key: "{d.id}",
                            div { class: "deck-main",
                                h3 { class: "deck-title", "{d.title}" }
                                if let Some(desc) = &d.description {
                                    div { class: "deck-description", dangerous_inner_html: markdown::to_html(desc) }
                                }
                                p { class: "deck-counts",
                                    span { class: "count new", title: "New cards today", "{d.new} new" }
                                    span { class: "count learning", title: "Learning cards today", "{d.learning} learning" }
                                    span { class: "count due", title: "Reviews due today", "{d.due} due" }
                                    span { class: "count total", "{d.total} cards" }
                                }
                                div {
                                    class: "mastery",
                                    role: "progressbar",
                                    aria_label: "Mastered",
                                    aria_valuemin: "0",
                                    aria_valuemax: "100",
                                    aria_valuenow: "{(d.mastered * 100.0).round()}",
                                    div { class: "mastery-fill", style: "width: {d.mastered * 100.0}%" }
                                }
                                p { class: "mastery-label", "{(d.mastered * 100.0).round()}% mastered" }
                            }
                            div { class: "deck-actions",
                                button {
                                    class: "primary",
                                    aria_keyshortcuts: "{i + 1}",
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::study::start_study(ctx, Some(id.clone()))
                                    },
                                    if d.new + d.learning + d.due == 0 { "Study (nothing due)" } else { "Study" }
                                    if i < 9 { kbd { class: "hint", "{i + 1}" } }
                                }
                                button {
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::exam::open_setup(ctx, id.clone())
                                    },
                                    "Self-test"
                                }
                                button {
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::cram::open_setup(ctx, id.clone())
                                    },
                                    "Cram"
                                }
                                button {
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::stats::open(ctx, Some(id.clone()))
                                    },
                                    "Stats"
                                }
                                button {
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::editor::open(ctx, Some(id.clone()))
                                    },
                                    if d.builtin { "Copy to edit" } else { "Edit" }
                                }
                                button {
                                    aria_label: "Export {d.title}",
                                    onclick: {
                                        let (id, title) = (d.id.clone(), d.title.clone());
                                        move |_| export(ctx, id.clone(), title.clone())
                                    },
                                    "Export…"
                                }
                                // Built-in sets ship with kioku: nothing to delete.
                                if !d.builtin {
                                    button {
                                        class: "danger-quiet",
                                        aria_label: "Delete {d.title}",
                                        onclick: {
                                            let (id, title) = (d.id.clone(), d.title.clone());
                                            move |_| {
                                                crate::remember_focus();
                                                asking.set(Some((id.clone(), title.clone())));
                                            }
                                        },
                                        "Delete…"
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let Some((id, title)) = asking.read().clone() {
            ConfirmDelete { id, title, asking }
        }
    }
}
