#!/usr/bin/env bash
# The sandbox at scale (issue 3's bars): startup with 10,000 agents / 200,000 simulated tasks
# (<= 5 s), /master/state (<= 1 s), /master/slaves (<= 0.1 s), small requests (>= 1,000/s).
# Usage: bench/sandbox.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
agents=${BENCH_AGENTS:-10000}
tasks=${BENCH_TASKS:-200000}
tmp=$(mktemp -d)
sandbox=""
cleanup() { [[ -n "$sandbox" ]] && kill -TERM "$sandbox" 2>/dev/null && wait "$sandbox" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

echo "== qctl sandbox --simulate --agents $agents --tasks $tasks"
start=$(date +%s.%N)
"$build/qctl" sandbox --simulate --agents "$agents" --tasks "$tasks" --port-base 0 \
  --print-endpoints --no-write-context >"$tmp/endpoints" 2>"$tmp/log" &
sandbox=$!
wait_for_file "$tmp/endpoints" 6
ready=$(date +%s.%N)
awk -v a="$start" -v b="$ready" 'BEGIN {printf "startup until the endpoints are served: %.2f s (bar: <= 5 s)\n", b - a}'
master=$(grep -o '"mesos":\["[^"]*' "$tmp/endpoints" | sed 's/.*\["//')
marathon=$(grep -o '"marathon":"[^"]*' "$tmp/endpoints" | sed 's/.*:"//')

time_url() {  # label, url, runs: median of curl's total time and the body size
  local label=$1 url=$2 runs=$3
  for _ in $(seq 1 "$runs"); do
    curl -s -o /dev/null -w '%{time_total} %{size_download}\n' "$url"
  done | sort -n | awk -v n="$runs" -v l="$label" \
    '{t[NR]=$1; s=$2} END {printf "%s: median %.3f s over %d runs (%.1f MB)\n", l, t[int((n+1)/2)], n, s/1e6}'
}
curl -s -o /dev/null "$master/master/state"  # warm-up
time_url "/master/state (bar: <= 1 s)" "$master/master/state" 5
time_url "/master/slaves (bar: <= 0.1 s)" "$master/master/slaves" 9
time_url "/master/state-summary" "$master/master/state-summary" 5

echo
echo "== small requests (bar: >= 1,000 per second)"
"$build/qctl_bench" hammer "$master/master/health" 3 4
"$build/qctl_bench" hammer "$master/version" 3 4
"$build/qctl_bench" hammer "$marathon/v2/info" 3 4
/usr/bin/time -f "qctl status against it: %e s, peak RSS %M KB" \
  env QCTL_CONFIG="$tmp/none" QCTL_MESOS="$master" QCTL_MARATHON="$marathon" \
  "$build/qctl" status >/dev/null
