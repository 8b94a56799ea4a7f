//! kioku's message layer: every word a person reads goes through here.
//!
//! The messages live in Fluent files a translator can edit, one per
//! language, compiled into the binary:
//!
//! - `crates/i18n/locales/en/kioku.ftl`
//! - `crates/i18n/locales/ja/kioku.ftl`
//!
//! Look a message up with [`tr`] or the [`t!`] macro:
//!
//! ```
//! use kioku_i18n::{Lang, t};
//! assert_eq!(t!(Lang::En, "check-ok", path = "a.json", questions = 1, cards = 2),
//!            "a.json: ok (1 question, 2 cards)");
//! assert_eq!(t!(Lang::Ja, "check-ok", path = "a.json", questions = 1, cards = 2),
//!            "a.json: OK（問題 1 問、カード 2 枚）");
//! ```
//!
//! Plurals follow Fluent's (CLDR's) rules for the language; numbers are
//! grouped (`1,234`); [`date`] writes a date in the language's own form
//! (`November 28, 2026`, `2026年11月28日`).
//!
//! The language: `KIOKU_LANG` if set, else the first of `LC_ALL`,
//! `LC_MESSAGES`, `LANG` that is set; `ja…` picks Japanese and anything
//! else English ([`Lang::from_env`]).
//!
//! This crate knows no UI and no command line; the core does not depend
//! on it (it returns data, the front ends word it). With the `core`
//! feature, `words` words the core's typed results (`kioku check`
//! problems, the grader's reasons) for both front ends.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::FluentValue as Value;

#[cfg(feature = "core")]
pub mod words;

/// A language kioku speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the fallback for every language kioku does not speak.
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// Every language, in the order a chooser lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The language's tag: `en`, `ja`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language's name in itself, for a chooser: `English`, `日本語`.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ja => "日本語",
        }
    }

    /// The Fluent source of this language's messages.
    pub fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../locales/en/kioku.ftl"),
            Lang::Ja => include_str!("../locales/ja/kioku.ftl"),
        }
    }

    /// The language a locale name asks for (`ja`, `ja_JP.UTF-8`, `en-GB`,
    /// `C`): `None` when it names no language kioku speaks.
    pub fn from_locale(name: &str) -> Option<Lang> {
        let lang = name
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language chosen by environment variables, as read by `var`:
    /// `KIOKU_LANG` overrides; otherwise the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides (as the
    /// C library does). Anything kioku does not speak is English.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        if let Some(v) = set("KIOKU_LANG") {
            return Lang::from_locale(v.trim()).unwrap_or_default();
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|n| set(n))
            .and_then(|v| Lang::from_locale(v.trim()))
            .unwrap_or_default()
    }

    /// The language chosen by this process's environment ([`Lang::from_vars`]).
    pub fn from_env() -> Lang {
        Lang::from_vars(|n| std::env::var(n).ok())
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The process's language, read from the environment once.
pub fn current() -> Lang {
    static CURRENT: OnceLock<Lang> = OnceLock::new();
    *CURRENT.get_or_init(Lang::from_env)
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static JA: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Ja => &JA,
    };
    cell.get_or_init(|| build(lang))
}

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around placeables: terminal output is
    // compared byte for byte, and kioku's placeables are plain text.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_value));
    // A syntax error in a message file is caught by the crate's tests
    // (`every_message_file_parses`); at run time the good entries are used.
    let resource = match FluentResource::try_new(lang.source().to_owned()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    bundle.add_resource_overriding(resource);
    bundle
}

/// Numbers as people write them: grouped by thousands (`12,345`), with
/// the fraction digits the message or the caller asked for.
fn format_value<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(format_number(n)),
        _ => None,
    }
}

fn format_number(n: &FluentNumber) -> String {
    let o = &n.options;
    let digits = match (o.minimum_fraction_digits, o.maximum_fraction_digits) {
        (_, Some(max)) => max,
        (Some(min), None) => min,
        (None, None) => {
            if n.value.fract() == 0.0 {
                0
            } else {
                3
            }
        }
    };
    let mut text = format!("{:.*}", digits, n.value);
    // Trim fraction digits beyond the minimum (`1.500` -> `1.5`).
    if let Some(dot) = text.find('.') {
        let min = o.minimum_fraction_digits.unwrap_or(0);
        while text.len() - dot - 1 > min && text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
    if !o.use_grouping {
        return text;
    }
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r.to_owned()),
        None => ("", text.clone()),
    };
    let (int, frac) = match rest.find('.') {
        Some(d) => (&rest[..d], &rest[d..]),
        None => (rest.as_str(), ""),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}{frac}")
}

