//! Import/export round trips over the interview bank: what each format
//! can express comes back equal.

use kioku_core::bank::formats::{Format, ImportMeta, Imported, export, import};
use kioku_core::bank::{BUILTIN_INTERVIEW, Question, QuestionBody, QuestionSet, SetId, parse_set};

fn bank() -> QuestionSet {
    parse_set(BUILTIN_INTERVIEW).unwrap()
}

fn meta() -> ImportMeta {
    ImportMeta::for_file(std::path::Path::new("x.txt"), SetId::new("back"))
}

fn round_trip(format: Format) -> (QuestionSet, Imported, Vec<String>) {
    let set = bank();
    let out = export(&set, format).unwrap();
    let back = import(out.text.as_bytes(), format, &meta()).unwrap();
    let skipped = out.skipped.iter().map(|s| s.item.to_string()).collect();
    (set, back, skipped)
}

fn strip(q: &Question, explanation: bool, source: bool, tags: bool) -> Question {
    Question {
        explanation: if explanation {
            q.explanation.clone()
        } else {
            None
        },
        source: if source { q.source.clone() } else { None },
        tags: if tags { q.tags.clone() } else { Vec::new() },
        ..q.clone()
    }
}

#[test]
fn json_and_text_carry_everything() {
    for f in [Format::Json, Format::Md] {
        let (set, back, skipped) = round_trip(f);
        assert!(skipped.is_empty());
        assert_eq!(back.set, set, "{f}");
    }
}

#[test]
fn csv_and_tsv_carry_every_question() {
    for f in [Format::Csv, Format::Tsv] {
        let (set, back, skipped) = round_trip(f);
        assert!(skipped.is_empty());
        assert_eq!(back.set.questions, set.questions, "{f}");
        assert_eq!(back.set.id.as_str(), "back");
    }
}

