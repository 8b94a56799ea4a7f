//! `.apkg` import: the genanki fixture, and hostile packages built here.

use std::io::{Cursor, Read, Write};
use std::path::Path;

use kioku_core::bank::formats::apkg::{ApkgError, import};
use kioku_core::bank::formats::{self, Format, ImportMeta, Imported};
use kioku_core::bank::{QuestionBody, SetId};
use zip::write::SimpleFileOptions;

fn fixture_named(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("tests/fixtures/import")
            .join(name),
    )
    .unwrap()
}

fn fixture() -> Vec<u8> {
    fixture_named("deck.apkg")
}

fn meta() -> ImportMeta {
    ImportMeta::for_file(Path::new("deck.apkg"), None::<SetId>)
}

fn collection() -> Vec<u8> {
    let mut z = zip::ZipArchive::new(Cursor::new(fixture())).unwrap();
    let mut out = Vec::new();
    z.by_name("collection.anki2")
        .unwrap()
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn package(members: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes, stored) in members {
        let opts = if *stored {
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored)
        } else {
            SimpleFileOptions::default()
        };
        w.start_file(*name, opts.large_file(bytes.len() > 1 << 30))
            .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn genanki_fixture_imports() {
    let Imported {
        set,
        skipped,
        media,
        ..
    } = import(&fixture(), &meta()).unwrap();
    assert_eq!(set.id.as_str(), "deck");
    assert_eq!(set.questions.len(), 3);
    assert_eq!(
        set.questions[0].body,
        QuestionBody::Flashcard {
            prompt: "Capital of Japan?".into(),
            answer: "Tokyo".into(),
            reversible: false
        }
    );
    assert_eq!(set.questions[0].tags, ["geo"]);
    let QuestionBody::Cloze { text } = &set.questions[1].body else {
        panic!()
    };
    assert_eq!(
        text.source_text(),
        "{{Tokyo}} became the capital in {{1868}}."
    );
    assert_eq!(
        set.questions[1].explanation.as_deref(),
        Some("Before: Kyoto")
    );
    // HTML flattened; the script and its contents are gone.
    assert_eq!(
        set.questions[2].body,
        QuestionBody::Flashcard {
            prompt: "Bold & safe".into(),
            answer: "line one\nline two\n![cat.png](cat.png)".into(),
            reversible: false,
        }
    );
    assert_eq!(media.len(), 1);
    assert_eq!(media[0].name, "cat.png");
    assert!(media[0].bytes.starts_with(b"\x89PNG"));
    assert_eq!(skipped.len(), 1);
    assert_eq!(
        skipped[0].to_string(),
        "note 2: imported without its cloze hints"
    );
}

#[test]
fn media_names_that_escape_are_refused() {
    let db = collection();
    let map = br#"{"0": "../evil.txt", "1": "/etc/passwd", "2": "sub/dir.txt", "3": ".hidden", "4": "ok.txt"}"#;
    let pkg = package(&[
        ("collection.anki2", &db, false),
        ("media", map, false),
        ("0", b"x", false),
        ("1", b"x", false),
        ("2", b"x", false),
        ("3", b"x", false),
        ("4", b"fine", false),
    ]);
    let imported = import(&pkg, &meta()).unwrap();
    let names: Vec<&str> = imported.media.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["ok.txt"]);
    let refused: Vec<String> = imported
        .skipped
        .iter()
        .map(|s| s.item.to_string())
        .collect();
    for bad in ["../evil.txt", "/etc/passwd", "sub/dir.txt", ".hidden"] {
        assert!(
            refused.contains(&format!("media \"{bad}\"")),
            "{bad}: {refused:?}"
        );
    }
}

#[test]
fn a_zip_bomb_is_refused() {
    let zeros = vec![0u8; 8 * 1024 * 1024];
    let pkg = package(&[("collection.anki2", &zeros, false)]);
    assert!(matches!(
        import(&pkg, &meta()),
        Err(ApkgError::Ratio { .. })
    ));
}

#[test]
fn an_oversized_member_is_refused() {
    let big = vec![7u8; 101 * 1024 * 1024];
    let pkg = package(&[("collection.anki2", &big, true)]);
    let err = import(&pkg, &meta()).unwrap_err();
    assert!(matches!(err, ApkgError::MemberTooLarge { .. }), "{err}");
}

#[test]
fn a_broken_zip_is_refused() {
    let err = import(b"PK\x03\x04 this is not a zip", &meta()).unwrap_err();
    assert!(matches!(err, ApkgError::NotZip(_)), "{err}");
    let mut cut = fixture();
    cut.truncate(cut.len() / 2);
    assert!(import(&cut, &meta()).is_err());
}

