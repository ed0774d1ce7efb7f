#!/usr/bin/env bash
# Issue 4's submission bar: 10,000 jobs to the sandbox's Chronos with `qctl job submit
# --parallel 8` (>= 2,000 jobs/s) against a shell loop of `curl -X POST` doing the same
# (>= 20x faster; the loop posts BENCH_CURL_JOBS of them and is extrapolated).
# Usage: bench/job_submit.sh [BUILD_DIR]   (a Release build: cmake -DCMAKE_BUILD_TYPE=Release)
set -euo pipefail
build=${1:-build}
jobs=${BENCH_JOBS:-10000}
curl_jobs=${BENCH_CURL_JOBS:-1000}
tmp=$(mktemp -d)
sandbox=""
cleanup() { [[ -n "$sandbox" ]] && kill -TERM "$sandbox" 2>/dev/null && wait "$sandbox" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

start_sandbox() {
  "$build/qctl" sandbox --simulate --agents 10 --port-base 0 --print-endpoints \
    --no-write-context >"$tmp/endpoints" 2>"$tmp/log" &
  sandbox=$!
  wait_for_file "$tmp/endpoints" 6
  master=$(grep -o '"mesos":\["[^"]*' "$tmp/endpoints" | sed 's/.*\["//')
  chronos=$(grep -o '"chronos":"[^"]*' "$tmp/endpoints" | sed 's/.*:"//')
}
stop_sandbox() { kill -TERM "$sandbox" && wait "$sandbox" 2>/dev/null || true; sandbox=""; : >"$tmp/endpoints"; }
now() { date +%s.%N; }

# Jobs that are never due on their own, so the cluster stays idle while they arrive.
awk -v n="$jobs" 'BEGIN { for (i = 0; i < n; i++)
  printf "{\"name\":\"bench-%05d\",\"command\":\"echo %d\",\"schedule\":\"R/2030-01-01T00:00:00Z/P1D\",\"cpus\":0.1,\"mem\":32}\n", i, i }' \
  >"$tmp/jobs.ndjson"

echo "== qctl job submit: $jobs jobs (NDJSON), --parallel 8"
start_sandbox
a=$(now)
QCTL_CONFIG="$tmp/none" QCTL_MESOS="$master" QCTL_CHRONOS="$chronos" \
  "$build/qctl" job submit -f - --parallel 8 <"$tmp/jobs.ndjson" >"$tmp/out"
b=$(now)
created=$(grep -c ' created$' "$tmp/out" || true)
qctl_rate=$(awk -v a="$a" -v b="$b" -v n="$jobs" 'BEGIN {printf "%.0f", n / (b - a)}')
awk -v a="$a" -v b="$b" -v c="$created" -v r="$qctl_rate" \
  'BEGIN {printf "%d created in %.2f s: %d jobs/s (bar: >= 2,000/s)\n", c, b - a, r}'
stop_sandbox

echo "== shell loop of curl -X POST: $curl_jobs of the same jobs"
start_sandbox
head -n "$curl_jobs" "$tmp/jobs.ndjson" >"$tmp/curl.ndjson"
a=$(now)
while IFS= read -r job; do
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d "$job" \
    "$chronos/v1/scheduler/iso8601"
done <"$tmp/curl.ndjson"
b=$(now)
curl_rate=$(awk -v a="$a" -v b="$b" -v n="$curl_jobs" 'BEGIN {printf "%.0f", n / (b - a)}')
awk -v a="$a" -v b="$b" -v n="$curl_jobs" -v j="$jobs" -v r="$curl_rate" \
  'BEGIN {printf "%d posted in %.2f s: %d jobs/s (%d jobs: %.1f s extrapolated)\n", n, b - a, r, j, j / r}'
stop_sandbox

awk -v q="$qctl_rate" -v c="$curl_rate" 'BEGIN {printf "qctl is %.1fx faster than the curl loop (bar: >= 20x)\n", q / c}'
