//! The desktop app (Dioxus 0.7, webview). The only module that imports
//! dioxus. Components render core state and call core methods; they never
//! touch the disk.

pub mod components;

use std::process::ExitCode;
use std::rc::Rc;

use dioxus::desktop::{Config, LogicalSize, WindowBuilder};
use dioxus::prelude::*;

use std::path::PathBuf;

use crate::Error;
use crate::bank::QuestionSet;
use crate::session::Library;
use crate::store::EventId;

/// The window title.
pub const TITLE: &str = "kioku";

/// The app's stylesheet, compiled in so the binary needs no asset folder.
const STYLE: &str = include_str!("../../assets/app.css");

/// What the app shows, built before the window opens.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub sets: Rc<Vec<QuestionSet>>,
    /// A problem opening the data directory, shown as a banner.
    pub banner: Option<String>,
}

impl AppState {
    pub fn new(sets: Vec<QuestionSet>) -> Self {
        Self {
            sets: Rc::new(sets),
            banner: None,
        }
    }
}

/// Open the window on the data directory `data_dir`. Returns only on
/// error: the event loop exits the process when the window closes.
pub fn launch(data_dir: PathBuf) -> Result<ExitCode, Error> {
    let opened = Library::open(&data_dir, jiff::tz::TimeZone::system(), || {
        EventId::random(&mut rand::rng()).0
    });
    let state = match opened {
        Ok(lib) => {
            let mut state = AppState::new(lib.sets().to_vec());
            if !lib.warnings().is_empty() {
                let lines: Vec<String> = lib.warnings().iter().map(ToString::to_string).collect();
                state.banner = Some(lines.join("\n"));
            }
            state
        }
        Err(e) => {
            let mut state = AppState::new(crate::bank::builtin_sets()?);
            state.banner = Some(e.to_string());
            state
        }
    };
    let dom = VirtualDom::new_with_props(App, AppProps { state });
    let window = WindowBuilder::new()
        .with_title(TITLE)
        .with_inner_size(LogicalSize::new(1024.0, 720.0))
        .with_min_inner_size(LogicalSize::new(800.0, 600.0));
    let config = Config::new()
        .with_window(window)
        .with_menu(None)
        .with_custom_head(format!("<style>{STYLE}</style>"));
    dioxus::desktop::launch::launch_virtual_dom(dom, config)
}

/// The root component.
#[component]
pub fn App(state: AppState) -> Element {
    rsx! {
        main { class: "app",
            header { class: "app-header",
                h1 { "kioku" }
                p { class: "tagline", "Study with spaced repetition" }
            }
            if let Some(banner) = &state.banner {
                div { class: "banner", role: "alert", "{banner}" }
            }
            components::DeckList { sets: state.sets.clone() }
        }
    }
}
