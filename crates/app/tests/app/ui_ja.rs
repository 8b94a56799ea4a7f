//! Screens rendered in Japanese (dioxus-ssr): the words are the Japanese
//! messages, and no English word of the interface is left. The language is
//! set on the app ([`Boot::speaking`]), not read from the machine.

use dioxus::prelude::*;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use kioku_app::{App, Boot, Lang, Screen};
use kioku_core::library::Library;
use kioku_core::study::StudySession;

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sets")).unwrap();
    let lib = Library::open(dir.path(), TimeZone::UTC, || "test-device".into()).unwrap();
    (dir, lib)
}

fn render(boot: Boot, lang: Lang) -> String {
    let mut dom = VirtualDom::new(App).with_root_context(boot.speaking(lang));
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

/// The text a person reads: tags, and the user's own content (deck titles
/// and descriptions, card prompts), taken out.
fn visible_ui_text(html: &str, own: &[&str]) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    for o in own {
        text = text.replace(o, " ");
    }
    text
}

/// English words of the interface that must not show in Japanese.
const ENGLISH_UI: &[&str] = &[
    "Decks",
    "Study",
    "Settings",
    "Import",
    "Statistics",
    "Self-test",
    "Cram",
    "Stats",
    "Edit",
    "Export",
    "new",
    "learning",
    "due",
    "cards",
    "mastered",
    "Undo",
    "Remaining",
    "Show answer",
    "Check",
    "Again",
    "Hard",
    "Good",
    "Easy",
    "Card",
    "Press",
    "shortcuts",
    "Flashcard",
];

fn assert_no_english(text: &str) {
    for w in ENGLISH_UI {
        let found = text
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .any(|tok| tok == *w)
            || (w.contains(' ') && text.contains(w));
        assert!(
            !found,
            "English \"{w}\" left in the Japanese screen:\n{text}"
        );
    }
}

fn t() -> Timestamp {
    "2026-11-28T10:00:00Z".parse().unwrap()
}

