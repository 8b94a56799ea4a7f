//! Settings: scheduling and appearance, validated by the core, saved
//! atomically through it.

use dioxus::prelude::*;

use crate::{AppCtx, Lang, Screen, t};
use kioku_core::store::{Field, Language, Settings, SettingsForm, Theme};

#[component]
pub fn SettingsView() -> Element {
    let mut ctx: AppCtx = use_context();
    let lang = ctx.lang();
    let base: Settings = ctx
        .library
        .read()
        .as_ref()
        .map(|l| l.settings().clone())
        .unwrap_or_default();
    let mut form = use_signal(|| SettingsForm::from_settings(&base));
    let mut errors = use_signal(Vec::<(Field, String)>::new);
    let mut saved = use_signal(|| false);
    let error_for = move |f: Field| {
        errors
            .read()
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, m)| m.clone())
    };
    let mut save = move |_: ()| {
        let base: Settings = match ctx.library.read().as_ref() {
            Some(l) => l.settings().clone(),
            None => return,
        };
        match form.read().to_settings(&base) {
            Err(e) => {
                let lang = *ctx.lang.peek();
                errors.set(
                    e.iter()
                        .map(|(f, e)| (*f, kioku_i18n::words::form_error(lang, e)))
                        .collect(),
                );
                saved.set(false);
            }
            Ok(settings) => {
                errors.set(Vec::new());
                let language = settings.language;
                let result = match ctx.library.write().as_mut() {
                    Some(lib) => lib.save_settings(settings),
                    None => return,
                };
                match result {
                    Ok(()) => {
                        // The whole app speaks the new language at once.
                        ctx.lang.set(crate::resolve_lang(language));
                        saved.set(true);
                    }
                    Err(e) => ctx.fail(crate::describe(*ctx.lang.peek(), &e)),
                }
            }
        }
    };
    let f = form.read().clone();
    rsx! {
        header { class: "top",
            button { class: "link", onclick: move |_| ctx.go(Screen::Home), {t!(lang, "app-back-decks")} }
            h1 { {t!(lang, "app-settings")} }
        }
        main { class: "settings",
            form {
                onsubmit: move |e| {
                    e.prevent_default();
                    save(());
                },
                fieldset {
                    legend { {t!(lang, "app-scheduling")} }
                    super::field::Field { id: "retention", label: field_label(lang, Field::Retention), hint: t!(lang, "app-hint-retention"),
                        value: f.retention.clone(), error: error_for(Field::Retention).unwrap_or_default(),
                        oninput: move |v| form.write().retention = v }
                    super::field::Field { id: "new-per-day", label: field_label(lang, Field::NewPerDay), hint: t!(lang, "app-hint-per-deck"),
                        value: f.new_per_day.clone(), error: error_for(Field::NewPerDay).unwrap_or_default(),
                        oninput: move |v| form.write().new_per_day = v }
                    super::field::Field { id: "reviews-per-day", label: field_label(lang, Field::ReviewsPerDay), hint: t!(lang, "app-hint-per-deck"),
                        value: f.reviews_per_day.clone(), error: error_for(Field::ReviewsPerDay).unwrap_or_default(),
                        oninput: move |v| form.write().reviews_per_day = v }
                    super::field::Field { id: "learning-steps", label: field_label(lang, Field::LearningSteps), hint: t!(lang, "app-hint-learning-steps"),
                        value: f.learning_steps.clone(), error: error_for(Field::LearningSteps).unwrap_or_default(),
                        oninput: move |v| form.write().learning_steps = v }
                    super::field::Field { id: "relearning-steps", label: field_label(lang, Field::RelearningSteps), hint: t!(lang, "app-hint-relearning-steps"),
                        value: f.relearning_steps.clone(), error: error_for(Field::RelearningSteps).unwrap_or_default(),
                        oninput: move |v| form.write().relearning_steps = v }
                    super::field::Field { id: "rollover", label: field_label(lang, Field::RolloverHour), hint: t!(lang, "app-hint-rollover"),
                        value: f.rollover_hour.clone(), error: error_for(Field::RolloverHour).unwrap_or_default(),
                        oninput: move |v| form.write().rollover_hour = v }
                    super::field::Field { id: "max-answer", label: field_label(lang, Field::MaxAnswerSecs), hint: t!(lang, "app-hint-max-answer"),
                        value: f.max_answer_secs.clone(), error: error_for(Field::MaxAnswerSecs).unwrap_or_default(),
                        oninput: move |v| form.write().max_answer_secs = v }
                }
                fieldset {
                    legend { {t!(lang, "app-appearance")} }
                    div { class: "field",
                        label { r#for: "theme", {t!(lang, "app-theme")} }
                        select {
                            id: "theme",
                            value: match f.theme { Theme::System => "system", Theme::Light => "light", Theme::Dark => "dark" },
                            onchange: move |e| {
                                form.write().theme = match e.value().as_str() {
                                    "light" => Theme::Light,
                                    "dark" => Theme::Dark,
                                    _ => Theme::System,
                                };
                            },
                            option { value: "system", {t!(lang, "app-theme-system")} }
                            option { value: "light", {t!(lang, "app-theme-light")} }
                            option { value: "dark", {t!(lang, "app-theme-dark")} }
                        }
                    }
                    div { class: "field",
                        label { r#for: "language", {t!(lang, "app-language")} }
                        select {
                            id: "language",
                            value: match f.language { Language::System => "system", Language::En => "en", Language::Ja => "ja" },
                            onchange: move |e| {
                                form.write().language = match e.value().as_str() {
                                    "en" => Language::En,
                                    "ja" => Language::Ja,
                                    _ => Language::System,
                                };
                            },
                            option { value: "system", {t!(lang, "app-language-system")} }
                            // Each language in its own name, so anyone can find theirs.
                            option { value: "en", lang: "en", {Lang::En.native_name()} }
                            option { value: "ja", lang: "ja", {Lang::Ja.native_name()} }
                        }
                    }
                    super::field::Field { id: "text-size", label: field_label(lang, Field::TextSize), hint: "80–200",
                        value: f.text_size.clone(), error: error_for(Field::TextSize).unwrap_or_default(),
                        oninput: move |v| form.write().text_size = v }
                }
                super::optimizer::Optimizer {}
                div { class: "form-actions",
                    button { class: "primary", r#type: "submit", {t!(lang, "app-save")} }
                    button { r#type: "button", onclick: move |_| ctx.go(Screen::Home), {t!(lang, "app-cancel")} }
                    if *saved.read() {
                        span { class: "saved", role: "status", {t!(lang, "app-saved")} }
                    }
                    // Next to Save, where the user is looking: what is wrong,
                    // and where (the fields above are marked too).
                    if !errors.read().is_empty() {
                        div { class: "form-error", role: "alert",
                            p { class: "form-error-title", {t!(lang, "app-not-saved")} }
                            ul { class: "form-error-list",
                                for (field, message) in errors.read().iter() {
                                    li { strong { {field_label(lang, *field)} ": " } "{message}" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The label shown for `field` (as on its input).
fn field_label(lang: Lang, field: Field) -> String {
    match field {
        Field::Retention => t!(lang, "app-field-retention"),
        Field::NewPerDay => t!(lang, "app-field-new-per-day"),
        Field::ReviewsPerDay => t!(lang, "app-field-reviews-per-day"),
        Field::LearningSteps => t!(lang, "app-field-learning-steps"),
        Field::RelearningSteps => t!(lang, "app-field-relearning-steps"),
        Field::RolloverHour => t!(lang, "app-field-rollover"),
        Field::TextSize => t!(lang, "app-field-text-size"),
        Field::MaxAnswerSecs => t!(lang, "app-field-max-answer"),
    }
}
