//! The editor for instructors: set details, questions of every type with a
//! form each, checking as `kioku check` does with plain-words messages next
//! to the fields (only those typed in, until a save is tried), a live
//! preview where answers can be tried, and an atomic save into the data
//! directory.

use dioxus::prelude::*;

use super::field::{Field, keep_key_in_field};
use crate::{AppCtx, Screen};
use kioku_core::bank::QuestionKind;
use kioku_core::bank::SetId;
use kioku_core::editor::{Draft, DraftQuestion, EditorState, FieldProblem, Place, make_blank};

/// Open the editor on `set`: user sets are edited in place, built-in ones
/// as a copy under a new id.
pub fn open(mut ctx: AppCtx, set: Option<SetId>) {
    let state = {
        let lib = ctx.library.read();
        let Some(lib) = lib.as_ref() else { return };
        let ids: Vec<&str> = lib.sets().iter().map(|s| s.id.as_str()).collect();
        match set.as_ref().and_then(|id| lib.set(id)) {
            Some(s) if lib.is_builtin(&s.id) => EditorState::new(Draft::duplicate(s, &ids), false),
            Some(s) => EditorState::new(Draft::from_set(s), true),
            None => {
                // A new set starts with a question to fill in.
                let mut draft = Draft::new_set("New set", &ids);
                draft
                    .questions
                    .push(DraftQuestion::new(QuestionKind::Flashcard));
                EditorState::new(draft, false)
            }
        }
        .with_taken_ids(&ids)
    };
    let new = !state.existing;
    *ctx.editor_gen.write() += 1;
    super::media_picker::reset();
    ctx.go(Screen::Editor(state));
    if new {
        // A set not saved yet is named first: its title, selected so that
        // typing replaces it.
        focus_when_shown("#set-title", true);
    } else {
        // From the top, not at the decks screen's scroll position.
        let _ = document::eval("window.scrollTo(0, 0)");
    }
}

/// Focus the first element matching `selector` once the render that shows
/// it has reached the webview (tried for up to 2 s), and select its text.
fn focus_when_shown(selector: &str, select: bool) {
    let selector = serde_json::Value::from(selector);
    let _ = document::eval(&format!(
        r#"(() => {{
  let tries = 0;
  const go = () => {{
    const el = document.querySelector({selector});
    if (el) {{
      el.scrollIntoView({{ block: "center" }});
      el.focus({{ preventScroll: true }});
      if ({select} && el.select) el.select();
    }}
    else if (++tries < 40) setTimeout(go, 50);
  }};
  setTimeout(go, 30);
}})();"#
    ));
}

fn edit(ctx: AppCtx, f: impl FnOnce(&mut EditorState)) {
    ctx.with_editor(f);
}

/// A change the text fields do not show by themselves (they are
/// uncontrolled): rebuild them from the draft.
fn restructure(mut ctx: AppCtx, f: impl FnOnce(&mut EditorState)) {
    edit(ctx, f);
    *ctx.editor_gen.write() += 1;
    crate::refocus();
}

/// Save the set (the Save button, Ctrl+S); `true` once it is on disk.
/// With problems, every problem is shown from now on and the first
/// field with one gets the focus.
pub(crate) fn save(mut ctx: AppCtx) -> bool {
    let set = match ctx.with_editor(|e| e.try_save()) {
        Some(Ok(set)) => set,
        Some(Err(_)) => {
            focus_when_shown("[aria-invalid=\"true\"]", false);
            return false;
        }
        None => return false,
    };
    let before = super::media_picker::before_save(ctx, &set);
    let saved = match ctx.library.write().as_mut() {
        Some(lib) => lib.save_set(set),
        None => return false,
    };
    match saved {
        Ok(_) => {
            super::media_picker::after_save(ctx, before);
            edit(ctx, |e| e.saved());
            true
        }
        Err(e) => {
            ctx.fail(crate::describe(*ctx.lang.peek(), &e));
            false
        }
    }
}

/// The user typed in the set's field `key`.
fn set_field(ctx: AppCtx, key: &str, f: impl FnOnce(&mut Draft)) {
    edit(ctx, |e| e.edit_field(Place::Set(key.to_owned()), f));
}

