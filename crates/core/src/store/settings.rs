//! `settings.json`: the scheduler's settings and the app's appearance.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{DataProblem, StoreError, io_err, write_atomic};
use crate::scheduler::{SchedulerSettings, SettingsError};

/// Format version of `settings.json`.
pub const SETTINGS_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// The language the app speaks: the system's (the locale, or
/// `KIOKU_LANG`), or one chosen in Settings. Left out of the file while it
/// is `System`, so files written before it existed read the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    System,
    /// English.
    En,
    /// Japanese.
    Ja,
}

impl Language {
    pub fn is_system(&self) -> bool {
        *self == Language::System
    }
}

/// Everything the user can set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Always [`SETTINGS_VERSION`] when written by this kioku.
    pub kioku_settings: u32,
    pub scheduler: SchedulerSettings,
    pub theme: Theme,
    /// Text size in percent of the default, 80–200.
    pub text_size: u16,
    /// The self-test set-up last used (left out of the file while it is
    /// the default).
    #[serde(skip_serializing_if = "ExamDefaults::is_default")]
    pub exam: ExamDefaults,
    /// The interface language.
    #[serde(skip_serializing_if = "Language::is_system")]
    pub language: Language,
    /// The longest time one answer is recorded as, in seconds, 10–3600
    /// (Anki's "maximum answer seconds", 60 by default): a card left on
    /// screen while the student was away is not logged as half an hour of
    /// study. Left out of the file while it is the default.
    #[serde(skip_serializing_if = "is_default_max_answer")]
    pub max_answer_secs: u32,
}

/// [`Settings::max_answer_secs`] unless set.
pub const DEFAULT_MAX_ANSWER_SECS: u32 = 60;

fn is_default_max_answer(secs: &u32) -> bool {
    *secs == DEFAULT_MAX_ANSWER_SECS
}

/// What the self-test set-up starts with: the last count and time limit
/// chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExamDefaults {
    /// Questions per test; `None` for all of them.
    pub count: Option<usize>,
    /// Minutes, 1–600; `None` for no limit.
    pub time_limit_min: Option<u32>,
}

impl Default for ExamDefaults {
    fn default() -> Self {
        Self {
            count: Some(20),
            time_limit_min: None,
        }
    }
}

impl ExamDefaults {
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            kioku_settings: SETTINGS_VERSION,
            scheduler: SchedulerSettings::default(),
            theme: Theme::System,
            text_size: 100,
            exam: ExamDefaults::default(),
            language: Language::System,
            max_answer_secs: DEFAULT_MAX_ANSWER_SECS,
        }
    }
}

impl Settings {
    pub fn validate(&self) -> Result<(), SettingsError> {
        self.scheduler.validate()?;
        if !(80..=200).contains(&self.text_size) {
            return Err(SettingsError::Range {
                name: "text size",
                min: 80,
                max: 200,
                value: u32::from(self.text_size),
            });
        }
        if !(10..=3600).contains(&self.max_answer_secs) {
            return Err(SettingsError::Range {
                name: "maximum answer seconds",
                min: 10,
                max: 3600,
                value: self.max_answer_secs,
            });
        }
        if let Some(c) = self.exam.count
            && !(1..=10_000).contains(&c)
        {
            return Err(SettingsError::Range {
                name: "self-test questions",
                min: 1,
                max: 10_000,
                value: u32::try_from(c).unwrap_or(u32::MAX),
            });
        }
        if let Some(m) = self.exam.time_limit_min
            && !(1..=600).contains(&m)
        {
            return Err(SettingsError::Range {
                name: "self-test time limit",
                min: 1,
                max: 600,
                value: m,
            });
        }
        Ok(())
    }

    /// `None` when the file does not exist yet.
    pub(super) fn load(path: &Path) -> Result<Option<Settings>, StoreError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_err(path, "read")(e)),
        };
        let invalid = |problem: DataProblem| StoreError::Invalid {
            path: path.to_owned(),
            problem,
        };
        let value: serde_json::Value = serde_json::from_slice(&bytes)
            .map_err(|e| invalid(DataProblem::NotJson(e.to_string())))?;
        if let Some(v) = value
            .get("kioku_settings")
            .and_then(serde_json::Value::as_u64)
            && v > u64::from(SETTINGS_VERSION)
        {
            return Err(StoreError::NewerVersion {
                path: path.to_owned(),
                found: v,
                supported: u64::from(SETTINGS_VERSION),
            });
        }
        let settings: Settings = serde_json::from_value(value)
            .map_err(|e| invalid(DataProblem::Decode(e.to_string())))?;
        settings.validate().map_err(|e| invalid(e.into()))?;
        Ok(Some(settings))
    }

    pub(super) fn save(&self, path: &Path) -> Result<(), StoreError> {
        let mut copy = self.clone();
        copy.kioku_settings = SETTINGS_VERSION;
        let mut bytes =
            serde_json::to_vec_pretty(&copy).map_err(|e| StoreError::Encode(e.to_string()))?;
        bytes.push(b'\n');
        write_atomic(path, &bytes)
    }
}

/// The settings screen's fields as typed, turned into [`Settings`] with a
/// message per bad field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsForm {
    /// Percent, e.g. "90".
    pub retention: String,
    pub new_per_day: String,
    pub reviews_per_day: String,
    pub learning_steps: String,
    pub relearning_steps: String,
    pub rollover_hour: String,
    pub theme: Theme,
    /// Percent, e.g. "100".
    pub text_size: String,
    pub language: Language,
    /// Seconds, e.g. "60".
    pub max_answer_secs: String,
}

