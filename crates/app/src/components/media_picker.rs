//! Adding images and sounds in the editor: the system file dialog ("Add
//! image or sound…") or a file dropped on the drop zone copies the file into
//! the set's media folder (the core names it by its content) and appends
//! `![alt](name)` to the chosen field. The author writes the alt text
//! first. Thumbnails show the question's media. After a save, files no
//! longer used are offered for deletion, never deleted silently.

use std::path::PathBuf;

use dioxus::html::HasFileData;
use dioxus::prelude::*;

use crate::AppCtx;
use kioku_core::bank::{QuestionKind, SetId};
use kioku_core::editor::DraftQuestion;
use kioku_core::markdown;
use kioku_core::media::{MediaKind, MediaName, MediaUrl};

/// Files added while editing, with their set: candidates for the offer to
/// delete once a save leaves them unused.
static ADDED: GlobalSignal<Vec<(SetId, MediaName)>> = Signal::global(Vec::new);

/// Files the last save left unused, to offer for deletion.
static OFFER: GlobalSignal<Option<(SetId, Vec<MediaName>)>> = Signal::global(|| None);

/// The set id the editor's draft has, if it is a valid one.
fn draft_set(ctx: AppCtx) -> Option<SetId> {
    ctx.editor().and_then(|e| SetId::new(&e.draft.id))
}

/// The editor preview's HTML: with the set's images and sounds.
pub fn preview_html(ctx: AppCtx, md: &str) -> String {
    match draft_set(ctx) {
        Some(set) => markdown::to_html_with_media(md, &set),
        None => markdown::to_html(md),
    }
}

/// [`preview_html`] for inline Markdown (a choice).
pub fn preview_inline_html(ctx: AppCtx, md: &str) -> String {
    match draft_set(ctx) {
        Some(set) => markdown::to_inline_html_with_media(md, &set),
        None => markdown::to_inline_html(md),
    }
}

/// What the set used before a save (see [`after_save`]).
pub struct BeforeSave(SetId, Vec<MediaName>);

/// Call before saving set `set`: the media its saved version used, and the
/// files added while editing.
pub fn before_save(ctx: AppCtx, set: &kioku_core::bank::QuestionSet) -> BeforeSave {
    let mut names = ctx
        .library
        .read()
        .as_ref()
        .and_then(|lib| lib.set(&set.id).map(kioku_core::media::set_names))
        .unwrap_or_default();
    names.extend(
        ADDED
            .peek()
            .iter()
            .filter(|(id, _)| id == &set.id)
            .map(|(_, n)| n.clone()),
    );
    BeforeSave(set.id.clone(), names)
}

/// Call after a successful save: offer to delete what is no longer used.
pub fn after_save(ctx: AppCtx, before: BeforeSave) {
    let BeforeSave(id, names) = before;
    let unused = {
        let lib = ctx.library.read();
        let Some(lib) = lib.as_ref() else { return };
        match (lib.set(&id), lib.media_folder(&id)) {
            (Some(set), Some(folder)) => kioku_core::media::orphaned(&names, set, &folder),
            _ => Vec::new(),
        }
    };
    *OFFER.write() = (!unused.is_empty()).then_some((id, unused));
}

/// The Markdown fields a file can go into, for a question of `kind`:
/// (key, label).
fn fields(kind: QuestionKind) -> Vec<(&'static str, &'static str)> {
    let mut out = vec![if kind == QuestionKind::Cloze {
        ("text", "Text")
    } else {
        ("prompt", "Prompt")
    }];
    if kind == QuestionKind::Flashcard {
        out.push(("answer", "Answer"));
    }
    out.push(("explanation", "Explanation"));
    out
}

fn field_mut<'a>(q: &'a mut DraftQuestion, key: &str) -> &'a mut String {
    match key {
        "text" => &mut q.text,
        "answer" => &mut q.answer,
        "explanation" => &mut q.explanation,
        _ => &mut q.prompt,
    }
}

/// Copy `path` into the set's media folder and append its Markdown to field
/// `key` of question `index`. Returns what to tell the author.
fn add(ctx: AppCtx, index: usize, key: &str, path: PathBuf, alt: &str) -> String {
    let Some(set) = draft_set(ctx) else {
        return "Give the set a valid id before adding images or sounds.".to_owned();
    };
    let added = match ctx.library.read().as_ref() {
        Some(lib) => lib.add_media(&set, &path, alt),
        None => return "The data directory is not open.".to_owned(),
    };
    let added = match added {
        Ok(a) => a,
        Err(e) => return format!("Not added: {e}"),
    };
    ADDED.write().push((set, added.name.clone()));
    let md = added.markdown.clone();
    let mut ctx = ctx;
    ctx.with_editor(|e| {
        e.edit(|d| {
            if let Some(q) = d.questions.get_mut(index) {
                let field = field_mut(q, key);
                if !field.trim().is_empty() {
                    field.push_str("\n\n");
                }
                field.push_str(&md);
            }
        })
    });
    // The text fields are uncontrolled: rebuild them from the draft.
    *ctx.editor_gen.write() += 1;
    format!("Added {} as {}.", path.display(), added.name)
}

/// The extensions the file dialog offers (every supported type).
const EXTENSIONS: [&str; 10] = [
    "png", "jpg", "jpeg", "gif", "webp", "svg", "mp3", "ogg", "wav", "m4a",
];

