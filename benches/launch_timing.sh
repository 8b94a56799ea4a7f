#!/usr/bin/env bash
# Launch-to-screen time of the desktop app under Xvfb: start kioku-app with
# KIOKU_TIMING=1 (it prints `kioku-timing: WHAT UNIX_MS` when the library is
# open, the deck list is in the document, and the first card is), note the
# time just before starting it, press 1 (study the first deck) as soon as
# the deck list is there, and print the three delays in ms. Repeats RUNS
# times (default 5) and prints the medians. A screenshot of the last run's
# first card lands in target/launch-timing.png.
#
# Usage: benches/launch_timing.sh path/to/kioku-app DATA_DIR [RUNS]
# DATA_DIR is used as it is (the first run may replay and write caches).
set -euo pipefail
bin=$1 data=$2 runs=${3:-5}
tmp=$(mktemp -d)
xvfb_pid="" app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
export DISPLAY=:$(head -n 1 "$tmp/display")
export HOME=$tmp/home XDG_DATA_HOME=$tmp/home/data XDG_CACHE_HOME=$tmp/home/cache XDG_CONFIG_HOME=$tmp/home/config
mkdir -p "$HOME"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
ms() { date +%s%3N; }
mark() { sed -n "s/^kioku-timing: $1 //p" "$tmp/app.log" | head -1; }
: >"$tmp/opened"; : >"$tmp/home_t"; : >"$tmp/card"
for run in $(seq "$runs"); do
    t0=$(ms)
    KIOKU_TIMING=1 "$bin" --data-dir "$data" >"$tmp/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 600); do [ -n "$(mark home)" ] && break; sleep 0.02; done
    win=$(xdotool search --onlyvisible --name '^kioku$' 2>/dev/null | head -1 || true)
    [ -n "$win" ] && xdotool windowfocus "$win" 2>/dev/null || true
    for _ in $(seq 300); do
        [ -n "$(mark card)" ] && break
        xdotool key 1 2>/dev/null || true
        sleep 0.05
    done
    o=$(mark opened) h=$(mark home) c=$(mark card)
    echo "run $run: opened $((o - t0)) ms, deck list $((h - t0)) ms, first card $((c - t0)) ms"
    echo $((o - t0)) >>"$tmp/opened"; echo $((h - t0)) >>"$tmp/home_t"; echo $((c - t0)) >>"$tmp/card"
    [ "$run" = "$runs" ] && { sleep 0.5; import -window root target/launch-timing.png; }
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
    sleep 0.5
done
med() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of $runs: opened $(med "$tmp/opened") ms, deck list $(med "$tmp/home_t") ms, first card $(med "$tmp/card") ms"
