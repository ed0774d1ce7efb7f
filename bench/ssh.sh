#!/usr/bin/env bash
# `qctl ssh` against the manual path, side by side (issue 7's bars):
#  1. `qctl ssh APP -- true` (lookup + connect + exec) vs `curl` lookup + OpenSSH
#     `ssh host docker exec … true`: qctl <= 1.3x.
#  2. 100 MB through `qctl ssh APP -- cat` vs OpenSSH `ssh host docker exec -i … cat`:
#     within 20% of OpenSSH's throughput.
# A sandbox runs a Docker-style task; a real sshd (own keys, own known_hosts) reaches it through
# the `docker` stand-in of the tests. Usage: bench/ssh.sh [BUILD_DIR] (needs root, sshd, jq,
# hyperfine).
set -euo pipefail
build=${1:-build}
qctl=$(realpath "$build/qctl")
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
sb_pid=
sshd_pid=
cleanup() {
  [[ -n $sshd_pid ]] && kill "$sshd_pid" 2>/dev/null || true
  [[ -n $sb_pid ]] && kill "$sb_pid" 2>/dev/null && wait "$sb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

cat >"$tmp/cluster.yaml" <<'YAML'
agents:
  - count: 1
apps:
  - id: /bench
    cmd: "sleep 100000"
    cpus: 0.1
    mem: 32
    container: {type: DOCKER, docker: {image: "busybox:1.36"}}
YAML
"$qctl" sandbox --cluster "$tmp/cluster.yaml" --port-base 0 --print-endpoints \
  --no-write-context >"$tmp/endpoints" 2>"$tmp/sandbox.err" &
sb_pid=$!
wait_for_file "$tmp/endpoints" 10
mesos=$(jq -r '.mesos[0]' "$tmp/endpoints")
names=$(jq -r '.docker_names_file' "$tmp/endpoints")

ssh-keygen -q -t ed25519 -N '' -f "$tmp/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$tmp/user_key"
cp "$tmp/user_key.pub" "$tmp/authorized_keys"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p /run/sshd
cat >"$tmp/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
ListenAddress 127.0.1.1
HostKey $tmp/host_key
PidFile $tmp/sshd.pid
AuthorizedKeysFile $tmp/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
LogLevel ERROR
MaxStartups 200
SetEnv PATH=$src/tests/support/ssh:/usr/sbin:/usr/bin:/sbin:/bin QCTL_DOCKER_NAMES=$names
CONF
/usr/sbin/sshd -D -e -f "$tmp/sshd_config" 2>"$tmp/sshd.err" &
sshd_pid=$!
mkdir -p "$tmp/home/.ssh"
echo "[127.0.1.1]:$port $(cat "$tmp/host_key.pub")" >"$tmp/home/.ssh/known_hosts"

for _ in $(seq 200); do
  state=$(curl -s "$mesos/master/tasks" | jq -r '.tasks[0].state // empty')
  [[ $state == TASK_RUNNING ]] && break
  sleep 0.1
done
[[ $state == TASK_RUNNING ]] || { echo "ssh bench: the task did not start" >&2; exit 1; }

export HOME=$tmp/home QCTL_MESOS=$mesos QCTL_SSH_AUDIT_LOG=$tmp/audit.log
unset SSH_AUTH_SOCK
q="$qctl ssh -p $port -l root -i $tmp/user_key /bench"
o="ssh -F /dev/null -o BatchMode=yes -o UserKnownHostsFile=$HOME/.ssh/known_hosts -i $tmp/user_key -p $port -l root"
# The manual path a script would take: ask the master for the task's agent and container,
# then ssh + docker exec.
cat >"$tmp/manual.sh" <<MANUAL
#!/usr/bin/env bash
set -euo pipefail
t=\$(curl -s "$mesos/master/tasks" | jq -r '.tasks[] | select(.name == "bench" and .state == "TASK_RUNNING") | "\(.slave_id) \(.statuses[-1].container_status.container_id.value)"' | head -1)
read -r agent container <<<"\$t"
host=\$(curl -s "$mesos/master/slaves" | jq -r --arg a "\$agent" '.slaves[] | select(.id == \$a) | .hostname')
exec $o "\$host" docker exec -i "mesos-\$container" "\$@"
MANUAL
chmod +x "$tmp/manual.sh"
[[ $($q -- echo ok) == ok && $("$tmp/manual.sh" echo ok) == ok ]] ||
  { echo "ssh bench: a session failed" >&2; cat "$tmp/sshd.err" >&2; exit 1; }

echo "== qctl ssh APP -- true vs curl lookup + ssh host docker exec … true (bar: <= 1.3x)"
hyperfine -N --warmup 3 --runs 30 --export-json "$tmp/true.json" \
  -n qctl "$q -- true" -n manual "$tmp/manual.sh true" >/dev/null
jq -r '.results[] | "\(.command): mean \(.mean * 1000 | floor) ms, median \(.median * 1000 | floor) ms"' "$tmp/true.json"
jq -r '(.results[0].median / .results[1].median) as $r | "ratio qctl/manual: \($r * 100 | round / 100)"' "$tmp/true.json"

echo "== 100 MB through cat (bar: qctl throughput >= 80% of OpenSSH's)"
head -c 100M /dev/urandom >"$tmp/data"
hyperfine -N --warmup 1 --runs 5 --export-json "$tmp/cat.json" \
  -n qctl "bash -c '$q -- cat <$tmp/data >/dev/null'" \
  -n openssh "bash -c '$tmp/manual.sh cat <$tmp/data >/dev/null'" >/dev/null
jq -r '.results[] | "\(.command): \(100 / .median | floor) MB/s (median \(.median * 1000 | floor) ms)"' "$tmp/cat.json"
jq -r '(.results[1].median / .results[0].median) as $r | "qctl throughput / OpenSSH: \($r * 100 | round)%"' "$tmp/cat.json"
