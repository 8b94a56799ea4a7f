//! Adding images and sounds in the editor: the system file dialog ("Add
//! image or sound…"), a file dropped on the drop zone or on a Markdown
//! field, or an image pasted into a Markdown field copies the file into the
//! set's media folder (the core names it by its content) and puts
//! `![alt](name)` at the cursor of the field that last had the focus (or
//! at the end of the field chosen under "Add to"). The author writes the
//! alt text first. Thumbnails show the question's media. After a save,
//! files no longer used are offered for deletion, never deleted silently.

use std::path::PathBuf;

use dioxus::html::HasFileData;
use dioxus::prelude::*;

use crate::AppCtx;
use kioku_core::bank::{QuestionKind, SetId};
use kioku_core::editor::{DraftQuestion, insert_at};
use kioku_core::markdown;
use kioku_core::media::{MediaKind, MediaName, MediaUrl};
use kioku_i18n::{Lang, t};

/// Files added while editing, with their set: candidates for the offer to
/// delete once a save leaves them unused.
static ADDED: GlobalSignal<Vec<(SetId, MediaName)>> = Signal::global(Vec::new);

/// Files the last save left unused, to offer for deletion.
static OFFER: GlobalSignal<Option<(SetId, Vec<MediaName>)>> = Signal::global(|| None);

/// Where the next file goes: field `key` of question `index` in the
/// editor's fields of `generation` (they are rebuilt when it changes), at
/// the field's cursor if `cursor` (the field had the focus) or else at its
/// end (chosen under "Add to").
#[derive(Debug, Clone, PartialEq)]
struct Target {
    generation: u64,
    index: usize,
    key: &'static str,
    cursor: bool,
}

static TARGET: GlobalSignal<Option<Target>> = Signal::global(|| None);

/// Forget the last set's alt text, message and target field (the editor
/// opens on another set).
pub fn reset() {
    *TARGET.write() = None;
    ALT.write().clear();
    STATUS.write().clear();
}

/// The Markdown fields media can go into: (key, element id).
const FIELD_IDS: [(&str, &str); 4] = [
    ("prompt", "q-prompt"),
    ("text", "cloze-text"),
    ("answer", "q-answer"),
    ("explanation", "q-explanation"),
];

/// The element id of field `key`.
pub fn element_id(key: &str) -> &'static str {
    FIELD_IDS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("q-prompt", |(_, id)| id)
}

/// Markdown field `key` of question `index` got the focus: the next file
/// goes there, at its cursor.
pub fn field_focused(ctx: AppCtx, index: usize, key: &str) {
    let Some(&(key, _)) = FIELD_IDS.iter().find(|(k, _)| *k == key) else {
        return;
    };
    let generation = *ctx.editor_gen.peek();
    let target = Target {
        generation,
        index,
        key,
        cursor: true,
    };
    if TARGET.peek().as_ref() != Some(&target) {
        *TARGET.write() = Some(target);
    }
}

/// The field the next file goes into for question `index` of `kind`, and
/// whether at its cursor.
fn target_of(ctx: AppCtx, index: usize, kind: QuestionKind) -> (&'static str, bool) {
    let choices = fields(kind);
    let generation = *ctx.editor_gen.read();
    TARGET
        .read()
        .as_ref()
        .filter(|t| t.index == index && choices.contains(&t.key))
        .map_or((choices[0], false), |t| {
            (t.key, t.cursor && t.generation == generation)
        })
}

/// The cursor (selection start and end, UTF-16 offsets) of the field with
/// element id `id`, asked of the webview.
async fn selection(id: &str) -> Option<(usize, usize)> {
    let id = serde_json::Value::from(id);
    let mut js = document::eval(&format!(
        "const el = document.getElementById({id}); \
         dioxus.send(el ? [el.selectionStart, el.selectionEnd] : null);"
    ));
    js.recv::<Option<(usize, usize)>>().await.ok().flatten()
}

