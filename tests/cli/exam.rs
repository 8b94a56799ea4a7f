//! Self-tests: scoring, reproducible seeds, retry mistakes, results on
//! disk, and the schedule left alone.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_core::bank::{CardKey, SetId};
use kioku_core::exam::{Exam, ExamAnswer, ExamConfig};
use kioku_core::grader::Response;
use kioku_core::library::Library;
use kioku_core::review::{EventId, Mode};
use kioku_core::scheduler::Rating;

fn open(dir: &Path) -> Library {
    Library::open(dir, TimeZone::UTC, || "dev".into()).unwrap()
}

fn with_every_type(dir: &Path) -> Library {
    std::fs::create_dir_all(dir.join("sets")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sets/good/every-type.json"),
        dir.join("sets/every-type.json"),
    )
    .unwrap();
    open(dir)
}

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn all_cards(set: &str, seed: u64) -> ExamConfig {
    let mut c = ExamConfig::new(SetId::new(set).unwrap(), seed);
    c.count = None;
    c
}

/// The index in the exam of the card with key `key`.
fn pos(exam: &Exam, key: &str) -> usize {
    exam.items
        .iter()
        .position(|v| v.key.to_string() == key)
        .unwrap()
}

#[test]
fn every_type_is_scored_like_study_mode() {
    let dir = tempfile::tempdir().unwrap();
    let lib = with_every_type(dir.path());
    let start = t("2026-11-28T10:00:00Z");
    let mut exam = new_exam(&lib, all_cards("every-type", 1), start).unwrap();
    assert_eq!(exam.items.len(), 8);
    let answers = [
        ("every-type/capital", ExamAnswer::SelfMarked(true)), // right
        ("every-type/capital#reverse", ExamAnswer::SelfMarked(false)), // wrong
        (
            "every-type/year",
            ExamAnswer::Response(Response::Typed("end of 2012".into())),
        ), // right
        (
            "every-type/pillars",
            ExamAnswer::Response(Response::Choices(vec![0])),
        ), // half: wrong
        (
            "every-type/one-answer",
            ExamAnswer::Response(Response::Choices(vec![1])),
        ), // right
        (
            "every-type/tf",
            ExamAnswer::Response(Response::TrueFalse(true)),
        ), // right
        (
            "every-type/cloze-two#c2",
            ExamAnswer::Response(Response::Typed("Moskow".into())),
        ), // typo: right
    ];
    for (key, a) in answers {
        let i = pos(&exam, key);
        exam.answer(i, a);
    }
    // cloze-two#c1 is left unanswered: wrong.
    let r = exam.finish(t("2026-11-28T10:03:20Z"));
    assert_eq!((r.points, r.total), (5, 8));
    assert_eq!(r.score_percent, 62.5);
    assert_eq!(r.duration_s, 200);
    let q = |key: &str| {
        r.questions
            .iter()
            .find(|q| q.key.to_string() == key)
            .unwrap()
    };
    assert!(
        !q("every-type/pillars").right,
        "select-all is all or nothing"
    );
    assert_eq!(
        q("every-type/pillars").given.as_deref(),
        Some("Peace treaty")
    );
    assert_eq!(
        q("every-type/pillars").correct_answer,
        "Peace treaty; China factor"
    );
    assert!(q("every-type/cloze-two#c2").right, "one typo is forgiven");
    assert_eq!(q("every-type/cloze-two#c1").given, None);
    let mut mistakes: Vec<String> = r.mistakes().iter().map(ToString::to_string).collect();
    mistakes.sort();
    assert_eq!(
        mistakes,
        [
            "every-type/capital#reverse",
            "every-type/cloze-two#c1",
            "every-type/pillars"
        ]
    );
}

