//! One labelled form field, as the settings screen and the editor use it:
//! a label, an uncontrolled input (or text area), an optional hint, and a
//! message line.
//!
//! The message line is always there and keeps its height when empty, so
//! the form does not jump as messages come and go (a click aimed at the
//! next field lands in it). The input says whether it is invalid
//! (`aria-invalid`) and which hint and message describe it
//! (`aria-describedby`).

use dioxus::prelude::*;

/// Keys typed in a field are the field's, not the app's shortcuts — but
/// Escape, and Ctrl+S (save, in the editor), still reach the app.
pub fn keep_key_in_field(e: &KeyboardEvent) {
    let ctrl = e.modifiers().ctrl() || e.modifiers().meta();
    let save = ctrl && matches!(e.key(), Key::Character(ref c) if c.eq_ignore_ascii_case("s"));
    if e.key() != Key::Escape && !save {
        e.stop_propagation();
    }
}

/// A labelled field. `value` is only the text it starts with (taken when
/// it mounts); what is typed reaches the caller through `oninput` and is
/// never written back: writing `value` on every render races fast typing
/// over the webview bridge and drops keys. Key the field (or what holds
/// it) to give it a new starting text.
#[component]
pub fn Field(
    #[props(into)] id: String,
    #[props(into)] label: String,
    /// Shown under the input; empty for none.
    #[props(into, default)]
    hint: String,
    #[props(into)] value: String,
    /// What is wrong with the value; empty when nothing is.
    #[props(into, default)]
    error: String,
    /// A text area rather than a one-line input, as wide as the form.
    #[props(default)]
    multiline: bool,
    oninput: EventHandler<String>,
    /// The field got the focus.
    #[props(default)]
    onfocus: Option<EventHandler<()>>,
    /// Files dropped on the field (the drop's default, inserting the
    /// file's path as text, is prevented).
    #[props(default)]
    ondrop: Option<EventHandler<DragEvent>>,
) -> Element {
    let initial = use_hook(|| value.clone());
    let invalid = !error.is_empty();
    let hint_id = format!("{id}-hint");
    let message_id = format!("{id}-message");
    let described = match (hint.is_empty(), invalid) {
        (true, false) => None,
        (false, false) => Some(hint_id.clone()),
        (true, true) => Some(message_id.clone()),
        (false, true) => Some(format!("{hint_id} {message_id}")),
    };
    let class = match (multiline, invalid) {
        (false, false) => "field",
        (false, true) => "field invalid",
        (true, false) => "field wide",
        (true, true) => "field wide invalid",
    };
    rsx! {
        div { class,
            label { r#for: "{id}", "{label}" }
            if multiline {
                textarea { id: "{id}", rows: "3", initial_value: "{initial}",
                    aria_invalid: if invalid { "true" } else { "false" },
                    aria_describedby: described.clone(),
                    oninput: move |e| oninput.call(e.value()),
                    onfocus: move |_| if let Some(f) = onfocus { f.call(()) },
                    ondragover: move |e| if ondrop.is_some() { e.prevent_default() },
                    ondrop: move |e| if let Some(f) = ondrop { e.prevent_default(); f.call(e) },
                    onkeydown: move |e| keep_key_in_field(&e) }
            } else {
                input { id: "{id}", r#type: "text", initial_value: "{initial}",
                    aria_invalid: if invalid { "true" } else { "false" },
                    aria_describedby: described,
                    oninput: move |e| oninput.call(e.value()),
                    onkeydown: move |e| keep_key_in_field(&e) }
            }
            if !hint.is_empty() {
                p { id: "{hint_id}", class: "hint-text", "{hint}" }
            }
            p { id: "{message_id}", class: "field-error", "{error}" }
        }
    }
}
