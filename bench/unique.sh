#!/usr/bin/env bash
# `qctl unique sync` over 2,000 hostname:UNIQUE apps and 10,000 agents (issue 6's bar:
# <= 1 s per pass, one write per app that changes and none for the others).
# qctl_bench unique-serve plays the Mesos master and Marathon on loopback and counts the
# PUTs; every tenth app is one instance short, so the first pass writes 200 times and the
# second pass (everything in sync) not at all.
# Usage: bench/unique.sh [BUILD_DIR]   (BENCH_AGENTS / BENCH_APPS change the shape)
set -euo pipefail
build=${1:-build}
agents=${BENCH_AGENTS:-10000}
apps=${BENCH_APPS:-2000}
tmp=$(mktemp -d)
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

"$build/qctl_bench" unique-serve --port 0 --agents "$agents" --apps "$apps" >"$tmp/url" &
server=$!
wait_for_file "$tmp/url" 10
url=$(cut -d' ' -f1 "$tmp/url")

export QCTL_CONFIG="$tmp/none" QCTL_MESOS="$url" QCTL_MARATHON="$url" XDG_STATE_HOME="$tmp/state"

pass() {  # $1: label
  local start end
  start=$(date +%s.%N)
  "$build/qctl" unique sync --all-unique -o name >/dev/null 2>"$tmp/err" || {
    echo "qctl unique sync failed:"; cat "$tmp/err"; exit 1; }
  end=$(date +%s.%N)
  printf '%-38s %6.3f s wall, %s PUTs\n' "$1" "$(echo "$end - $start" | bc)" \
    "$(curl -s "$url/bench/writes")"
}

echo "qctl unique sync --all-unique: $apps apps, $agents agents ($(nproc) cpus)"
pass "pass 1 (200 apps one short)"
pass "pass 2 (all in sync)"
pass "pass 3 (all in sync)"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 10 -N \
    "$build/qctl unique sync --all-unique -o name" 2>/dev/null | grep -E "Time|Range"
fi
