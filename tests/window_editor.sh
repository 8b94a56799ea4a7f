#!/usr/bin/env bash
# The set editor in a real window, driven like a person on a busy machine
# (the helpers and patterns of tests/window_e2e.sh). For each round (light
# theme at 100% text, dark theme at 125%) it:
#   - opens the app at 800x600 and presses N on the decks screen: the editor
#     on a new set, with its title field focused and selected;
#   - empties the title and checks that its message appears without moving
#     the form below it;
#   - with two `sha256sum /dev/zero` hogs running, types the title
#     "The Northern Territories" (xdotool type --delay 5), presses Ctrl+S
#     (refused: the question is empty, and the focus goes to its first
#     field with a problem), types the prompt, Ctrl+S again (the focus goes
#     to the answer), types the answer and saves;
#   - checks the saved set file: its id follows the title
#     (sets/the-northern-territories.json) and it holds every character of
#     the title, the prompt and the answer;
#   - screenshots the editor at 800x600 and at 1100x800.
# Screenshots land in target/e2e-editor/.
#
# Usage: tests/window_editor.sh [path/to/kioku]   (default: target/debug/kioku)
# Needs: xvfb, xdotool, imagemagick (.ci/test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-target/debug/kioku}
[ -x "$bin" ] || { echo "editor-e2e: $bin not built (run cargo build first)" >&2; exit 1; }
for tool in Xvfb xdotool import convert sha256sum; do
    command -v "$tool" >/dev/null || { echo "editor-e2e: $tool is missing" >&2; exit 1; }
done

suite=editor-e2e
out=target/e2e-editor
mkdir -p "$out"
rm -f "$out"/*.png
window=800x600
limit=180
source tests/window_lib.sh
export KIOKU_DATA_DIR=$tmp/data
mkdir -p "$KIOKU_DATA_DIR"

shot() { # name [WxH]
    import -window root -crop "${2:-800x600}+0+0" +repage "$out/$1.png"
}
# After a refused save the page moves the focus to the first field with a
# problem, scrolled to the middle of the window: wait until the focus ring
# (colour $3) is on a text area (over 70 px high) with the field's message,
# in the theme's --wrong colour $4, right under it, as a person waits to see
# where the cursor went before typing. (The ring's place alone cannot tell:
# two fields centred in turn are at the same height on screen.)
wait_focus_on_problem() { # before after focus-colour wrong-colour what
    local w=0 h=0 x=0 y=0 red=0
    for _ in $(seq 60); do
        shot "$2"
        read -r w h x y < <(focus_box "$2" "$3" || echo "0 0 0 0")
        if [ "${h:-0}" -gt 70 ]; then
            red=$(convert "$out/$2.png" -crop "${w}x30+${x}+$((y + h))" +repage -alpha off \
                -fuzz 10% -fill black +opaque "$4" -fill white -opaque "$4" \
                -format '%[fx:int(mean*w*h+0.5)]' info:)
            [ "$red" -gt 100 ] && return 0
        fi
        sleep 0.5
    done
    fail "$5 ($2.png: focus ring ${w}x${h} at y ${y:-?}, $red px of its message under it; before: $1.png)"
}

title="The Northern Territories"
prompt="Which islands, held by Russia since 1945, does Japan claim?"
answer="The Northern Territories (Etorofu, Kunashiri, Shikotan & the Habomai)"
file=$KIOKU_DATA_DIR/sets/the-northern-territories.json

# The set file holds $2 as a JSON string value (no escapes in our texts).
holds() { grep -qF -- "\"$1\": \"$2\"" "$file" || fail "the saved set's $1 is not \"$2\": $(grep -F "\"$1\"" "$file" | head -3)"; }

round() {
    local theme=$1 size=$2 n=$3
    echo "editor-e2e: round $n: $theme theme, text at $size%"
    printf '{"theme": "%s", "text_size": %s}\n' "$theme" "$size" >"$KIOKU_DATA_DIR/settings.json"
    # The theme's --focus and --wrong in assets/app.css.
    local focus='#a64200' wrong='#a61b1b'
    [ "$theme" = dark ] && focus='#ffb068' wrong='#ff9a9a'
    rm -f "$file"
    start_app
    shot "$n-$theme-home"
    key n
    shot_changed "$n-$theme-home" "$n-$theme-new" "N did not open the editor on a new set"
    # Emptying the title shows its message in the line kept for it: the
    # form below must not move (a few thousand pixels differ for the message
    # and the field's ring, the status and the id; a jump of even a pixel moves
    # everything below: over 100 000).
    key BackSpace
    shot_changed "$n-$theme-new" "$n-$theme-emptied" "emptying the title showed no message"
    local moved
    moved=$(diff_px "$n-$theme-new" "$n-$theme-emptied")
    [ "$moved" -lt 25000 ] || fail "the form moved when the title's message appeared ($moved px differ)"
    echo "editor-e2e:   the title's message appeared without moving the form ($moved px differ)"
    start_load
    # The title field has the focus: typing fills it.
    xdotool type --delay 5 "$title"
    sleep 0.5
    # Refused: the question is empty; its prompt and answer are marked and
    # the prompt gets the focus. Like a person, wait to see it before typing.
    shot "$n-$theme-titled"
    key ctrl+s
    wait_focus_on_problem "$n-$theme-titled" "$n-$theme-refused" "$focus" "$wrong" "Ctrl+S did not move the focus to the prompt"
    xdotool type --delay 5 "$prompt"
    sleep 0.5
    # Refused: no answer yet; the answer gets the focus.
    shot "$n-$theme-prompted"
    key ctrl+s
    wait_focus_on_problem "$n-$theme-prompted" "$n-$theme-refused-2" "$focus" "$wrong" "the second Ctrl+S did not move the focus to the answer"
    xdotool type --delay 5 "$answer"
    sleep 0.5
    key ctrl+s
    stop_load
    for _ in $(seq 100); do [ -s "$file" ] && break; sleep 0.1; done
    [ -s "$file" ] || { ls "$KIOKU_DATA_DIR/sets" >&2 || true; fail "no $file: the id did not follow the title, or the set was not saved"; }
    holds id the-northern-territories
    holds title "$title"
    holds prompt "$prompt"
    holds answer "$answer"
    echo "editor-e2e:   saved $file with every character of the title, prompt and answer"
    sleep 0.5
    shot "$n-$theme-$size-800x600"
    xdotool windowsize --sync "$win" 1100 800 || fail "could not resize the window"
    sleep 1.5
    shot "$n-$theme-$size-1100x800" 1100x800
    stop_app
}

round light 100 1
round dark 125 2

echo "editor-e2e: ok in $((SECONDS - started)) s (screenshots in $out)"
