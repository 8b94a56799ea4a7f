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
use kioku_core::library::{DeletedSet, Library};
use kioku_core::review::EventId;
use kioku_core::store::{Language, Theme};
use kioku_core::study::StudySession;
pub use kioku_i18n::{Lang, t};

/// The window title.
pub const TITLE: &str = "kioku";

/// The app's stylesheet, compiled in so the binary needs no asset folder.
pub const STYLE: &str = include_str!("../../../assets/app.css");

/// The page's content security policy for media URLs in `form`. Card
/// content is untrusted: it may load images and audio only through the
/// media protocol (served by [`media_response`]; `kioku-media:` on Linux
/// and macOS, `http://kioku-media.localhost` on Windows, where WebView2
/// serves custom protocols that way) and `data:` images, nothing remote.
/// Scripts: only Dioxus's own inline module loader and what the app runs
/// through `document::eval` (focus, text selection), which needs
/// `unsafe-eval`: without it the window smoke test found every shortcut
/// dead. Card HTML never contains a script (see `kioku_core::markdown`),
/// and nothing is loaded from elsewhere. Dioxus talks to the app over its
/// edits websocket on localhost and the `dioxus:` / `ipc:` protocols.
pub fn content_security_policy(form: kioku_core::media::UrlForm) -> String {
    let media = form.csp_source();
    format!(
        "default-src 'none'; \
    img-src {media} data:; \
    media-src {media}; \
    style-src 'unsafe-inline'; \
    script-src 'self' 'unsafe-inline' 'unsafe-eval'; \
    connect-src 'self' ipc: http://ipc.localhost dioxus: http://dioxus.index.html ws://127.0.0.1:* ws://localhost:*"
    )
}

/// What goes into the page's `<head>`: the policy for this platform, then
/// the stylesheet.
pub fn custom_head() -> String {
    let csp = content_security_policy(kioku_core::media::UrlForm::NATIVE);
    format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\"><style>{STYLE}</style>")
}

/// Serve a `kioku-media://SET/FILE` request from `sets_dir/SET.media/`,
/// only through the core's resolver (canonicalized, inside the folder, a
/// supported type, at most the size limit). The file is served with its
/// own content type and `nosniff`, and a policy that runs no script even
/// if an SVG were opened as a document. Anything refused is a 404 with the
/// reason as plain text. The whole file; see [`media_range_response`].
pub fn media_response(sets_dir: &Path, uri: &str) -> Response<Cow<'static, [u8]>> {
    media_range_response(sets_dir, uri, None)
}

/// [`media_response`] honouring an HTTP `Range` header, so `<audio>` can
/// seek: one byte range is a 206 with `Content-Range`, a range past the end
/// a 416, anything else (no header, several ranges, a malformed one) the
/// whole file. Every answer says `Accept-Ranges: bytes`.
pub fn media_range_response(
    sets_dir: &Path,
    uri: &str,
    range: Option<&str>,
) -> Response<Cow<'static, [u8]>> {
    use kioku_core::media::RangeRequest;
    let found = kioku_core::media::resolve(uri, |set| Some(sets_dir.join(format!("{set}.media"))))
        .and_then(|file| file.read().map(|bytes| (file.media_type, bytes)));
    let builder = Response::builder()
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'",
        )
        .header("Cache-Control", "no-store")
        .header("Accept-Ranges", "bytes");
    let response = match found {
        Ok((media_type, bytes)) => {
            let len = bytes.len() as u64;
            let builder = builder.header("Content-Type", media_type.content_type());
            match RangeRequest::parse(range, len) {
                RangeRequest::Full => builder.status(200).body(Cow::Owned(bytes)),
                RangeRequest::Partial(r) => builder
                    .status(206)
                    .header("Content-Range", r.content_range(len))
                    .body(Cow::Owned(
                        bytes[r.start as usize..=r.end as usize].to_vec(),
                    )),
                RangeRequest::Unsatisfiable => builder
                    .status(416)
                    .header("Content-Range", format!("bytes */{len}"))
                    .body(Cow::Borrowed(&[][..])),
            }
        }
        Err(e) => builder
            .status(404)
            .header("Content-Type", "text/plain; charset=utf-8")
            .body(Cow::Owned(e.to_string().into_bytes())),
    };
    response.unwrap_or_else(|_| Response::new(Cow::Borrowed(&[][..])))
}