#[test]
fn an_unreadable_new_format_collection_is_an_error() {
    let pkg = package(&[("collection.anki21b", b"zstd...", false)]);
    let err = import(&pkg, &meta()).unwrap_err();
    assert!(err.to_string().contains("collection.anki21b"), "{err}");
}

/// The members of a real package, with `collection.anki21b` left out.
fn without_new_collection(pkg: &[u8]) -> Vec<u8> {
    replace_member(pkg, "collection.anki21b", None)
}

/// The members of a real package, with member `name` replaced or left out.
fn replace_member(pkg: &[u8], target: &str, with: Option<&[u8]>) -> Vec<u8> {
    let mut z = zip::ZipArchive::new(Cursor::new(pkg.to_vec())).unwrap();
    let mut members = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if name != target {
            members.push((name, bytes));
        } else if let Some(with) = with {
            members.push((name, with.to_vec()));
        }
    }
    let refs: Vec<(&str, &[u8], bool)> = members
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice(), false))
        .collect();
    package(&refs)
}

#[test]
fn the_update_anki_stub_is_never_imported_as_content() {
    let pkg = without_new_collection(&fixture_named("modern.apkg"));
    let err = import(&pkg, &meta()).unwrap_err();
    assert!(matches!(err, ApkgError::OnlyStub), "{err}");
    assert!(err.to_string().contains("collection.anki21b"), "{err}");
}

/// What the modern fixtures (make_modern.py, Anki's own exporter) hold.
fn check_modern(imported: &Imported, what: &str) {
    let Imported {
        set,
        skipped,
        media,
        ..
    } = imported;
    assert_eq!(set.title, "Kioku Modern", "{what}: the deck names the set");
    assert_eq!(set.questions.len(), 4, "{what}: {:#?}", set.questions);
    assert_eq!(
        set.questions[0].body,
        QuestionBody::Flashcard {
            prompt: "Capital of Japan?".into(),
            answer: "Tokyo".into(),
            reversible: false
        },
        "{what}"
    );
    assert_eq!(set.questions[0].tags, ["geo"], "{what}");
    assert_eq!(
        set.questions[1].body,
        QuestionBody::Flashcard {
            prompt: "Hund".into(),
            answer: "dog".into(),
            reversible: true
        },
        "{what}"
    );
    assert_eq!(set.questions[1].tags, ["german", "vocab"], "{what}");
    let QuestionBody::Cloze { text } = &set.questions[2].body else {
        panic!("{what}: {:?}", set.questions[2].body)
    };
    assert_eq!(
        text.source_text(),
        "{{Tokyo}} became the capital in {{1868}}.",
        "{what}"
    );
    assert_eq!(
        set.questions[2].explanation.as_deref(),
        Some("Before: Kyoto"),
        "{what}"
    );
    assert_eq!(set.questions[2].tags, ["history"], "{what}");
    assert_eq!(
        set.questions[3].body,
        QuestionBody::Flashcard {
            prompt: "A cat".into(),
            answer: "![cat.png](cat.png)".into(),
            reversible: false
        },
        "{what}"
    );
    assert_eq!(media.len(), 1, "{what}: {skipped:?}");
    assert_eq!(media[0].name, "cat.png");
    assert!(media[0].bytes.starts_with(b"\x89PNG"), "{what}");
    assert!(skipped.is_empty(), "{what}: {skipped:?}");
}

#[test]
fn modern_apkg_from_anki_imports() {
    let imported = import(&fixture_named("modern.apkg"), &meta()).unwrap();
    check_modern(&imported, "modern.apkg");
    assert_eq!(imported.set.id.as_str(), "deck");
}

#[test]
fn colpkg_from_anki_imports() {
    let path = Path::new("modern.colpkg");
    assert_eq!(Format::from_path(path), Some(Format::Apkg));
    let meta = ImportMeta::for_file(path, None::<SetId>);
    let imported = formats::import(&fixture_named("modern.colpkg"), Format::Apkg, &meta).unwrap();
    check_modern(&imported, "modern.colpkg");
    assert_eq!(imported.set.id.as_str(), "modern");
}

#[test]
fn legacy_genanki_deck_names_the_set() {
    let imported = import(&fixture(), &meta()).unwrap();
    assert_eq!(imported.set.title, "Kioku Fixture");
}

#[test]
fn a_database_that_is_not_sqlite_is_an_error() {
    let pkg = package(&[("collection.anki2", b"not sqlite", false)]);
    assert!(matches!(import(&pkg, &meta()), Err(ApkgError::Database(_))));
}

