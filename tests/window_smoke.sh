#!/usr/bin/env bash
# Real-window smoke test: start kioku under Xvfb with a temporary data dir,
# check the window and its title, drive a study session with the keyboard
# (xdotool), check the answers reached the review log, undo one, reopen and
# check progress survived. Screenshots land in target/smoke/.
#
# Usage: tests/window_smoke.sh [path/to/kioku]   (default: target/debug/kioku)
# Needs: xvfb, xdotool, imagemagick (.ci/test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-target/debug/kioku}
[ -x "$bin" ] || { echo "smoke: $bin not built (run cargo build first)" >&2; exit 1; }
for tool in Xvfb xdotool import convert; do
    command -v "$tool" >/dev/null || { echo "smoke: $tool is missing" >&2; exit 1; }
done

out=target/smoke
mkdir -p "$out"
tmp=$(mktemp -d)
app_pid=""
xvfb_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill $(pgrep -P "$app_pid" 2>/dev/null) "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "smoke: FAILED: $*" >&2; [ -f "$tmp/app.log" ] && tail -20 "$tmp/app.log" >&2; exit 1; }

# -displayfd: Xvfb picks a free display number and writes it, so runs in
# parallel (or a stale server) never collide.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start"
export DISPLAY=:$(head -n 1 "$tmp/display")
# WebKit writes caches under HOME and XDG dirs: keep them out of the real home.
export HOME=$tmp/home XDG_DATA_HOME=$tmp/home/data XDG_CACHE_HOME=$tmp/home/cache XDG_CONFIG_HOME=$tmp/home/config
export KIOKU_DATA_DIR=$tmp/data
mkdir -p "$HOME"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

# The app and every process under it (WebKit's helpers hold the web data
# directory, `kioku-app` the data directory's lock).
descendants() {
    local p c
    for p in "$@"; do
        for c in $(pgrep -P "$p" 2>/dev/null || true); do
            echo "$c"
            descendants "$c"
        done
    done
}
running() { # pid...: is any of them alive and not a zombie?
    local p st
    for p in "$@"; do
        st=$(ps -o stat= -p "$p" 2>/dev/null) || continue
        [[ $st == Z* ]] || return 0
    done
    return 1
}
start_app() {
    "$bin" >"$tmp/app.log" 2>&1 &
    app_pid=$!
    local win=""
    for _ in $(seq 300); do
        win=$(xdotool search --onlyvisible --name '^kioku$' 2>/dev/null | head -1 || true)
        [ -n "$win" ] && break
        kill -0 "$app_pid" 2>/dev/null || fail "kioku exited before its window appeared"
        sleep 0.2
    done
    [ -n "$win" ] || fail "no window titled 'kioku' within 60 s"
    [ "$(xdotool getwindowname "$win")" = kioku ] || fail "window title is not 'kioku'"
    xdotool windowfocus --sync "$win"
    # A loaded machine can take many seconds to paint the first page, and
    # keys sent before then are lost: wait until the screen is not blank.
    local sd
    for _ in $(seq 90); do
        import -window root "$tmp/paint.png"
        sd=$(convert "$tmp/paint.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
        if awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }'; then
            sleep 2 # the app focuses its key handler once mounted
            xdotool windowfocus --sync "$win"
            return 0
        fi
        sleep 1
    done
    fail "the first page was never drawn (90 s)"
}

shot() { import -window root "$out/$1.png"; }