/// A number with exactly `digits` fraction digits (`fixed(87.5, 1)` is
/// `87.5`, `fixed(90.0, 1)` is `90.0`), still a number for plural rules.
pub fn fixed(value: f64, digits: usize) -> FluentValue<'static> {
    FluentValue::Number(FluentNumber::new(
        value,
        FluentNumberOptions {
            minimum_fraction_digits: Some(digits),
            maximum_fraction_digits: Some(digits),
            ..Default::default()
        },
    ))
}

/// A value a message can take: text or a number.
pub trait IntoArg {
    fn into_arg(self) -> FluentValue<'static>;
}

impl IntoArg for FluentValue<'static> {
    fn into_arg(self) -> FluentValue<'static> {
        self
    }
}
impl IntoArg for &str {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(self.to_owned().into())
    }
}
impl IntoArg for String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(self.into())
    }
}
impl IntoArg for &String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(self.clone().into())
    }
}
macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::Number(FluentNumber::from(self))
            }
        }
        impl IntoArg for &$t {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::Number(FluentNumber::from(*self))
            }
        }
    )*};
}
num_arg!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64);

/// Turn a value into a message argument (used by [`t!`]).
pub fn arg(v: impl IntoArg) -> FluentValue<'static> {
    v.into_arg()
}

/// The message `key` in `lang`, with `args`. A key the language lacks
/// falls back to English; a key no language has comes back as itself
/// (the crate's tests make sure every key the code uses exists).
pub fn tr(lang: Lang, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        fargs.set(*k, v.clone());
    }
    let args = (!args.is_empty()).then_some(&fargs);
    for l in [lang, Lang::En] {
        let b = bundle(l);
        if let Some(pattern) = b.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b.format_pattern(pattern, args, &mut errors).into_owned();
        }
    }
    key.to_owned()
}

/// Whether `lang`'s file has the message `key`.
pub fn has(lang: Lang, key: &str) -> bool {
    bundle(lang).has_message(key)
}

/// `t!(lang, "key")` or `t!(lang, "key", name = value, ...)`: the message
/// in `lang`; values are text or numbers (see [`IntoArg`]).
#[macro_export]
macro_rules! t {
    ($lang:expr, $key:literal $(,)?) => {
        $crate::tr($lang, $key, &[])
    };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::tr($lang, $key, &[$((stringify!($name), $crate::arg($value))),+])
    };
}

/// A date in the language's own form: `November 28, 2026`, `2026年11月28日`.
pub fn date(lang: Lang, d: jiff::civil::Date) -> String {
    t!(
        lang,
        "date",
        year = d.year().to_string(),
        month = i64::from(d.month()),
        day = i64::from(d.day())
    )
}

/// A date and time of day in the language's form: `November 28, 2026
/// 14:05`, `2026年11月28日 14:05`.
pub fn date_time(lang: Lang, dt: jiff::civil::DateTime) -> String {
    t!(
        lang,
        "date-time",
        date = date(lang, dt.date()),
        time = format!("{:02}:{:02}", dt.hour(), dt.minute())
    )
}

/// How many terminal columns `s` takes: East Asian wide characters
/// (kanji, kana) take two.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` padded with spaces on the right to `cols` terminal columns.
pub fn pad_right(s: &str, cols: usize) -> String {
    let w = width(s);
    format!("{s}{}", " ".repeat(cols.saturating_sub(w)))
}

/// `s` padded with spaces on the left to `cols` terminal columns.
pub fn pad_left(s: &str, cols: usize) -> String {
    let w = width(s);
    format!("{}{s}", " ".repeat(cols.saturating_sub(w)))
}

/// A scheduling interval, as the core counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Minutes(u64),
    Days(u64),
}

