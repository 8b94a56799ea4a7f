//! Interop details of the CSV/TSV and Anki text formats: delimiter
//! sniffing, quotes, line breaks, and naming everything changed or lost.

use kioku_core::bank::formats::{Format, ImportError, ImportMeta, Imported, export, import};
use kioku_core::bank::{BUILTIN_INTERVIEW, QuestionBody, SetId, parse_set};

fn meta() -> ImportMeta {
    ImportMeta::for_file(std::path::Path::new("deck.csv"), SetId::new("deck"))
}

fn ok(bytes: &[u8], f: Format) -> Imported {
    import(bytes, f, &meta()).unwrap()
}

fn fronts(i: &Imported) -> Vec<(String, String)> {
    i.set
        .questions
        .iter()
        .map(|q| match &q.body {
            QuestionBody::Flashcard { prompt, answer, .. } => (prompt.clone(), answer.clone()),
            other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn semicolon_csv_imports() {
    let i = ok(
        b"type;prompt;answer\nflashcard;Hund;dog\nflashcard;\"a; b\";c\n",
        Format::Csv,
    );
    assert_eq!(
        fronts(&i),
        [("Hund".into(), "dog".into()), ("a; b".into(), "c".into())]
    );
    let two = ok(b"Katze;cat\nMaus;mouse\n", Format::Csv);
    assert_eq!(two.set.questions.len(), 2);
}

#[test]
fn semicolon_csv_line_one_error_once() {
    let Err(ImportError::Invalid(p)) = import(b"a;b;c\n", Format::Csv, &meta()) else {
        panic!()
    };
    let line1: Vec<_> = p.iter().filter(|(pos, _)| pos.line == 1).collect();
    assert_eq!(line1.len(), 1, "{p:?}");
}

#[test]
fn tab_is_sniffed_in_a_csv_file() {
    let i = ok(b"front\tback\nneko\tcat\n", Format::Csv);
    assert_eq!(fronts(&i), [("neko".into(), "cat".into())]);
}

#[test]
fn unquoted_tsv_keeps_its_quotes() {
    let i = ok(
        b"\"Ganbatte\"\tgood luck\nsay \"hi\"\t\"hello\" there\n",
        Format::Tsv,
    );
    assert_eq!(
        fronts(&i),
        [
            ("\"Ganbatte\"".into(), "good luck".into()),
            ("say \"hi\"".into(), "\"hello\" there".into())
        ]
    );
}

#[test]
fn quoted_tsv_cells_still_read() {
    let i = ok(
        b"\"a\tb\"\t\"line1\nline2\"\n\"x \"\"y\"\"\"\tz\n",
        Format::Tsv,
    );
    assert_eq!(
        fronts(&i),
        [
            ("a\tb".into(), "line1\nline2".into()),
            ("x \"y\"".into(), "z".into())
        ]
    );
}

#[test]
fn line_breaks_in_quoted_cells_become_lf() {
    for (bytes, f) in [
        (&b"front,back\r\n\"a\r\nb\",\"c\rd\"\r\n"[..], Format::Csv),
        (&b"front\tback\r\n\"a\r\nb\"\t\"c\rd\"\r\n"[..], Format::Tsv),
    ] {
        let i = ok(bytes, f);
        assert_eq!(fronts(&i), [("a\nb".into(), "c\nd".into())], "{f}");
    }
}

#[test]
fn dropped_header_row_is_reported() {
    let i = ok(b"front,back\nneko,cat\n", Format::Csv);
    assert!(
        i.notes
            .iter()
            .any(|s| s.item.to_string() == "line 1" && s.reason().contains("header")),
        "{:?}",
        i.notes
    );
}

#[test]
fn csv_import_names_defaulted_metadata() {
    let i = ok(b"neko,cat\n", Format::Csv);
    let set_note = i
        .notes
        .iter()
        .find(|s| s.item.to_string() == "set")
        .expect("set note");
    assert!(set_note.reason().contains("title"), "{set_note}");
    assert!(set_note.reason().contains("language"), "{set_note}");
}

#[test]
fn csv_export_names_set_metadata_it_cannot_carry() {
    let set = parse_set(BUILTIN_INTERVIEW).unwrap();
    for f in [Format::Csv, Format::Tsv] {
        let out = export(&set, f).unwrap();
        let n = out
            .notes
            .iter()
            .find(|s| s.item.to_string() == "set")
            .expect("set note");
        assert!(n.reason().contains("title"), "{n}");
        assert!(n.reason().contains(&set.title), "{n}");
    }
}

fn small_set(id: &str) -> kioku_core::bank::QuestionSet {
    parse_set(&format!(
        r#"{{"kioku":1,"id":"{id}","title":"T","language":"en","questions":[
        {{"id":"q","type":"flashcard","prompt":"**bold** and `code`","answer":"plain"}},
        {{"id":"q-2","type":"cloze","text":"The type {{{{std::vec::Vec}}}} grows."}}
    ]}}"#
    ))
    .unwrap()
}

