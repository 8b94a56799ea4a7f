//! `settings.json`: the scheduler's settings and the app's appearance.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{StoreError, io_err, write_atomic};
use crate::schedule::{SchedulerSettings, SettingsError};

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
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            kioku_settings: SETTINGS_VERSION,
            scheduler: SchedulerSettings::default(),
            theme: Theme::System,
            text_size: 100,
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
        Ok(())
    }

    /// `None` when the file does not exist yet.
    pub(super) fn load(path: &Path) -> Result<Option<Settings>, StoreError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_err(path, "read")(e)),
        };
        let invalid = |message: String| StoreError::Invalid {
            path: path.to_owned(),
            message,
        };
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| invalid(format!("not valid JSON ({e})")))?;
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
        let settings: Settings =
            serde_json::from_value(value).map_err(|e| invalid(e.to_string()))?;
        settings.validate().map_err(|e| invalid(e.to_string()))?;
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
