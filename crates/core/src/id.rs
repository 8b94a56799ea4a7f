//! Ids: the kebab-case names of sets and questions (`japan-russia-covid19`,
//! `abe-visit-2020`). Progress is keyed by them, so they are checked when
//! made and never change.

use std::fmt;

use serde::Serialize;

/// True when `s` is kebab-case: lowercase ASCII letters and digits in
/// groups joined by single hyphens (`abe-visit-2020`).
pub fn is_kebab_case(s: &str) -> bool {
    // One pass over the bytes (every id of a set and of the snapshot is
    // checked at open): as if a hyphen came first, so that a leading one,
    // two in a row, a trailing one or an empty string fail.
    let mut prev = b'-';
    for &b in s.as_bytes() {
        if b == b'-' {
            if prev == b'-' {
                return false;
            }
        } else if !(b.is_ascii_lowercase() || b.is_ascii_digit()) {
            return false;
        }
        prev = b;
    }
    prev != b'-'
}

/// The kebab-case form of arbitrary text (`"Abe's Visit!"` → `abe-s-visit`),
/// used to suggest a valid id and to derive ids from prompts.
pub fn to_kebab_case(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

macro_rules! kebab_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// `Some` when `s` is kebab-case.
            pub fn new(s: &str) -> Option<Self> {
                is_kebab_case(s).then(|| Self(s.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// For literals known to be kebab-case; anything else is
            /// replaced by the valid id `"x"` rather than kept.
            #[allow(dead_code)]
            pub(crate) fn trusted(s: &'static str) -> Self {
                Self::new(s).unwrap_or_else(|| Self("x".to_owned()))
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                if is_kebab_case(&s) {
                    // The string read is kept: no second allocation.
                    Ok(Self(s))
                } else {
                    Err(serde::de::Error::custom(format!(
                        "\"{s}\" is not a kebab-case id"
                    )))
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

kebab_id!(
    /// A set's id: kebab-case, stable for the life of the set, because
    /// progress is keyed by set id and question id.
    SetId
);
kebab_id!(
    /// A question's id: kebab-case, unique within its set, and never changed
    /// when the question's text is edited.
    QuestionId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_rules() {
        for ok in ["a", "abe-visit", "q1", "2012-return", "a-1-b", "0"] {
            assert!(is_kebab_case(ok), "{ok}");
        }
        for bad in [
            "", "Abe", "a--b", "-a", "a-", "a_b", "a b", "é", "-", "--", "a-é", "a-B", "1-2-",
        ] {
            assert!(!is_kebab_case(bad), "{bad}");
        }
        assert_eq!(to_kebab_case("Abe's Visit, 2020!"), "abe-s-visit-2020");
        assert_eq!(to_kebab_case("__"), "");
    }
}
