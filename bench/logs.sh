#!/usr/bin/env bash
# qctl logs (issue 9's bars): `--tail 100` of a 1 GB file transfers <= 1 MB; `logs -f` adds
# <= 1 s latency between a task writing a line and qctl printing it.
# Usage: bench/logs.sh [BUILD_DIR]   (a Release build: cmake -DCMAKE_BUILD_TYPE=Release)
set -euo pipefail
build=${1:-build}
tmp=$(mktemp -d)
sandbox=""
follower=""
cleanup() {
  [[ -n "$follower" ]] && kill "$follower" 2>/dev/null
  [[ -n "$sandbox" ]] && kill -TERM "$sandbox" 2>/dev/null && wait "$sandbox" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

"$build/qctl" sandbox --agents 1 --isolation none --port-base 0 --print-endpoints \
  --no-write-context >"$tmp/endpoints" 2>"$tmp/log" &
sandbox=$!
wait_for_file "$tmp/endpoints" 30
master=$(grep -o '"mesos":\["[^"]*' "$tmp/endpoints" | sed 's/.*\["//')
marathon=$(grep -o '"marathon":"[^"]*' "$tmp/endpoints" | sed 's/.*:"//')
export QCTL_CONFIG="$tmp/none" QCTL_MESOS="$master" QCTL_MARATHON="$marathon"

post_app() {
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' "$marathon/v2/apps" -d "$1"
}
# A 1 GB sparse file ending in 100,000 text lines, and a task printing its clock twice a second.
post_app '{"id":"/big","cmd":"truncate -s 1G big.log && seq 1 100000 >> big.log && echo ready && exec sleep 3600","cpus":0.1,"mem":32}'
post_app '{"id":"/clock","cmd":"while true; do date +%s.%N; sleep 0.5; done","cpus":0.1,"mem":32}'
for _ in $(seq 1 300); do
  "$build/qctl" logs /big 2>/dev/null | grep -q ready && break
  sleep 0.1
done

echo "== qctl logs /big big.log --tail 100 (1 GB file; bar: <= 1 MB transferred)"
start=$(date +%s.%N)
"$build/qctl" -v logs /big big.log --tail 100 >"$tmp/tail.out" 2>"$tmp/tail.trace"
end=$(date +%s.%N)
grep -E '^< GET \S+/files/read\?' "$tmp/tail.trace" |
  awk -v a="$start" -v b="$end" -v lines="$(wc -l <"$tmp/tail.out")" \
    '{for (i = 1; i <= NF; i++) if ($i == "bytes") bytes += $(i-1); n++}
     END {printf "%d lines printed, %d /files/read requests, %d bytes transferred (%.3f MB), %.3f s\n",
          lines, n, bytes, bytes / 1048576, b - a}'

echo
echo "== qctl logs /clock -f: line written -> line printed (bar: <= 1 s)"
"$build/qctl" logs /clock -f --tail 0 >"$tmp/follow.out" 2>/dev/null &
follower=$!
python3 - "$tmp/follow.out" <<'PY'
import sys, time
path = sys.argv[1]
lat = []
seen = 0
deadline = time.time() + 15
while len(lat) < 20 and time.time() < deadline:
    with open(path) as f:
        lines = f.read().splitlines()
    now = time.time()
    for line in lines[seen:]:
        try:
            lat.append(now - float(line))
        except ValueError:
            pass
    seen = len(lines)
    time.sleep(0.005)
if not lat:
    sys.exit("no lines followed")
lat.sort()
print(f"{len(lat)} lines: median {lat[len(lat)//2]*1000:.0f} ms, max {lat[-1]*1000:.0f} ms "
      f"(includes up to 5 ms of this script's own polling)")
PY
