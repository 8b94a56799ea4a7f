//! kioku's desktop app (Dioxus 0.7, webview), a thin front end over
//! `kioku-core`: the only crate that imports dioxus. Components render core state held in signals and call core
//! methods; they never touch the disk themselves.

pub mod components;
mod icon;

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

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
    .map(|mut lib| {
        // Write the progress snapshot now if opening had to replay: the
        // event loop exits the process without dropping the library, so
        // this session's answers are replayed as the log's tail next time.
        let _ = lib.save_snapshot();
        lib
    })
    .map_err(|e| e.to_string());
    let dom = VirtualDom::new(App).with_root_context(Boot::new(opened));
    let window = WindowBuilder::new()
        .with_title(TITLE)
        .with_inner_size(LogicalSize::new(1100.0, 780.0))
        .with_min_inner_size(LogicalSize::new(800.0, 600.0));
    let mut config = Config::new()
        .with_window(window)
        .with_menu(None)
        .with_custom_head(format!("<style>{STYLE}</style>"));
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
