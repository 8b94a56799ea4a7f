//! The command line in Japanese: the same commands as the English tests,
//! with `KIOKU_LANG=ja` (or a Japanese locale), print Japanese; JSON and
//! file formats stay English.

use std::path::Path;
use std::process::Output;

const NOW: &str = "2026-11-28T10:00:00Z";

/// Run kioku with exactly these language variables (the test runner's
/// own locale is removed first).
fn kioku_with(dir: &Path, vars: &[(&str, &str)], args: &[&str], stdin: &str) -> Output {
    let mut cmd = crate::run::kioku(&dir.join("data"));
    cmd.env_remove("KIOKU_LANG")
        .envs(vars.iter().copied())
        .args(args)
        .current_dir(dir)
        .env("KIOKU_NOW", NOW);
    crate::run::with_stdin(&mut cmd, stdin)
}

fn ja(dir: &Path, args: &[&str], stdin: &str) -> Output {
    kioku_with(dir, &[("KIOKU_LANG", "ja")], args, stdin)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sets/good")
        .join(name)
}

#[test]
fn check_reports_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("minimal.json"), dir.path().join("good.json")).unwrap();
    let out = ja(dir.path(), &["check", "good.json", "missing.json"], "");
    assert_eq!(stdout(&out), "good.json: OK（問題 1 問、カード 1 枚）\n");
    assert_eq!(
        stderr(&out),
        "missing.json: エラー: 開けません: ファイルまたはフォルダがありません（os error 2）\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn decks_table_is_japanese_and_json_stays_english() {
    let dir = tempfile::tempdir().unwrap();
    let out = ja(dir.path(), &["decks"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let header = text.lines().next().unwrap();
    for word in ["ID", "カード", "新規", "学習中", "期日", "タイトル"] {
        assert!(header.contains(word), "{header}");
    }
    let json = ja(dir.path(), &["decks", "--json"], "");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v[0]["new"].is_u64() && v[0]["title"].is_string(), "{v}");
}

#[test]
fn the_locale_picks_japanese_and_anything_else_is_english() {
    let dir = tempfile::tempdir().unwrap();
    let header = |vars: &[(&str, &str)]| {
        let out = kioku_with(dir.path(), vars, &["decks"], "");
        stdout(&out).lines().next().unwrap_or_default().to_owned()
    };
    assert!(header(&[("LANG", "ja_JP.UTF-8")]).contains("タイトル"));
    assert!(header(&[("LC_ALL", "ja_JP.UTF-8"), ("LANG", "en_US.UTF-8")]).contains("タイトル"));
    assert!(header(&[("LANG", "fr_FR.UTF-8")]).contains("title"));
    assert!(header(&[]).contains("title"));
    // KIOKU_LANG overrides the locale, both ways.
    assert!(header(&[("KIOKU_LANG", "en"), ("LANG", "ja_JP.UTF-8")]).contains("title"));
    assert!(header(&[("KIOKU_LANG", "ja"), ("LC_ALL", "C")]).contains("タイトル"));
}

#[test]
fn study_prompts_ratings_and_summary_are_japanese() {
    let dir = tempfile::tempdir().unwrap();
    // One new card: reveal it (Enter), rate it Good (Enter), then quit.
    let out = ja(dir.path(), &["study", "--new", "1"], "\n\nq\n");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for want in [
        "[新規 ",
        "（Enter で答えを表示） 答え: ",
        "1 もう一度（1分） · 2 難しい（",
        " · 3 正解（10分） · 4 簡単（",
        "評価 [Enter = 正解、u = 取り消し、q = 終了]: ",
        "学習したカード 1 枚 · 正答率 100% · 0分0秒",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
}

#[test]
fn stats_use_japanese_words_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let out = ja(dir.path(), &["stats"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("統計: すべてのセット（2026年11月28日）\n"),
        "{text}"
    );
    assert!(text.contains("連続学習     0日\n"), "{text}");
    assert!(text.contains("実際の定着率"), "{text}");
}

#[test]
fn answer_and_errors_are_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let out = ja(dir.path(), &["answer", "nope/x", "good"], "");
    assert_eq!(
        stderr(&out),
        "エラー: 読み込んだセットにカード「nope/x」はありません\n"
    );
    assert_eq!(out.status.code(), Some(1));
    let next = ja(dir.path(), &["next"], "");
    let v: serde_json::Value = serde_json::from_slice(&next.stdout).unwrap();
    let key = v["key"].as_str().unwrap().to_owned();
    let out = ja(dir.path(), &["answer", &key, "good"], "");
    assert_eq!(
        stdout(&out),
        format!("{key}: 正解 → 学習中、次回は 10分後\n")
    );
    let out = ja(dir.path(), &["undo"], "");
    assert_eq!(
        stdout(&out),
        format!("{key} への最後の解答を取り消しました\n")
    );
}

#[test]
fn a_self_test_and_its_history_are_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let out = ja(
        dir.path(),
        &[
            "exam",
            "japan-russia-covid19",
            "--count",
            "2",
            "--seed",
            "7",
        ],
        "q\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for want in [
        "模擬テスト: japan-russia-covid19 から 2 問（シード 7）。",
        "問題 1/2",
        "得点: 0/2（0.0%）所要時間 0分0秒",
        "間違えた問題（2 問）:",
        "  あなたの解答: （未解答）",
        "同じテストをもう一度受けるには --seed 7 を付けてください。",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    let list = stdout(&ja(dir.path(), &["exams"], ""));
    assert!(list.starts_with("開始 "), "{list}");
    assert!(list.contains("0.0% 0分00秒"), "{list}");
    // The test's start in the Japanese form, not 2026-11-28 10:00.
    assert!(list.contains("\n2026年11月28日 10:00 "), "{list}");
    let en = stdout(&kioku_with(
        dir.path(),
        &[("KIOKU_LANG", "en")],
        &["exams"],
        "",
    ));
    assert!(en.contains("\nNovember 28, 2026 10:00 "), "{en}");
    // In the machine's time zone (here UTC+9), not in UTC.
    let tokyo = stdout(&kioku_with(
        dir.path(),
        &[("KIOKU_LANG", "ja"), ("TZ", "JST-9")],
        &["exams"],
        "",
    ));
    assert!(tokyo.contains("\n2026年11月28日 19:00 "), "{tokyo}");
}

#[test]
fn check_words_a_bad_file_s_problems_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.json"),
        r#"{"kioku": 1, "id": "Bad Id", "title": "M", "language": "ja", "questions": [
  {"id": "q", "type": "multiple_choice", "prompt": "p", "choices": ["a", "a"], "correct": [5]},
  {"id": "r", "type": "true_false", "promt": "p", "answer": false},
  {"id": "s", "type": "typed", "prompt": "p"},
  {"id": "t", "type": "multiple_choice", "prompt": "p", "choices": "ab", "correct": [0]}
]}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("broken.json"), "{\"kioku\": 1,}").unwrap();
    let out = ja(dir.path(), &["check", "bad.json", "broken.json"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for line in [
        "bad.json:1:20: エラー: セット ID \"Bad Id\" がケバブケース（半角英小文字と数字を 1 つのハイフンでつないだもの。例: \"bad-id\"）ではありません",
        "選択肢 1 が選択肢 0 と同じです（\"a\"）",
        "正解の番号 5 が範囲外です。2 個の選択肢の番号は 0〜1 です",
        "不明なフィールド \"promt\"（「prompt」の間違いですか？）",
        "broken.json:1:13: エラー: '}' の前に余分なカンマがあります",
        "フィールド \"answers\" がありません（正解とする答えの一覧）",
        "\"choices\" は文字列の配列でなければなりません（実際は文字列）",
    ] {
        assert!(err.contains(line), "{line} missing:\n{err}");
    }
    // Every line is framed in Japanese; none is the core's English.
    for l in err.lines() {
        assert!(l.contains(": エラー: "), "{l}");
        assert!(!l.contains(" error: ") && !l.contains("repeats"), "{l}");
    }
    // The same file in English reads as before.
    let en = kioku_with(
        dir.path(),
        &[("KIOKU_LANG", "en")],
        &["check", "broken.json"],
        "",
    );
    assert_eq!(
        stderr(&en),
        "broken.json:1:13: error: trailing comma before '}'\n"
    );
}

#[test]
fn grade_says_why_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let out = ja(
        dir.path(),
        &["grade", "japan-russia-covid19/abe-return-year", "2011"],
        "",
    );
    let text = stdout(&out);
    assert!(
        text.contains(": ✗ 不正解 (不一致): 答え「2012」とも、2 個の別解とも一致しません"),
        "{text}{}",
        stderr(&out)
    );
    let json = ja(
        dir.path(),
        &[
            "grade",
            "japan-russia-covid19/abe-return-year",
            "2011",
            "--json",
        ],
        "",
    );
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        v["detail"], "does not match the answer \"2012\" or its 2 alternatives",
        "{v}"
    );
}

