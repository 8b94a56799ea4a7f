//! Component tests: render screens to HTML with dioxus-ssr on fixture state
//! and check content, labels and ARIA attributes. No window needed.

use std::path::Path;

use dioxus::prelude::*;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_app::{App, Boot, Screen};
use kioku_core::bank::CardKey;
use kioku_core::library::Library;
use kioku_core::study::{Current, Phase, StudySession};

fn library(extra_sets: &[&str]) -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sets")).unwrap();
    for set in extra_sets {
        let src = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(set);
        std::fs::copy(&src, dir.path().join("sets").join(src.file_name().unwrap())).unwrap();
    }
    let lib = Library::open(dir.path(), TimeZone::UTC, || "test-device".into()).unwrap();
    (dir, lib)
}

/// Render in English whatever the machine's locale (the tests read English).
fn render(boot: Boot) -> String {
    let mut dom = VirtualDom::new(App).with_root_context(boot.speaking(kioku_app::Lang::En));
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

fn t() -> Timestamp {
    "2026-11-28T10:00:00Z".parse().unwrap()
}

/// A session showing `key` in `phase`, with `typed`/`picked` filled in.
fn session_on(
    lib: &Library,
    key: &str,
    answered: bool,
    typed: &str,
    picked: &[usize],
) -> StudySession {
    let mut s = StudySession::start(lib, None, t()).unwrap();
    let key = CardKey::parse(key).unwrap();
    let view = lib.card_view(&key).unwrap();
    let outcomes = lib.outcomes(&key, lib.now(t())).unwrap();
    s.current = Some(Current {
        view,
        outcomes,
        phase: Phase::Question,
        shown_at: t(),
        typed: typed.to_owned(),
        picked: picked.to_vec(),
    });
    if answered {
        s.submit(lib, Some(true));
    }
    s
}

fn study_html(extra: &[&str], key: &str, answered: bool, typed: &str, picked: &[usize]) -> String {
    let (_dir, lib) = library(extra);
    let session = session_on(&lib, key, answered, typed, picked);
    render(Boot::at(Ok(lib), Screen::Study(session)))
}

#[test]
fn home_lists_the_builtin_deck_with_counts_and_actions() {
    let (_dir, lib) = library(&[]);
    let html = render(Boot::new(Ok(lib)));
    assert!(
        html.contains("COVID-19 and Japan–Russia relations"),
        "{html}"
    );
    assert!(html.contains("20 new"));
    assert!(html.contains("0 due"));
    assert!(html.contains("80 cards"));
    assert!(html.contains(r#"role="progressbar""#));
    assert!(html.contains(r#"aria-label="Mastered""#));
    assert!(html.contains(">Study"));
    assert!(html.contains(r#"aria-label="Keyboard shortcuts""#));
}

#[test]
fn a_library_opened_on_another_thread_is_waited_for_by_the_first_render() {
    // `launch` opens the library on its own thread while the webview
    // starts; the first render must show it, or why it could not open.
    let (dir, lib) = library(&[]);
    let path = dir.path().to_path_buf();
    drop(lib);
    let opening = std::thread::spawn(move || {
        Library::open(&path, TimeZone::UTC, || "test-device".into()).map_err(|e| e.to_string())
    });
    let html = render(Boot::opening(opening));
    assert!(html.contains("20 new"), "{html}");
    assert!(html.contains("80 cards"), "{html}");

    let failing = std::thread::spawn(|| Err("the data directory is gone".to_string()));
    let html = render(Boot::opening(failing));
    assert!(html.contains(r#"role="alert""#), "{html}");
    assert!(html.contains("the data directory is gone"), "{html}");
}

#[test]
fn a_data_dir_that_cannot_be_opened_shows_a_banner() {
    let html = render(Boot::new(Err(
        "another kioku is using /tmp/x (it holds /tmp/x/kioku.lock); close it first".into(),
    )));
    assert!(html.contains(r#"role="alert""#));
    assert!(html.contains("another kioku is using /tmp/x"));
    assert!(
        html.contains("No question sets yet"),
        "the empty state explains what to do"
    );
}

#[test]
fn flashcard_question_and_answer() {
    let key = "japan-russia-covid19/abe-cancelled-moscow-visit";
    let q = study_html(&[], key, false, "", &[]);
    assert!(
        q.contains("what was the biggest impact COVID-19 had"),
        "{q}"
    );
    assert!(q.contains("Show answer"));
    assert!(q.contains(r#"aria-keyshortcuts="Space""#));
    assert!(q.contains(r#"aria-live="polite""#));
    assert!(q.contains("20 new"));
    let a = study_html(&[], key, true, "", &[]);
    assert!(a.contains("Prime Minister Abe had to cancel his scheduled visit to Moscow."));
    assert!(a.contains("From the interview"));
    assert!(a.contains("Again"));
    assert!(
        a.contains(">1m<"),
        "Again is labelled with its interval: {a}"
    );
    assert!(a.contains(">10m<"), "Good is labelled with its interval");
    assert!(a.contains(r#"aria-label="Rate your answer""#));
    assert!(a.contains(r#"aria-keyshortcuts="4""#));
}

#[test]
fn typed_card_shows_what_differed() {
    let key = "japan-russia-covid19/abe-return-year";
    let q = study_html(&[], key, false, "", &[]);
    assert!(
        q.contains(r#"<label for="answer">Your answer</label>"#),
        "{q}"
    );
    assert!(q.contains(r#"type="text""#));
    let wrong = study_html(&[], key, true, "2013", &[]);
    assert!(wrong.contains("Not quite"), "{wrong}");
    assert!(wrong.contains("You wrote: "));
    assert!(wrong.contains("2013"));
    assert!(wrong.contains("2012"));
    assert!(
        wrong.contains("rating rating-1 suggested"),
        "Again is suggested after a wrong answer"
    );
    let right = study_html(&[], key, true, "2012", &[]);
    assert!(right.contains("✓ Correct"));
    assert!(right.contains("rating rating-3 suggested"));
}

#[test]
fn multiple_choice_select_all_and_result() {
    let key = "japan-russia-covid19/two-pillars-select";
    let q = study_html(&[], key, false, "", &[]);
    assert!(
        q.contains("Select all that apply. All must be right to score."),
        "{q}"
    );
    assert!(q.contains(r#"role="checkbox""#));
    assert!(q.contains(r#"aria-checked="false""#));
    // Picking only one of the two right answers scores nothing.
    let a = study_html(&[], key, true, "", &[0]);
    assert!(a.contains("Not quite"), "{a}");
    assert!(a.contains("✓ right answer"));
    assert!(a.contains("your pick"));
    let single = study_html(&[], "japan-russia-covid19/abe-summit-goal", false, "", &[]);
    assert!(single.contains(r#"role="radio""#));
    assert!(single.contains("Pick one."));
}

#[test]
fn true_false_and_cloze() {
    let tf = study_html(
        &[],
        "japan-russia-covid19/japan-joined-milder-sanctions",
        false,
        "",
        &[],
    );
    assert!(tf.contains(">True<") && tf.contains(">False<"), "{tf}");
    assert!(tf.contains(r#"aria-keyshortcuts="T""#));
    let cz = study_html(
        &[],
        "japan-russia-covid19/more-than-partnership-less-than-alliance#c2",
        false,
        "",
        &[],
    );
    assert!(
        cz.contains("more than a strategic partnership but less than a [...]"),
        "{cz}"
    );
    assert!(cz.contains("Missing text"));
    let answered = study_html(
        &[],
        "japan-russia-covid19/more-than-partnership-less-than-alliance#c2",
        true,
        "formal military alliance",
        &[],
    );
    assert!(answered.contains("✓ Correct"), "{answered}");
}

#[test]
fn settings_screen_has_labelled_fields() {
    let (_dir, lib) = library(&[]);
    let html = render(Boot::at(Ok(lib), Screen::Settings));
    for label in [
        "Desired retention (%)",
        "New cards per day",
        "Reviews per day",
        "Learning steps",
        "Relearning steps",
        "New day starts at (hour)",
        "Theme",
        "Text size (%)",
    ] {
        assert!(html.contains(label), "{label} missing: {html}");
    }
    assert!(html.contains(r#"value="1m 10m""#));
    assert!(html.contains(r#"aria-describedby="retention-hint""#));
    // Each field has its message line, empty and holding its space.
    assert!(
        html.contains(r#"<p id="retention-message" class="field-error"></p>"#),
        "{html}"
    );
}

#[test]
fn hostile_card_content_never_reaches_the_webview() {
    let set = "tests/fixtures/sets/hostile/hostile.json";
    let (_dir, lib) = library(&[set]);
    let mut pages = vec![render(Boot::new(Ok(lib)))];
    for (key, answered, picked) in [
        ("hostile/flash", false, vec![]),
        ("hostile/flash", true, vec![]),
        ("hostile/typed", true, vec![]),
        ("hostile/mc", false, vec![]),
        ("hostile/mc", true, vec![0]),
        ("hostile/tf", true, vec![]),
        ("hostile/cz#c1", true, vec![]),
    ] {
        pages.push(study_html(&[set], key, answered, "x", &picked));
    }
    for html in pages {
        assert_no_active_content(&html);
        // The text itself is still shown, escaped.
        assert!(html.contains("&lt;") || html.contains("&#60;"), "{html}");
    }
}

/// Text is escaped by construction (a raw `<` only ever starts a tag the
/// app wrote), so check every tag: no script-capable element, no event
/// handler attribute, no `javascript:` or `data:` link.
fn assert_no_active_content(html: &str) {
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("").to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            ![
                "script", "iframe", "img", "svg", "style", "object", "embed", "link", "meta"
            ]
            .contains(&name.as_str()),
            "<{tag}> in:\n{html}"
        );
        for attr in tag.split_whitespace().skip(1) {
            assert!(!attr.starts_with("on"), "handler in <{tag}>");
            for url_attr in ["href=", "src=", "action="] {
                if let Some(v) = attr.strip_prefix(url_attr) {
                    let v = v.trim_matches('"');
                    assert!(
                        !v.starts_with("javascript") && !v.starts_with("data"),
                        "<{tag}>"
                    );
                }
            }
        }
    }
}

mod exam {
    use super::*;
    use kioku_core::bank::SetId;
    use kioku_core::exam::{ExamAnswer, ExamConfig, ExamSession};
    use kioku_core::grader::Response;

    fn set() -> SetId {
        SetId::new("japan-russia-covid19").unwrap()
    }

    #[test]
    fn setup_offers_count_tags_types_time_limit_and_feedback() {
        let (_dir, lib) = library(&[]);
        let html = render(Boot::at(Ok(lib), Screen::ExamSetup(set())));
        for text in [
            "Self-test",
            "Number of questions",
            "Only these tags",
            "outlook",
            "Only these types",
            "Time limit (minutes)",
            "Show right or wrong after each question",
            "Start the test",
            "No self-tests on this set yet.",
        ] {
            assert!(html.contains(text), "{text} missing: {html}");
        }
        assert!(html.contains("Your review schedule is not changed."));
    }

    #[test]
    fn a_question_with_a_countdown_and_the_result_review() {
        let (_dir, lib) = library(&[]);
        let mut config = ExamConfig::new(set(), 3);
        config.count = Some(4);
        config.time_limit = Some(10);
        let exam = new_exam(&lib, config, Timestamp::now()).unwrap();
        let session = ExamSession::new(exam);
        let html = render(Boot::at(
            Ok(lib),
            Screen::Exam {
                session: session.clone(),
                saved: false,
            },
        ));
        assert!(html.contains("question 1 of 4"), "{html}");
        assert!(html.contains(r#"role="timer""#));
        assert!(
            html.contains("9:5") || html.contains("10:00"),
            "countdown shown: {html}"
        );

        let (_dir, lib) = library(&[]);
        let mut s = session;
        let first_answer = s.exam.items[0].answer.clone();
        s.exam
            .answer(0, ExamAnswer::Response(Response::Typed("wrong".into())));
        s.finish(s.exam.started_at);
        let html = render(Boot::at(
            Ok(lib),
            Screen::Exam {
                session: s,
                saved: false,
            },
        ));
        assert!(html.contains("Score: "), "{html}");
        assert!(html.contains("Retry mistakes"));
        assert!(html.contains("Every question"));
        assert!(html.contains("Your answer: "));
        assert!(html.contains("(none)"), "unanswered questions say so");
        assert!(html.contains(&first_answer.split_whitespace().next().unwrap().to_string()));
    }
}

#[test]
fn statistics_screen_draws_charts_with_text_alternatives() {
    use kioku_core::review::{EventId, Mode};
    use kioku_core::scheduler::Rating;
    let (_dir, mut lib) = library(&[]);
    let key = CardKey::parse("japan-russia-covid19/abe-return-year").unwrap();
    let now = Timestamp::now();
    let n = lib.now(now);
    lib.answer(
        &key,
        Rating::Good,
        n,
        3000,
        Mode::Study,
        EventId("a".into()),
    )
    .unwrap();
    let html = render(Boot::at(Ok(lib), Screen::Stats(None)));
    for text in [
        "Statistics",
        "All decks",
        "Reviews per day",
        "Due in the next 30 days",
        "True retention",
        "Stability (days)",
        "Difficulty (1–10)",
        "Retrievability now",
        "3.0 s",
        "per answer",
    ] {
        assert!(html.contains(text), "{text} missing: {html}");
    }
    assert!(html.contains(r#"role="img""#));
    assert!(
        html.contains("aria-label=\"1 review on 1 of the last 365 days.\""),
        "{html}"
    );
    assert!(html.contains("<title>"), "tooltips on the marks");
}

#[test]
fn editor_shows_check_messages_next_to_fields() {
    use kioku_core::editor::{Draft, DraftQuestion, EditorState};
    let (_dir, lib) = library(&[]);
    let mut draft = Draft::new_set("Capitals", &[]);
    let mut q = DraftQuestion::new(kioku_core::bank::QuestionKind::MultipleChoice);
    q.prompt = "Capital of Japan?".into();
    q.choices = vec![("Tokyo".into(), false), ("Kyoto".into(), false)];
    draft.questions.push(q);
    let mut state = EditorState::new(draft, false);
    // Nothing typed yet: no complaints.
    let (_dir2, lib2) = library(&[]);
    let html = render(Boot::at(Ok(lib2), Screen::Editor(state.clone())));
    assert!(!html.contains("Mark at least one choice"), "{html}");
    assert!(!html.contains(r#"aria-invalid="true""#), "{html}");
    // Once a save was tried, every problem shows, in plain words.
    assert!(state.try_save().is_err());
    let html = render(Boot::at(Ok(lib), Screen::Editor(state)));
    assert!(html.contains("Edit set"), "{html}");
    assert!(
        html.contains("<p class=\"field-error\">Mark at least one choice as correct</p>"),
        "{html}"
    );
    assert!(html.contains("1 problem to fix"));
    assert!(html.contains(r#"aria-label="Choice 1 is correct""#));
    assert!(html.contains("Make") || html.contains("Add a choice"));
}

/// A self-test on `config.set` of `lib`.
fn new_exam(
    lib: &kioku_core::library::Library,
    config: kioku_core::exam::ExamConfig,
    now: jiff::Timestamp,
) -> Result<kioku_core::exam::Exam, kioku_core::exam::ExamError> {
    let set = lib
        .set(&config.set)
        .expect("the test's set is in the library");
    kioku_core::exam::Exam::new(set, config, now)
}

/// The start tag of the element with `id` in `html`.
fn tag_with_id<'a>(html: &'a str, element: &str, id: &str) -> &'a str {
    let needle = format!(r#"id="{id}""#);
    let at = html
        .find(&needle)
        .unwrap_or_else(|| panic!("no #{id} in {html}"));
    let start = html[..at]
        .rfind(&format!("<{element}"))
        .unwrap_or_else(|| panic!("#{id} is not a <{element}>: {html}"));
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

/// A running app: events are dispatched to the virtual DOM as the webview
/// would send them, and the scripts it asks the webview to run are kept.
pub(crate) mod live {
    use std::any::Any;
    use std::cell::RefCell;
    use std::rc::Rc;

    use dioxus::core::{ElementId, Mutation, Mutations};
    use dioxus::document::{Document, Eval, NoOpDocument};
    use dioxus::html::{
        Code, Location, Modifiers, PlatformEventData, SerializedFormData,
        SerializedHtmlEventConverter, SerializedKeyboardData, SerializedMouseData,
    };
    use dioxus::prelude::*;
    use kioku_app::{App, Boot};

    struct Recorder(Rc<RefCell<Vec<String>>>);

    impl Document for Recorder {
        fn eval(&self, js: String) -> Eval {
            self.0.borrow_mut().push(js.clone());
            NoOpDocument.eval(js)
        }
    }

    pub struct Live {
        dom: VirtualDom,
        /// Listeners added by the first render: (event, element).
        pub first: Vec<(String, ElementId)>,
        /// Scripts run in the webview, in order.
        pub evals: Rc<RefCell<Vec<String>>>,
        /// Elements by the `id` attribute renders gave them (dynamic ids
        /// only), the latest render's last.
        ids: std::collections::HashMap<String, ElementId>,
    }

    /// The `id` attributes set by `m`.
    fn ids(m: &Mutations) -> Vec<(String, ElementId)> {
        m.edits
            .iter()
            .filter_map(|e| match e {
                Mutation::SetAttribute {
                    name: "id",
                    value: dioxus::core::AttributeValue::Text(v),
                    id,
                    ..
                } => Some((v.clone(), *id)),
                _ => None,
            })
            .collect()
    }

    fn listeners(m: Mutations) -> Vec<(String, ElementId)> {
        m.edits
            .into_iter()
            .filter_map(|e| match e {
                Mutation::NewEventListener { name, id } => Some((name, id)),
                _ => None,
            })
            .collect()
    }

    impl Live {
        pub fn new(boot: Boot) -> Self {
            Self::speaking(boot, kioku_app::Lang::En)
        }

        /// The app running in `lang`.
        pub fn speaking(boot: Boot, lang: kioku_app::Lang) -> Self {
            dioxus::html::set_event_converter(Box::new(SerializedHtmlEventConverter));
            let evals = Rc::new(RefCell::new(Vec::new()));
            let doc: Rc<dyn Document> = Rc::new(Recorder(evals.clone()));
            let mut dom = VirtualDom::new(App)
                .with_root_context(boot.speaking(lang))
                .with_root_context(doc);
            let mut m = Mutations::default();
            dom.rebuild(&mut m);
            Live {
                dom,
                ids: ids(&m).into_iter().collect(),
                first: listeners(m),
                evals,
            }
        }

        /// The element the first render gave a listener for `event`, the
        /// `nth` such (0 is the outermost: the app's key handler for
        /// keydown).
        pub fn element(&self, event: &str, nth: usize) -> ElementId {
            self.first
                .iter()
                .filter(|(n, _)| n == event)
                .nth(nth)
                .unwrap_or_else(|| panic!("no {nth}th {event} listener in {:?}", self.first))
                .1
        }

        /// Dispatch `data` as `event` on `id`; returns the listeners the
        /// resulting render added.
        pub fn fire(
            &mut self,
            event: &str,
            data: Box<dyn Any>,
            id: ElementId,
        ) -> Vec<(String, ElementId)> {
            let e = dioxus::core::Event::new(
                Rc::new(PlatformEventData::new(data)) as Rc<dyn Any>,
                true,
            );
            self.dom.runtime().handle_event(event, e, id);
            self.dom.process_events();
            let m = self.dom.render_immediate_to_vec();
            self.ids.extend(ids(&m));
            listeners(m)
        }

        /// The element rendered with `id` (set dynamically, as the
        /// shared field component does).
        pub fn by_id(&self, id: &str) -> ElementId {
            *self
                .ids
                .get(id)
                .unwrap_or_else(|| panic!("no element with id {id}: {:?}", self.ids))
        }

        pub fn input(&mut self, id: ElementId, text: &str) {
            let data = SerializedFormData::new(text.to_owned(), Vec::new());
            self.fire("input", Box::new(data), id);
        }

        pub fn key(
            &mut self,
            id: ElementId,
            key: Key,
            composing: bool,
        ) -> Vec<(String, ElementId)> {
            self.key_with(id, key, Modifiers::empty(), composing)
        }

        pub fn key_with(
            &mut self,
            id: ElementId,
            key: Key,
            modifiers: Modifiers,
            composing: bool,
        ) -> Vec<(String, ElementId)> {
            let data = SerializedKeyboardData::new(
                key,
                Code::Unidentified,
                Location::Standard,
                false,
                modifiers,
                composing,
            );
            self.fire("keydown", Box::new(data), id)
        }

        pub fn click(&mut self, id: ElementId) -> Vec<(String, ElementId)> {
            self.fire("click", Box::new(SerializedMouseData::default()), id)
        }

        pub fn html(&self) -> String {
            dioxus_ssr::render(&self.dom)
        }

        /// Run `f` inside the app component (where its context is), then
        /// render what changed.
        pub fn run<R>(&mut self, f: impl FnOnce() -> R) -> R {
            let r = self.dom.in_scope(ScopeId::APP, f);
            self.dom.process_events();
            self.dom.render_immediate_to_vec();
            r
        }
    }
}

#[test]
fn the_study_answer_field_is_uncontrolled_and_grading_uses_what_was_typed() {
    // The field never gets its text written back from the session: even
    // with something typed, it renders without a value.
    let key = "japan-russia-covid19/abe-return-year";
    let html = study_html(&[], key, false, "201", &[]);
    let input = tag_with_id(&html, "input", "answer");
    assert!(!input.contains("value="), "{input}");

    // What the field reports through oninput is what gets graded.
    let (_dir, lib) = library(&[]);
    let session = session_on(&lib, key, false, "", &[]);
    let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Study(session)));
    let field = app.element("input", 0);
    app.input(field, "201");
    app.input(field, "2012");
    let html = app.html();
    assert!(
        !tag_with_id(&html, "input", "answer").contains("value="),
        "{html}"
    );
    app.key(field, Key::Enter, false);
    let html = app.html();
    assert!(html.contains("✓ Correct"), "{html}");
    assert!(html.contains("rating rating-3 suggested"), "{html}");
}

#[test]
fn a_card_shown_again_after_undo_gets_a_fresh_answer_field() {
    use kioku_core::review::EventId;
    use kioku_core::scheduler::Rating;
    let (_dir, mut lib) = library(&[]);
    // Answer one typed card, then show another typed card.
    let mut s = session_on(
        &lib,
        "japan-russia-covid19/abe-return-year",
        false,
        "2012",
        &[],
    );
    s.submit(&lib, None);
    s.rate(&mut lib, Rating::Good, t(), EventId("r1".into()))
        .unwrap();
    let other = session_on(
        &lib,
        "japan-russia-covid19/trump-expectation",
        false,
        "",
        &[],
    );
    s.current = other.current;
    let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Study(s)));
    let field = app.element("input", 0);
    app.input(field, "half an answer");
    // Ctrl+Z in the (non-empty) field is the field's; on the card it undoes.
    let root = app.element("keydown", 0);
    let added = app.key_with(
        root,
        Key::Character("z".into()),
        dioxus::html::Modifiers::CONTROL,
        false,
    );
    let html = app.html();
    assert!(
        html.contains("in what year did Shinzo Abe return"),
        "{html}"
    );
    assert!(
        added.iter().any(|(n, _)| n == "input"),
        "the undone card reuses the last card's field: {added:?}"
    );
}

#[test]
fn enter_that_ends_an_ime_composition_does_not_submit() {
    // In the typed answer field.
    let key = "japan-russia-covid19/abe-return-year";
    let (_dir, lib) = library(&[]);
    let session = session_on(&lib, key, false, "", &[]);
    let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Study(session)));
    let field = app.element("input", 0);
    app.input(field, "2012");
    app.key(field, Key::Enter, true);
    let html = app.html();
    assert!(
        !html.contains("✓ Correct"),
        "submitted while composing: {html}"
    );
    assert!(html.contains(r#"id="answer""#), "{html}");
    app.key(field, Key::Enter, false);
    assert!(app.html().contains("✓ Correct"));

    // And in the app's shortcuts (a flashcard shows its answer on Enter).
    let key = "japan-russia-covid19/abe-cancelled-moscow-visit";
    let (_dir, lib) = library(&[]);
    let session = session_on(&lib, key, false, "", &[]);
    let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Study(session)));
    let root = app.element("keydown", 0);
    app.key(root, Key::Enter, true);
    assert!(
        app.html().contains("Show answer"),
        "revealed while composing"
    );
    app.key(root, Key::Enter, false);
    assert!(!app.html().contains("Show answer"));
}

/// The overlay's title and its Close button sit in a header outside the
/// part that scrolls: focusing Close (it is focused on open) must not
/// scroll the title out of view, as it did at 1920×1080 and at 800×600.
#[test]
fn the_shortcut_overlay_keeps_its_title_and_close_button_above_the_scrolling_list() {
    let key = "japan-russia-covid19/abe-cancelled-moscow-visit";
    let (_dir, lib) = library(&[]);
    let session = session_on(&lib, key, false, "", &[]);
    let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Study(session)));
    let root = app.element("keydown", 0);
    app.key(root, Key::Character("?".into()), false);
    let html = app.html();
    let head = html
        .find(r#"class="dialog-head""#)
        .unwrap_or_else(|| panic!("no dialog header: {html}"));
    let body = html
        .find(r#"class="dialog-body""#)
        .unwrap_or_else(|| panic!("no scrolling body: {html}"));
    let title = html.find(r#"id="help-title""#).unwrap();
    let close = html.find(">Close</button>").unwrap();
    let first_group = html.find("Everywhere").unwrap();
    assert!(
        head < title && title < body,
        "the title is in the header: {html}"
    );
    assert!(
        head < close && close < body,
        "Close is in the header: {html}"
    );
    assert!(body < first_group, "the list scrolls in the body: {html}");
    assert_eq!(html.matches(">Close</button>").count(), 1, "{html}");
    let css = kioku_app::STYLE;
    let rule = css
        .split(".dialog-body {")
        .nth(1)
        .and_then(|r| r.split('}').next())
        .unwrap_or_else(|| panic!("no .dialog-body rule in app.css"));
    assert!(rule.contains("overflow: auto"), "the body scrolls: {rule}");
}

#[test]
fn closing_the_shortcut_overlay_by_any_means_gives_focus_back() {
    let key = "japan-russia-covid19/abe-cancelled-moscow-visit";
    let (_dir, lib) = library(&[]);
    let session = session_on(&lib, key, false, "", &[]);
    let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Study(session)));
    let root = app.element("keydown", 0);
    let open = |app: &mut live::Live| {
        app.evals.borrow_mut().clear();
        let added = app.key(root, Key::Character("?".into()), false);
        assert!(app.html().contains(r#"role="dialog""#), "overlay open");
        assert!(
            app.evals
                .borrow()
                .iter()
                .any(|js| js == kioku_app::REMEMBER_FOCUS_JS),
            "what had focus is remembered: {:?}",
            app.evals.borrow()
        );
        app.evals.borrow_mut().clear();
        added
    };
    let closed_and_refocused = |app: &mut live::Live, how: &str| {
        assert!(
            !app.html().contains(r#"role="dialog""#),
            "{how}: still open"
        );
        assert!(
            app.evals
                .borrow()
                .iter()
                .any(|js| js == kioku_app::REFOCUS_JS),
            "{how}: focus is not given back: {:?}",
            app.evals.borrow()
        );
    };

    open(&mut app);
    app.key(root, Key::Character("?".into()), false);
    closed_and_refocused(&mut app, "?");

    open(&mut app);
    app.key(root, Key::Escape, false);
    closed_and_refocused(&mut app, "Esc");

    let added = open(&mut app);
    let close = added
        .iter()
        .find(|(n, _)| n == "click")
        .expect("the overlay's Close button")
        .1;
    app.click(close);
    closed_and_refocused(&mut app, "the Close button");

    // Shortcuts work again: Space shows the answer.
    app.key(root, Key::Character(" ".into()), false);
    assert!(!app.html().contains("Show answer"));
}

#[test]
fn the_self_test_answer_field_is_uncontrolled() {
    use kioku_core::bank::{QuestionKind, SetId};
    use kioku_core::exam::{ExamConfig, ExamSession};
    let (_dir, lib) = library(&[]);
    let set = SetId::new("japan-russia-covid19").unwrap();
    let mut config = ExamConfig::new(set.clone(), 3);
    config.types = vec![QuestionKind::Typed];
    let exam = new_exam(&lib, config, Timestamp::now()).unwrap();
    let mut session = ExamSession::new(exam);
    session.typed = "half-typed".into();
    let html = render(Boot::at(
        Ok(lib),
        Screen::Exam {
            session,
            saved: false,
        },
    ));
    let input = tag_with_id(&html, "input", "exam-answer");
    assert!(!input.contains("value="), "{input}");
}

#[test]
fn each_self_test_question_gets_a_fresh_answer_field() {
    use kioku_core::bank::{QuestionKind, SetId};
    use kioku_core::exam::{ExamConfig, ExamSession};
    let (_dir, lib) = library(&[]);
    let set = SetId::new("japan-russia-covid19").unwrap();
    let mut config = ExamConfig::new(set.clone(), 3);
    config.types = vec![QuestionKind::Typed];
    config.count = Some(2);
    let exam = new_exam(&lib, config, Timestamp::now()).unwrap();
    // The countdown's task sleeps on tokio.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let _in_runtime = rt.enter();
    let mut app = live::Live::new(Boot::at(
        Ok(lib),
        Screen::Exam {
            session: ExamSession::new(exam),
            saved: false,
        },
    ));
    let field = app.element("input", 0);
    app.input(field, "not this");
    let added = app.key(field, Key::Enter, false);
    let html = app.html();
    assert!(html.contains("question 2 of 2"), "{html}");
    // An uncontrolled field kept for the next question would still show
    // the last answer: the next question must get a new one.
    assert!(
        added.iter().any(|(n, _)| n == "input"),
        "the second question reuses the first one's field: {added:?}"
    );
}

#[test]
fn editor_cloze_hint_shows_double_braces_and_fields_are_uncontrolled() {
    use kioku_core::editor::{Draft, DraftQuestion, EditorState};
    let (_dir, lib) = library(&[]);
    let mut draft = Draft::new_set("Capitals", &[]);
    let mut q = DraftQuestion::new(kioku_core::bank::QuestionKind::Cloze);
    q.text = "The capital of Japan is {{Tokyo}}.".into();
    draft.questions.push(q);
    let html = render(Boot::at(
        Ok(lib),
        Screen::Editor(EditorState::new(draft, false)),
    ));
    assert!(
        html.contains("Text: write each blank as {{answer}}"),
        "{html}"
    );
    // The type select shows the question's type (a select's `value` does
    // not pick an option in the webview: it showed "flashcard").
    assert!(
        html.contains(r#"<option value="cloze" selected=true>"#),
        "{html}"
    );
    assert!(!html.contains(r#"<option value="flashcard" selected=true>"#));
    // The fields show the draft's text when they appear, but are never
    // written to from state afterwards.
    let title = tag_with_id(&html, "input", "set-title");
    assert!(!title.contains(" value="), "{title}");
    let text = tag_with_id(&html, "textarea", "cloze-text");
    assert!(!text.contains(" value="), "{text}");
    assert!(title.contains(r#"initial_value="Capitals""#), "{title}");
    assert!(
        text.contains(r#"initial_value="The capital of Japan is {{Tokyo}}.""#),
        "{text}"
    );
}

/// Hooks must run in the same order on every render: in every component,
/// no hook is called after an early `return`.
#[test]
fn components_call_every_hook_before_any_early_return() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/components"));
    let mut bad = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let src = std::fs::read_to_string(&path).unwrap();
        for component in src.split("#[component]").skip(1) {
            // The component's body runs until the next item at column 0.
            let body = component.split("\n}\n").next().unwrap_or(component);
            let name = body
                .split("fn ")
                .nth(1)
                .and_then(|s| s.split('(').next())
                .unwrap_or("?");
            let Some(first_return) = body.find("return ") else {
                continue;
            };
            let after = &body[first_return..];
            let hook = after.match_indices("use_").find(|(i, _)| {
                let before = after[..*i].chars().last();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
                    && after[*i..]
                        .chars()
                        .skip(4)
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .count()
                        > 0
                    && after[*i..]
                        .chars()
                        .find(|c| !(c.is_alphanumeric() || *c == '_'))
                        == Some('(')
            });
            if let Some((i, _)) = hook {
                let call: String = after[i..].chars().take_while(|c| *c != '(').collect();
                bad.push(format!(
                    "{}: {name} calls {call} after a return",
                    path.display()
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

mod media {
    use super::*;
    use kioku_app::{content_security_policy, custom_head, media_response};
    use kioku_core::media::UrlForm;

    /// A data directory with set `pics` whose prompt shows an image and
    /// plays a sound from `sets/pics.media/`.
    fn data_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let sets = dir.path().join("sets");
        std::fs::create_dir_all(sets.join("pics.media")).unwrap();
        std::fs::write(sets.join("pics.media/cat.png"), b"\x89PNG").unwrap();
        std::fs::write(sets.join("pics.media/meow.mp3"), b"ID3").unwrap();
        std::fs::write(sets.join("pics.media/d.svg"), b"<svg/>").unwrap();
        std::fs::write(dir.path().join("secret.png"), b"secret").unwrap();
        std::fs::write(
            sets.join("pics.json"),
            r#"{"kioku": 1, "id": "pics", "title": "Pictures", "language": "en",
                "questions": [{"id": "cat", "type": "flashcard",
                  "prompt": "What is this? ![a grey cat](cat.png) ![meow](meow.mp3) ![x](https://example.org/x.png)",
                  "answer": "A cat"}]}"#,
        )
        .unwrap();
        dir
    }

    #[test]
    fn a_card_shows_its_image_and_audio_from_the_media_scheme() {
        let dir = data_dir();
        let lib = Library::open(dir.path(), TimeZone::UTC, || "test-device".into()).unwrap();
        assert!(lib.warnings().is_empty(), "{:?}", lib.warnings());
        let session = session_on(&lib, "pics/cat", false, "", &[]);
        let html = render(Boot::at(Ok(lib), Screen::Study(session)));
        assert!(
            html.contains(r#"<img src="kioku-media://pics/cat.png" alt="a grey cat">"#),
            "{html}"
        );
        assert!(
            html.contains(
                r#"<audio controls src="kioku-media://pics/meow.mp3" aria-label="meow">"#
            ),
            "{html}"
        );
        assert!(!html.contains("example.org/"), "{html}");
        assert!(html.contains("not loaded"), "{html}");
    }

    #[test]
    fn the_protocol_serves_only_files_inside_the_media_folder() {
        let dir = data_dir();
        let sets = dir.path().join("sets");
        let ok = media_response(&sets, "kioku-media://pics/cat.png");
        assert_eq!(ok.status(), 200);
        assert_eq!(ok.headers()["Content-Type"], "image/png");
        assert_eq!(ok.headers()["X-Content-Type-Options"], "nosniff");
        assert_eq!(&ok.body()[..], b"\x89PNG");
        let svg = media_response(&sets, "kioku-media://pics/d.svg");
        assert_eq!(svg.headers()["Content-Type"], "image/svg+xml");
        assert!(
            svg.headers()["Content-Security-Policy"]
                .to_str()
                .unwrap()
                .starts_with("default-src 'none'")
        );
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("secret.png"), sets.join("pics.media/s.png"))
            .unwrap();
        for bad in [
            "kioku-media://pics/../../secret.png",
            "kioku-media://pics/..%2F..%2Fsecret.png",
            "kioku-media://pics/%2Fetc%2Fpasswd",
            "kioku-media://pics/s.png",
            "kioku-media://other/cat.png",
            "kioku-media://pics/pics.json",
        ] {
            let r = media_response(&sets, bad);
            assert_eq!(r.status(), 404, "{bad}");
            assert!(!r.body().starts_with(b"secret"), "{bad}");
        }
    }

    #[test]
    fn z_enlarges_an_image_and_esc_closes_it_and_gives_focus_back() {
        use kioku_app::components::media_view::{open_zoom, zoom_open};
        let dir = data_dir();
        let lib = Library::open(dir.path(), TimeZone::UTC, || "test-device".into()).unwrap();
        let session = session_on(&lib, "pics/cat", false, "", &[]);
        let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Study(session)));
        let root = app.element("keydown", 0);
        // R replays the card's sound.
        app.key(root, Key::Character("r".into()), false);
        assert!(
            app.evals
                .borrow()
                .iter()
                .any(|js| js == kioku_app::components::media_view::REPLAY_JS),
            "{:?}",
            app.evals.borrow()
        );
        // Only a kioku-media URL is ever enlarged.
        app.run(|| open_zoom("https://evil.example/x.png".into(), "x".into()));
        assert!(!app.html().contains("overlay zoom"));
        app.evals.borrow_mut().clear();
        app.run(|| open_zoom("kioku-media://pics/cat.png".into(), "a grey cat".into()));
        let html = app.html();
        assert!(html.contains(r#"class="overlay zoom""#), "{html}");
        assert!(
            html.contains(r#"aria-label="Enlarged image: a grey cat""#),
            "{html}"
        );
        assert!(
            html.contains(r#"<img src="kioku-media://pics/cat.png" alt="a grey cat""#),
            "{html}"
        );
        assert!(
            app.evals
                .borrow()
                .iter()
                .any(|js| js == kioku_app::REMEMBER_FOCUS_JS)
        );
        // Space does not show the answer under the overlay; Esc closes it
        // and stays on the card.
        app.key(root, Key::Character(" ".into()), false);
        assert!(app.html().contains("Show answer"));
        app.key(root, Key::Escape, false);
        assert!(!app.run(zoom_open));
        let html = app.html();
        assert!(!html.contains("overlay zoom"), "{html}");
        assert!(
            html.contains("Show answer"),
            "Esc left the study screen: {html}"
        );
        assert!(
            app.evals
                .borrow()
                .iter()
                .any(|js| js == kioku_app::REFOCUS_JS)
        );
    }

    #[test]
    fn the_help_lists_the_media_keys() {
        let dir = data_dir();
        let lib = Library::open(dir.path(), TimeZone::UTC, || "test-device".into()).unwrap();
        let session = session_on(&lib, "pics/cat", false, "", &[]);
        let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Study(session)));
        let root = app.element("keydown", 0);
        app.key(root, Key::Character("?".into()), false);
        let html = app.html();
        assert!(html.contains("<kbd>Z</kbd>"), "{html}");
        assert!(
            html.contains("Enlarge the card&#39;s image")
                || html.contains("Enlarge the card's image"),
            "{html}"
        );
        assert!(html.contains("<kbd>R</kbd>"), "{html}");
        assert!(html.contains("Replay the card"), "{html}");
    }

    #[test]
    fn the_editor_shows_the_add_control_thumbnails_and_preview_images() {
        use kioku_core::editor::{Draft, EditorState};
        let dir = data_dir();
        let lib = Library::open(dir.path(), TimeZone::UTC, || "test-device".into()).unwrap();
        let set = lib
            .set(&kioku_core::bank::SetId::new("pics").unwrap())
            .unwrap()
            .clone();
        let mut state = EditorState::new(Draft::from_set(&set), true);
        state.selected = Some(0);
        let html = render(Boot::at(Ok(lib), Screen::Editor(state)));
        assert!(html.contains("Add image or sound…"), "{html}");
        assert!(html.contains(r#"for="media-alt""#), "{html}");
        assert!(
            html.contains(
                r#"<img class="thumb" src="kioku-media://pics/cat.png" alt="a grey cat"/>"#
            ),
            "{html}"
        );
        // The preview shows the picture as studying does.
        assert!(
            html.contains(r#"<img src="kioku-media://pics/cat.png" alt="a grey cat">"#),
            "{html}"
        );
        // No alt text yet: adding is not possible.
        let button = html.split("Add image or sound…").next().unwrap();
        assert!(
            button
                .rsplit("<button")
                .next()
                .unwrap()
                .contains("disabled"),
            "{html}"
        );
    }

    #[test]
    fn added_media_goes_to_the_focused_field_at_its_cursor() {
        use dioxus::html::SerializedFocusData;
        use kioku_app::AppCtx;
        use kioku_app::components::media_picker::{Source, add};
        use kioku_core::editor::{Draft, EditorState};
        let dir = data_dir();
        let lib = Library::open(dir.path(), TimeZone::UTC, || "test-device".into()).unwrap();
        let id = kioku_core::bank::SetId::new("pics").unwrap();
        let set = lib.set(&id).unwrap().clone();
        let mut state = EditorState::new(Draft::from_set(&set), true);
        state.selected = Some(0);
        let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Editor(state)));
        let selected = |html: &str| {
            let select = html.split(r#"id="media-field""#).nth(1).unwrap();
            let select = &select[..select.find("</select>").unwrap()];
            select
                .split("<option")
                .find(|o| o.contains("selected"))
                .map(|o| o[o.find('>').unwrap() + 1..o.find("</option>").unwrap()].to_owned())
        };
        // Nothing focused yet: the first field, at its end.
        let html = app.html();
        assert_eq!(selected(&html).as_deref(), Some("Prompt"), "{html}");
        assert!(html.contains("At the end of this field"), "{html}");
        // The explanation gets the focus: "Add to" follows it, at the cursor.
        let field = app.by_id("q-explanation");
        app.fire("focus", Box::new(SerializedFocusData::default()), field);
        let html = app.html();
        assert_eq!(selected(&html).as_deref(), Some("Explanation"), "{html}");
        assert!(html.contains("At the cursor in this field."), "{html}");
        // A picked file goes in at the cursor the field reported (after
        // "What is this?", 13 UTF-16 units), not at the end.
        let map = dir.path().join("map.png");
        std::fs::write(&map, b"\x89PNG map").unwrap();
        let said = app.run(|| {
            let ctx: AppCtx = consume_context();
            add(
                ctx,
                0,
                "prompt",
                Source::File(map.clone()),
                "a map",
                Some((13, 13)),
            )
        });
        assert!(said.starts_with("Added "), "{said}");
        let prompt = |app: &mut live::Live| {
            app.run(|| {
                let ctx: AppCtx = consume_context();
                ctx.editor().unwrap().draft.questions[0].prompt.clone()
            })
        };
        let p = prompt(&mut app);
        let name = p
            .split("![a map](")
            .nth(1)
            .and_then(|r| r.split(')').next())
            .unwrap_or_else(|| panic!("{p}"))
            .to_owned();
        assert_eq!(
            p,
            format!(
                "What is this?![a map]({name}) ![a grey cat](cat.png) ![meow](meow.mp3) ![x](https://example.org/x.png)"
            )
        );
        assert!(dir.path().join("sets/pics.media").join(&name).exists());
        // The field was rebuilt with the new text, and the cursor is put
        // after what went in.
        assert!(
            app.evals
                .borrow()
                .iter()
                .any(|js| js.contains(r#"getElementById("q-prompt")"#)
                    && js.contains("setSelectionRange(43, 43)")),
            "{:?}",
            app.evals.borrow()
        );
        // No cursor (chosen under "Add to"): at the end, a paragraph of
        // its own; a pasted image the same way as a file.
        let said = app.run(|| {
            let ctx: AppCtx = consume_context();
            let source = Source::Pasted {
                bytes: b"GIF89a".to_vec(),
                ext: "gif".into(),
            };
            add(ctx, 0, "answer", source, "pasted", None)
        });
        assert!(said.contains("the pasted image"), "{said}");
        let a = app.run(|| {
            let ctx: AppCtx = consume_context();
            ctx.editor().unwrap().draft.questions[0].answer.clone()
        });
        assert!(a.starts_with("A cat\n\n![pasted]("), "{a}");
        assert!(a.ends_with(".gif)"), "{a}");
        // Refused: said so, nothing changed.
        let said = app.run(|| {
            let ctx: AppCtx = consume_context();
            add(
                ctx,
                0,
                "answer",
                Source::File(map.clone()),
                " ",
                Some((0, 0)),
            )
        });
        assert!(said.starts_with("Not added:"), "{said}");
        let a2 = app.run(|| {
            let ctx: AppCtx = consume_context();
            ctx.editor().unwrap().draft.questions[0].answer.clone()
        });
        assert_eq!(a2, a);
    }

    #[test]
    fn only_image_types_are_taken_from_the_clipboard() {
        use kioku_app::components::media_picker::pasted_extension;
        assert_eq!(pasted_extension("image/png"), Some("png"));
        assert_eq!(pasted_extension("IMAGE/JPEG"), Some("jpg"));
        assert_eq!(pasted_extension("image/webp"), Some("webp"));
        assert_eq!(pasted_extension("image/svg+xml"), None);
        assert_eq!(pasted_extension("text/html"), None);
    }

    #[test]
    fn a_save_that_drops_the_last_use_offers_to_delete_and_deletes_only_when_asked() {
        use kioku_app::AppCtx;
        use kioku_app::components::media_picker::{after_save, before_save};
        use kioku_core::editor::{Draft, EditorState};
        let dir = data_dir();
        let media = dir.path().join("sets/pics.media");
        let lib = Library::open(dir.path(), TimeZone::UTC, || "test-device".into()).unwrap();
        let id = kioku_core::bank::SetId::new("pics").unwrap();
        let set = lib.set(&id).unwrap().clone();
        let state = EditorState::new(Draft::from_set(&set), true);
        let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Editor(state)));
        app.run(|| {
            let mut ctx: AppCtx = consume_context();
            let mut edited = set.clone();
            if let kioku_core::bank::QuestionBody::Flashcard { prompt, .. } =
                &mut edited.questions[0].body
            {
                *prompt = "What is this? ![a grey cat](cat.png)".into();
            }
            let before = before_save(ctx, &edited);
            let saved = ctx.library.write().as_mut().unwrap().save_set(edited);
            saved.unwrap();
            after_save(ctx, before);
        });
        let html = app.html();
        assert!(
            html.contains(
                "No question uses this file any more: meow.mp3. Delete it from the set&#39;s media folder?"
            ),
            "{html}"
        );
        assert!(media.join("meow.mp3").exists(), "deleted without asking");
        assert!(media.join("cat.png").exists());
        let html_before = app.html();
        assert!(html_before.contains("Delete the files"));
        // What the offer's "Delete the files" button does.
        app.run(|| kioku_app::components::media_picker::delete_offered(consume_context()));
        assert!(!media.join("meow.mp3").exists());
        assert!(media.join("cat.png").exists());
        assert!(!app.html().contains("No question uses these files"));
    }

    #[test]
    fn the_editors_save_button_offers_to_delete_a_file_no_longer_used() {
        use kioku_app::AppCtx;
        use kioku_core::editor::{Draft, EditorState};
        let dir = data_dir();
        let lib = Library::open(dir.path(), TimeZone::UTC, || "test-device".into()).unwrap();
        let set = lib
            .set(&kioku_core::bank::SetId::new("pics").unwrap())
            .unwrap()
            .clone();
        let mut state = EditorState::new(Draft::from_set(&set), true);
        state.selected = Some(0);
        let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Editor(state)));
        // "← Decks", then "Save".
        let save = app.element("click", 1);
        app.run(|| {
            let ctx: AppCtx = consume_context();
            ctx.with_editor(|e| e.edit(|d| d.questions[0].prompt = "No pictures".into()));
        });
        assert!(!app.html().contains("No question uses these files"));
        app.click(save);
        let html = app.html();
        assert!(
            html.contains("No question uses these files any more: cat.png, meow.mp3."),
            "{html}"
        );
        assert!(dir.path().join("sets/pics.media/cat.png").exists());
    }

    #[test]
    fn the_page_has_a_strict_content_security_policy() {
        let head = custom_head();
        assert!(head.starts_with("<meta http-equiv=\"Content-Security-Policy\""));
        assert!(head.contains(&content_security_policy(UrlForm::NATIVE)));
        // Linux and macOS: the custom scheme; Windows (WebView2): wry's
        // http://kioku-media.localhost. Each allows only its own form.
        for (form, media, other) in [
            (UrlForm::Scheme, "kioku-media:", "kioku-media.localhost"),
            (
                UrlForm::Localhost,
                "http://kioku-media.localhost",
                "kioku-media: ",
            ),
        ] {
            let csp = content_security_policy(form);
            for part in [
                "default-src 'none'".to_owned(),
                format!("img-src {media} data:;"),
                format!("media-src {media};"),
                "style-src 'unsafe-inline'".to_owned(),
                // `document::eval` (focus, selection) needs eval; no
                // remote source is allowed for scripts.
                "script-src 'self' 'unsafe-inline' 'unsafe-eval';".to_owned(),
            ] {
                assert!(csp.contains(&part), "{part} in {csp}");
            }
            assert!(!csp.contains(other), "{other} in {csp}");
            // No whole scheme and no wildcard: nothing remote.
            for token in csp.split([' ', ';']) {
                assert!(
                    !["http:", "https:", "*", "data:*"].contains(&token),
                    "{token}"
                );
            }
            assert!(!csp.contains("https://"), "{csp}");
        }
    }
}

#[test]
fn an_answered_card_offers_its_quote_in_the_whole_interview() {
    let key = "japan-russia-covid19/abe-cancelled-moscow-visit";
    let html = study_html(&[], key, true, "", &[]);
    let button = html
        .split("<button")
        .find(|b| b.contains("read-source"))
        .unwrap_or_else(|| panic!("no reader button: {html}"));
    assert!(button.contains(">From the interview</button>"), "{button}");
    assert!(button.contains(r#"aria-keyshortcuts="O""#), "{button}");
    // Not before answering: the quote gives the answer away.
    let q = study_html(&[], key, false, "", &[]);
    assert!(!q.contains("read-source"));
    // The help lists the shortcut.
    let (_dir, lib) = library(&[]);
    let session = session_on(&lib, key, true, "", &[]);
    let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Study(session)));
    let root = app.element("keydown", 0);
    app.key(root, Key::Character("?".into()), false);
    let help = app.html();
    assert!(
        help.contains("<dt><kbd>O</kbd></dt><dd>After answering: open the source"),
        "{help}"
    );
}

#[test]
fn the_reader_shows_the_whole_source_with_the_quote_marked_and_esc_returns() {
    let key = "japan-russia-covid19/abe-cancelled-moscow-visit";
    let (_dir, lib) = library(&[]);
    let session = session_on(&lib, key, true, "", &[]);
    let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Study(session)));
    let root = app.element("keydown", 0);
    let added = app.key(root, Key::Character("o".into()), false);
    let html = app.html();
    assert!(html.contains(r#"role="dialog""#), "{html}");
    assert!(
        html.contains(r#"<h2 id="reader-title">From the interview</h2>"#),
        "{html}"
    );
    assert!(
        html.contains(
            r#"<mark id="reader-quote">The biggest impact that COVID-19 has had on Japan-Russia relations is that Prime Minister Abe had to cancel his scheduled visit to Moscow</mark>"#
        ),
        "{html}"
    );
    // The rest of the text is there: the question before, the sentence
    // after the quote, and the last words of the interview.
    assert!(html.contains(
        "How has the COVID-19 pandemic impacted the relationship between Japan and Russia?"
    ));
    assert!(html.contains(", where he planned to attend the 75th anniversary"));
    assert!(html.contains("Japan-Russia relations are no exception."));
    assert!(html.contains("Sasakawa Peace Foundation"), "the citation");
    assert_eq!(html.matches("<mark").count(), 1);
    // While open, the card's keys do nothing: 3 does not rate.
    app.key(root, Key::Character("3".into()), false);
    assert!(app.html().contains("reader-quote"));
    // Esc in the reader closes it and focus goes back to what opened it.
    let reader_keys = added
        .iter()
        .filter(|(n, _)| n == "keydown")
        .map(|(_, id)| *id)
        .next()
        .expect("the reader's key handler");
    app.key(reader_keys, Key::Escape, false);
    let html = app.html();
    assert!(!html.contains("reader-quote"), "{html}");
    assert!(html.contains("Rate your answer"), "back on the card");
    let evals = app.evals.borrow();
    assert!(evals.iter().any(|js| js == kioku_app::REMEMBER_FOCUS_JS));
    assert_eq!(
        evals.last().map(String::as_str),
        Some(kioku_app::REFOCUS_JS)
    );
}

/// The editor on a new set as the decks screen opens it: the title and
/// one empty flashcard question, nothing typed yet.
fn new_set_editor() -> (tempfile::TempDir, live::Live) {
    use kioku_core::editor::{Draft, DraftQuestion, EditorState};
    let (dir, lib) = library(&[]);
    let mut draft = Draft::new_set("New set", &["japan-russia-covid19"]);
    draft.questions.push(DraftQuestion::new(
        kioku_core::bank::QuestionKind::Flashcard,
    ));
    let state = EditorState::new(draft, false).with_taken_ids(&["japan-russia-covid19"]);
    (
        dir,
        live::Live::new(Boot::at(Ok(lib), Screen::Editor(state))),
    )
}

/// The text of the field message line with `id`.
fn message_of<'a>(html: &'a str, id: &str) -> &'a str {
    let tag = tag_with_id(html, "p", id);
    let at = html.find(tag).unwrap() + tag.len();
    &html[at..at + html[at..].find("</p>").unwrap()]
}

#[test]
fn editor_fields_are_marked_only_once_typed_in() {
    let (_dir, mut app) = new_set_editor();
    let html = app.html();
    // The question's prompt and answer are empty, but untouched: not red,
    // and their message lines are there (keeping their space) but empty.
    assert!(!html.contains(r#"aria-invalid="true""#), "{html}");
    assert!(!html.contains("field invalid"), "{html}");
    assert_eq!(message_of(&html, "q-prompt-message"), "");
    assert!(
        !tag_with_id(&html, "textarea", "q-prompt").contains("aria-describedby"),
        "{html}"
    );
    assert!(html.contains("Unsaved changes"), "{html}");
    // Emptying the title marks it, and only it.
    let title = app.by_id("set-title");
    app.input(title, "");
    let html = app.html();
    let field = tag_with_id(&html, "input", "set-title");
    assert!(field.contains(r#"aria-invalid="true""#), "{field}");
    assert!(
        field.contains(r#"aria-describedby="set-title-message""#),
        "{field}"
    );
    assert_eq!(
        message_of(&html, "set-title-message"),
        "Give the set a title"
    );
    assert!(
        tag_with_id(&html, "textarea", "q-prompt").contains(r#"aria-invalid="false""#),
        "{html}"
    );
    assert!(html.contains("1 problem to fix"), "{html}");
    // Ctrl+S, like Save, shows every problem.
    let root = app.element("keydown", 0);
    app.key_with(
        root,
        Key::Character("s".into()),
        dioxus::html::Modifiers::CONTROL,
        false,
    );
    let html = app.html();
    assert_eq!(message_of(&html, "q-prompt-message"), "Write the question");
}

#[test]
fn a_failed_save_shows_every_problem_in_plain_words_and_focuses_the_first() {
    let (_dir, mut app) = new_set_editor();
    let save = app.element("click", 1);
    app.evals.borrow_mut().clear();
    app.click(save);
    let html = app.html();
    assert_eq!(message_of(&html, "q-prompt-message"), "Write the question");
    assert_eq!(message_of(&html, "q-answer-message"), "Write the answer");
    assert!(
        tag_with_id(&html, "textarea", "q-prompt").contains(r#"aria-invalid="true""#),
        "{html}"
    );
    assert!(html.contains("2 problems to fix"), "{html}");
    assert!(
        app.evals
            .borrow()
            .iter()
            .any(|js| js.contains(r#"querySelector("[aria-invalid=\"true\"]")"#)),
        "the first field with a problem gets the focus: {:?}",
        app.evals.borrow()
    );
}

#[test]
fn self_test_results_open_the_reader_too() {
    use kioku_core::exam::{ExamConfig, ExamSession};
    let (_dir, lib) = library(&[]);
    let set = kioku_core::bank::SetId::new("japan-russia-covid19").unwrap();
    let mut config = ExamConfig::new(set, 3);
    config.count = Some(2);
    let exam = new_exam(&lib, config, t()).unwrap();
    let mut s = ExamSession::new(exam);
    s.finish(t());
    // The countdown's task sleeps on tokio.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let _in_runtime = rt.enter();
    let fresh = || {
        let (dir, lib) = library(&[]);
        let app = live::Live::new(Boot::at(
            Ok(lib),
            Screen::Exam {
                session: s.clone(),
                saved: false,
            },
        ));
        (dir, app)
    };
    let (_d, app) = fresh();
    let html = app.html();
    assert_eq!(
        html.matches(">From the interview</button>").count(),
        2,
        "{html}"
    );
    let clicks = app.first.iter().filter(|(n, _)| n == "click").count();
    // Click each button on a fresh page: two of them open the reader.
    let mut opened = Vec::new();
    for nth in 0..clicks {
        let (_d, mut app) = fresh();
        let id = app.element("click", nth);
        app.click(id);
        let html = app.html();
        if html.contains(r#"<mark id="reader-quote">"#) {
            assert!(html.contains("Back to the card"));
            opened.push(nth);
        }
    }
    assert_eq!(opened.len(), 2, "{opened:?} of {clicks}");
}

#[test]
fn editor_messages_number_choices_from_one() {
    use kioku_core::editor::{Draft, DraftQuestion, EditorState};
    let (_dir, lib) = library(&[]);
    let mut draft = Draft::new_set("Capitals", &[]);
    let mut q = DraftQuestion::new(kioku_core::bank::QuestionKind::MultipleChoice);
    q.prompt = "Capital of Japan?".into();
    q.choices = vec![(String::new(), true), ("Kyoto".into(), false)];
    draft.questions.push(q);
    let mut state = EditorState::new(draft, false);
    assert!(state.try_save().is_err());
    let html = render(Boot::at(Ok(lib), Screen::Editor(state)));
    assert!(html.contains("Choice 1 is empty"), "{html}");
    assert!(!html.contains("choice 0"), "{html}");
    assert!(!html.contains("must list"), "{html}");
}

#[test]
fn a_new_sets_id_follows_its_title_until_saved() {
    let (dir, mut app) = new_set_editor();
    assert!(
        app.html().contains("<code>new-set</code>"),
        "{}",
        app.html()
    );
    let title = app.by_id("set-title");
    app.input(title, "The Northern Territories");
    let html = app.html();
    assert!(
        html.contains("<code>the-northern-territories</code>"),
        "{html}"
    );
    // Give the question its text.
    app.input(app.by_id("q-prompt"), "Which islands does Japan claim?");
    app.input(app.by_id("q-answer"), "The Northern Territories");
    let html = app.html();
    assert!(!html.contains(r#"aria-invalid="true""#), "{html}");
    let save = app.element("click", 1);
    app.click(save);
    let html = app.html();
    assert!(html.contains(">Saved<"), "{html}");
    let file = dir.path().join("sets/the-northern-territories.json");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
    assert!(
        text.contains(r#""title": "The Northern Territories""#),
        "{text}"
    );
    assert!(text.contains("Which islands does Japan claim?"), "{text}");
    // Saved: the id is fixed now.
    app.input(title, "Kuril Islands");
    let html = app.html();
    assert!(
        html.contains("<code>the-northern-territories</code>"),
        "{html}"
    );
    assert!(html.contains("(fixed: progress is kept by it)"), "{html}");
}

/// The grader's reason in Japanese: the core gives it as data
/// (`Judgement::why`), the app words it (kioku_i18n::words).
#[test]
fn the_preview_s_verdict_says_why_in_japanese() {
    use kioku_core::editor::{Draft, DraftQuestion, EditorState};
    let (_dir, lib) = library(&[]);
    let mut draft = Draft::new_set("Places", &[]);
    let mut q = DraftQuestion::new(kioku_core::bank::QuestionKind::Typed);
    q.prompt = "Where did Abe plan to go in May 2020?".into();
    q.answers = vec!["Moscow".into(), "the Russian capital".into()];
    draft.questions.push(q);
    let boot = Boot::at(Ok(lib), Screen::Editor(EditorState::new(draft, false)));
    let mut app = live::Live::speaking(boot, kioku_app::Lang::Ja);
    let field = app.by_id("try-answer");
    let verdict = |app: &live::Live| {
        let html = app.html();
        let at = html.find("try-verdict").map(|i| &html[i..]).unwrap_or("");
        at[..at.find("</p>").unwrap_or(0)].to_owned()
    };
    app.input(field, "Moskow");
    app.key(field, Key::Enter, false);
    let v = verdict(&app);
    assert!(v.contains("「Moscow」と 1 文字違い"), "{v}");
    app.input(field, "Kyiv");
    app.key(field, Key::Enter, false);
    let v = verdict(&app);
    assert!(
        v.contains("答え「Moscow」とも、1 個の別解とも一致しません"),
        "{v}"
    );
    assert!(!v.contains("does not match"), "{v}");
}

#[test]
fn the_preview_tries_an_answer_with_the_grader() {
    use kioku_core::editor::{Draft, DraftQuestion, EditorState};
    let (_dir, lib) = library(&[]);
    let mut draft = Draft::new_set("Places", &[]);
    let mut q = DraftQuestion::new(kioku_core::bank::QuestionKind::Typed);
    q.prompt = "Where did Abe plan to go in May 2020?".into();
    q.answers = vec!["Moscow".into(), "the Russian capital".into()];
    draft.questions.push(q);
    let mut app = live::Live::new(Boot::at(
        Ok(lib),
        Screen::Editor(EditorState::new(draft, false)),
    ));
    assert!(app.html().contains("Try an answer"), "{}", app.html());
    let field = app.by_id("try-answer");
    let keys = field;
    let verdict = |app: &live::Live| {
        let html = app.html();
        let at = html.find("try-verdict").map(|i| &html[i..]).unwrap_or("");
        at[..at.find("</p>").unwrap_or(0)].to_owned()
    };
    app.input(field, "moscow");
    assert_eq!(verdict(&app), "", "nothing judged before Enter");
    // Enter that ends an IME composition does not try.
    app.key(keys, Key::Enter, true);
    assert_eq!(verdict(&app), "");
    app.key(keys, Key::Enter, false);
    let v = verdict(&app);
    assert!(v.contains("✓ Accepted") && v.contains("(exact)"), "{v}");
    app.input(field, "Moskow");
    app.key(keys, Key::Enter, false);
    let v = verdict(&app);
    assert!(v.contains("✓ Accepted") && v.contains("(typo)"), "{v}");
    app.input(field, "The Russian capital");
    app.key(keys, Key::Enter, false);
    let v = verdict(&app);
    assert!(
        v.contains("✓ Accepted") && v.contains("(alternative)"),
        "{v}"
    );
    app.input(field, "in Moscow");
    app.key(keys, Key::Enter, false);
    let v = verdict(&app);
    assert!(
        v.contains("✓ Accepted") && v.contains("(normalised)"),
        "{v}"
    );
    app.input(field, "Kyiv");
    app.key(keys, Key::Enter, false);
    let v = verdict(&app);
    assert!(
        v.contains("✗ Not accepted") && v.contains("(rejected)"),
        "{v}"
    );
    assert!(v.contains("“Kyiv”"), "{v}");
    // The field stays uncontrolled.
    assert!(!tag_with_id(&app.html(), "input", "try-answer").contains("value="));
}

#[test]
fn trying_an_answer_on_a_cloze_picks_the_blank() {
    use kioku_core::editor::{Draft, DraftQuestion, EditorState};
    let (_dir, lib) = library(&[]);
    let mut draft = Draft::new_set("Dates", &[]);
    let mut q = DraftQuestion::new(kioku_core::bank::QuestionKind::Cloze);
    q.text = "Abe returned in {{2012}} and resigned in {{2020}}.".into();
    draft.questions.push(q);
    let mut app = live::Live::new(Boot::at(
        Ok(lib),
        Screen::Editor(EditorState::new(draft, false)),
    ));
    let html = app.html();
    assert!(
        html.contains(r#"<option value="1" selected=true>"#),
        "{html}"
    );
    let field = app.by_id("try-answer");
    app.input(field, "2020");
    app.key(field, Key::Enter, false);
    let html = app.html();
    assert!(html.contains("✗ Not accepted"), "blank 1 is 2012: {html}");
    let blank = app.by_id("try-blank");
    let data = dioxus::html::SerializedFormData::new("2".to_owned(), Vec::new());
    app.fire("change", Box::new(data), blank);
    let html = app.html();
    assert!(html.contains("✓ Accepted"), "blank 2 is 2020: {html}");
    assert!(
        html.contains(r#"<option value="2" selected=true>"#),
        "{html}"
    );
}

/// The decks screen: import, export and delete (defect 10), with the file
/// dialog replaced by a picker that answers with a path.
mod decks_transfer {
    use std::cell::RefCell;
    use std::path::{Path, PathBuf};
    use std::rc::Rc;

    use super::*;
    use kioku_app::Pick;

    const MINE: &str = r#"{"kioku": 1, "id": "mine", "title": "My set", "language": "en",
      "questions": [{"id": "q", "type": "flashcard", "prompt": "p ![c](cat.png)", "answer": "a"}]}"#;

    fn repo(path: &str) -> PathBuf {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(path)
    }

    fn with_mine() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let sets = dir.path().join("sets");
        std::fs::create_dir_all(sets.join("mine.media")).unwrap();
        std::fs::write(sets.join("mine.json"), MINE).unwrap();
        std::fs::write(sets.join("mine.media/cat.png"), b"\x89PNG").unwrap();
        let lib = Library::open(dir.path(), TimeZone::UTC, || "test-device".into()).unwrap();
        (dir, lib)
    }

    /// Click listeners of the decks screen's first render, in order: the
    /// header's (New set, Import…, Statistics, Settings, ?), then per deck
    /// Study, Self-test, Cram, Stats, Edit, Export… and (user sets) Delete….
    const IMPORT: usize = 1;
    const BUILTIN_EXPORT: usize = 10;
    const MINE_EXPORT: usize = 16;
    const MINE_DELETE: usize = 17;

    /// What the picker was asked for, in order.
    type Asked = Rc<RefCell<Vec<Pick>>>;

    /// A fresh library's Import… with the dialog answering `file`: the
    /// data directory and the page after it.
    fn imported(file: &Path) -> (tempfile::TempDir, String) {
        let (dir, lib) = library(&[]);
        let (pick, _) = picker(Some(file.to_path_buf()));
        let mut app = live::Live::new(Boot::new(Ok(lib)).with_picker(pick));
        app.click(app.element("click", IMPORT));
        (dir, app.html())
    }

    fn picker(answer: Option<PathBuf>) -> (impl Fn(&Pick) -> Option<PathBuf>, Asked) {
        let asked = Rc::new(RefCell::new(Vec::new()));
        let log = asked.clone();
        (
            move |p: &Pick| {
                log.borrow_mut().push(p.clone());
                answer.clone()
            },
            asked,
        )
    }

    /// `html` reports the review history `history.apkg` brought into the
    /// data directory `dir`, as `kioku import` does, and every row left
    /// out.
    fn says_the_history(dir: &Path, html: &str) {
        let log = dir.join("reviews/anki-history.jsonl");
        assert!(log.is_file(), "{html}");
        assert!(
            html.contains(&format!(
                "created {}: 49 of 59 Anki review-log rows as reviews of 7 cards",
                log.display()
            )),
            "{html}"
        );
        assert_eq!(html.matches("history: review ").count(), 59 - 49, "{html}");
    }

    #[test]
    fn every_deck_can_be_exported_and_only_user_sets_deleted() {
        let (_dir, lib) = with_mine();
        let html = render(Boot::new(Ok(lib)));
        assert!(html.contains(">Import…</button>"), "{html}");
        assert_eq!(html.matches(">Export…</button>").count(), 2, "{html}");
        assert!(html.contains(r#"aria-label="Export My set""#), "{html}");
        assert_eq!(html.matches(">Delete…</button>").count(), 1, "{html}");
        assert!(html.contains(r#"aria-label="Delete My set""#), "{html}");
    }

    #[test]
    fn import_through_the_file_dialog_adds_the_set_and_says_so_in_green() {
        let (dir, lib) = library(&[]);
        let file = repo("tests/fixtures/sets/good/every-type.json");
        let (pick, asked) = picker(Some(file.clone()));
        let mut app = live::Live::new(Boot::new(Ok(lib)).with_picker(pick));
        app.click(app.element("click", IMPORT));
        assert_eq!(*asked.borrow(), vec![Pick::Import]);
        let html = app.html();
        assert!(
            html.contains(r#"class="notice ok" role="status""#),
            "{html}"
        );
        assert!(
            html.contains(&format!(
                "Imported 6 questions into &#34;Every question type&#34; from {}.",
                file.display()
            )),
            "{html}"
        );
        assert!(html.contains("Every question type</h3>"), "{html}");
        assert!(dir.path().join("sets/every-type.json").is_file());
        // The same file again: refused, in red, naming the file.
        app.click(app.element("click", IMPORT));
        let html = app.html();
        assert!(
            html.contains(r#"class="notice error" role="alert""#),
            "{html}"
        );
        assert!(
            html.contains(&format!("Could not import {}.", file.display())),
            "{html}"
        );
        assert!(html.contains("already exists"), "{html}");
    }

    /// An Anki package with reviews: the notice gives the history's
    /// counts as `kioku import` does, and names every row left out.
    #[test]
    fn import_of_an_anki_history_reports_its_reviews_and_every_row_left_out() {
        let (dir, html) = imported(&repo("tests/fixtures/import/history.apkg"));
        assert!(
            html.contains(r#"class="notice ok" role="status""#),
            "{html}"
        );
        says_the_history(dir.path(), &html);
        assert!(html.contains("Set due date"), "{html}");
    }

    #[test]
    fn a_bad_file_is_reported_in_red_with_the_file_and_place() {
        let (_dir, html) = imported(&repo("tests/fixtures/sets/bad/empty-prompt.json"));
        assert!(
            html.contains(r#"class="notice error" role="alert""#),
            "{html}"
        );
        assert!(html.contains("empty-prompt.json"), "{html}");
        assert!(html.contains("prompt"), "names the place: {html}");
        assert!(!html.contains("notice ok"), "{html}");
    }

    #[test]
    fn a_cancelled_dialog_changes_nothing() {
        let (_dir, lib) = library(&[]);
        let (pick, asked) = picker(None);
        let mut app = live::Live::new(Boot::new(Ok(lib)).with_picker(pick));
        let before = app.html();
        app.click(app.element("click", IMPORT));
        assert_eq!(asked.borrow().len(), 1);
        assert_eq!(app.html(), before);
    }

    #[test]
    fn export_through_the_file_dialog_writes_the_set_and_its_media() {
        let (dir, lib) = with_mine();
        let out = dir.path().join("out").join("mine-copy.json");
        std::fs::create_dir_all(out.parent().unwrap()).unwrap();
        let (pick, asked) = picker(Some(out.clone()));
        let mut app = live::Live::new(Boot::new(Ok(lib)).with_picker(pick));
        app.click(app.element("click", MINE_EXPORT));
        assert_eq!(
            *asked.borrow(),
            vec![Pick::Export {
                title: "My set".into(),
                // It has a picture: one bundle file carries it.
                suggested: "mine.kioku".into()
            }]
        );
        let html = app.html();
        assert!(
            html.contains(r#"class="notice ok" role="status""#),
            "{html}"
        );
        assert!(
            html.contains(&format!(
                "Exported &#34;mine&#34; to {} as json.",
                out.display()
            )),
            "{html}"
        );
        assert!(html.contains("Copied 1 media file to"), "{html}");
        assert!(
            std::fs::read_to_string(&out)
                .unwrap()
                .contains("\"My set\"")
        );
        assert!(dir.path().join("out/mine.media/cat.png").is_file());
        // Never over an existing file, and a name without a known
        // extension is refused with what to do.
        app.click(app.element("click", MINE_EXPORT));
        let html = app.html();
        assert!(
            html.contains(r#"class="notice error" role="alert""#),
            "{html}"
        );
        assert!(html.contains("already exists"), "{html}");
        let (pick, asked) = picker(Some(dir.path().join("out/noext")));
        let (_d2, lib2) = library(&[]);
        let mut app = live::Live::new(Boot::new(Ok(lib2)).with_picker(pick));
        app.click(app.element("click", BUILTIN_EXPORT));
        // No media: offered as JSON.
        assert!(
            matches!(&asked.borrow()[..], [Pick::Export { suggested, .. }] if suggested == "japan-russia-covid19.json"),
            "{:?}",
            asked.borrow()
        );
        let html = app.html();
        assert!(
            html.contains("noext: kioku cannot tell the file type"),
            "{html}"
        );
        assert!(!dir.path().join("out/noext").exists());
    }

    /// The editor on `mine`, saved.
    fn editor_on_mine() -> (tempfile::TempDir, live::Live) {
        use kioku_core::editor::{Draft, EditorState};
        let (dir, lib) = with_mine();
        let id = kioku_core::bank::SetId::new("mine").unwrap();
        let state = EditorState::new(Draft::from_set(lib.set(&id).unwrap()), true);
        let app = live::Live::new(Boot::at(Ok(lib), Screen::Editor(state)));
        (dir, app)
    }

    /// The editor's import/export panel: the path typed, then its
    /// "Import as a new set" (`nth` 0) or "Export this set" (1) pressed;
    /// the page after. In the editor's first render the panel's path is
    /// the 7th `input` listener (after the set's six fields) and its two
    /// buttons are the last `click` listeners.
    fn through_the_panel(app: &mut live::Live, file: &Path, nth: usize) -> String {
        app.input(app.element("input", 6), &file.display().to_string());
        let clicks = app.first.iter().filter(|(n, _)| n == "click").count();
        app.click(app.element("click", clicks - 2 + nth));
        app.html()
    }

    /// The editor's panel says what the decks screen's Import… says: an
    /// Anki package's review history and every row left out.
    #[test]
    fn the_editors_import_panel_reports_the_history_and_every_row_left_out() {
        let (dir, mut app) = editor_on_mine();
        let html = through_the_panel(&mut app, &repo("tests/fixtures/import/history.apkg"), 0);
        says_the_history(dir.path(), &html);
    }

    /// ... and what the decks screen's Export… says: the media copied
    /// beside a JSON file.
    #[test]
    fn the_editors_export_panel_reports_the_media_it_copied() {
        let (dir, mut app) = editor_on_mine();
        let out = dir.path().join("mine-copy.json");
        let html = through_the_panel(&mut app, &out, 1);
        assert!(
            html.contains(&format!(
                "Exported &#34;mine&#34; to {} as json.",
                out.display()
            )),
            "{html}"
        );
        assert!(html.contains("Copied 1 media file to"), "{html}");
        assert!(dir.path().join("mine.media/cat.png").is_file());
    }

    #[test]
    fn delete_asks_first_keeps_a_backup_and_undo_restores() {
        let (dir, lib) = with_mine();
        let mut app = live::Live::new(Boot::new(Ok(lib)));
        let added = app.click(app.element("click", MINE_DELETE));
        let html = app.html();
        assert!(html.contains(r#"role="alertdialog""#), "{html}");
        assert!(html.contains("Delete &#34;My set&#34;?"), "{html}");
        assert!(
            html.contains("progress in the review log is kept"),
            "{html}"
        );
        assert!(
            dir.path().join("sets/mine.json").is_file(),
            "nothing moved yet"
        );
        let clicks: Vec<_> = added.iter().filter(|(n, _)| n == "click").collect();
        // Cancel first: nothing happens.
        app.click(clicks[1].1);
        assert!(!app.html().contains("alertdialog"));
        assert!(dir.path().join("sets/mine.json").is_file());

        let added = app.click(app.element("click", MINE_DELETE));
        let delete = added.iter().find(|(n, _)| n == "click").unwrap().1;
        let added = app.click(delete);
        let html = app.html();
        assert!(!html.contains("My set</h3>"), "{html}");
        assert!(!dir.path().join("sets/mine.json").exists());
        assert!(
            html.contains(r#"class="notice ok" role="status""#),
            "{html}"
        );
        assert!(
            html.contains("Deleted &#34;My set&#34;. A copy is kept in"),
            "{html}"
        );
        assert!(html.contains(">Undo</button>"), "{html}");
        let backups: Vec<_> = std::fs::read_dir(dir.path().join("deleted"))
            .unwrap()
            .collect();
        assert_eq!(backups.len(), 1);
        // Dismiss is in the notice's template, Undo (only after a delete)
        // is added after it.
        let undo = added.iter().rfind(|(n, _)| n == "click").unwrap().1;
        app.click(undo);
        let html = app.html();
        assert!(html.contains("Restored &#34;My set&#34;."), "{html}");
        assert!(html.contains("My set</h3>"), "{html}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("sets/mine.json")).unwrap(),
            MINE
        );
        assert!(dir.path().join("sets/mine.media/cat.png").is_file());
    }
}

/// The self-test screens (defect 9).
mod self_test {
    use super::*;
    use kioku_core::bank::SetId;
    use kioku_core::exam::{ExamConfig, ExamKind, ExamSession};
    use kioku_core::store::ExamDefaults;

    fn set() -> SetId {
        SetId::new("japan-russia-covid19").unwrap()
    }

    fn result(lib: &Library, at: &str, only: bool, seed: u64) -> kioku_core::exam::ExamResult {
        let mut c = ExamConfig::new(set(), seed);
        c.count = Some(4);
        if only {
            c.only = vec![CardKey::parse("japan-russia-covid19/abe-return-year").unwrap()];
        }
        let at: Timestamp = at.parse().unwrap();
        new_exam(lib, c, at).unwrap().finish(at)
    }

    #[test]
    fn the_trend_plots_full_tests_with_axes_and_lists_retries_apart() {
        let (_dir, mut lib) = library(&[]);
        let a = result(&lib, "2026-11-20T10:00:00Z", false, 11);
        let retry = result(&lib, "2026-11-21T10:00:00Z", true, 4242);
        let b = result(&lib, "2026-11-22T10:00:00Z", false, 12);
        assert_eq!(retry.kind, ExamKind::Retry);
        for r in [a, retry, b] {
            lib.record_exam(r).unwrap();
        }
        let html = render(Boot::at(Ok(lib), Screen::ExamSetup(set())));
        let label_at = html.find("Score trend of full tests").expect(&html);
        let label = &html[label_at..label_at + html[label_at..].find('"').unwrap()];
        assert!(
            label.contains("test 1 on November 20, 2026 10:00"),
            "{label}"
        );
        assert!(
            label.contains("test 2 on November 22, 2026 10:00"),
            "{label}"
        );
        assert!(
            !label.contains("November 21"),
            "a retry is not in the trend: {label}"
        );
        assert_eq!(html.matches(r#"class="trend-dot""#).count(), 2, "{html}");
        for tick in [
            ">0%</text>",
            ">50%</text>",
            ">100%</text>",
            ">1</text>",
            ">2</text>",
        ] {
            assert!(html.contains(tick), "{tick}: {html}");
        }
        assert!(html.contains("Full test (oldest first)"), "{html}");
        assert!(
            html.contains("<caption>Retries of mistakes</caption>"),
            "{html}"
        );
        assert!(html.contains("<caption>Full tests</caption>"), "{html}");
        // The seed is in each attempt's details, not a column.
        assert!(!html.contains("<th>Seed</th>"), "{html}");
        assert!(html.contains("<summary>More</summary>"), "{html}");
        assert!(html.contains("<dt>Seed</dt><dd>4242</dd>"), "{html}");
    }

    #[test]
    fn the_set_up_starts_with_twenty_questions_and_no_limit() {
        // Before any test: 20 questions, no limit.
        let (_dir, lib) = library(&[]);
        let html = render(Boot::at(Ok(lib), Screen::ExamSetup(set())));
        assert!(
            tag_with_id(&html, "input", "exam-count").contains(r#"value="20""#),
            "{html}"
        );
        assert!(
            tag_with_id(&html, "input", "exam-minutes").contains(r#"value="""#),
            "{html}"
        );
    }

    #[test]
    fn starting_a_test_remembers_its_count_and_time_limit() {
        let (dir, lib) = library(&[]);
        let mut app = live::Live::new(Boot::at(Ok(lib), Screen::ExamSetup(set())));
        let count = app.element("input", 0);
        let minutes = app.element("input", 1);
        app.input(count, "7");
        app.input(minutes, "12");
        // The last click listener of the form is "Start the test".
        let start = app
            .first
            .iter()
            .filter(|(n, _)| n == "click")
            .nth(1)
            .unwrap()
            .1;
        app.click(start);
        assert!(app.html().contains("question 1 of 7"), "{}", app.html());
        drop(app);
        let lib = Library::open(dir.path(), TimeZone::UTC, || "test-device".into()).unwrap();
        assert_eq!(
            lib.settings().exam,
            ExamDefaults {
                count: Some(7),
                time_limit_min: Some(12)
            }
        );
        let html = render(Boot::at(Ok(lib), Screen::ExamSetup(set())));
        assert!(
            tag_with_id(&html, "input", "exam-count").contains(r#"value="7""#),
            "{html}"
        );
        assert!(
            tag_with_id(&html, "input", "exam-minutes").contains(r#"value="12""#),
            "{html}"
        );
    }

    #[test]
    fn enter_in_a_set_up_field_starts_the_test() {
        let (_dir, lib) = library(&[]);
        let mut app = live::Live::new(Boot::at(Ok(lib), Screen::ExamSetup(set())));
        let count = app.element("input", 0);
        app.input(count, "4");
        // The field's own key handler is the second keydown listener.
        app.key(app.element("keydown", 1), Key::Enter, true);
        assert!(
            app.html().contains("Start the test"),
            "composing: not started"
        );
        app.key(app.element("keydown", 1), Key::Enter, false);
        assert!(app.html().contains("question 1 of 4"), "{}", app.html());
    }

    #[test]
    fn a_timed_out_test_says_that_time_ran_out() {
        let (_dir, lib) = library(&[]);
        let mut c = ExamConfig::new(set(), 3);
        c.count = Some(3);
        c.time_limit = Some(1);
        let exam = new_exam(&lib, c, t()).unwrap();
        let mut session = ExamSession::new(exam);
        session.finish(t() + jiff::SignedDuration::from_secs(61));
        assert!(session.result.as_ref().unwrap().timed_out);
        let html = render(Boot::at(
            Ok(lib),
            Screen::Exam {
                session: session.clone(),
                saved: true,
            },
        ));
        assert!(html.contains("Time ran out."), "{html}");
        assert!(
            html.contains(
                "The 1-minute limit ended the test; 3 unanswered questions count as wrong here"
            ),
            "{html}"
        );
        // One finished in time does not say so.
        let (_dir, lib) = library(&[]);
        let mut c = ExamConfig::new(set(), 3);
        c.count = Some(3);
        c.time_limit = Some(1);
        let mut session = ExamSession::new(new_exam(&lib, c, t()).unwrap());
        session.finish(t() + jiff::SignedDuration::from_secs(30));
        let html = render(Boot::at(
            Ok(lib),
            Screen::Exam {
                session,
                saved: true,
            },
        ));
        assert!(!html.contains("Time ran out"), "{html}");
    }
}

/// Smaller study-screen defects (11).
mod study_small {
    use super::*;
    use kioku_core::study::StudySession;

    #[test]
    fn a_revealed_flashcard_asks_with_a_heading_not_a_button_like_box() {
        let key = "japan-russia-covid19/abe-cancelled-moscow-visit";
        let a = study_html(&[], key, true, "", &[]);
        assert!(
            a.contains(
                r#"<h2 class="rate-prompt" id="rate-prompt">How well did you know it?</h2>"#
            ),
            "{a}"
        );
        assert!(!a.contains("verdict neutral"), "{a}");
    }

    #[test]
    fn cram_shows_again_and_next_only() {
        let (_dir, lib) = library(&[]);
        let set = kioku_core::bank::SetId::new("japan-russia-covid19").unwrap();
        let key = CardKey::parse("japan-russia-covid19/abe-cancelled-moscow-visit").unwrap();
        let mut s = StudySession::start_cram(&lib, set, vec![key], false, t()).unwrap();
        s.submit(&lib, None);
        let html = render(Boot::at(Ok(lib), Screen::Study(s)));
        assert_eq!(html.matches(r#"class="rating "#).count(), 2, "{html}");
        assert!(html.contains(">Again</span>"), "{html}");
        assert!(html.contains(">Next</span>"), "{html}");
        assert!(!html.contains(">done<"), "{html}");
        assert!(
            !html.contains(">Hard</span>") && !html.contains(">Easy</span>"),
            "{html}"
        );
    }

    #[test]
    fn undo_is_offered_after_leaving_the_study_screen_and_coming_back() {
        let key = "japan-russia-covid19/abe-cancelled-moscow-visit";
        let (_dir, lib) = library(&[]);
        let session = session_on(&lib, key, false, "", &[]);
        let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Study(session)));
        let root = app.element("keydown", 0);
        app.key(root, Key::Character(" ".into()), false); // show the answer
        app.key(root, Key::Character("3".into()), false); // Good
        app.key(root, Key::Escape, false); // back to the decks
        assert!(app.html().contains("Your decks"));
        app.key(root, Key::Character("1".into()), false); // study again
        let html = app.html();
        let undo_at = html.find(r#"aria-keyshortcuts="Control+Z""#).expect(&html);
        let tag = &html[html[..undo_at].rfind("<button").unwrap()
            ..undo_at + html[undo_at..].find('>').unwrap()];
        assert!(!tag.contains("disabled"), "{tag}");
        app.key_with(
            root,
            Key::Character("z".into()),
            dioxus::html::Modifiers::CONTROL,
            false,
        );
        let html = app.html();
        assert!(
            html.contains("what was the biggest impact COVID-19 had"),
            "the card answered before is back: {html}"
        );
        assert!(html.contains("Undone. The card is shown again."), "{html}");
    }
}

/// A long word (the bank's description has a bare URL) wraps inside its
/// column: at 1920×1080 it ran under the deck's buttons.
#[test]
fn long_words_wrap_inside_deck_descriptions_and_cards() {
    let css = kioku_app::STYLE;
    let rule = css
        .lines()
        .find(|l| l.contains(".deck-description,") && l.contains("overflow-wrap"))
        .unwrap_or_else(|| panic!("no wrapping rule for deck descriptions in app.css"));
    for class in [".deck-description", ".prompt", ".explanation", ".answer"] {
        assert!(rule.contains(class), "{class} wraps: {rule}");
    }
    assert!(rule.contains("overflow-wrap: anywhere"), "{rule}");
}

#[test]
fn choosing_japanese_in_settings_switches_the_app_at_once() {
    // The optimizer on the settings screen polls on tokio.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let _in_runtime = rt.enter();
    let (dir, lib) = library(&[]);
    let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Settings));
    assert!(app.html().contains("<h1>Settings</h1>"));
    // The theme's select, then the language's.
    let language = app.element("change", 1);
    let ja = dioxus::html::SerializedFormData::new("ja".to_owned(), Vec::new());
    app.fire("change", Box::new(ja), language);
    assert!(
        app.html().contains("<h1>Settings</h1>"),
        "nothing changes before Save"
    );
    let form = app.element("submit", 0);
    let data = dioxus::html::SerializedFormData::new(String::new(), Vec::new());
    app.fire("submit", Box::new(data), form);
    let html = app.html();
    assert!(html.contains("<h1>設定</h1>"), "{html}");
    assert!(html.contains("保存しました。"), "{html}");
    assert!(html.contains(r#"lang="ja""#), "{html}");
    let saved = std::fs::read_to_string(dir.path().join("settings.json")).unwrap();
    assert!(saved.contains(r#""language": "ja""#), "{saved}");
    // And back.
    let en = dioxus::html::SerializedFormData::new("en".to_owned(), Vec::new());
    app.fire("change", Box::new(en), language);
    let data = dioxus::html::SerializedFormData::new(String::new(), Vec::new());
    app.fire("submit", Box::new(data), form);
    let html = app.html();
    assert!(
        html.contains("<h1>Settings</h1>") && html.contains("Saved."),
        "{html}"
    );
}

/// The data directory's warnings in the banner are worded in the app's
/// language when shown, so switching the language in Settings switches
/// them too.
#[test]
fn the_banner_s_warnings_switch_language_with_the_app() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let _in_runtime = rt.enter();
    let dir = tempfile::tempdir().unwrap();
    let sets = dir.path().join("sets");
    std::fs::create_dir_all(&sets).unwrap();
    let set = r#"{"kioku": 1, "id": "twice", "title": "T", "language": "en",
        "questions": [{"id": "q", "type": "true_false", "prompt": "p", "answer": true}]}"#;
    std::fs::write(sets.join("a.json"), set).unwrap();
    std::fs::write(sets.join("b.json"), set).unwrap();
    let lib = Library::open(dir.path(), TimeZone::UTC, || "test-device".into()).unwrap();
    assert_eq!(lib.warnings().len(), 1, "{:?}", lib.warnings());
    let mut app = live::Live::new(Boot::at(Ok(lib), Screen::Settings));
    let english = "two sets have the id &#34;twice&#34;; only the first is shown";
    assert!(app.html().contains(english), "{}", app.html());
    let language = app.element("change", 1);
    let ja = dioxus::html::SerializedFormData::new("ja".to_owned(), Vec::new());
    app.fire("change", Box::new(ja), language);
    let form = app.element("submit", 0);
    let data = dioxus::html::SerializedFormData::new(String::new(), Vec::new());
    app.fire("submit", Box::new(data), form);
    let html = app.html();
    assert!(html.contains("<h1>設定</h1>"), "{html}");
    assert!(
        html.contains("ID「twice」のセットが2つあります。最初のものだけを表示します"),
        "{html}"
    );
    assert!(!html.contains(english), "{html}");
}

/// The settings form's problems come from the core as data and read in
/// the app's language.
#[test]
fn settings_problems_read_in_japanese() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let _in_runtime = rt.enter();
    let (_dir, lib) = library(&[]);
    let mut app = live::Live::speaking(Boot::at(Ok(lib), Screen::Settings), kioku_app::Lang::Ja);
    app.input(app.by_id("retention"), "50");
    app.input(app.by_id("learning-steps"), "1m ten");
    let form = app.element("submit", 0);
    let data = dioxus::html::SerializedFormData::new(String::new(), Vec::new());
    app.fire("submit", Box::new(data), form);
    let html = app.html();
    assert!(html.contains("70〜99 の整数を入力してください。"), "{html}");
    assert!(
        html.contains("「ten」はステップとして読めません。"),
        "{html}"
    );
    assert!(!html.contains("Enter a whole number"), "{html}");
}

/// A card that hides several blanks (deletions sharing a number, as Anki
/// writes them) says how many and how to type them: the grader wants each
/// blank's answer in order, separated by `;`, and nothing told the learner.
#[test]
fn a_card_hiding_several_blanks_says_how_to_answer_them() {
    let shared = "tests/fixtures/sets/good/shared-cloze.json";
    let html = study_html(&[shared], "shared-cloze/cities#c1", false, "", &[]);
    assert!(
        html.contains("2 blanks: type each answer in order, separated by ;"),
        "{html}"
    );
    // One blank: the plain label.
    let html = study_html(&[shared], "shared-cloze/cities#c2", false, "", &[]);
    assert!(html.contains(">Missing text</label>"), "{html}");
    assert!(!html.contains("separated by ;"), "{html}");
}
