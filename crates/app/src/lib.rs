//! kioku's desktop app (Dioxus 0.7, webview), a thin front end over
//! `kioku-core`: the only crate that imports dioxus. Components render core state held in signals and call core
//! methods; they never touch the disk themselves.

pub mod components;
mod icon;

use std::borrow::Cow;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use dioxus::desktop::wry::http::Response;
use dioxus::desktop::{Config, LogicalSize, WindowBuilder};
use dioxus::prelude::*;
use jiff::Timestamp;

use kioku_core::bank::SetId;
use kioku_core::editor::EditorState;
use kioku_core::exam::ExamSession;
use kioku_core::library::Library;
use kioku_core::review::EventId;
use kioku_core::store::Theme;
use kioku_core::study::StudySession;

/// The window title.
pub const TITLE: &str = "kioku";

/// The app's stylesheet, compiled in so the binary needs no asset folder.
pub const STYLE: &str = include_str!("../../../assets/app.css");

/// The page's content security policy. Card content is untrusted: it may
/// load images and audio only through `kioku-media:` (served by
/// [`media_response`]) and `data:` images, nothing remote. Scripts: only
/// Dioxus's own inline module loader (the page has no other scripts; card
/// HTML never contains a script, see `kioku_core::markdown`), which talks
/// to the app over its edits websocket on localhost and the `dioxus:` /
/// `ipc:` protocols.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; \
    img-src kioku-media: data:; \
    media-src kioku-media:; \
    style-src 'unsafe-inline'; \
    script-src 'self' 'unsafe-inline'; \
    connect-src 'self' ipc: http://ipc.localhost dioxus: http://dioxus.index.html ws://127.0.0.1:* ws://localhost:*";

/// What goes into the page's `<head>`: the policy, then the stylesheet.
pub fn custom_head() -> String {
    format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\"><style>{STYLE}</style>"
    )
}

/// Serve a `kioku-media://SET/FILE` request from `sets_dir/SET.media/`,
/// only through the core's resolver (canonicalized, inside the folder, a
/// supported type, at most the size limit). The file is served with its
/// own content type and `nosniff`, and a policy that runs no script even
/// if an SVG were opened as a document. Anything refused is a 404 with the
/// reason as plain text.
pub fn media_response(sets_dir: &Path, uri: &str) -> Response<Cow<'static, [u8]>> {
    let found = kioku_core::media::resolve(uri, |set| Some(sets_dir.join(format!("{set}.media"))))
        .and_then(|file| file.read().map(|bytes| (file.media_type, bytes)));
    let builder = Response::builder()
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'",
        )
        .header("Cache-Control", "no-store");
    let response = match found {
        Ok((media_type, bytes)) => builder
            .status(200)
            .header("Content-Type", media_type.content_type())
            .body(Cow::Owned(bytes)),
        Err(e) => builder
            .status(404)
            .header("Content-Type", "text/plain; charset=utf-8")
            .body(Cow::Owned(e.to_string().into_bytes())),
    };
    response.unwrap_or_else(|_| Response::new(Cow::Borrowed(&[][..])))
}

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Study,
    Settings,
    ExamSetup,
    Exam,
    CramSetup,
    Stats,
    Editor,
}

/// What the window starts with: the opened library (or why it could not
/// be opened), and optionally a screen and study session (for tests and
/// previews). Handed to the root component once, through context.
#[derive(Clone)]
pub struct Boot(Rc<RefCell<Option<BootState>>>);

struct BootState {
    library: Result<Library, String>,
    screen: Screen,
    study: Option<StudySession>,
    exam_set: Option<SetId>,
    exam: Option<ExamSession>,
    editor: Option<EditorState>,
}

impl Boot {
    pub fn new(library: Result<Library, String>) -> Self {
        Self::with_screen(library, Screen::Home, None)
    }

    pub fn with_screen(
        library: Result<Library, String>,
        screen: Screen,
        study: Option<StudySession>,
    ) -> Self {
        Self(Rc::new(RefCell::new(Some(BootState {
            library,
            screen,
            study,
            exam_set: None,
            exam: None,
            editor: None,
        }))))
    }

    /// Start in the editor.
    pub fn with_editor(library: Result<Library, String>, editor: EditorState) -> Self {
        Self(Rc::new(RefCell::new(Some(BootState {
            library,
            screen: Screen::Editor,
            study: None,
            exam_set: None,
            exam: None,
            editor: Some(editor),
        }))))
    }

    /// Start on the self-test screens: set-up for `set` when `exam` is
    /// `None`, else the test (or its result, once finished).
    pub fn with_exam(
        library: Result<Library, String>,
        set: SetId,
        exam: Option<ExamSession>,
    ) -> Self {
        let screen = if exam.is_some() {
            Screen::Exam
        } else {
            Screen::ExamSetup
        };
        Self(Rc::new(RefCell::new(Some(BootState {
            library,
            screen,
            study: None,
            exam_set: Some(set),
            exam,
            editor: None,
        }))))
    }

    fn take(&self) -> BootState {
        self.0.borrow_mut().take().unwrap_or_else(|| BootState {
            library: Err("the library was already taken".into()),
            screen: Screen::Home,
            study: None,
            exam_set: None,
            exam: None,
            editor: None,
        })
    }
}