/// What is wrong with a field of [`SettingsForm`], as data for the front
/// ends to word; `Display` is the English sentence.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FormError {
    /// Not a whole number from `min` to `max`.
    #[error("Enter a whole number from {min} to {max}.")]
    NotInRange { min: u32, max: u32 },
    /// Steps that do not parse or are out of range.
    #[error("{0}.")]
    Steps(SettingsError),
}

/// A field of [`SettingsForm`] with a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Retention,
    NewPerDay,
    ReviewsPerDay,
    LearningSteps,
    RelearningSteps,
    RolloverHour,
    TextSize,
    MaxAnswerSecs,
}

impl SettingsForm {
    pub fn from_settings(s: &Settings) -> Self {
        let sch = &s.scheduler;
        Self {
            retention: format!("{}", (sch.desired_retention.get() * 100.0).round()),
            new_per_day: sch.new_per_day.to_string(),
            reviews_per_day: sch.reviews_per_day.to_string(),
            learning_steps: sch.learning_steps.to_string(),
            relearning_steps: sch.relearning_steps.to_string(),
            rollover_hour: sch.rollover_hour.to_string(),
            theme: s.theme,
            text_size: s.text_size.to_string(),
            language: s.language,
            max_answer_secs: s.max_answer_secs.to_string(),
        }
    }

    /// The settings these fields describe, based on `base` (which keeps
    /// what the form does not show, such as fitted parameters).
    pub fn to_settings(&self, base: &Settings) -> Result<Settings, Vec<(Field, FormError)>> {
        let mut errors = Vec::new();
        let mut out = base.clone();
        let number = |text: &str,
                      field: Field,
                      min: u32,
                      max: u32,
                      errors: &mut Vec<(Field, FormError)>|
         -> Option<u32> {
            match text.trim().parse::<u32>() {
                Ok(n) if (min..=max).contains(&n) => Some(n),
                _ => {
                    errors.push((field, FormError::NotInRange { min, max }));
                    None
                }
            }
        };
        if let Some(r) = number(&self.retention, Field::Retention, 70, 99, &mut errors)
            && let Ok(r) = crate::scheduler::Retention::new(r as f32 / 100.0)
        {
            out.scheduler.desired_retention = r;
        }
        if let Some(n) = number(&self.new_per_day, Field::NewPerDay, 0, 9999, &mut errors) {
            out.scheduler.new_per_day = n;
        }
        if let Some(n) = number(
            &self.reviews_per_day,
            Field::ReviewsPerDay,
            0,
            99_999,
            &mut errors,
        ) {
            out.scheduler.reviews_per_day = n;
        }
        if let Some(n) = number(&self.rollover_hour, Field::RolloverHour, 0, 23, &mut errors) {
            out.scheduler.rollover_hour = n as u8;
        }
        if let Some(n) = number(&self.text_size, Field::TextSize, 80, 200, &mut errors) {
            out.text_size = n as u16;
        }
        if let Some(n) = number(
            &self.max_answer_secs,
            Field::MaxAnswerSecs,
            10,
            3600,
            &mut errors,
        ) {
            out.max_answer_secs = n;
        }
        match self.learning_steps.parse() {
            Ok(s) => out.scheduler.learning_steps = s,
            Err(e) => errors.push((Field::LearningSteps, FormError::Steps(e))),
        }
        match self.relearning_steps.parse() {
            Ok(s) => out.scheduler.relearning_steps = s,
            Err(e) => errors.push((Field::RelearningSteps, FormError::Steps(e))),
        }
        out.theme = self.theme;
        out.language = self.language;
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_round_trips_and_reports_each_bad_field() {
        let s = Settings::default();
        let form = SettingsForm::from_settings(&s);
        assert_eq!(form.retention, "90");
        assert_eq!(form.learning_steps, "1m 10m");
        assert_eq!(form.to_settings(&s).unwrap(), s);
        let bad = SettingsForm {
            retention: "50".into(),
            learning_steps: "1m ten".into(),
            text_size: "abc".into(),
            max_answer_secs: "5".into(),
            ..form
        };
        let errors = bad.to_settings(&s).unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                Field::Retention,
                Field::TextSize,
                Field::MaxAnswerSecs,
                Field::LearningSteps
            ]
        );
        assert_eq!(errors[0].1, FormError::NotInRange { min: 70, max: 99 });
        assert_eq!(
            errors[0].1.to_string(),
            "Enter a whole number from 70 to 99."
        );
        assert_eq!(
            errors[3].1,
            FormError::Steps(SettingsError::Step("ten".into()))
        );
        assert!(
            errors[3].1.to_string().contains("\"ten\" is not a step"),
            "{}",
            errors[3].1
        );
    }

    #[test]
    fn language_is_saved_and_old_files_read_as_system() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        // A file from before the language setting existed.
        std::fs::write(&path, r#"{"kioku_settings": 1, "theme": "dark"}"#).unwrap();
        let old = Settings::load(&path).unwrap().unwrap();
        assert_eq!(old.language, Language::System);
        assert_eq!(old.theme, Theme::Dark);
        // System is left out of the file; a chosen language is written.
        old.save(&path).unwrap();
        assert!(!std::fs::read_to_string(&path).unwrap().contains("language"));
        let ja = Settings {
            language: Language::Ja,
            ..old
        };
        ja.save(&path).unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains(r#""language": "ja""#)
        );
        assert_eq!(
            Settings::load(&path).unwrap().unwrap().language,
            Language::Ja
        );
        // The form carries it through.
        let mut form = SettingsForm::from_settings(&ja);
        assert_eq!(form.language, Language::Ja);
        form.language = Language::En;
        assert_eq!(form.to_settings(&ja).unwrap().language, Language::En);
    }
}