#[test]
fn an_unreadable_modern_media_list_names_each_file_not_copied() {
    let bad = b"\x28\xb5\x2f\xfd garbage";
    let pkg = replace_member(&fixture_named("modern.apkg"), "media", Some(bad));
    let imported = import(&pkg, &meta()).unwrap();
    assert_eq!(imported.set.questions.len(), 4);
    assert!(imported.media.is_empty());
    let items: Vec<String> = imported
        .skipped
        .iter()
        .map(|s| s.item.to_string())
        .collect();
    assert_eq!(items, ["media member \"0\""], "{:?}", imported.skipped);
}

/// occlusion.apkg (make_occlusion.py, Anki's own backend): an Image
/// Occlusion note beside a Basic one. The occlusion note is skipped by
/// name, not imported as cloze text of shape coordinates.
#[test]
fn image_occlusion_notes_are_skipped_by_name() {
    let imported = import(&fixture_named("occlusion.apkg"), &meta()).unwrap();
    assert_eq!(imported.set.questions.len(), 1, "{:#?}", imported.set);
    let skipped: Vec<String> = imported.skipped.iter().map(|s| s.to_string()).collect();
    assert!(
        skipped
            .iter()
            .any(|s| s.starts_with("note 2: an Image Occlusion note (\"Label the map\")")),
        "{skipped:#?}"
    );
}

/// An Anki cloze note whose deletions share a number (made by Anki's
/// backend: tests/fixtures/import/make_shared_cloze.py) is one kioku card
/// per number, as in Anki, and keeps its numbers through anki-tsv, JSON
/// and Markdown.
#[test]
fn shared_cloze_numbers_make_one_card() {
    use kioku_core::bank::CardVariant;
    use kioku_core::grader::{Response, Verdict, grade};
    let imported = import(&fixture_named("shared-cloze.apkg"), &meta()).unwrap();
    assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
    let q = &imported.set.questions[0];
    let QuestionBody::Cloze { text } = &q.body else {
        panic!("{:?}", q.body)
    };
    assert_eq!(
        text.source_text(),
        "{{c1::Tokyo}} and {{c1::Osaka}} are large; {{c2::Kyoto}} was the capital."
    );
    assert_eq!(
        q.card_variants(),
        [CardVariant::Cloze(1), CardVariant::Cloze(2)]
    );
    assert_eq!(
        text.render_blanked(Some(1)),
        "[...] and [...] are large; Kyoto was the capital."
    );
    assert_eq!(
        text.render_blanked(Some(2)),
        "Tokyo and Osaka are large; [...] was the capital."
    );
    let typed = |s: &str| Response::Typed(s.into());
    let c1 = CardVariant::Cloze(1);
    assert_eq!(grade(&q.body, c1, &typed("Tokyo; Osaka")), Verdict::Correct);
    assert_eq!(grade(&q.body, c1, &typed("tokyo ;osaka")), Verdict::Correct);
    assert_eq!(grade(&q.body, c1, &typed("Tokyo")), Verdict::Wrong);
    assert_eq!(grade(&q.body, c1, &typed("Tokyo; Kyoto")), Verdict::Wrong);
    assert_eq!(
        grade(&q.body, CardVariant::Cloze(2), &typed("Kyoto")),
        Verdict::Correct
    );
    // Round trips keep the numbers.
    for format in [Format::AnkiTsv, Format::Json, Format::Md] {
        let out = formats::export(&imported.set, format).unwrap();
        if format == Format::AnkiTsv {
            assert!(
                out.text
                    .contains("{{c1::Tokyo}} and {{c1::Osaka}} are large; {{c2::Kyoto}}"),
                "{}",
                out.text
            );
        }
        let back = formats::import(out.text.as_bytes(), format, &meta()).unwrap();
        assert_eq!(back.set.questions[0].body, q.body, "{format:?}");
    }
}

/// Anki's "Basic (type in the answer)" (`{{type:Back}}` on the front) is
/// a typed question, not a flashcard with the answer in its prompt; a
/// third field on the back is the explanation (tests/fixtures/import/
/// make_typed.py, through Anki's backend).
#[test]
fn type_in_the_answer_is_typed_and_extra_fields_explain() {
    let imported = import(&fixture_named("typed.apkg"), &meta()).unwrap();
    let set = &imported.set;
    assert_eq!(set.title, "Typed");
    assert_eq!(
        set.questions[0].body,
        QuestionBody::Typed {
            prompt: "Capital of Peru?".into(),
            answers: vec!["Lima".into()]
        }
    );
    assert_eq!(set.questions[0].tags, ["geo"]);
    assert_eq!(
        set.questions[1].body,
        QuestionBody::Flashcard {
            prompt: "Capital of Japan?".into(),
            answer: "Tokyo".into(),
            reversible: false
        }
    );
    assert_eq!(set.questions[1].explanation.as_deref(), Some("Since 1868."));
    assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
}