fn leave(ctx: AppCtx, force: bool) {
    let dirty = ctx.editor().is_some_and(|e| e.dirty);
    if dirty && !force {
        edit(ctx, |e| e.confirm_leave = true);
        return;
    }
    ctx.go(Screen::Home);
}

fn problems_at<'a>(problems: &'a [FieldProblem], place: &Place) -> Vec<&'a str> {
    problems
        .iter()
        .filter(|p| &p.place == place)
        .map(|p| p.message.as_str())
        .collect()
}

#[component]
pub fn Editor() -> Element {
    let ctx: AppCtx = use_context();
    let Some(state) = ctx.editor() else {
        return rsx! {};
    };
    // Checked as saving would, but only the fields typed in show their
    // problems until a save is tried: a new form is not all red.
    let mut problems = state.visible_problems();
    // A question without an id has no text yet to make it from; the text's
    // own message says what to do.
    problems.retain(|p| match &p.place {
        Place::Question { index, key } if key == "id" => state
            .draft
            .questions
            .get(*index)
            .is_none_or(|q| !q.id.is_empty()),
        _ => true,
    });
    let set_problem = |key: &str| problems_at(&problems, &Place::Set(key.to_owned())).join(" ");
    let d = &state.draft;
    let generation = *ctx.editor_gen.read();
    let status = if !problems.is_empty() {
        match problems.len() {
            1 => "1 problem to fix".to_owned(),
            n => format!("{n} problems to fix"),
        }
    } else if state.dirty {
        "Unsaved changes".to_owned()
    } else {
        "Saved".to_owned()
    };
    rsx! {
        header { class: "top",
            button { class: "link", onclick: move |_| leave(ctx, false), "← Decks" }
            h1 { "Edit set" }
            p { class: "tagline editor-status", role: "status", title: "{status}", "{status}" }
            nav { class: "top-actions",
                button { class: "primary", disabled: !state.dirty, aria_keyshortcuts: "Control+S", onclick: move |_| { save(ctx); }, "Save" }
            }
        }
        if state.confirm_leave {
            div { class: "banner editor-banner", role: "alertdialog", aria_label: "Unsaved changes",
                p { "You have unsaved changes." }
                button { class: "primary", onclick: move |_| if save(ctx) { leave(ctx, false) }, "Save and leave" }
                button { onclick: move |_| leave(ctx, true), "Discard changes" }
                button { onclick: move |_| edit(ctx, |e| e.confirm_leave = false), "Keep editing" }
            }
        }
        super::media_picker::MediaCleanup {}
        main { class: "editor",
            // Keyed by the generation (in a fragment, where keys count): the
            // uncontrolled fields are rebuilt when the draft changes under them.
            {
                rsx! {
                    fieldset { class: "set-meta", key: "{generation}",
                        legend { "Set" }
                        Field { id: "set-title", label: "Title", value: d.title.clone(), error: set_problem("title"),
                            oninput: move |v: String| edit(ctx, |e| e.set_title(&v)) }
                        if state.existing {
                            p { class: "hint-text", "Id: " code { "{d.id}" } " (fixed: progress is kept by it)" }
                        } else if state.id_follows_title {
                            // Not a field while it follows the title (a field
                            // is not written to while it is showing).
                            div { class: if set_problem("id").is_empty() { "field" } else { "field invalid" },
                                span { class: "label", "Id" }
                                p { class: "id-line", id: "set-id-line",
                                    code { "{d.id}" } " — made from the title; fixed once saved. "
                                    button { class: "link", r#type: "button",
                                        onclick: move |_| {
                                            edit(ctx, |e| e.id_follows_title = false);
                                            focus_when_shown("#set-id", true);
                                        },
                                        "Choose another id" }
                                }
                                p { class: "field-error", "{set_problem(\"id\")}" }
                            }
                        } else {
                            Field { id: "set-id", label: "Id (kebab-case, fixed once saved)", value: d.id.clone(), error: set_problem("id"),
                                oninput: move |v| set_field(ctx, "id", |d| d.id = v) }
                        }
                        Field { id: "set-description", label: "Description (Markdown)", multiline: true, value: d.description.clone(), error: set_problem("description"),
                            oninput: move |v| set_field(ctx, "description", |d| d.description = v) }
                        Field { id: "set-language", label: "Language (e.g. en)", value: d.language.clone(), error: set_problem("language"),
                            oninput: move |v| set_field(ctx, "language", |d| d.language = v) }
                        Field { id: "set-authors", label: "Authors (comma-separated)", value: d.authors.clone(), error: set_problem("authors"),
                            oninput: move |v| set_field(ctx, "authors", |d| d.authors = v) }
                        Field { id: "set-source", label: "Source material", value: d.source.clone(), error: set_problem("source"),
                            oninput: move |v| set_field(ctx, "source", |d| d.source = v) }
                        Field { id: "set-abbreviations", label: "Abbreviations accepted in answers (U.S. = United States, UK = United Kingdom)", value: d.abbreviations.clone(), error: set_problem("abbreviations"),
                            oninput: move |v| set_field(ctx, "abbreviations", |d| d.abbreviations = v) }
                        p { class: "field-error", "{set_problem(\"questions\")}" }
                    }
                }
            }
            Transfer { set_id: d.id.clone(), saved: state.existing && !state.dirty }
            div { class: "editor-body",
                nav { class: "question-list", aria_label: "Questions",
                    ol {
                        for (i, q) in d.questions.iter().enumerate() {
                            {
                                let bad = problems.iter().any(|p| matches!(&p.place, Place::Question { index, .. } if *index == i));
                                let label = excerpt(q);
                                let selected = state.selected == Some(i);
                                rsx! {
                                    li { key: "{i}", class: if selected { "selected" } else { "" },
                                        button { class: "q-pick", aria_current: if selected { "true" } else { "false" },
                                            onclick: move |_| edit(ctx, |e| e.selected = Some(i)),
                                            span { class: "q-num", "{i + 1}." }
                                            span { class: "q-text", "{label}" }
                                            if bad { span { class: "q-bad", aria_label: "has problems", " ⚠" } }
                                        }
                                        button { class: "icon", aria_label: "Move question {i + 1} up", onclick: move |_| restructure(ctx, |e| e.move_question(i, true)), "↑" }
                                        button { class: "icon", aria_label: "Move question {i + 1} down", onclick: move |_| restructure(ctx, |e| e.move_question(i, false)), "↓" }
                                        button { class: "icon", aria_label: "Delete question {i + 1}", onclick: move |_| restructure(ctx, |e| e.delete_question(i)), "✕" }
                                    }
                                }
                            }
                        }
                    }
                    div { class: "add-question",
                        span { "Add:" }
                        for t in QuestionKind::ALL {
                            button { onclick: move |_| edit(ctx, |e| e.add_question(t)), {t.as_str().replace('_', " ")} }
                        }
                    }
                }
                if let Some(i) = state.selected.filter(|&i| i < d.questions.len()) {
                    QuestionForm { key: "{i}-{generation}", index: i, question: d.questions[i].clone(), problems: problems.clone(), language: d.language.clone() }
                } else {
                    p { class: "hint-text", "Add a question to start." }
                }
            }
        }
    }
}