/// The screen showing, with its state: one value, so a screen cannot
/// exist without its state. Changed only through [`AppCtx::go`] (to move
/// to another screen) and the `with_*` methods (to act on this one).
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    Study(StudySession),
    Settings,
    /// Setting up a self-test on this set.
    ExamSetup(SetId),
    /// Taking a self-test, or its result once finished; `saved` once the
    /// result is on disk.
    Exam {
        session: ExamSession,
        saved: bool,
    },
    /// Setting up a cram session on this set.
    CramSetup(SetId),
    /// Statistics for one set, or all.
    Stats(Option<SetId>),
    Editor(EditorState),
}

/// Which screen is showing, without its state (for matching keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Home,
    Study,
    Settings,
    ExamSetup,
    Exam,
    CramSetup,
    Stats,
    Editor,
}

impl Screen {
    pub fn page(&self) -> Page {
        match self {
            Screen::Home => Page::Home,
            Screen::Study(_) => Page::Study,
            Screen::Settings => Page::Settings,
            Screen::ExamSetup(_) => Page::ExamSetup,
            Screen::Exam { .. } => Page::Exam,
            Screen::CramSetup(_) => Page::CramSetup,
            Screen::Stats(_) => Page::Stats,
            Screen::Editor(_) => Page::Editor,
        }
    }
}

/// What the window starts with: the opened library (or why it could not
/// be opened) and the first screen (tests and previews start elsewhere
/// than the deck list). Handed to the root component once, through
/// context.
#[derive(Clone)]
pub struct Boot(Rc<RefCell<Option<Start>>>, FilePicker, Option<Lang>);

/// The library (or why it could not be opened) and the first screen.
type Start = (Opening, Screen);

/// The library, opened already or still opening on another thread.
enum Opening {
    Done(Box<Result<Library, String>>),
    Pending(std::thread::JoinHandle<Result<Library, String>>),
}

impl Opening {
    fn wait(self) -> Result<Library, String> {
        match self {
            Opening::Done(library) => *library,
            Opening::Pending(thread) => thread
                .join()
                .unwrap_or_else(|_| Err("opening the library stopped unexpectedly".into())),
        }
    }
}

impl Boot {
    pub fn new(library: Result<Library, String>) -> Self {
        Self::at(library, Screen::Home)
    }

    /// Start on `screen`.
    pub fn at(library: Result<Library, String>, screen: Screen) -> Self {
        Self::starting(Opening::Done(Box::new(library)), screen)
    }

    /// Start with the library `thread` is opening: the window and its
    /// webview are made meanwhile, and the first render waits for it.
    pub fn opening(thread: std::thread::JoinHandle<Result<Library, String>>) -> Self {
        Self::starting(Opening::Pending(thread), Screen::Home)
    }

    fn starting(library: Opening, screen: Screen) -> Self {
        Self(
            Rc::new(RefCell::new(Some((library, screen)))),
            FilePicker::default(),
            None,
        )
    }

    /// Start in `lang` whatever the settings and the environment say
    /// (tests: their text must not depend on the machine's locale). Saving
    /// a language in Settings still changes it.
    pub fn speaking(mut self, lang: Lang) -> Self {
        self.2 = Some(lang);
        self
    }

    /// Answer file dialogs with `pick` instead of opening the system's
    /// (for tests: the whole import/export flow without a window).
    pub fn with_picker(mut self, pick: impl Fn(&Pick) -> Option<PathBuf> + 'static) -> Self {
        self.1 = FilePicker(Some(Rc::new(pick)));
        self
    }