/// Importing an Anki package with review history speaks Japanese: the
/// history line (with the default's explanation), a second import's
/// refusal, `--with-history` on a package without reviews, and the flags'
/// misuse.
#[test]
fn an_anki_import_with_history_is_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let import = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    std::fs::copy(import.join("history.apkg"), dir.path().join("h.apkg")).unwrap();
    std::fs::copy(import.join("modern.apkg"), dir.path().join("m.apkg")).unwrap();
    let o = ja(dir.path(), &["import", "h.apkg"], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("の復習として取り込みました（復習のあるパッケージでは既定の動作です。--no-history で取り込みません）\n"), "{out}");
    assert!(!out.contains("the default"), "{out}");
    // The set is there now: a second import is refused in Japanese.
    let o = ja(dir.path(), &["import", "h.apkg"], "");
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains(": エラー: 以前の取り込みの復習履歴があります。"),
        "{}",
        stderr(&o)
    );
    let o = ja(dir.path(), &["import", "m.apkg", "--with-history"], "");
    assert!(
        stdout(&o).contains("履歴: このパッケージには復習履歴がありません\n"),
        "{}",
        stdout(&o)
    );
    std::fs::write(dir.path().join("q.gift"), "::q::2+2? {=4 ~5}\n").unwrap();
    let o = ja(dir.path(), &["import", "q.gift", "--no-history"], "");
    assert!(
        stderr(&o).contains("--with-history と --no-history は Anki パッケージ（.apkg、.colpkg）用です。gift には使えません"),
        "{}",
        stderr(&o)
    );
    let o = ja(dir.path(), &["import", "q.gift", "--language", "日本"], "");
    assert!(
        stderr(&o).contains("--language「日本」は言語タグではありません"),
        "{}",
        stderr(&o)
    );
}