/// The add-media controls and thumbnails of question `index`.
#[component]
pub fn MediaPicker(index: usize, question: DraftQuestion) -> Element {
    let ctx: AppCtx = use_context();
    let mut alt = use_signal(String::new);
    let mut target = use_signal(|| "prompt".to_owned());
    let mut status = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let kind = question.kind;
    let choices = fields(kind);
    // The chosen field, or the first one this kind has.
    let key = {
        let t = target.read().clone();
        choices
            .iter()
            .find(|(k, _)| *k == t)
            .map_or(choices[0].0, |(k, _)| *k)
    };
    let no_alt = alt.read().trim().is_empty();
    let pick = move |_| {
        if *busy.peek() {
            return;
        }
        busy.set(true);
        // The dialog runs on the window's event loop; the UI keeps going.
        spawn(async move {
            let file = rfd::AsyncFileDialog::new()
                .set_title("Add an image or sound")
                .add_filter("Images and sounds", &EXTENSIONS)
                .pick_file()
                .await;
            if let Some(file) = file {
                let a = alt.peek().clone();
                status.set(add(ctx, index, key, file.path().to_owned(), &a));
            }
            busy.set(false);
        });
    };
    let media = draft_set(ctx)
        .map(|set| thumbnails(&question, &set))
        .unwrap_or_default();
    rsx! {
        fieldset { class: "media-picker",
            legend { "Images and sounds" }
            div { class: "field",
                label { r#for: "media-alt", "Description (alt text, read aloud by screen readers)" }
                // Uncontrolled: the field keeps what is typed, the signal follows.
                input { id: "media-alt", r#type: "text", placeholder: "Map of the disputed islands",
                    oninput: move |e| alt.set(e.value()),
                    onkeydown: move |e| if e.key() != Key::Escape { e.stop_propagation() } }
            }
            div { class: "field",
                label { r#for: "media-field", "Add to" }
                select { id: "media-field", value: "{key}", onchange: move |e| target.set(e.value()),
                    for (k, label) in choices.iter() { option { value: *k, "{label}" } }
                }
            }
            div { class: "form-actions",
                button { r#type: "button", disabled: no_alt || *busy.read(), onclick: pick,
                    title: if no_alt { "Write the description first" } else { "" },
                    "Add image or sound…" }
            }
            div { class: if no_alt { "drop-zone disabled" } else { "drop-zone" },
                aria_label: "Drop an image or sound file here",
                ondragover: move |e| e.prevent_default(),
                ondrop: move |e| {
                    e.prevent_default();
                    let a = alt.peek().clone();
                    let mut lines = Vec::new();
                    for f in e.files() {
                        lines.push(add(ctx, index, key, f.path(), &a));
                    }
                    if lines.is_empty() {
                        lines.push("Only files can be dropped here.".to_owned());
                    }
                    status.set(lines.join(" "));
                },
                if no_alt { "Write the description, then drop a file here" } else { "…or drop a file here" }
            }
            p { class: "hint-text", "PNG, JPEG, GIF, WebP, SVG, MP3, Ogg, WAV or M4A, up to 20 MiB." }
            if !status.read().is_empty() {
                p { class: "media-status", role: "status", "{status}" }
            }
            if !media.is_empty() {
                ul { class: "thumbs", aria_label: "Media in this question",
                    for (url, alt, kind, name) in media {
                        li { key: "{url}",
                            if kind == MediaKind::Image {
                                img { class: "thumb", src: "{url}", alt: "{alt}" }
                            } else {
                                span { class: "thumb-audio", aria_hidden: "true", "♪" }
                            }
                            span { class: "thumb-name", "{alt} " code { "{name}" } }
                        }
                    }
                }
            }
        }
    }
}

/// The local media of a question: (url, alt, kind, name), each file once.
fn thumbnails(q: &DraftQuestion, set: &SetId) -> Vec<(String, String, MediaKind, String)> {
    let mut out: Vec<(String, String, MediaKind, String)> = Vec::new();
    let texts = [&q.prompt, &q.text, &q.answer, &q.explanation];
    let choices = q.choices.iter().map(|(c, _)| c);
    for text in texts.into_iter().chain(choices) {
        for (alt, dest) in kioku_core::media::markdown_refs(text) {
            if let Ok(name) = MediaName::parse(dest.trim()) {
                let url = MediaUrl::to_url(set, &name);
                if !out.iter().any(|m| m.0 == url) {
                    out.push((url, alt, name.kind(), name.to_string()));
                }
            }
        }
    }
    out
}

/// Delete the files the last save left unused (the offer's "Delete the
/// files"); a file that cannot be deleted is reported in the banner.
pub fn delete_offered(ctx: AppCtx) {
    let Some((set, names)) = OFFER.peek().clone() else {
        return;
    };
    let result: Result<(), String> = match ctx.library.read().as_ref() {
        Some(lib) => names
            .iter()
            .try_for_each(|n| lib.delete_media(&set, n))
            .map_err(|e| e.to_string()),
        None => Ok(()),
    };
    if let Err(e) = result {
        ctx.fail(e);
    }
    *OFFER.write() = None;
    ADDED.write().retain(|(id, _)| id != &set);
}

/// After a save: "these files are no longer used — delete them?"
#[component]
pub fn MediaCleanup() -> Element {
    let ctx: AppCtx = use_context();
    let Some((_, names)) = OFFER.read().clone() else {
        return rsx! {};
    };
    let list = names
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    rsx! {
        div { class: "banner media-cleanup", role: "alertdialog", aria_label: "Unused media files",
            p { "No question uses these files any more: {list}. Delete them from the set's media folder?" }
            button { onclick: move |_| delete_offered(ctx), "Delete the files" }
            button { class: "primary", onclick: move |_| *OFFER.write() = None, "Keep them" }
        }
    }
}
