# kioku のメッセージ（日本語）
#
# 用語集 (glossary) — Anki の日本語 UI に合わせる。訳を変えるときはここも直す。
#
#   review (card state, queue)   復習
#   new                          新規
#   learning                     学習中
#   relearning                   再学習中
#   young / mature               未熟 / 熟知
#   due                          期日（一覧の列）、復習予定（統計）
#   Again / Hard / Good / Easy   もう一度 / 難しい / 正解 / 簡単
#   True / False (an answer)     正しい / 誤り
#   knew it / did not know it    覚えていた / 覚えていなかった
#   set (question set, deck)     セット
#   card                         カード（数えるときは「枚」）
#   question                     問題（数えるときは「問」）
#   self-test (exam)             模擬テスト
#   answer                       答え（正解として示すもの）、解答（学習者が答えたもの）
#   undo                         取り消し
#   source (quoted passage)      出典
#   retention                    定着率
#   stability / difficulty       安定性 / 難易度
#   retrievability               想起確率
#   parameters                   パラメータ
#   media file                   メディアファイル
#   data directory               データフォルダ
#
# 文体: 画面の文はです・ます調、ラベルは体言止め。句読点は「、」「。」、
# 括弧は全角（）。ただしコマンド名・オプション・入力する文字（t/f、y/n、
# u、q）は英字のまま。数と単位の間は詰める（10分、3日）。
#
# Fluent はメッセージの前後の空白を取り除く。桁揃えの空白はプログラムが入れる。
# JSON・CSV・ファイル形式などの機械向け出力は翻訳しない。

## 共通

warning = 警告: { $message }
note = 注意: { $message }
error = エラー: { $message }
file-error = { $path }: エラー: { $message }
list-separator = 、
snapshot-not-written = 進捗のスナップショットを書き込めませんでした: { $error }
date = { $year }年{ $month }月{ $day }日
date-time = { $date } { $time }
interval-minutes = { $n }分
interval-hours = { $n }時間
interval-days = { $n }日
interval-months = { $n }か月
interval-years = { $n }年

## カードの状態と評価

state-new = 新規
state-learning = 学習中
state-review = 復習
state-relearning = 再学習中
answer-true = 正しい
answer-false = 誤り
rating-again = もう一度
rating-hard = 難しい
rating-good = 正解
rating-easy = 簡単

## エラー

