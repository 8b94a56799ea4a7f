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

suite=media
out=target/media-shots
mkdir -p "$out"
window="" # as the app opens it
settle=5
# On failure, what reached the review log.
fail_more() { cat "$KIOKU_DATA_DIR"/reviews/*.jsonl >&2 2>/dev/null || true; }
source tests/window_lib.sh
export KIOKU_DATA_DIR=$tmp/data

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

key() { xdotool key "$@"; sleep 1.5; }

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
