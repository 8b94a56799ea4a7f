//! The desktop app (Dioxus 0.7, webview). The only module that imports
//! dioxus. Components render core state and call core methods; they never
//! touch the disk.

pub mod components;

use std::process::ExitCode;
use std::rc::Rc;

use dioxus::desktop::{Config, LogicalSize, WindowBuilder};
use dioxus::prelude::*;

use crate::Error;
use crate::bank::QuestionSet;

/// The window title.
pub const TITLE: &str = "kioku";

/// The app's stylesheet, compiled in so the binary needs no asset folder.
const STYLE: &str = include_str!("../../assets/app.css");

/// What the app shows, built before the window opens.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub sets: Rc<Vec<QuestionSet>>,
}

impl AppState {
    pub fn new(sets: Vec<QuestionSet>) -> Self {
        Self {
            sets: Rc::new(sets),
        }
    }
}

/// Open the window on the built-in sets. Returns only on error: the event
/// loop exits the process when the window closes.
pub fn launch() -> Result<ExitCode, Error> {
    let sets = crate::bank::builtin_sets()?;
    let dom = VirtualDom::new_with_props(
        App,
        AppProps {
            state: AppState::new(sets),
        },
    );
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
            components::DeckList { sets: state.sets.clone() }
        }
    }
}