/// Once the rebuilt field `id` is in the page, focus it with the cursor at
/// UTF-16 offset `at` (just after what was inserted).
fn place_cursor(id: &str, at: usize) {
    let id = serde_json::Value::from(id);
    let _ = document::eval(&format!(
        r#"(() => {{
  let tries = 0;
  const go = () => {{
    const el = document.getElementById({id});
    if (el && el.value.length >= {at}) {{
      el.focus({{ preventScroll: true }});
      el.setSelectionRange({at}, {at});
    }}
    else if (++tries < 40) setTimeout(go, 50);
  }};
  setTimeout(go, 30);
}})();"#
    ));
}

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
        .and_then(|lib| {
            lib.set(&set.id)
                .map(kioku_core::bank::QuestionSet::media_names)
        })
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
            (Some(set), Some(folder)) => set.unused_media(&names, &folder),
            _ => Vec::new(),
        }
    };
    *OFFER.write() = (!unused.is_empty()).then_some((id, unused));
}

/// The Markdown fields a file can go into, for a question of `kind`.
fn fields(kind: QuestionKind) -> Vec<&'static str> {
    let mut out = vec![if kind == QuestionKind::Cloze {
        "text"
    } else {
        "prompt"
    }];
    if kind == QuestionKind::Flashcard {
        out.push("answer");
    }
    out.push("explanation");
    out
}

/// The name of field `key` (one of [`fields`]) in the "Add to" list.
fn field_label(lang: Lang, key: &str) -> String {
    match key {
        "text" => t!(lang, "media-field-text"),
        "answer" => t!(lang, "media-field-answer"),
        "explanation" => t!(lang, "media-field-explanation"),
        _ => t!(lang, "media-field-prompt"),
    }
}

fn field_mut<'a>(q: &'a mut DraftQuestion, key: &str) -> &'a mut String {
    match key {
        "text" => &mut q.text,
        "answer" => &mut q.answer,
        "explanation" => &mut q.explanation,
        _ => &mut q.prompt,
    }
}

/// What is added: a file on disk (picked or dropped) or pasted bytes.
pub enum Source {
    File(PathBuf),
    /// Bytes of an image of type `ext` (`png`), pasted from the clipboard.
    Pasted {
        bytes: Vec<u8>,
        ext: String,
    },
}

/// Copy `source` into the set's media folder and put its Markdown into
/// field `key` of question `index`: in place of characters `cursor`
/// (UTF-16 offsets, as the field reports its selection), or at the end
/// for `None`. Returns what to tell the author.
pub fn add(
    ctx: AppCtx,
    index: usize,
    key: &str,
    source: Source,
    alt: &str,
    cursor: Option<(usize, usize)>,
) -> String {
    let lang = *ctx.lang.peek();
    let Some(set) = draft_set(ctx) else {
        return t!(lang, "media-needs-set-id");
    };
    let shown = match &source {
        Source::File(path) => path.display().to_string(),
        Source::Pasted { .. } => t!(lang, "media-pasted-image"),
    };
    let added = match ctx.library.read().as_ref() {
        Some(lib) => match &source {
            Source::File(path) => lib.add_media(&set, path, alt),
            Source::Pasted { bytes, ext } => lib.add_media_bytes(&set, bytes, ext, &shown, alt),
        },
        None => return t!(lang, "media-no-data-dir"),
    };
    let added = match added {
        Ok(a) => a,
        Err(e) => {
            return t!(
                lang,
                "media-not-added",
                error = kioku_i18n::words::media_error(lang, &e)
            );
        }
    };
    ADDED.write().push((set, added.name.clone()));
    let md = added.markdown.clone();
    let (start, end) = cursor.unwrap_or((usize::MAX, usize::MAX));
    let mut ctx = ctx;
    let mut at = None;
    ctx.with_editor(|e| {
        e.edit(|d| {
            if let Some(q) = d.questions.get_mut(index) {
                let field = field_mut(q, key);
                let (text, after) = insert_at(field, start, end, &md);
                *field = text;
                at = Some(after);
            }
        })
    });
    // The text fields are uncontrolled: rebuild them from the draft, and
    // put the cursor after the new Markdown.
    *ctx.editor_gen.write() += 1;
    if let Some(at) = at {
        place_cursor(element_id(key), at);
    }
    t!(
        lang,
        "media-added",
        file = shown,
        name = added.name.to_string()
    )
}

