//! Settings: scheduling and appearance, validated by the core, saved
//! atomically through it.

use dioxus::prelude::*;

use crate::{AppCtx, Screen};
use kioku_core::store::{Field, Settings, SettingsForm, Theme};

#[component]
pub fn SettingsView() -> Element {
    let mut ctx: AppCtx = use_context();
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
                errors.set(e);
                saved.set(false);
            }
            Ok(settings) => {
                errors.set(Vec::new());
                let result = match ctx.library.write().as_mut() {
                    Some(lib) => lib.save_settings(settings),
                    None => return,
                };
                match result {
                    Ok(()) => saved.set(true),
                    Err(e) => ctx.fail(e),
                }
            }
        }
    };
    let f = form.read().clone();
    rsx! {
        header { class: "top",
            button { class: "link", onclick: move |_| ctx.go(Screen::Home), "← Decks" }
            h1 { "Settings" }
        }
        main { class: "settings",
            form {
                onsubmit: move |e| {
                    e.prevent_default();
                    save(());
                },
                fieldset {
                    legend { "Scheduling" }
                    super::field::Field { id: "retention", label: field_label(Field::Retention), hint: "How likely you should be to remember a card when it comes due: 70–99. Higher means more reviews.",
                        value: f.retention.clone(), error: error_for(Field::Retention).unwrap_or_default(),
                        oninput: move |v| form.write().retention = v }
                    super::field::Field { id: "new-per-day", label: field_label(Field::NewPerDay), hint: "Per deck.",
                        value: f.new_per_day.clone(), error: error_for(Field::NewPerDay).unwrap_or_default(),
                        oninput: move |v| form.write().new_per_day = v }
                    super::field::Field { id: "reviews-per-day", label: field_label(Field::ReviewsPerDay), hint: "Per deck.",
                        value: f.reviews_per_day.clone(), error: error_for(Field::ReviewsPerDay).unwrap_or_default(),
                        oninput: move |v| form.write().reviews_per_day = v }
                    super::field::Field { id: "learning-steps", label: field_label(Field::LearningSteps), hint: "Delays before a new card graduates, e.g. 1m 10m (m, h, d).",
                        value: f.learning_steps.clone(), error: error_for(Field::LearningSteps).unwrap_or_default(),
                        oninput: move |v| form.write().learning_steps = v }
                    super::field::Field { id: "relearning-steps", label: field_label(Field::RelearningSteps), hint: "Delays after forgetting a card, e.g. 10m.",
                        value: f.relearning_steps.clone(), error: error_for(Field::RelearningSteps).unwrap_or_default(),
                        oninput: move |v| form.write().relearning_steps = v }
                    super::field::Field { id: "rollover", label: field_label(Field::RolloverHour), hint: "0–23, local time. Reviews before it count for the day before.",
                        value: f.rollover_hour.clone(), error: error_for(Field::RolloverHour).unwrap_or_default(),
                        oninput: move |v| form.write().rollover_hour = v }
                }
                fieldset {
                    legend { "Appearance" }
                    div { class: "field",
                        label { r#for: "theme", "Theme" }
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
                            option { value: "system", "Follow the system" }
                            option { value: "light", "Light" }
                            option { value: "dark", "Dark" }
                        }
                    }
                    super::field::Field { id: "text-size", label: field_label(Field::TextSize), hint: "80–200.",
                        value: f.text_size.clone(), error: error_for(Field::TextSize).unwrap_or_default(),
                        oninput: move |v| form.write().text_size = v }
                }
                super::optimizer::Optimizer {}
                div { class: "form-actions",
                    button { class: "primary", r#type: "submit", "Save" }
                    button { r#type: "button", onclick: move |_| ctx.go(Screen::Home), "Cancel" }
                    if *saved.read() {
                        span { class: "saved", role: "status", "Saved." }
                    }
                    // Next to Save, where the user is looking: what is wrong,
                    // and where (the fields above are marked too).
                    if !errors.read().is_empty() {
                        div { class: "form-error", role: "alert",
                            p { class: "form-error-title", "Not saved: fix the marked fields above." }
                            ul { class: "form-error-list",
                                for (field, message) in errors.read().iter() {
                                    li { strong { "{field_label(*field)}: " } "{message}" }
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
fn field_label(field: Field) -> &'static str {
    match field {
        Field::Retention => "Desired retention (%)",
        Field::NewPerDay => "New cards per day",
        Field::ReviewsPerDay => "Reviews per day",
        Field::LearningSteps => "Learning steps",
        Field::RelearningSteps => "Relearning steps",
        Field::RolloverHour => "New day starts at (hour)",
        Field::TextSize => "Text size (%)",
    }
}