fn excerpt(q: &DraftQuestion) -> String {
    let text = if q.kind == QuestionKind::Cloze {
        &q.text
    } else {
        &q.prompt
    };
    let t: String = text.chars().take(48).collect();
    if t.trim().is_empty() {
        format!("(new {})", q.kind.as_str().replace('_', " "))
    } else {
        t
    }
}

#[component]
fn QuestionForm(
    index: usize,
    question: DraftQuestion,
    problems: Vec<FieldProblem>,
    language: String,
) -> Element {
    let ctx: AppCtx = use_context();
    let i = index;
    let q = question;
    let err = |key: &str| {
        problems_at(
            &problems,
            &Place::Question {
                index: i,
                key: key.to_owned(),
            },
        )
        .join(" ")
    };
    // A change the user made in the question's field `key`.
    let set_q = move |key: &str, f: Box<dyn FnOnce(&mut DraftQuestion)>| {
        let place = Place::Question {
            index: i,
            key: key.to_owned(),
        };
        edit(ctx, |e| {
            e.edit_field(place, |d| {
                if let Some(q) = d.questions.get_mut(i) {
                    f(q);
                }
            })
        })
    };
    rsx! {
        section { class: "question-form", aria_label: "Question {i + 1}",
            h2 { "Question {i + 1}" }
            if !q.id.is_empty() {
                p { class: "hint-text", "Id: " code { "{q.id}" } }
            }
            p { class: "field-error", {[err("question"), err("id")].iter().filter(|m| !m.is_empty()).cloned().collect::<Vec<_>>().join(" ")} }
            div { class: "field",
                label { r#for: "q-type", "Type" }
                select { id: "q-type", value: "{q.kind}",
                    onchange: move |e| {
                        if let Some(k) = QuestionKind::from_name(&e.value()) {
                            set_q("type", Box::new(move |q| q.kind = k))
                        }
                    },
                    // `selected` on the option: a select's `value` set before
                    // its options exist picks nothing, and it showed "flashcard".
                    for t in QuestionKind::ALL { option { value: t.as_str(), selected: t == q.kind, {t.as_str().replace('_', " ")} } }
                }
            }
            if q.kind == QuestionKind::Cloze {
                Field { id: "cloze-text", label: CLOZE_LABEL, multiline: true, value: q.text.clone(), error: err("text"),
                    oninput: move |v| set_q("text", Box::new(move |q| q.text = v)),
                    onfocus: move |_| super::media_picker::field_focused(ctx, i, "text"),
                    ondrop: move |e| super::media_picker::drop_on_field(ctx, i, "text", e) }
                button { r#type: "button",
                    onclick: move |_| async move {
                        let mut js = document::eval(r#"const t = document.getElementById('cloze-text'); dioxus.send([t.selectionStart, t.selectionEnd]);"#);
                        if let Ok((s, e)) = js.recv::<(usize, usize)>().await {
                            let text = ctx.editor().and_then(|st| st.draft.questions.get(i).map(|q| q.text.clone()));
                            if let Some(new) = text.and_then(|t| make_blank(&t, s, e)) {
                                // The field is uncontrolled: rebuild it.
                                restructure(ctx, |st| st.edit_field(Place::Question { index: i, key: "text".into() }, |d| {
                                    if let Some(q) = d.questions.get_mut(i) {
                                        q.text = new;
                                    }
                                }));
                            }
                        }
                    },
                    "Make the selected text a blank"
                }
            } else {
                Field { id: "q-prompt", label: "Prompt (Markdown)", multiline: true, value: q.prompt.clone(), error: err("prompt"),
                    oninput: move |v| set_q("prompt", Box::new(move |q| q.prompt = v)),
                    onfocus: move |_| super::media_picker::field_focused(ctx, i, "prompt"),
                    ondrop: move |e| super::media_picker::drop_on_field(ctx, i, "prompt", e) }
            }
            match q.kind {
                QuestionKind::Flashcard => rsx! {
                    Field { id: "q-answer", label: "Answer (Markdown)", multiline: true, value: q.answer.clone(), error: err("answer"),
                        oninput: move |v| set_q("answer", Box::new(move |q| q.answer = v)),
                    onfocus: move |_| super::media_picker::field_focused(ctx, i, "answer"),
                    ondrop: move |e| super::media_picker::drop_on_field(ctx, i, "answer", e) }
                    label { class: "check radio-line",
                        input { r#type: "checkbox", checked: q.reversible, onchange: move |e: FormEvent| { let c = e.checked(); set_q("reversible", Box::new(move |q| q.reversible = c)) } }
                        "Also study it answer → prompt"
                    }
                },
                QuestionKind::Typed => rsx! {
                    fieldset { class: "list-field",
                        legend { "Accepted answers (the first is shown)" }
                        for (j, a) in q.answers.iter().enumerate() {
                            // Uncontrolled fields, rebuilt when a row goes.
                            div { class: "list-row", key: "{j}-{q.answers.len()}",
                                input { r#type: "text", aria_label: "Accepted answer {j + 1}", initial_value: "{a}",
                                    oninput: move |e| { let v = e.value(); set_q("answers", Box::new(move |q| if let Some(x) = q.answers.get_mut(j) { *x = v })) },
                                    onkeydown: move |e| keep_key_in_field(&e) }
                                button { class: "icon", aria_label: "Remove answer {j + 1}", onclick: move |_| set_q("answers", Box::new(move |q| { if q.answers.len() > 1 { q.answers.remove(j); } })), "✕" }
                            }
                        }
                        button { r#type: "button", onclick: move |_| set_q("answers", Box::new(|q| q.answers.push(String::new()))), "Add an answer" }
                        p { class: "field-error", "{err(\"answers\")}" }
                    }
                },
                QuestionKind::MultipleChoice => rsx! {
                    fieldset { class: "list-field",
                        legend { "Choices (tick the right ones; several = select all that apply)" }
                        for (j, (c, ok)) in q.choices.iter().enumerate() {
                            div { class: "list-row", key: "{j}-{q.choices.len()}",
                                input { r#type: "checkbox", aria_label: "Choice {j + 1} is correct", checked: *ok,
                                    onchange: move |e: FormEvent| { let v = e.checked(); set_q("correct", Box::new(move |q| if let Some(x) = q.choices.get_mut(j) { x.1 = v })) } }
                                input { r#type: "text", aria_label: "Choice {j + 1}", initial_value: "{c}",
                                    oninput: move |e| { let v = e.value(); set_q("choices", Box::new(move |q| if let Some(x) = q.choices.get_mut(j) { x.0 = v })) },
                                    onkeydown: move |e| keep_key_in_field(&e) }
                                button { class: "icon", aria_label: "Remove choice {j + 1}", onclick: move |_| set_q("choices", Box::new(move |q| { q.choices.remove(j); })), "✕" }
                            }
                        }
                        button { r#type: "button", onclick: move |_| set_q("choices", Box::new(|q| q.choices.push((String::new(), false)))), "Add a choice" }
                        label { class: "check radio-line",
                            input { r#type: "checkbox", checked: q.shuffle, onchange: move |e: FormEvent| { let c = e.checked(); set_q("shuffle", Box::new(move |q| q.shuffle = c)) } }
                            "Shuffle the choices when shown"
                        }
                        p { class: "field-error", {[err("choices"), err("correct")].iter().filter(|m| !m.is_empty()).cloned().collect::<Vec<_>>().join(" ")} }
                    }
                },
                QuestionKind::TrueFalse => rsx! {
                    div { class: "field",
                        span { class: "label", "The statement is" }
                        div { class: "check-list",
                            label { class: "check", input { r#type: "radio", name: "truth-{i}", checked: q.truth, onchange: move |_| set_q("answer", Box::new(|q| q.truth = true)) } "True" }
                            label { class: "check", input { r#type: "radio", name: "truth-{i}", checked: !q.truth, onchange: move |_| set_q("answer", Box::new(|q| q.truth = false)) } "False" }
                        }
                    }
                },
                QuestionKind::Cloze => rsx! {},
            }
            Field { id: "q-explanation", label: "Explanation (Markdown, shown after answering)", multiline: true, value: q.explanation.clone(), error: err("explanation"),
                oninput: move |v| set_q("explanation", Box::new(move |q| q.explanation = v)),
                    onfocus: move |_| super::media_picker::field_focused(ctx, i, "explanation"),
                    ondrop: move |e| super::media_picker::drop_on_field(ctx, i, "explanation", e) }
            Field { id: "q-source", label: "Source quote (the passage that supports the answer)", multiline: true, value: q.source.clone(), error: err("source"),
                oninput: move |v| set_q("source", Box::new(move |q| q.source = v)) }
            Field { id: "q-tags", label: "Tags (comma-separated)", value: q.tags.clone(), error: err("tags"),
                oninput: move |v| set_q("tags", Box::new(move |q| q.tags = v)) }
            super::media_picker::MediaPicker { index: i, question: q.clone() }
            section { class: "preview", aria_label: "Preview",
                h3 { "Preview" }
                div { class: "card",
                    div { class: "prompt", dangerous_inner_html: super::media_picker::preview_html(ctx, &preview_prompt(&q)) }
                    if q.kind == QuestionKind::MultipleChoice {
                        ul { class: "choices-result",
                            for (c, ok) in q.choices.iter() {
                                li { class: if *ok { "right" } else { "" }, span { dangerous_inner_html: super::media_picker::preview_inline_html(ctx, c) } }
                            }
                        }
                    }
                    if q.kind == QuestionKind::Flashcard && !q.answer.is_empty() {
                        div { class: "answer", span { class: "answer-label", "Answer" } div { dangerous_inner_html: super::media_picker::preview_html(ctx, &q.answer) } }
                    }
                }
                super::try_answer::TryAnswer { question: q.clone(), language: language.clone() }
            }
        }
    }
}

/// The prompt as students see it (a cloze with its blanks shown).
fn preview_prompt(q: &DraftQuestion) -> String {
    if q.kind == QuestionKind::Cloze {
        match kioku_core::bank::parse::parse_cloze(&q.text) {
            Ok(c) => c.render_blanked(None),
            Err(_) => q.text.clone(),
        }
    } else {
        q.prompt.clone()
    }
}

/// The cloze text's label. The blank syntax is `{{answer}}`; this is a plain
/// string, so the braces are written as they show.
pub const CLOZE_LABEL: &str = "Text: write each blank as {{answer}}";

/// Import a file as a new set, or export the saved set, by path — the
/// same actions as `kioku import` and `kioku export -o`.
#[component]
fn Transfer(set_id: String, saved: bool) -> Element {
    let mut ctx: AppCtx = use_context();
    let mut path = use_signal(String::new);
    let mut format = use_signal(|| "auto".to_owned());
    let mut report = use_signal(Vec::<String>::new);
    let chosen = move || {
        kioku_core::bank::formats::Format::ALL
            .into_iter()
            .find(|f| f.name() == format.read().as_str())
    };
    let import = move |_| {
        let file = std::path::PathBuf::from(path.read().trim());
        let result = match ctx.library.write().as_mut() {
            Some(lib) => lib.import_file(&file, chosen(), None, false),
            None => return,
        };
        match result {
            Ok(imported) => {
                let mut lines = vec![format!(
                    "Imported \"{}\": {} questions.",
                    imported.set.title,
                    imported.set.questions.len()
                )];
                lines.extend(imported.skipped.iter().map(|s| format!("Skipped {s}")));
                report.set(lines);
                let id = imported.set.id.clone();
                open(ctx, Some(id));
            }
            Err(e) => report.set(
                crate::describe(*ctx.lang.peek(), &e)
                    .lines()
                    .map(str::to_owned)
                    .collect(),
            ),
        }
    };
    let set_for_export = set_id.clone();
    let export = move |_| {
        let file = std::path::PathBuf::from(path.read().trim());
        let Some(id) = SetId::new(&set_for_export) else {
            return;
        };
        let result = match ctx.library.read().as_ref() {
            Some(lib) => lib.export_file(&id, chosen(), &file),
            None => return,
        };
        match result {
            Ok(out) => {
                let mut lines = vec![format!("Wrote {}.", file.display())];
                lines.extend(out.skipped.iter().map(|s| format!("Left out {s}")));
                lines.extend(out.notes.iter().map(|s| format!("Changed {s}")));
                report.set(lines);
            }
            Err(e) => report.set(
                crate::describe(*ctx.lang.peek(), &e)
                    .lines()
                    .map(str::to_owned)
                    .collect(),
            ),
        }
    };
    rsx! {
        fieldset { class: "transfer",
            legend { "Import / export" }
            div { class: "field",
                label { r#for: "transfer-path", "File path" }
                // Uncontrolled: the field keeps what is typed, the signal follows.
                input { id: "transfer-path", r#type: "text", placeholder: "/home/me/deck.apkg",
                    oninput: move |e| path.set(e.value()),
                    onkeydown: move |e| if e.key() != Key::Escape { e.stop_propagation() } }
            }
            div { class: "field",
                label { r#for: "transfer-format", "Format" }
                select { id: "transfer-format", value: "{format}", onchange: move |e| format.set(e.value()),
                    option { value: "auto", "From the file's extension" }
                    for f in kioku_core::bank::formats::Format::ALL { option { value: f.name(), "{f.name()}" } }
                }
            }
            div { class: "form-actions",
                button { r#type: "button", disabled: path.read().trim().is_empty(), onclick: import, "Import as a new set" }
                button { r#type: "button", disabled: path.read().trim().is_empty() || !saved, onclick: export,
                    title: if saved { "" } else { "Save first" }, "Export this set" }
            }
            if !report.read().is_empty() {
                ul { class: "transfer-report", role: "status",
                    for line in report.read().iter() { li { "{line}" } }
                }
            }
        }
    }
}
