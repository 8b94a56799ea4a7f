#!/usr/bin/env bash
# Real-window media test: cards with pictures are drawn in the webview.
#  (a) A set whose card shows a solid green PNG made here: study it, take a
#      screenshot, and find a solid block of that green on screen; Z enlarges
#      it (a bigger block), Esc closes the overlay and the keys still work.
#  (b) An Anki deck made with genanki (tests/fixtures/import/media-deck.apkg,
#      from make_media_deck.py) with a magenta picture and a sound, imported
#      with `kioku import`: study it and find the magenta block.
# Screenshots land in target/media-shots/.
#
# Usage: tests/window_media.sh [path/to/kioku]   (default: target/debug/kioku)
# Needs: xvfb, xdotool, imagemagick (.ci/test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-target/debug/kioku}
[ -x "$bin" ] || { echo "media: $bin not built (run cargo build first)" >&2; exit 1; }
for tool in Xvfb xdotool import convert compare; do
    command -v "$tool" >/dev/null || { echo "media: $tool is missing" >&2; exit 1; }
done

out=target/media-shots
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
fail() {
    echo "media: FAILED: $*" >&2
    cat "$KIOKU_DATA_DIR"/reviews/*.jsonl >&2 2>/dev/null
    # The panic message first: the backtrace after it is long.
    [ -f "$tmp/app.log" ] && { grep -A3 panicked "$tmp/app.log" >&2; tail -20 "$tmp/app.log" >&2; }
    exit 1
}

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start"
export DISPLAY=:$(head -n 1 "$tmp/display")
export HOME=$tmp/home XDG_DATA_HOME=$tmp/home/data XDG_CACHE_HOME=$tmp/home/cache XDG_CONFIG_HOME=$tmp/home/config
export KIOKU_DATA_DIR=$tmp/data
mkdir -p "$HOME"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

# (a) A set with a solid-colour picture, made here.
green='rgb(0,190,90)'
mkdir -p "$KIOKU_DATA_DIR/sets/colour.media"
convert -size 480x320 "xc:$green" "$KIOKU_DATA_DIR/sets/colour.media/green.png"
cat >"$KIOKU_DATA_DIR/sets/colour.json" <<'JSON'
{"kioku": 1, "id": "colour", "title": "Colours", "language": "en",
 "questions": [{"id": "green", "type": "flashcard",
   "prompt": "Which colour is this?\n\n![a green rectangle](green.png)",
   "answer": "Green"}]}
JSON
"$bin" check "$KIOKU_DATA_DIR/sets/colour.json" >/dev/null || fail "kioku check refused the colour set"

# (b) The genanki deck, through `kioku import`.
"$bin" import tests/fixtures/import/media-deck.apkg >"$tmp/import.log" 2>&1 || { cat "$tmp/import.log" >&2; fail "import"; }
grep -q "2 media files" "$tmp/import.log" || fail "the import did not copy the picture and the sound: $(cat "$tmp/import.log")"

# The deck numbers on the decks screen, in `kioku decks` order.
deck_number() { "$bin" decks | awk -v id="$1" 'NR > 1 && $1 == id { print NR - 1 }'; }
colour_n=$(deck_number colour)
anki_n=$(deck_number media-deck)
[ -n "$colour_n" ] && [ -n "$anki_n" ] || fail "decks not listed: $("$bin" decks)"

start_app() {
    "$bin" >>"$tmp/app.log" 2>&1 &
    app_pid=$!
    local win=""
    for _ in $(seq 300); do
        win=$(xdotool search --onlyvisible --name '^kioku$' 2>/dev/null | head -1 || true)
        [ -n "$win" ] && break
        kill -0 "$app_pid" 2>/dev/null || fail "kioku exited before its window appeared"
        sleep 0.2
    done
    [ -n "$win" ] || fail "no window titled 'kioku' within 60 s"
    xdotool windowfocus --sync "$win"
    # A loaded machine can take many seconds to paint the first page.
    for _ in $(seq 60); do
        shot home
        sd=$(convert "$out/home.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
        if awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }'; then
            sleep 5 # the app focuses itself once mounted
            xdotool windowfocus --sync "$win"
            return 0
        fi
        sleep 1
    done
    fail "the decks screen was never drawn"
}

shot() { import -window root "$out/$1.png"; }
key() { xdotool key "$@"; sleep 1.5; }

# The solid block of colour $2 in a screenshot $1: prints "WIDTH HEIGHT" of
# the box around every pixel of that colour once the box is at least $3
# pixels on each side and nearly all of it is that colour. Screenshots are
# retaken for up to 20 s while the webview loads the picture.
block() {
    local mask=$tmp/mask.png w=0 h=0 count=0
    for _ in $(seq 20); do
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
    # `kioku` waits for the `kioku-app` it started: end that child (by pid)
    # too, or it keeps the window and the data directory's lock.
    local all
    all="$app_pid $(descendants "$app_pid")"
    kill $all 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    # Gone before the next start, which would find them holding its files.
    for _ in $(seq 150); do running $all || break; sleep 0.1; done
    running $all && fail "the app's processes did not exit in 15 s"
    app_pid=""
}

# (b) The imported Anki deck shows its picture; its answer has the sound.
start_app
key "$anki_n"
r=$(block anki-card 'rgb(255,0,255)' 100); read -r wa ha <<<"$r"
echo "media: Anki picture ${wa}x${ha}"
key space                    # the answer has the sound: the screen changes
for _ in $(seq 20); do
    shot anki-answer
    [ "$(compare -metric AE "$out/anki-card.png" "$out/anki-answer.png" null: 2>&1 || true)" != 0 ] && break
    sleep 1
done
[ "$(compare -metric AE "$out/anki-card.png" "$out/anki-answer.png" null: 2>&1 || true)" != 0 ] ||
    fail "Space did not show the Anki card's answer"
key r                        # replay it (no sound device here: it must not break)
stop_app

# (a) The solid green picture; Z enlarges it; Esc closes and keys still work.
start_app
key "$colour_n"
r=$(block colour-card "$green" 100); read -r w1 h1 <<<"$r"
key z
r=$(block colour-zoom "$green" $((w1 + 20))); read -r w2 h2 <<<"$r"
echo "media: picture ${w1}x${h1}, enlarged ${w2}x${h2}"
key Escape
r=$(block colour-unzoomed "$green" 100); read -r w3 _ <<<"$r"
[ "$w3" -eq "$w1" ] || fail "after Esc the picture is ${w3} px wide, was ${w1}"
key space                    # the keys work again: show the answer
key 3                        # Good
for _ in $(seq 100); do grep -qs '"type":"review"' "$KIOKU_DATA_DIR"/reviews/*.jsonl && break; sleep 0.1; done
grep -qs '"type":"review"' "$KIOKU_DATA_DIR"/reviews/*.jsonl || fail "the answer after closing the overlay was not recorded"
grep -q panicked "$tmp/app.log" && fail "kioku panicked"

echo "media: ok (screenshots in $out)"