#[test]
fn the_seed_reproduces_the_test_and_retry_takes_only_mistakes() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let now = t("2026-11-28T10:00:00Z");
    let mut config = ExamConfig::new(SetId::new("japan-russia-covid19").unwrap(), 1234);
    config.count = Some(10);
    let a = new_exam(&lib, config.clone(), now).unwrap();
    let b = new_exam(&lib, config.clone(), now).unwrap();
    assert_eq!(
        a.items, b.items,
        "same seed, same questions and choice order"
    );
    let mut other = config.clone();
    other.seed = 99;
    assert_ne!(a.items, new_exam(&lib, other, now).unwrap().items);
    assert_eq!(a.items.len(), 10);
    // Tags filter.
    let mut tagged = config.clone();
    tagged.tags = vec!["outlook".into()];
    tagged.count = None;
    let outlook = new_exam(&lib, tagged, now).unwrap();
    for v in &outlook.items {
        let (_, q, _) = lib.card(&v.key).unwrap();
        assert!(q.tags.iter().any(|t| t == "outlook"));
    }
    // Retry mistakes: nothing answered, so all 10 are mistakes; answer
    // three right-ish and retry the rest.
    let result = a.finish(now);
    let mut retry = config.clone();
    retry.only = result.mistakes()[..4].to_vec();
    retry.count = None;
    let again = new_exam(&lib, retry.clone(), now).unwrap();
    let mut got: Vec<CardKey> = again.items.iter().map(|v| v.key.clone()).collect();
    got.sort();
    let mut want = retry.only.clone();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn a_self_test_leaves_the_schedule_alone_and_is_kept_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let key = CardKey::parse("japan-russia-covid19/abe-return-year").unwrap();
    let now = t("2026-11-28T10:00:00Z");
    let before = {
        let mut lib = open(dir.path());
        lib.answer(
            &key,
            Rating::Good,
            lib.now(now),
            1,
            Mode::Study,
            EventId("s1".into()),
        )
        .unwrap();
        lib.answer(
            &key,
            Rating::Good,
            lib.now(t("2026-11-28T10:10:00Z")),
            1,
            Mode::Study,
            EventId("s2".into()),
        )
        .unwrap();
        let before = lib.progress().card(&key);
        let mut exam = new_exam(&lib, all_cards("japan-russia-covid19", 5), now).unwrap();
        for i in 0..exam.items.len() {
            exam.answer(i, ExamAnswer::Response(Response::Typed("2012".into())));
        }
        let result = exam.finish(t("2026-11-28T10:30:00Z"));
        lib.record_exam(result).unwrap();
        assert_eq!(lib.progress().card(&key), before, "unchanged in memory");
        before
    };
    let lib = open(dir.path());
    assert_eq!(
        lib.progress().card(&key),
        before,
        "unchanged after reopening"
    );
    assert_eq!(lib.exams().len(), 1);
    let r = &lib.exams()[0];
    assert_eq!(r.seed, 5);
    assert_eq!(r.total, 80);
    assert!(r.questions.iter().any(|q| q.key == key && q.right));
    let stats =
        kioku_core::stats::for_library(&lib, None, lib.now(t("2026-11-28T11:00:00Z"))).unwrap();
    assert_eq!(stats.self_test_trend.len(), 1);
    assert_eq!(stats.self_test_trend[0].day.to_string(), "2026-11-28");
    assert_eq!(stats.self_test_trend[0].score, r.score_percent / 100.0);
    let decks = lib.decks(lib.now(t("2026-11-28T11:00:00Z")));
    assert_eq!(
        decks[0].new, 19,
        "one new card was introduced, by studying; the self-test used none"
    );
}

#[test]
fn cli_exam_json_and_exams_csv() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str], stdin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kioku"))
            .env("KIOKU_LANG", "en")
            .args(args)
            .env("KIOKU_DATA_DIR", dir.path())
            .env("KIOKU_NOW", "2026-11-28T10:00:00Z")
            .env("TZ", "UTC")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(
        &[
            "exam",
            "japan-russia-covid19",
            "--count",
            "3",
            "--seed",
            "7",
            "--json",
        ],
        "a\na\na\na\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["set"], "japan-russia-covid19");
    assert_eq!(v["seed"], 7);
    assert_eq!(v["total"], 3);
    assert!(v["score_percent"].is_number());
    assert!(v["duration_s"].is_number());
    let qs = v["questions"].as_array().unwrap();
    assert_eq!(qs.len(), 3);
    for q in qs {
        assert!(
            q["correct_answer"].is_string() && q["right"].is_boolean() && q.get("given").is_some()
        );
    }
    assert!(String::from_utf8_lossy(&out.stderr).contains("Question 1/3"));
    // The same seed asks the same questions.
    let again = run(
        &[
            "exam",
            "japan-russia-covid19",
            "--count",
            "3",
            "--seed",
            "7",
            "--json",
        ],
        "",
    );
    let w: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    let keys = |v: &serde_json::Value| {
        v["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["key"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&v), keys(&w));
    let csv = run(&["exams", "--csv"], "");
    let text = String::from_utf8_lossy(&csv.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "started_at,set,seed,points,total,score_percent,duration_s"
    );
    assert_eq!(lines.len(), 3);
    assert!(lines[1].starts_with("2026-11-28T10:00:00Z,japan-russia-covid19,7,"));
    assert!(lines[2].ends_with(",3,0.0,0"), "{}", lines[2]);
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
