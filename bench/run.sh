#!/usr/bin/env bash
# Prints qctl's performance figures (see bench/README.md for the bars and recorded results).
# Usage: bench/run.sh [BUILD_DIR]   (`make bench` builds first)
set -euo pipefail
build=${1:-build}
qctl=$build/qctl
bench=$build/qctl_bench
agents=${BENCH_AGENTS:-10000}
tasks=${BENCH_TASKS:-200000}
here=$(dirname "$0")
tmp=$(mktemp -d)
. "$here/lib.sh"
trap 'stop_serve; rm -rf "$tmp"' EXIT

echo "== qctl --version (bar: median <= 12 ms)"
hyperfine -N --warmup 20 --runs 200 --export-json "$tmp/version.json" "$qctl --version" >/dev/null
echo "median $(median_ms "$tmp/version.json") ms over 200 runs"

echo
echo "== decoding /master/state of $agents agents / $tasks tasks (bar: <= 2x read time, peak RSS <= 2x payload)"
"$bench" gen-state "$tmp/state.json" --agents "$agents" --tasks "$tasks"
"$bench" read "$tmp/state.json" >/dev/null  # warm the page cache
"$bench" read "$tmp/state.json"
"$bench" decode-state "$tmp/state.json"
"$bench" decode-state-stream "$tmp/state.json"

echo
echo "== qctl status against $agents agents / $tasks tasks over HTTP (bar: <= 1 s wall)"
unset QCTL_BENCH_URL  # this script's own server, which stats.sh then shares
start_serve "$bench" "$agents" "$tasks"
cat "$tmp/serve.log"
hyperfine -N --warmup 2 --runs 10 --export-json "$tmp/status.json" \
  "env QCTL_CONFIG=$tmp/none QCTL_MESOS=$url $qctl status" >/dev/null
echo "qctl status: median $(median_ms "$tmp/status.json") ms over 10 runs"
/usr/bin/time -f "qctl status: peak RSS %M KB" env QCTL_CONFIG="$tmp/none" QCTL_MESOS="$url" "$qctl" status >/dev/null

echo
echo "== /master/state over HTTP from the same server: reading it vs decoding it as it arrives"
# Interleaved runs, so all four see the same machine; the medians and their ratios. "parse"
# splits and parses every task through the same pipeline but builds no model: the floor of
# this pipeline. "index" reads the body, then runs simdjson's stage 1 over all of it and walks
# to each task's id: the floor of any decoder that reads every byte once after the read.
for _ in 1 2 3 4 5 6 7 8 9; do
  "$bench" fetch-state "$url" raw | tee -a "$tmp/raw.txt"
  "$bench" fetch-state "$url" decode | tee -a "$tmp/decode.txt"
  "$bench" fetch-state "$url" parse | tee -a "$tmp/parse.txt"
  "$bench" fetch-state "$url" index | tee -a "$tmp/index.txt"
done
median_s() { grep -oE ' in [0-9.]+ s' "$1" | awk '{print $2}' | sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
raw_s=$(median_s "$tmp/raw.txt")
decode_s=$(median_s "$tmp/decode.txt")
parse_s=$(median_s "$tmp/parse.txt")
index_s=$(median_s "$tmp/index.txt")
awk -v r="$raw_s" -v d="$decode_s" -v k="$parse_s" -v x="$index_s" \
  'BEGIN{printf "median of 9: read %.3f s, read+decode %.3f s: %.2fx the read (bar: <= 2x); read+parse (no model) %.3f s: %.2fx; read+stage 1+walk to ids %.3f s: %.2fx\n", r, d, d/r, k, k/r, x, x/r}'
for fmt in name table json; do
  /usr/bin/time -f "qctl status tasks -o $fmt ($tasks tasks from /master/tasks): %e s, peak RSS %M KB" \
    env QCTL_CONFIG="$tmp/none" QCTL_MESOS="$url" "$qctl" status tasks -o "$fmt" >/dev/null
done

echo
"$here/completion.sh" "$build"
echo; "$here/sandbox.sh" "$build"
echo; "$here/job_submit.sh" "$build"
echo; "$here/job_status.sh" "$build"
# stats.sh measures against this same server (same BENCH_AGENTS/BENCH_TASKS) instead of
# starting a second one beside it.
echo; QCTL_BENCH_URL="$url" "$here/stats.sh" "$build"
stop_serve
echo; "$here/stats_report.sh" "$build"
echo; "$here/unique.sh" "$build"
echo; "$here/logs.sh" "$build"
echo; "$here/ssh.sh" "$build"