    fn take(&self) -> (Result<Library, String>, Screen) {
        match self.0.borrow_mut().take() {
            Some((library, screen)) => (library.wait(), screen),
            None => (Err("the library was already taken".into()), Screen::Home),
        }
    }
}

/// What a file dialog is opened for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// A file to import.
    Import,
    /// Where to export the set titled `title`; `suggested` is the file
    /// name offered.
    Export { title: String, suggested: String },
}

/// Where chosen file paths come from: the system's file dialog, or a
/// function put in by [`Boot::with_picker`].
#[derive(Clone, Default)]
pub struct FilePicker(Option<Rc<PickFn>>);

/// A stand-in for the file dialog: the path chosen, or `None` (cancelled).
type PickFn = dyn Fn(&Pick) -> Option<PathBuf>;

/// Extensions kioku reads, for the import dialog's filter.
pub const IMPORT_EXTENSIONS: &[&str] = &[
    "json", "kioku", "apkg", "colpkg", "md", "csv", "tsv", "txt", "gift", "aiken",
];

/// The outcome of something the user did on the decks screen (import,
/// export, delete): shown until dismissed or replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Done (shown as success) or failed (shown as an error).
    pub ok: bool,
    /// The first line says what happened; the rest name what was skipped
    /// or changed.
    pub lines: Vec<String>,
    /// A deleted set that "Undo" puts back.
    pub undo: Option<DeletedSet>,
}

/// One line of the banner.
#[derive(Debug, Clone)]
pub enum BannerLine {
    /// Worded when it happened (an action's error).
    Said(String),
    /// A warning about the data directory, worded in the app's language
    /// each time it is shown.
    Warning(kioku_core::store::Warning),
}

impl BannerLine {
    /// The line in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            BannerLine::Said(s) => s.clone(),
            BannerLine::Warning(w) => kioku_i18n::words::warning(lang, w),
        }
    }
}

/// The app's shared state, provided as context to every component.
#[derive(Clone, Copy)]
pub struct AppCtx {
    /// `None` when the data directory could not be opened.
    pub library: Signal<Option<Library>>,
    /// The screen and its state.
    pub screen: Signal<Screen>,
    /// Errors and warnings to show in the banner.
    pub banner: Signal<Vec<BannerLine>>,
    pub help_open: Signal<bool>,
    /// Bumped when the editor's fields must be rebuilt from the draft (a set
    /// opened, questions deleted or moved, a blank made): its text fields are
    /// uncontrolled, keyed by this.
    pub editor_gen: Signal<u64>,
    /// The outcome of the last import, export or delete.
    pub notice: Signal<Option<Notice>>,
    pub picker: Signal<FilePicker>,
    /// The language every component speaks; set from the settings (or
    /// the system's) at start and when Settings are saved.
    pub lang: Signal<Lang>,
}

/// The app's language, for a component (subscribed to changes). English
/// where no app is around it (a component rendered alone in a test).
pub fn use_lang() -> Lang {
    try_use_context::<AppCtx>().map_or(Lang::En, |c| c.lang())
}

/// The language the `setting` asks for: the system's (`KIOKU_LANG`, then
/// the locale) for [`Language::System`].
pub fn resolve_lang(setting: Language) -> Lang {
    match setting {
        Language::System => kioku_i18n::current(),
        Language::En => Lang::En,
        Language::Ja => Lang::Ja,
    }
}

impl AppCtx {
    /// Navigation, in one place: show `screen` and put focus back where
    /// the keys work.
    pub fn go(mut self, screen: Screen) {
        self.screen.set(screen);
        refocus();
    }

    /// The language to speak (subscribes the component to changes).
    pub fn lang(&self) -> Lang {
        *self.lang.read()
    }

    /// Which screen is showing.
    pub fn page(&self) -> Page {
        self.screen.read().page()
    }

    /// The study session showing, if the study screen is.
    pub fn study(&self) -> Option<StudySession> {
        match &*self.screen.read() {
            Screen::Study(s) => Some(s.clone()),
            _ => None,
        }
    }