/// Media reference problems and the data directory's errors are worded
/// from their typed values, in Japanese.
#[test]
fn media_problems_and_store_errors_are_japanese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("m.json"),
        r#"{"kioku": 1, "id": "m", "title": "M", "language": "ja", "questions": [
  {"id": "q", "type": "flashcard", "prompt": "![](cat.png) と ![猫](../x.png)", "answer": "a"}
]}"#,
    )
    .unwrap();
    let out = ja(dir.path(), &["check", "m.json"], "");
    let err = stderr(&out);
    for line in [
        "m.json:2:47: エラー: 画像・音声「cat.png」に代替テキストがありません。![...] の中に説明を書いてください",
        "m.json:2:47: エラー: メディアファイル「cat.png」が m.media にありません",
        "m.json:2:62: エラー: メディア名「../x.png」はセットのメディアフォルダの外を指すおそれがあります（パスに「..」または「.」があります）",
    ] {
        assert!(err.contains(line), "{line} missing:\n{err}");
    }
    assert!(
        !err.contains("not found") && !err.contains("alt text"),
        "{err}"
    );
    std::fs::copy(fixture("every-type.json"), dir.path().join("e.json")).unwrap();
    assert!(ja(dir.path(), &["import", "e.json"], "").status.success());
    let again = stderr(&ja(dir.path(), &["import", "e.json"], ""));
    assert!(
        again.starts_with("エラー: ID「every-type」のセットはすでにあります（"),
        "{again}"
    );
    assert!(!again.contains("already"), "{again}");
}