#[test]
fn the_decks_screen_in_japanese() {
    let (_dir, lib) = library();
    let own: Vec<String> = lib
        .decks(lib.now(t()))
        .iter()
        .flat_map(|d| [d.title.clone(), d.description.clone().unwrap_or_default()])
        .collect();
    let html = render(Boot::new(Ok(lib)), Lang::Ja);
    assert!(html.contains(r#"lang="ja""#), "{html}");
    for ja in [
        "間隔反復で学ぶ",
        "新しいセット",
        "取り込み…",
        "統計",
        "設定",
        "新規 20",
        "学習中 0",
        "80 枚",
        "習得 0%",
        "模擬テスト",
        "詰め込み学習",
        "コピーして編集",
        "書き出し…",
    ] {
        assert!(html.contains(ja), "{ja} missing: {html}");
    }
    assert!(html.contains(r#"aria-label="キーボードショートカット""#));
    let own: Vec<&str> = own.iter().map(String::as_str).collect();
    // The descriptions are Markdown rendered to HTML: compare text only.
    let text = visible_ui_text(&html, &[]);
    let text = own.iter().fold(text, |t, o| {
        o.split(['\n', '*', '_', '`', '[', ']', '(', ')'])
            .filter(|p| !p.trim().is_empty())
            .fold(t, |t, p| t.replace(p.trim(), " "))
    });
    assert_no_english(&text);
    // The same screen in English reads English (the test can fail).
    let (_dir, lib) = library();
    let en = render(Boot::new(Ok(lib)), Lang::En);
    assert!(en.contains("Study with spaced repetition") && !en.contains("間隔反復"));
}

#[test]
fn the_study_screen_in_japanese() {
    let (_dir, lib) = library();
    let session = StudySession::start(&lib, None, t()).unwrap();
    let prompt = session
        .current
        .as_ref()
        .map(|c| c.view.prompt.clone())
        .unwrap_or_default();
    let html = render(Boot::at(Ok(lib), Screen::Study(session)), Lang::Ja);
    for ja in [
        "← デッキ一覧",
        "すべてのデッキ",
        "新規 20",
        "取り消し",
        r#"aria-label="今日の残り""#,
        r#"aria-label="セッションの進み具合""#,
        r#"aria-label="カード""#,
    ] {
        assert!(html.contains(ja), "{ja} missing: {html}");
    }
    // The card's kind and its input or button are Japanese whatever the
    // first card is.
    assert!(
        [
            "フラッシュカード",
            "答えを入力",
            "選択問題",
            "正誤問題",
            "穴埋め"
        ]
        .iter()
        .any(|k| html.contains(k)),
        "{html}"
    );
    let text = visible_ui_text(&html, &[]);
    let text = prompt
        .split(['\n', '*', '_', '`'])
        .filter(|p| !p.trim().is_empty())
        .fold(text, |t, p| t.replace(p.trim(), " "));
    assert_no_english(&text);
}

#[test]
fn the_editor_in_japanese() {
    use kioku_core::bank::QuestionKind;
    use kioku_core::editor::{Draft, DraftQuestion, EditorState};
    let (_dir, lib) = library();
    let mut draft = Draft::new_set("首都", &[]);
    let mut q = DraftQuestion::new(QuestionKind::MultipleChoice);
    q.prompt = "日本の首都は？".into();
    q.choices = vec![("東京".into(), true), ("京都".into(), false)];
    draft.questions.push(q);
    let mut state = EditorState::new(draft, false);
    state.selected = Some(0);
    let html = render(Boot::at(Ok(lib), Screen::Editor(state)), Lang::Ja);
    for ja in [
        "← デッキ一覧",
        "セットの編集",
        "未保存の変更",
        "タイトル",
        "説明（Markdown）",
        "取り込み・書き出し",
        "ファイルの拡張子から判断",
        "問題 1",
        r#"<option value="multiple_choice" selected=true>選択式</option>"#,
        "選択肢を追加",
        r#"aria-label="選択肢 1 は正しい""#,
        r#"aria-label="問題 1 を上へ""#,
        "表示するとき選択肢を並べ替える",
        "画像と音声",
        "画像・音声を追加…",
        "プレビュー",
    ] {
        assert!(html.contains(ja), "{ja} missing: {html}");
    }
    let own = [
        "首都",
        "日本の首都は？",
        "東京",
        "京都",
        "/home/me/deck.apkg",
    ];
    let text = visible_ui_text(&html, &own);
    assert_no_english(&text);
    for w in [
        "Title", "Preview", "Choices", "Question", "Save", "Add", "Import", "Format", "multiple",
        "choice", "Images",
    ] {
        assert!(
            !text
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|tok| tok == w),
            "English \"{w}\" left in the Japanese editor:\n{text}"
        );
    }
}

#[test]
fn the_statistics_in_japanese() {
    use kioku_core::bank::CardKey;
    use kioku_core::review::{EventId, Mode};
    use kioku_core::scheduler::Rating;
    let (_dir, mut lib) = library();
    let key = CardKey::parse("japan-russia-covid19/abe-return-year").unwrap();
    // The statistics screen counts days up to the clock's today.
    let n = lib.now(Timestamp::now());
    lib.answer(
        &key,
        Rating::Good,
        n,
        3000,
        Mode::Study,
        EventId("a".into()),
    )
    .unwrap();
    let html = render(Boot::at(Ok(lib), Screen::Stats(None)), Lang::Ja);
    for ja in [
        "<h1>統計</h1>",
        "すべてのデッキ",
        "日ごとの復習回数",
        "今後30日間の復習予定",
        "実際の定着率",
        "過去7日間",
        "安定性（日）",
        "難易度（1〜10）",
        "現在の想起確率",
        "3.0 秒",
        "1 回の解答あたり",
        r#"aria-label="過去365日間のうち1日で、1 回復習しました。""#,
        "日: 復習 1 回</title>",
    ] {
        assert!(html.contains(ja), "{ja} missing: {html}");
    }
    // The day of each mark in the Japanese form (2026年11月28日), not 2026-11-28.
    let today = kioku_i18n::date(Lang::Ja, n.day.date());
    assert!(today.ends_with('日') && today.contains('年'), "{today}");
    assert!(
        html.contains(&format!("<title>{today}: 復習 1 回</title>")),
        "{today}: {html}"
    );
    let text = visible_ui_text(&html, &[]);
    assert_no_english(&text);
    for w in ["Statistics", "reviews", "today", "days", "Young", "Mature"] {
        assert!(
            !text
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|tok| tok == w),
            "English \"{w}\" left in the Japanese statistics:\n{text}"
        );
    }
}

#[test]
fn the_editor_s_problems_in_japanese() {
    use kioku_core::bank::QuestionKind;
    use kioku_core::editor::{Draft, DraftQuestion, EditorState};
    let (_dir, lib) = library();
    let mut draft = Draft::new_set("首都", &[]);
    let mut q = DraftQuestion::new(QuestionKind::MultipleChoice);
    q.prompt = "日本の首都は？".into();
    q.choices = vec![("東京".into(), false), ("東京".into(), false)];
    draft.questions.push(q);
    let mut state = EditorState::new(draft, false);
    state.selected = Some(0);
    // Once a save was tried, every problem shows next to its field.
    assert!(state.try_save().is_err());
    let html = render(Boot::at(Ok(lib), Screen::Editor(state)), Lang::Ja);
    for ja in [
        "要修正 2 件",
        "選択肢 2 が選択肢 1 と同じです",
        "正しい選択肢を 1 つ以上チェックしてください",
    ] {
        assert!(html.contains(ja), "{ja} missing: {html}");
    }
    assert!(!html.contains("Mark at least one choice"), "{html}");
}

/// A set made with New set in the Japanese app is a Japanese set.
#[test]
fn a_new_set_in_the_japanese_app_is_in_japanese() {
    let (_dir, lib) = library();
    let mut app = crate::ui::live::Live::speaking(Boot::new(Ok(lib)), Lang::Ja);
    // The header's first button is New set.
    app.click(app.element("click", 0));
    let html = app.html();
    let at = html.find(r#"id="set-language""#).expect(&html);
    let tag = &html[html[..at].rfind('<').unwrap()..at + html[at..].find('>').unwrap()];
    assert!(tag.contains(r#"initial_value="ja""#), "{tag}");
}

/// Past self-tests are listed in the machine's time zone (the library's,
/// here a fixed UTC+9), not in UTC.
#[test]
fn self_test_times_are_local() {
    use kioku_core::bank::SetId;
    use kioku_core::exam::{Exam, ExamConfig};
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sets")).unwrap();
    let tokyo = TimeZone::fixed(jiff::tz::offset(9));
    let mut lib = Library::open(dir.path(), tokyo, || "test-device".into()).unwrap();
    let set = SetId::new("japan-russia-covid19").unwrap();
    let mut c = ExamConfig::new(set.clone(), 11);
    c.count = Some(4);
    let at: Timestamp = "2026-11-20T20:30:00Z".parse().unwrap();
    let exam = Exam::new(lib.set(&set).unwrap(), c, at).unwrap();
    lib.record_exam(exam.finish(at)).unwrap();
    let html = render(Boot::at(Ok(lib), Screen::ExamSetup(set)), Lang::Ja);
    assert!(html.contains("2026年11月21日 05:30"), "{html}");
    assert!(!html.contains("20:30"), "{html}");
}

/// Importing through the dialog in the Japanese app: the notice and the
/// import's notes are Japanese.
#[test]
fn the_import_notice_in_japanese() {
    let (dir, lib) = library();
    let file = dir.path().join("caps.csv");
    std::fs::write(
        &file,
        "front,back\n東京はどこの首都？,日本\n大阪は何県？,大阪府\n",
    )
    .unwrap();
    let answer = file.clone();
    let pick = move |_: &kioku_app::Pick| Some(answer.clone());
    let mut app = crate::ui::live::Live::speaking(Boot::new(Ok(lib)).with_picker(pick), Lang::Ja);
    // The header's second button is Import….
    app.click(app.element("click", 1));
    let html = app.html();
    for ja in [
        r#"class="notice ok" role="status""#,
        "変更: セット: CSV/TSV にはセットの情報がありません。",
        "変更: 1 行目: 見出しの行「front, back」は列名として読み、カードにはしていません",
        "変更: セット: 言語を本文から ja と推定しました",
    ] {
        assert!(html.contains(ja), "{ja} missing: {html}");
    }
    assert!(
        !html.contains("file name") && !html.contains("line 1"),
        "{html}"
    );
}