fn guids(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').nth(1).unwrap().to_owned())
        .collect()
}

#[test]
fn anki_guids_include_the_set_id() {
    let a = export(&small_set("alpha"), Format::AnkiTsv).unwrap();
    let b = export(&small_set("beta"), Format::AnkiTsv).unwrap();
    let (ga, gb) = (guids(&a.text), guids(&b.text));
    assert_eq!(ga.len(), 2);
    assert!(ga.iter().all(|g| !gb.contains(g)), "{ga:?} {gb:?}");
    // Stable, and re-import gives the question ids back.
    assert_eq!(
        ga,
        guids(&export(&small_set("alpha"), Format::AnkiTsv).unwrap().text)
    );
    let back = ok(a.text.as_bytes(), Format::AnkiTsv);
    let ids: Vec<&str> = back.set.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["q", "q-2"]);
}

#[test]
fn anki_cloze_escapes_double_colons() {
    let out = export(&small_set("s"), Format::AnkiTsv).unwrap();
    let cloze = out.text.lines().find(|l| l.starts_with("Cloze")).unwrap();
    let front = cloze.split('\t').nth(2).unwrap();
    let inner = front.split("{{c1::").nth(1).unwrap();
    let inner = inner.split("}}").next().unwrap();
    assert!(!inner.contains("::"), "{front}");
    let back = ok(out.text.as_bytes(), Format::AnkiTsv);
    assert!(back.skipped.is_empty(), "{:?}", back.skipped);
    assert_eq!(back.set.questions[1].body, small_set("s").questions[1].body);
}

#[test]
fn anki_export_renders_markdown() {
    let out = export(&small_set("s"), Format::AnkiTsv).unwrap();
    let basic = out.text.lines().find(|l| l.starts_with("Basic")).unwrap();
    assert!(
        basic.contains("<strong>bold</strong> and <code>code</code>"),
        "{basic}"
    );
    assert!(
        out.notes
            .iter()
            .any(|n| n.item.to_string().contains('q') && n.reason().contains("Markdown")),
        "{:?}",
        out.notes
    );
}

/// Formats that do not name a language get it guessed from the text, and
/// the guess is named; an unrecognisable text stays `en`, also named.
#[test]
fn the_language_is_guessed_and_named() {
    let ja = ok(
        "日本の首都はどこですか\t東京です。江戸時代には江戸と呼ばれていました\n富士山の高さは\t三千七百七十六メートルです\n".as_bytes(),
        Format::Tsv,
    );
    assert_eq!(ja.set.language, "ja");
    assert!(
        ja.notes.iter().any(|n| n.item.to_string() == "set"
            && n.reason().starts_with("language guessed from the text: ja")),
        "{:#?}",
        ja.notes
    );
    let bank = parse_set(BUILTIN_INTERVIEW).unwrap();
    let gift = export(&bank, Format::Gift).unwrap();
    assert_eq!(ok(gift.text.as_bytes(), Format::Gift).set.language, "en");
    let unknown = ok(b"x\ty\n", Format::Tsv);
    assert_eq!(unknown.set.language, "en");
    assert!(
        unknown
            .notes
            .iter()
            .any(|n| n.reason().starts_with("language not recognised"))
    );
    // JSON names its own language: no guess.
    let json = export(&bank, Format::Json).unwrap();
    let back = ok(json.text.as_bytes(), Format::Json);
    assert!(back.notes.is_empty());
}