/// An import's notes (what was defaulted or read differently) are
/// Japanese: the set's metadata from the file name, the header row, the
/// guessed language.
#[test]
fn import_notes_are_japanese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("caps.csv"),
        "front,back\n東京はどこの首都？,日本\n大阪は何県？,大阪府\n",
    )
    .unwrap();
    let out = ja(dir.path(), &["import", "caps.csv"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for line in [
        "注意: セット: CSV/TSV にはセットの情報がありません。ID「caps」とタイトル「caps」はファイル名から付け",
        "注意: 1 行目: 見出しの行「front, back」は列名として読み、カードにはしていません\n",
        "注意: セット: 言語を本文から ja と推定しました（確度 1.00）。kioku import --language で指定できます\n",
    ] {
        assert!(err.contains(line), "{line} missing:\n{err}");
    }
    assert!(
        !err.contains("file name") && !err.contains("line 1"),
        "{err}"
    );
}

/// A GIFT file's skipped and changed questions are named in Japanese.
#[test]
fn gift_import_notes_are_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let gift =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/moodle-export.gift");
    std::fs::copy(gift, dir.path().join("m.gift")).unwrap();
    let out = ja(dir.path(), &["import", "m.gift"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for line in [
        "警告: 6 行目: 説明文（問題ではないテキスト）なので、スキップしました\n",
        "警告: 17 行目: 答え「canberra city」（部分点 50%）は正解にしていません。kioku は完全な正解だけを受け付けます\n",
        "警告: 37 行目: 選択肢「Amazon」（部分点 50%）は不正解として扱います。kioku に部分点はありません\n",
        "警告: 44 行目: 記述問題（空の { }）には採点できる答えがありません\n",
        "警告: 47 行目: 数値問題には対応していません\n",
        "注意: セット: ファイルにセットのタイトルがないため、ファイル名からタイトル「m」を付けました\n",
    ] {
        assert!(err.contains(line), "{line} missing:\n{err}");
    }
    assert!(
        !err.contains("not supported") && !err.contains("line "),
        "{err}"
    );
}

/// What GIFT and Aiken cannot carry is named in Japanese: question types
/// they have no place for, the set's metadata, an Aiken question's id.
#[test]
fn export_notes_are_japanese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("every-type.json"), dir.path().join("e.json")).unwrap();
    assert!(ja(dir.path(), &["import", "e.json"], "").status.success());
    let o = ja(
        dir.path(),
        &["export", "every-type", "--format", "gift", "-o", "out.gift"],
        "",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    for line in [
        "警告: 書き出せなかったもの: capital: gift には「フラッシュカード」の問題がありません\n",
        "警告: pillars: 書き出しましたが、選択肢を並べ替えるかどうかは Moodle が決めます\n",
        "警告: セット: gift には書く場所がないため、書き出していません: タイトル「Every question type」、言語「en-GB」、",
        "、作成者 A. Teacher、出典「Made up for tests」、セットのタグ demo（取り込むとタイトルはファイル名から取り、言語は推定します）\n",
    ] {
        assert!(err.contains(line), "{line} missing:\n{err}");
    }
    let o = ja(
        dir.path(),
        &["export", "every-type", "--format", "aiken", "-o", "out.txt"],
        "",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    for line in [
        "警告: 書き出せなかったもの: pillars: Aiken の正解は 1 つだけですが、この問題には複数あります\n",
        "警告: 書き出せなかったもの: year: aiken には「答えを入力」の問題がありません\n",
        "警告: tf: Aiken には書く場所がないため、書き出していません: ID tf（取り込むと ID は問題文から作られます）\n",
    ] {
        assert!(err.contains(line), "{line} missing:\n{err}");
    }
    assert!(
        !err.contains("has no") && !err.contains("not written"),
        "{err}"
    );
}

/// How an Anki package's notes were mapped is named in Japanese: cloze
/// hints left out, an Image Occlusion note skipped.
#[test]
fn anki_note_mapping_notes_are_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let import = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    std::fs::copy(import.join("deck.apkg"), dir.path().join("deck.apkg")).unwrap();
    std::fs::copy(import.join("occlusion.apkg"), dir.path().join("occ.apkg")).unwrap();
    let o = ja(dir.path(), &["import", "deck.apkg"], "");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("警告: ノート 2: 穴埋めのヒントは除いて取り込みました\n"),
        "{}",
        stderr(&o)
    );
    let o = ja(dir.path(), &["import", "occ.apkg"], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("警告: ノート 2: 画像穴埋め（Image Occlusion）ノート（「Label the map」）です。画像の上に図形で隠す形式は kioku では表示できないため、スキップしました\n"),
        "{err}"
    );
    assert!(!err.contains("skipped"), "{err}");
}