    /// Act on the study session showing; `None` if none is.
    pub fn with_study<R>(mut self, f: impl FnOnce(&mut StudySession) -> R) -> Option<R> {
        match &mut *self.screen.write() {
            Screen::Study(s) => Some(f(s)),
            _ => None,
        }
    }

    /// The self-test showing and whether its result is saved.
    pub fn exam(&self) -> Option<(ExamSession, bool)> {
        match &*self.screen.read() {
            Screen::Exam { session, saved } => Some((session.clone(), *saved)),
            _ => None,
        }
    }

    /// Act on the self-test showing (and its `saved` flag).
    pub fn with_exam<R>(mut self, f: impl FnOnce(&mut ExamSession, &mut bool) -> R) -> Option<R> {
        match &mut *self.screen.write() {
            Screen::Exam { session, saved } => Some(f(session, saved)),
            _ => None,
        }
    }

    /// The editor's state, if the editor is showing.
    pub fn editor(&self) -> Option<EditorState> {
        match &*self.screen.read() {
            Screen::Editor(e) => Some(e.clone()),
            _ => None,
        }
    }

    /// Act on the editor's state.
    pub fn with_editor<R>(mut self, f: impl FnOnce(&mut EditorState) -> R) -> Option<R> {
        match &mut *self.screen.write() {
            Screen::Editor(e) => Some(f(e)),
            _ => None,
        }
    }

    /// Ask for a file: the system's dialog (run by rfd off the UI thread,
    /// so the window keeps drawing), or the test's picker. `None` when
    /// cancelled.
    pub async fn pick_file(self, pick: Pick) -> Option<PathBuf> {
        let fixed = self.picker.peek().0.clone();
        if let Some(f) = fixed {
            return f(&pick);
        }
        let lang = *self.lang.peek();
        let dialog = rfd::AsyncFileDialog::new();
        let handle = match pick {
            Pick::Import => {
                dialog
                    .set_title(t!(lang, "app-import-dialog-title"))
                    .add_filter(t!(lang, "app-import-dialog-filter"), IMPORT_EXTENSIONS)
                    .pick_file()
                    .await
            }
            Pick::Export { title, suggested } => {
                dialog
                    .set_title(t!(lang, "app-export-dialog-title", title = title))
                    .set_file_name(suggested)
                    .save_file()
                    .await
            }
        };
        handle.map(|h| h.path().to_owned())
    }

    /// Report an error in the banner instead of failing.
    pub fn fail(mut self, message: String) {
        self.banner.write().push(BannerLine::Said(message));
    }
}

/// After the screen changes or an overlay closes, keyboard focus may sit on
/// an element that was removed (the body then gets the keys, and the
/// shortcuts stop). Give it back to the element that had it before the
/// overlay opened (see [`remember_focus`]) when that is still there, else to
/// the main card or view; inputs that mount focus themselves.
pub fn refocus() {
    let _ = document::eval(REFOCUS_JS);
}

/// The script [`refocus`] runs in the webview.
pub const REFOCUS_JS: &str = r#"(() => {
            // Wait until the overlay is gone from the page: on a busy
            // machine it can outlive a single fixed delay, and focusing
            // before it goes lets focus fall to the body (shortcuts dead).
            let tries = 0;
            const restore = () => {
                const overlay = document.querySelector('.overlay');
                if (overlay && tries++ < 100) { setTimeout(restore, 30); return; }
                const a = document.activeElement;
                const lost = !a || a === document.body || !a.isConnected
                    || (a.closest && a.closest('.overlay'));
                const before = window.__kiokuFocusBefore;
                if (!overlay && before) {
                    window.__kiokuFocusBefore = null;
                    if (before.isConnected && lost) { before.focus(); return; }
                }
                if (lost) {
                    const home = document.querySelector('[data-focus-home]') || document.querySelector('.app');
                    if (home) home.focus();
                }
            };
            setTimeout(restore, 30);
            // Focus can still drop to the body when the old screen's
            // element is removed after this ran: check once more.
            setTimeout(() => {
                const a = document.activeElement;
                if (!document.querySelector('.overlay') && (!a || a === document.body)) {
                    const home = document.querySelector('[data-focus-home]') || document.querySelector('.app');
                    if (home) home.focus();
                }
            }, 400);
        })();"#;

