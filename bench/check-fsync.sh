#!/bin/sh
# Does the main thread ever wait for the disk while someone types?  Runs
# two typists under `strace -f` and counts the fsync-family calls of each
# thread, phase by phase (each typist marks its phases with a failing
# access() of /nonexistent/panelist-fsync/PHASE):
#
#  - bench-save --check: a PnlSession typed into, no display; then, as
#    the baseline, five saves done synchronously on the main thread
#    (synchronous=FULL), which must show up as main-thread fsyncs;
#  - fsync-window: the real window typed into, moving between questions
#    and closing, with the keyfile settings backend (a Flatpak's).
#    Skipped without a display.
#
# Usage: check-fsync.sh BENCH-SAVE FSYNC-WINDOW
# Prints one summary line; the goal is no fsync on the main thread while
# typing, nor when moving to another question between bursts of typing.
# Opening an interview and closing the window are reported, not held to
# it.
set -eu

bench_save=$1
fsync_window=$2

if ! command -v strace >/dev/null 2>&1; then
  echo "fsync check skipped: strace is not installed (apt-get install strace)"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/panelist-fsync-XXXXXX")
trap 'rm -rf "$work"' EXIT

syscalls=fsync,fdatasync,sync_file_range,syncfs,sync,access,faccessat,faccessat2

# count TRACE OUTPUT: "PHASE THREAD N" lines, THREAD being main, writer or
# other, from an strace -f trace and the typist's "# pid" and "# thread"
# lines.
count () {
  main=$(sed -n 's/^# pid \([0-9]*\)$/\1/p' "$2")
  writer=$(sed -n 's/^# thread \([0-9]*\) pnl-writer$/\1/p' "$2")
  if [ -z "$main" ] || [ -z "$writer" ]; then
    echo "fsync check failed: no pid or writer thread in the output" >&2
    cat "$2" >&2
    exit 1
  fi
  awk -v main="$main" -v writer="$writer" '
    /\/nonexistent\/panelist-fsync\// {
      if (match ($0, /\/nonexistent\/panelist-fsync\/[a-z-]+/)) {
        n = split (substr ($0, RSTART, RLENGTH), parts, "/")
        phase = parts[n]
        phases[phase] = 1
      }
      next
    }
    $2 ~ /^(fsync|fdatasync|sync_file_range|syncfs|sync)\(/ {
      who = ($1 == main) ? "main" : ($1 == writer) ? "writer" : "other"
      n_calls[phase " " who]++
    }
    END {
      for (p in phases)
        printf "%s main %d\n%s writer %d\n%s other %d\n", p, n_calls[p " main"],
               p, n_calls[p " writer"], p, n_calls[p " other"]
    }' "$1"
}

# get COUNTS PHASE THREAD
get () {
  awk -v p="$2" -v t="$3" '$1 == p && $2 == t { n += $3 } END { print n + 0 }' "$1"
}

# phases COUNTS THREAD: "phase n, phase n, ..." in the order given
phases () {
  out=""
  counts=$1
  thread=$2
  shift 2
  for p in "$@"; do
    out="$out${out:+, }$p $(get "$counts" "$p" "$thread")"
  done
  echo "$out"
}

# The session, no display.
strace -f -qq -e trace=$syscalls -o "$work/save.trace" "$bench_save" --check > "$work/save.out"
count "$work/save.trace" "$work/save.out" > "$work/save.counts"

session_main=$(get "$work/save.counts" typing main)
baseline_main=$(get "$work/save.counts" baseline main)
baseline_saves=$(sed -n 's/^# baseline saves \([0-9]*\)$/\1/p' "$work/save.out")

echo "# session typed into: main thread $(phases "$work/save.counts" main setup typing flushing warm closing)"
echo "# session typed into: writer thread $(phases "$work/save.counts" writer setup typing flushing warm closing)"
echo "# baseline, $baseline_saves synchronous saves on the main thread: $baseline_main fsync-family calls"

window="skipped (no display)"
window_main=0
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  GSETTINGS_BACKEND=keyfile strace -f -qq -e trace=$syscalls -o "$work/window.trace" \
    "$fsync_window" > "$work/window.out"
  count "$work/window.trace" "$work/window.out" > "$work/window.counts"
  window_main=$(( $(get "$work/window.counts" typing main) + $(get "$work/window.counts" moving main) ))
  window="$window_main"
  echo "# window (keyfile settings): main thread $(phases "$work/window.counts" main setup starting opening typing moving closing)"
  echo "# window (keyfile settings): writer thread $(phases "$work/window.counts" writer setup starting opening typing moving closing)"
  echo "# window (keyfile settings): other threads $(phases "$work/window.counts" other setup starting opening typing moving closing)"
fi

if [ "$baseline_main" -eq 0 ]; then
  echo "fsync check failed: the synchronous baseline showed no fsync on the main thread" >&2
  exit 1
fi

if [ "$session_main" -eq 0 ] && [ "$window_main" -eq 0 ]; then
  verdict="met"
else
  verdict="MISSED"
fi

per_save=$(awk -v a="$baseline_main" -v b="$baseline_saves" 'BEGIN { printf "%.1f", a / b }')
echo "fsync on the main thread while typing and moving between questions   session $session_main, window $window   baseline: a synchronous save (synchronous=FULL) $per_save per save   goal 0: $verdict"
