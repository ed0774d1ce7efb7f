#!/usr/bin/env bash
# `make demo`: runs `qctl sandbox` with examples/sandbox/demo.yaml (two datacenters, Marathon
# apps including a hostname:UNIQUE daemon, Chronos jobs: scheduled, high priority, failing) on
# free loopback ports, shows what qctl sees, then stops the sandbox.
# Usage: scripts/demo.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
qctl="$build/qctl"
work=$(mktemp -d)
export QCTL_CONFIG="$work/config" NO_COLOR=1
"$qctl" sandbox --cluster examples/sandbox/demo.yaml --port-base 0 --print-endpoints \
  --work-dir "$work/agents" >"$work/endpoints" 2>"$work/sandbox.log" &
sandbox=$!
cleanup() {
  kill -TERM "$sandbox" 2>/dev/null && wait "$sandbox" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 200); do
  [[ -s "$work/endpoints" ]] && break
  kill -0 "$sandbox" 2>/dev/null || { cat "$work/sandbox.log" >&2; exit 1; }
  sleep 0.1
done
[[ -s "$work/endpoints" ]] || { echo "demo: the sandbox did not start" >&2; exit 1; }
# Let Marathon deploy the apps (real deployments, health checks) before looking: the log
# shipper on all 4 agents, both web instances healthy.
for _ in $(seq 1 100); do
  apps=$("$qctl" status apps 2>/dev/null || true)
  grep -q "/infra/log-shipper *4/4" <<<"$apps" && grep -q "/web/frontend *2/2 *2/2" <<<"$apps" && break
  sleep 0.2
done
run() { echo "\$ $*"; "$@" || true; echo; }
echo "# endpoints: $(cat "$work/endpoints")"
echo
run "$qctl" status
run "$qctl" status agents -o wide
run "$qctl" status agents --selector dc=sh1
run "$qctl" status frameworks
run "$qctl" status apps
run "$qctl" status tasks
