#!/usr/bin/env bash
# End-to-end test in a real window, driven like a person on a busy machine:
# under Xvfb with xdotool, with two `sha256sum /dev/zero` hogs running while
# it types. For each round (light and dark theme, one way of closing the `?`
# overlay each) it:
#   - moves the built-in bank past cards with the CLI until a typed or cloze
#     card comes first, and reads its right answer (`kioku next --json`);
#   - opens the app at 800x600, studies deck 1, waits a measured 3 s, types
#     the answer (xdotool type --delay 5) and presses Enter to check;
#   - screenshots the checked card and requires the verdict box and the
#     rating buttons to be on screen together (by their colours from
#     assets/app.css);
#   - opens the `?` overlay and closes it by `?`, Escape, its Close button
#     (Tab away and back to it, Enter) or a mouse click on it, twice, each
#     time checking the screen is back as before and that the next shortcut
#     (`?` again, then Enter or 3 to rate) works; when one does nothing it
#     clicks the card and retries, to tell "keyboard focus lost" apart;
#   - closes the app and checks the review log: the card, the rating (Good,
#     only suggested after a right answer, so every typed character arrived)
#     and duration_ms within [2500, 60000).
# Screenshots land in target/e2e/.
#
# Usage: tests/window_e2e.sh [path/to/kioku]   (default: target/debug/kioku)
# KIOKU_E2E_HELP_TRIES: how many times each round opens and closes the
# overlay (default 2).
# Needs: xvfb, xdotool, imagemagick (.ci/test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-target/debug/kioku}
[ -x "$bin" ] || { echo "e2e: $bin not built (run cargo build first)" >&2; exit 1; }
for tool in Xvfb xdotool import convert sha256sum timeout; do
    command -v "$tool" >/dev/null || { echo "e2e: $tool is missing" >&2; exit 1; }
done

suite=e2e
out=target/e2e
mkdir -p "$out"
rm -f "$out"/*.png
window=800x600
limit=240
source tests/window_lib.sh
export KIOKU_DATA_DIR=$tmp/data
mkdir -p "$KIOKU_DATA_DIR"

json_field() { # name json -> the string value (no escapes expected)
    sed -n "s/.*\"$1\":\"\\([^\"\\\\]*\\)\".*/\\1/p" <<<"$2"
}

# Answer cards with the CLI (Easy: out of today's way) until the first card
# is typed or cloze; print "key<TAB>answer".
skip_to_typed() {
    local j type key
    for _ in $(seq 40); do
        j=$("$bin" next --json --data-dir "$KIOKU_DATA_DIR") || fail "kioku next failed"
        [ "$j" != null ] || fail "no typed or cloze card left in the built-in bank"
        type=$(json_field type "$j")
        key=$(json_field key "$j")
        if [ "$type" = typed ] || [ "$type" = cloze ]; then
            printf '%s\t%s\n' "$key" "$(json_field answer "$j")"
            return 0
        fi
        "$bin" answer --data-dir "$KIOKU_DATA_DIR" "$key" easy >/dev/null || fail "kioku answer $key failed"
    done
    fail "no typed or cloze card within 40 cards"
}

shot() { import -window root -crop 800x600+0+0 +repage "$out/$1.png"; }

