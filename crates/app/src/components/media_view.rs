//! Media on the study, self-test and cram screens: an image enlarged in an
//! overlay (click it, or `Z`; Esc closes and focus goes back where it was)
//! and the card's sound replayed with `R`. Card images come from the
//! card's Markdown as `kioku-media://` URLs, so what is enlarged is checked
//! to be one of those again before it is shown.

use dioxus::prelude::*;

use kioku_core::media::MediaUrl;

/// The enlarged image: `(src, alt)`.
static ZOOM: GlobalSignal<Option<(String, String)>> = Signal::global(|| None);

/// Images on a card, in the study and self-test screens (cram is a study
/// session), and in the editor's preview.
const CARD_IMAGES: &str = "main.study .card img, .preview .card img";

/// Is an image enlarged?
pub fn zoom_open() -> bool {
    ZOOM.peek().is_some()
}

/// Enlarge `src` (only a `kioku-media://` URL), remembering what had focus.
pub fn open_zoom(src: String, alt: String) {
    if MediaUrl::parse(&src).is_err() {
        return;
    }
    if !zoom_open() {
        crate::remember_focus();
    }
    *ZOOM.write() = Some((src, alt));
}

/// Close the enlarged image and give focus back.
pub fn close_zoom() {
    *ZOOM.write() = None;
    crate::refocus();
}

/// The `Z` key: enlarge the first image on the card, if there is one.
pub fn zoom_first() {
    spawn(async move {
        let js = format!(
            "const i = document.querySelector('{CARD_IMAGES}'); dioxus.send(i ? [i.getAttribute('src'), i.alt] : null);"
        );
        let mut eval = document::eval(&js);
        if let Ok(Some((src, alt))) = eval.recv::<Option<(String, String)>>().await {
            open_zoom(src, alt);
        }
    });
}

/// The script [`replay`] runs: the card's first sound from the start.
pub const REPLAY_JS: &str = "const a = document.querySelector('main.study .card audio'); if (a) { a.currentTime = 0; a.play(); }";

/// The `R` key: play the card's sound again from the start.
pub fn replay() {
    let _ = document::eval(REPLAY_JS);
}

/// Clicks on card images, reported from the page (the images are inside
/// the card's rendered Markdown, out of reach of Rust handlers). Installed
/// once: a second install replaces the first listener.
const CLICK_LISTENER_JS: &str = r#"
    if (window.__kiokuZoomClick) document.removeEventListener('click', window.__kiokuZoomClick);
    window.__kiokuZoomClick = (e) => {
        const img = e.target && e.target.closest ? e.target.closest(SELECTOR) : null;
        if (img) dioxus.send([img.getAttribute('src'), img.alt]);
    };
    document.addEventListener('click', window.__kiokuZoomClick);
"#;

/// The overlay, and the listener that opens it on a click. Rendered once,
/// at the root.
#[component]
pub fn ZoomOverlay() -> Element {
    use_future(|| async {
        let js = CLICK_LISTENER_JS.replace("SELECTOR", &format!("'{CARD_IMAGES}'"));
        let mut eval = document::eval(&js);
        while let Ok((src, alt)) = eval.recv::<(String, String)>().await {
            open_zoom(src, alt);
        }
    });
    let lang = crate::use_lang();
    let Some((src, alt)) = ZOOM.read().clone() else {
        return rsx! {};
    };
    rsx! {
        div { class: "overlay zoom", role: "dialog", aria_modal: "true", aria_label: crate::t!(lang, "app-zoomed-image", alt = &alt),
            onclick: move |_| close_zoom(),
            figure { class: "zoomed",
                img { src: "{src}", alt: "{alt}" }
                figcaption { "{alt}" }
            }
            button {
                class: "primary zoom-close",
                onclick: move |e| {
                    e.stop_propagation();
                    close_zoom();
                },
                onmounted: move |e| async move {
                    let _ = e.set_focus(true).await;
                },
                {crate::t!(lang, "app-close-esc")}
            }
        }
    }
}
