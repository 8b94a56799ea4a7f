//! Study days: local calendar days that start at the rollover hour, so a
//! review at 2:00 with a 4:00 rollover counts for the previous day.

use std::fmt;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

/// A study day, counted in days since 1970-01-01 (a local date, not UTC).
/// Day `n + 1` starts at the rollover hour after day `n` starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StudyDay(pub i32);

impl StudyDay {
    /// The study day that `at` falls in, in `tz`, with days starting at
    /// `rollover_hour` (0–23) local time.
    pub fn of(at: Timestamp, tz: &TimeZone, rollover_hour: u8) -> StudyDay {
        let local = at.to_zoned(tz.clone()).datetime();
        let shifted = local
            .checked_sub(jiff::SignedDuration::from_hours(i64::from(
                rollover_hour.min(23),
            )))
            .unwrap_or(local);
        StudyDay::from_date(shifted.date())
    }

    pub fn from_date(date: Date) -> StudyDay {
        let epoch = Date::constant(1970, 1, 1);
        // Dates jiff supports are within ±10,000 years: the day count fits.
        let days = (date - epoch).get_days();
        StudyDay(days)
    }

    pub fn date(self) -> Date {
        Date::constant(1970, 1, 1)
            .checked_add(jiff::Span::new().days(i64::from(self.0)))
            .unwrap_or(Date::MAX)
    }

    /// `self + days`, saturating.
    pub fn plus(self, days: u32) -> StudyDay {
        StudyDay(
            self.0
                .saturating_add(i32::try_from(days).unwrap_or(i32::MAX)),
        )
    }

    /// Whole days from `earlier` to `self`; 0 if `earlier` is later (the
    /// clock went backwards).
    pub fn days_since(self, earlier: StudyDay) -> u32 {
        u32::try_from(self.0.saturating_sub(earlier.0)).unwrap_or(0)
    }
}

impl fmt::Display for StudyDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn rollover_moves_early_hours_to_the_previous_day() {
        let tz = TimeZone::fixed(jiff::tz::offset(9)); // Tokyo, no DST
        // 2026-11-28 02:00 in Tokyo is 2026-11-27 17:00 UTC.
        let early = StudyDay::of(ts("2026-11-27T17:00:00Z"), &tz, 4);
        let late = StudyDay::of(ts("2026-11-27T19:30:00Z"), &tz, 4); // 04:30 local
        assert_eq!(early.date(), Date::constant(2026, 11, 27));
        assert_eq!(late.date(), Date::constant(2026, 11, 28));
        assert_eq!(late.days_since(early), 1);
        assert_eq!(early.days_since(late), 0);
        assert_eq!(
            StudyDay::of(ts("2026-11-27T17:00:00Z"), &tz, 0).date(),
            Date::constant(2026, 11, 28)
        );
    }

    #[test]
    fn day_numbers_round_trip() {
        let d = Date::constant(2024, 2, 29);
        assert_eq!(StudyDay::from_date(d).date(), d);
        assert_eq!(StudyDay::from_date(Date::constant(1970, 1, 2)), StudyDay(1));
        assert_eq!(StudyDay(10).plus(5), StudyDay(15));
    }
}
