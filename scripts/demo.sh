#!/usr/bin/env bash
# `make demo`: runs qctl against a local synthetic Mesos master (qctl_bench serve) on a free
# loopback port. Usage: scripts/demo.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
log=$(mktemp)
"$build/qctl_bench" serve --agents 12 --tasks 96 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  grep -q serving "$log" && break
  sleep 0.1
done
url=$(grep -o 'http://[0-9.:]*' "$log")
export QCTL_CONFIG=/nonexistent QCTL_MESOS="$url"
run() { echo "\$ $*"; "$@"; echo; }
run "$build/qctl" status
run "$build/qctl" status agents --selector dc=bj1 -o wide
run "$build/qctl" status frameworks
run "$build/qctl" status tasks video_transcode-1.instance-100000001 -o wide