/// Before an overlay opens: note what has focus, for [`refocus`] to give it
/// back when the overlay closes.
pub fn remember_focus() {
    let _ = document::eval(REMEMBER_FOCUS_JS);
}

/// The script [`remember_focus`] runs in the webview.
pub const REMEMBER_FOCUS_JS: &str = "window.__kiokuFocusBefore = document.activeElement;";

/// A library error in the app's words (the core's own text names no
/// front end's controls).
pub fn describe(lang: Lang, e: &kioku_core::library::LibraryError) -> String {
    use kioku_core::library::LibraryError as E;
    use kioku_core::store::StoreError;
    match e {
        E::BuiltinReadOnly(id) => t!(lang, "app-error-builtin-read-only", set = id.to_string()),
        E::UnknownFormat(path) => t!(
            lang,
            "app-error-unknown-format",
            path = path.display().to_string()
        ),
        E::Store(StoreError::SetExists { id, .. }) => {
            t!(lang, "app-error-set-exists", set = id.to_string())
        }
        E::Store(StoreError::BuiltinSet { id }) => {
            t!(lang, "app-error-builtin-set", set = id.to_string())
        }
        E::Store(e) => kioku_i18n::words::store_error(lang, e),
        // The rest as the command line words it (a file that is not a
        // valid set: each problem on its line).
        other => kioku_i18n::words::library_error(lang, other),
    }
}

/// Every this many answers, the app writes the progress snapshot (so a
/// crash or a kill leaves the next open at most this many events to
/// replay on top of it). Also written when the window closes.
pub const SNAPSHOT_EVERY: u64 = 50;

/// Write the progress snapshot if [`SNAPSHOT_EVERY`] answers were recorded
/// since the last one: in a task of its own, so after the answer's event
/// handler has returned and the next card is rendered (off the answer
/// path). The write is atomic; its errors are not the user's concern (the
/// next open replays the log's tail).
pub fn save_snapshot_soon(ctx: AppCtx) {
    let due = ctx
        .library
        .peek()
        .as_ref()
        .is_some_and(|lib| lib.snapshot_due(SNAPSHOT_EVERY));
    if due {
        spawn(async move {
            let mut library = ctx.library;
            if let Some(lib) = library.write().as_mut() {
                let _ = lib.save_snapshot();
            }
        });
    }
}

/// At window close, write the progress snapshot: the event loop exits the
/// process without dropping the library. Does nothing outside a desktop
/// window (tests, server-side rendering).
fn save_snapshot_on_close(library: Signal<Option<Library>>) {
    use dioxus::desktop::tao::event::{Event, WindowEvent};
    let Some(window) = try_consume_context::<dioxus::desktop::DesktopContext>() else {
        return;
    };
    let runtime = dioxus::core::Runtime::current();
    let scope = dioxus::core::current_scope_id();
    window.create_wry_event_handler(move |event, _| {
        let closing = matches!(
            event,
            Event::WindowEvent {
                event: WindowEvent::CloseRequested | WindowEvent::Destroyed,
                ..
            } | Event::LoopDestroyed
        );
        if closing {
            runtime.in_scope(scope, || {
                let mut library = library;
                if let Some(lib) = library.write().as_mut() {
                    let _ = lib.save_snapshot();
                }
            });
        }
    });
}

