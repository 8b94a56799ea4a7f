//! The message files: they parse, both languages have the same messages
//! with the same variables, and every message the code asks for exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use kioku_i18n::Lang;

const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Each message of a Fluent file (terms, starting with `-`, left out)
/// with the variables its text uses, read line by line: an entry starts
/// at column 0 with `name =`, and indented lines continue it.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        let starts_entry = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if line.starts_with('#') || (line.starts_with('-') && line.contains('=')) {
            current = None;
            continue;
        }
        let body = if starts_entry {
            let (name, rest) = line.split_once('=').expect("an entry has =");
            let name = name.trim().to_owned();
            out.entry(name.clone()).or_default();
            current = Some(name);
            rest
        } else {
            line
        };
        if let Some(name) = &current {
            let vars = out.get_mut(name).expect("entry exists");
            let mut rest = body;
            while let Some(i) = rest.find('$') {
                let tail = &rest[i + 1..];
                let end = tail
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                    .unwrap_or(tail.len());
                vars.insert(tail[..end].to_owned());
                rest = &tail[end..];
            }
        }
    }
    out
}

#[test]
fn every_message_file_parses() {
    for lang in Lang::ALL {
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(lang.source().to_owned()) {
            panic!("{lang}: {errors:?}");
        }
    }
}

#[test]
fn english_and_japanese_have_the_same_messages() {
    let en = messages(Lang::En.source());
    let ja = messages(Lang::Ja.source());
    assert!(
        en.len() > 100,
        "the reader found the messages: {}",
        en.len()
    );
    let only_en: Vec<_> = en.keys().filter(|k| !ja.contains_key(*k)).collect();
    let only_ja: Vec<_> = ja.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "missing in ja/kioku.ftl: {only_en:?}");
    assert!(only_ja.is_empty(), "missing in en/kioku.ftl: {only_ja:?}");
}

#[test]
fn both_languages_use_the_same_variables() {
    let en = messages(Lang::En.source());
    let ja = messages(Lang::Ja.source());
    let mut differ = Vec::new();
    for (key, vars) in &en {
        if let Some(other) = ja.get(key)
            && other != vars
        {
            differ.push(format!("{key}: en {vars:?}, ja {other:?}"));
        }
    }
    assert!(
        differ.is_empty(),
        "variables differ:\n{}",
        differ.join("\n")
    );
}

#[test]
fn the_reader_sees_a_difference() {
    // The parity tests can fail: a file with a message missing and a
    // variable renamed is caught.
    let a = messages("a = x { $n }\nb = y\n");
    let b = messages("a = x { $count }\n");
    assert_ne!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    assert_ne!(a["a"], b["a"]);
}

/// Every `"key"` that follows `t!(lang,` or `tr(lang,` in a Rust file.
fn keys_used(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for marker in ["t!(", "tr("] {
        let mut rest = text;
        while let Some(i) = rest.find(marker) {
            // `t!(` alone, not the end of `format!(` or `assert!(`.
            let whole = !rest[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.');
            rest = &rest[i + marker.len()..];
            if !whole {
                continue;
            }
            // The language argument, then the key as a string literal.
            let Some(comma) = rest.find(',') else { break };
            let after = rest[comma + 1..].trim_start();
            if let Some(lit) = after.strip_prefix('"')
                && let Some(end) = lit.find('"')
            {
                keys.push(lit[..end].to_owned());
            }
        }
    }
    keys
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_key_the_code_uses_exists() {
    let mut files = Vec::new();
    // The layer itself (its docs and tests) is left out: its examples run
    // as doctests. Its words for the core's results are in.
    for dir in ["src", "crates/app/src"] {
        rust_files(&Path::new(REPO).join(dir), &mut files);
    }
    files.push(Path::new(REPO).join("crates/i18n/src/words.rs"));
    let en = messages(Lang::En.source());
    let mut used = 0;
    let mut missing = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable");
        for key in keys_used(&text) {
            used += 1;
            if !en.contains_key(&key) {
                missing.push(format!("{}: {key}", f.display()));
            }
        }
    }
    assert!(used > 100, "the scan found the code's keys: {used}");
    assert!(
        missing.is_empty(),
        "keys with no message:\n{}",
        missing.join("\n")
    );
}

/// Every message is used: its key is given to `t!`/`tr` or written as a
/// literal (`"stats-due-label"`) for a helper that looks it up. A message
/// no code asks for is a leftover or a typo in the code's key.
#[test]
fn every_message_is_used() {
    let mut files = Vec::new();
    for dir in ["src", "crates/app/src", "crates/i18n/src"] {
        rust_files(&Path::new(REPO).join(dir), &mut files);
    }
    let code: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("readable"))
        .collect();
    let used: BTreeSet<String> = keys_used(&code).into_iter().collect();
    let unused: Vec<String> = messages(Lang::En.source())
        .into_keys()
        .filter(|k| !used.contains(k) && !code.contains(&format!("\"{k}\"")))
        .collect();
    assert!(
        unused.is_empty(),
        "messages no code uses (remove them, or look them up by a literal key):\n{unused:?}"
    );
}

#[test]
fn the_help_overlay_s_keys_are_seen() {
    // The overlay's messages are `|l| t!(l, "help-…")` closures: the key
    // scan sees each of them, so a renamed key is caught.
    let help = std::fs::read_to_string(Path::new(REPO).join("crates/app/src/components/help.rs"))
        .expect("help.rs");
    let keys = keys_used(&help);
    assert!(
        keys.iter().filter(|k| k.starts_with("help-")).count() >= 20,
        "{keys:?}"
    );
}
