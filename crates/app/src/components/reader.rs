//! The reader: a set's whole source document over the current screen, with
//! the quoted passage highlighted and scrolled into view. Opened from a
//! card's "From the interview" / "From the source" (study, cram, self-test
//! results); Esc or its button closes it and gives focus back.

use dioxus::prelude::*;

use crate::AppCtx;
use kioku_core::bank::SetId;
use kioku_core::bank::sources::{ReaderView, reader_view};
use kioku_core::card::CardView;

/// What the reader shows: a quote of set `set`.
#[derive(Debug, Clone, PartialEq)]
pub struct ReaderRequest {
    pub set: SetId,
    pub quote: String,
    /// The heading: "From the interview" or "From the source".
    pub label: String,
}

/// The open reader, if any. One per app window.
pub static READER: GlobalSignal<Option<ReaderRequest>> = Signal::global(|| None);

/// "From the interview" for interview-based sets, "From the source" else:
/// from the set's `source` citation.
pub fn source_label(lang: crate::Lang, source_title: Option<&str>) -> String {
    match source_title {
        Some(t) if t.to_ascii_lowercase().contains("interview") => {
            crate::t!(lang, "app-from-interview")
        }
        _ => crate::t!(lang, "app-from-source"),
    }
}

/// True when set `set` names a source document to read a quote in.
pub fn has_document(ctx: AppCtx, set: &SetId) -> bool {
    ctx.library
        .read()
        .as_ref()
        .and_then(|lib| lib.set(set))
        .is_some_and(|s| s.source_document.is_some())
}

/// The reader request for a studied card, if its quote can be read in its
/// document.
pub fn request_for(ctx: AppCtx, view: &CardView) -> Option<ReaderRequest> {
    let quote = view.source.clone()?;
    has_document(ctx, &view.key.set).then(|| ReaderRequest {
        set: view.key.set.clone(),
        quote,
        label: source_label(*ctx.lang.peek(), view.source_title.as_deref()),
    })
}

pub fn is_open() -> bool {
    READER.peek().is_some()
}

/// Open the reader, remembering what had focus.
pub fn open_reader(request: ReaderRequest) {
    crate::remember_focus();
    *READER.write() = Some(request);
}

/// Close the reader and give focus back to what opened it.
pub fn close_reader() {
    if READER.peek().is_some() {
        *READER.write() = None;
        crate::refocus();
    }
}

/// The button on a card that opens the reader on its quote.
#[component]
pub fn ReadInContext(request: ReaderRequest) -> Element {
    let label = request.label.clone();
    let lang = crate::use_lang();
    rsx! {
        button {
            class: "link read-source",
            aria_keyshortcuts: "O",
            title: crate::t!(lang, "app-read-source-title"),
            onclick: move |_| open_reader(request.clone()),
            "{label}"
        }
    }
}

/// The reader overlay, when open.
#[component]
pub fn SourceReader() -> Element {
    let ctx: AppCtx = use_context();
    let Some(request) = READER.read().clone() else {
        return rsx! {};
    };
    let (citation, document) = match &*ctx.library.read() {
        Some(lib) => (
            lib.set(&request.set).and_then(|s| s.source.clone()),
            lib.source_document(&request.set),
        ),
        None => (None, Ok(None)),
    };
    let body = match document {
        Ok(Some(text)) => Ok(reader_view(&text, &request.quote)),
        Ok(None) => Err(crate::t!(*ctx.lang.peek(), "app-no-source-document")),
        Err(e) => Err(crate::describe(*ctx.lang.peek(), &e)),
    };
    rsx! {
        ReaderOverlay { label: request.label.clone(), citation, body }
    }
}

/// The overlay itself, given what to show (the SSR tests render it too).
#[component]
pub fn ReaderOverlay(
    label: String,
    citation: Option<String>,
    body: Result<ReaderView, String>,
) -> Element {
    let mut first_mark_seen = false;
    let lang = crate::use_lang();
    rsx! {
        div { class: "overlay reader-overlay",
            onclick: move |_| close_reader(),
            section {
                class: "dialog reader",
                role: "dialog",
                aria_modal: "true",
                aria_labelledby: "reader-title",
                tabindex: "-1",
                onclick: move |e| e.stop_propagation(),
                // Every key stays in the reader: Esc closes it, the rest
                // (arrows, Page Down, Tab) scroll and move as usual.
                onkeydown: move |e| {
                    e.stop_propagation();
                    if e.key() == Key::Escape {
                        e.prevent_default();
                        close_reader();
                    }
                },
                onmounted: move |e| async move {
                    let _ = e.set_focus(true).await;
                },
                header { class: "reader-head",
                    h2 { id: "reader-title", "{label}" }
                    button {
                        class: "primary",
                        aria_keyshortcuts: "Escape",
                        onclick: move |_| close_reader(),
                        {crate::t!(lang, "app-back-to-card")} kbd { class: "hint", "Esc" }
                    }
                }
                if let Some(c) = &citation {
                    p { class: "reader-citation", "{c}" }
                }
                match &body {
                    Ok(view) => rsx! {
                        if !view.found {
                            p { class: "reader-missing", role: "status",
                                {crate::t!(lang, "app-quote-not-found")} }
                        }
                        div { class: "reader-text",
                            for (i, para) in view.paragraphs.iter().enumerate() {
                                p { key: "{i}",
                                    for (j, seg) in para.iter().enumerate() {
                                        if seg.marked {
                                            {
                                                let first = !first_mark_seen;
                                                first_mark_seen = true;
                                                rsx! {
                                                    mark { key: "{j}",
                                                        id: if first { "reader-quote" } else { "" },
                                                        onmounted: move |e| async move {
                                                            if first {
                                                                let _ = e
                                                                    .scroll_to_with_options(ScrollToOptions {
                                                                        behavior: ScrollBehavior::Instant,
                                                                        vertical: ScrollLogicalPosition::Center,
                                                                        horizontal: ScrollLogicalPosition::Nearest,
                                                                    })
                                                                    .await;
                                                            }
                                                        },
                                                        "{seg.text}"
                                                    }
                                                }
                                            }
                                        } else {
                                            span { key: "{j}", "{seg.text}" }
                                        }
                                    }
                                }
                            }
                        }
                    },
                    Err(message) => rsx! {
                        p { class: "reader-missing", role: "alert", "{message}" }
                    },
                }
            }
        }
    }
}