/// With `KIOKU_TIMING` set, print `kioku-timing: WHAT UNIX_MS` to stderr
/// (and, at start, `kioku-lang: en` or `ja`: the language the window speaks)
/// the first time each of these happens: `opened` (the library is open),
/// `home` (the deck list is in the webview's document) and `card` (the
/// first study card is). A script that notes the time it started the
/// process gets launch-to-screen times from them (see benches/README.md).
pub fn timing_mark(what: &'static str) {
    use std::sync::Mutex;
    static SEEN: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    if std::env::var_os("KIOKU_TIMING").is_none() {
        return;
    }
    let Ok(mut seen) = SEEN.lock() else { return };
    if seen.contains(&what) {
        return;
    }
    seen.push(what);
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    eprintln!("kioku-timing: {what} {ms}");
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
    let sets_dir = data_dir.join("sets");
    // The library opens on its own thread while the window, WebKit's
    // processes and the page start: the first render waits for it.
    let opening = std::thread::spawn(move || {
        Library::open(&data_dir, jiff::tz::TimeZone::system(), || {
            EventId::random(&mut rand::rng()).0
        })
        .map(|mut lib| {
            timing_mark("opened");
            // Write the progress snapshot now if opening had to replay: the
            // event loop exits the process without dropping the library, so
            // this session's answers are replayed as the log's tail next time.
            let _ = lib.save_snapshot();
            lib
        })
        // The library's language setting is not known yet: the system's.
        .map_err(|e| kioku_i18n::words::library_error(kioku_i18n::current(), &e))
    });
    let dom = VirtualDom::new(App).with_root_context(Boot::opening(opening));
    let window = WindowBuilder::new()
        .with_title(TITLE)
        .with_inner_size(LogicalSize::new(1100.0, 780.0))
        .with_min_inner_size(LogicalSize::new(800.0, 600.0));
    let mut config = Config::new()
        .with_window(window)
        .with_menu(None)
        .with_custom_head(custom_head())
        .with_custom_protocol(kioku_core::media::SCHEME, move |_webview, request| {
            let range = request.headers().get("range").and_then(|v| v.to_str().ok());
            media_range_response(&sets_dir, &request.uri().to_string(), range)
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
        let picker = boot.1.clone();
        let forced = boot.2;
        let (library, screen) = boot.take();
        let lang = forced.unwrap_or_else(|| {
            resolve_lang(
                library
                    .as_ref()
                    .map_or(Language::System, |l| l.settings().language),
            )
        });
        let mut banner = Vec::new();
        let library = match library {
            Ok(lib) => {
                banner.extend(lib.warnings().iter().cloned().map(BannerLine::Warning));
                Some(lib)
            }
            Err(e) => {
                banner.push(BannerLine::Said(e));
                None
            }
        };
        if std::env::var_os("KIOKU_TIMING").is_some() {
            // For the window tests: the language the window speaks.
            eprintln!("kioku-lang: {lang}");
        }
        let library = Signal::new(library);
        save_snapshot_on_close(library);
        AppCtx {
            library,
            screen: Signal::new(screen),
            banner: Signal::new(banner),
            help_open: Signal::new(false),
            editor_gen: Signal::new(0),
            notice: Signal::new(None),
            picker: Signal::new(picker),
            lang: Signal::new(lang),
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
    let page = ctx.page();
    let lang = ctx.lang();
    rsx! {
        div {
            class: "app {theme_class}",
            lang: lang.code(),
            style: "--text-scale: {text_size}%",
            tabindex: "-1",
            onkeydown: move |e| components::keys::on_key(ctx, e),
            onmounted: move |e| async move {
                let _ = e.set_focus(true).await;
            },
            components::Banner {}
            match page {
                Page::Home => rsx! { components::Home {} },
                Page::Study => rsx! { components::Study {} },
                Page::Settings => rsx! { components::SettingsView {} },
                Page::ExamSetup => rsx! { components::ExamSetup {} },
                Page::Exam => rsx! { components::ExamView {} },
                Page::CramSetup => rsx! { components::CramSetup {} },
                Page::Stats => rsx! { components::StatsView {} },
                Page::Editor => rsx! { components::Editor {} },
            }
            if *ctx.help_open.read() {
                components::Help {}
            }
            components::ZoomOverlay {}
        }
    }
}