/// The file type of a pasted image's MIME type: only the images the
/// format supports.
pub fn pasted_extension(mime: &str) -> Option<&'static str> {
    match mime.to_ascii_lowercase().as_str() {
        "image/png" => Some("png"),
        "image/jpeg" => Some("jpg"),
        "image/gif" => Some("gif"),
        "image/webp" => Some("webp"),
        _ => None,
    }
}

/// The extensions the file dialog offers (every supported type).
const EXTENSIONS: [&str; 10] = [
    "png", "jpg", "jpeg", "gif", "webp", "svg", "mp3", "ogg", "wav", "m4a",
];

/// The alt text typed for the next file (the drop and paste on a field
/// use it too).
static ALT: GlobalSignal<String> = Signal::global(String::new);

/// What the last add said.
static STATUS: GlobalSignal<String> = Signal::global(String::new);

/// Files dropped on Markdown field `key` of question `index`: each goes
/// in at the field's cursor.
pub fn drop_on_field(ctx: AppCtx, index: usize, key: &'static str, e: DragEvent) {
    drop_files(ctx, index, key, true, &e);
}

/// Files dropped for field `key`: at its cursor if `at_cursor`, else at
/// its end.
fn drop_files(ctx: AppCtx, index: usize, key: &'static str, at_cursor: bool, e: &DragEvent) {
    let paths: Vec<PathBuf> = e.files().iter().map(|f| f.path()).collect();
    if paths.is_empty() {
        *STATUS.write() = t!(*ctx.lang.peek(), "media-drop-files-only");
        return;
    }
    spawn(async move {
        let mut cursor = if at_cursor {
            selection(element_id(key)).await
        } else {
            None
        };
        let alt = ALT.peek().clone();
        let mut lines = Vec::new();
        for path in paths {
            lines.push(add(ctx, index, key, Source::File(path), &alt, cursor));
            // The next one after it, not in its place.
            cursor = None;
        }
        say(lines.join(" "));
    });
}

/// The script that hands the app images pasted into the Markdown fields:
/// `[element id, selection start, selection end, MIME type, base64]` per
/// image. Dioxus's paste event carries no clipboard data, so the page
/// reads it. A listener from an earlier mount (another `TOKEN`) removes
/// itself and leaves the paste alone.
const PASTE_JS: &str = r#"
const token = TOKEN;
window.kiokuPasteToken = token;
const ids = IDS;
const onPaste = (e) => {
  if (window.kiokuPasteToken !== token) {
    document.removeEventListener('paste', onPaste, true);
    return;
  }
  const el = e.target;
  if (!el || !ids.includes(el.id) || !e.clipboardData) return;
  const files = Array.from(e.clipboardData.items || [])
    .filter((i) => i.kind === 'file' && i.type.startsWith('image/'))
    .map((i) => i.getAsFile())
    .filter((f) => f);
  const start = el.selectionStart, end = el.selectionEnd;
  if (files.length === 0) {
    // WebKitGTK shows the page nothing of an image on the clipboard: the
    // app reads it itself.
    if (e.clipboardData.types.length === 0) dioxus.send([el.id, start, end, NATIVE, '']);
    return;
  }
  e.preventDefault();
  for (const f of files) {
    const r = new FileReader();
    r.onload = () => {
      const url = String(r.result);
      dioxus.send([el.id, start, end, f.type, url.slice(url.indexOf(',') + 1)]);
    };
    r.readAsDataURL(f);
  }
};
document.addEventListener('paste', onPaste, true);
"#;

/// What the paste script sends as the MIME type when the page was shown
/// nothing of the clipboard (WebKitGTK and an image): the app reads it.
const NATIVE_PASTE: &str = "kioku/native";

