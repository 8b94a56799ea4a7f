//! The scheduler's settings, validated on construction.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A setting that is out of range or malformed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SettingsError {
    #[error("desired retention must be between 0.70 and 0.99, not {0}")]
    Retention(f32),
    #[error(
        "\"{0}\" is not a step; write steps like \"1m 10m\" (m = minutes, h = hours, d = days)"
    )]
    Step(String),
    #[error("a step must be between 1 minute and 30 days, not \"{0}\"")]
    StepRange(String),
    #[error("{name} must be between {min} and {max}, not {value}")]
    Range {
        name: &'static str,
        min: u32,
        max: u32,
        value: u32,
    },
    #[error("FSRS parameters must be 21 numbers (FSRS-6), found {0}")]
    ParameterCount(usize),
}

/// Desired retention: the recall probability reviews are scheduled for.
/// Always within 0.70–0.99.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Retention(f32);

impl Retention {
    pub const MIN: f32 = 0.70;
    pub const MAX: f32 = 0.99;

    pub fn new(r: f32) -> Result<Self, SettingsError> {
        if (Self::MIN..=Self::MAX).contains(&r) {
            Ok(Self(r))
        } else {
            Err(SettingsError::Retention(r))
        }
    }

    pub fn get(self) -> f32 {
        self.0
    }
}

impl Default for Retention {
    fn default() -> Self {
        Self(0.90)
    }
}

impl Serialize for Retention {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f32(self.0)
    }
}

impl<'de> Deserialize<'de> for Retention {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Retention::new(f32::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// (Re)learning steps in minutes, each 1 minute to 30 days. Written as
/// `1m 10m`, `1h`, `1d`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Steps(Vec<u32>);

impl Steps {
    const MAX_MINUTES: u32 = 30 * 1440;

    pub fn new(minutes: Vec<u32>) -> Result<Self, SettingsError> {
        for &m in &minutes {
            if !(1..=Self::MAX_MINUTES).contains(&m) {
                return Err(SettingsError::StepRange(format!("{m}m")));
            }
        }
        Ok(Self(minutes))
    }

    pub fn first(&self) -> Option<u32> {
        self.0.first().copied()
    }

    pub fn get(&self, i: usize) -> Option<u32> {
        self.0.get(i).copied()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The delay for Hard at step `i`, as Anki: on the first step, the
    /// average of the first two (or 1.5× a lone step, at most a day more);
    /// later, the current step again.
    pub fn hard_delay(&self, i: usize) -> u32 {
        match (i, self.0.as_slice()) {
            (0, [a, b, ..]) => (a + b).div_ceil(2),
            (0, [a]) => (a.saturating_mul(3) / 2).min(a + 1440),
            _ => self.get(i).unwrap_or(1),
        }
    }
}

impl fmt::Display for Steps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|&m| {
                if m % 1440 == 0 {
                    format!("{}d", m / 1440)
                } else if m % 60 == 0 {
                    format!("{}h", m / 60)
                } else {
                    format!("{m}m")
                }
            })
            .collect();
        f.write_str(&parts.join(" "))
    }
}

impl FromStr for Steps {
    type Err = SettingsError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut minutes = Vec::new();
        for word in s.split_whitespace() {
            let split = word
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(word.len());
            let (n, unit) = word.split_at(split);
            let n: u32 = n
                .parse()
                .map_err(|_| SettingsError::Step(word.to_owned()))?;
            let factor = match unit {
                "m" | "" => 1,
                "h" => 60,
                "d" => 1440,
                _ => return Err(SettingsError::Step(word.to_owned())),
            };
            let m = n
                .checked_mul(factor)
                .filter(|m| (1..=Self::MAX_MINUTES).contains(m))
                .ok_or_else(|| SettingsError::StepRange(word.to_owned()))?;
            minutes.push(m);
        }
        Ok(Self(minutes))
    }
}

impl Serialize for Steps {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Steps {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// Everything the scheduler and today's queue depend on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SchedulerSettings {
    pub desired_retention: Retention,
    pub learning_steps: Steps,
    pub relearning_steps: Steps,
    /// Longest review interval, in days (1–36500).
    pub maximum_interval: u32,
    /// New cards introduced per study day, per set.
    pub new_per_day: u32,
    /// Reviews shown per study day, per set.
    pub reviews_per_day: u32,
    /// Local hour (0–23) at which a study day begins.
    pub rollover_hour: u8,
    /// Fitted FSRS-6 parameters (21 numbers); `None` uses the defaults.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Vec<f32>>,
}

impl Default for SchedulerSettings {
    fn default() -> Self {
        Self {
            desired_retention: Retention::default(),
            learning_steps: Steps(vec![1, 10]),
            relearning_steps: Steps(vec![10]),
            maximum_interval: 36_500,
            new_per_day: 20,
            reviews_per_day: 200,
            rollover_hour: 4,
            parameters: None,
        }
    }
}

impl SchedulerSettings {
    /// Check the ranges serde's types don't express.
    pub fn validate(&self) -> Result<(), SettingsError> {
        let range = |name, value: u32, min, max| {
            if (min..=max).contains(&value) {
                Ok(())
            } else {
                Err(SettingsError::Range {
                    name,
                    min,
                    max,
                    value,
                })
            }
        };
        range("maximum interval", self.maximum_interval, 1, 36_500)?;
        range("new cards per day", self.new_per_day, 0, 9_999)?;
        range("reviews per day", self.reviews_per_day, 0, 99_999)?;
        range("day rollover hour", u32::from(self.rollover_hour), 0, 23)?;
        if let Some(p) = &self.parameters
            && p.len() != 21
        {
            return Err(SettingsError::ParameterCount(p.len()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_parse_and_print() {
        let s: Steps = "1m 10m 1h 2d".parse().unwrap();
        assert_eq!(s, Steps(vec![1, 10, 60, 2880]));
        assert_eq!(s.to_string(), "1m 10m 1h 2d");
        assert_eq!("".parse::<Steps>().unwrap(), Steps(vec![]));
        assert_eq!("5".parse::<Steps>().unwrap(), Steps(vec![5]));
        assert!(matches!("1x".parse::<Steps>(), Err(SettingsError::Step(_))));
        assert!(matches!(
            "0m".parse::<Steps>(),
            Err(SettingsError::StepRange(_))
        ));
        assert!(matches!(
            "31d".parse::<Steps>(),
            Err(SettingsError::StepRange(_))
        ));
    }

    #[test]
    fn hard_delays_follow_anki() {
        let s = Steps(vec![1, 10]);
        assert_eq!(s.hard_delay(0), 6); // (1 + 10) / 2, rounded up
        assert_eq!(s.hard_delay(1), 10);
        assert_eq!(Steps(vec![10]).hard_delay(0), 15);
        assert_eq!(Steps(vec![2880]).hard_delay(0), 4320);
    }

    #[test]
    fn retention_is_bounded() {
        assert!(Retention::new(0.9).is_ok());
        assert!(Retention::new(0.69).is_err());
        assert!(Retention::new(1.0).is_err());
        assert!(
            serde_json::from_str::<SchedulerSettings>(r#"{"desired_retention": 0.5}"#).is_err()
        );
        let s: SchedulerSettings = serde_json::from_str(r#"{"learning_steps": "2m"}"#).unwrap();
        assert_eq!(s.learning_steps, Steps(vec![2]));
        assert_eq!(s.new_per_day, 20);
    }
}
