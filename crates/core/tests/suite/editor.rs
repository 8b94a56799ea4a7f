//! Editing sets: saved atomically into the data dir, progress kept by
//! question id, built-in sets read-only.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::bank::{CardKey, SetId};
use kioku_core::editor::Draft;
use kioku_core::library::Library;
use kioku_core::review::{EventId, Mode};
use kioku_core::scheduler::Rating;

#[test]
fn editing_text_keeps_progress_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let now: Timestamp = "2026-11-28T10:00:00Z".parse().unwrap();
    let copy_id;
    {
        let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
        let builtin = lib.sets()[0].clone();
        let ids: Vec<&str> = lib.sets().iter().map(|s| s.id.as_str()).collect();
        let mut draft = Draft::duplicate(&builtin, &ids);
        copy_id = draft.id.clone();
        assert_eq!(copy_id, "japan-russia-covid19-copy");
        let set = draft.check().unwrap();
        lib.save_set(set).unwrap();
        let key = CardKey::parse(&format!("{copy_id}/abe-return-year")).unwrap();
        lib.answer(
            &key,
            Rating::Good,
            lib.now(now),
            1,
            Mode::Study,
            EventId("e".into()),
        )
        .unwrap();
        // Reword the question; its id stays, so its progress stays.
        let i = draft
            .questions
            .iter()
            .position(|q| q.id == "abe-return-year")
            .unwrap();
        draft.questions[i].prompt = "In which year did Abe come back to government?".into();
        draft.questions.remove(0); // deleting another question keeps the log intact
        lib.save_set(draft.check().unwrap()).unwrap();
        assert_eq!(lib.progress().card(&key).reviews, 1);
    }
    let lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    assert!(lib.warnings().is_empty(), "{:?}", lib.warnings());
    let set = lib.set(&SetId::new(&copy_id).unwrap()).unwrap();
    assert_eq!(set.questions.len(), 75);
    let key = CardKey::parse(&format!("{copy_id}/abe-return-year")).unwrap();
    assert_eq!(
        lib.card_view(&key).unwrap().prompt,
        "In which year did Abe come back to government?"
    );
    assert_eq!(lib.progress().card(&key).reviews, 1);
    assert_eq!(lib.events().len(), 1, "nothing was removed from the log");
}

#[test]
fn built_in_sets_are_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let set = lib.sets()[0].clone();
    let err = lib.save_set(set).unwrap_err();
    assert!(
        matches!(&err, kioku_core::library::LibraryError::BuiltinReadOnly(id) if id.as_str() == "japan-russia-covid19"),
        "{err:?}"
    );
    assert!(
        std::fs::read_dir(dir.path().join("sets"))
            .unwrap()
            .next()
            .is_none()
    );
}

#[test]
fn the_editor_imports_and_exports_files_like_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path(), TimeZone::UTC, || "dev".into()).unwrap();
    let apkg = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/import/deck.apkg");
    let imported = lib.import_file(&apkg, None, None, false).unwrap();
    let id = imported.set.id.clone();
    assert!(lib.set(&id).is_some());
    assert!(dir.path().join(format!("sets/{id}.json")).is_file());
    // Importing the same file again is refused without replace.
    let again = lib
        .import_file(&apkg, None, None, false)
        .unwrap_err()
        .to_string();
    assert!(again.contains(id.as_str()), "{again}");
    // Export the built-in set as GIFT; flashcards and cloze are left out.
    let out = dir.path().join("bank.gift");
    let exported = lib
        .export_file(&SetId::new("japan-russia-covid19").unwrap(), None, &out)
        .unwrap();
    assert!(!exported.skipped.is_empty());
    assert!(std::fs::read_to_string(&out).unwrap().contains("::"));
    // Never overwrites.
    assert!(
        lib.export_file(&SetId::new("japan-russia-covid19").unwrap(), None, &out)
            .is_err()
    );
    // A broken file gives located errors naming it.
    let bad = dir.path().join("bad.kioku.md");
    std::fs::write(&bad, "---\nkioku: 1\n---\n## q\nQ: x\n").unwrap();
    let err = lib
        .import_file(&bad, None, None, false)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with(&format!("{}:", bad.display())), "{err}");
}

mod plain_words {
    use kioku_core::bank::QuestionKind;
    use kioku_core::editor::{Draft, DraftQuestion, EditorState, Place};

    fn q(index: usize, key: &str) -> Place {
        Place::Question {
            index,
            key: key.into(),
        }
    }

    fn multiple_choice(choices: &[(&str, bool)]) -> DraftQuestion {
        let mut mc = DraftQuestion::new(QuestionKind::MultipleChoice);
        mc.id = "mc".into();
        mc.prompt = "Pick one".into();
        mc.choices = choices.iter().map(|(c, ok)| (c.to_string(), *ok)).collect();
        mc
    }

