#!/usr/bin/env bash
# Drag and drop and paste into the editor in the real WebKitGTK window,
# from another application (tests/media_source.py, a GTK program: a drag
# source offering a file's URI as file managers do, and a clipboard owner
# holding an image as image viewers' "Copy image" does), driven with
# xdotool's real pointer and keys through X's drag-and-drop protocol and
# clipboard — no synthetic DOM events — under load:
#  1. A new set in the editor (N, title, prompt, the description); Ctrl+S
#     is refused and puts the focus in the empty answer.
#  2. Drop: a green PNG dragged from the other window onto the answer.
#  3. Paste: the clipboard holds a red PNG; Ctrl+V in the answer.
#  4. The answer's text typed after them; Ctrl+S: the saved answer holds
#     both pictures' Markdown, and the media folder the dropped file's
#     bytes and the pasted image.
# Screenshots land in target/media-drop/.
#
# Usage: tests/window_media_drop.sh [path/to/kioku]   (default: target/debug/kioku)
# Needs: xvfb, xdotool, imagemagick, python3 with GTK 3 (python3-gi,
# gir1.2-gtk-3.0; .ci/test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-target/debug/kioku}
[ -x "$bin" ] || { echo "media-drop: $bin not built (run cargo build first)" >&2; exit 1; }
for tool in Xvfb xdotool import convert; do
    command -v "$tool" >/dev/null || { echo "media-drop: $tool is missing" >&2; exit 1; }
done
/usr/bin/python3 -c 'import gi; gi.require_version("Gtk", "3.0"); from gi.repository import Gtk' 2>/dev/null ||
    { echo "media-drop: python3 with GTK 3 (python3-gi, gir1.2-gtk-3.0) is missing" >&2; exit 1; }

suite=media-drop
out=target/media-drop
mkdir -p "$out"
rm -f "$out"/*.png
sources=()
cleanup_more() {
    local p
    for p in "${sources[@]}"; do kill "$p" 2>/dev/null || true; done
}
source tests/window_lib.sh

# Another application: `media_source.py drag FILE X Y` or `copy FILE`,
# started and waited for ("ready").
source_app() {
    /usr/bin/python3 tests/media_source.py "$@" >"$tmp/source.log" 2>&1 &
    sources+=($!)
    for _ in $(seq 150); do grep -qs ready "$tmp/source.log" && return 0; sleep 0.2; done
    fail "tests/media_source.py $* did not start: $(cat "$tmp/source.log")"
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

# The media folder holds $1 files (not counting a hidden temporary file
# being written).
media_count() { [ "$(find "$media" -type f ! -name '.*' 2>/dev/null | wc -l)" -eq "$1" ]; }

green='rgb(0,190,90)'
red='rgb(230,30,30)'
convert -size 600x400 "xc:$red" "$tmp/red.png"
convert -size 600x400 "xc:$green" "$tmp/green.png"
id=dropped
media=$tmp/data/sets/$id.media
set_file=$tmp/data/sets/$id.json

sha256sum /dev/zero >/dev/null 2>&1 & hogs+=($!)
sha256sum /dev/zero >/dev/null 2>&1 & hogs+=($!)

# 1. A new set: its title, prompt and the pictures' description; Ctrl+S is
# refused for want of an answer, and the answer field gets the focus.
export KIOKU_DATA_DIR=$tmp/data
mkdir -p "$KIOKU_DATA_DIR"
printf '{"theme": "light"}\n' >"$KIOKU_DATA_DIR/settings.json"
start_app
shot 1-home
key n
shot_changed 1-home 1-editor "N did not open the editor"
xdotool type --delay 10 "Dropped"; sleep 0.5
shot 1-titled
key ctrl+s                   # refused: the prompt gets the focus
shot_changed 1-titled 1-refused "Ctrl+S did not show the question's problems"
wait_textarea_focus 1-prompt-focus
xdotool type --delay 10 "Which colours?"; sleep 0.5
# Past the answer, the reversed check box, the explanation, the source
# quote and the tags: the description.
tabs 6
xdotool type --delay 10 "A colour"; sleep 0.5
shot 1-described
key ctrl+s                   # refused: the answer gets the focus
wait_textarea_focus 1-answer-focused
read -r fw fh fx fy < <(focus_box 1-answer-focused)
echo "media-drop: 1. the answer has the focus at ${fw}x${fh}+${fx}+${fy}"

# 2. Drag a file from another application onto the answer.
source_app drag "$tmp/green.png" 1110 20
sleep 1
shot 2-source
tx=$((fx + fw / 2)); ty=$((fy + fh / 2))
xdotool mousemove --sync 1190 100; sleep 0.3
xdotool mousedown 1; sleep 0.3
for step in $(seq 1 20); do
    xdotool mousemove --sync $((1190 + (tx - 1190) * step / 20)) $((100 + (ty - 100) * step / 20))
    sleep 0.1
done
sleep 1
shot 2-dragging
xdotool mouseup 1
wait_for "the dropped file did not reach the media folder: $(ls -la "$media" 2>&1); source: $(cat "$tmp/source.log")" media_count 1
echo "media-drop: 2. a dropped file went into the media folder"

dropped=$(ls "$media")
cmp -s "$tmp/green.png" "$media/$dropped" || fail "the media folder does not hold the dropped file's bytes"

# 3. Paste an image another application put on the clipboard, in the
# answer (focused again, the cursor after the dropped picture).
source_app copy "$tmp/red.png"
xdotool windowfocus --sync "$win"
wait_textarea_focus 3-answer-focused
key ctrl+v
wait_for "the pasted image did not reach the media folder: $(ls -la "$media" 2>&1)" media_count 2
echo "media-drop: 3. a pasted image went into the media folder"

# 4. The answer's text after the pictures, and save.
xdotool windowfocus --sync "$win"
wait_textarea_focus 4-answer-focused
xdotool type --delay 10 " Red and green"; sleep 0.5
key ctrl+s
wait_for "the set was not saved" test -s "$set_file"
for name in $(ls "$media"); do
    grep -F '"answer"' "$set_file" | grep -qF "($name)" || fail "the answer lacks $name: $(grep -F '"answer"' "$set_file")"
done
grep -F '"answer"' "$set_file" | grep -qF "Red and green" || fail "the answer lacks its text: $(grep -F '"answer"' "$set_file")"
echo "media-drop: 4. saved: the answer has both pictures' Markdown and its text"
grep -q panicked "$tmp/app.log" && fail "kioku panicked"
stop_app
stop_load
echo "media-drop: ok in $((SECONDS - started)) s under load (screenshots in $out)"
