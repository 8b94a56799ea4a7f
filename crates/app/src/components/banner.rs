//! Problems with the data directory or an action, shown until dismissed.

use dioxus::prelude::*;

use crate::{AppCtx, t};

#[component]
pub fn Banner() -> Element {
    let mut ctx: AppCtx = use_context();
    let lang = ctx.lang();
    let messages: Vec<String> = ctx.banner.read().iter().map(|m| m.text(lang)).collect();
    if messages.is_empty() {
        return rsx! {};
    }
    rsx! {
        div { class: "banner", role: "alert",
            ul {
                for m in messages.iter() {
                    li { "{m}" }
                }
            }
            button {
                class: "link",
                onclick: move |_| ctx.banner.write().clear(),
                {t!(lang, "app-dismiss")}
            }
        }
    }
}