/// Core errors that used to keep the core's English are worded in
/// Japanese: an unreadable package, a set no question of which a format
/// can carry.
#[test]
fn package_and_export_errors_are_japanese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.apkg"), b"not a zip").unwrap();
    let o = ja(dir.path(), &["import", "bad.apkg"], "");
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("bad.apkg: エラー: 読み取れる Anki パッケージ（zip）ではありません: "),
        "{err}"
    );
    assert!(!err.contains("not a readable"), "{err}");
    std::fs::write(
        dir.path().join("f.json"),
        r#"{"kioku": 1, "id": "f", "title": "F", "language": "ja", "questions": [
  {"id": "q", "type": "flashcard", "prompt": "犬", "answer": "dog"}
]}"#,
    )
    .unwrap();
    assert!(ja(dir.path(), &["import", "f.json"], "").status.success());
    let o = ja(
        dir.path(),
        &["export", "f", "--format", "aiken", "-o", "f.txt"],
        "",
    );
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("このセットには aiken 形式で書き出せる問題がありません"),
        "{err}"
    );
    assert!(!err.contains("no question"), "{err}");
}

/// A data file kioku cannot read is named with the reason in Japanese;
/// only the decoder's own detail stays as it came.
#[test]
fn an_unreadable_device_file_is_reported_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ja(dir.path(), &["decks"], "").status.success());
    let devices = dir.path().join("data/devices");
    for f in std::fs::read_dir(&devices).unwrap() {
        std::fs::write(f.unwrap().path(), "garbage").unwrap();
    }
    let o = ja(dir.path(), &["decks"], "");
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.starts_with("エラー: "), "{err}");
    assert!(
        err.contains(".json: デバイスファイルとして読めません（expected value at line 1 column 1）。直すか削除してください\n"),
        "{err}"
    );
}

