#!/usr/bin/env bash
# `qctl job status` over 10,000 Chronos jobs (issue 4's bar: <= 0.5 s): a simulated sandbox,
# 10,000 jobs POSTed to its Chronos (8 in flight, curl --parallel), then hyperfine.
# A mix like a transcoding platform's: hourly/daily scheduled jobs, dependents, some disabled.
# Usage: bench/job_status.sh [BUILD_DIR]   (BENCH_JOBS changes the count)
set -euo pipefail
build=${1:-build}
jobs=${BENCH_JOBS:-10000}
tmp=$(mktemp -d)
sandbox=""
cleanup() { [[ -n "$sandbox" ]] && kill -TERM "$sandbox" 2>/dev/null && wait "$sandbox" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

"$build/qctl" sandbox --simulate --agents 100 --port-base 0 --print-endpoints \
  --no-write-context >"$tmp/endpoints" 2>"$tmp/log" &
sandbox=$!
wait_for_file "$tmp/endpoints" 6
chronos=$(grep -o '"chronos":"[^"]*' "$tmp/endpoints" | sed 's/.*:"//')

# One curl config: a request per job, separated by `next`. Every tenth job depends on the job
# before it; the others run hourly or daily from a start in the future, one in 50 disabled.
# Parents come first in the file and each wave is sent before the next (curl keeps no order
# inside a wave), so a dependent job never names a parent that is not there yet.
write_config() {  # $1: 0 = scheduled jobs, 1 = dependent jobs
  awk -v n="$jobs" -v dep="$1" -v url="$chronos" 'BEGIN {
    for (i = 0; i < n; i++) {
      name = sprintf("transcode-%05d", i)
      is_dep = (i % 10 == 9)
      if (is_dep != dep) continue
      body = "{\"name\":\"" name "\",\"command\":\"/opt/transcode --part " i "\",\"owner\":\"team" (i % 7) "@example.com\",\"cpus\":0.5,\"mem\":512"
      if (is_dep) {
        body = body ",\"parents\":[\"" sprintf("transcode-%05d", i - 1) "\"]}"
        path = "/v1/scheduler/dependency"
      } else {
        body = body ",\"schedule\":\"R/2030-01-01T0" (i % 10) ":00:00Z/" ((i % 2) ? "PT1H" : "P1D") "\"" ((i % 50 == 0) ? ",\"disabled\":true" : "") "}"
        path = "/v1/scheduler/iso8601"
      }
      gsub(/"/, "\\\"", body)
      if (written++) print "next"
      printf "url = \"%s%s\"\nheader = \"Content-Type: application/json\"\ndata = \"%s\"\noutput = \"/dev/null\"\nsilent\n", url, path, body
    }
  }'
}
write_config 0 >"$tmp/scheduled.curl"
write_config 1 >"$tmp/dependent.curl"
start=$(date +%s.%N)
curl -s --parallel --parallel-max 8 -K "$tmp/scheduled.curl" 2>"$tmp/curl.log"
curl -s --parallel --parallel-max 8 -K "$tmp/dependent.curl" 2>>"$tmp/curl.log"
done_at=$(date +%s.%N)
count=$(curl -s "$chronos/v1/scheduler/jobs/summary" | grep -o '"name"' | wc -l)
awk -v a="$start" -v b="$done_at" -v c="$count" \
  'BEGIN {printf "submitted %d jobs with curl (8 in flight) in %.1f s\n", c, b - a}'
[[ "$count" -eq "$jobs" ]] || { echo "expected $jobs jobs on the server" >&2; exit 1; }

export QCTL_CONFIG="$tmp/none" QCTL_CHRONOS="$chronos"
echo "== qctl job status over $count jobs (bar: <= 0.5 s)"
hyperfine -N --warmup 2 --runs 20 "$build/qctl job status" "$build/qctl job status -o json" \
  "$build/qctl job list -o name"
/usr/bin/time -f "qctl job status: %e s, peak RSS %M KB" "$build/qctl" job status >/dev/null
printf "rows: %s\n" "$("$build/qctl" job status --no-headers | wc -l)"
for p in jobs jobs/summary; do
  curl -s -o /dev/null -w "GET /v1/scheduler/$p: %{time_total} s, %{size_download} bytes\n" \
    "$chronos/v1/scheduler/$p"
done
