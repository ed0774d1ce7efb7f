# shellcheck shell=bash
# Shared by the bench scripts; source it after `tmp` is set:
#   . "$(dirname "$0")/lib.sh"
# median_ms reads hyperfine's JSON, wait_for_file polls for a server's endpoints or URL file,
# start_serve / stop_serve run qctl_bench's synthetic Mesos master.

median_ms() {  # median of a hyperfine JSON export, in ms
  grep -m1 '"median"' "$1" | awk -F: '{gsub(/[ ,]/, "", $2); printf "%.1f", $2 * 1000}'
}

wait_for_file() {  # $1: file, $2: seconds; returns when the file is not empty or time is up
  local tries=$(($2 * 100))
  for _ in $(seq 1 "$tries"); do
    [[ -s "$1" ]] && return 0
    sleep 0.01
  done
  return 0
}

serve_pid=""
# start_serve BENCH_BIN AGENTS TASKS: sets `url` to a `qctl_bench serve` of that cluster.
# $QCTL_BENCH_URL, when set, is such a server already running (bench/run.sh's): it is reused
# rather than a second one started beside it.
# shellcheck disable=SC2034,SC2154  # sets `url`, writes under `tmp`: the caller's variables
start_serve() {
  if [[ -n "${QCTL_BENCH_URL:-}" ]]; then
    url=$QCTL_BENCH_URL
    return 0
  fi
  "$1" serve --agents "$2" --tasks "$3" >"$tmp/serve.log" 2>&1 &
  serve_pid=$!
  for _ in $(seq 1 600); do
    grep -q serving "$tmp/serve.log" 2>/dev/null && break
    sleep 0.1
  done
  url=$(grep -o 'http://[0-9.:]*' "$tmp/serve.log")
}

stop_serve() {  # stops the server start_serve started, if any
  if [[ -n "$serve_pid" ]]; then
    kill "$serve_pid" 2>/dev/null || true
    wait "$serve_pid" 2>/dev/null || true
    serve_pid=""
  fi
}