/// What opening the data directory warns about (kioku goes on without the
/// file or line it names) is Japanese too: a torn last line, another
/// device's unreadable log and bad line, settings read as the defaults,
/// both damaged caches, a set not loaded, a set whose picture is missing
/// and a second set with the same id.
#[test]
fn data_directory_warnings_are_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(ja(dir.path(), &["decks"], "").status.success());
    let file_in = |sub: &str, prefix: &str| {
        std::fs::read_dir(data.join(sub))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
            })
            .unwrap()
    };
    let own_log = file_in("reviews", "");
    let mut log = std::fs::read(&own_log).unwrap();
    log.extend_from_slice(br#"{"type":"review","id":"e2","set":"m"#);
    std::fs::write(&own_log, log).unwrap();
    std::fs::write(file_in("cache", "snapshot-"), b"not a snapshot").unwrap();
    std::fs::write(data.join("cache/sets.bin"), b"kiokuset").unwrap();
    std::fs::write(
        data.join("reviews/zz-newer.jsonl"),
        "{\"kioku_reviews\":9,\"device\":\"zz-newer\"}\n",
    )
    .unwrap();
    std::fs::write(
        data.join("reviews/zz-other.jsonl"),
        "{\"kioku_reviews\":1,\"device\":\"zz-other\"}\n{\"nope\":1}\n",
    )
    .unwrap();
    std::fs::write(data.join("settings.json"), "{").unwrap();
    let sets = data.join("sets");
    std::fs::copy(fixture("minimal.json"), sets.join("a.json")).unwrap();
    std::fs::copy(fixture("minimal.json"), sets.join("b.json")).unwrap();
    std::fs::write(sets.join("c.json"), "{").unwrap();
    std::fs::write(
        sets.join("d.json"),
        r#"{"kioku": 1, "id": "d", "title": "D", "language": "ja", "questions": [
  {"id": "q", "type": "flashcard", "prompt": "![猫](cat.png)", "answer": "a"}
]}"#,
    )
    .unwrap();

    let out = ja(dir.path(), &["decks"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out).replace(&data.display().to_string(), "PATH");
    for expected in [
        ".jsonl:2: 最後の行が途中で切れています（書き込み中に kioku が止まりました）。確定していない行なので無視します",
        "警告: PATH/reviews/zz-newer.jsonl: 新しい kioku で書かれています（形式のバージョン 9。この kioku が読めるのは 1 まで）。kioku を更新してください。ファイルはそのままにしてあります。このファイルは飛ばしました",
        "zz-other.jsonl:2: 復習ログの記録として読めません（",
        "settings.json: 正しい JSON ではありません（",
        "。直るまで既定の設定を使います（ファイルはそのままにしてあります）",
        "進捗のスナップショットを使いませんでした（このキャッシュのファイルではないか、途中で切れています）。復習ログを最初から読み直し、作り直します",
        "sets.bin: 読み込み済みセットのキャッシュを使いませんでした（このキャッシュのファイルではないか、途中で切れています）",
        "c.json: 問題セットを読み込めませんでした:\n",
        "d.json: 表示できない画像や音声があります:\n",
        "メディアファイル「cat.png」が PATH/sets/d.media にありません",
        ": ID「m」のセットが2つあります。最初のものだけを表示します",
    ] {
        assert!(err.contains(expected), "{expected} missing:\n{err}");
    }
    for line in err.lines().filter(|l| !l.starts_with(' ')) {
        assert!(
            line.starts_with("警告: ") || line.contains(": エラー: "),
            "a line not worded as a warning: {line}\n{err}"
        );
    }
    for english in [
        "cut short",
        "skipped",
        "not used",
        "default settings",
        "not loaded",
        "cannot be shown",
        "two sets",
        "warning",
    ] {
        assert!(!err.contains(english), "{english}:\n{err}");
    }
}

/// A CSV review log's bad rows are worded in Japanese, one
/// `PATH:LINE: エラー: ...` each, with a count of the rest past the first
/// 20; the CSV's own column names stay as they are.
#[test]
fn bad_csv_review_logs_are_reported_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("log.csv");
    let mut text = String::from("card_id,review_rating,review_time,review_duration\n");
    text.push_str(",3,2024-03-29T20:32:32Z,\n");
    text.push_str("1,3,yesterday,\n");
    text.push_str("1,3,2024-03-29T20:32:32Z,-4\n");
    for _ in 0..20 {
        text.push_str("1,0,2024-03-30T20:32:32Z,\n");
    }
    std::fs::write(&csv, text).unwrap();
    std::fs::write(dir.path().join("header.csv"), "card,rating\n1,3\n").unwrap();
    for cmd in ["optimize", "memory"] {
        let out = ja(dir.path(), &[cmd, "--reviews", "log.csv"], "");
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 21, "{err}");
        assert_eq!(lines[0], "log.csv:2: エラー: card_id が空です");
        assert!(
            lines[1].starts_with(
                "log.csv:3: エラー: review_time「yesterday」はオフセット付きの ISO 8601 の時刻ではありません（"
            ),
            "{err}"
        );
        assert_eq!(
            lines[2],
            "log.csv:4: エラー: review_duration「-4」はミリ秒の整数ではありません"
        );
        assert_eq!(
            lines[3],
            "log.csv:5: エラー: review_rating「0」は 1、2、3、4 のどれでもありません"
        );
        assert_eq!(
            lines[20],
            "log.csv: エラー: ほかに不正な行が 3 行あります（表示していません）"
        );
        let out = ja(dir.path(), &[cmd, "--reviews", "header.csv"], "");
        assert_eq!(
            stderr(&out),
            "header.csv:1: エラー: 見出し行には card_id、review_rating、review_time の列が必要です（review_duration は任意）。見つかった見出し:「card,rating」\n"
        );
    }
}

