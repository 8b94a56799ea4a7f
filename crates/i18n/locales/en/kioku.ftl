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
list-separator = {", "}
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
date-time = { $date } { $time }
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
error-language-not-tag = --language "{ $language }" is not a language tag (e.g. "ja", "en", "pt-BR")
error-history-flags-not-anki = --with-history and --no-history are for Anki packages (.apkg, .colpkg), not { $format }

## kioku --help: the commands and their arguments

cli-about = Study with quizzes and flashcards, scheduled by FSRS-6.
cli-usage = Usage:
cli-commands = Commands
cli-arguments = Arguments
cli-options = Options
cli-help = Print help
cli-version = Print version
cli-help-command = Print this message or the help of the given command
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-unknown-command = unrecognized subcommand '{ $command }'
cli-error-missing = the following required arguments were not provided: { $args }
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-error-other = { $detail }
cli-error-did-you-mean = tip: a similar one exists: '{ $suggestion }'
cli-error-more = For more information, try '--help'.
cli-data-dir = Where progress is kept [default: KIOKU_DATA_DIR, else the user data directory]
cli-only-set = Only this set
cli-card-key = The card key, as printed by `kioku next` (SET/QUESTION[#VARIANT])
cli-json-readme = Print JSON (shape documented in the README)
cli-check = Check question files and report every problem as PATH:LINE:COL
cli-check-files = Question files: JSON (format version 1) or `.kioku.md` text
cli-convert = Convert a question file between JSON and `.kioku.md` text (by extension)
cli-convert-input = The file to read
cli-convert-output = The file to write; refused if it exists
cli-import = Import a question file into the data directory as a new set (an Anki package with its review history)
cli-import-file = The file: json, md, csv, tsv, anki-tsv (.txt), gift, aiken, apkg or kioku (a bundle of the set and its media)
cli-import-format = The file's format [default: from its extension]
cli-import-set-id = The new set's id [default: from the file name]
cli-import-replace = Replace an existing set with the same id
cli-import-with-history = Bring an Anki package's review history along as a review log of its own [default when the package has reviews]
cli-import-no-history = Leave an Anki package's review history out
cli-import-language = The set's language (BCP 47, e.g. ja) [default: guessed from the text for formats that do not name it]
cli-export = Export a set as json, md, csv, tsv, anki-tsv, gift, aiken or kioku (a bundle; needs -o)
cli-export-set = The set's id
cli-export-format = The format [default: from -o's extension]
cli-export-output = Write to FILE (refused if it exists) instead of stdout
cli-decks = List every set with today's counts
cli-decks-json = Print JSON: a list of {"{"}id, title, total, new, learning, due, ...{"}"}
cli-study = Study today's cards in the terminal (works with piped input)
cli-study-set = The set to study [default: all sets]
cli-study-new = Introduce at most N new cards in this session
cli-next = Print the next card due, as JSON (null when nothing is due)
cli-next-json = Print JSON (the only format; accepted for clarity in scripts)
cli-answer = Record a rating for a card now
cli-answer-rating = again | hard | good | easy, or 1–4
cli-answer-json = Print the new state as JSON
cli-undo = Undo the latest answer
cli-grade = Grade a typed answer to a card and say why; records nothing
cli-grade-answer = The answer as the learner would type it
cli-grade-json = Print JSON: {"{"}key, answer, correct, verdict, reason, matched, expected, detail{"}"}
cli-exam = Take a self-test in the terminal (does not change the schedule)
cli-exam-set = The set to test
cli-exam-count = How many questions [default: 20]
cli-exam-all = Every question of the set
cli-exam-seed = Seed for the shuffle: the same seed gives the same test
cli-exam-time-limit = Stop after this many minutes
cli-exam-tags = Only questions with one of these tags (comma-separated)
cli-exam-feedback-each = Show right/wrong after each question instead of at the end
cli-exam-json = Print the full result as JSON on stdout (the test goes to stderr)
cli-exams = List past self-test results
cli-exams-json = Print JSON
cli-exams-csv = CSV for collecting class results
cli-stats = Statistics: cards by state, reviews per day, due forecast, true retention, answer time, streak and memory-state distributions
cli-stats-set = Only this set [default: all sets]
cli-optimize = Fit FSRS parameters to your review history (or a CSV review log) and compare them with the defaults
cli-optimize-reviews = Fit on this CSV instead: card_id,review_rating,review_time[,review_duration]
cli-optimize-apply = Save the fitted parameters to the settings if they beat the defaults
cli-memory = Replay a CSV review log with the current parameters and print each card's memory state and next due date
cli-memory-reviews = The CSV review log: card_id,review_rating,review_time[,review_duration]
cli-memory-json = Print JSON: a list of {"{"}card_id, state, stability, difficulty, retrievability, last_review, due, ...{"}"}

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
import-history-default = { $line } (the default when a package has reviews; --no-history leaves them out)
import-history-none = history: the package has no review history
import-history-exists = an earlier import's review history is there; pass --replace to replace the set and its history, or --no-history
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
prompt-cloze-several = { $n } blanks, each answer in order, separated by ;:
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
media-legend = Images and sounds
media-alt-label = Description (alt text, read aloud by screen readers)
media-alt-placeholder = Map of the disputed islands
media-field-prompt = Prompt
media-field-text = Text
media-field-answer = Answer
media-field-explanation = Explanation
media-describe-first = Write the description first
media-add-button = Add image or sound…
media-drop-zone = Drop an image or sound file here
media-drop-describe-first = Write the description, then drop a file here
media-drop-here = …or drop a file here
media-kinds = PNG, JPEG, GIF, WebP, SVG, MP3, Ogg, WAV or M4A, up to 20 MiB.
media-in-question = Media in this question
media-unused-title = Unused media files
media-unused = No question uses { $n ->
    [one] this file
   *[other] these files
} any more: { $files }. Delete { $n ->
    [one] it
   *[other] them
} from the set's media folder?
media-delete-files = Delete the files
media-keep-files = Keep them

## App: study

app-all-decks = All decks
app-cram-title = Cram · { $title }
app-back-decks = ← Decks
app-remaining = Remaining
app-remaining-today = Remaining today
app-to-go = { $n } to go
app-count-new = { $n } new
app-count-learning = { $n } learning
app-count-review = { $n } review
app-undo = Undo
app-session-progress = Session progress
app-say-next-card = Next card: { $prompt }
app-say-finished = No more cards due. Session summary shown.
app-say-answer = Answer: { $answer }
app-say-correct = Correct.
app-say-correct-typo = Correct, with a typo. The answer is { $expected }.
app-say-wrong = Wrong. The answer is { $answer }.
app-say-nothing-to-undo = Nothing to undo.
app-say-undone = Undone. The card is shown again.
app-card = Card
app-how-well = How well did you know it?
app-press-help = Press ? for shortcuts
app-kind-flashcard = Flashcard
app-kind-typed = Type the answer
app-kind-choice = Multiple choice
app-kind-true-false = True or false
app-kind-cloze = Fill in the blank
app-missing-text = Missing text
app-missing-texts = { $n } blanks: type each answer in order, separated by ;
app-your-answer = Your answer
app-check = Check
app-select-all = Select all that apply. All must be right to score.
app-pick-one = Pick one.
app-show-answer = Show answer
app-verdict-correct = ✓ Correct
app-verdict-typo = ✓ Correct, with a typo: “{ $expected }”
app-verdict-wrong = ✗ Not quite
app-you-wrote = You wrote:
app-nothing-typed = (nothing)
app-right-answer = right answer
app-your-pick = your pick
app-answer = Answer
app-from-interview = From the interview
app-from-source = From the source
app-rate-your-answer = Rate your answer
app-cram-again = see it again later
app-cram-next = Next
app-cram-done = done with this card
app-more-due-now = More cards are due now.
app-next-due-in = The next card is due in { $minutes } min.
app-nothing-else-today = Nothing else is due today.
app-nothing-due = Nothing due right now
app-session-done = Session done
app-cards-studied = Cards studied
app-accuracy = Accuracy
app-time = Time
app-minutes-seconds = { $m }m { $s }s
app-back-to-decks = Back to decks
app-study-again = Study again

## App: decks

app-import-unknown-type = { $path }: kioku cannot tell the file type from its name; it must end in .{ $extensions }
app-imported = Imported { $n } { $n ->
    [one] question
   *[other] questions
} into "{ $title }" from { $path }.
app-skipped = Skipped { $what }
app-changed = Changed { $what }
app-left-out = Left out { $what }
app-import-failed = Could not import { $path }.
app-exported-as = Exported "{ $set }" to { $path } as { $format }.
app-copied-media = Copied { $n } media { $n ->
    [one] file
   *[other] files
} to { $path }.
app-export-failed = Could not export to { $path }.
app-deleted = Deleted "{ $title }". A copy is kept in { $path }; its review history is kept.
app-delete-failed = Could not delete "{ $set }".
app-restored = Restored "{ $title }".
app-restore-failed = Could not restore "{ $title }"; it is still in { $path }.
app-dismiss = Dismiss
app-delete-title = Delete "{ $title }"?
app-delete-where-before = The set and its pictures and sounds are removed from your decks and moved to the
app-delete-where-after = folder of your data directory, so nothing is lost.
app-delete-progress = Your progress in the review log is kept: if you bring the set back, or import it again, it continues where you left off.
app-delete = Delete
app-cancel = Cancel
app-tagline = Study with spaced repetition
app-new-set = New set
app-import = Import…
app-statistics = Statistics
app-settings = Settings
app-shortcuts = Keyboard shortcuts
app-no-sets = No question sets yet
app-no-sets-how = Put a question set file (.json) in the sets folder of your data directory, then restart kioku.
app-no-sets-check = Check it first with:
app-your-decks = Your decks
app-new-today = New cards today
app-learning-today = Learning cards today
app-due-today = Reviews due today
app-count-due = { $n } due
app-count-cards = { $n } { $n ->
    [one] card
   *[other] cards
}
app-mastered = Mastered
app-mastered-percent = { $percent }% mastered
app-study-nothing-due = Study (nothing due)
app-study = Study
app-self-test = Self-test
app-cram = Cram
app-stats = Stats
app-copy-to-edit = Copy to edit
app-edit = Edit
app-export-set = Export { $title }
app-export = Export…
app-delete-set = Delete { $title }
app-delete-ellipsis = Delete…

## App: keyboard shortcuts (the ? overlay)

app-close = Close
help-everywhere = Everywhere
help-toggle = Show or hide this list
help-back = Back / close
help-tab = Move between controls
help-decks = Decks
help-study-deck = Study deck 1–9
help-new-set = New set
help-settings = Settings
help-studying = Studying
help-space = Show the answer; after answering, rate Good (or the suggested rating)
help-rate = Rate Again, Hard, Good, Easy
help-pick-choice = Pick a choice (multiple choice)
help-true-false = Answer true or false
help-open-source = After answering: open the source with the quoted passage highlighted (Esc returns)
help-undo = Undo the last answer
help-zoom-card = Enlarge the card's image (or click it); Esc closes
help-replay-card = Replay the card's sound
help-self-test = Self-test
help-next-question = Next question
help-pick = Pick a choice
help-known = Mark a flashcard as known or not
help-zoom-question = Enlarge the question's image (or click it); Esc closes
help-replay-question = Replay the question's sound
help-editing = Editing a set
help-save-set = Save the set

## App: errors and file dialogs

app-import-dialog-title = Import a question set
app-import-dialog-filter = Question sets
app-export-dialog-title = Export "{ $title }"
app-error-builtin-read-only = "{ $set }" is built in and read-only; duplicate it to edit
app-error-unknown-format = cannot tell the format of { $path } from its extension; choose one
app-error-set-exists = a set with id "{ $set }" already exists; delete or rename it first
app-error-builtin-set = "{ $set }" is the id of a built-in set; rename the file to import it

## App: settings

app-scheduling = Scheduling
app-hint-retention = How likely you should be to remember a card when it comes due: 70–99. Higher means more reviews.
app-hint-per-deck = Per deck.
app-hint-learning-steps = Delays before a new card graduates, e.g. 1m 10m (m, h, d).
app-hint-relearning-steps = Delays after forgetting a card, e.g. 10m.
app-hint-rollover = 0–23, local time. Reviews before it count for the day before.
app-hint-max-answer = 10–3600. A longer answer is recorded as this long, so a card left on screen does not count as study time.
app-appearance = Appearance
app-theme = Theme
app-theme-system = Follow the system
app-theme-light = Light
app-theme-dark = Dark
app-language = Language
app-language-system = Follow the system
app-save = Save
app-saved = Saved.
app-not-saved = Not saved: fix the marked fields above.
app-field-retention = Desired retention (%)
app-field-new-per-day = New cards per day
app-field-reviews-per-day = Reviews per day
app-field-learning-steps = Learning steps
app-field-relearning-steps = Relearning steps
app-field-rollover = New day starts at (hour)
app-field-max-answer = Maximum answer time (seconds)
app-field-text-size = Text size (%)

## App: cram, reader, image

app-cram-none = No cards match. Pick another set of cards.
app-cram-all = All cards
app-cram-new = Only new cards
app-cram-wrong = Cards I got wrong in the last 7 days
app-cram-tag = Cards with a tag
app-cram-lead = Go through “{ $title }” outside the schedule. Your review schedule is not changed unless you ask.
app-cram-which = Which cards
app-tag = Tag
app-cram-how = How
app-cram-shuffle = Shuffle the cards
app-cram-counts = Also count my answers as reviews (changes the schedule)
app-cram-start = Start cramming
app-read-source-title = Open the whole text with this passage highlighted (O)
app-no-source-document = This set names no source document.
app-back-to-card = Back to the card
app-quote-not-found = The quoted passage was not found in this text; run kioku check on the set to see why.
app-zoomed-image = Enlarged image: { $alt }
app-close-esc = Close (Esc)

## App: trying an answer in the editor

app-reason-self-graded = self-graded
app-reason-exact = exact
app-reason-normalized = normalised
app-reason-typo = typo
app-reason-alternative = alternative
app-reason-rejected = rejected
app-try-answer = Try an answer
app-try-fix-first = Fix this question's problems to try answers on it.
app-blank = Blank
app-blank-n = Blank { $n }
app-try-placeholder = Type an answer as a student would
app-try = Try
app-try-accepted = ✓ Accepted
app-try-rejected = ✗ Not accepted

## App: optimizer (in Settings)

app-opt-title = Fit the scheduler to your memory
app-opt-hint = FSRS can learn from your own review history how fast you forget, as Anki does. Nothing changes until you choose to use the result.
app-opt-running = Optimizing
app-opt-progress = Optimizing… { $percent }%
app-opt-start = Optimize parameters
app-opt-log-loss = Log loss
app-opt-rmse = RMSE (bins)
app-opt-default = Default parameters
app-opt-fitted = Fitted to your { $n } { $n ->
    [one] review
   *[other] reviews
}
app-opt-need-more = With { $n } more { $n ->
    [one] review
   *[other] reviews
} after a card's first day, all parameters can be fitted.
app-opt-applied = Saved: the scheduler now uses your parameters.
app-opt-apply = Use the fitted parameters
app-opt-not-better = The fitted parameters are not better than the defaults on your history, so they are not offered.
app-opt-workload-title = Desired retention and workload
app-opt-estimate = Estimate daily workload
app-opt-retention = Retention
app-opt-reviews-day = Reviews / day
app-opt-minutes-day = Minutes / day

## App: self-test

app-exam-bad-count = Number of questions: enter a whole number, or leave it empty for all.
app-exam-bad-minutes = Time limit: enter minutes from 1 to 600, or leave it empty for none.
app-exam-lead = Test yourself on “{ $title }”. Your review schedule is not changed.
app-exam-questions = Questions
app-exam-count = Number of questions
app-exam-count-hint = Leave empty for every question. kioku remembers your choice.
app-exam-only-tags = Only these tags
app-exam-only-types = Only these types
app-exam-conditions = Conditions
app-exam-minutes = Time limit (minutes)
app-exam-minutes-hint = Leave empty for no limit.
app-exam-feedback = Feedback
app-exam-after-each = Show right or wrong after each question (otherwise only at the end)
app-exam-start = Start the test
app-exam-none-yet = No self-tests on this set yet.
app-exam-past = Past results
app-exam-no-full = No full tests yet: the trend shows full tests only.
app-exam-trend-label = Score trend of full tests, oldest first (score in percent by test number): { $summary }
app-exam-trend-point = test { $n } on { $when }: { $percent }%
app-exam-trend-x = Full test (oldest first)
app-exam-score = Score
app-exam-trend-caption = Full tests only; retries of mistakes are listed below, apart.
app-exam-full-tests = Full tests
app-exam-retries = Retries of mistakes
app-exam-when = When
app-exam-details = Details
app-exam-ran-out-short = (time ran out)
app-exam-more = More
app-exam-time-limit = Time limit
app-exam-no-limit = none
app-exam-limit-minutes = { $n } min
app-exam-tags = Tags
app-exam-seed = Seed
app-exam-finish-now = Finish now
app-exam-title-progress = Self-test · question { $n } of { $total }
app-exam-time-left = Time left
app-exam-progress = Test progress
app-exam-question = Question
app-exam-question-n = Question { $n }
app-exam-select-all = Select all that apply. Scored all or nothing.
app-exam-did-you-know = Did you know it?
app-exam-knew = I knew it
app-exam-did-not-know = I didn't
app-exam-result = Self-test result
app-exam-ran-out = Time ran out.
app-exam-ran-out-detail = The { $minutes }-minute limit ended the test; { $n } unanswered { $n ->
    [one] question counts
   *[other] questions count
} as wrong here (not as got wrong for cramming).
app-exam-ran-out-detail-no-limit = The time limit ended the test; { $n } unanswered { $n ->
    [one] question counts
   *[other] questions count
} as wrong here (not as got wrong for cramming).
app-exam-retry-note = A retry of mistakes: kept apart from full tests in the trend.
app-exam-score-line = Score: { $points } / { $total } ({ $percent }%)
app-exam-right = Right
app-exam-wrong = Wrong or unanswered
app-exam-result-note = Select-all questions count only when every pick is right. Your review schedule was not changed.
app-exam-retry = Retry mistakes
app-exam-every-question = Every question
app-exam-your-answer = Your answer:
app-exam-no-answer = (none)
app-exam-right-answer = Right answer:

## App: statistics

app-stats-summary = Summary
app-stats-cards = cards
app-stats-new = new
app-stats-learning = learning
app-stats-young = young
app-stats-mature = mature (21+ days)
app-stats-reviews = reviews
app-stats-streak = day streak
app-stats-per-answer = per answer
app-stats-seconds = { $s } s
app-stats-retention = True retention
app-stats-retention-hint = Share of review cards you remembered (not Again). Young: interval under 21 days; mature: 21 days or more.
app-stats-period = Period
app-stats-young-col = Young
app-stats-mature-col = Mature
app-stats-last-days = Last { $days } days
app-stats-pass = { $percent }% ({ $passed }/{ $reviews })
app-stats-self-test = Self-test scores
app-stats-self-test-score = { $date }: { $percent }%
app-stats-reviews-per-day = Reviews per day
app-stats-heatmap-summary = { $total } { $total ->
    [one] review
   *[other] reviews
} on { $active } of the last { $days } days.
app-stats-day-reviews = { $day }: { $n } { $n ->
    [one] review
   *[other] reviews
}
app-stats-forecast = Due in the next { $days } days
app-stats-forecast-summary = { $total } { $total ->
    [one] card
   *[other] cards
} due in the next { $days } days; { $today } today.
app-stats-today = today
app-stats-tomorrow = tomorrow
app-stats-in-days = in { $n } days
app-stats-cards-on = { $label }: { $n } { $n ->
    [one] card
   *[other] cards
}
app-stats-no-studied = No studied cards yet.

## App: the editor

editor-new-set-title = New set
editor-title = Edit set
editor-problems-to-fix = { $n } { $n ->
    [one] problem
   *[other] problems
} to fix
editor-unsaved = Unsaved changes
editor-saved = Saved
editor-unsaved-question = You have unsaved changes.
editor-save-and-leave = Save and leave
editor-discard = Discard changes
editor-keep-editing = Keep editing
editor-set = Set
editor-field-title = Title
editor-id-label = {"Id: "}
editor-id-fixed = {" (fixed: progress is kept by it)"}
editor-id = Id
editor-id-from-title = {" — made from the title; fixed once saved. "}
editor-choose-id = Choose another id
editor-field-id = Id (kebab-case, fixed once saved)
editor-field-description = Description (Markdown)
editor-field-language = Language (e.g. en)
editor-field-authors = Authors (comma-separated)
editor-field-source = Source material
editor-field-abbreviations = Abbreviations accepted in answers (U.S. = United States, UK = United Kingdom)
editor-questions = Questions
editor-has-problems = has problems
editor-move-up = Move question { $n } up
editor-move-down = Move question { $n } down
editor-delete-question = Delete question { $n }
editor-add = Add:
editor-add-first = Add a question to start.
editor-kind-flashcard = flashcard
editor-kind-typed = typed
editor-kind-multiple-choice = multiple choice
editor-kind-true-false = true false
editor-kind-cloze = cloze
editor-new-question = (new { $kind })
editor-question-n = Question { $n }
editor-type = Type
editor-field-cloze = Text: write each blank as {"{{"}answer{"}}"}
editor-make-blank = Make the selected text a blank
editor-field-prompt = Prompt (Markdown)
editor-field-answer = Answer (Markdown)
editor-reversible = Also study it answer → prompt
editor-accepted-answers = Accepted answers (the first is shown)
editor-accepted-answer-n = Accepted answer { $n }
editor-remove-answer-n = Remove answer { $n }
editor-add-answer = Add an answer
editor-choices = Choices (tick the right ones; several = select all that apply)
editor-choice-correct-n = Choice { $n } is correct
editor-choice-n = Choice { $n }
editor-remove-choice-n = Remove choice { $n }
editor-add-choice = Add a choice
editor-shuffle = Shuffle the choices when shown
editor-statement-is = The statement is
editor-field-explanation = Explanation (Markdown, shown after answering)
editor-field-source-quote = Source quote (the passage that supports the answer)
editor-field-tags = Tags (comma-separated)
editor-preview = Preview
editor-transfer = Import / export
editor-file-path = File path
editor-file-path-placeholder = /home/me/deck.apkg
editor-format = Format
editor-format-auto = From the file's extension
editor-import-new = Import as a new set
editor-save-first = Save first
editor-export-set = Export this set

## kioku check: what is wrong in a question file

check-problem = { $path }:{ $line }:{ $column }: error: { $message }
check-did-you-mean = , did you mean "{ $name }"?
kind-null = null
kind-boolean = a boolean
kind-number = a number
kind-string = a string
kind-array = an array
kind-object = an object
kind-true-or-false = true or false
kind-other-text = other text
kind-format-version = the format version 1
kind-array-of-strings = an array of strings
kind-abbreviation-map = an object of short forms to long forms
kind-array-of-choice-indices = an array of choice indices
kind-choice-index = a choice index
check-not-an-object = a question set must be a JSON object, found { $found }
check-prompt-in-cloze = "prompt" is not a field of cloze questions (a cloze has "text" with {"{{...}}"} deletions instead)
check-field-not-for-type = "{ $name }" is not a field of { $kind } questions
check-empty-file = file is empty
check-not-utf8 = file is not valid UTF-8 (invalid byte { $byte }); save it as UTF-8
check-too-large = file is { $size } MiB; question files are limited to { $limit } MiB
check-too-deep = nesting deeper than { $limit } levels
check-duplicate-key = duplicate key "{ $key }" (first at { $first })
check-unknown-field = unknown field "{ $name }"{ $suggestion }
check-hint-version = {" (the format version: 1)"}
check-hint-prompt = {" (the question's prompt)"}
check-hint-true-or-false = {" (true or false)"}
check-hint-accepted-answers = {" (a list of accepted answers)"}
check-hint-choice-indices = {" (the indices of the right choices, from 0)"}
check-missing-field = missing field "{ $name }"{ $hint }
check-wrong-type = "{ $field }" must be { $expected }, found { $found }
check-unsupported-version = unsupported format version { $found }; this kioku reads version { $supported }
check-newer-version = unsupported format version { $found }; this kioku reads version { $supported } (the file needs a newer kioku)
check-empty = "{ $field }" must not be empty
check-set-id = set id
check-question-id = question id
check-not-kebab = { $what } "{ $value }" is not kebab-case (lowercase letters and digits joined by single hyphens, e.g. "{ $example }")
check-bad-language = language "{ $tag }" is not a BCP 47 tag such as "en" or "pt-BR"
check-duplicate-question-id = duplicate question id "{ $id }" (first used at { $first })
check-unknown-type = unknown question type "{ $found }"{ $suggestion }; expected one of flashcard, typed, multiple_choice, true_false, cloze
check-no-questions = a set needs at least one question
check-too-few-choices = multiple choice needs at least { $min } choices, found { $found }
check-too-many-choices = multiple choice allows at most { $max } choices, found { $found }
check-empty-choice = choice { $index } is empty
check-duplicate-choice = choice { $index } repeats choice { $first } ("{ $text }")
check-no-correct-choice = "correct" must list at least one choice index
check-negative-index = correct index { $index } is negative; choices are numbered from 0
check-index-out-of-range = correct index { $index } is out of range; the { $count } choices are numbered 0 to { $last }
check-not-an-index = correct index must be a whole number, found { $found }
check-duplicate-index = correct index { $index } is listed twice
check-duplicate-answer = accepted answer { $index } repeats answer { $first } ("{ $text }")
check-no-deletion = cloze text has no deletion; mark each hidden part with {"{{...}}"}
check-unclosed-deletion = unbalanced braces: "{"{{"}" is never closed with "{"}}"}"
check-unopened-deletion = unbalanced braces: "{"}}"}" without an opening "{"{{"}"
check-nested-deletion = cloze deletions cannot be nested
check-empty-deletion = empty cloze deletion {"{{}}"}
check-unnumbered-deletion = this deletion has no card number while others in the text have one; write it {"{{cN::...}}"} (deletions sharing N are hidden together)
check-stray-brace = single brace '{ $brace }' in cloze text; deletions are written {"{{answer}}"}
check-no-front-matter = a .kioku.md file starts with a "---" line that opens the set's front matter
check-unclosed-front-matter = the front matter is never closed with a "---" line
check-text-outside-question = text outside a question; each question starts with a "## id" heading (start a line with \ to write it as text)
check-mixed-types = this question mixes { $first } and { $second } markers; each question has one type
check-no-answer = the question has no answer: add "A:", "=" answers, "- [x]" choices, or {"{{...}}"} deletions in "Q:"
check-quote-not-found = source quote not found in { $document }
check-quote-not-found-nearest = source quote not found in { $document }; did you mean: "{ $nearest }"?
check-abbreviation-no-equals = has no "=": write SHORT = LONG
check-abbreviation-blank-short = is blank: write the short form
check-abbreviation-nothing-to-match = has no letters or digits to match
check-abbreviation-blank-long = has a blank long form
check-abbreviation-same-as-long = is the same as its long form
check-bad-abbreviation = abbreviation "{ $short }" { $reason }
check-source-unreadable = cannot read source document "{ $document }": { $reason }
json-unexpected-end = unexpected end of file
json-unexpected-token = unexpected character; expected a JSON value
json-trailing-characters = unexpected characters after the JSON value
json-comment = comments are not allowed in JSON
json-expected-key = expected a key in double quotes
json-expected-colon = expected ':' after the key
json-expected-comma-or-end = expected ',' or '{ $end }'
json-trailing-comma = trailing comma before '{ $end }'
json-unterminated-string = unterminated string
json-invalid-escape = invalid escape sequence
json-control-character = control character in string (write it as an escape such as \n)
json-invalid-number = invalid number

## The grader's reasons (kioku grade, trying an answer in the editor)

grade-self-graded = flashcards are self-graded
grade-by-learner = judged by the learner
grade-matches-answer = matches the answer "{ $answer }"
grade-matches-alternative = matches the accepted alternative "{ $answer }"
grade-matches-leniently = matches "{ $answer }" { $rule }
grade-one-typo = one typo away from "{ $answer }"
grade-no-accepted-answer = there is no accepted answer
grade-no-match = { $alternatives ->
    [0] does not match the answer "{ $answer }"
    [one] does not match the answer "{ $answer }" or its { $alternatives } alternative
   *[other] does not match the answer "{ $answer }" or its { $alternatives } alternatives
}
grade-no-such-blank = the cloze has no such blank
grade-right-choices = the right choices
grade-not-right-choices = not exactly the right choices
grade-right = right
grade-other-way = the statement is the other way
grade-blank-count = this card hides { $blanks } blanks: give their answers in order, separated by ";" ({ $given } given)
grade-blank = blank { $n }: { $detail }
grade-blank-separator = {"; "}
grade-rule-wording = ignoring leading articles and prepositions and how numbers are written
grade-rule-order = with the parts of the list in another order
grade-rule-extra-words = with only filler words around it
grade-rule-abbreviation = with the set's abbreviations written out
grade-rule-initials = without middle initials

## The settings form's problems

settings-not-in-range = Enter a whole number from { $min } to { $max }.
settings-bad-step = "{ $step }" is not a step; write steps like "1m 10m" (m = minutes, h = hours, d = days).
settings-step-range = A step must be between 1 minute and 30 days, not "{ $step }".

## The editor's problems, next to each field

editor-problem-empty-choice = Choice { $n } is empty
editor-problem-duplicate-choice = Choice { $n } is the same as choice { $first }
editor-problem-no-correct-choice = Mark at least one choice as correct
editor-problem-too-few-choices = Give at least { $min } choices
editor-problem-too-many-choices = Give at most { $max } choices
editor-problem-mark-again = Mark the correct choices again
editor-problem-duplicate-answer = Accepted answer { $n } is the same as answer { $first }
editor-problem-empty-title = Give the set a title
editor-problem-empty-id = Give it an id
editor-problem-empty-language = Give the set's language, such as en
editor-problem-empty-prompt = Write the question
editor-problem-empty-answer = Write the answer
editor-problem-empty-answers = Give at least one accepted answer
editor-problem-empty-answers-entry = An accepted answer is empty
editor-problem-empty-text = Write the text with its blanks
editor-problem-empty = This must not be empty
editor-problem-not-kebab = The { $what } may only have lowercase letters and digits joined by single hyphens, such as { $example }
editor-problem-bad-language = { $tag } is not a language code such as en or pt-BR
editor-problem-duplicate-id = Another question already has the id { $id }
editor-problem-no-questions = Add at least one question
editor-problem-bad-abbreviation = The abbreviation { $short } { $reason }; write each as SHORT = LONG, separated by commas
editor-problem-no-deletion = Make at least one blank: select a part of the text and mark it as a blank
editor-problem-unclosed-deletion = A blank is opened with {"{{"} but never closed with {"}}"}
editor-problem-unopened-deletion = A blank is closed with {"}}"} but never opened with {"{{"}
editor-problem-nested-deletion = A blank cannot be inside another blank
editor-problem-empty-deletion = A blank is empty
editor-problem-unnumbered-deletion = This blank has no card number while others have one: write it {"{{c1::like this}}"}
editor-problem-stray-brace = A single { $brace } is in the text; blanks are written {"{{like this}}"}

## Media files and references

media-error-missing-alt = image or audio "{ $name }" has no alt text; write a description in ![...]
media-error-empty-name = empty media file name
media-error-remote = "{ $name }" is a remote or non-file URL; it is never loaded
media-error-escapes = media name "{ $name }" could escape the set's media folder ({ $why })
media-error-unsupported = "{ $name }" is not a supported media type; use png, jpg, jpeg, gif, webp, svg, mp3, ogg, wav or m4a
media-error-missing = media file "{ $name }" not found in { $folder }
media-error-not-a-file = media file "{ $name }" is not a regular file
media-error-too-large = media file "{ $name }" is { $size } MiB; media files are limited to { $limit } MiB
media-error-bad-url = not a kioku-media://SET/FILE URL: "{ $url }"
media-error-unknown-set = no media folder for set "{ $set }"
media-error-read = cannot read media file "{ $name }": { $error }
media-error-bad-alt = alt text "{ $alt }" cannot contain [, ] or a line break
media-error-write = cannot write media file "{ $name }": { $error }
media-escape-control = control character
media-escape-backslash = backslash
media-escape-absolute = absolute path
media-escape-drive = drive or scheme
media-escape-empty-component = empty path component
media-escape-dot-component = ".." or "." component
media-escape-symlink = a symlink pointing out of the folder

## The data directory's errors

store-error-locked = another kioku is using { $dir } (it holds { $lock }); close it first
store-error-newer-version = { $path }: written by a newer kioku (format version { $found }; this kioku reads { $supported }); update kioku, the file is left as it is
store-error-exists = { $path }: already exists; nothing was written
store-error-set-exists = a set with id "{ $set }" already exists ({ $path })
store-error-builtin-set = "{ $set }" is a built-in set and cannot be replaced
store-error-set-elsewhere = a set with id "{ $set }" is in another file of { $dir }
store-error-no-data-dir = no data directory could be found for this user

# Reading and writing errors: { $op } is one of the io-op-* messages; the
# system's own text follows.
store-error-io = { $path }: cannot { $op }: { $error }
io-op-append = append to
io-op-create = create
io-op-cut-torn-line = cut the torn last line of
io-op-list = list
io-op-lock = lock
io-op-move = move
io-op-open = open
io-op-read = read
io-op-read-metadata = read metadata of
io-op-replace = replace
io-op-seek = seek in
io-op-sync = sync
io-op-write = write
store-error-invalid = { $path }: { $message }
store-error-encode = cannot encode: { $error }
data-not-regular-file = not a regular file (a directory or a device?)
data-has-reviews = already has reviews; generate into an empty directory
data-not-device-file = not a device file ({ $error }); fix or remove it
data-bad-device-id = device id "{ $id }" must be letters, digits and hyphens
data-settings-not-writable = could not be read when kioku started, so it is not overwritten; fix or remove it, then restart kioku
data-not-json = not valid JSON ({ $error })
data-decode = { $error }
settings-error-retention = desired retention must be between 0.70 and 0.99, not { $value }
settings-error-range = { $name } must be between { $min } and { $max }, not { $value }
settings-error-parameter-count = FSRS parameters must be 21 numbers (FSRS-6), found { $found }
settings-form-sentence = { $message }.
setting-name-text-size = text size
setting-name-answer-seconds = maximum answer seconds
setting-name-exam-questions = self-test questions
setting-name-exam-minutes = self-test time limit
setting-name-maximum-interval = maximum interval
setting-name-new-per-day = new cards per day
setting-name-reviews-per-day = reviews per day
setting-name-rollover-hour = day rollover hour
library-error-builtin-read-only = set "{ $set }" is built in and read-only
library-error-source-document = cannot read source document "{ $document }": { $reason }
source-problem-builtin-only = the built-in bank carries only { $only }
source-problem-not-inside = it must be a path inside the sets folder, such as sources/text.txt
source-problem-not-utf8 = it is not valid UTF-8
source-problem-too-large = it is larger than { $mib } MiB
apkg-error-not-zip = not a readable Anki package (zip): { $error }
apkg-error-member-too-large = package member "{ $name }" is { $size } bytes; members are limited to { $limit } bytes
apkg-error-total-too-large = package unpacks to more than { $limit } bytes
apkg-error-ratio = package member "{ $name }" is compressed { $ratio }:1, more than { $limit }:1 (a zip bomb?)
apkg-error-only-stub = this package holds only Anki's placeholder collection ("Please update to the latest Anki version"), without the real collection.anki21b
apkg-error-no-collection = no collection.anki21b, collection.anki21 or collection.anki2 in the package
apkg-error-member = cannot read package member "{ $name }": { $error }
apkg-error-database = cannot read the collection database: { $error }
apkg-error-temp = cannot write a temporary copy of the collection at { $path }: { $error }
bundle-error-not-zip = not a readable .kioku bundle (zip): { $error }
bundle-error-unsafe-name = bundle member "{ $name }" has a name that could escape a folder; the bundle is refused
bundle-error-unexpected-member = bundle member "{ $name }" is not set.json or media/NAME with a supported media type; the bundle is refused
bundle-error-too-many-members = bundle has { $count } members; bundles are limited to { $limit }
bundle-error-member-too-large = bundle member "{ $name }" is { $size } bytes; it is limited to { $limit } bytes
bundle-error-total-too-large = bundle unpacks to more than { $limit } bytes
bundle-error-ratio = bundle member "{ $name }" is compressed { $ratio }:1, more than { $limit }:1 (a zip bomb?)
bundle-error-no-set = no set.json in the bundle
bundle-error-member = cannot read bundle member "{ $name }": { $error }
bundle-error-write = cannot write the bundle: { $error }
export-error-create-dir = cannot create { $path }: { $error }
export-error-apkg-to-file = an .apkg package is written to a file: pass -o FILE.apkg
export-error-bundle-needs-media = a .kioku bundle holds media files; export it from the library
export-error-nothing = no question of the set can be written as { $format }
schedule-error-parameters = the FSRS parameters are invalid: { $error }
schedule-error-fsrs = FSRS could not compute the next memory state: { $error }
exam-error-no-cards = no cards in "{ $set }" match the chosen tags and types
optimize-error-not-enough-data = not enough review history to fit parameters: { $items } reviews after the first day of a card; at least { $needed } more are needed
optimize-error-cancelled = cancelled
optimize-error-fsrs = FSRS failed: { $error }

## The operating system's errors, worded in languages other than English
## (English shows the system's own text)

os-error-numbered = { $what } (os error { $code })
os-error-not-found = no such file or directory
os-error-permission-denied = permission denied
os-error-already-exists = already exists
os-error-is-a-directory = is a directory
os-error-not-a-directory = not a directory
os-error-directory-not-empty = directory not empty
os-error-read-only = read-only file system
os-error-storage-full = no space left on the disk
os-error-quota-exceeded = disk quota exceeded
os-error-file-too-large = file too large
os-error-busy = in use
os-error-invalid-filename = invalid file name
os-error-crosses-devices = cannot move to another device
os-error-unexpected-eof = the file ends too early
os-error-out-of-memory = out of memory

## A CSV review log (kioku optimize --reviews, kioku memory --reviews)

csv-too-large = { $path }: error: the file is { $size } bytes; review logs over { $limit } bytes are not read
csv-row-error = { $path }:{ $line }: error: { $message }
csv-more-rows = { $path }: error: { $count ->
    [one] { $count } more bad row not shown
   *[other] { $count } more bad rows not shown
}
csv-header = cannot read the header: { $error }
csv-columns = the header must name the columns card_id, review_rating and review_time (and optionally review_duration); found "{ $found }"
csv-not-a-row = not a CSV row: { $error }
csv-empty-card = card_id is empty
csv-rating = review_rating "{ $value }" is not 1, 2, 3 or 4
csv-time = review_time "{ $value }" is not an ISO 8601 time with an offset ({ $error })
csv-duration = review_duration "{ $value }" is not a whole number of milliseconds

## The data directory's warnings when it opens (kioku goes on without the
## file or line named)

warning-at = { $path }: { $message }
warning-at-line = { $path }:{ $line }: { $message }
warning-settings-defaults = { $problem }; using default settings until it is fixed (the file is left as it is)
warning-snapshot-not-used = progress snapshot not used ({ $fault }); the review logs were replayed and it is rebuilt
warning-set-cache-not-used = parsed-set cache not used ({ $fault }); the set files were read and it is rebuilt
warning-media-unshown = some images or audio cannot be shown:
warning-set-not-loaded = question set not loaded:
warning-log-skipped = { $error }; skipped
warning-duplicate-set-id = two sets have the id "{ $set }"; only the first is shown
line-torn = the last line was cut short (kioku stopped while writing it); it was never confirmed and is ignored
line-not-utf8 = not valid UTF-8; line skipped
line-header-version = bad header: "{ $key }" is not a version number
line-header-no-device = bad header: no device
line-no-header = no header line; reading the events anyway
line-not-review = not a review-log event ({ $error }); line skipped
line-not-exam-result = not a self-test result ({ $error }); line skipped
cache-fault-not-cache = not such a cache file, or cut short
cache-fault-other-version = format version { $found }, this kioku writes { $supported }
cache-fault-length = cut short or overlong
cache-fault-checksum = bad checksum
cache-fault-index = its index does not match its contents
cache-fault-decode = cannot decode: { $error }
cache-fault-read = cannot read: { $error }

## Import and export notes: ITEM: WHAT HAPPENED

note-line = { $item }: { $what }
item-set = set
item-line = line { $line }
item-named-line = line { $line } ({ $name })
item-anki-note = note { $note }
item-review = review { $id } ({ $when })
item-review-of-note = review { $id } (note { $note }, { $when })
item-media = media "{ $name }"
item-media-member = media member "{ $name }"
note-language-guessed = language guessed from the text: { $code } (confidence { $confidence }); kioku import --language overrides
note-language-not-recognised = language not recognised from the text; set to en (kioku import --language overrides)
note-title-from-file-name = title "{ $title }" taken from the file name: the file names no set title
note-title-from-file-name-decks = title "{ $title }" taken from the file name: the notes are in several decks
note-csv-no-metadata = CSV/TSV carries no set metadata: id "{ $id }" and title "{ $title }" from the file name, language "en", no description, authors or set tags
note-header-row = header row "{ $cells }" read as column names, not as a card
note-media-not-carried = media ![{ $alt }]({ $dest }) referenced, but { $format } carries no media files: copy { $dest } into the set's media folder
note-note-type-missing = its note type is missing from the collection
note-empty-field = a field is empty after removing HTML
note-review-time-out-of-range = its time is out of range
note-review-card-missing = its card is not in the package
note-review-reset = a reset ("Forget") in Anki, not an answer; the card's earlier reviews are left out too, as Anki's FSRS leaves them out
note-review-set-due-date = a manual reschedule ("Set due date") in Anki, not an answer; kioku schedules from answers alone
note-review-rescheduled = a reschedule by Anki's FSRS, not an answer
note-review-no-button = no answer button (kind { $kind })
note-review-unknown-button = unknown answer button { $button }
note-review-before-reset = before the card was reset ("Forget") in Anki at review { $reset }
note-review-note-not-imported = its note was not imported
note-unknown-command = unknown GIFT command "{ $command }" ignored
note-id-taken = id "{ $id }": the title's id "{ $base }" is already used
note-description = a description (text without a question), skipped
note-essay = essay questions (empty {"{ }"}) have no answer to check
note-numerical = numerical questions are not supported
note-matching = matching questions are not supported
note-partial-answer = answer "{ $answer }" ({ $percent }% credit) not accepted: kioku accepts only fully right answers
note-no-full-credit = no answer has full credit, so none can be accepted
note-partial-choice = choice "{ $choice }" ({ $percent }% credit) counted as wrong: kioku has no partial credit
note-all-or-nothing = partial credit scored all-or-nothing: all of { $choices } must be chosen
note-moodle-partial-dropped = partial credit dropped: only the 100% choice counts as right
note-moodle-part-credit = Moodle gives part credit for some of the right choices; kioku counts the answer right only with every choice that has credit
note-no-right-true-false = a true/false question with no 100% answer
note-case-sensitive = case-sensitive in Moodle; kioku ignores case
note-unsupported-type = kioku has no { $kind } questions; skipped
note-untyped = a question without a type; skipped
note-cloze-hints-dropped = written without its cloze hints (kioku has none)
note-one-field = note type "{ $notetype }" with one field has no answer
note-unsafe-media-name = unsafe file name (a path or hidden file), not copied
note-media-missing = missing from the package

# Import notes particular to one format, and what an export cannot carry.
note-moodle-cloze-no-right = embedded answer {"{"}{ $inner }{"}"} has no 100% answer; kept as text
note-moodle-cloze-short-answer = embedded short answer "{ $answer }": { $others } { $others ->
        [one] answer
       *[other] answers
    } under 100% not accepted
note-moodle-cloze-number = embedded number "{ $answer }" must be typed exactly (no tolerance)
note-moodle-cloze-choice = embedded choice "{ $answer }" becomes a typed deletion; its { $others } other { $others ->
        [one] choice is
       *[other] choices are
    } dropped
note-cloze-gone = its cloze c{ $number } is no longer in the note
note-review-card-type-not-imported = its card type "{ $name }" was not imported
note-image-occlusion = an Image Occlusion note: shapes hidden over an image, which kioku cannot show; skipped
note-image-occlusion-named = an Image Occlusion note ("{ $header }"): shapes hidden over an image, which kioku cannot show; skipped
note-cloze-hints-not-imported = imported without its cloze hints
note-one-field-note-type = note type "{ $notetype }" has one field, so no answer
note-card-type-not-imported = card type "{ $name }" not imported
note-field-not-imported = field "{ $name }" is on no card, not imported
note-media-not-copied = not copied: { $error }
note-media-list-unreadable = not copied: its media list could not be read
note-media-list-unreadable-because = not copied: its media list could not be read ({ $error })
note-format-no-type = { $format } has no { $kind } questions
note-moodle-no-type = Moodle has no { $kind } questions (export anki-tsv or apkg for flashcards)
note-aiken-several-right = Aiken has one right answer; this question has several
note-aiken-single-lines = Aiken prompts and choices are single lines
note-aiken-lost = not written, Aiken has no place for them: { $fields } (an import derives the id from the prompt)
lost-separator = {"; "}
lost-id = id { $id }
lost-explanation = explanation "{ $value }"
lost-tags = tags { $value }
lost-title = title "{ $value }"
lost-language = language "{ $value }"
lost-description = description "{ $value }"
lost-authors = authors { $value }
lost-source = source "{ $value }"
lost-set-tags = set tags { $value }
note-tsv-typed-as-basic = typed question written as a Basic note showing the accepted answers
note-tsv-choice-as-basic = multiple choice written as a Basic note listing the choices, answer shown
note-tsv-true-false-as-basic = true/false written as a Basic note with answer True or False
note-tag-spaces = spaces in tags written as _ (Anki tags have no spaces)
note-markdown-as-html = Markdown written as HTML (formatting kept in Anki; importing the file back gives plain text)
note-tsv-fields-dropped = explanations (except on cloze notes) and sources are not carried by anki-tsv
note-apkg-typed-first-only = typed answer: Anki's type-in card checks only the first accepted answer; the others are listed in the explanation
note-apkg-choice-as-basic = multiple choice written as a Basic note listing the choices, the answer on the back
note-apkg-true-false-as-basic = true/false written as a Basic note, the answer on the back
note-apkg-cloze-alternatives = cloze alternatives (a|b): Anki shows and checks only the first
note-apkg-no-history = review history not written: Anki starts every card as new (kioku's progress stays in its review log)
note-csv-shuffle = written, but "shuffle: false" is not carried by CSV
note-csv-metadata-not-written = CSV/TSV has no place for set metadata; not written: { $fields } (an import takes the title from the file name and language "en")
note-metadata-not-written = not written, { $format } has no place for them: { $fields } (an import takes the title from the file name and guesses the language)
note-metadata-not-written-title-kept = not written, { $format } has no place for them: { $fields } (an import guesses the language)
note-gift-shuffle = written, but Moodle decides whether choices are shuffled
note-gift-tags = tags not written ({ $tags }): GIFT has no tags
note-moodle-cloze-numbers = its card numbers ({"{{"}c1::…{"}}"}) are not written: Moodle asks every blank at once, and they come back as one card per blank
note-moodle-source = its source is not written: Moodle XML has no place for it
note-moodle-set-fields = authors, source and set tags are not written: Moodle XML has no place for them; the title is the category
note-media-dropped = media ![{ $alt }]({ $dest }) dropped: { $format } cannot carry images or audio
note-abbreviations-dropped = abbreviations ({ $list }) dropped: { $format } cannot carry them, so answers using them are graded without
note-media-subfolder-bundle = media in a sub-folder is not bundled
note-media-subfolder-apkg = media in a sub-folder is not packed
