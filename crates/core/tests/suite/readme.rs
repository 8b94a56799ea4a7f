//! The README's examples must stay true.

use std::path::Path;

fn readme() -> String {
    std::fs::read_to_string(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("README.md"),
    )
    .unwrap()
}

fn blocks<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
    let fence = format!("```{lang}\n");
    text.split(&fence)
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap_or(""))
        .collect()
}

#[test]
fn json_examples_are_valid_sets() {
    let text = readme();
    let examples = blocks(&text, "json");
    assert!(!examples.is_empty());
    for example in examples {
        if let Err(problems) = kioku_core::bank::parse_set(example) {
            panic!("README example is not a valid set: {problems:?}\n{example}");
        }
    }
}

#[test]
fn quick_start_is_two_commands_that_exist() {
    let text = readme();
    let quick = text.split("## Quick start").nth(1).unwrap();
    let commands: Vec<&str> = blocks(quick, "sh")[0]
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(commands, ["bash .ci/open-app", "bash .ci/test"]);
    for script in [".ci/open-app", ".ci/test"] {
        assert!(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
                .join(script)
                .is_file(),
            "{script}"
        );
    }
}

#[test]
fn text_format_example_parses_with_every_type() {
    let text = readme();
    let examples = blocks(&text, "kioku.md");
    assert_eq!(examples.len(), 1);
    let set = kioku_core::bank::formats::text::parse_text(examples[0])
        .unwrap_or_else(|p| panic!("README text example: {p:?}"));
    let mut types: Vec<&str> = set.questions.iter().map(|q| q.body.type_name()).collect();
    types.sort_unstable();
    assert_eq!(
        types,
        [
            "cloze",
            "flashcard",
            "multiple_choice",
            "true_false",
            "typed"
        ]
    );
}