/// The app's shared state, provided as context to every component.
#[derive(Clone, Copy)]
pub struct AppCtx {
    /// `None` when the data directory could not be opened.
    pub library: Signal<Option<Library>>,
    pub screen: Signal<Screen>,
    pub study: Signal<Option<StudySession>>,
    /// Errors and warnings to show in the banner.
    pub banner: Signal<Vec<String>>,
    pub help_open: Signal<bool>,
    /// The set a self-test, cram session or statistics page is for.
    pub exam_set: Signal<Option<SetId>>,
    pub exam: Signal<Option<ExamSession>>,
    /// Whether the finished self-test's result is on disk.
    pub exam_saved: Signal<bool>,
    pub editor: Signal<Option<EditorState>>,
}

/// After the screen changes, keyboard focus may sit on an element that was
/// removed (the body then gets the keys, and the shortcuts stop). Put it
/// back on the main card or view; inputs that mount focus themselves.
pub fn refocus() {
    let _ = document::eval(
        r#"setTimeout(() => {
            const a = document.activeElement;
            if (!a || a === document.body || !a.isConnected) {
                const home = document.querySelector('[data-focus-home]') || document.querySelector('.app');
                if (home) home.focus();
            }
        }, 80);"#,
    );
}

impl AppCtx {
    /// Report an error in the banner instead of failing.
    pub fn fail(mut self, e: impl std::fmt::Display) {
        self.banner.write().push(e.to_string());
    }
}

/// A library error in the app's words (the core's own text names no
/// front end's controls).
pub fn describe(e: &kioku_core::library::LibraryError) -> String {
    use kioku_core::library::LibraryError as E;
    use kioku_core::store::StoreError;
    match e {
        E::BuiltinReadOnly(id) => {
            format!("\"{id}\" is built in and read-only; duplicate it to edit")
        }
        E::UnknownFormat(path) => format!(
            "cannot tell the format of {} from its extension; choose one",
            path.display()
        ),
        E::Store(StoreError::SetExists { id, .. }) => {
            format!("a set with id \"{id}\" already exists; delete or rename it first")
        }
        E::Store(StoreError::BuiltinSet { id }) => {
            format!("\"{id}\" is the id of a built-in set; rename the file to import it")
        }
        other => other.to_string(),
    }
}

/// The clock and ids for the UI: the edge where time and randomness enter.
pub fn now() -> Timestamp {
    Timestamp::now()
}

pub fn new_event_id() -> EventId {
    EventId::random(&mut rand::rng())
}

/// Open the window on the data directory `data_dir`. Does not return: the
/// event loop exits the process when the window closes. A data directory
/// that cannot be opened is reported in the window.
pub fn launch(data_dir: PathBuf) -> ! {
    let opened = Library::open(&data_dir, jiff::tz::TimeZone::system(), || {
        EventId::random(&mut rand::rng()).0
    })
    .map_err(|e| e.to_string());
    let sets_dir = data_dir.join("sets");
    let dom = VirtualDom::new(App).with_root_context(Boot::new(opened));
    let window = WindowBuilder::new()
        .with_title(TITLE)
        .with_inner_size(LogicalSize::new(1100.0, 780.0))
        .with_min_inner_size(LogicalSize::new(800.0, 600.0));
    let mut config = Config::new()
        .with_window(window)
        .with_menu(None)
        .with_custom_head(custom_head())
        .with_custom_protocol(kioku_core::media::SCHEME, move |_webview, request| {
            media_response(&sets_dir, &request.uri().to_string())
        });
    if let Some(icon) = icon::app_icon() {
        config = config.with_icon(icon);
    }
    dioxus::desktop::launch::launch_virtual_dom(dom, config)
}

/// The root component.
#[component]
pub fn App() -> Element {
    let ctx = use_context_provider(|| {
        let boot: Boot = consume_context();
        let state = boot.take();
        let mut banner = Vec::new();
        let library = match state.library {
            Ok(lib) => {
                banner.extend(lib.warnings().iter().map(ToString::to_string));
                Some(lib)
            }
            Err(e) => {
                banner.push(e);
                None
            }
        };
        AppCtx {
            library: Signal::new(library),
            screen: Signal::new(state.screen),
            study: Signal::new(state.study),
            banner: Signal::new(banner),
            help_open: Signal::new(false),
            exam_set: Signal::new(state.exam_set),
            exam: Signal::new(state.exam),
            exam_saved: Signal::new(false),
            editor: Signal::new(state.editor),
        }
    });
    let (theme, text_size) = match &*ctx.library.read() {
        Some(lib) => (lib.settings().theme, lib.settings().text_size),
        None => (Theme::System, 100),
    };
    let theme_class = match theme {
        Theme::System => "theme-system",
        Theme::Light => "theme-light",
        Theme::Dark => "theme-dark",
    };
    let screen = *ctx.screen.read();
    rsx! {
        div {
            class: "app {theme_class}",
            style: "--text-scale: {text_size}%",
            tabindex: "-1",
            onkeydown: move |e| components::keys::on_key(ctx, e),
            onmounted: move |e| async move {
                let _ = e.set_focus(true).await;
            },
            components::Banner {}
            match screen {
                Screen::Home => rsx! { components::Home {} },
                Screen::Study => rsx! { components::Study {} },
                Screen::Settings => rsx! { components::SettingsView {} },
                Screen::ExamSetup => rsx! { components::ExamSetup {} },
                Screen::Exam => rsx! { components::ExamView {} },
                Screen::CramSetup => rsx! { components::CramSetup {} },
                Screen::Stats => rsx! { components::StatsView {} },
                Screen::Editor => rsx! { components::Editor {} },
            }
            if *ctx.help_open.read() {
                components::Help {}
            }
        }
    }
}