    #[test]
    fn choice_messages_read_as_a_person_would_say_them() {
        let mut d = Draft::new_set("Test", &[]);
        d.questions
            .push(multiple_choice(&[("", false), ("", false), ("c", false)]));
        let got: Vec<(Place, String)> = d
            .check()
            .unwrap_err()
            .into_iter()
            .map(|p| (p.place, p.message))
            .collect();
        assert_eq!(
            got,
            vec![
                (q(0, "choices"), "Choice 1 is empty".to_owned()),
                (q(0, "choices"), "Choice 2 is empty".to_owned()),
                (
                    q(0, "correct"),
                    "Mark at least one choice as correct".to_owned()
                ),
            ]
        );
        for p in d.check().unwrap_err() {
            assert!(!p.message.contains("index"), "{}", p.message);
            assert!(!p.message.contains('"'), "{}", p.message);
        }
    }

    #[test]
    fn a_new_set_shows_no_problems_until_a_field_is_typed_in_or_saved() {
        let mut s = EditorState::new(Draft::new_set("New set", &[]), false);
        assert!(
            s.draft.check().is_err(),
            "a set without questions is invalid"
        );
        assert!(s.visible_problems().is_empty());
        s.add_question(QuestionKind::MultipleChoice);
        assert!(
            s.visible_problems().is_empty(),
            "{:?}",
            s.visible_problems()
        );
        s.edit_field(q(0, "prompt"), |d| d.questions[0].prompt = "Pick".into());
        assert!(
            s.visible_problems().is_empty(),
            "{:?}",
            s.visible_problems()
        );
        // Typing in a choice shows that question's choice problems.
        s.edit_field(q(0, "choices"), |d| d.questions[0].choices[0].1 = false);
        let shown: Vec<String> = s
            .visible_problems()
            .into_iter()
            .map(|p| p.message)
            .collect();
        assert!(
            shown.contains(&"Mark at least one choice as correct".to_owned()),
            "{shown:?}"
        );
        // A second question, not typed in yet, shows nothing.
        s.add_question(QuestionKind::Flashcard);
        assert_eq!(s.visible_problems().len(), shown.len());
        // Trying to save shows everything.
        let all = s.try_save().unwrap_err();
        assert!(all.iter().any(|p| p.place == q(1, "prompt")), "{all:?}");
        assert!(all.len() > shown.len(), "{all:?}");
        assert_eq!(s.visible_problems(), all);
    }

    #[test]
    fn a_new_sets_id_follows_its_title_until_saved() {
        let mut s = EditorState::new(Draft::new_set("New set", &["new-set"]), false)
            .with_taken_ids(&["new-set"]);
        assert_eq!(s.draft.id, "new-set-2");
        s.set_title("Japan and Russia");
        assert_eq!(
            (s.draft.title.as_str(), s.draft.id.as_str()),
            ("Japan and Russia", "japan-and-russia")
        );
        s.set_title("New set");
        assert_eq!(s.draft.id, "new-set-2", "still unique");
        s.set_title("Japan and Russia");
        s.add_question(QuestionKind::Flashcard);
        s.edit_field(q(0, "prompt"), |d| {
            d.questions[0].prompt = "Capital?".into()
        });
        s.edit_field(q(0, "answer"), |d| d.questions[0].answer = "Moscow".into());
        let saved = s.try_save().unwrap();
        assert_eq!(saved.id.as_str(), "japan-and-russia");
        s.saved();
        s.set_title("Renamed");
        assert_eq!(s.draft.id, "japan-and-russia", "a saved set keeps its id");
        // An existing set never follows.
        let mut e = EditorState::new(s.draft.clone(), true);
        e.set_title("Other");
        assert_eq!(e.draft.id, "japan-and-russia");
    }
}

#[test]
fn the_abbreviations_field_is_checked_and_saved() {
    use kioku_core::bank::model::Abbreviation;
    use kioku_core::editor::Place;
    let mut draft = Draft::new_set("Abbreviated", &[]);
    let mut q = kioku_core::editor::DraftQuestion::new(kioku_core::bank::QuestionKind::Typed);
    q.prompt = "Which country?".into();
    q.id = "which-country".into();
    q.answers = vec!["the United States".into()];
    draft.questions.push(q);
    draft.abbreviations = "U.S. = United States, UK United Kingdom".into();
    let problems = draft.check().unwrap_err();
    let p = problems
        .iter()
        .find(|p| p.place == Place::Set("abbreviations".into()))
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert!(p.message.contains("SHORT = LONG"), "{}", p.message);
    draft.abbreviations = "U.S. = United States, UK = United\\, Kingdom".into();
    let set = draft.check().unwrap();
    assert_eq!(
        set.abbreviations,
        vec![
            Abbreviation::new("U.S.", "United States"),
            Abbreviation::new("UK", "United, Kingdom")
        ]
    );
    assert_eq!(Draft::from_set(&set).abbreviations, draft.abbreviations);
}