#[test]
fn anki_text_carries_flashcards_and_clozes() {
    let (set, back, skipped) = round_trip(Format::AnkiTsv);
    assert!(skipped.is_empty());
    assert_eq!(back.set.questions.len(), set.questions.len());
    // Markdown is written as HTML, named in a note; its flattened text
    // comes back.
    let out = export(&set, Format::AnkiTsv).unwrap();
    let rendered: Vec<String> = out
        .notes
        .iter()
        .filter(|n| n.reason().contains("Markdown"))
        .flat_map(|n| {
            n.item
                .to_string()
                .split(", ")
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    for (q, b) in set.questions.iter().zip(&back.set.questions) {
        assert_eq!(b.id, q.id);
        assert_eq!(b.tags, q.tags);
        if rendered.iter().any(|r| r == q.id.as_str()) {
            continue;
        }
        match &q.body {
            QuestionBody::Flashcard { .. } => assert_eq!(*b, strip(q, false, false, true)),
            QuestionBody::Cloze { .. } => assert_eq!(*b, strip(q, true, false, true)),
            // Written as Basic notes with the answer shown.
            _ => assert!(matches!(b.body, QuestionBody::Flashcard { .. })),
        }
    }
}

#[test]
fn gift_carries_choice_true_false_and_typed_with_explanations() {
    let (set, back, skipped) = round_trip(Format::Gift);
    let kept: Vec<&Question> = set
        .questions
        .iter()
        .filter(|q| !skipped.contains(&q.id.to_string()))
        .collect();
    assert!(kept.len() >= 30);
    for q in &kept {
        assert!(matches!(
            q.body,
            QuestionBody::MultipleChoice { .. }
                | QuestionBody::TrueFalse { .. }
                | QuestionBody::Typed { .. }
        ));
    }
    let expected: Vec<Question> = kept.iter().map(|q| strip(q, true, false, false)).collect();
    assert_eq!(back.set.questions, expected);
}

#[test]
fn aiken_carries_single_answer_choice_and_true_false() {
    let (set, back, skipped) = round_trip(Format::Aiken);
    let kept: Vec<&Question> = set
        .questions
        .iter()
        .filter(|q| !skipped.contains(&q.id.to_string()))
        .collect();
    assert!(kept.len() >= 20);
    let bodies: Vec<&QuestionBody> = back.set.questions.iter().map(|q| &q.body).collect();
    let expected: Vec<&QuestionBody> = kept.iter().map(|q| &q.body).collect();
    assert_eq!(bodies, expected);
}

#[test]
fn apkg_is_not_exported() {
    assert!(export(&bank(), Format::Apkg).is_err());
}

#[test]
fn quizlet_two_column_tsv_is_flashcards() {
    let back = import(
        b"term\tdefinition\nneko\tcat\ninu\tdog\n",
        Format::Tsv,
        &meta(),
    )
    .unwrap();
    let ids: Vec<&str> = back.set.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["neko", "inu"]);
    assert_eq!(
        back.set.questions[1].body,
        QuestionBody::Flashcard {
            prompt: "inu".into(),
            answer: "dog".into(),
            reversible: false
        }
    );
}

fn problems(bytes: &[u8], f: Format) -> Vec<String> {
    match import(bytes, f, &meta()) {
        Err(kioku_core::bank::formats::ImportError::Invalid(p)) => p
            .into_iter()
            .map(|(pos, p)| format!("{pos}: {p}"))
            .collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_files_get_located_errors() {
    assert_eq!(
        problems(
            b"type,prompt,choices,correct\nmultiple_choice,Q?,a|a,0\nbogus,x,,\n",
            Format::Csv
        ),
        [
            "2:1: choice 1 repeats choice 0 (\"a\")",
            "3:1: unknown question type \"bogus\"; expected flashcard, reversible_flashcard, typed, multiple_choice, true_false or cloze",
        ]
    );
    assert_eq!(
        problems(b"Q?\nA. x\nB. y\nANSWER: C\n\nR?\nA. x\n", Format::Aiken),
        [
            "4:1: ANSWER \"C\" names no choice; the choices are A to B",
            "6:1: question has no \"ANSWER:\" line",
        ]
    );
    assert_eq!(
        problems(b"::a::Q? {=x ~y\n\n::b::R {}\n", Format::Gift),
        ["1:1: the answer block \"{\" is never closed with \"}\""]
    );
}

#[test]
fn gift_escapes_survive() {
    let src = "::q::What is 1\\=1 \\{really\\}? {=yes\\: sure ~no\\~ ####a \\# b}\n";
    let back = import(src.as_bytes(), Format::Gift, &meta()).unwrap();
    let q = &back.set.questions[0];
    assert_eq!(
        q.body,
        QuestionBody::MultipleChoice {
            prompt: "What is 1=1 {really}?".into(),
            choices: vec!["yes: sure".into(), "no~".into()],
            correct: vec![0],
            shuffle: true,
        }
    );
    assert_eq!(q.explanation.as_deref(), Some("a # b"));
}

// ---------------------------------------------------------------------
// Every feature, through every format: each README cell "kept" is checked
// equal here, and each "changed" or "skipped" is checked to be named, with
// the question (or `set`) and the feature, by the export or the import.

use kioku_core::bank::formats::{MediaFile, Skipped, apkg_export, bundle};

/// A set with every feature the formats table lists.
const FULL: &str = r#"{"kioku": 1, "id": "full", "title": "Städte der Welt", "language": "de",
 "description": "Alles über Städte", "authors": ["A. Autor"], "tags": ["geo"],
 "questions": [
  {"id": "flash", "type": "flashcard", "prompt": "Was zeigt das Bild? ![ein Rotkehlchen](robin.png)", "answer": "Ein Rotkehlchen im Garten", "explanation": "Der Vogel ist im Winter oft zu sehen.", "tags": ["vogel", "natur"]},
  {"id": "rev", "type": "flashcard", "prompt": "Hund", "answer": "dog", "reversible": true, "explanation": "Ein Haustier.", "tags": ["tier"]},
  {"id": "typed", "type": "typed", "prompt": "Hauptstadt von Russland?", "answers": ["Moskau", "Moskva"], "explanation": "Seit 1918.", "tags": ["stadt"]},
  {"id": "mc", "type": "multiple_choice", "prompt": "Welche Stadt liegt in Japan?", "choices": ["Tokio", "Lima", "Paris"], "correct": [0], "explanation": "Tokio ist die Hauptstadt.", "tags": ["stadt"]},
  {"id": "multi", "type": "multiple_choice", "prompt": "Welche Städte liegen in Asien?", "choices": ["Tokio", "Lima", "Seoul"], "correct": [0, 2], "explanation": "Lima liegt in Peru.", "tags": ["stadt"]},
  {"id": "tf", "type": "true_false", "prompt": "Kyoto ist die Hauptstadt von Japan.", "answer": false, "explanation": "Das war sie bis 1868.", "tags": ["geschichte"]},
  {"id": "cloze", "type": "cloze", "text": "{{Tokio}} wurde im Jahr {{1868}} die Hauptstadt.", "explanation": "Die Meiji-Zeit begann.", "tags": ["geschichte"]},
  {"id": "shared", "type": "cloze", "text": "{{c1::Tokio}} und {{c1::Osaka}} sind groß; {{c2::Kyoto}} war die Hauptstadt.", "explanation": "Drei Städte in Japan.", "tags": ["stadt"]}
 ]}"#;

fn full() -> QuestionSet {
    parse_set(FULL).unwrap()
}

fn robin() -> Vec<MediaFile> {
    vec![MediaFile {
        name: "robin.png".into(),
        bytes: b"\x89PNG\r\n\x1a\nrobin".to_vec(),
    }]
}

/// What one export and import back gave.
struct Trip {
    set: QuestionSet,
    back: Imported,
    /// Export's skipped and notes, then import's skipped and notes.
    named: Vec<Skipped>,
}

impl Trip {
    fn run(format: Format) -> Trip {
        let set = full();
        let (bytes, mut named) = match format {
            Format::Apkg => {
                let (bytes, notes) = apkg_export::write(&set, &robin(), 1_700_000_000).unwrap();
                (bytes, notes)
            }
            Format::Bundle => {
                let json = export(&set, Format::Json).unwrap();
                (bundle::write(&json.text, &robin()).unwrap(), Vec::new())
            }
            f => {
                let out = export(&set, f).unwrap();
                let mut named = out.skipped;
                named.extend(out.notes);
                (out.text.into_bytes(), named)
            }
        };
        let back = import(&bytes, format, &meta()).unwrap();
        named.extend(back.skipped.iter().cloned());
        named.extend(back.notes.iter().cloned());
        Trip { set, back, named }
    }

    fn orig(&self, id: &str) -> &Question {
        self.set
            .questions
            .iter()
            .find(|q| q.id.as_str() == id)
            .unwrap()
    }

    fn got(&self, id: &str) -> Option<&Question> {
        self.back.set.questions.iter().find(|q| q.id.as_str() == id)
    }

    /// The question came back exactly.
    fn kept(&self, id: &str) {
        assert_eq!(self.got(id), Some(self.orig(id)), "{id}");
    }

    /// The question came back with the same body (type and content).
    fn body_kept(&self, id: &str) {
        assert_eq!(
            self.got(id).map(|q| &q.body),
            Some(&self.orig(id).body),
            "{id}"
        );
    }

    /// Some export or import message names `item` (alone, in a list, or
    /// as `line N (item)`) and says `words`.
    fn names(&self, item: &str, words: &str) {
        assert!(
            self.named.iter().any(|s| {
                let of = format!("({item})");
                s.item
                    .to_string()
                    .split(", ")
                    .any(|i| i == item || i.ends_with(&of))
                    && s.reason().contains(words)
            }),
            "nothing names {item}: {words}\n{:#?}",
            self.named
        );
    }

    /// Left out, and named with `words`.
    fn skipped(&self, id: &str, words: &str) {
        assert!(self.got(id).is_none(), "{id} came back");
        self.names(id, words);
    }

    fn tags_kept(&self, ids: &[&str]) {
        for id in ids {
            assert_eq!(self.got(id).unwrap().tags, self.orig(id).tags, "{id}");
        }
    }

    fn explanation_kept(&self, ids: &[&str]) {
        for id in ids {
            assert_eq!(
                self.got(id).unwrap().explanation,
                self.orig(id).explanation,
                "{id}"
            );
        }
    }

    /// The title comes from the file name (`meta()`), and that is named.
    fn title_named(&self) {
        assert_eq!(self.back.set.title, "x");
        self.names("set", "title \"Städte der Welt\"");
        self.names("set", "title \"x\" taken from the file name");
    }

    /// The language is guessed from the text, right, and that is named.
    fn language_guessed(&self) {
        assert_eq!(self.back.set.language, "de");
        self.names("set", "language guessed from the text: de");
    }

    fn media_named(&self) {
        self.names("flash", "media ![ein Rotkehlchen](robin.png) dropped");
        assert!(self.back.media.is_empty());
    }
}

#[test]
fn every_feature_through_json_md_and_bundles() {
    for f in [Format::Json, Format::Md, Format::Bundle] {
        let t = Trip::run(f);
        assert_eq!(t.back.set, t.set, "{f}");
        assert!(t.named.is_empty(), "{f}: {:?}", t.named);
        if f == Format::Bundle {
            assert_eq!(t.back.media, robin());
        }
    }
}

#[test]
fn every_feature_through_csv_and_tsv() {
    for f in [Format::Csv, Format::Tsv] {
        let t = Trip::run(f);
        // Every type, tags and explanations; the media reference too.
        assert_eq!(t.back.set.questions, t.set.questions, "{f}");
        t.media_named();
        t.names(
            "flash",
            "media ![ein Rotkehlchen](robin.png) referenced, but",
        );
        t.names("set", "title \"Städte der Welt\"");
        assert_eq!(t.back.set.title, "x");
        t.language_guessed();
    }
}

#[test]
fn every_feature_through_anki_tsv() {
    let t = Trip::run(Format::AnkiTsv);
    // Reversed, cloze and shared-number cloze whole (a cloze keeps its
    // explanation as Back Extra); tags on every note.
    for id in ["rev", "cloze", "shared"] {
        t.body_kept(id);
    }
    t.explanation_kept(&["cloze", "shared"]);
    t.tags_kept(&[
        "flash", "rev", "typed", "mc", "multi", "tf", "cloze", "shared",
    ]);
    // The flashcard's Markdown (its image) comes back as plain text.
    assert!(matches!(
        t.got("flash").unwrap().body,
        QuestionBody::Flashcard { .. }
    ));
    t.names("flash", "Markdown written as HTML");
    t.media_named();
    // Typed, choices and true/false become Basic notes.
    t.names("typed", "typed question written as a Basic note");
    t.names("mc", "multiple choice written as a Basic note");
    t.names("multi", "multiple choice written as a Basic note");
    t.names("tf", "true/false written as a Basic note");
    for id in ["typed", "mc", "multi", "tf"] {
        assert!(matches!(
            t.got(id).unwrap().body,
            QuestionBody::Flashcard { .. }
        ));
    }
    for id in ["flash", "rev", "typed", "mc", "multi", "tf"] {
        assert_eq!(t.got(id).unwrap().explanation, None);
        t.names(id, "explanations (except on cloze notes)");
    }
    t.title_named();
    t.language_guessed();
}

#[test]
fn every_feature_through_gift() {
    let t = Trip::run(Format::Gift);
    for id in ["typed", "mc", "multi", "tf"] {
        t.body_kept(id);
    }
    t.explanation_kept(&["typed", "mc", "multi", "tf"]);
    // Several right answers are written as shares of the credit, and the
    // import says each must be chosen.
    t.names("line 14", "partial credit scored all-or-nothing");
    t.skipped("flash", "GIFT has no flashcard questions");
    t.skipped("rev", "GIFT has no flashcard questions");
    t.skipped("cloze", "GIFT has no cloze questions");
    t.skipped("shared", "GIFT has no cloze questions");
    for id in ["typed", "mc", "multi", "tf"] {
        assert!(t.got(id).unwrap().tags.is_empty());
        t.names(id, "tags not written");
    }
    t.media_named();
    t.title_named();
    t.language_guessed();
}

#[test]
fn every_feature_through_aiken() {
    let t = Trip::run(Format::Aiken);
    // Ids are derived from the prompts; the bodies come back.
    let bodies: Vec<&QuestionBody> = t.back.set.questions.iter().map(|q| &q.body).collect();
    assert_eq!(bodies, [&t.orig("mc").body, &t.orig("tf").body]);
    for q in &t.back.set.questions {
        assert!(q.explanation.is_none() && q.tags.is_empty());
    }
    for id in ["mc", "tf"] {
        t.names(id, "Aiken has no place for them: id");
        t.names(id, "explanation");
        t.names(id, "tags");
    }
    t.skipped("flash", "Aiken has no flashcard questions");
    t.skipped("rev", "Aiken has no flashcard questions");
    t.skipped("typed", "Aiken has no typed questions");
    t.skipped("multi", "Aiken has one right answer");
    t.skipped("cloze", "Aiken has no cloze questions");
    t.skipped("shared", "Aiken has no cloze questions");
    t.media_named();
    t.title_named();
    t.language_guessed();
}

#[test]
fn every_feature_through_moodle_xml() {
    let t = Trip::run(Format::Moodle);
    for id in ["typed", "mc", "multi", "tf", "cloze"] {
        t.kept(id);
    }
    // The set's title is the category, its description the category's info.
    assert_eq!(t.back.set.title, "Städte der Welt");
    assert_eq!(t.back.set.description.as_deref(), Some("Alles über Städte"));
    t.names("set", "authors, source and set tags are not written");
    t.names("set", "moodle has no place for them: language \"de\"");
    // Shared numbers are not written: one card per blank comes back.
    t.names("shared", "card numbers ({{c1::…}}) are not written");
    let shared = t.got("shared").unwrap();
    assert_eq!(shared.explanation, t.orig("shared").explanation);
    assert_eq!(shared.tags, t.orig("shared").tags);
    assert_eq!(
        t.set
            .question(&t.orig("shared").id)
            .unwrap()
            .card_variants()
            .len(),
        2
    );
    assert_eq!(shared.card_variants().len(), 3);
    t.names("multi", "part credit for some of the right choices");
    t.skipped("flash", "Moodle has no flashcard questions");
    t.skipped("rev", "Moodle has no flashcard questions");
    t.media_named();
    t.language_guessed();
}

#[test]
fn every_feature_through_apkg() {
    let t = Trip::run(Format::Apkg);
    // Flashcards, reversed, clozes (shared numbers too), their explanations
    // (the Explanation field) and tags; the title is the deck; the media
    // file is packed and comes back.
    for id in ["flash", "rev", "cloze", "shared"] {
        t.kept(id);
    }
    assert_eq!(t.back.set.title, "Städte der Welt");
    assert_eq!(t.back.media, robin());
    // Typed keeps its first answer (Anki checks one), the others listed
    // in the explanation.
    let typed = t.got("typed").unwrap();
    assert_eq!(
        typed.body,
        QuestionBody::Typed {
            prompt: "Hauptstadt von Russland?".into(),
            answers: vec!["Moskau".into()]
        }
    );
    assert_eq!(
        typed.explanation.as_deref(),
        Some("Also accepted: Moskva\nSeit 1918.")
    );
    t.names("typed", "checks only the first accepted answer");
    // Choices and true/false are Basic notes, said in the explanation.
    for (id, words) in [
        ("mc", "multiple choice written as a Basic note"),
        ("multi", "multiple choice written as a Basic note"),
        ("tf", "true/false written as a Basic note"),
    ] {
        t.names(id, words);
        let q = t.got(id).unwrap();
        assert!(matches!(q.body, QuestionBody::Flashcard { .. }), "{id}");
        assert_eq!(q.tags, t.orig(id).tags);
    }
    t.names("set", "review history not written");
    t.names("set", "description \"Alles über Städte\"");
    assert!(t.back.history.is_none());
    t.language_guessed();
}

#[test]
fn partial_credit_from_gift_is_named() {
    let gift = import(
        "::p::Pick {~%50%a ~%50%b ~c}\n\n::s::Say {=yes =%50%yep}\n".as_bytes(),
        Format::Gift,
        &meta(),
    )
    .unwrap();
    let said: Vec<String> = gift.skipped.iter().map(ToString::to_string).collect();
    assert!(
        said.iter().any(|s| s.contains("partial credit")),
        "{said:?}"
    );
    assert!(said.iter().any(|s| s.contains("yep")), "{said:?}");
}

/// Anki's own text export: fields past the answer go to the explanation
/// (they were dropped unnamed), and one deck for every note is the title.
#[test]
fn anki_text_keeps_extra_fields_and_the_deck() {
    let src = "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n\
               Basic\tErdkunde\tHauptstadt von Japan?\tTokio\tSeit 1868.\n\
               Basic (type in the answer)\tErdkunde\tHauptstadt von Peru?\tLima\tAn der Küste.\n\
               Cloze\tErdkunde\t{{c1::Kyoto}} war die Hauptstadt.\tBis 1868.\tHeian-kyō\n";
    let back = import(src.as_bytes(), Format::AnkiTsv, &meta()).unwrap();
    let ex: Vec<Option<&str>> = back
        .set
        .questions
        .iter()
        .map(|q| q.explanation.as_deref())
        .collect();
    assert_eq!(
        ex,
        [
            Some("Seit 1868."),
            Some("An der Küste."),
            Some("Bis 1868.\nHeian-kyō")
        ]
    );
    assert!(matches!(
        back.set.questions[1].body,
        QuestionBody::Typed { .. }
    ));
    assert_eq!(back.set.title, "Erdkunde");
}
