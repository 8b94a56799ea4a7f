//! The editor for instructors: set details, questions of every type with a
//! form each, checking as `kioku check` does with plain-words messages next
//! to the fields (only those typed in, until a save is tried), a live
//! preview where answers can be tried, and an atomic save into the data
//! directory.

use dioxus::prelude::*;

use super::field::{Field, keep_key_in_field};
use crate::{AppCtx, Lang, Screen, t};
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
                let lang = *ctx.lang.peek();
                let mut draft = Draft::new_set(&t!(lang, "editor-new-set-title"), &ids);
                // The set is in the language the user works in.
                draft.language = lang.code().to_owned();
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

/// The problems at `place`, in the app's language.
fn problems_at(lang: Lang, problems: &[FieldProblem], place: &Place) -> Vec<String> {
    problems
        .iter()
        .filter(|p| &p.place == place)
        .map(|p| kioku_i18n::words::field_problem(lang, &p.problem))
        .collect()
}

#[component]
pub fn Editor() -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
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
    let set_problem =
        |key: &str| problems_at(lang, &problems, &Place::Set(key.to_owned())).join(" ");
    let d = &state.draft;
    let generation = *ctx.editor_gen.read();
    let status = if !problems.is_empty() {
        t!(lang, "editor-problems-to-fix", n = problems.len())
    } else if state.dirty {
        t!(lang, "editor-unsaved")
    } else {
        t!(lang, "editor-saved")
    };
    rsx! {
        header { class: "top",
            button { class: "link", onclick: move |_| leave(ctx, false), {t!(lang, "app-back-decks")} }
            h1 { {t!(lang, "editor-title")} }
            p { class: "tagline editor-status", role: "status", title: "{status}", "{status}" }
            nav { class: "top-actions",
                button { class: "primary", disabled: !state.dirty, aria_keyshortcuts: "Control+S", onclick: move |_| { save(ctx); }, {t!(lang, "app-save")} }
            }
        }
        if state.confirm_leave {
            div { class: "banner editor-banner", role: "alertdialog", aria_label: t!(lang, "editor-unsaved"),
                p { {t!(lang, "editor-unsaved-question")} }
                button { class: "primary", onclick: move |_| if save(ctx) { leave(ctx, false) }, {t!(lang, "editor-save-and-leave")} }
                button { onclick: move |_| leave(ctx, true), {t!(lang, "editor-discard")} }
                button { onclick: move |_| edit(ctx, |e| e.confirm_leave = false), {t!(lang, "editor-keep-editing")} }
            }
        }
        super::media_picker::MediaCleanup {}
        main { class: "editor",
            // Keyed by the generation (in a fragment, where keys count): the
            // uncontrolled fields are rebuilt when the draft changes under them.
            {
                rsx! {
                    fieldset { class: "set-meta", key: "{generation}",
                        legend { {t!(lang, "editor-set")} }
                        Field { id: "set-title", label: t!(lang, "editor-field-title"), value: d.title.clone(), error: set_problem("title"),
                            oninput: move |v: String| edit(ctx, |e| e.set_title(&v)) }
                        if state.existing {
                            p { class: "hint-text", {t!(lang, "editor-id-label")} code { "{d.id}" } {t!(lang, "editor-id-fixed")} }
                        } else if state.id_follows_title {
                            // Not a field while it follows the title (a field
                            // is not written to while it is showing).
                            div { class: if set_problem("id").is_empty() { "field" } else { "field invalid" },
                                span { class: "label", {t!(lang, "editor-id")} }
                                p { class: "id-line", id: "set-id-line",
                                    code { "{d.id}" } {t!(lang, "editor-id-from-title")}
                                    button { class: "link", r#type: "button",
                                        onclick: move |_| {
                                            edit(ctx, |e| e.id_follows_title = false);
                                            focus_when_shown("#set-id", true);
                                        },
                                        {t!(lang, "editor-choose-id")} }
                                }
                                p { class: "field-error", "{set_problem(\"id\")}" }
                            }
                        } else {
                            Field { id: "set-id", label: t!(lang, "editor-field-id"), value: d.id.clone(), error: set_problem("id"),
                                oninput: move |v| set_field(ctx, "id", |d| d.id = v) }
                        }
                        Field { id: "set-description", label: t!(lang, "editor-field-description"), multiline: true, value: d.description.clone(), error: set_problem("description"),
                            oninput: move |v| set_field(ctx, "description", |d| d.description = v) }
                        Field { id: "set-language", label: t!(lang, "editor-field-language"), value: d.language.clone(), error: set_problem("language"),
                            oninput: move |v| set_field(ctx, "language", |d| d.language = v) }
                        Field { id: "set-authors", label: t!(lang, "editor-field-authors"), value: d.authors.clone(), error: set_problem("authors"),
                            oninput: move |v| set_field(ctx, "authors", |d| d.authors = v) }
                        Field { id: "set-source", label: t!(lang, "editor-field-source"), value: d.source.clone(), error: set_problem("source"),
                            oninput: move |v| set_field(ctx, "source", |d| d.source = v) }
                        Field { id: "set-abbreviations", label: t!(lang, "editor-field-abbreviations"), value: d.abbreviations.clone(), error: set_problem("abbreviations"),
                            oninput: move |v| set_field(ctx, "abbreviations", |d| d.abbreviations = v) }
                        p { class: "field-error", "{set_problem(\"questions\")}" }
                    }
                }
            }
            Transfer { set_id: d.id.clone(), saved: state.existing && !state.dirty }
            div { class: "editor-body",
                nav { class: "question-list", aria_label: t!(lang, "editor-questions"),
                    ol {
                        for (i, q) in d.questions.iter().enumerate() {
                            {
                                let bad = problems.iter().any(|p| matches!(&p.place, Place::Question { index, .. } if *index == i));
                                let label = excerpt(lang, q);
                                let selected = state.selected == Some(i);
                                rsx! {
                                    li { key: "{i}", class: if selected { "selected" } else { "" },
                                        button { class: "q-pick", aria_current: if selected { "true" } else { "false" },
                                            onclick: move |_| edit(ctx, |e| e.selected = Some(i)),
                                            span { class: "q-num", "{i + 1}." }
                                            span { class: "q-text", "{label}" }
                                            if bad { span { class: "q-bad", aria_label: t!(lang, "editor-has-problems"), " ⚠" } }
                                        }
                                        button { class: "icon", aria_label: t!(lang, "editor-move-up", n = i + 1), onclick: move |_| restructure(ctx, |e| e.move_question(i, true)), "↑" }
                                        button { class: "icon", aria_label: t!(lang, "editor-move-down", n = i + 1), onclick: move |_| restructure(ctx, |e| e.move_question(i, false)), "↓" }
                                        button { class: "icon", aria_label: t!(lang, "editor-delete-question", n = i + 1), onclick: move |_| restructure(ctx, |e| e.delete_question(i)), "✕" }
                                    }
                                }
                            }
                        }
                    }
                    div { class: "add-question",
                        span { {t!(lang, "editor-add")} }
                        for k in QuestionKind::ALL {
                            button { onclick: move |_| edit(ctx, |e| e.add_question(k)), {kind_name(lang, k)} }
                        }
                    }
                }
                if let Some(i) = state.selected.filter(|&i| i < d.questions.len()) {
                    QuestionForm { key: "{i}-{generation}", index: i, question: d.questions[i].clone(), problems: problems.clone(), language: d.language.clone() }
                } else {
                    p { class: "hint-text", {t!(lang, "editor-add-first")} }
                }
            }
        }
    }
}