# How many pixels of shot $1 are within a few percent of colour $2.
pixels() {
    convert "$out/$1.png" -alpha off -fuzz 1.5% -fill black +opaque "$2" -fill white -opaque "$2" \
        -colorspace Gray -format '%[fx:round(mean*w*h)]' info:
}
need_colour() { # shot colour min what
    local n
    n=$(pixels "$1" "$2")
    [ "$n" -ge "$3" ] || fail "$1.png: $4 not on screen ($n pixels of $2, need $3)"
    echo "e2e:   $1: $4 on screen ($n px of $2)"
}
reviews() { cat "$KIOKU_DATA_DIR"/reviews/*.jsonl 2>/dev/null | grep '"type":"review"' || true; }
wait_reviews() { # count: wait up to 6 s for the log to hold that many
    for _ in $(seq 60); do [ "$(reviews | wc -l)" -ge "$1" ] && return 0; sleep 0.1; done
    return 1
}

# One round: theme, how to close the overlay, the rating key to press.
round() {
    local theme=$1 close=$2 n=$3
    echo "e2e: round $n: $theme theme, close the overlay by $close"
    printf '{"theme": "%s"}\n' "$theme" >"$KIOKU_DATA_DIR/settings.json"
    local card key answer before
    card=$(skip_to_typed)
    key=${card%%$'\t'*}
    answer=${card#*$'\t'}
    [ -n "$answer" ] || fail "no answer for $key"
    echo "e2e:   first card $key, answer '$answer'"
    before=$(reviews | wc -l)
    # Colours from assets/app.css: --right-bg (the verdict box when right),
    # --wrong (the "Again" button's name), --learning (the top bar's count).
    local verdict_bg again_fg top_fg
    if [ "$theme" = dark ]; then verdict_bg='#17301f' again_fg='#ff9a9a' top_fg='#ffc46b'
    else verdict_bg='#e6f4ea' again_fg='#a61b1b' top_fg='#8a4b00'; fi

    start_app
    shot "$n-$theme-home"
    start_load
    key 1 # study deck 1: the typed card comes first
    local t0
    shot_changed "$n-$theme-home" "$n-$theme-question" "pressing 1 did not open the deck"
    t0=$SECONDS
    sleep 3 # a measured pause, as if reading the card
    xdotool type --delay 5 "$answer"
    sleep 0.5
    key Return # check
    stop_load
    shot_changed "$n-$theme-question" "$n-$theme-checked" "Enter did not check the answer"
    need_colour "$n-$theme-checked" "$verdict_bg" 1500 "the verdict box (right)"
    need_colour "$n-$theme-checked" "$again_fg" 20 "the rating buttons (Again)"
    need_colour "$n-$theme-checked" "$top_fg" 20 "the top bar (learning count)"

    # Known at the time of writing (2026-11-28): on a busy machine the
    # shortcuts die in roughly 1 of 4 closings. Likely cause: REFOCUS_JS in
    # crates/app/src/lib.rs looks once, 80 ms after the close, and finds the
    # overlay still in the DOM (the render has not landed yet), so it does
    # nothing; the overlay then goes and focus falls to <body>. Retrying
    # until the overlay is gone should fix it.
    # The overlay, twice over: open it with ?, close it by $close,
    # and check the screen is back as it was. The next ? (and at the end a
    # rating key) shows the shortcuts survived the closing; on a busy
    # machine a lost keyboard focus shows up here.
    local i
    start_load
    for i in $(seq "${KIOKU_E2E_HELP_TRIES:-2}"); do
        key question
        if [ "$i" -gt 1 ] && ! (shot_changed "$n-$theme-checked" "$n-$theme-help" "" 10) 2>/dev/null; then
            # Diagnose: click the card (gives it focus) and try again.
            xdotool mousemove --window "$win" 400 200 click 1; sleep 0.7; key question
            (shot_changed "$n-$theme-checked" "$n-$theme-help" "" 10) 2>/dev/null &&
                fail "? did nothing after the overlay was closed by $close (try $i): keyboard focus was lost (a click on the card brought the shortcuts back)"
            fail "? did nothing after the overlay was closed by $close (try $i)"
        fi
        shot_changed "$n-$theme-checked" "$n-$theme-help" "? did not open the shortcut overlay (try $i)"
        case $close in
        question) key question ;;
        escape) key Escape ;;
        tab-enter) # focus starts on Close; Tab away and back to it, then Enter
            key Tab; key shift+Tab; key Return ;;
        click) # the Close button: the only undimmed accent-coloured area
            local bg xy
            if [ "$theme" = dark ]; then bg='#8fb6ff'; else bg='#24539e'; fi
            # A loaded machine may not have painted the overlay yet: look
            # again (nothing found gives no answer or a "-0" offset).
            for _ in $(seq 20); do
                xy=$(convert "$out/$n-$theme-help.png" -alpha off -fuzz 3% -fill black +opaque "$bg" -fill white -opaque "$bg" \
                    -trim -format '%[fx:round(page.x+w/2)] %[fx:round(page.y+h/2)]' info: 2>/dev/null || true)
                case $xy in '' | -* | *' -'*) sleep 0.5; shot "$n-$theme-help" ;; *) break ;; esac
            done
            case $xy in '' | -* | *' -'*) fail "could not find the Close button (${xy:-nothing})" ;; esac
            xdotool mousemove --window "$win" ${xy% *} ${xy#* } click 1; sleep 0.7
            xdotool mousemove --window "$win" 790 590 ;; # off the buttons (hover)
        esac
        shot_changed "$n-$theme-help" "$n-$theme-help-closed" "the overlay did not close by $close (try $i)"
        local d
        d=$(diff_px "$n-$theme-checked" "$n-$theme-help-closed")
        awk -v d="$d" 'BEGIN { exit !(d + 0 < 2000) }' ||
            fail "after closing the overlay by $close the screen differs from before it ($d px)"
    done
    stop_load

    # A shortcut still works: Enter accepts the suggested rating (Good only
    # after a right answer); 3 rates Good.
    local rate_key=3
    [ $((n % 2)) -eq 1 ] && rate_key=Return
    key $rate_key
    if ! wait_reviews $((before + 1)) 2>/dev/null; then
        shot "$n-$theme-lost"
        # Diagnose: click the card (gives it focus) and try again.
        xdotool mousemove --window "$win" 400 200 click 1; sleep 0.7; key $rate_key
        if wait_reviews $((before + 1)) 2>/dev/null; then
            fail "key $rate_key did nothing after closing the overlay by $close: keyboard focus was lost (it worked after a click on the card)"
        fi
        fail "key $rate_key did not rate the card after closing the overlay by $close"
    fi
    local elapsed=$((SECONDS - t0))
    shot "$n-$theme-rated"
    stop_app

    local line
    line=$(reviews | tail -1)
    local q=${key#*/} variant=""
    [[ $q == *'#'* ]] && variant=${q#*#} q=${q%%#*}
    grep -qF "\"set\":\"${key%%/*}\",\"question\":\"$q\"" <<<"$line" || fail "the review is not for $key: $line"
    [ -z "$variant" ] || grep -qF "\"card\":\"$variant\"" <<<"$line" || fail "the review is not for $key: $line"
    grep -q '"rating":"good"' <<<"$line" || fail "'$answer' was not graded right (every character typed?): $line"
    local ms
    ms=$(sed -n 's/.*"duration_ms":\([0-9]*\).*/\1/p' <<<"$line")
    [ -n "$ms" ] || fail "no duration_ms: $line"
    # At least the 3 s pause; at most what the script measured from seeing
    # the card to rating it (plus slack for a slow repaint before t0: on a
    # loaded machine the webview can paint seconds after the card is shown).
    [ "$ms" -ge 2500 ] && [ "$ms" -lt 60000 ] || fail "duration_ms $ms not in [2500, 60000) after ${elapsed}s: $line"
    [ "$ms" -le $(( (elapsed + 15) * 1000 )) ] || fail "duration_ms $ms is longer than the card was shown (${elapsed}s): $line"
    echo "e2e:   logged good, duration_ms $ms (about ${elapsed}s shown)"
}

round light question 1
round light escape 2
round dark tab-enter 3
round dark click 4

echo "e2e: ok in $((SECONDS - started)) s (screenshots in $out)"
