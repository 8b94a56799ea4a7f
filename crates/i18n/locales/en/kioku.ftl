# kioku's messages in English.
#
# Every message has the same name and the same $variables in every
# language's file (the crate's tests check it). Leading and trailing
# spaces of a message are dropped by Fluent: the program adds any padding.
# Machine-readable output (JSON, CSV, file formats) is never translated.

## Common

warning = warning: { $message }
note = note: { $message }
error = error: { $message }
file-error = { $path }: error: { $message }
snapshot-not-written = progress snapshot not written: { $error }
date = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $day }, { $year }
interval-minutes = { $n }m
interval-hours = { $n }h
interval-days = { $n }d
interval-months = { $n }mo
interval-years = { $n }y

## Card states and ratings

state-new = new
state-learning = learning
state-review = review
state-relearning = relearning
answer-true = True
answer-false = False
rating-again = Again
rating-hard = Hard
rating-good = Good
rating-easy = Easy

## Errors

error-unknown-format = cannot tell the format of { $path } from its extension; pass --format
error-no-set = no set "{ $set }"
error-no-set-known = no set "{ $set }"; sets: { $sets }
error-builtin-read-only = "{ $set }" is built in and read-only; import a copy under another id with --set-id
error-set-exists = { $error }; pass --replace to overwrite it or --set-id to import under another id
error-builtin-set = { $error }; pass --set-id to import under another id
error-set-elsewhere = { $error }; remove it or pass --set-id
error-no-data-dir = no data directory: set KIOKU_DATA_DIR or pass --data-dir
error-app-where = cannot find where kioku is installed: { $error }
error-app-missing = the desktop app is not installed: { $path } is missing. From kioku's source, install it with `cargo install --path crates/app`, or build it with `cargo build -p { $binary }`
error-app-start = cannot start { $path }: { $error }
error-kioku-now = KIOKU_NOW={ $value } is not an RFC 3339 time: { $error }
error-terminal = terminal: { $error }
error-output = cannot write the output: { $error }
error-encode = cannot encode: { $error }
error-encode-stats = cannot encode statistics: { $error }
error-cannot = cannot { $op ->
    [open] open
    [write] write
   *[read] read
}: { $error }
error-set-required = a set is required
error-exam-unfinished = the self-test did not finish
error-optimizer-stopped = the optimizer stopped unexpectedly
error-apply-with-reviews = --apply saves parameters fitted to your own history; it cannot be used with --reviews
error-not-applied = not applied: the fitted parameters predict your history no better than the defaults (log loss { $fitted } vs { $default })
error-not-rating = "{ $rating }" is not a rating; use again, hard, good, easy or 1–4
error-not-card-key = "{ $card }" is not a card key (SET/QUESTION[#VARIANT])
error-no-card = no card "{ $key }" in the loaded sets
error-not-typed = { $key } is a { $kind } question; only typed and cloze answers are graded from text
error-format-unknown = unknown format "{ $name }"; formats: { $formats }
error-format-from-extension = cannot tell the format of { $path } from its extension; pass --format ({ $formats })
error-format-needed = pass --format ({ $formats }) or -o FILE
error-set-id-not-kebab = --set-id "{ $id }" is not kebab-case (e.g. "my-set")

## kioku check, convert, import, export

check-ok = { $path }: ok ({ $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
}, { $cards ->
    [one] { $cards } card
   *[other] { $cards } cards
})
convert-done = { $input } -> { $output }: { $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
}
import-created = created { $file }: set "{ $set }", { $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
}, { $cards ->
    [one] { $cards } card
   *[other] { $cards } cards
} (from { $source })
import-media = created { $dir }: { $count ->
    [one] { $count } media file
   *[other] { $count } media files
}
import-history = created { $file }: { $reviews } of { $rows ->
    [one] { $rows } Anki review-log row
   *[other] { $rows } Anki review-log rows
} as reviews of { $cards ->
    [one] { $cards } card
   *[other] { $cards } cards
}
import-history-skipped = history: { $message }
import-history-left-out = history: left out the package's { $rows ->
    [one] { $rows } review-log row
   *[other] { $rows } review-log rows
} (--no-history)
import-history-kept = history: kept { $file }, the review history of an earlier import ({ $reviews ->
    [one] { $reviews } review
   *[other] { $reviews } reviews
}): progress is never deleted silently, and it still counts for the set's cards with the same ids; import again without --no-history to replace it, or move the file away to drop it
export-wrote = wrote { $file }: { $written } of { $total ->
    [one] { $total } question
   *[other] { $total } questions
} as { $format }
export-media = wrote { $dir }: { $count ->
    [one] { $count } media file
   *[other] { $count } media files
}
export-skipped = skipped { $what }

## kioku decks

decks-id = id
decks-cards = cards
decks-new = new
decks-learning = learn
decks-due = due
decks-title = title

## kioku study

study-counts = [new { $new } · learning { $learning } · review { $review }]  { $key }
prompt-flashcard = (Enter to show the answer)
prompt-typed = Your answer:
prompt-cloze = Missing text:
prompt-true-false = True or false? (t/f)
prompt-select-all = Select all that apply (all must be right).
prompt-choices = Your choices (e.g. a,c):
prompt-choice = Your choice:
feedback-answer = Answer: { $answer }
feedback-correct = ✓ Correct: { $answer }
feedback-typo = ✓ Correct, with a typo: the answer is { $expected }
feedback-wrong = ✗ Wrong. The answer: { $answer }
feedback-from-source = From the source: “{ $quote }”
feedback-source = Source: “{ $quote }”
rating-choice = { $number } { $name } ({ $interval })
rating-prompt = Rate [Enter = { $suggested }, u = undo, q = quit]:
study-undid = Undid the answer to { $key }.
study-nothing-to-undo = Nothing to undo.
study-summary = Studied { $studied ->
    [one] { $studied } card
   *[other] { $studied } cards
} · { $accuracy }% right · { $minutes }m { $seconds }s
study-next-now = Next: more cards are due now.
study-next-in = Next: next card in { $minutes }m.
study-next-none = Next: no more cards today.

## kioku exam, kioku exams

exam-intro = Self-test: { $count ->
    [one] { $count } question
   *[other] { $count } questions
} from { $set } (seed { $seed }). Select-all questions score only if every pick is right.
exam-time-limit = Time limit: { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
exam-quit-hint = Type q to stop early (unanswered questions count as wrong).
exam-time-up = Time is up.
exam-question = Question { $number }/{ $count }
exam-knew-it = Did you know it? (y/n)
exam-score = Score: { $points }/{ $total } ({ $percent }%) in { $minutes }m { $seconds }s
exam-no-mistakes = No mistakes.
exam-mistakes = Mistakes ({ $count }):
exam-your-answer = Your answer: { $answer }
exam-no-answer = (none)
exam-knew = knew it
exam-did-not-know = did not know it
exam-revealed = revealed
exam-right-answer = Right answer: { $answer }
exam-retake = Retake the same test with --seed { $seed }.
exams-none = No self-tests yet. Take one with: kioku exam SET
exams-started = started
exams-set = set
exams-score = score
exams-time = time
exams-trend = trend
exams-duration = { $minutes }m{ $seconds }s

## kioku answer, undo, grade

answer-done = { $key }: { $rating } → { $state }, next in { $interval }
undo-done = undid the latest answer to { $key }
undo-nothing = nothing to undo
verdict-correct = correct
verdict-correct-with-typo = correct with typo
verdict-wrong = wrong
verdict-self-graded = self graded

## kioku stats

stats-all-sets = all sets
stats-title = Statistics for { $scope } on { $date }
stats-cards-label = Cards
stats-cards = { $total } total · { $new } new · { $learning } learning · { $young } young · { $mature } mature
stats-reviews-label = Reviews
stats-reviews = { $today } today · { $month } in 30 days · { $year } in 365 days · { $ever } ever
stats-streak-label = Streak
stats-streak = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
stats-answer-time-label = Answer time
stats-answer-time = { $seconds } s on average
stats-answer-time-none = – on average
stats-due-label = Due
stats-due = { $today } today · { $tomorrow } tomorrow · { $week } in 7 days · { $month } in 30 days
stats-retention = True retention
stats-young = young
stats-mature = mature
stats-last-7-days = last 7 days
stats-last-30-days = last 30 days
stats-last-365-days = last 365 days
stats-stability = Stability (days)
stats-days-unit = d
stats-difficulty = Difficulty (1–10)
stats-retrievability = Retrievability now

## kioku optimize, kioku memory

optimize-fitting = fitting
optimize-evaluating = evaluating
optimize-parameters-label = Parameters
optimize-reviews-label = Reviews
optimize-reviews = { $used } used ({ $history } in the history, { $cards ->
    [one] { $cards } card
   *[other] { $cards } cards
})
optimize-reviews-needed = { $needed } more are needed to fit every parameter; until then only the first four move
optimize-log-loss = log loss
optimize-rmse = RMSE (bins)
optimize-default-label = Default
optimize-fitted-label = Fitted
optimize-workload-fitted = Expected workload (fitted parameters, { $cards } cards over a year):
optimize-workload-default = Expected workload (default parameters, { $cards } cards over a year):
optimize-retention = retention
optimize-reviews-per-day = reviews/day
optimize-minutes-per-day = minutes/day
optimize-remembered = remembered
optimize-applied = Saved the fitted parameters to the settings.
memory-card = card
memory-state = state
memory-stability = stability
memory-difficulty = difficulty
memory-recall = recall
memory-last-review = last review
memory-due = due

## The editor: adding images and sounds
media-needs-set-id = Give the set a valid id before adding images or sounds.
media-no-data-dir = The data directory is not open.
media-not-added = Not added: { $error }
media-added = Added { $file } as { $name }.
media-pasted-image = the pasted image
media-paste-unsupported = Not added: a pasted { $kind } is not an image kioku can show (PNG, JPEG, GIF or WebP).
media-drop-files-only = Only files can be dropped here.
media-dialog-title = Add an image or sound
media-dialog-filter = Images and sounds
media-add-to = Add to
media-at-cursor = At the cursor in this field.
media-at-end = At the end of this field (click into a field to put it at the cursor).
media-drop-paste-hint = You can also drop a file onto a text field, or paste an image into one.
