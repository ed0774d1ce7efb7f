#!/usr/bin/env bash
# Installs exactly the Debian packages qctl needs to build, test and benchmark that are missing
# (plus the clang tools with the argument `lint`).
# As root it runs apt-get; otherwise it prints the command to run.
set -euo pipefail

packages=(
  g++ make cmake ninja-build pkgconf git ccache
  libcli11-dev libcurl4-openssl-dev libssh-dev nlohmann-json3-dev libsimdjson-dev
  libcpp-httplib-dev libyaml-cpp-dev libgtest-dev libgmock-dev libssl-dev
  libjemalloc-dev  # the allocator linked into the release qctl
  libsqlite3-dev sqlite3  # qctl stats record/report history database
  openssh-server openssh-client  # qctl ssh: the tests start their own sshd on loopback
  openssl ca-certificates hyperfine curl jq time
  tzdata  # scheduleTimeZone: next runs in qctl, the sandbox Chronos, their tests
  bash zsh fish  # real shells for the completion tests
  groff mandoc man-db  # man pages: rendered and linted by the tests, read by the package test
  dpkg-dev file bash-completion  # make package (dpkg-shlibdeps) and its install test
)

# `scripts/setup.sh lint` also wants the clang tools.
[[ "${1:-}" == "lint" ]] && packages+=(clang-tidy clang-format)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "setup: missing Debian packages: ${missing[*]}" >&2
  echo "setup: run as root: apt-get update && $cmd" >&2
  exit 1
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
$cmd -qq
