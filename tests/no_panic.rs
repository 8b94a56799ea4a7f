//! No input makes the question-file parser panic, hang or recurse deeply.

use kioku::bank::{BUILTIN_INTERVIEW, parse_set, parse_set_bytes};
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
