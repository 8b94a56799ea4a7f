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

suite=media-flow
out=target/media-flow
mkdir -p "$out"
rm -f "$out"/*.png
source tests/window_lib.sh
# No desktop portal here: rfd falls back to zenity's GTK dialog.
unset DBUS_SESSION_BUS_ADDRESS

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
