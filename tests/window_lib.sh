# Shared by the window tests: the app's and the load's processes, failure
# with a screenshot, a bounded run, an Xvfb display with its own HOME, and
# the polling helpers (screenshots, keys, the app's window, a changed
# screen, a solid block of colour).
#
# The sourcing script sets first: suite (its name in messages), out (its
# screenshots folder), bin (the kioku binary). It may set screen (Xvfb's
# screen, default 1280x800x24), window (the size the app's window is given
# at start, default 1100x760; empty: left as the app opens it), limit
# (the whole suite's bound in seconds, default 420) and settle (seconds
# given to the drawn app to focus its main view, default 2), and define
# cleanup_more (run first at exit, e.g. to stop its own helper programs)
# and fail_more (run on failure, e.g. to print what the app wrote). It may
# redefine any helper after sourcing (e.g. a slower key).
declare -F cleanup_more >/dev/null || cleanup_more() { :; }
declare -F fail_more >/dev/null || fail_more() { :; }
screen=${screen:-1280x800x24}
window=${window-1100x760}
limit=${limit:-420}
settle=${settle:-2}
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
# End the app and every process under it, and wait until they are gone
# (the next start would find them holding its files); 1 if they outlive
# 30 s.
end_app() {
    [ -n "$app_pid" ] || return 0
    local all
    all="$app_pid $(descendants "$app_pid")"
    kill $all 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
    for _ in $(seq 300); do running $all || return 0; sleep 0.1; done
    return 1
}
# The same, as a step of the test: the processes and the window are gone
# and the app did not panic.
stop_app() {
    end_app || fail "the app's processes did not exit in 30 s"
    xdotool search --onlyvisible --name '^kioku$' >/dev/null 2>&1 && fail "the window is still open"
    grep -qs panicked "$tmp/app.log" && fail "kioku panicked"
    return 0
}
stop_load() {
    local p
    for p in "${hogs[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${hogs[@]}"; do wait "$p" 2>/dev/null || true; done
    hogs=()
}
# Two `sha256sum /dev/zero` hogs, one per core of the CI machine.
start_load() {
    stop_load
    sha256sum /dev/zero >/dev/null 2>&1 & hogs+=($!)
    sha256sum /dev/zero >/dev/null 2>&1 & hogs+=($!)
}
cleanup() {
    cleanup_more
    stop_load
    end_app || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
fail() {
    echo "$suite: FAILED: $*" >&2
    fail_more
    [ -n "${DISPLAY:-}" ] && import -window root "$out/failure.png" 2>/dev/null &&
        echo "$suite: screen at failure: $out/failure.png" >&2
    # The panic message first: the backtrace after it is long.
    [ -f "$tmp/app.log" ] && { grep -A3 panicked "$tmp/app.log" >&2; tail -20 "$tmp/app.log" >&2; }
    exit 1
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# Bounded: a stuck step fails the test instead of hanging CI.
# bash runs the script's TERM trap only once its foreground command has
# ended, and a hung xdotool, import or wait never does: so the watchdog also
# ends every process under the script but itself.
( trap 'kill $s 2>/dev/null; exit 0' TERM
  sleep "$limit" & s=$!
  wait $s || exit 0
  echo "$suite: FAILED: took over $limit s" >&2
  kill -TERM $$ 2>/dev/null
  for p in $(descendants $$); do
      [ "$p" = "$BASHPID" ] || kill -TERM "$p" 2>/dev/null || true
  done ) &
watchdog=$!
trap 'kill $watchdog 2>/dev/null || true; cleanup' EXIT

Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start"
export DISPLAY=:$(head -n 1 "$tmp/display")
export HOME=$tmp/home XDG_DATA_HOME=$tmp/home/data XDG_CACHE_HOME=$tmp/home/cache XDG_CONFIG_HOME=$tmp/home/config
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

# Start the app and wait until its window is drawn and focused; the
# window is moved to the top left and given the size $window.
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
    local crop=()
    if [ -n "$window" ]; then
        xdotool windowsize --sync "$win" "${window%x*}" "${window#*x}" || true
        xdotool windowmove "$win" 0 0 || true
        crop=(-crop "$window+0+0" +repage)
    fi
    xdotool windowfocus --sync "$win"
    # The decks screen is drawn (slow under load): its deck list's text
    # makes the screen far from flat.
    local sd=0
    for _ in $(seq 180); do
        sd=$(import -window root "${crop[@]}" png:- | convert - -colorspace Gray -format '%[fx:standard_deviation]' info:)
        awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' && break
        sleep 0.5
    done
    awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || fail "the window stayed blank for 90 s"
    if [ -n "$window" ]; then
        local g
        g=$(xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p')
        [ "$g" = "$window" ] || fail "the window is $g, not $window"
    fi
    # The app puts the focus on its main view once mounted.
    sleep "$settle"
    xdotool windowfocus --sync "$win"
}

# How many pixels differ between shots $1 and $2: within the window and
# left of its scrollbar (which fades in and out by itself) when the window
# has a size, else the whole screen.
diff_px() {
    local d crop=()
    [ -n "$window" ] && crop=(-crop "$((${window%x*} - 20))x${window#*x}+0+0" +repage)
    d=$(convert "$out/$1.png" "$out/$2.png" "${crop[@]}" \
        -fuzz 2% -metric AE -compare -format '%[distortion]' info: 2>&1 || true)
    echo "${d%% *}"
}
# Take shot $2 until it differs from shot $1 by more than 500 pixels (the
# app reacted; a busy machine repaints slowly), for up to $4 seconds
# (default 30), else fail with $3.
shot_changed() { # before after what [seconds]
    local d=0
    for _ in $(seq $(( ${4:-30} * 2 ))); do
        shot "$2"
        d=$(diff_px "$1" "$2")
        awk -v d="$d" 'BEGIN { exit !(d + 0 > 500) }' && { sleep 0.5; shot "$2"; return 0; }
        sleep 0.5
    done
    fail "$3 ($1.png and $2.png differ by only $d pixels after ${4:-30} s)"
}

# The box of the focus ring in screenshot $1: "W H X Y"; $2 is the ring's
# colour, the theme's --focus in assets/app.css (default the light
# theme's).
focus_box() { # shot [colour]
    convert "$out/$1.png" -alpha off -fuzz 6% -fill black +opaque "${2:-#a64200}" -fill white -opaque "${2:-#a64200}" \
        -trim -format '%w %h %X %Y\n' info: 2>/dev/null | tr -d '+'
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
