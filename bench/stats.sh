#!/usr/bin/env bash
# `qctl stats` and `qctl stats fit` at the 10,000-agent / 200,000-task scale (issue 5's bars:
# stats <= 0.5 s wall and <= 200 MB peak RSS, >= 10x faster than curl | jq computing the same
# per-datacenter totals; fit of a 1,000-instance app with constraints <= 1 s).
# The cluster is qctl_bench's synthetic one (bench/cluster_gen.cc), served over HTTP.
# Usage: bench/stats.sh [BUILD_DIR]   (BENCH_AGENTS / BENCH_TASKS change the size; with
# QCTL_BENCH_URL set, that running `qctl_bench serve` of the same size is used instead)
set -euo pipefail
build=${1:-build}
qctl=$build/qctl
agents=${BENCH_AGENTS:-10000}
tasks=${BENCH_TASKS:-200000}
tmp=$(mktemp -d)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
trap 'stop_serve; rm -rf "$tmp"' EXIT

start_serve "${QCTL_BENCH_BIN:-$build/qctl_bench}" "$agents" "$tasks"
export QCTL_CONFIG="$tmp/none" QCTL_MESOS="$url"

# Per-datacenter totals with curl and jq, two ways: the narrow program (total and allocated
# cpus/mem only) and bench/stats_totals.jq, which computes the same totals qctl prints in its
# first table (agents, available, and total/allocated/reserved/offered/free/unavailable/% of
# cpus, mem, disk, gpus and ports). The bar compares against the second; both are printed.
cat >"$tmp/narrow.jq" <<'JQ'
[.slaves[] | {dc: (.attributes.dc // "<none>"), cpus: .resources.cpus, used: .used_resources.cpus,
              mem: .resources.mem, used_mem: .used_resources.mem}]
| group_by(.dc)
| map({dc: .[0].dc, cpus: (map(.cpus) | add), allocated: (map(.used) | add),
       mem: (map(.mem) | add), allocated_mem: (map(.used_mem) | add)})
JQ
echo "== qctl stats vs curl | jq, per-datacenter totals of $agents agents / $tasks tasks (bar: <= 500 ms, <= 200 MB, >= 10x)"
hyperfine -N --warmup 2 --runs 20 --export-json "$tmp/stats.json" "$qctl stats --no-shapes" >/dev/null
hyperfine --warmup 1 --runs 5 --export-json "$tmp/jq.json" \
  "curl -s $url/master/slaves | jq -f $here/stats_totals.jq" >/dev/null
hyperfine --warmup 1 --runs 5 --export-json "$tmp/narrow.json" \
  "curl -s $url/master/slaves | jq -f $tmp/narrow.jq" >/dev/null
qs=$(median_ms "$tmp/stats.json")
jq_ms=$(median_ms "$tmp/jq.json")
narrow_ms=$(median_ms "$tmp/narrow.json")
echo "qctl stats:                    median $qs ms over 20 runs"
echo "curl | jq, the same totals:    median $jq_ms ms over 5 runs"
awk -v a="$qs" -v b="$jq_ms" 'BEGIN {printf "speed-up:                      %.1fx\n", b / a}'
echo "curl | jq, cpus/mem only:      median $narrow_ms ms over 5 runs"
awk -v a="$qs" -v b="$narrow_ms" 'BEGIN {printf "speed-up over the narrow jq:   %.1fx\n", b / a}'
/usr/bin/time -f "qctl stats: peak RSS %M KB" "$qctl" stats --no-shapes >/dev/null
/usr/bin/time -f "qctl stats --shape cpus=1,mem=2048 --shape cpus=4,mem=8192,ports=2: peak RSS %M KB, %e s" \
  "$qctl" stats --shape cpus=1,mem=2048 --shape cpus=4,mem=8192,ports=2 >/dev/null
# Side by side: every total of every group must be the same number both ways.
"$qctl" stats --no-shapes -o json | jq -S '[.groups[] | {dc: .group, agents, available,
  resources: (.resources | with_entries(.value |= {total, allocated, reserved, offered, free,
  unavailable}))}]' >"$tmp/qctl_totals.json"
curl -s "$url/master/slaves" | jq -S -f "$here/stats_totals.jq" \
  | jq -S 'map(.resources |= with_entries(.value |= del(.percent)))' >"$tmp/jq_totals.json"
if cmp -s "$tmp/qctl_totals.json" "$tmp/jq_totals.json"; then
  echo "side by side: qctl and jq agree on all $(jq '[.[].resources[][]] | length' "$tmp/jq_totals.json") totals"
else
  echo "side by side: qctl and jq DIFFER:"
  diff "$tmp/qctl_totals.json" "$tmp/jq_totals.json" | head -20
fi

echo
echo "== qctl stats fit: 1,000 instances with GROUP_BY dc and hostname UNIQUE on $agents agents (bar: <= 1 s)"
cat >"$tmp/app.json" <<'APP'
{"id": "/bench/web", "cmd": "serve", "cpus": 0.5, "mem": 1024, "instances": 1000,
 "portDefinitions": [{"port": 0}],
 "constraints": [["dc", "GROUP_BY", "2"], ["hostname", "UNIQUE"], ["rack", "MAX_PER", "30"]]}
APP
hyperfine -N --warmup 1 --runs 10 -i --export-json "$tmp/fit.json" "$qctl stats fit -f $tmp/app.json" >/dev/null
echo "qctl stats fit: median $(median_ms "$tmp/fit.json") ms over 10 runs"
"$qctl" stats fit -f "$tmp/app.json" | head -1
