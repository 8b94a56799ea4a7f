#!/usr/bin/env bash
# The decks screen and the self-test in a real 800x600 window, in the light
# and the dark theme: delete a set (confirmation, backup, Undo), import one
# through the system file dialog (driven with xdotool: Ctrl+L, the path,
# Enter), and the self-test's past results (trend of full tests, retries
# apart). In the light theme also a test that runs out of time. Checks
# the data directory after each step; screenshots land in target/decks/.
#
# Usage: tests/window_decks.sh [path/to/kioku]   (default: target/debug/kioku)
# Needs: xvfb, xdotool, imagemagick; zenity for the file dialog when no
# XDG desktop portal runs (.ci/test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-target/debug/kioku}
[ -x "$bin" ] || { echo "decks: $bin not built (run cargo build first)" >&2; exit 1; }
for tool in Xvfb xdotool import convert; do
    command -v "$tool" >/dev/null || { echo "decks: $tool is missing" >&2; exit 1; }
done

suite=decks
out=target/decks
mkdir -p "$out"
screen=800x600x24
window=800x600
limit=600
source tests/window_lib.sh
# No desktop portal here: rfd falls back to zenity's GTK dialog.
unset DBUS_SESSION_BUS_ADDRESS
key() { xdotool key "$@"; sleep 1.2; }

# A user set with a picture, and past self-tests on the built-in set: two
# full tests, a retry of mistakes, and a full test that ran out of time.
make_data() { # theme
    local d=$1
    mkdir -p "$d/sets/mine.media" "$d/exams"
    cat >"$d/sets/mine.json" <<'JSON'
{"kioku": 1, "id": "mine", "title": "My set", "language": "en",
 "questions": [{"id": "q", "type": "flashcard", "prompt": "A cat? ![c](cat.png)", "answer": "Yes"}]}
JSON
    convert -size 8x8 xc:grey "$d/sets/mine.media/cat.png"
    printf '{"theme": "%s"}\n' "$2" >"$d/settings.json"
    {
        echo '{"kioku_exams":1,"device":"other"}'
        local q='"questions":[{"key":"japan-russia-covid19/abe-return-year","type":"typed","prompt":"p","given":"2012","correct_answer":"2012","right":true}]'
        echo "{\"set\":\"japan-russia-covid19\",\"seed\":1,\"started_at\":\"2026-11-20T10:00:00Z\",\"duration_s\":300,\"points\":9,\"total\":20,\"score_percent\":45.0,\"kind\":\"full\",\"timed_out\":false,$q}"
        echo "{\"set\":\"japan-russia-covid19\",\"seed\":2,\"started_at\":\"2026-11-21T10:00:00Z\",\"duration_s\":120,\"points\":11,\"total\":11,\"score_percent\":100.0,\"kind\":\"retry\",\"timed_out\":false,$q}"
        echo "{\"set\":\"japan-russia-covid19\",\"seed\":3,\"started_at\":\"2026-11-24T10:00:00Z\",\"duration_s\":420,\"points\":14,\"total\":20,\"score_percent\":70.0,\"kind\":\"full\",\"timed_out\":false,$q}"
        echo "{\"set\":\"japan-russia-covid19\",\"seed\":4,\"started_at\":\"2026-11-26T10:00:00Z\",\"duration_s\":600,\"points\":12,\"total\":20,\"score_percent\":60.0,\"kind\":\"full\",\"timed_out\":true,\"time_limit_min\":10,$q}"
    } >"$d/exams/other.jsonl"
}

for theme in ${DECKS_THEMES-light dark}; do
    export KIOKU_DATA_DIR=$tmp/data-$theme
    make_data "$KIOKU_DATA_DIR" "$theme"
    start_app
    shot "$theme-decks"
    tabs 5; key Return; sleep 1        # "?": the shortcut overlay
    shot "$theme-help"                 # its title must show
    key Escape
    stop_app; start_app

    # Self-test set-up on the built-in set (Tab: 5 header buttons, then
    # Study and Self-test): past results with the trend.
    tabs 7; key Return; sleep 2
    shot "$theme-selftest-setup"
    key End
    shot "$theme-selftest-trend"
    stop_app

    # Delete "My set": header (5), the built-in deck (6), then Study,
    # Self-test, Cram, Stats, Edit, Export…, Delete….
    start_app
    tabs 18; key Return
    shot "$theme-delete-confirm"
    [ -f "$KIOKU_DATA_DIR/sets/mine.json" ] || fail "the set moved before it was confirmed"
    key shift+Tab; key Return          # "Delete" (focus starts on Cancel)
    wait_for "the set file was not moved" test ! -e "$KIOKU_DATA_DIR/sets/mine.json"
    ls "$KIOKU_DATA_DIR"/deleted/mine-*/mine.json >/dev/null || fail "no backup of the set"
    ls "$KIOKU_DATA_DIR"/deleted/mine-*/mine.media/cat.png >/dev/null || fail "no backup of its media"
    sleep 1; shot "$theme-deleted"
    tabs 6; key Return                 # "Undo" (after the 5 header buttons)
    wait_for "Undo did not restore the set" test -f "$KIOKU_DATA_DIR/sets/mine.json"
    [ -f "$KIOKU_DATA_DIR/sets/mine.media/cat.png" ] || fail "Undo did not restore the media"
    sleep 1; shot "$theme-restored"

    # Import through the file dialog: "Import…" is the 2nd header button.
    if command -v zenity >/dev/null; then
        cp tests/fixtures/sets/good/every-type.json "$tmp/every-type.json"
        stop_app; start_app
        tabs 2; xdotool key Return
        dialog=""
        for _ in $(seq 150); do
            dialog=$(xdotool search --onlyvisible --class zenity 2>/dev/null | head -1 || true)
            [ -n "$dialog" ] && break
            sleep 0.2
        done
        [ -n "$dialog" ] || { shot "$theme-no-dialog"; fail "no file dialog within 30 s"; }
        sleep 1.5
        shot "$theme-import-dialog"
        xdotool windowfocus --sync "$dialog" 2>/dev/null || true
        key ctrl+l
        xdotool type --delay 20 "$tmp/every-type.json"; sleep 0.5
        key Return
        wait_for "the import did not create the set" test -f "$KIOKU_DATA_DIR/sets/every-type.json"
        sleep 1.5; shot "$theme-imported"
    else
        echo "decks: zenity is missing and no portal runs: the file dialog is not tested here (the UI tests inject the path)" >&2
    fi
    grep -q panicked "$tmp/app.log" && fail "kioku panicked"
    stop_app
done

# A self-test that runs out of time, in the light theme. The set-up starts
# with the count and time limit remembered in settings.json (3 questions,
# 1 minute): Tab to the count ("← Decks" is first) and press Enter.
export KIOKU_DATA_DIR=$tmp/data-timed
mkdir -p "$KIOKU_DATA_DIR"
printf '{"theme": "light", "exam": {"count": 3, "time_limit_min": 1}}\n' >"$KIOKU_DATA_DIR/settings.json"
start_app
tabs 7; key Return; sleep 2
shot light-timed-setup
tabs 2; key Return; sleep 2
shot light-timed-test
sleep 65
shot light-timed-out
grep -q '"timed_out":true' "$KIOKU_DATA_DIR"/exams/*.jsonl || fail "the result was not recorded as timed out"
grep -q panicked "$tmp/app.log" && fail "kioku panicked"
echo "decks: ok (screenshots in $out)"