/// A question type's name, as the type list and the add buttons show it.
fn kind_name(lang: Lang, kind: QuestionKind) -> String {
    match kind {
        QuestionKind::Flashcard => t!(lang, "editor-kind-flashcard"),
        QuestionKind::Typed => t!(lang, "editor-kind-typed"),
        QuestionKind::MultipleChoice => t!(lang, "editor-kind-multiple-choice"),
        QuestionKind::TrueFalse => t!(lang, "editor-kind-true-false"),
        QuestionKind::Cloze => t!(lang, "editor-kind-cloze"),
    }
}

fn excerpt(lang: Lang, q: &DraftQuestion) -> String {
    let text = if q.kind == QuestionKind::Cloze {
        &q.text
    } else {
        &q.prompt
    };
    let t: String = text.chars().take(48).collect();
    if t.trim().is_empty() {
        t!(lang, "editor-new-question", kind = kind_name(lang, q.kind))
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
    let lang = ctx.lang();
    let i = index;
    let q = question;
    let err = |key: &str| {
        problems_at(
            lang,
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
        section { class: "question-form", aria_label: t!(lang, "editor-question-n", n = i + 1),
            h2 { {t!(lang, "editor-question-n", n = i + 1)} }
            if !q.id.is_empty() {
                p { class: "hint-text", {t!(lang, "editor-id-label")} code { "{q.id}" } }
            }
            p { class: "field-error", {[err("question"), err("id")].iter().filter(|m| !m.is_empty()).cloned().collect::<Vec<_>>().join(" ")} }
            div { class: "field",
                label { r#for: "q-type", {t!(lang, "editor-type")} }
                select { id: "q-type", value: "{q.kind}",
                    onchange: move |e| {
                        if let Some(k) = QuestionKind::from_name(&e.value()) {
                            set_q("type", Box::new(move |q| q.kind = k))
                        }
                    },
                    // `selected` on the option: a select's `value` set before
                    // its options exist picks nothing, and it showed "flashcard".
                    for k in QuestionKind::ALL { option { value: k.as_str(), selected: k == q.kind, {kind_name(lang, k)} } }
                }
            }
            if q.kind == QuestionKind::Cloze {
                Field { id: "cloze-text", label: t!(lang, "editor-field-cloze"), multiline: true, value: q.text.clone(), error: err("text"),
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
                    {t!(lang, "editor-make-blank")}
                }
            } else {
                Field { id: "q-prompt", label: t!(lang, "editor-field-prompt"), multiline: true, value: q.prompt.clone(), error: err("prompt"),
                    oninput: move |v| set_q("prompt", Box::new(move |q| q.prompt = v)),
                    onfocus: move |_| super::media_picker::field_focused(ctx, i, "prompt"),
                    ondrop: move |e| super::media_picker::drop_on_field(ctx, i, "prompt", e) }
            }
            match q.kind {
                QuestionKind::Flashcard => rsx! {
                    Field { id: "q-answer", label: t!(lang, "editor-field-answer"), multiline: true, value: q.answer.clone(), error: err("answer"),
                        oninput: move |v| set_q("answer", Box::new(move |q| q.answer = v)),
                    onfocus: move |_| super::media_picker::field_focused(ctx, i, "answer"),
                    ondrop: move |e| super::media_picker::drop_on_field(ctx, i, "answer", e) }
                    label { class: "check radio-line",
                        input { r#type: "checkbox", checked: q.reversible, onchange: move |e: FormEvent| { let c = e.checked(); set_q("reversible", Box::new(move |q| q.reversible = c)) } }
                        {t!(lang, "editor-reversible")}
                    }
                },
                QuestionKind::Typed => rsx! {
                    fieldset { class: "list-field",
                        legend { {t!(lang, "editor-accepted-answers")} }
                        for (j, a) in q.answers.iter().enumerate() {
                            // Uncontrolled fields, rebuilt when a row goes.
                            div { class: "list-row", key: "{j}-{q.answers.len()}",
                                input { r#type: "text", aria_label: t!(lang, "editor-accepted-answer-n", n = j + 1), initial_value: "{a}",
                                    oninput: move |e| { let v = e.value(); set_q("answers", Box::new(move |q| if let Some(x) = q.answers.get_mut(j) { *x = v })) },
                                    onkeydown: move |e| keep_key_in_field(&e) }
                                button { class: "icon", aria_label: t!(lang, "editor-remove-answer-n", n = j + 1), onclick: move |_| set_q("answers", Box::new(move |q| { if q.answers.len() > 1 { q.answers.remove(j); } })), "✕" }
                            }
                        }
                        button { r#type: "button", onclick: move |_| set_q("answers", Box::new(|q| q.answers.push(String::new()))), {t!(lang, "editor-add-answer")} }
                        p { class: "field-error", "{err(\"answers\")}" }
                    }
                },
                QuestionKind::MultipleChoice => rsx! {
                    fieldset { class: "list-field",
                        legend { {t!(lang, "editor-choices")} }
                        for (j, (c, ok)) in q.choices.iter().enumerate() {
                            div { class: "list-row", key: "{j}-{q.choices.len()}",
                                input { r#type: "checkbox", aria_label: t!(lang, "editor-choice-correct-n", n = j + 1), checked: *ok,
                                    onchange: move |e: FormEvent| { let v = e.checked(); set_q("correct", Box::new(move |q| if let Some(x) = q.choices.get_mut(j) { x.1 = v })) } }
                                input { r#type: "text", aria_label: t!(lang, "editor-choice-n", n = j + 1), initial_value: "{c}",
                                    oninput: move |e| { let v = e.value(); set_q("choices", Box::new(move |q| if let Some(x) = q.choices.get_mut(j) { x.0 = v })) },
                                    onkeydown: move |e| keep_key_in_field(&e) }
                                button { class: "icon", aria_label: t!(lang, "editor-remove-choice-n", n = j + 1), onclick: move |_| set_q("choices", Box::new(move |q| { q.choices.remove(j); })), "✕" }
                            }
                        }
                        button { r#type: "button", onclick: move |_| set_q("choices", Box::new(|q| q.choices.push((String::new(), false)))), {t!(lang, "editor-add-choice")} }
                        label { class: "check radio-line",
                            input { r#type: "checkbox", checked: q.shuffle, onchange: move |e: FormEvent| { let c = e.checked(); set_q("shuffle", Box::new(move |q| q.shuffle = c)) } }
                            {t!(lang, "editor-shuffle")}
                        }
                        p { class: "field-error", {[err("choices"), err("correct")].iter().filter(|m| !m.is_empty()).cloned().collect::<Vec<_>>().join(" ")} }
                    }
                },
                QuestionKind::TrueFalse => rsx! {
                    div { class: "field",
                        span { class: "label", {t!(lang, "editor-statement-is")} }
                        div { class: "check-list",
                            label { class: "check", input { r#type: "radio", name: "truth-{i}", checked: q.truth, onchange: move |_| set_q("answer", Box::new(|q| q.truth = true)) } {t!(lang, "answer-true")} }
                            label { class: "check", input { r#type: "radio", name: "truth-{i}", checked: !q.truth, onchange: move |_| set_q("answer", Box::new(|q| q.truth = false)) } {t!(lang, "answer-false")} }
                        }
                    }
                },
                QuestionKind::Cloze => rsx! {},
            }
            Field { id: "q-explanation", label: t!(lang, "editor-field-explanation"), multiline: true, value: q.explanation.clone(), error: err("explanation"),
                oninput: move |v| set_q("explanation", Box::new(move |q| q.explanation = v)),
                    onfocus: move |_| super::media_picker::field_focused(ctx, i, "explanation"),
                    ondrop: move |e| super::media_picker::drop_on_field(ctx, i, "explanation", e) }
            Field { id: "q-source", label: t!(lang, "editor-field-source-quote"), multiline: true, value: q.source.clone(), error: err("source"),
                oninput: move |v| set_q("source", Box::new(move |q| q.source = v)) }
            Field { id: "q-tags", label: t!(lang, "editor-field-tags"), value: q.tags.clone(), error: err("tags"),
                oninput: move |v| set_q("tags", Box::new(move |q| q.tags = v)) }
            super::media_picker::MediaPicker { index: i, question: q.clone() }
            section { class: "preview", aria_label: t!(lang, "editor-preview"),
                h3 { {t!(lang, "editor-preview")} }
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
                        div { class: "answer", span { class: "answer-label", {t!(lang, "app-answer")} } div { dangerous_inner_html: super::media_picker::preview_html(ctx, &q.answer) } }
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

/// Import a file as a new set, or export the saved set, by path — the
/// same actions as `kioku import` and `kioku export -o`.
#[component]
fn Transfer(set_id: String, saved: bool) -> Element {
    let ctx: AppCtx = use_context();
    let lang = ctx.lang();
    let mut path = use_signal(String::new);
    let mut format = use_signal(|| "auto".to_owned());
    let mut report = use_signal(Vec::<String>::new);
    let chosen = move || {
        kioku_core::bank::formats::Format::ALL
            .into_iter()
            .find(|f| f.name() == format.read().as_str())
    };
    // The same reports as the decks screen's Import… and Export….
    let import = move |_| {
        let file = std::path::PathBuf::from(path.read().trim());
        match super::transfer::import_report(ctx, &file, chosen()) {
            Some(Ok((id, lines))) => {
                report.set(lines);
                open(ctx, Some(id));
            }
            Some(Err(e)) => report.set(
                crate::describe(*ctx.lang.peek(), &e)
                    .lines()
                    .map(str::to_owned)
                    .collect(),
            ),
            None => {}
        }
    };
    let set_for_export = set_id.clone();
    let export = move |_| {
        let file = std::path::PathBuf::from(path.read().trim());
        let Some(id) = SetId::new(&set_for_export) else {
            return;
        };
        match super::transfer::export_report(ctx, &id, &file, chosen()) {
            Some(Ok(lines)) => report.set(lines),
            Some(Err(e)) => report.set(
                crate::describe(*ctx.lang.peek(), &e)
                    .lines()
                    .map(str::to_owned)
                    .collect(),
            ),
            None => {}
        }
    };
    rsx! {
        fieldset { class: "transfer",
            legend { {t!(lang, "editor-transfer")} }
            div { class: "field",
                label { r#for: "transfer-path", {t!(lang, "editor-file-path")} }
                // Uncontrolled: the field keeps what is typed, the signal follows.
                input { id: "transfer-path", r#type: "text", placeholder: t!(lang, "editor-file-path-placeholder"),
                    oninput: move |e| path.set(e.value()),
                    onkeydown: move |e| if e.key() != Key::Escape { e.stop_propagation() } }
            }
            div { class: "field",
                label { r#for: "transfer-format", {t!(lang, "editor-format")} }
                select { id: "transfer-format", value: "{format}", onchange: move |e| format.set(e.value()),
                    option { value: "auto", {t!(lang, "editor-format-auto")} }
                    for f in kioku_core::bank::formats::Format::ALL { option { value: f.name(), "{f.name()}" } }
                }
            }
            div { class: "form-actions",
                button { r#type: "button", disabled: path.read().trim().is_empty(), onclick: import, {t!(lang, "editor-import-new")} }
                button { r#type: "button", disabled: path.read().trim().is_empty() || !saved, onclick: export,
                    title: if saved { String::new() } else { t!(lang, "editor-save-first") }, {t!(lang, "editor-export-set")} }
            }
            if !report.read().is_empty() {
                ul { class: "transfer-report", role: "status",
                    for line in report.read().iter() { li { "{line}" } }
                }
            }
        }
    }
}
