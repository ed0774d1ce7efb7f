#!/usr/bin/env bash
# `qctl stats report` over 30 days of one-minute snapshots for 20 groups (issue 5's bar:
# <= 1 s): qctl_bench writes the database (43,200 snapshots), then each output form is timed
# (hyperfine when installed, else the best of 5 runs with `date`).
# Usage: bench/stats_report.sh [BUILD_DIR]   (BENCH_DAYS / BENCH_GROUPS change the shape)
set -euo pipefail
build=${1:-build}
days=${BENCH_DAYS:-30}
groups=${BENCH_GROUPS:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/stats.db"

"$build/qctl_bench" stats-history-gen "$db" --days "$days" --groups "$groups"
echo "database: $(du -h "$db" | cut -f1)"

run() {  # $1: label, rest: qctl arguments
  local label=$1
  shift
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 1 --runs 5 --export-json "$tmp/h.json" "$build/qctl $*" >/dev/null 2>&1
    python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print('%-34s mean %.3f s  min %.3f s' % (sys.argv[2], r['mean'], r['min']))" \
      "$tmp/h.json" "$label"
  else
    local best=999
    for _ in 1 2 3 4 5; do
      local s e
      s=$(date +%s.%N)
      "$build/qctl" "$@" >/dev/null
      e=$(date +%s.%N)
      best=$(echo "$e - $s" | bc | awk -v b="$best" '{print ($1 < b) ? $1 : b}')
    done
    printf '%-34s best %.3f s\n' "$label" "$best"
  fi
  /usr/bin/time -f "%M" -o "$tmp/rss" "$build/qctl" "$@" >/dev/null
  printf '%-34s peak RSS %d MB\n' "" "$(($(cat "$tmp/rss") / 1024))"
}

echo "qctl stats report --since ${days}d, ${groups} groups:"
run "table (by dc)" stats report --db "$db" --since "${days}d"
run "table + chart (--chart always)" stats report --db "$db" --since "${days}d" --chart always
run "-o json" stats report --db "$db" --since "${days}d" -o json
run "--format prometheus" stats report --db "$db" --since "${days}d" --format prometheus
run "--by cluster" stats report --db "$db" --since "${days}d" --by cluster
