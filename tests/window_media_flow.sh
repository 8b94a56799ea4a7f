#!/usr/bin/env bash
# A picture's whole journey in real windows, with two `sha256sum /dev/zero`
# hogs running all along (every step waits for what it needs by polling,
# with a bound):
#  1. An instructor presses N on the decks screen, types a new set's title,
#     prompt and answer, the picture's description (alt text), chooses
#     "Add to: Prompt", presses "Add image or sound…" and picks a 900x600
#     solid blue PNG made here in the system file dialog (zenity, driven
#     with xdotool: Ctrl+L, the path, Enter), then saves with Ctrl+S. The
#     set file's prompt ends with ![description](HASH.png) and the media
#     folder holds the same bytes under that name.
#  2. The app restarts; studying the set shows the blue block.
#  3. "Export…" on the set's row, the save dialog, DIR/islands.kioku: a zip
#     with the set and the picture.
#  4. A fresh data directory: "Import…", the open dialog, the bundle; the set
#     and its picture are there; studying it shows the blue block.
# Screenshots land in target/media-flow/.
#
# Usage: tests/window_media_flow.sh [path/to/kioku]   (default: target/debug/kioku)
# Needs: xvfb, xdotool, imagemagick, zenity, python3 (.ci/test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-target/debug/kioku}
[ -x "$bin" ] || { echo "media-flow: $bin not built (run cargo build first)" >&2; exit 1; }
for tool in Xvfb xdotool import convert zenity sha256sum python3; do
    command -v "$tool" >/dev/null || { echo "media-flow: $tool is missing" >&2; exit 1; }
done

