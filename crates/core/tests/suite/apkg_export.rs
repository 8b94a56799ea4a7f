//! `.apkg` export: what kioku writes is imported by Anki's own backend
//! (tests/anki_import_check.py, run when a Python with the `anki` package
//! is found), and by kioku's own importer.

use std::path::{Path, PathBuf};
use std::process::Command;

use kioku_core::bank::formats::{Format, ImportMeta, MediaFile, apkg_export, import};
use kioku_core::bank::{BUILTIN_INTERVIEW, QuestionBody, QuestionSet, SetId, parse_set};

fn repo() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).to_path_buf()
}

/// The built-in set plus a reversible flashcard with an image.
fn set() -> QuestionSet {
    let mut set = parse_set(BUILTIN_INTERVIEW).unwrap();
    let extra = parse_set(
        r#"{"kioku": 1, "id": "x", "title": "x", "language": "en", "questions": [
        {"id": "hund", "type": "flashcard", "prompt": "Hund ![a dog](dog.png)", "answer": "dog",
         "reversible": true, "tags": ["german"]},
        {"id": "cities", "type": "cloze",
         "text": "{{c1::Tokyo}} and {{c1::Osaka}} are large; {{c2::Kyoto}} was the capital."}]}"#,
    )
    .unwrap();
    set.questions.extend(extra.questions);
    set
}

fn anki_python() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("KIOKU_ANKI_PYTHON").map(PathBuf::from),
        Some(repo().join("target/ankivenv/bin/python")),
        Some(PathBuf::from("/tmp/ankivenv/bin/python")),
    ];
    candidates.into_iter().flatten().find(|p| {
        p.is_file()
            && Command::new(p)
                .args(["-c", "import anki"])
                .output()
                .is_ok_and(|o| o.status.success())
    })
}

fn package(dir: &Path, now: i64) -> PathBuf {
    let media = [MediaFile {
        name: "dog.png".into(),
        bytes: b"\x89PNG\r\n\x1a\nnot really".to_vec(),
    }];
    let (bytes, _) = apkg_export::write(&set(), &media, now).unwrap();
    let path = dir.join(format!("out-{now}.apkg"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Counts by kioku question type of `set`: (notes, cards) by Anki note type.
fn expected(set: &QuestionSet) -> serde_json::Value {
    let mut notes = serde_json::Map::new();
    let mut cards = serde_json::Map::new();
    for q in &set.questions {
        let (name, n) = match &q.body {
            QuestionBody::Flashcard {
                reversible: true, ..
            } => ("Basic (and reversed card)", 2),
            QuestionBody::Typed { .. } => ("Basic (type in the answer)", 1),
            QuestionBody::Cloze { text } => ("Cloze", text.card_numbers().len()),
            _ => ("Basic", 1),
        };
        let bump = |m: &mut serde_json::Map<String, serde_json::Value>, by: usize| {
            let v = m.get(name).and_then(|v| v.as_u64()).unwrap_or(0);
            m.insert(name.to_owned(), (v + by as u64).into());
        };
        bump(&mut notes, 1);
        bump(&mut cards, n);
    }
    serde_json::json!({"notes": notes, "cards": cards})
}

/// Anki names a note type it already has (by name, another id) `NAME+`.
fn strip_plus(m: &serde_json::Value) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for (k, v) in m.as_object().unwrap() {
        out.insert(k.trim_end_matches('+').to_owned(), v.clone());
    }
    serde_json::Value::Object(out)
}

#[test]
fn anki_imports_what_kioku_exports() {
    let Some(python) = anki_python() else {
        // `.ci/test` makes the venv and sets KIOKU_REQUIRE_ANKI: there, a
        // missing Anki is a failure, not a skip.
        assert!(
            std::env::var_os("KIOKU_REQUIRE_ANKI").is_none(),
            "no Python with the anki package, and KIOKU_REQUIRE_ANKI is set"
        );
        eprintln!("skipped: no Python with the anki package (set KIOKU_ANKI_PYTHON)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let check = |pkgs: &[PathBuf]| -> serde_json::Value {
        let o = Command::new(&python)
            .arg(repo().join("tests/anki_import_check.py"))
            .args(pkgs)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let set = set();
    let got = check(&[package(dir.path(), 1_800_000_000)]);
    let want = expected(&set);
    assert_eq!(got["imports"][0]["new"], set.questions.len(), "{got:#}");
    assert_eq!(strip_plus(&got["notetypes"]), want["notes"], "{got:#}");
    assert_eq!(strip_plus(&got["cards"]), want["cards"], "{got:#}");
    assert!(
        got["decks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d == set.title.as_str())
    );
    assert_eq!(got["media"], serde_json::json!(["dog.png"]));
    let hund = got["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["guid"] == "japan-russia-covid19/hund")
        .unwrap();
    assert_eq!(hund["tags"], serde_json::json!(["german"]));
    assert!(
        hund["fields"][0]
            .as_str()
            .unwrap()
            .contains("<img src=\"dog.png\""),
        "{hund}"
    );
    // Guids are stable: a later export of the same set updates its notes
    // and adds none.
    let got = check(&[
        package(dir.path(), 1_800_000_000),
        package(dir.path(), 1_900_000_000),
    ]);
    let n = set.questions.len();
    assert_eq!(
        got["imports"],
        serde_json::json!([
            {"new": n, "updated": 0, "duplicate": 0, "conflicting": 0},
            {"new": 0, "updated": n, "duplicate": 0, "conflicting": 0}
        ]),
        "{got:#}"
    );
    assert_eq!(got["notes"].as_array().unwrap().len(), n);
}

#[test]
fn kioku_reads_back_what_it_exports() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = package(dir.path(), 1_800_000_000);
    let meta = ImportMeta::for_file(&pkg, SetId::new("back"));
    let back = import(&std::fs::read(&pkg).unwrap(), Format::Apkg, &meta).unwrap();
    let set = set();
    assert_eq!(back.set.title, set.title);
    assert_eq!(back.set.questions.len(), set.questions.len());
    assert_eq!(back.set.card_count(), set.card_count());
    assert_eq!(back.media.len(), 1);
}
