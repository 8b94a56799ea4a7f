//! Home: every set with today's counts, and moving sets in and out:
//! import, export (through the system's file dialog) and delete (with a
//! confirmation, a kept backup and Undo).

use std::path::Path;

use dioxus::prelude::*;

use super::transfer::{export_report, import_report};
use crate::{AppCtx, Notice, Pick, Screen, now, t};
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

/// "Export…" on set `id`: ask where (offering `ID.kioku` for a set with
/// media, `ID.json` otherwise), then export as `kioku export -o`.
pub fn export(ctx: AppCtx, id: SetId, title: String) {
    let format = match ctx.library.peek().as_ref() {
        Some(lib) => lib.export_format(&id),
        None => Format::Json,
    };
    spawn(async move {
        let pick = Pick::Export {
            title,
            suggested: format!("{id}.{}", format.name()),
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
    lines.extend(describe(*ctx.lang.peek(), e).lines().map(str::to_owned));
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
fn describe(lang: crate::Lang, e: &LibraryError) -> String {
    match e {
        LibraryError::UnknownFormat(path) => crate::t!(
            lang,
            "app-import-unknown-type",
            path = path.display().to_string(),
            extensions = crate::IMPORT_EXTENSIONS.join(", .")
        ),
        other => crate::describe(lang, other),
    }
}

/// Import `file` and say what came of it.
pub fn import_path(ctx: AppCtx, file: &Path) {
    let failed_line = t!(
        *ctx.lang.peek(),
        "app-import-failed",
        path = file.display().to_string()
    );
    let report = import_report(ctx, file, None).map(|r| r.map(|(_, lines)| lines));
    say(ctx, report, failed_line);
}

/// Show a report of [`import_report`] or [`export_report`]: its lines in
/// green, or `failed_line` and the error in red.
fn say(ctx: AppCtx, report: Option<Result<Vec<String>, LibraryError>>, failed_line: String) {
    match report {
        Some(Ok(lines)) => show(
            ctx,
            Notice {
                ok: true,
                lines,
                undo: None,
            },
        ),
        Some(Err(e)) => failed(ctx, failed_line, &e),
        None => {}
    }
}

/// Export set `id` to `file` and say what came of it.
pub fn export_path(ctx: AppCtx, id: &SetId, file: &Path) {
    let failed_line = t!(
        *ctx.lang.peek(),
        "app-export-failed",
        path = file.display().to_string()
    );
    say(ctx, export_report(ctx, id, file, None), failed_line);
}

/// Delete set `id` (moved to the backup folder), with Undo in the notice.
pub fn delete(mut ctx: AppCtx, id: &SetId) {
    let result = match ctx.library.write().as_mut() {
        Some(lib) => lib.delete_set(id, now()),
        None => return,
    };
    let lang = *ctx.lang.peek();
    match result {
        Ok(gone) => show(
            ctx,
            Notice {
                ok: true,
                lines: vec![t!(
                    lang,
                    "app-deleted",
                    title = &gone.title,
                    path = gone.backup.display().to_string()
                )],
                undo: Some(gone),
            },
        ),
        Err(e) => failed(ctx, t!(lang, "app-delete-failed", set = id.to_string()), &e),
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
    let lang = *ctx.lang.peek();
    match result {
        Ok(()) => show(
            ctx,
            Notice {
                ok: true,
                lines: vec![t!(lang, "app-restored", title = &gone.title)],
                undo: None,
            },
        ),
        Err(e) => failed(
            ctx,
            t!(
                lang,
                "app-restore-failed",
                title = &gone.title,
                path = gone.backup.display().to_string()
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
    let lang = ctx.lang();
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
                button { class: "primary", onclick: move |_| undo_delete(ctx), {t!(lang, "app-undo")} }
            }
            button { class: "link", onclick: move |_| ctx.notice.set(None), {t!(lang, "app-dismiss")} }
        }
    }
}

/// Asks before deleting set `id`.
#[component]
fn ConfirmDelete(id: SetId, title: String, mut asking: Signal<Option<(SetId, String)>>) -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
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
                h2 { id: "delete-title", {t!(lang, "app-delete-title", title = &title)} }
                div { id: "delete-what",
                    p { {t!(lang, "app-delete-where-before")}
                        code { "{kioku_core::library::DELETED_DIR}" } {t!(lang, "app-delete-where-after")} }
                    p { {t!(lang, "app-delete-progress")} }
                }
                div { class: "form-actions",
                    button { class: "danger", onclick: {
                            let id = id.clone();
                            move |_| { asking.set(None); delete(ctx, &id); crate::refocus(); }
                        },
                        {t!(lang, "app-delete")} }
                    button { onclick: move |_| cancel(),
                        onmounted: move |e| async move { let _ = e.set_focus(true).await; },
                        {t!(lang, "app-cancel")} }
                }
            }
        }
    }
}

#[component]
pub fn Home() -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
    let mut asking = use_signal(|| None::<(SetId, String)>);
    let decks = match &*ctx.library.read() {
        Some(lib) => lib.decks(lib.now(now())),
        None => Vec::new(),
    };
    rsx! {
        header { class: "top",
            h1 { "kioku" }
            p { class: "tagline", {t!(lang, "app-tagline")} }
            nav { class: "top-actions",
                button { class: "link", onclick: move |_| super::editor::open(ctx, None), {t!(lang, "app-new-set")} }
                button { class: "link", onclick: move |_| import(ctx), {t!(lang, "app-import")} }
                button { class: "link", onclick: move |_| super::stats::open(ctx, None), {t!(lang, "app-statistics")} }
                button { class: "link", onclick: move |_| ctx.go(Screen::Settings), {t!(lang, "app-settings")} }
                button { class: "link", aria_label: t!(lang, "app-shortcuts"), onclick: move |_| super::help::open_help(ctx), "?" }
            }
        }
        main { class: "home",
            NoticeView {}
            if decks.is_empty() {
                section { class: "empty",
                    h2 { {t!(lang, "app-no-sets")} }
                    p { {t!(lang, "app-no-sets-how")} " "
                        {t!(lang, "app-no-sets-check")} " " code { "kioku check FILE" } }
                }
            } else {
                h2 { class: "section-title", id: "decks-heading", {t!(lang, "app-your-decks")} }
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
                                    span { class: "count new", title: t!(lang, "app-new-today"), {t!(lang, "app-count-new", n = d.new)} }
                                    span { class: "count learning", title: t!(lang, "app-learning-today"), {t!(lang, "app-count-learning", n = d.learning)} }
                                    span { class: "count due", title: t!(lang, "app-due-today"), {t!(lang, "app-count-due", n = d.due)} }
                                    span { class: "count total", {t!(lang, "app-count-cards", n = d.total)} }
                                }
                                div {
                                    class: "mastery",
                                    role: "progressbar",
                                    aria_label: t!(lang, "app-mastered"),
                                    aria_valuemin: "0",
                                    aria_valuemax: "100",
                                    aria_valuenow: "{(d.mastered * 100.0).round()}",
                                    div { class: "mastery-fill", style: "width: {d.mastered * 100.0}%" }
                                }
                                p { class: "mastery-label", {t!(lang, "app-mastered-percent", percent = (d.mastered * 100.0).round())} }
                            }
                            div { class: "deck-actions",
                                button {
                                    class: "primary",
                                    aria_keyshortcuts: "{i + 1}",
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::study::start_study(ctx, Some(id.clone()))
                                    },
                                    if d.new + d.learning + d.due == 0 { {t!(lang, "app-study-nothing-due")} } else { {t!(lang, "app-study")} }
                                    if i < 9 { kbd { class: "hint", "{i + 1}" } }
                                }
                                button {
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::exam::open_setup(ctx, id.clone())
                                    },
                                    {t!(lang, "app-self-test")}
                                }
                                button {
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::cram::open_setup(ctx, id.clone())
                                    },
                                    {t!(lang, "app-cram")}
                                }
                                button {
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::stats::open(ctx, Some(id.clone()))
                                    },
                                    {t!(lang, "app-stats")}
                                }
                                button {
                                    onclick: {
                                        let id = d.id.clone();
                                        move |_| super::editor::open(ctx, Some(id.clone()))
                                    },
                                    if d.builtin { {t!(lang, "app-copy-to-edit")} } else { {t!(lang, "app-edit")} }
                                }
                                button {
                                    aria_label: t!(lang, "app-export-set", title = &d.title),
                                    onclick: {
                                        let (id, title) = (d.id.clone(), d.title.clone());
                                        move |_| export(ctx, id.clone(), title.clone())
                                    },
                                    {t!(lang, "app-export")}
                                }
                                // Built-in sets ship with kioku: nothing to delete.
                                if !d.builtin {
                                    button {
                                        class: "danger-quiet",
                                        aria_label: t!(lang, "app-delete-set", title = &d.title),
                                        onclick: {
                                            let (id, title) = (d.id.clone(), d.title.clone());
                                            move |_| {
                                                crate::remember_focus();
                                                asking.set(Some((id.clone(), title.clone())));
                                            }
                                        },
                                        {t!(lang, "app-delete-ellipsis")}
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