out=target/media-flow
mkdir -p "$out"
rm -f "$out"/*.png
tmp=$(mktemp -d)
app_pid=""
xvfb_pid=""
hogs=()
started=$SECONDS

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
stop_app() {
    [ -n "$app_pid" ] || return 0
    local all
    all="$app_pid $(descendants "$app_pid")"
    kill $all 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    for _ in $(seq 300); do running $all || break; sleep 0.1; done
    running $all && { app_pid=""; fail "the app's processes did not exit in 30 s"; }
    app_pid=""
}
stop_load() {
    local p
    for p in "${hogs[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${hogs[@]}"; do wait "$p" 2>/dev/null || true; done
    hogs=()
}
cleanup() {
    stop_load
    stop_app || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
fail() {
    echo "media-flow: FAILED: $*" >&2
    [ -n "${DISPLAY:-}" ] && import -window root "$out/failure.png" 2>/dev/null &&
        echo "media-flow: screen at failure: $out/failure.png" >&2
    # The panic message first: the backtrace after it is long.
    [ -f "$tmp/app.log" ] && { grep -A3 panicked "$tmp/app.log" >&2; tail -20 "$tmp/app.log" >&2; }
    exit 1
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# Bounded: a stuck step fails the test instead of hanging CI.
( sleep 420 & s=$!; trap 'kill $s 2>/dev/null; exit 0' TERM
  wait $s && { echo "media-flow: FAILED: took over 420 s" >&2; kill -TERM $$; } ) 2>/dev/null &
watchdog=$!
trap 'kill $watchdog 2>/dev/null || true; cleanup' EXIT

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start"
export DISPLAY=:$(head -n 1 "$tmp/display")
export HOME=$tmp/home XDG_DATA_HOME=$tmp/home/data XDG_CACHE_HOME=$tmp/home/cache XDG_CONFIG_HOME=$tmp/home/config
# No desktop portal here: rfd falls back to zenity's GTK dialog.
unset DBUS_SESSION_BUS_ADDRESS
mkdir -p "$HOME"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
xdotool getdisplaygeometry >/dev/null 2>&1 || fail "Xvfb did not start on $DISPLAY"

shot() { import -window root "$out/$1.png"; }
key() { xdotool key "$@"; sleep 0.7; }
tabs() { for _ in $(seq "$1"); do xdotool key Tab; sleep 0.2; done; sleep 0.5; }
wait_for() { # what, test command...: polled for up to 60 s
    local what=$1; shift
    for _ in $(seq 300); do "$@" && return 0; sleep 0.2; done
    fail "$what"
}

win=""
start_app() {
    "$bin" >>"$tmp/app.log" 2>&1 &
    app_pid=$!
    win=""
    for _ in $(seq 300); do
        win=$(xdotool search --onlyvisible --name '^kioku$' 2>/dev/null | head -1 || true)
        [ -n "$win" ] && break
        kill -0 "$app_pid" 2>/dev/null || fail "kioku exited before its window appeared"
        sleep 0.2
    done
    [ -n "$win" ] || fail "no window titled 'kioku' within 60 s"
    xdotool windowsize --sync "$win" 1100 760 || true
    xdotool windowmove "$win" 0 0 || true
    xdotool windowfocus --sync "$win"
    # The decks screen is drawn (slow under load): its deck list's text
    # makes the screen far from flat.
    local sd=0
    for _ in $(seq 120); do
        sd=$(import -window root -crop 1100x760+0+0 +repage png:- | convert - -colorspace Gray -format '%[fx:standard_deviation]' info:)
        awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' && break
        sleep 0.5
    done
    awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || fail "the window stayed blank for 60 s"
    # The app puts the focus on its main view once mounted.
    sleep 2
    xdotool windowfocus --sync "$win"
}

# Two screenshots differ (the app reacted): shot $2 until it differs from
# $1 by more than 500 pixels, for up to 30 s.
shot_changed() { # before after what
    local d=0
    for _ in $(seq 60); do
        shot "$2"
        d=$(compare -metric AE -fuzz 2% "$out/$1.png" "$out/$2.png" null: 2>&1 || true)
        d=${d%% *}
        awk -v d="$d" 'BEGIN { exit !(d + 0 > 500) }' && { sleep 0.5; shot "$2"; return 0; }
        sleep 0.5
    done
    fail "$3 ($1.png and $2.png differ by only $d pixels after 30 s)"
}

# The solid block of colour $2 in a screenshot $1: prints "WIDTH HEIGHT" of
# the box around every pixel of that colour once the box is at least $3
# pixels on each side and nearly all of it is that colour. Retaken for up
# to 60 s while the webview loads the picture.
block() {
    local mask=$tmp/mask.png w=0 h=0 count=0
    for _ in $(seq 60); do
        shot "$1"
        convert "$out/$1.png" -alpha off -fuzz 4% -fill black +opaque "$2" -fill white -opaque "$2" "$mask"
        read -r w h < <(convert "$mask" -trim -format '%w %h\n' info: 2>/dev/null || echo "0 0")
        count=$(convert "$mask" -format '%[fx:int(mean*w*h+0.5)]' info:)
        if [ "$w" -ge "$3" ] && [ "$h" -ge "$3" ] &&
            awk -v c="$count" -v a=$((w * h)) 'BEGIN { exit !(c >= 0.95 * a) }'; then
            echo "$w $h"
            return 0
        fi
        sleep 1
    done
    fail "$1.png: no solid block of $2 at least $3 px (box ${w}x${h}, $count px of that colour)"
}

# The focus moved (by the page's script, after a refused save) to a text
# area: a focus ring over 70 px high (the title field's is under 60).
wait_textarea_focus() { # shot-name
    local w=0 h=0 x y
    for _ in $(seq 60); do
        shot "$1"
        read -r w h x y < <(focus_box "$1" || echo "0 0 0 0")
        [ "${w:-0}" -gt 200 ] && [ "${h:-0}" -gt 70 ] && return 0
        sleep 0.5
    done
    fail "$1.png: no text area got the focus (focus ring ${w}x${h})"
}

# The box of the focus ring (the light theme's --focus, #a64200) in
# screenshot $1: "W H X Y".
focus_box() {
    convert "$out/$1.png" -alpha off -fuzz 6% -fill black +opaque '#a64200' -fill white -opaque '#a64200' \
        -trim -format '%w %h %X %Y\n' info: 2>/dev/null | tr -d '+'
}

# The system file dialog (zenity) is open: type $1 into it and press
# Enter. $2 names its screenshot.
answer_dialog() { # path shot-name [save]
    local dialog=""
    for _ in $(seq 150); do
        dialog=$(xdotool search --onlyvisible --class zenity 2>/dev/null | head -1 || true)
        [ -n "$dialog" ] && break
        sleep 0.2
    done
    [ -n "$dialog" ] || fail "no file dialog within 30 s"
    # Drawn and ready for keys: its window is not one flat colour.
    for _ in $(seq 60); do
        sd=$(import -window "$dialog" png:- 2>/dev/null | convert - -colorspace Gray -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)
        awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' && break
        sleep 0.5
    done
    sleep 1
    xdotool windowfocus --sync "$dialog" 2>/dev/null || true
    shot "$2"
    if [ "${3:-}" = save ]; then
        # The save dialog's name field has the focus and the suggested
        # name: a whole path typed there is taken.
        key ctrl+a
    else
        key ctrl+l
    fi
    xdotool type --delay 20 "$1"; sleep 0.5
    # Enter; once more if the location field's completion popup took it.
    local try
    for try in 1 2 3; do
        key Return
        for _ in $(seq 50); do
            xdotool search --onlyvisible --class zenity >/dev/null 2>&1 || break 2
            sleep 0.2
        done
        shot "$2-still-open-$try"
    done
    xdotool search --onlyvisible --class zenity >/dev/null 2>&1 && fail "the file dialog did not close"
    xdotool windowfocus --sync "$win" 2>/dev/null || true
}

blue='rgb(20,40,230)'
picture=$tmp/islands-map.png
convert -size 900x600 "xc:$blue" "$picture"
title="Disputed islands"
id=disputed-islands
alt="Map of the disputed islands"
bundle=$tmp/out/islands.kioku
mkdir -p "$tmp/out"

sha256sum /dev/zero >/dev/null 2>&1 & hogs+=($!)
sha256sum /dev/zero >/dev/null 2>&1 & hogs+=($!)

# 1. The instructor's set, made in the editor.
export KIOKU_DATA_DIR=$tmp/teacher
mkdir -p "$KIOKU_DATA_DIR"
printf '{"theme": "light"}\n' >"$KIOKU_DATA_DIR/settings.json"
set_file=$KIOKU_DATA_DIR/sets/$id.json
start_app
shot 1-home
key n
shot_changed 1-home 1-editor "N did not open the editor"
# The title field has the focus, its text selected.
xdotool type --delay 10 "$title"; sleep 0.5
shot 1-titled
key ctrl+s                   # refused (empty question): the prompt gets the focus
shot_changed 1-titled 1-refused "Ctrl+S did not show the question's problems"
# The focus moves to the prompt by the page's script, after the refusal.
wait_textarea_focus 1-prompt-focus
xdotool type --delay 10 "Which islands does this map show?"; sleep 0.5
# Tab to the answer: in the order of the keys, unlike the focus moved
# after a refused save, which lags under load.
xdotool key Tab; sleep 0.3
xdotool type --delay 10 "The Northern Territories"; sleep 0.5
tabs 5
xdotool type --delay 10 "$alt"; sleep 0.5
# "Add to": the explanation had the focus last; Up to "Prompt".
tabs 1
key Up; key Up; key Up
shot 1-add-to-prompt
tabs 1
xdotool key Return           # "Add image or sound…": the system's dialog
answer_dialog "$picture" 1-picture-dialog
shot 1-added
key ctrl+s
wait_for "the set was not saved as $set_file" test -s "$set_file"
grep -F "\"prompt\"" "$set_file" | grep -qF "![$alt](" ||
    fail "the saved prompt has no picture: $(grep -F '"prompt"' "$set_file")"
name=$(grep -F '"prompt"' "$set_file" | grep -o "!\[$alt\]([^)]*)" | sed 's/.*(\(.*\))/\1/')
[ -n "$name" ] || fail "no file name in the prompt"
cmp -s "$picture" "$KIOKU_DATA_DIR/sets/$id.media/$name" ||
    fail "the media folder does not hold the picked picture as $name: $(ls -la "$KIOKU_DATA_DIR/sets/$id.media" 2>&1)"
echo "media-flow: 1. the editor added the picture through the file dialog as $name and saved it"
# The editor shows the picture's thumbnail (under the add controls).
r=$(block 1-thumbnail "$blue" 60); read -r w h <<<"$r"
echo "media-flow:    its thumbnail shows (${w}x${h})"
grep -q panicked "$tmp/app.log" && fail "kioku panicked"
stop_app

# The deck's number on the decks screen (the order of `kioku decks`, which
# cannot run while the app holds the data directory).
deck_number() { "$bin" decks | awk -v id="$1" 'NR > 1 && $1 == id { print NR - 1 }'; }

# 2. Study it: the picture is on the card.
n=$(deck_number "$id")
[ -n "$n" ] || fail "the set is not listed: $("$bin" decks)"
# Its "Export…" button, in Tab order: the 5 header buttons, then per set
# before it Study, Self-test, Cram, Stats, Edit (or Copy to edit), Export…
# and, on a user set, Delete…; then its own 6th.
stops=5
i=1
while read -r sid; do
    [ "$i" -lt "$n" ] || break
    if [ -f "$KIOKU_DATA_DIR/sets/$sid.json" ]; then stops=$((stops + 7)); else stops=$((stops + 6)); fi
    i=$((i + 1))
done < <("$bin" decks | awk 'NR > 1 { print $1 }')
start_app
key "$n"
r=$(block 2-study "$blue" 150); read -r w h <<<"$r"
echo "media-flow: 2. studying it shows the picture (${w}x${h})"

# 3. Export it as a bundle through "Export…" and the save dialog.
key Escape                   # back to the decks screen
shot_changed 2-study 3-home "Escape did not leave the study screen"
sleep 1
tabs $((stops + 6))
xdotool key Return
answer_dialog "$bundle" 3-export-dialog save
wait_for "no bundle at $bundle" test -s "$bundle"
python3 -m zipfile -l "$bundle" >"$tmp/bundle.list" || fail "the bundle is not a zip"
grep -q "$name" "$tmp/bundle.list" || fail "the bundle lacks the picture: $(cat "$tmp/bundle.list")"
echo "media-flow: 3. exported through the save dialog: $(awk 'NR > 1 { print $1 }' "$tmp/bundle.list" | tr '\n' ' ')"
sleep 1
shot 3-exported
grep -q panicked "$tmp/app.log" && fail "kioku panicked"
stop_app

# 4. A student's fresh data directory: import the bundle through the
# dialog ("Import…" is the 2nd header button), study, see the picture.
export KIOKU_DATA_DIR=$tmp/student
mkdir -p "$KIOKU_DATA_DIR"
# The imported set comes after the built-in ones.
n=$(($("$bin" decks | awk 'NR > 1' | wc -l) + 1))
start_app
shot 4-home
tabs 2; xdotool key Return
answer_dialog "$bundle" 4-import-dialog
wait_for "the import did not create the set" test -f "$KIOKU_DATA_DIR/sets/$id.json"
cmp -s "$picture" "$KIOKU_DATA_DIR/sets/$id.media/$name" || fail "the import did not bring the picture"
sleep 1
shot 4-imported
key "$n"
r=$(block 4-study "$blue" 150); read -r w h <<<"$r"
echo "media-flow: 4. the imported bundle's card shows the picture (${w}x${h})"
grep -q panicked "$tmp/app.log" && fail "kioku panicked"
stop_app
stop_load

echo "media-flow: ok in $((SECONDS - started)) s under load (screenshots in $out)"