error-unknown-format = { $path } の形式が拡張子から判断できません。--format で指定してください
error-no-set = セット「{ $set }」はありません
error-no-set-known = セット「{ $set }」はありません。あるセット: { $sets }
error-builtin-read-only = 「{ $set }」は組み込みのセットで、変更できません。--set-id で別の ID を付けてコピーを取り込んでください
error-set-exists = { $error }。上書きするには --replace を、別の ID で取り込むには --set-id を付けてください
error-builtin-set = { $error }。別の ID で取り込むには --set-id を付けてください
error-set-elsewhere = { $error }。それを削除するか、--set-id を付けてください
error-no-data-dir = データフォルダがありません。KIOKU_DATA_DIR を設定するか、--data-dir を付けてください
error-app-where = kioku のインストール先がわかりません: { $error }
error-app-missing = デスクトップアプリがインストールされていません（{ $path } がありません）。kioku のソースから `cargo install --path crates/app` でインストールするか、`cargo build -p { $binary }` でビルドしてください
error-app-start = { $path } を起動できません: { $error }
error-kioku-now = KIOKU_NOW={ $value } は RFC 3339 の時刻ではありません: { $error }
error-terminal = 端末: { $error }
error-output = 出力を書き込めません: { $error }
error-encode = 書き出せません: { $error }
error-encode-stats = 統計を書き出せません: { $error }
error-cannot = { $op ->
    [open] 開けません
    [write] 書き込めません
   *[read] 読み込めません
}: { $error }
error-set-required = セットを指定してください
error-exam-unfinished = 模擬テストが終了しませんでした
error-optimizer-stopped = 最適化が予期せず止まりました
error-apply-with-reviews = --apply はあなた自身の学習履歴に合わせたパラメータを保存するものなので、--reviews とは一緒に使えません
error-not-applied = 保存しませんでした: 最適化したパラメータは既定値より履歴をよく予測できていません（対数損失 { $fitted }、既定値 { $default }）
error-not-rating = 「{ $rating }」は評価ではありません。again、hard、good、easy か 1〜4 を指定してください
error-not-card-key = 「{ $card }」はカードキー（SET/QUESTION[#VARIANT]）ではありません
error-no-card = 読み込んだセットにカード「{ $key }」はありません
error-not-typed = { $key } は { $kind } の問題です。文字で採点できるのは入力式と穴埋めの答えだけです
error-format-unknown = 形式「{ $name }」は使えません。使える形式: { $formats }
error-format-from-extension = { $path } の形式が拡張子から判断できません。--format で指定してください（{ $formats }）
error-format-needed = --format（{ $formats }）か -o FILE を指定してください
error-set-id-not-kebab = --set-id「{ $id }」はケバブケースではありません（例: "my-set"）
error-language-not-tag = --language「{ $language }」は言語タグではありません（例: "ja"、"en"、"pt-BR"）
error-history-flags-not-anki = --with-history と --no-history は Anki パッケージ（.apkg、.colpkg）用です。{ $format } には使えません

## kioku --help: the commands and their arguments

cli-about = FSRS-6 で復習を計画する、問題とフラッシュカードの学習アプリ。
cli-usage = 使い方:
cli-commands = コマンド
cli-arguments = 引数
cli-options = オプション
cli-help = ヘルプを表示する
cli-version = バージョンを表示する
cli-help-command = このヘルプ、または指定したコマンドのヘルプを表示する
cli-error-unknown-argument = 不明な引数 '{ $arg }' があります
cli-error-unknown-command = 不明なコマンド '{ $command }' です
cli-error-missing = 必要な引数が指定されていません: { $args }
cli-error-invalid-value = '{ $arg }' に '{ $value }' は指定できません
cli-error-conflict = '{ $arg }' と '{ $other }' は同時に指定できません
cli-error-other = コマンドラインを読み取れません（{ $detail }）
cli-error-did-you-mean = ヒント: よく似た '{ $suggestion }' があります
cli-error-more = 詳しくは '--help' を付けて実行してください。
cli-data-dir = 学習記録を保存するフォルダ［既定: KIOKU_DATA_DIR、なければユーザーのデータフォルダ］
cli-only-set = このセットだけ
cli-card-key = カードのキー。`kioku next` が表示する形（SET/QUESTION[#VARIANT]）
cli-json-readme = JSON で出力する（形式は README を参照）
cli-check = 問題ファイルを検査し、すべての問題を PATH:LINE:COL の形で報告する
cli-check-files = 問題ファイル: JSON（形式バージョン 1）または `.kioku.md` テキスト
cli-convert = 問題ファイルを JSON と `.kioku.md` テキストの間で変換する（拡張子で判断）
cli-convert-input = 読み込むファイル
cli-convert-output = 書き出すファイル。既にあれば書き出さない
cli-import = 問題ファイルを新しいセットとしてデータフォルダに取り込む（Anki パッケージは復習履歴ごと）
cli-import-file = ファイル: json、md、csv、tsv、anki-tsv（.txt）、gift、aiken、apkg、kioku（セットとメディアをまとめたもの）
cli-import-format = ファイルの形式［既定: 拡張子から判断］
cli-import-set-id = 新しいセットの ID［既定: ファイル名から作る］
cli-import-replace = 同じ ID の既存のセットを置き換える
cli-import-with-history = Anki パッケージの復習履歴を、専用の復習ログとして取り込む［パッケージに復習があるときの既定］
cli-import-no-history = Anki パッケージの復習履歴を取り込まない
cli-import-language = セットの言語（BCP 47、例: ja）［既定: 言語を記録しない形式では本文から推定］
cli-export = セットを json、md、csv、tsv、anki-tsv、gift、aiken、kioku（まとめたファイル。-o が必要）で書き出す
cli-export-set = セットの ID
cli-export-format = 形式［既定: -o の拡張子から判断］
cli-export-output = 標準出力の代わりに FILE に書き出す（既にあれば書き出さない）
cli-decks = すべてのセットと今日の枚数を一覧表示する
cli-decks-json = JSON で出力する: {"{"}id, title, total, new, learning, due, ...{"}"} のリスト
cli-study = 今日のカードを端末で学習する（パイプからの入力にも対応）
cli-study-set = 学習するセット［既定: すべてのセット］
cli-study-new = この学習で出す新規カードを N 枚までにする
cli-next = 次に期日が来るカードを JSON で出力する（なければ null）
cli-next-json = JSON で出力する（唯一の形式。スクリプトで明示するために受け付ける）
cli-answer = カードの評価を今の時刻で記録する
cli-answer-rating = again | hard | good | easy、または 1〜4
cli-answer-json = 新しい状態を JSON で出力する
cli-undo = 直前の解答を取り消す
cli-grade = カードへの入力解答を採点し、理由を示す。何も記録しない
cli-grade-answer = 学習者が入力するとおりの解答
cli-grade-json = JSON で出力する: {"{"}key, answer, correct, verdict, reason, matched, expected, detail{"}"}
cli-exam = 端末で模擬テストを受ける（復習の予定は変わらない）
cli-exam-set = テストするセット
cli-exam-count = 問題数［既定: 20］
cli-exam-all = セットのすべての問題
cli-exam-seed = 出題順のシード。同じシードなら同じテストになる
cli-exam-time-limit = この分数で終了する
cli-exam-tags = これらのタグ（カンマ区切り）のいずれかが付いた問題だけ
cli-exam-feedback-each = 正誤を最後にまとめてではなく、1問ごとに表示する
cli-exam-json = 結果全体を JSON で標準出力に出す（テスト自体は標準エラー出力へ）
cli-exams = 過去の模擬テストの結果を一覧表示する
cli-exams-json = JSON で出力する
cli-exams-csv = クラスの結果を集めるための CSV で出力する
cli-stats = 統計: 状態ごとのカード数、日ごとの復習数、復習予定、実際の定着率、解答時間、連続学習日数、記憶状態の分布
cli-stats-set = このセットだけ［既定: すべてのセット］
cli-optimize = 復習履歴（または CSV の復習ログ）に FSRS のパラメータを合わせ、既定値と比べる
cli-optimize-reviews = 代わりにこの CSV で合わせる: card_id,review_rating,review_time[,review_duration]
cli-optimize-apply = 合わせたパラメータが既定値より良ければ設定に保存する
cli-memory = CSV の復習ログを今のパラメータで再生し、カードごとの記憶状態と次の期日を表示する
cli-memory-reviews = CSV の復習ログ: card_id,review_rating,review_time[,review_duration]
cli-memory-json = JSON で出力する: {"{"}card_id, state, stability, difficulty, retrievability, last_review, due, ...{"}"} のリスト

## kioku check, convert, import, export

check-ok = { $path }: OK（問題 { $questions } 問、カード { $cards } 枚）
convert-done = { $input } -> { $output }: 問題 { $questions } 問
import-created = { $file } を作成しました: セット「{ $set }」、問題 { $questions } 問、カード { $cards } 枚（{ $source } から）
import-media = { $dir } を作成しました: メディアファイル { $count } 個
import-history = { $file } を作成しました: Anki の復習ログ { $rows } 行のうち { $reviews } 件を、カード { $cards } 枚の復習として取り込みました
import-history-skipped = 履歴: { $message }
import-history-left-out = 履歴: パッケージの復習ログ { $rows } 行は取り込みませんでした（--no-history）
import-history-kept = 履歴: 以前の取り込みの復習履歴 { $file }（復習 { $reviews } 件）はそのまま残しました。進捗は黙って消されず、同じ ID のカードには引き続き反映されます。置き換えるには --no-history を付けずに取り込み直し、不要ならファイルを移動してください
import-history-default = { $line }（復習のあるパッケージでは既定の動作です。--no-history で取り込みません）
import-history-none = 履歴: このパッケージには復習履歴がありません
import-history-exists = 以前の取り込みの復習履歴があります。セットと履歴を置き換えるには --replace を、取り込まないなら --no-history を付けてください
export-wrote = { $file } に書き出しました: 問題 { $total } 問のうち { $written } 問（{ $format } 形式）
export-media = { $dir } に書き出しました: メディアファイル { $count } 個
export-skipped = 書き出せなかったもの: { $what }

## kioku decks

decks-id = ID
decks-cards = カード
decks-new = 新規
decks-learning = 学習中
decks-due = 期日
decks-title = タイトル

## kioku study

study-counts = [新規 { $new } · 学習中 { $learning } · 復習 { $review }]  { $key }
prompt-flashcard = （Enter で答えを表示）
prompt-typed = 答えを入力:
prompt-cloze = 空欄に入る語:
prompt-cloze-several = 空欄 { $n } か所（前から順に「;」で区切って）:
prompt-true-false = 正しい？ 誤り？（t/f）
prompt-select-all = 当てはまるものをすべて選んでください（全部合っていれば正解）。
prompt-choices = 選択（例: a,c）:
prompt-choice = 選択:
feedback-answer = 答え: { $answer }
feedback-correct = ✓ 正解: { $answer }
feedback-typo = ✓ 正解（誤字あり）: 正しくは { $expected }
feedback-wrong = ✗ 不正解。答え: { $answer }
feedback-from-source = 出典より:「{ $quote }」
feedback-source = 出典:「{ $quote }」
rating-choice = { $number } { $name }（{ $interval }）
rating-prompt = 評価 [Enter = { $suggested }、u = 取り消し、q = 終了]:
study-undid = { $key } の解答を取り消しました。
study-nothing-to-undo = 取り消せる解答はありません。
study-summary = 学習したカード { $studied } 枚 · 正答率 { $accuracy }% · { $minutes }分{ $seconds }秒
study-next-now = 続けて学習できるカードがあります。
study-next-in = 次のカードは { $minutes }分後です。
study-next-none = 今日のカードはこれで終わりです。

## kioku exam, kioku exams

exam-intro = 模擬テスト: { $set } から { $count } 問（シード { $seed }）。「すべて選ぶ」問題は、選んだものが全部合っているときだけ得点になります。
exam-time-limit = 制限時間: { $minutes }分。
exam-quit-hint = q で途中終了できます（答えていない問題は不正解になります）。
exam-time-up = 時間切れです。
exam-question = 問題 { $number }/{ $count }
exam-knew-it = 覚えていましたか？（y/n）
exam-score = 得点: { $points }/{ $total }（{ $percent }%）所要時間 { $minutes }分{ $seconds }秒
exam-no-mistakes = 間違いはありません。
exam-mistakes = 間違えた問題（{ $count } 問）:
exam-your-answer = あなたの解答: { $answer }
exam-no-answer = （未解答）
exam-knew = 覚えていた
exam-did-not-know = 覚えていなかった
exam-revealed = 答えを表示
exam-right-answer = 正しい答え: { $answer }
exam-retake = 同じテストをもう一度受けるには --seed { $seed } を付けてください。
exams-none = 模擬テストの記録はまだありません。受けるには: kioku exam SET
exams-started = 開始
exams-set = セット
exams-score = 得点
exams-time = 時間
exams-trend = 推移
exams-duration = { $minutes }分{ $seconds }秒

## kioku answer, undo, grade

answer-done = { $key }: { $rating } → { $state }、次回は { $interval }後
undo-done = { $key } への最後の解答を取り消しました
undo-nothing = 取り消せる解答はありません
verdict-correct = 正解
verdict-correct-with-typo = 正解（誤字あり）
verdict-wrong = 不正解
verdict-self-graded = 自己採点

## kioku stats

stats-all-sets = すべてのセット
stats-title = 統計: { $scope }（{ $date }）
stats-cards-label = カード
stats-cards = 合計 { $total } · 新規 { $new } · 学習中 { $learning } · 未熟 { $young } · 熟知 { $mature }
stats-reviews-label = 復習回数
stats-reviews = 今日 { $today } · 30日間 { $month } · 365日間 { $year } · 累計 { $ever }
stats-streak-label = 連続学習
stats-streak = { $days }日
stats-answer-time-label = 解答時間
stats-answer-time = 平均 { $seconds } 秒
stats-answer-time-none = 平均 –
stats-due-label = 復習予定
stats-due = 今日 { $today } · 明日 { $tomorrow } · 7日間 { $week } · 30日間 { $month }
stats-retention = 実際の定着率
stats-young = 未熟
stats-mature = 熟知
stats-last-7-days = 過去7日間
stats-last-30-days = 過去30日間
stats-last-365-days = 過去365日間
stats-stability = 安定性（日）
stats-days-unit = 日
stats-difficulty = 難易度（1〜10）
stats-retrievability = 現在の想起確率

## kioku optimize, kioku memory

optimize-fitting = 最適化中
optimize-evaluating = 評価中
optimize-parameters-label = パラメータ
optimize-reviews-label = 復習
optimize-reviews = { $used } 件を使用（履歴 { $history } 件、カード { $cards } 枚）
optimize-reviews-needed = すべてのパラメータを合わせるにはあと { $needed } 件必要です。それまでは最初の 4 つだけが変わります
optimize-log-loss = 対数損失
optimize-rmse = RMSE（ビン）
optimize-default-label = 既定値
optimize-fitted-label = 最適化後
optimize-workload-fitted = 予想される学習量（最適化したパラメータ、カード { $cards } 枚で 1 年間）:
optimize-workload-default = 予想される学習量（既定のパラメータ、カード { $cards } 枚で 1 年間）:
optimize-retention = 定着率
optimize-reviews-per-day = 復習/日
optimize-minutes-per-day = 分/日
optimize-remembered = 記憶数
optimize-applied = 最適化したパラメータを設定に保存しました。
memory-card = カード
memory-state = 状態
memory-stability = 安定性
memory-difficulty = 難易度
memory-recall = 想起確率
memory-last-review = 最終復習
memory-due = 期日

## The editor: adding images and sounds
media-needs-set-id = 画像や音声を追加する前に、セットに有効な ID を付けてください。
media-no-data-dir = データフォルダが開かれていません。
media-not-added = 追加できませんでした: { $error }
media-added = { $file } を { $name } として追加しました。
media-pasted-image = 貼り付けた画像
media-paste-unsupported = 追加できませんでした: 貼り付けた { $kind } は kioku で表示できる画像ではありません（PNG、JPEG、GIF、WebP）。
media-drop-files-only = ここにはファイルだけをドロップできます。
media-dialog-title = 画像または音声を追加
media-dialog-filter = 画像と音声
media-add-to = 追加先
media-at-cursor = このフィールドのカーソル位置に入ります。
media-at-end = このフィールドの末尾に入ります（フィールドをクリックするとカーソル位置に入ります）。
media-drop-paste-hint = テキストフィールドにファイルをドロップしたり、画像を貼り付けたりすることもできます。
media-legend = 画像と音声
media-alt-label = 説明（代替テキスト。スクリーンリーダーが読み上げます）
media-alt-placeholder = 係争中の島々の地図
media-field-prompt = 問題文
media-field-text = 本文
media-field-answer = 答え
media-field-explanation = 解説
media-describe-first = 先に説明を入力してください
media-add-button = 画像・音声を追加…
media-drop-zone = 画像または音声ファイルをここにドロップ
media-drop-describe-first = 説明を入力してから、ここにファイルをドロップしてください
media-drop-here = …またはここにファイルをドロップ
media-kinds = PNG、JPEG、GIF、WebP、SVG、MP3、Ogg、WAV、M4A（20 MiB まで）。
media-in-question = この問題のメディア
media-unused-title = 使われていないメディアファイル
media-unused = 次の { $n } 個のファイルはどの問題にも使われなくなりました: { $files }。セットのメディアフォルダから削除しますか？
media-delete-files = ファイルを削除
media-keep-files = 残しておく

## App: study

app-all-decks = すべてのデッキ
app-cram-title = 詰め込み学習 · { $title }
app-back-decks = ← デッキ一覧
app-remaining = 残り
app-remaining-today = 今日の残り
app-to-go = 残り { $n } 枚
app-count-new = 新規 { $n }
app-count-learning = 学習中 { $n }
app-count-review = 復習 { $n }
app-undo = 取り消し
app-session-progress = セッションの進み具合
app-say-next-card = 次のカード: { $prompt }
app-say-finished = 期日のカードはもうありません。セッションのまとめを表示しました。
app-say-answer = 答え: { $answer }
app-say-correct = 正解です。
app-say-correct-typo = 正解です（入力ミスあり）。答えは { $expected } です。
app-say-wrong = 不正解です。答えは { $answer } です。
app-say-nothing-to-undo = 取り消せる操作はありません。
app-say-undone = 取り消しました。カードをもう一度表示します。
app-card = カード
app-how-well = どのくらい覚えていましたか？
app-press-help = ? キーでショートカット一覧
app-kind-flashcard = フラッシュカード
app-kind-typed = 答えを入力
app-kind-choice = 選択問題
app-kind-true-false = 正誤問題
app-kind-cloze = 穴埋め
app-missing-text = 空欄に入る語
app-missing-texts = 空欄 { $n } か所：前から順に、半角の「;」で区切って入力
app-your-answer = あなたの解答
app-check = 答え合わせ
app-select-all = 当てはまるものをすべて選んでください。すべて合っていれば正解です。
app-pick-one = 一つ選んでください。
app-show-answer = 答えを表示
app-verdict-correct = ✓ 正解
app-verdict-typo = ✓ 正解（入力ミスあり）:「{ $expected }」
app-verdict-wrong = ✗ 不正解
app-you-wrote = あなたの解答:
app-nothing-typed = （未入力）
app-right-answer = 正解
app-your-pick = あなたの選択
app-answer = 答え
app-from-interview = インタビューより
app-from-source = 出典より
app-rate-your-answer = 解答を評価
app-cram-again = あとでもう一度
app-cram-next = 次へ
app-cram-done = このカードは終了
app-more-due-now = ほかにも期日のカードがあります。
app-next-due-in = 次のカードは { $minutes } 分後です。
app-nothing-else-today = 今日の学習はこれで終わりです。
app-nothing-due = いま学習するカードはありません
app-session-done = セッション終了
app-cards-studied = 学習したカード
app-accuracy = 正答率
app-time = 時間
app-minutes-seconds = { $m }分{ $s }秒
app-back-to-decks = デッキ一覧に戻る
app-study-again = もう一度学習

## App: decks

app-import-unknown-type = { $path }: ファイル名から形式がわかりません。拡張子は .{ $extensions } のいずれかにしてください
app-imported = { $path } から問題 { $n } 問を「{ $title }」に取り込みました。
app-skipped = スキップ: { $what }
app-changed = 変更: { $what }
app-left-out = 除外: { $what }
app-import-failed = { $path } を取り込めませんでした。
app-exported-as = 「{ $set }」を { $format } 形式で { $path } に書き出しました。
app-copied-media = メディアファイル { $n } 個を { $path } にコピーしました。
app-export-failed = { $path } に書き出せませんでした。
app-deleted = 「{ $title }」を削除しました。コピーを { $path } に残しています。復習の履歴も残ります。
app-delete-failed = 「{ $set }」を削除できませんでした。
app-restored = 「{ $title }」を元に戻しました。
app-restore-failed = 「{ $title }」を元に戻せませんでした。{ $path } に残っています。
app-dismiss = 閉じる
app-delete-title = 「{ $title }」を削除しますか？
app-delete-where-before = このセットと画像・音声はデッキ一覧から外され、データフォルダの
app-delete-where-after = フォルダに移されます。何も失われません。
app-delete-progress = 復習ログの進捗は残ります。セットを元に戻すか、もう一度取り込めば、続きから学習できます。
app-delete = 削除
app-cancel = キャンセル
app-tagline = 間隔反復で学ぶ
app-new-set = 新しいセット
app-import = 取り込み…
app-statistics = 統計
app-settings = 設定
app-shortcuts = キーボードショートカット
app-no-sets = 問題セットはまだありません
app-no-sets-how = 問題セットのファイル（.json）をデータフォルダの sets フォルダに置き、kioku を再起動してください。
app-no-sets-check = 先に次のコマンドで確認できます:
app-your-decks = デッキ
app-new-today = 今日の新規カード
app-learning-today = 今日の学習中カード
app-due-today = 今日の復習
app-count-due = 期日 { $n }
app-count-cards = { $n } 枚
app-mastered = 習得度
app-mastered-percent = 習得 { $percent }%
app-study-nothing-due = 学習（期日のカードなし）
app-study = 学習
app-self-test = 模擬テスト
app-cram = 詰め込み学習
app-stats = 統計
app-copy-to-edit = コピーして編集
app-edit = 編集
app-export-set = { $title } を書き出す
app-export = 書き出し…
app-delete-set = { $title } を削除
app-delete-ellipsis = 削除…

## App: keyboard shortcuts (the ? overlay)

app-close = 閉じる
help-everywhere = 共通
help-toggle = この一覧を表示／非表示
help-back = 戻る／閉じる
help-tab = 項目間を移動
help-decks = デッキ一覧
help-study-deck = デッキ 1～9 を学習
help-new-set = 新しいセット
help-settings = 設定
help-studying = 学習中
help-space = 答えを表示。解答後は「正解」（または提案された評価）で評価
help-rate = もう一度・難しい・正解・簡単で評価
help-pick-choice = 選択肢を選ぶ（選択問題）
help-true-false = 正しい／誤りで答える
help-open-source = 解答後: 引用箇所を強調して出典を開く（Esc で戻る）
help-undo = 直前の解答を取り消す
help-zoom-card = カードの画像を拡大（画像のクリックでも可）。Esc で閉じる
help-replay-card = カードの音声をもう一度再生
help-self-test = 模擬テスト
help-next-question = 次の問題
help-pick = 選択肢を選ぶ
help-known = フラッシュカードを「覚えていた」「覚えていなかった」で記録
help-zoom-question = 問題の画像を拡大（画像のクリックでも可）。Esc で閉じる
help-replay-question = 問題の音声をもう一度再生
help-editing = セットの編集
help-save-set = セットを保存

## App: errors and file dialogs

app-import-dialog-title = 問題セットを取り込む
app-import-dialog-filter = 問題セット
app-export-dialog-title = 「{ $title }」を書き出す
app-error-builtin-read-only = 「{ $set }」は組み込みのセットで、変更できません。コピーして編集してください
app-error-unknown-format = { $path } の形式が拡張子から判断できません。形式を選んでください
app-error-set-exists = ID「{ $set }」のセットはすでにあります。先に削除するか名前を変えてください
app-error-builtin-set = 「{ $set }」は組み込みのセットの ID です。取り込むにはファイル名を変えてください

## App: settings

app-scheduling = スケジュール
app-hint-retention = 期日にカードを覚えている確率の目標: 70～99。高いほど復習が増えます。
app-hint-per-deck = デッキごと。
app-hint-learning-steps = 新規カードが卒業するまでの間隔。例: 1m 10m（m=分、h=時間、d=日）
app-hint-relearning-steps = 忘れたカードを再学習する間隔。例: 10m
app-hint-rollover = 0～23（現地時刻）。この時刻より前の復習は前日の分になります。
app-hint-max-answer = 10～3600。これより長くかかった解答はこの秒数として記録されるので、カードを表示したまま席を外しても学習時間に数えられません。
app-appearance = 表示
app-theme = テーマ
app-theme-system = システムに合わせる
app-theme-light = ライト
app-theme-dark = ダーク
app-language = 言語
app-language-system = システムに合わせる
app-save = 保存
app-saved = 保存しました。
app-not-saved = 保存していません。上の印の付いた項目を直してください。
app-field-retention = 目標定着率（%）
app-field-new-per-day = 1日の新規カード数
app-field-reviews-per-day = 1日の復習数
app-field-learning-steps = 学習ステップ
app-field-relearning-steps = 再学習ステップ
app-field-rollover = 日付の切り替え時刻（時）
app-field-max-answer = 解答時間の上限（秒）
app-field-text-size = 文字の大きさ（%）

## App: cram, reader, image

app-cram-none = 当てはまるカードがありません。別のカードを選んでください。
app-cram-all = すべてのカード
app-cram-new = 新規カードだけ
app-cram-wrong = この7日間に間違えたカード
app-cram-tag = タグの付いたカード
app-cram-lead = 「{ $title }」をスケジュールとは別に学習します。指定しないかぎり復習のスケジュールは変わりません。
app-cram-which = 対象のカード
app-tag = タグ
app-cram-how = 方法
app-cram-shuffle = カードをシャッフル
app-cram-counts = 解答を復習としても記録する（スケジュールが変わります）
app-cram-start = 詰め込み学習を始める
app-read-source-title = この箇所を強調して全文を開く（O）
app-no-source-document = このセットには出典の文書がありません。
app-back-to-card = カードに戻る
app-quote-not-found = 引用箇所がこの文書に見つかりません。理由はセットに kioku check を実行すると確認できます。
app-zoomed-image = 拡大画像: { $alt }
app-close-esc = 閉じる（Esc）

## App: trying an answer in the editor

app-reason-self-graded = 自己採点
app-reason-exact = 完全一致
app-reason-normalized = 表記ゆれを吸収して一致
app-reason-typo = 入力ミス
app-reason-alternative = 別解
app-reason-rejected = 不一致
app-try-answer = 解答を試す
app-try-fix-first = 解答を試すには、先にこの問題の不備を直してください。
app-blank = 空欄
app-blank-n = 空欄 { $n }
app-try-placeholder = 学習者のつもりで解答を入力
app-try = 試す
app-try-accepted = ✓ 正解扱い
app-try-rejected = ✗ 不正解扱い

## App: optimizer (in Settings)

app-opt-title = スケジュールを記憶に合わせる
app-opt-hint = FSRS は Anki と同じく、あなたの復習履歴から忘れる速さを学習できます。結果を使うと決めるまで何も変わりません。
app-opt-running = 最適化中
app-opt-progress = 最適化中… { $percent }%
app-opt-start = パラメータを最適化
app-opt-log-loss = 対数損失
app-opt-rmse = RMSE（ビン）
app-opt-default = 既定のパラメータ
app-opt-fitted = あなたの復習 { $n } 回に合わせたもの
app-opt-need-more = カードの初日より後の復習があと { $n } 回あれば、すべてのパラメータを合わせられます。
app-opt-applied = 保存しました。スケジュールはあなたのパラメータを使います。
app-opt-apply = 合わせたパラメータを使う
app-opt-not-better = あなたの履歴では、合わせたパラメータが既定より良くならないため、提案しません。
app-opt-workload-title = 目標定着率と学習量
app-opt-estimate = 1日の学習量を見積もる
app-opt-retention = 定着率
app-opt-reviews-day = 復習数／日
app-opt-minutes-day = 分／日

## App: self-test

app-exam-bad-count = 問題数: 整数を入力してください。空欄ならすべての問題です。
app-exam-bad-minutes = 制限時間: 1～600 の分数を入力してください。空欄なら制限なしです。
app-exam-lead = 「{ $title }」で模擬テストをします。復習のスケジュールは変わりません。
app-exam-questions = 問題
app-exam-count = 問題数
app-exam-count-hint = 空欄ならすべての問題。kioku は選んだ値を覚えます。
app-exam-only-tags = これらのタグだけ
app-exam-only-types = これらの形式だけ
app-exam-conditions = 条件
app-exam-minutes = 制限時間（分）
app-exam-minutes-hint = 空欄なら制限なし。
app-exam-feedback = 採点結果の表示
app-exam-after-each = 1問ごとに正誤を表示（しない場合は最後にまとめて）
app-exam-start = テストを始める
app-exam-none-yet = このセットの模擬テストはまだありません。
app-exam-past = これまでの結果
app-exam-no-full = 通しのテストはまだありません。推移は通しのテストだけを示します。
app-exam-trend-label = 通しのテストの得点の推移、古い順（テスト番号ごとの得点率）: { $summary }
app-exam-trend-point = { $n } 回目（{ $when }）: { $percent }%
app-exam-trend-x = 通しのテスト（古い順）
app-exam-score = 得点
app-exam-trend-caption = 通しのテストのみ。間違えた問題の再テストは下に別に示します。
app-exam-full-tests = 通しのテスト
app-exam-retries = 間違えた問題の再テスト
app-exam-when = 日時
app-exam-details = 詳細
app-exam-ran-out-short = （時間切れ）
app-exam-more = 詳しく
app-exam-time-limit = 制限時間
app-exam-no-limit = なし
app-exam-limit-minutes = { $n }分
app-exam-tags = タグ
app-exam-seed = シード
app-exam-finish-now = ここで終了
app-exam-title-progress = 模擬テスト · { $total } 問中 { $n } 問目
app-exam-time-left = 残り時間
app-exam-progress = テストの進み具合
app-exam-question = 問題
app-exam-question-n = 問題 { $n }
app-exam-select-all = 当てはまるものをすべて選んでください。すべて合っている場合だけ得点になります。
app-exam-did-you-know = 覚えていましたか？
app-exam-knew = 覚えていた
app-exam-did-not-know = 覚えていなかった
app-exam-result = 模擬テストの結果
app-exam-ran-out = 時間切れです。
app-exam-ran-out-detail = 制限時間 { $minutes } 分でテストを終えました。未解答の { $n } 問はここでは不正解として数えます（詰め込み学習の「間違えたカード」には入りません）。
app-exam-ran-out-detail-no-limit = 制限時間でテストを終えました。未解答の { $n } 問はここでは不正解として数えます（詰め込み学習の「間違えたカード」には入りません）。
app-exam-retry-note = 間違えた問題の再テストです。推移では通しのテストと分けて示します。
app-exam-score-line = 得点: { $points } / { $total }（{ $percent }%）
app-exam-right = 正解
app-exam-wrong = 不正解・未解答
app-exam-result-note = 複数選択の問題は、選択がすべて合っている場合だけ正解です。復習のスケジュールは変わっていません。
app-exam-retry = 間違えた問題を再テスト
app-exam-every-question = すべての問題
app-exam-your-answer = あなたの解答:
app-exam-no-answer = （なし）
app-exam-right-answer = 正解:

## App: statistics

app-stats-summary = 概要
app-stats-cards = カード
app-stats-new = 新規
app-stats-learning = 学習中
app-stats-young = 未熟
app-stats-mature = 熟知（21日〜）
app-stats-reviews = 復習回数
app-stats-streak = 日連続
app-stats-per-answer = 1 回の解答あたり
app-stats-seconds = { $s } 秒
app-stats-retention = 実際の定着率
app-stats-retention-hint = 復習したカードのうち覚えていた（「もう一度」以外を選んだ）割合です。未熟は間隔が21日未満、熟知は21日以上のカードです。
app-stats-period = 期間
app-stats-young-col = 未熟
app-stats-mature-col = 熟知
app-stats-last-days = 過去{ $days }日間
app-stats-pass = { $percent }%（{ $passed }/{ $reviews }）
app-stats-self-test = 模擬テストの得点
app-stats-self-test-score = { $date }: { $percent }%
app-stats-reviews-per-day = 日ごとの復習回数
app-stats-heatmap-summary = 過去{ $days }日間のうち{ $active }日で、{ $total } 回復習しました。
app-stats-day-reviews = { $day }: 復習 { $n } 回
app-stats-forecast = 今後{ $days }日間の復習予定
app-stats-forecast-summary = 今後{ $days }日間に { $total } 枚が期日になります（今日は { $today } 枚）。
app-stats-today = 今日
app-stats-tomorrow = 明日
app-stats-in-days = { $n }日後
app-stats-cards-on = { $label }: { $n } 枚
app-stats-no-studied = まだ学習したカードはありません。

## App: the editor

editor-new-set-title = 新しいセット
editor-title = セットの編集
editor-problems-to-fix = 要修正 { $n } 件
editor-unsaved = 未保存の変更
editor-saved = 保存済み
editor-unsaved-question = 未保存の変更があります。
editor-save-and-leave = 保存して戻る
editor-discard = 変更を破棄
editor-keep-editing = 編集を続ける
editor-set = セット
editor-field-title = タイトル
editor-id-label = {"ID: "}
editor-id-fixed = （変更不可。進捗はこの ID で記録されます）
editor-id = ID
editor-id-from-title = {" — "}タイトルから作成。保存後は変更できません。{" "}
editor-choose-id = 別の ID にする
editor-field-id = ID（半角英小文字とハイフン。保存後は変更不可）
editor-field-description = 説明（Markdown）
editor-field-language = 言語（例: ja）
editor-field-authors = 作成者（カンマ区切り）
editor-field-source = 出典資料
editor-field-abbreviations = 解答で認める略語（U.S. = United States、UK = United Kingdom）
editor-questions = 問題一覧
editor-has-problems = 要修正
editor-move-up = 問題 { $n } を上へ
editor-move-down = 問題 { $n } を下へ
editor-delete-question = 問題 { $n } を削除
editor-add = 追加:
editor-add-first = 問題を追加して始めましょう。
editor-kind-flashcard = フラッシュカード
editor-kind-typed = 入力式
editor-kind-multiple-choice = 選択式
editor-kind-true-false = 正誤式
editor-kind-cloze = 穴埋め
editor-new-question = （新しい{ $kind }）
editor-question-n = 問題 { $n }
editor-type = 形式
editor-field-cloze = 本文: 空欄にする語は {"{{"}答え{"}}"} のように書きます
editor-make-blank = 選択した語を空欄にする
editor-field-prompt = 問題文（Markdown）
editor-field-answer = 答え（Markdown）
editor-reversible = 答え → 問題文の向きでも学習する
editor-accepted-answers = 正解として認める答え（最初のものを表示）
editor-accepted-answer-n = 正解 { $n }
editor-remove-answer-n = 正解 { $n } を削除
editor-add-answer = 答えを追加
editor-choices = 選択肢（正しいものにチェック。複数なら「当てはまるものをすべて選ぶ」問題）
editor-choice-correct-n = 選択肢 { $n } は正しい
editor-choice-n = 選択肢 { $n }
editor-remove-choice-n = 選択肢 { $n } を削除
editor-add-choice = 選択肢を追加
editor-shuffle = 表示するとき選択肢を並べ替える
editor-statement-is = この文は
editor-field-explanation = 解説（Markdown。解答後に表示）
editor-field-source-quote = 出典の引用（答えの根拠となる箇所）
editor-field-tags = タグ（カンマ区切り）
editor-preview = プレビュー
editor-transfer = 取り込み・書き出し
editor-file-path = ファイルのパス
editor-file-path-placeholder = /home/me/deck.apkg
editor-format = 形式
editor-format-auto = ファイルの拡張子から判断
editor-import-new = 新しいセットとして取り込む
editor-save-first = 先に保存してください
editor-export-set = このセットを書き出す

## kioku check: what is wrong in a question file

check-problem = { $path }:{ $line }:{ $column }: エラー: { $message }
check-did-you-mean = （「{ $name }」の間違いですか？）
kind-null = null
kind-boolean = 真偽値
kind-number = 数値
kind-string = 文字列
kind-array = 配列
kind-object = オブジェクト
kind-true-or-false = true または false
kind-other-text = ほかの文字列
kind-format-version = 形式のバージョン 1
kind-array-of-strings = 文字列の配列
kind-abbreviation-map = 短縮形から正式名へのオブジェクト
kind-array-of-choice-indices = 選択肢の番号の配列
kind-choice-index = 選択肢の番号
check-not-an-object = 問題セットは JSON のオブジェクトでなければなりません（実際は{ $found }）
check-prompt-in-cloze = "prompt" は穴埋め問題のフィールドではありません（穴埋め問題では "text" に {"{{...}}"} で空欄を書きます）
check-field-not-for-type = "{ $name }" は { $kind } 問題のフィールドではありません
check-empty-file = ファイルが空です
check-not-utf8 = ファイルが UTF-8 ではありません（不正なバイト { $byte }）。UTF-8 で保存してください
check-too-large = ファイルが { $size } MiB あります。問題ファイルは { $limit } MiB までです
check-too-deep = 入れ子が { $limit } 段を超えています
check-duplicate-key = キー "{ $key }" が重複しています（最初は { $first }）
check-unknown-field = 不明なフィールド "{ $name }"{ $suggestion }
check-hint-version = （形式のバージョン: 1）
check-hint-prompt = （問題文）
check-hint-true-or-false = （true または false）
check-hint-accepted-answers = （正解とする答えの一覧）
check-hint-choice-indices = （正しい選択肢の番号。0 から数えます）
check-missing-field = フィールド "{ $name }" がありません{ $hint }
check-wrong-type = "{ $field }" は{ $expected }でなければなりません（実際は{ $found }）
check-unsupported-version = 形式のバージョン { $found } には対応していません。この kioku が読めるのはバージョン { $supported } です
check-newer-version = 形式のバージョン { $found } には対応していません。この kioku が読めるのはバージョン { $supported } です（新しい kioku が必要です）
check-empty = "{ $field }" が空です
check-set-id = セット ID
check-question-id = 問題 ID
check-not-kebab = { $what } "{ $value }" がケバブケース（半角英小文字と数字を 1 つのハイフンでつないだもの。例: "{ $example }"）ではありません
check-bad-language = 言語 "{ $tag }" は "en" や "pt-BR" のような BCP 47 タグではありません
check-duplicate-question-id = 問題 ID "{ $id }" が重複しています（最初は { $first }）
check-unknown-type = 不明な問題形式 "{ $found }"{ $suggestion }。flashcard、typed、multiple_choice、true_false、cloze のいずれかを指定してください
check-no-questions = セットには問題が 1 問以上必要です
check-too-few-choices = 選択問題には選択肢が { $min } 個以上必要です（{ $found } 個あります）
check-too-many-choices = 選択問題の選択肢は { $max } 個までです（{ $found } 個あります）
check-empty-choice = 選択肢 { $index } が空です
check-duplicate-choice = 選択肢 { $index } が選択肢 { $first } と同じです（"{ $text }"）
check-no-correct-choice = "correct" には正しい選択肢の番号を 1 つ以上書いてください
check-negative-index = 正解の番号 { $index } が負の数です。選択肢の番号は 0 から始まります
check-index-out-of-range = 正解の番号 { $index } が範囲外です。{ $count } 個の選択肢の番号は 0〜{ $last } です
check-not-an-index = 正解の番号は整数でなければなりません（実際は { $found }）
check-duplicate-index = 正解の番号 { $index } が 2 回書かれています
check-duplicate-answer = 正解 { $index } が正解 { $first } と同じです（"{ $text }"）
check-no-deletion = 穴埋めの本文に空欄がありません。隠す部分を {"{{...}}"} で囲んでください
check-unclosed-deletion = 括弧の対応が取れていません: "{"{{"}" が "{"}}"}" で閉じられていません
check-unopened-deletion = 括弧の対応が取れていません: "{"}}"}" に対応する "{"{{"}" がありません
check-nested-deletion = 空欄の中に空欄は書けません
check-empty-deletion = 空欄 {"{{}}"} の中身が空です
check-unnumbered-deletion = ほかの空欄にはカード番号があるのに、この空欄にはありません。{"{{cN::...}}"} と書いてください（同じ N の空欄は同時に隠れます）
check-stray-brace = 穴埋めの本文に単独の '{ $brace }' があります。空欄は {"{{答え}}"} と書きます
check-no-front-matter = .kioku.md ファイルは、セットのフロントマターを始める "---" の行で始まります
check-unclosed-front-matter = フロントマターが "---" の行で閉じられていません
check-text-outside-question = 問題の外に文があります。各問題は "## id" の見出しで始まります（本文として書くには行頭に \ を付けます）
check-mixed-types = この問題には { $first } と { $second } の記号が混在しています。1 つの問題の形式は 1 つです
check-no-answer = 問題に答えがありません。"A:"、"=" の答え、"- [x]" の選択肢、または "Q:" 内の {"{{...}}"} の空欄を追加してください
check-quote-not-found = 出典の引用が { $document } に見つかりません
check-quote-not-found-nearest = 出典の引用が { $document } に見つかりません。近い箇所:「{ $nearest }」
check-abbreviation-no-equals = に "=" がありません。短縮形 = 正式名 の形で書いてください
check-abbreviation-blank-short = が空です。短縮形を書いてください
check-abbreviation-nothing-to-match = には照合できる文字や数字がありません
check-abbreviation-blank-long = の正式名が空です
check-abbreviation-same-as-long = が正式名と同じです
check-bad-abbreviation = 略語 "{ $short }" { $reason }
check-source-unreadable = 出典資料 "{ $document }" を読めません: { $reason }
json-unexpected-end = ファイルが途中で終わっています
json-unexpected-token = 予期しない文字です。JSON の値が必要です
json-trailing-characters = JSON の値のあとに余分な文字があります
json-comment = JSON にコメントは書けません
json-expected-key = 二重引用符で囲んだキーが必要です
json-expected-colon = キーのあとに ':' が必要です
json-expected-comma-or-end = ',' または '{ $end }' が必要です
json-trailing-comma = '{ $end }' の前に余分なカンマがあります
json-unterminated-string = 文字列が閉じられていません
json-invalid-escape = 不正なエスケープシーケンスです
json-control-character = 文字列に制御文字があります（\n のようなエスケープで書いてください）
json-invalid-number = 不正な数値です

## The grader's reasons (kioku grade, trying an answer in the editor)

grade-self-graded = フラッシュカードは自己評価です
grade-by-learner = 学習者が判断します
grade-matches-answer = 答え「{ $answer }」と一致
grade-matches-alternative = 別解「{ $answer }」と一致
grade-matches-leniently = 「{ $answer }」と一致（{ $rule }）
grade-one-typo = 「{ $answer }」と 1 文字違い
grade-no-accepted-answer = 正解として認める答えがありません
grade-no-match = { $alternatives ->
    [0] 答え「{ $answer }」と一致しません
   *[other] 答え「{ $answer }」とも、{ $alternatives } 個の別解とも一致しません
}
grade-no-such-blank = この穴埋めにはその空欄がありません
grade-right-choices = 正しい選択肢です
grade-not-right-choices = 選択が正しい選択肢と完全には一致しません
grade-right = 正しい判断です
grade-other-way = 文の正誤が逆です
grade-blank-count = このカードには空欄が { $blanks } か所あります。前から順に半角の「;」で区切って答えてください（{ $given } 個入力）
grade-blank = 空欄 { $n }: { $detail }
grade-blank-separator = 、
grade-rule-wording = 先頭の冠詞・前置詞や数の書き方を無視
grade-rule-order = 列挙の順番違い
grade-rule-extra-words = 前後の余分な語のみ
grade-rule-abbreviation = セットの略語を展開して
grade-rule-initials = ミドルイニシャルを除いて

## The settings form's problems

settings-not-in-range = { $min }〜{ $max } の整数を入力してください。
settings-bad-step = 「{ $step }」はステップとして読めません。「1m 10m」のように書いてください（m = 分、h = 時間、d = 日）。
settings-step-range = ステップは 1 分から 30 日までです（「{ $step }」）。

## The editor's problems, next to each field

editor-problem-empty-choice = 選択肢 { $n } が空です
editor-problem-duplicate-choice = 選択肢 { $n } が選択肢 { $first } と同じです
editor-problem-no-correct-choice = 正しい選択肢を 1 つ以上チェックしてください
editor-problem-too-few-choices = 選択肢を { $min } 個以上入力してください
editor-problem-too-many-choices = 選択肢は { $max } 個までです
editor-problem-mark-again = 正しい選択肢をチェックし直してください
editor-problem-duplicate-answer = 正解 { $n } が正解 { $first } と同じです
editor-problem-empty-title = セットのタイトルを入力してください
editor-problem-empty-id = ID を入力してください
editor-problem-empty-language = セットの言語（ja、en など）を入力してください
editor-problem-empty-prompt = 問題文を入力してください
editor-problem-empty-answer = 答えを入力してください
editor-problem-empty-answers = 正解として認める答えを 1 つ以上入力してください
editor-problem-empty-answers-entry = 空の正解があります
editor-problem-empty-text = 空欄を含む本文を入力してください
editor-problem-empty = 空にはできません
editor-problem-not-kebab = { $what }には半角英小文字と数字を 1 つのハイフンでつないだもの（例: { $example }）しか使えません
editor-problem-bad-language = { $tag } は en や pt-BR のような言語コードではありません
editor-problem-duplicate-id = ID { $id } はほかの問題で使われています
editor-problem-no-questions = 問題を 1 問以上追加してください
editor-problem-bad-abbreviation = 略語 { $short } { $reason }（複数あるときはカンマで区切ります）
editor-problem-no-deletion = 空欄を 1 つ以上作ってください（本文の一部を選んで空欄にします）
editor-problem-unclosed-deletion = 空欄が {"{{"} で始まっていますが {"}}"} で閉じられていません
editor-problem-unopened-deletion = 空欄が {"}}"} で閉じられていますが {"{{"} で始まっていません
editor-problem-nested-deletion = 空欄の中に空欄は作れません
editor-problem-empty-deletion = 中身が空の空欄があります
editor-problem-unnumbered-deletion = ほかの空欄にはカード番号があるのに、この空欄にはありません。{"{{c1::このように}}"} と書いてください
editor-problem-stray-brace = 本文に単独の { $brace } があります。空欄は {"{{このように}}"} と書きます

## 画像・音声ファイルとその参照

media-error-missing-alt = 画像・音声「{ $name }」に代替テキストがありません。![...] の中に説明を書いてください
media-error-empty-name = メディアファイル名が空です
media-error-remote = 「{ $name }」はリモートまたはファイル以外の URL なので、読み込みません
media-error-escapes = メディア名「{ $name }」はセットのメディアフォルダの外を指すおそれがあります（{ $why }）
media-error-unsupported = 「{ $name }」は対応していない種類のファイルです。png、jpg、jpeg、gif、webp、svg、mp3、ogg、wav、m4a のいずれかを使ってください
media-error-missing = メディアファイル「{ $name }」が { $folder } にありません
media-error-not-a-file = メディアファイル「{ $name }」は通常のファイルではありません
media-error-too-large = メディアファイル「{ $name }」は { $size } MiB あります。メディアファイルは { $limit } MiB までです
media-error-bad-url = kioku-media://セット/ファイル の形の URL ではありません:「{ $url }」
media-error-unknown-set = セット「{ $set }」のメディアフォルダがありません
media-error-read = メディアファイル「{ $name }」を読み込めません: { $error }
media-error-bad-alt = 代替テキスト「{ $alt }」には [、]、改行を使えません
media-error-write = メディアファイル「{ $name }」を書き込めません: { $error }
media-escape-control = 制御文字を含みます
media-escape-backslash = バックスラッシュを含みます
media-escape-absolute = 絶対パスです
media-escape-drive = ドライブ名またはスキームを含みます
media-escape-empty-component = パスに空の部分があります
media-escape-dot-component = パスに「..」または「.」があります
media-escape-symlink = フォルダの外を指すシンボリックリンクです

## データフォルダのエラー

store-error-locked = 別の kioku が { $dir } を使用中です（{ $lock } を保持しています）。先にそちらを閉じてください
store-error-newer-version = { $path }: 新しい kioku で書かれています（形式のバージョン { $found }。この kioku が読めるのは { $supported } まで）。kioku を更新してください。ファイルはそのままにしてあります
store-error-exists = { $path }: すでにあります。何も書き込んでいません
store-error-set-exists = ID「{ $set }」のセットはすでにあります（{ $path }）
store-error-builtin-set = 「{ $set }」は組み込みのセットなので置き換えられません
store-error-set-elsewhere = ID「{ $set }」のセットがすでに { $dir } の別のファイルにあります
store-error-no-data-dir = このユーザーのデータフォルダが見つかりません

# 読み書きのエラー。{ $op } は io-op-* のどれか。そのあとに OS のメッセージが続く
store-error-io = { $path }: { $op }できません: { $error }
io-op-append = 追記
io-op-create = 作成
io-op-cut-torn-line = 途中で切れた最終行の削除が
io-op-list = 一覧の取得が
io-op-lock = ロック
io-op-move = 移動
io-op-open = 開くことが
io-op-read = 読み込み
io-op-read-metadata = 情報の読み取りが
io-op-replace = 置き換え
io-op-seek = シーク
io-op-sync = ディスクへの書き込みが
io-op-write = 書き込み
store-error-invalid = { $path }: { $message }
store-error-encode = データを書き出せる形にできません: { $error }
data-not-regular-file = 通常のファイルではありません（フォルダかデバイス？）
data-has-reviews = すでに復習があります。空のデータフォルダに生成してください
data-not-device-file = デバイスファイルとして読めません（{ $error }）。直すか削除してください
data-bad-device-id = デバイス ID「{ $id }」には英数字とハイフンしか使えません
data-settings-not-writable = kioku の起動時に読めなかったため、上書きしません。直すか削除してから kioku を起動し直してください
data-not-json = 正しい JSON ではありません（{ $error }）
data-decode = 内容を読み取れません: { $error }
settings-error-retention = 目標の定着率は 0.70〜0.99 にしてください（{ $value } になっています）
settings-error-range = { $name }は { $min }〜{ $max } にしてください（{ $value } になっています）
settings-error-parameter-count = FSRS のパラメータは 21 個（FSRS-6）必要ですが、{ $found } 個あります
settings-form-sentence = { $message }。
setting-name-text-size = 文字の大きさ
setting-name-answer-seconds = 解答時間の上限（秒）
setting-name-exam-questions = 模擬テストの問題数
setting-name-exam-minutes = 模擬テストの制限時間
setting-name-maximum-interval = 最大間隔
setting-name-new-per-day = 1日の新規カード数
setting-name-reviews-per-day = 1日の復習数
setting-name-rollover-hour = 日付が変わる時刻
library-error-builtin-read-only = セット「{ $set }」は組み込みのセットなので、変更できません
library-error-source-document = 出典の文書「{ $document }」を読めません: { $reason }
source-problem-builtin-only = 組み込みの問題集にあるのは { $only } だけです
source-problem-not-inside = sources/text.txt のように、セットのフォルダの中のパスで指定してください
source-problem-not-utf8 = UTF-8 のテキストではありません
source-problem-too-large = { $mib } MiB より大きいファイルです
apkg-error-not-zip = 読み取れる Anki パッケージ（zip）ではありません: { $error }
apkg-error-member-too-large = パッケージ内のファイル「{ $name }」は { $size } バイトあります。上限は { $limit } バイトです
apkg-error-total-too-large = パッケージを展開すると { $limit } バイトを超えます
apkg-error-ratio = パッケージ内のファイル「{ $name }」の圧縮率が { $ratio }:1 で、上限の { $limit }:1 を超えています（zip 爆弾のおそれ）
apkg-error-only-stub = このパッケージには Anki の仮のコレクション（「Please update to the latest Anki version」）しかなく、本来の collection.anki21b がありません
apkg-error-no-collection = パッケージに collection.anki21b、collection.anki21、collection.anki2 のどれもありません
apkg-error-member = パッケージ内のファイル「{ $name }」を読めません: { $error }
apkg-error-database = コレクションのデータベースを読めません: { $error }
apkg-error-temp = コレクションの一時コピーを { $path } に書き込めません: { $error }
bundle-error-not-zip = 読み取れる .kioku バンドル（zip）ではありません: { $error }
bundle-error-unsafe-name = バンドル内のファイル「{ $name }」はフォルダの外を指すおそれのある名前なので、このバンドルは受け付けません
bundle-error-unexpected-member = バンドル内のファイル「{ $name }」は set.json でも、対応する形式の media/名前 でもないため、このバンドルは受け付けません
bundle-error-too-many-members = バンドルに { $count } 個のファイルがあります。上限は { $limit } 個です
bundle-error-member-too-large = バンドル内のファイル「{ $name }」は { $size } バイトあります。上限は { $limit } バイトです
bundle-error-total-too-large = バンドルを展開すると { $limit } バイトを超えます
bundle-error-ratio = バンドル内のファイル「{ $name }」の圧縮率が { $ratio }:1 で、上限の { $limit }:1 を超えています（zip 爆弾のおそれ）
bundle-error-no-set = バンドルに set.json がありません
bundle-error-member = バンドル内のファイル「{ $name }」を読めません: { $error }
bundle-error-write = バンドルを書き込めません: { $error }
export-error-create-dir = { $path } を作成できません: { $error }
export-error-apkg-to-file = .apkg パッケージはファイルに書き出します。-o ファイル名.apkg を指定してください
export-error-bundle-needs-media = .kioku バンドルにはメディアファイルが入るため、ライブラリから書き出してください
export-error-nothing = このセットには { $format } 形式で書き出せる問題がありません
schedule-error-parameters = FSRS のパラメータが正しくありません: { $error }
schedule-error-fsrs = FSRS が次の記憶状態を計算できませんでした: { $error }
exam-error-no-cards = 「{ $set }」には、選んだタグと形式に合うカードがありません
optimize-error-not-enough-data = パラメータを最適化するには復習履歴が足りません: カードの初日より後の復習が { $items } 回あり、あと { $needed } 回以上必要です
optimize-error-cancelled = 中止しました
optimize-error-fsrs = FSRS でエラーが起きました: { $error }

## OS のエラー（英語ではシステムの文をそのまま出す）

os-error-numbered = { $what }（os error { $code }）
os-error-not-found = ファイルまたはフォルダがありません
os-error-permission-denied = アクセスが許可されていません
os-error-already-exists = すでにあります
os-error-is-a-directory = フォルダです
os-error-not-a-directory = フォルダではありません
os-error-directory-not-empty = フォルダが空ではありません
os-error-read-only = 読み取り専用のファイルシステムです
os-error-storage-full = ディスクの空きがありません
os-error-quota-exceeded = ディスクの使用量の上限を超えています
os-error-file-too-large = ファイルが大きすぎます
os-error-busy = 使用中です
os-error-invalid-filename = ファイル名が正しくありません
os-error-crosses-devices = 別のデバイスへは移動できません
os-error-unexpected-eof = ファイルが途中で終わっています
os-error-out-of-memory = メモリが足りません

## CSV の復習ログ（kioku optimize --reviews、kioku memory --reviews）

csv-too-large = { $path }: エラー: ファイルが { $size } バイトあります。{ $limit } バイトを超える復習ログは読みません
csv-row-error = { $path }:{ $line }: エラー: { $message }
csv-more-rows = { $path }: エラー: ほかに不正な行が { $count } 行あります（表示していません）
csv-header = 見出し行を読めません: { $error }
csv-columns = 見出し行には card_id、review_rating、review_time の列が必要です（review_duration は任意）。見つかった見出し:「{ $found }」
csv-not-a-row = CSV の行として読めません: { $error }
csv-empty-card = card_id が空です
csv-rating = review_rating「{ $value }」は 1、2、3、4 のどれでもありません
csv-time = review_time「{ $value }」はオフセット付きの ISO 8601 の時刻ではありません（{ $error }）
csv-duration = review_duration「{ $value }」はミリ秒の整数ではありません

## データフォルダを開いたときの警告（名前を挙げたファイルや行は使わずに続ける）

warning-at = { $path }: { $message }
warning-at-line = { $path }:{ $line }: { $message }
warning-settings-defaults = { $problem }。直るまで既定の設定を使います（ファイルはそのままにしてあります）
warning-snapshot-not-used = 進捗のスナップショットを使いませんでした（{ $fault }）。復習ログを最初から読み直し、作り直します
warning-set-cache-not-used = 読み込み済みセットのキャッシュを使いませんでした（{ $fault }）。セットのファイルを読み直し、作り直します
warning-media-unshown = 表示できない画像や音声があります:
warning-set-not-loaded = 問題セットを読み込めませんでした:
warning-log-skipped = { $error }。このファイルは飛ばしました
warning-duplicate-set-id = ID「{ $set }」のセットが2つあります。最初のものだけを表示します
line-torn = 最後の行が途中で切れています（書き込み中に kioku が止まりました）。確定していない行なので無視します
line-not-utf8 = UTF-8 として読めません。この行は飛ばしました
line-header-version = 見出し行が正しくありません:「{ $key }」がバージョン番号ではありません
line-header-no-device = 見出し行が正しくありません: デバイスがありません
line-no-header = 見出し行がありません。記録はそのまま読みます
line-not-review = 復習ログの記録として読めません（{ $error }）。この行は飛ばしました
line-not-exam-result = 模擬テストの結果として読めません（{ $error }）。この行は飛ばしました
cache-fault-not-cache = このキャッシュのファイルではないか、途中で切れています
cache-fault-other-version = 形式のバージョンが { $found } です（この kioku が書くのは { $supported }）
cache-fault-length = 長さが合いません（途中で切れているか、余分があります）
cache-fault-checksum = チェックサムが合いません
cache-fault-index = 索引が中身と合いません
cache-fault-decode = 読み解けません: { $error }
cache-fault-read = 読み込めません: { $error }

## 取り込み・書き出しの注記（対象: 内容）

note-line = { $item }: { $what }
item-set = セット
item-line = { $line } 行目
item-named-line = { $line } 行目（{ $name }）
item-anki-note = ノート { $note }
item-review = 復習記録 { $id }（{ $when }）
item-review-of-note = 復習記録 { $id }（ノート { $note }、{ $when }）
item-media = メディア「{ $name }」
item-media-member = パッケージ内のメディア「{ $name }」
note-language-guessed = 言語を本文から { $code } と推定しました（確度 { $confidence }）。kioku import --language で指定できます
note-language-not-recognised = 本文から言語を判定できなかったため、en にしました（kioku import --language で指定できます）
note-title-from-file-name = ファイルにセットのタイトルがないため、ファイル名からタイトル「{ $title }」を付けました
note-title-from-file-name-decks = ノートが複数のデッキにあるため、ファイル名からタイトル「{ $title }」を付けました
note-csv-no-metadata = CSV/TSV にはセットの情報がありません。ID「{ $id }」とタイトル「{ $title }」はファイル名から付け、言語は「en」、説明・作成者・セットのタグはなしにしました
note-header-row = 見出しの行「{ $cells }」は列名として読み、カードにはしていません
note-media-not-carried = メディア ![{ $alt }]({ $dest }) を参照していますが、{ $format } にはメディアファイルが含まれません。{ $dest } をセットのメディアフォルダにコピーしてください
note-note-type-missing = ノートタイプがコレクションにありません
note-empty-field = HTML を除くと空になるフィールドがあります
note-review-time-out-of-range = 時刻が範囲外です
note-review-card-missing = カードがパッケージにありません
note-review-reset = Anki でのリセット（「忘れる」）で、解答ではありません。Anki の FSRS と同じく、そのカードのそれ以前の復習も除きます
note-review-set-due-date = Anki での手動の日程変更（「期日を設定」）で、解答ではありません。kioku は解答だけから日程を決めます
note-review-rescheduled = Anki の FSRS による日程変更で、解答ではありません
note-review-no-button = 解答ボタンがありません（種類 { $kind }）
note-review-unknown-button = 不明な解答ボタン { $button } です
note-review-before-reset = 復習記録 { $reset } で Anki のリセット（「忘れる」）をする前の復習です
note-review-note-not-imported = ノートが取り込まれていません
note-unknown-command = 不明な GIFT コマンド「{ $command }」は無視しました
note-id-taken = タイトルからの ID「{ $base }」はすでに使われているため、ID を「{ $id }」にしました
note-description = 説明文（問題ではないテキスト）なので、スキップしました
note-essay = 記述問題（空の {"{ }"}）には採点できる答えがありません
note-numerical = 数値問題には対応していません
note-matching = 組み合わせ問題には対応していません
note-partial-answer = 答え「{ $answer }」（部分点 { $percent }%）は正解にしていません。kioku は完全な正解だけを受け付けます
note-no-full-credit = 満点の答えがないため、正解にできる答えがありません
note-partial-choice = 選択肢「{ $choice }」（部分点 { $percent }%）は不正解として扱います。kioku に部分点はありません
note-all-or-nothing = 部分点は全か無かで採点します。{ $choices } をすべて選ぶと正解です
note-moodle-partial-dropped = 部分点は除きました。100% の選択肢だけが正解です
note-moodle-part-credit = Moodle では正しい選択肢の一部にも部分点が付きますが、kioku では点のある選択肢をすべて選んだときだけ正解です
note-no-right-true-false = 100% の答えがない正誤問題です
note-case-sensitive = Moodle では大文字と小文字を区別しますが、kioku は区別しません
note-unsupported-type = kioku には { $kind } 形式の問題がないため、スキップしました
note-untyped = 形式のない問題なので、スキップしました
note-cloze-hints-dropped = 穴埋めのヒントは除いて取り込みました（kioku にはヒントがありません）
note-one-field = フィールドが 1 つのノートタイプ「{ $notetype }」には答えがありません
note-unsafe-media-name = 安全でないファイル名（パスまたは隠しファイル）なので、コピーしていません
note-media-missing = パッケージにありません

# 形式ごとの取り込みの注意と、書き出しで持ち出せないもの
note-moodle-cloze-no-right = 埋め込み解答 {"{"}{ $inner }{"}"} には 100% の答えがないため、テキストのまま残しました
note-moodle-cloze-short-answer = 埋め込み短答「{ $answer }」: 100% 未満の答え { $others } 個は正解として受け付けません
note-moodle-cloze-number = 埋め込み数値「{ $answer }」はそのとおりに入力する必要があります（許容誤差なし）
note-moodle-cloze-choice = 埋め込み選択肢「{ $answer }」は入力式の穴埋めになり、ほかの選択肢 { $others } 個は除きました
note-cloze-gone = 穴埋め c{ $number } はもうノートにありません
note-review-card-type-not-imported = カードタイプ「{ $name }」は取り込まれていません
note-image-occlusion = 画像穴埋め（Image Occlusion）ノートです。画像の上に図形で隠す形式は kioku では表示できないため、スキップしました
note-image-occlusion-named = 画像穴埋め（Image Occlusion）ノート（「{ $header }」）です。画像の上に図形で隠す形式は kioku では表示できないため、スキップしました
note-cloze-hints-not-imported = 穴埋めのヒントは除いて取り込みました
note-one-field-note-type = ノートタイプ「{ $notetype }」はフィールドが 1 つなので、答えがありません
note-card-type-not-imported = カードタイプ「{ $name }」は取り込んでいません
note-field-not-imported = フィールド「{ $name }」はどのカードにも使われていないため、取り込んでいません
note-media-not-copied = コピーしていません: { $error }
note-media-list-unreadable = メディアの一覧を読めなかったため、コピーしていません
note-media-list-unreadable-because = メディアの一覧を読めなかったため（{ $error }）、コピーしていません
note-format-no-type = { $format } には「{ $kind }」の問題がありません
note-moodle-no-type = Moodle には「{ $kind }」の問題がありません（フラッシュカードは anki-tsv か apkg で書き出してください）
note-aiken-several-right = Aiken の正解は 1 つだけですが、この問題には複数あります
note-aiken-single-lines = Aiken の問題文と選択肢は 1 行でなければなりません
note-aiken-lost = Aiken には書く場所がないため、書き出していません: { $fields }（取り込むと ID は問題文から作られます）
lost-separator = 、
lost-id = ID { $id }
lost-explanation = 解説「{ $value }」
lost-tags = タグ { $value }
lost-title = タイトル「{ $value }」
lost-language = 言語「{ $value }」
lost-description = 説明「{ $value }」
lost-authors = 作成者 { $value }
lost-source = 出典「{ $value }」
lost-set-tags = セットのタグ { $value }
note-tsv-typed-as-basic = 入力式の問題は、正解を表示する Basic ノートとして書き出しました
note-tsv-choice-as-basic = 選択問題は、選択肢を並べて答えを表示する Basic ノートとして書き出しました
note-tsv-true-false-as-basic = 正誤問題は、答えが True か False の Basic ノートとして書き出しました
note-tag-spaces = タグの空白は _ にしました（Anki のタグには空白を使えません）
note-markdown-as-html = Markdown は HTML として書き出しました（Anki では書式が残りますが、このファイルを取り込み直すとプレーンテキストになります）
note-tsv-fields-dropped = 解説（穴埋めノートのものを除く）と出典は anki-tsv に書き出せません
note-apkg-typed-first-only = 入力式の答え: Anki の入力カードは最初の正解しか確認しません。ほかの正解は解説に載せました
note-apkg-choice-as-basic = 選択問題は、選択肢を並べ、裏面に答えを示す Basic ノートとして書き出しました
note-apkg-true-false-as-basic = 正誤問題は、裏面に答えを示す Basic ノートとして書き出しました
note-apkg-cloze-alternatives = 穴埋めの別解（a|b）: Anki は最初のものだけを表示・確認します
note-apkg-no-history = 復習履歴は書き出していません。Anki ではすべてのカードが新規から始まります（kioku の学習記録は復習ログに残ります）
note-csv-shuffle = 書き出しましたが、「shuffle: false」は CSV に書き出せません
note-csv-metadata-not-written = CSV/TSV にはセットの情報を書く場所がないため、書き出していません: { $fields }（取り込むとタイトルはファイル名から、言語は「en」になります）
note-metadata-not-written = { $format } には書く場所がないため、書き出していません: { $fields }（取り込むとタイトルはファイル名から取り、言語は推定します）
note-metadata-not-written-title-kept = { $format } には書く場所がないため、書き出していません: { $fields }（取り込むと言語は推定します）
note-gift-shuffle = 書き出しましたが、選択肢を並べ替えるかどうかは Moodle が決めます
note-gift-tags = タグ（{ $tags }）は書き出していません。GIFT にはタグがありません
note-moodle-cloze-numbers = カード番号（{"{{"}c1::…{"}}"}）は書き出していません。Moodle はすべての空欄を一度に問い、取り込み直すと空欄ごとに 1 枚のカードになります
note-moodle-source = 出典は書き出していません。Moodle XML には書く場所がありません
note-moodle-set-fields = 作成者・出典・セットのタグは書き出していません。Moodle XML には書く場所がありません（タイトルはカテゴリ名になります）
note-media-dropped = メディア ![{ $alt }]({ $dest }) を除きました。{ $format } には画像や音声を含められません
note-abbreviations-dropped = 略語（{ $list }）を除きました。{ $format } には含められないため、略語を使った解答は略語なしで採点されます
note-media-subfolder-bundle = サブフォルダ内のメディアはバンドルに含めていません
note-media-subfolder-apkg = サブフォルダ内のメディアはパッケージに含めていません
