# Drives zsh's real completion system non-interactively, for completion_shell_test.cc:
#   zsh -f completion_zsh_driver.zsh FPATH_DIR OUT_FILE 'qctl sta'
# starts an interactive zsh on a pseudo-terminal (zpty) with compinit and FPATH_DIR (which
# holds _qctl) in $fpath, types the line and a TAB, and writes every match the completion
# functions add (each compadd call, after zsh's own prefix matching) to OUT_FILE. Exits 0
# once zsh has finished completing, 1 if it did not within 20 s.
zmodload zsh/zpty zsh/zselect || exit 2
local dir=$1 out=$2 line=$3
: >| $out
zpty z zsh -f -i
zpty -w z "PS1=''; fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -D"
# Record what gets added; calls that already collect matches for a caller are left alone.
zpty -w z "compadd() {
  if (( \${@[(I)-[OAD]]} )); then builtin compadd \"\$@\"; return; fi
  local -a __got; builtin compadd -O __got \"\$@\"; (( \$#__got )) && print -rl -- \$__got >> ${(q)out}
  builtin compadd \"\$@\"
}"
zpty -w z "__done() { print -r -- __done__ >> ${(q)out} }"
zpty -w z "zstyle ':completion:*' list-prompt ''; zstyle ':completion:*' menu no"
# comppostfuncs runs once after the next completion: the end marker.
zpty -w z "zle-line-init() { comppostfuncs=(__done) }; zle -N zle-line-init"
zpty -w z ""
zpty -w -n z "$line"$'\t'
local -i i
for (( i = 0; i < 400; i++ )); do
  while zpty -r -t z chunk 2>/dev/null; do :; done  # keep the terminal drained
  if grep -q '^__done__$' $out 2>/dev/null; then
    zpty -d z
    exit 0
  fi
  zselect -t 5  # 50 ms
done
zpty -d z
exit 1
