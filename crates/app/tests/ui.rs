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

fn render(boot: Boot) -> String {
    let mut dom = VirtualDom::new(App).with_root_context(boot);
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
        html.contains("aria-label=\"1 reviews on 1 of the last 365 days.\""),
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
    let state = EditorState::new(draft, false);
    let html = render(Boot::at(Ok(lib), Screen::Editor(state)));
    assert!(html.contains("Edit set"), "{html}");
    assert!(
        html.contains("<p class=\"field-error\">Mark at least one choice as correct</p>"),
        "{html}"
    );
    assert!(html.contains("1 problem(s) to fix before saving"));
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
mod live {
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
            dioxus::html::set_event_converter(Box::new(SerializedHtmlEventConverter));
            let evals = Rc::new(RefCell::new(Vec::new()));
            let doc: Rc<dyn Document> = Rc::new(Recorder(evals.clone()));
            let mut dom = VirtualDom::new(App)
                .with_root_context(boot)
                .with_root_context(doc);
            let mut m = Mutations::default();
            dom.rebuild(&mut m);
            Live {
                dom,
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
            listeners(self.dom.render_immediate_to_vec())
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
    use kioku_app::{CONTENT_SECURITY_POLICY, custom_head, media_response};

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
            html.contains("No question uses these files any more: meow.mp3."),
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
        for part in [
            "default-src 'none'",
            "img-src kioku-media: data:",
            "media-src kioku-media:",
            "style-src 'unsafe-inline'",
        ] {
            assert!(CONTENT_SECURITY_POLICY.contains(part), "{part}");
        }
        assert!(
            !CONTENT_SECURITY_POLICY.contains("http:")
                || !CONTENT_SECURITY_POLICY.contains("img-src http")
        );
        // `document::eval` (focus, selection) needs eval; no remote source
        // is allowed for scripts.
        assert!(
            CONTENT_SECURITY_POLICY.contains("script-src 'self' 'unsafe-inline' 'unsafe-eval';")
        );
    }
}
