#!/usr/bin/env bash
# Package test: builds qctl_<version>_<arch>.deb with `make package`, checks its control fields
# and contents; then, as root, installs it with dpkg -i, checks `qctl --version`, `man qctl`
# and the shell completions where bash-completion, zsh and fish look for them, and removes it
# again so the machine is left as it was. Ends with "N passed, N failed"; non-zero on failure.
# Usage: scripts/package_test.sh [BUILD_DIR]   (the Release build directory, default build)
set -uo pipefail
cd "$(dirname "$0")/.."

build=${1:-build}
passed=0
failed=0
start=$SECONDS
tmp=$(mktemp -d)
installed_by_us=0

ok() { echo "ok    $1"; passed=$((passed + 1)); }
fail() { echo "FAIL  $1${2:+: $2}"; failed=$((failed + 1)); }
# check NAME COMMAND...: passes when COMMAND succeeds.
check() {
  local name=$1
  shift
  if "$@" >"$tmp/out" 2>&1; then ok "$name"; else fail "$name" "$(head -c 300 "$tmp/out")"; fi
}
cleanup() {
  if [[ $installed_by_us -eq 1 ]]; then
    dpkg -r qctl >/dev/null 2>&1 || echo "package test: could not remove qctl (dpkg -r qctl)" >&2
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
finish() {
  echo "package test: $((SECONDS - start)) s"
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
  exit
}
contains() { grep -qF -- "$2" <<<"$1"; }

version=$(sed -n 's/^project(qctl VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
arch=$(dpkg --print-architecture)
deb="$build/qctl_${version}_${arch}.deb"

# --- the package file -------------------------------------------------------------------------
rm -f "$deb"
if make --no-print-directory -s package BUILD="$build" >"$tmp/make.log" 2>&1 && [[ -f $deb ]]; then
  ok "make package builds $deb"
else
  fail "make package builds $deb" "$(tail -20 "$tmp/make.log")"
  finish
fi

field() { dpkg-deb -f "$deb" "$1"; }
check "Package is qctl" test "$(field Package)" = qctl
check "Version is $version" test "$(field Version)" = "$version"
check "Architecture is $arch" test "$(field Architecture)" = "$arch"
check "Section is admin" test "$(field Section)" = admin
check "Maintainer is set" test -n "$(field Maintainer)"
check "Description has a summary and a body" test "$(field Description | wc -l)" -ge 2
depends=$(field Depends)
for lib in libc6 libstdc++6 libcurl4 libyaml-cpp libsimdjson libjemalloc2; do
  check "Depends on $lib ($depends)" contains "$depends" "$lib"
done

contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
expected=(./usr/bin/qctl
  ./usr/share/bash-completion/completions/qctl
  ./usr/share/zsh/vendor-completions/_qctl
  ./usr/share/fish/vendor_completions.d/qctl.fish)
for page in man/*.1; do
  expected+=("./usr/share/man/man1/$(basename "$page")")
done
for path in "${expected[@]}"; do
  check "package holds $path" grep -qxF -- "$path" <<<"$contents"
done

# --- installed on this machine ----------------------------------------------------------------
if [[ $(id -u) -ne 0 ]]; then
  echo "skip  installing the package needs root: dpkg -i, man and completion checks not run"
  finish
fi
if dpkg-query -W -f='${Status}' qctl 2>/dev/null | grep -q 'ok installed'; then
  echo "skip  a qctl package is already installed; remove it (dpkg -r qctl) to run the install checks"
  finish
fi

if dpkg -i "$deb" >"$tmp/dpkg.log" 2>&1; then
  installed_by_us=1
  ok "dpkg -i $deb"
else
  fail "dpkg -i $deb" "$(tail -5 "$tmp/dpkg.log")"
  dpkg -r qctl >/dev/null 2>&1
  finish
fi

check "qctl --version prints qctl $version" \
  grep -q "^qctl $version (" <<<"$(/usr/bin/qctl --version)"
check "qctl version runs with the installed libraries" /usr/bin/qctl version

check "man -w qctl finds /usr/share/man/man1/qctl.1" \
  grep -q '^/usr/share/man/man1/qctl\.1' <<<"$(man -aw qctl 2>&1)"
man_qctl=$(MANWIDTH=80 man -P cat qctl 2>&1 | head -20)
check "man qctl renders its NAME line" contains "$man_qctl" "qctl - one command-line tool"
man_status=$(MANWIDTH=100 man -P cat qctl-status 2>&1)
check "man qctl-status renders its options" contains "$man_status" "-l, --selector TEXT"
check "man qctl-status renders without warnings" \
  test -z "$(man --warnings -P cat qctl-status 2>&1 >/dev/null)"

# Completion in each shell, from the installed files only: a clean HOME and PATH.
shell_env=(env -i PATH=/usr/bin:/bin HOME="$tmp" XDG_CACHE_HOME="$tmp/cache" TERM=dumb)
check "bash completion installed at /usr/share/bash-completion/completions/qctl" \
  test -f /usr/share/bash-completion/completions/qctl
if [[ -f /usr/share/bash-completion/bash_completion ]]; then
  # bash-completion loads the script on demand, then completing `qctl sta` offers status.
  reply=$("${shell_env[@]}" bash -c '
    source /usr/share/bash-completion/bash_completion
    _completion_loader qctl  # returns 124, "retry the completion", once it has loaded one
    complete -p qctl >/dev/null || exit 1
    func=$(complete -p qctl | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
    COMP_WORDS=(qctl sta); COMP_CWORD=1; COMP_LINE="qctl sta"; COMP_POINT=${#COMP_LINE}
    "$func" qctl sta qctl
    printf "%s\n" "${COMPREPLY[@]}"' 2>&1)
  check "bash-completion loads it and completes qctl sta to status" grep -qx status <<<"$reply"
else
  echo "skip  bash-completion is not installed: on-demand loading not checked"
fi
if command -v zsh >/dev/null; then
  check "zsh looks in /usr/share/zsh/vendor-completions" "${shell_env[@]}" zsh -fc \
    '[[ -f /usr/share/zsh/vendor-completions/_qctl && ${fpath[(I)/usr/share/zsh/vendor-completions]} -gt 0 ]]'
fi
if command -v fish >/dev/null; then
  reply=$("${shell_env[@]}" fish -c 'complete -C "qctl sta"' 2>&1)
  check "fish completes qctl sta to status from vendor_completions.d" grep -q '^status' <<<"$reply"
fi

# --- removed again --------------------------------------------------------------------------
if dpkg -r qctl >"$tmp/dpkg.log" 2>&1; then
  installed_by_us=0
  ok "dpkg -r qctl"
else
  fail "dpkg -r qctl" "$(tail -5 "$tmp/dpkg.log")"
fi
check "qctl is gone from /usr/bin" test ! -e /usr/bin/qctl
check "its man pages are gone" test ! -e /usr/share/man/man1/qctl.1
check "dpkg no longer lists qctl" \
  test -z "$(dpkg-query -W -f='${Status}' qctl 2>/dev/null | grep 'ok installed')"
finish