not_blank() {
    local sd
    sd=$(convert "$out/$1.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
    awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || fail "$1.png looks blank (stddev $sd)"
}

log_lines() { cat "$KIOKU_DATA_DIR"/reviews/*.jsonl 2>/dev/null | grep -c "\"type\":\"$1\"" || true; }

# type count [shot]: wait for the review log; then, if given the shot taken
# before the key, until the screen no longer shows it (a loaded webview
# paints seconds after the app moved on, and keys typed into a stale card
# go to the wrong field).
wait_for_lines() {
    local ok=""
    for _ in $(seq 150); do [ "$(log_lines "$1")" -ge "$2" ] && { ok=1; break; }; sleep 0.1; done
    [ -n "$ok" ] || fail "expected $2 '$1' events in the review log, found $(log_lines "$1")"
    if [ -n "${3-}" ]; then
        for _ in $(seq 60); do
            import -window root "$tmp/now.png"
            [ "$(compare -metric AE "$out/$3.png" "$tmp/now.png" null: 2>&1 || true)" != 0 ] && break
            sleep 0.5
        done
    fi
    sleep 1.5
}

# Fixed pauses are long enough for a loaded machine; the review log is
# polled where the app writes.
key() { xdotool key "$@"; sleep 1.5; }

start_app
shot home; not_blank home

key 1                      # study the first deck: a flashcard
shot study-flashcard; not_blank study-flashcard
key space                  # show the answer
shot study-answer
key 3                      # Good
wait_for_lines review 1 study-answer
grep -q '"rating":"good"' "$KIOKU_DATA_DIR"/reviews/*.jsonl || fail "the rating was not recorded as good"

xdotool type --delay 40 "75th"; key Return   # a typed card
shot study-typed; not_blank study-typed
key Return                 # the suggested rating
wait_for_lines review 2 study-typed

key 3                      # multiple choice: pick the third choice shown
key Return                 # check
shot study-choice
key 1                      # Again
wait_for_lines review 3 study-choice

key ctrl+z                 # undo the last answer
wait_for_lines undo 1

key question               # the shortcut overlay
shot help
key Escape                 # close it
key Escape                 # back to the decks
shot home-after; not_blank home-after

# `kioku` waits for the `kioku-app` it started: end that child (by pid)
# too, or it keeps the window and the data directory's lock.
stop_app() {
    local all
    all="$app_pid $(descendants "$app_pid")"
    kill $all 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    # Gone before the next start, which would find them holding its files.
    for _ in $(seq 150); do running $all || break; sleep 0.1; done
    running $all && fail "the app's processes did not exit in 15 s"
    xdotool search --onlyvisible --name '^kioku$' >/dev/null 2>&1 && fail "the window is still open"
    app_pid=""
}
stop_app

# Reopen in the dark theme: progress must still be there.
printf '{"theme": "dark"}\n' > "$KIOKU_DATA_DIR/settings.json"
start_app
shot home-dark; not_blank home-dark
key 1
shot study-dark; not_blank study-dark
[ "$(log_lines review)" -eq 3 ] || fail "reopening changed the log"

# Settings from the keyboard: S, Tab to "New cards per day", type, Enter.
key Escape
key s
key Tab Tab Tab
key ctrl+a
xdotool type --delay 40 "7"; key Return
shot settings
grep -q '"new_per_day": 7' "$KIOKU_DATA_DIR/settings.json" || fail "settings were not saved"
grep -q '"theme": "dark"' "$KIOKU_DATA_DIR/settings.json" || fail "saving settings lost the theme"
grep -q panicked "$tmp/app.log" && fail "kioku panicked"

# In Japanese: the same decks screen, restarted with KIOKU_LANG=ja (the
# settings leave the language to the system), must look different, and
# the app must say it speaks Japanese (the root's lang, in its log).
key Escape
shot home-en; not_blank home-en
stop_app
KIOKU_LANG=ja KIOKU_TIMING=1 start_app
shot home-ja; not_blank home-ja
grep -q '^kioku-lang: ja$' "$tmp/app.log" || fail "the app did not start in Japanese: $(grep kioku-lang "$tmp/app.log")"
differ=$(compare -metric AE "$out/home-en.png" "$out/home-ja.png" null: 2>&1 || true)
[ "${differ%% *}" -gt 2000 ] 2>/dev/null || fail "the Japanese decks screen looks like the English one ($differ pixels differ)"
key s
shot settings-ja; not_blank settings-ja
grep -q panicked "$tmp/app.log" && fail "kioku panicked in Japanese"

echo "smoke: ok (screenshots in $out)"