/// The image on the system clipboard as PNG bytes, read through GTK (on
/// Linux the webview gives the page's paste event no image data); `None`
/// when it holds no image or does not answer within 5 s.
#[cfg(target_os = "linux")]
async fn clipboard_png() -> Option<Vec<u8>> {
    use std::cell::RefCell;
    use std::rc::Rc;
    let got: Rc<RefCell<Option<Option<Vec<u8>>>>> = Rc::default();
    let put = Rc::clone(&got);
    gtk::Clipboard::get(&gtk::gdk::SELECTION_CLIPBOARD).request_image(move |_, image| {
        *put.borrow_mut() = Some(image.and_then(|p| p.save_to_bufferv("png", &[]).ok()));
    });
    for _ in 0..250 {
        let answer = got.borrow_mut().take();
        if let Some(png) = answer {
            return png;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    None
}

/// Other systems' webviews give the paste event the image itself.
#[cfg(not(target_os = "linux"))]
async fn clipboard_png() -> Option<Vec<u8>> {
    None
}

/// Listen for images pasted into the Markdown fields of question `index`.
fn listen_for_paste(ctx: AppCtx, index: usize) {
    use base64::Engine as _;
    let generation = *ctx.editor_gen.peek();
    let ids: Vec<&str> = FIELD_IDS.iter().map(|(_, id)| *id).collect();
    let js = PASTE_JS
        .replace(
            "TOKEN",
            &serde_json::Value::from(format!("{generation}-{index}")).to_string(),
        )
        .replace("IDS", &serde_json::Value::from(ids).to_string())
        .replace("NATIVE", &serde_json::Value::from(NATIVE_PASTE).to_string());
    spawn(async move {
        let mut eval = document::eval(&js);
        while let Ok((id, start, end, mime, data)) =
            eval.recv::<(String, usize, usize, String, String)>().await
        {
            let lang = *ctx.lang.peek();
            let Some(&(key, _)) = FIELD_IDS.iter().find(|(_, i)| *i == id) else {
                continue;
            };
            let (mime, data) = if mime == NATIVE_PASTE {
                // Nothing on the clipboard the app can read either: a paste
                // of nothing, nothing to say.
                let Some(png) = clipboard_png().await else {
                    continue;
                };
                use base64::Engine as _;
                let data = base64::engine::general_purpose::STANDARD.encode(png);
                ("image/png".to_owned(), data)
            } else {
                (mime, data)
            };
            let said = match (
                pasted_extension(&mime),
                base64::engine::general_purpose::STANDARD.decode(data.as_bytes()),
            ) {
                (Some(ext), Ok(bytes)) => {
                    let alt = ALT.peek().clone();
                    let source = Source::Pasted {
                        bytes,
                        ext: ext.to_owned(),
                    };
                    add(ctx, index, key, source, &alt, Some((start, end)))
                }
                (None, _) => t!(lang, "media-paste-unsupported", kind = mime),
                (_, Err(e)) => t!(lang, "media-not-added", error = e.to_string()),
            };
            say(said);
        }
    });
}

/// Say what came of adding media.
fn say(said: String) {
    *STATUS.write() = said;
}

/// Say what came of adding media through the dialog, and bring the message
/// and the question's thumbnails into view: they are just below the button
/// that opened it, often under the window's edge. (A file dropped or pasted
/// into a field leaves the page where the user is typing.)
fn say_and_show(said: String) {
    say(said);
    let _ = document::eval(SHOW_ADDED_JS);
}

/// The script [`say_and_show`] runs in the webview.
pub const SHOW_ADDED_JS: &str = "(() => { let tries = 0; const show = () => { const thumbs = document.querySelector('.media-picker .thumbs'); const waiting = thumbs && [...thumbs.querySelectorAll('img')].some(i => !i.complete); if ((!thumbs || waiting) && tries++ < 40) { setTimeout(show, 50); return; } const target = thumbs || document.querySelector('.media-picker .media-status'); if (target) target.scrollIntoView({ block: 'nearest' }); }; setTimeout(show, 30); })();";

/// The add-media controls and thumbnails of question `index`.
#[component]
pub fn MediaPicker(index: usize, question: DraftQuestion) -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
    let mut busy = use_signal(|| false);
    use_hook(|| listen_for_paste(ctx, index));
    let kind = question.kind;
    let choices = fields(kind);
    let (key, at_cursor) = target_of(ctx, index, kind);
    let no_alt = ALT.read().trim().is_empty();
    let initial_alt = use_hook(|| ALT.peek().clone());
    let pick = move |_| {
        if *busy.peek() {
            return;
        }
        busy.set(true);
        // The dialog runs on the window's event loop; the UI keeps going.
        spawn(async move {
            // Where the cursor was before the dialog took the focus.
            let cursor = if at_cursor {
                selection(element_id(key)).await
            } else {
                None
            };
            let file = rfd::AsyncFileDialog::new()
                .set_title(t!(lang, "media-dialog-title"))
                .add_filter(t!(lang, "media-dialog-filter"), &EXTENSIONS)
                .pick_file()
                .await;
            if let Some(file) = file {
                let a = ALT.peek().clone();
                let said = add(
                    ctx,
                    index,
                    key,
                    Source::File(file.path().to_owned()),
                    &a,
                    cursor,
                );
                say_and_show(said);
            }
            busy.set(false);
            // Wherever the dialog left the focus, the keys work again.
            crate::refocus();
        });
    };
    let media = draft_set(ctx)
        .map(|set| thumbnails(&question, &set))
        .unwrap_or_default();
    let status = STATUS.read().clone();
    rsx! {
        fieldset { class: "media-picker",
            legend { {t!(lang, "media-legend")} }
            div { class: "field",
                label { r#for: "media-alt", {t!(lang, "media-alt-label")} }
                // Uncontrolled: the field keeps what is typed, the signal follows.
                input { id: "media-alt", r#type: "text", placeholder: t!(lang, "media-alt-placeholder"),
                    initial_value: "{initial_alt}",
                    oninput: move |e| *ALT.write() = e.value(),
                    // Ctrl+S still saves from here.
                    onkeydown: move |e| super::field::keep_key_in_field(&e) }
            }
            div { class: "field",
                label { r#for: "media-field", {t!(lang, "media-add-to")} }
                select { id: "media-field",
                    onchange: move |e| {
                        let v = e.value();
                        if let Some(&k) = fields(kind).iter().find(|k| **k == v) {
                            *TARGET.write() = Some(Target { generation: *ctx.editor_gen.peek(), index, key: k, cursor: false });
                        }
                    },
                    for k in choices.iter() { option { value: *k, selected: *k == key, {field_label(lang, k)} } }
                }
                p { class: "hint-text", id: "media-where",
                    if at_cursor { {t!(lang, "media-at-cursor")} } else { {t!(lang, "media-at-end")} }
                }
            }
            div { class: "form-actions",
                // Busy (the dialog is open, or the file is being added):
                // aria-disabled, not disabled, which would drop the focus
                // to the page's body when the dialog gives it back, and the
                // keys pressed next (Ctrl+S) would reach nothing. `pick`
                // ignores clicks meanwhile.
                button { r#type: "button", disabled: no_alt, aria_disabled: *busy.read(), onclick: pick,
                    title: if no_alt { t!(lang, "media-describe-first") } else { String::new() },
                    {t!(lang, "media-add-button")} }
            }
            div { class: if no_alt { "drop-zone disabled" } else { "drop-zone" },
                aria_label: t!(lang, "media-drop-zone"),
                ondragover: move |e| e.prevent_default(),
                ondrop: move |e| {
                    e.prevent_default();
                    drop_files(ctx, index, key, at_cursor, &e);
                },
                if no_alt { {t!(lang, "media-drop-describe-first")} } else { {t!(lang, "media-drop-here")} }
            }
            p { class: "hint-text", {t!(lang, "media-kinds")} }
            p { class: "hint-text", {t!(lang, "media-drop-paste-hint")} }
            if !status.is_empty() {
                p { class: "media-status", role: "status", "{status}" }
            }
            if !media.is_empty() {
                ul { class: "thumbs", aria_label: t!(lang, "media-in-question"),
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
            .map_err(|e| kioku_i18n::words::media_error(*ctx.lang.peek(), &e)),
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
    let lang = ctx.lang();
    let Some((_, names)) = OFFER.read().clone() else {
        return rsx! {};
    };
    let list = names
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(&t!(lang, "list-separator"));
    rsx! {
        div { class: "banner media-cleanup", role: "alertdialog", aria_label: t!(lang, "media-unused-title"),
            p { {t!(lang, "media-unused", files = list, n = names.len())} }
            button { onclick: move |_| delete_offered(ctx), {t!(lang, "media-delete-files")} }
            button { class: "primary", onclick: move |_| *OFFER.write() = None, {t!(lang, "media-keep-files")} }
        }
    }
}