/// An interval as a short label for rating buttons (`10m`, `2h`, `4d`,
/// `3.2mo`, `1.5y`; `10分`, `2時間`, `4日`, `3.2か月`, `1.5年`), on the
/// same rounding rules as the core's English labels.
pub fn interval(lang: Lang, span: Span) -> String {
    let (key, n) = match span {
        Span::Minutes(m) if m < 60 => ("interval-minutes", m as f64),
        Span::Minutes(m) if m < 1440 => ("interval-hours", round1(m as f64 / 60.0)),
        Span::Minutes(m) => ("interval-days", round1(m as f64 / 1440.0)),
        Span::Days(d) if d < 30 => ("interval-days", d as f64),
        Span::Days(d) if d < 365 => ("interval-months", round1(d as f64 / 30.4375)),
        Span::Days(d) => ("interval-years", round1(d as f64 / 365.25)),
    };
    tr(lang, key, &[("n", arg(n))])
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_rounded() {
        let n = |v: f64| format_number(&FluentNumber::from(v));
        assert_eq!(n(12345.0), "12,345");
        assert_eq!(n(-1234567.0), "-1,234,567");
        assert_eq!(n(999.0), "999");
        assert_eq!(n(1.5), "1.5");
        let FluentValue::Number(f) = fixed(1234.56, 1) else {
            unreachable!()
        };
        assert_eq!(format_number(&f), "1,234.6");
        let FluentValue::Number(f) = fixed(90.0, 1) else {
            unreachable!()
        };
        assert_eq!(format_number(&f), "90.0");
    }

    #[test]
    fn the_environment_picks_the_language() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |n: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == n)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Lang::from_vars(vars(&[])), Lang::En);
        assert_eq!(Lang::from_vars(vars(&[("LANG", "ja_JP.UTF-8")])), Lang::Ja);
        assert_eq!(Lang::from_vars(vars(&[("LANG", "fr_FR.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_vars(vars(&[("LANG", "C")])), Lang::En);
        // LC_ALL wins over LANG, LC_MESSAGES over LANG, KIOKU_LANG over all.
        assert_eq!(
            Lang::from_vars(vars(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "ja_JP.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_vars(vars(&[("LC_MESSAGES", "ja_JP"), ("LANG", "en_US")])),
            Lang::Ja
        );
        assert_eq!(
            Lang::from_vars(vars(&[("KIOKU_LANG", "ja"), ("LC_ALL", "en_US.UTF-8")])),
            Lang::Ja
        );
        assert_eq!(
            Lang::from_vars(vars(&[("KIOKU_LANG", "en"), ("LANG", "ja_JP.UTF-8")])),
            Lang::En
        );
        // An empty variable is not set.
        assert_eq!(
            Lang::from_vars(vars(&[("LC_ALL", ""), ("LANG", "ja_JP.UTF-8")])),
            Lang::Ja
        );
        // A language kioku does not speak, even by KIOKU_LANG, is English.
        assert_eq!(
            Lang::from_vars(vars(&[("KIOKU_LANG", "de"), ("LANG", "ja_JP.UTF-8")])),
            Lang::En
        );
    }

    #[test]
    fn plurals_follow_the_language() {
        assert_eq!(
            t!(Lang::En, "check-ok", path = "x", questions = 1, cards = 1),
            "x: ok (1 question, 1 card)"
        );
        assert_eq!(
            t!(
                Lang::En,
                "check-ok",
                path = "x",
                questions = 2,
                cards = 1234
            ),
            "x: ok (2 questions, 1,234 cards)"
        );
        assert_eq!(
            t!(
                Lang::Ja,
                "check-ok",
                path = "x",
                questions = 2,
                cards = 1234
            ),
            "x: OK（問題 2 問、カード 1,234 枚）"
        );
    }

    #[test]
    fn dates_take_the_language_form() {
        let d = jiff::civil::date(2026, 11, 28);
        assert_eq!(date(Lang::Ja, d), "2026年11月28日");
        assert_eq!(date(Lang::En, d), "November 28, 2026");
        assert_eq!(
            date(Lang::En, jiff::civil::date(2027, 1, 5)),
            "January 5, 2027"
        );
        let dt = jiff::civil::date(2026, 11, 28).at(9, 5, 0, 0);
        assert_eq!(date_time(Lang::Ja, dt), "2026年11月28日 09:05");
        assert_eq!(date_time(Lang::En, dt), "November 28, 2026 09:05");
    }

    #[test]
    fn intervals_are_worded() {
        assert_eq!(interval(Lang::En, Span::Minutes(10)), "10m");
        assert_eq!(interval(Lang::Ja, Span::Minutes(10)), "10分");
        assert_eq!(interval(Lang::En, Span::Minutes(90)), "1.5h");
        assert_eq!(interval(Lang::Ja, Span::Minutes(90)), "1.5時間");
        assert_eq!(interval(Lang::En, Span::Days(3)), "3d");
        assert_eq!(interval(Lang::Ja, Span::Days(3)), "3日");
        assert_eq!(interval(Lang::Ja, Span::Days(46)), "1.5か月");
        assert_eq!(interval(Lang::En, Span::Days(46)), "1.5mo");
        assert_eq!(interval(Lang::En, Span::Days(730)), "2y");
    }

    #[test]
    fn a_missing_key_falls_back_to_itself() {
        assert_eq!(tr(Lang::Ja, "no-such-key", &[]), "no-such-key");
    }

    #[test]
    fn display_width_counts_wide_characters_twice() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("日本史"), 6);
        assert_eq!(pad_right("日本", 6), "日本  ");
        assert_eq!(pad_left("7", 3), "  7");
    }
}
