//! `questions/schema.json` and the Rust parser must agree: both accept the
//! shipped sets and the good fixtures, both reject the bad fixtures. Some
//! rules cannot be said in JSON Schema (duplicate keys, unique question ids,
//! an index within the choices); the parser alone rejects those.

use std::fs;
use std::path::{Path, PathBuf};

use kioku_core::bank::parse_set;

/// `p` in the repository (tests run in the crate's folder).
fn repo(p: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(p)
}

fn schema() -> jsonschema::Validator {
    let text = fs::read_to_string(repo("questions/schema.json")).expect("read schema");
    let value: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::draft202012::new(&value).expect("schema compiles")
}

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(repo(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.ends_with("schema.json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {dir}");
    files
}

fn schema_accepts(v: &jsonschema::Validator, path: &Path) -> bool {
    let text = fs::read_to_string(path).expect("read");
    let value: serde_json::Value = serde_json::from_str(&text).expect("fixture is JSON");
    v.is_valid(&value)
}

#[test]
fn shipped_sets_are_valid_by_both() {
    let v = schema();
    for path in json_files("questions") {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            schema_accepts(&v, &path),
            "schema rejects {}",
            path.display()
        );
        assert!(
            parse_set(&text).is_ok(),
            "parser rejects {}",
            path.display()
        );
        assert!(
            text.contains("\"$schema\": \"./schema.json\""),
            "{} should point $schema at ./schema.json",
            path.display()
        );
    }
}

#[test]
fn good_fixtures_are_accepted_by_both() {
    let v = schema();
    for path in json_files("tests/fixtures/sets/good") {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            schema_accepts(&v, &path),
            "schema rejects {}",
            path.display()
        );
        if let Err(e) = parse_set(&text) {
            panic!("parser rejects {}: {e:?}", path.display());
        }
    }
}

#[test]
fn bad_fixtures_are_rejected_by_both() {
    let v = schema();
    for path in json_files("tests/fixtures/sets/bad") {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            !schema_accepts(&v, &path),
            "schema accepts {}",
            path.display()
        );
        assert!(
            parse_set(&text).is_err(),
            "parser accepts {}",
            path.display()
        );
    }
}

#[test]
fn rules_beyond_the_schema_are_caught_by_the_parser() {
    let v = schema();
    for path in json_files("tests/fixtures/sets/bad-beyond-schema") {
        let text = fs::read_to_string(&path).unwrap();
        // serde_json keeps the last duplicate key, so the schema sees a
        // valid object: this is why the parser has its own JSON reader.
        assert!(
            schema_accepts(&v, &path),
            "schema now catches {}: move it to bad/",
            path.display()
        );
        assert!(
            parse_set(&text).is_err(),
            "parser accepts {}",
            path.display()
        );
    }
}

/// The model serialises back to the file format, and what it writes is
/// valid by the schema and parses to the same set.
#[test]
fn serialised_sets_round_trip() {
    let v = schema();
    for path in json_files("tests/fixtures/sets/good")
        .into_iter()
        .chain(json_files("questions"))
    {
        let set = parse_set(&fs::read_to_string(&path).unwrap()).unwrap();
        let value = serde_json::to_value(&set).unwrap();
        assert!(
            v.is_valid(&value),
            "schema rejects serialised {}",
            path.display()
        );
        let again = parse_set(&serde_json::to_string_pretty(&value).unwrap()).unwrap();
        assert_eq!(again, set, "{}", path.display());
    }
}
