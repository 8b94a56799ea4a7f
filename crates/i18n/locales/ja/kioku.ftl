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
snapshot-not-written = 進捗のスナップショットを書き込めませんでした: { $error }
date = { $year }年{ $month }月{ $day }日
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

## kioku check, convert, import, export

check-ok = { $path }: OK（問題 { $questions } 問、カード { $cards } 枚）
convert-done = { $input } -> { $output }: 問題 { $questions } 問
import-created = { $file } を作成しました: セット「{ $set }」、問題 { $questions } 問、カード { $cards } 枚（{ $source } から）
import-media = { $dir } を作成しました: メディアファイル { $count } 個
import-history = { $file } を作成しました: Anki の復習ログ { $rows } 行のうち { $reviews } 件を、カード { $cards } 枚の復習として取り込みました
import-history-skipped = 履歴: { $message }
import-history-left-out = 履歴: パッケージの復習ログ { $rows } 行は取り込みませんでした（--no-history）
import-history-kept = 履歴: 以前の取り込みの復習履歴 { $file }（復習 { $reviews } 件）はそのまま残しました。進捗は黙って消されず、同じ ID のカードには引き続き反映されます。置き換えるには --no-history を付けずに取り込み直し、不要ならファイルを移動してください
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
media-no-data-dir = データディレクトリが開かれていません。
media-not-added = 追加できませんでした: { $error }
media-added = { $file } を { $name } として追加しました。
media-pasted-image = 貼り付けた画像
media-paste-unsupported = 追加できませんでした: 貼り付けた { $kind } は kioku で表示できる画像ではありません (PNG、JPEG、GIF、WebP)。
media-drop-files-only = ここにはファイルだけをドロップできます。
media-dialog-title = 画像または音声を追加
media-dialog-filter = 画像と音声
media-add-to = 追加先
media-at-cursor = このフィールドのカーソル位置に入ります。
media-at-end = このフィールドの末尾に入ります (フィールドをクリックするとカーソル位置に入ります)。
media-drop-paste-hint = テキストフィールドにファイルをドロップしたり、画像を貼り付けたりすることもできます。
