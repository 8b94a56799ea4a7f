//! No input makes the question-file parser panic, hang or recurse deeply.

use kioku_core::bank::{BUILTIN_INTERVIEW, parse_set, parse_set_bytes};
use proptest::prelude::*;

/// Characters that matter to JSON and to cloze text, plus some that don't.
fn jsonish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("{".to_owned()),
            Just("}".to_owned()),
            Just("[".to_owned()),
            Just("]".to_owned()),
            Just("\"".to_owned()),
            Just(":".to_owned()),
            Just(",".to_owned()),
            Just("\\u".to_owned()),
            Just("\\".to_owned()),
            Just("{{".to_owned()),
            Just("}}".to_owned()),
            Just("\"kioku\": 1".to_owned()),
            Just("\"type\": \"cloze\"".to_owned()),
            Just("-0.5e".to_owned()),
            Just("\n".to_owned()),
            "[a-z0-9 ]{0,4}",
            any::<char>().prop_map(String::from),
        ],
        0..200,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_set_bytes(&bytes);
    }

    #[test]
    fn jsonish_text_never_panics(text in jsonish()) {
        let _ = parse_set(&text);
    }

    #[test]
    fn mutated_bank_never_panics_and_errors_are_located_in_the_file(
        cut in 0usize..BUILTIN_INTERVIEW.len(),
        len in 0usize..64,
        insert in jsonish(),
    ) {
        let mut bytes = BUILTIN_INTERVIEW.as_bytes().to_vec();
        let end = (cut + len).min(bytes.len());
        bytes.splice(cut..end, insert.bytes());
        if let Err(problems) = parse_set_bytes(&bytes) {
            prop_assert!(!problems.is_empty());
            let lines = bytes.split(|b| *b == b'\n').count() as u32;
            for (pos, _) in problems {
                prop_assert!(pos.line >= 1 && pos.line <= lines.max(1));
                prop_assert!(pos.column >= 1);
            }
        }
    }
}

/// Hostile review logs: no panic, no hang, memory bounded by the input.
mod review_log {
    use std::io::Write;

    use kioku_core::store::log::read_log;
    use kioku_core::store::{LineProblem, WarningKind};
    use proptest::prelude::*;

    const HEADER: &str = "{\"kioku_reviews\":1,\"device\":\"d\"}";
    const GOOD: &str = r#"{"type":"review","id":"a1","set":"s","question":"q","card":"c2","rating":"good","at":"2026-11-28T02:00:00Z","day":20419,"duration_ms":5400,"mode":"study"}"#;

    /// Lines that are almost events: pieces of a good line, other event
    /// types, odd numbers and strings.
    fn lineish() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            Just(GOOD.as_bytes().to_vec()),
            Just(HEADER.as_bytes().to_vec()),
            Just(
                br#"{"type":"undo","id":"u1","undoes":"a1","at":"2026-11-28T02:00:00Z"}"#.to_vec()
            ),
            Just(br#"{"kioku_reviews":99999999999999999999999}"#.to_vec()),
            Just(br#"{"type":"review","day":-2147483649,"duration_ms":-1}"#.to_vec()),
            (0..GOOD.len(), 0..GOOD.len()).prop_map(|(a, b)| {
                let (a, b) = (a.min(b), a.max(b));
                let mut s = GOOD.as_bytes().to_vec();
                s.drain(a..b);
                s
            }),
            proptest::collection::vec(any::<u8>(), 0..64),
            "[\\[\\]{}\":,0-9a-z\\\\]{0,40}".prop_map(String::into_bytes),
        ]
    }

    fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(bytes).unwrap();
        let lines = bytes.split(|b| *b == b'\n').count() as u64;
        // A newer version is the one clean refusal.
        if let Ok(out) = read_log(file.path()) {
            prop_assert!(out.events.len() as u64 <= lines);
            prop_assert!(out.complete_len <= bytes.len() as u64);
            prop_assert!(out.complete_len == 0 || bytes[out.complete_len as usize - 1] == b'\n');
            for w in &out.warnings {
                let line = w.line.unwrap_or(1);
                prop_assert!(line >= 1 && line <= lines, "{w}");
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
            check(&bytes)?;
        }

        #[test]
        fn near_miss_lines_never_panic(
            header in any::<bool>(),
            lines in proptest::collection::vec(lineish(), 0..30),
            torn in any::<bool>(),
        ) {
            let mut bytes = Vec::new();
            if header {
                bytes.extend_from_slice(HEADER.as_bytes());
                bytes.push(b'\n');
            }
            for l in &lines {
                bytes.extend_from_slice(l);
                bytes.push(b'\n');
            }
            if torn {
                bytes.pop();
            }
            check(&bytes)?;
        }
    }

    /// One very long line (no newline): read, reported as cut short, and
    /// the memory used is of the order of the file.
    #[test]
    fn a_huge_torn_line_is_reported() {
        let mut bytes = format!("{HEADER}\n{GOOD}\n").into_bytes();
        bytes.extend(std::iter::repeat_n(b'x', 8 << 20));
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(&bytes).unwrap();
        let out = read_log(file.path()).unwrap();
        assert_eq!(out.events.len(), 1);
        assert_eq!(out.warnings.len(), 1);
        assert!(matches!(
            out.warnings[0].kind,
            WarningKind::Line(LineProblem::Torn)
        ));
    }
}
