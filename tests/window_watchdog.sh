#!/usr/bin/env bash
# The window suites' bound holds: a suite whose step hangs in a foreground
# command (a stuck xdotool, import or wait) is ended when its limit passes,
# fails with a message naming the limit, and leaves no process behind.
# tests/window_lib.sh's watchdog is what every window suite relies on not to
# hang CI.
#
# Usage: tests/window_watchdog.sh [path/to/kioku]   (unused: no app is started)
# Needs: xvfb, xdotool (.ci/test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "watchdog: FAILED: $*" >&2; cat "$tmp/log" >&2 2>/dev/null; exit 1; }

# A suite with a 3 s limit whose first step never returns; a long sleep with
# a duration no other program uses, to find leftovers by.
cat >"$tmp/hang.sh" <<'SCRIPT'
set -euo pipefail
suite=hang out=$1 bin=/bin/false limit=3
source tests/window_lib.sh
echo "$xvfb_pid" >"$1/xvfb"
sleep 3171
echo "hang: the step returned"
SCRIPT
rc=0
timeout 90 bash "$tmp/hang.sh" "$tmp" >"$tmp/log" 2>&1 || rc=$?
[ "$rc" -ne 124 ] || fail "the suite was still running 90 s after its 3 s limit"
[ "$rc" -ne 0 ] || fail "the suite exited 0"
grep -q "^hang: FAILED: took over 3 s$" "$tmp/log" || fail "no message naming the limit"
grep -q "the step returned" "$tmp/log" && fail "the hung step ran to its end"
pgrep -fx "sleep 3171" >/dev/null && { pkill -fx "sleep 3171"; fail "the hung step's process outlived the suite"; }
xvfb=$(cat "$tmp/xvfb")
[ -n "$xvfb" ] || fail "the suite did not start its X server"
# Ended by the suite's cleanup; slow to go on a loaded machine.
for _ in $(seq 100); do kill -0 "$xvfb" 2>/dev/null || break; sleep 0.2; done
kill -0 "$xvfb" 2>/dev/null && { kill "$xvfb"; fail "the suite's X server outlived it by 20 s"; }
echo "watchdog: ok (exit $rc)"