/// The commands `kioku --help` lists.
const COMMANDS: [&str; 16] = [
    "check", "convert", "import", "export", "decks", "study", "next", "answer", "undo", "grade",
    "exam", "exams", "stats", "optimize", "memory", "help",
];

/// `kioku ARGS --help` under a Japanese locale: every line of it says
/// something in Japanese (option names and placeholders aside, nothing is
/// left in clap's English).
fn japanese_help(dir: &Path, args: &[&str]) -> String {
    let o = kioku_with(dir, &[("LANG", "ja_JP.UTF-8")], args, "");
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    let help = stdout(&o);
    for line in help.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            !line.is_ascii(),
            "{args:?}: an English line: {line:?}\n{help}"
        );
    }
    for english in ["Usage", "Commands", "Arguments", "Options", "Print"] {
        assert!(!help.contains(english), "{args:?}: {english}\n{help}");
    }
    help
}

#[test]
fn help_is_japanese_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let help = japanese_help(dir.path(), &["--help"]);
    assert!(
        help.starts_with("FSRS-6 で復習を計画する、問題とフラッシュカードの学習アプリ。\n"),
        "{help}"
    );
    assert!(
        help.contains("\n使い方: kioku [OPTIONS] [COMMAND]\n"),
        "{help}"
    );
    for heading in ["\nコマンド:\n", "\nオプション:\n"] {
        assert!(help.contains(heading), "{heading}: {help}");
    }
    assert!(
        help.contains("  -h, --help            ヘルプを表示する\n"),
        "{help}"
    );
    for c in COMMANDS {
        assert!(help.contains(&format!("\n  {c} ")), "{c}: {help}");
        // As in clap, `help` takes no --help: `help help` explains it.
        let args = if c == "help" {
            [c, "help"]
        } else {
            [c, "--help"]
        };
        let sub = japanese_help(dir.path(), &args);
        assert!(sub.contains(&format!("使い方: kioku {c}")), "{c}: {sub}");
    }
    let exam = japanese_help(dir.path(), &["help", "exam"]);
    assert!(
        exam.contains("\n引数:\n  <SET>  テストするセット\n"),
        "{exam}"
    );
    assert!(exam.contains("      --seed <S>"), "{exam}");
}

#[test]
fn usage_errors_are_japanese_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let o = ja(dir.path(), &["decks", "--jsn"], "");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "エラー: 不明な引数 '--jsn' があります\n\
         ヒント: よく似た '--json' があります\n\
         \n\
         使い方: kioku decks --json\n\
         \n\
         詳しくは '--help' を付けて実行してください。\n"
    );
    let o = ja(dir.path(), &["exam"], "");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "エラー: 必要な引数が指定されていません: <SET>\n\
         \n\
         使い方: kioku exam <SET>\n\
         \n\
         詳しくは '--help' を付けて実行してください。\n"
    );
    let o = ja(dir.path(), &["exam", "x", "--count", "3", "--all"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("エラー: '--count <N>' と '--all' は同時に指定できません\n"),
        "{}",
        stderr(&o)
    );
    let o = ja(dir.path(), &["frobnicate"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("エラー: 不明なコマンド 'frobnicate' です\n"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn english_help_and_usage_errors_are_clap_s_own() {
    let dir = tempfile::tempdir().unwrap();
    let en = |args: &[&str]| kioku_with(dir.path(), &[("KIOKU_LANG", "en")], args, "");
    let help = stdout(&en(&["--help"]));
    assert!(
        help.starts_with(
            "Study with quizzes and flashcards, scheduled by FSRS-6.\n\n\
             Usage: kioku [OPTIONS] [COMMAND]\n\nCommands:\n  check     Check question files"
        ),
        "{help}"
    );
    assert!(help.contains("\nOptions:\n"), "{help}");
    assert!(
        help.contains("  -V, --version         Print version\n"),
        "{help}"
    );
    let o = en(&["decks", "--jsn"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: unexpected argument '--jsn' found\n\
         \n  tip: a similar argument exists: '--json'\n\
         \n\
         Usage: kioku decks --json\n\
         \n\
         For more information, try '--help'.\n"
    );
}
