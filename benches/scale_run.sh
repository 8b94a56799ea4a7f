#!/bin/bash
# One run of the 100k/1M comparison with Anki (see benches/README.md): data in
# /dev/shm/scale-kb (gen_data) and /dev/shm/scale-anki (anki_open.py build),
# release binaries built. ROUNDS=5 (default) AFTER=1 (the 1,000-answer tail).
# Prints: label, wall s, user s, sys s, peak RSS KB, load average.
cd "$(dirname "$0")/.."
K=target/release/kioku B=target/release/examples/bench
export KIOKU_NOW=2026-11-28T10:00:00Z
D=/dev/shm/scale-kb
A="${ANKI_PY:-/tmp/ankivenv/bin/python} ${ANKI_OPEN:-../shared/bench/anki_open.py} time 100000 1000000 /dev/shm/scale-anki"
T='%e\t%U\t%S\t%M'
m() { # label cmd...
  local l=$1; shift
  local load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "$l\t$T\t$load" -o ${TMPDIR:-/tmp}/t.out "$@" >/dev/null 2>${TMPDIR:-/tmp}/err.out
  cat ${TMPDIR:-/tmp}/t.out | tail -1
}
for i in $(seq 1 ${ROUNDS:-5}); do
  rm -rf $D/cache; m full_replay $K --data-dir $D decks --json
  m decks $K --data-dir $D decks --json
  m next $K --data-dir $D next --json
  m stats $K --data-dir $D stats --json
  m anki $A
done
# After 1,000 more answers: the caches from before put back each round.
if [ -n "$AFTER" ]; then
  $K --data-dir $D decks --json >/dev/null
  rm -rf ${TMPDIR:-/tmp}/cache-before; cp -a $D/cache ${TMPDIR:-/tmp}/cache-before
  $B answer $D 1000 2026-11-28T12:00:00Z >${TMPDIR:-/tmp}/answer.out
  export KIOKU_NOW=2026-11-28T13:00:00Z
  for i in $(seq 1 ${ROUNDS:-5}); do
    rm -rf $D/cache; cp -a ${TMPDIR:-/tmp}/cache-before $D/cache
    m after1000 $K --data-dir $D decks --json
  done
  m after1000_again $K --data-dir $D decks --json
fi
