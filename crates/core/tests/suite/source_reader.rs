//! Reading a quote in context: the library hands over a set's source
//! document, and the quote is located in it as `kioku check` matches it.

use jiff::tz::TimeZone;
use kioku_core::bank::sources::{locate, reader_view};
use kioku_core::bank::{INTERVIEW_TEXT, SetId};
use kioku_core::library::{Library, LibraryError};

fn set_json(id: &str, document: &str, quote: &str) -> String {
    serde_json::json!({
        "kioku": 1,
        "id": id,
        "title": "T",
        "language": "en",
        "source_document": document,
        "questions": [{"id": "q", "type": "flashcard", "prompt": "p", "answer": "a", "source": quote}]
    })
    .to_string()
}

#[test]
fn every_quote_of_the_built_in_bank_is_found_in_its_compiled_in_document() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let set = &lib.sets()[0];
    let doc = lib.source_document(&set.id).unwrap().expect("a document");
    assert_eq!(doc, INTERVIEW_TEXT);
    let mut quoted = 0;
    for q in &set.questions {
        let Some(quote) = &q.source else { continue };
        let view = reader_view(&doc, quote);
        assert!(view.found, "{}: not found", q.id);
        let marked: String = view
            .paragraphs
            .iter()
            .flatten()
            .filter(|s| s.marked)
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(
            kioku_core::bank::sources::normalize(&marked),
            kioku_core::bank::sources::normalize(quote),
            "{}",
            q.id
        );
        quoted += 1;
    }
    assert!(quoted >= 60, "{quoted} quotes");
}

#[test]
fn a_user_set_s_document_is_read_from_beside_it_with_typographic_differences() {
    let dir = tempfile::tempdir().unwrap();
    let sets = dir.path().join("sets");
    std::fs::create_dir_all(sets.join("sources")).unwrap();
    let document = "Title\n\nHe said \u{201c}it\u{2019}s\nover\u{201d} \u{2014} twice.\n\nEnd.\n";
    std::fs::write(sets.join("sources/talk.txt"), document).unwrap();
    std::fs::write(
        sets.join("talk.json"),
        set_json("talk", "sources/talk.txt", "\"it's over\" - twice"),
    )
    .unwrap();
    std::fs::write(
        sets.join("escape.json"),
        set_json("escape", "../secret.txt", "x"),
    )
    .unwrap();
    std::fs::write(sets.join("gone.json"), set_json("gone", "missing.txt", "x")).unwrap();
    let lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let id = |s: &str| SetId::new(s).unwrap();
    let doc = lib.source_document(&id("talk")).unwrap().unwrap();
    assert_eq!(doc, document);
    let r = locate(&doc, "\"it's over\" - twice").unwrap();
    assert_eq!(&doc[r], "\u{201c}it\u{2019}s\nover\u{201d} \u{2014} twice");
    let view = reader_view(&doc, "\"it's over\" - twice");
    assert_eq!(view.paragraphs.len(), 3);
    assert_eq!(view.paragraphs[1][0].text, "He said ");
    assert_eq!(
        view.paragraphs[1][1].text,
        "\u{201c}it\u{2019}s over\u{201d} \u{2014} twice"
    );
    assert!(view.paragraphs[1][1].marked);
    assert!(matches!(
        lib.source_document(&id("escape")),
        Err(LibraryError::SourceDocument { .. })
    ));
    let err = lib.source_document(&id("gone")).unwrap_err().to_string();
    assert!(err.contains("missing.txt"), "{err}");
    assert!(matches!(
        lib.source_document(&id("no-such-set")),
        Err(LibraryError::NoSet(_))
    ));
}
