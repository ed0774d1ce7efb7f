#!/usr/bin/env bash
# A cached completion end to end (bar: median <= 20 ms): `qctl __complete -- status agents ''`
# as the shell scripts call it, with a warm cache for a context whose Mesos master is a
# closed port (so a cache miss would show as an error-free but empty answer, never as speed).
# Usage: bench/completion.sh [BUILD_DIR]   (bench/run.sh calls it)
set -euo pipefail
build=${1:-build}
qctl=$(realpath "$build/qctl")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

cat >"$tmp/config" <<CONFIG
current-context: bench
contexts:
  bench:
    mesos: [http://127.0.0.1:9]
CONFIG
mkdir -p "$tmp/cache/qctl/completion"
# 200 agents, fetched a moment ago (fresh for 60 s).
now=$(date +%s)
{
  printf '{"agents":{"fetched_at":%s,"tried_at":%s,"names":[' "$now" "$now"
  for i in $(seq 1 200); do
    [[ $i -gt 1 ]] && printf ','
    printf '["agent%d.dc1.example.com","S%d"]' "$i" "$i"
  done
  printf ']}}'
} >"$tmp/cache/qctl/completion/bench.json"

run="env QCTL_CONFIG=$tmp/config XDG_CACHE_HOME=$tmp/cache $qctl __complete -- status agents ''"
count=$(eval "$run" | wc -l)
[[ $count -eq 200 ]] || { echo "completion: expected 200 cached names, got $count" >&2; exit 1; }

echo "== cached completion: qctl __complete -- status agents '' (bar: median <= 20 ms)"
hyperfine -N --warmup 20 --runs 200 --export-json "$tmp/complete.json" "$run" >/dev/null
echo "median $(median_ms "$tmp/complete.json") ms over 200 runs"
