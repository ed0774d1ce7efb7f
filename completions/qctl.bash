# bash completion for qctl. Enable it with, in ~/.bashrc:
#   source <(qctl completion bash)
# The candidates come from `qctl __complete`, which walks qctl's own command tree, so this
# script never changes when commands or flags do.

_qctl() {
  local i w words=()
  # bash splits "--output=json" at '=' (COMP_WORDBREAKS): glue such words back together.
  for ((i = 1; i <= COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if ((${#words[@]} > 0)) && [[ $w == "=" || ${words[-1]} == -*= ]]; then
      words[-1]+=$w
    else
      words+=("$w")
    fi
  done
  local cur=${words[-1]} out line
  out=$(qctl __complete -- "${words[@]}" 2>/dev/null) || return 0
  COMPREPLY=()
  if [[ $out == ":files"* ]]; then
    compopt -o default 2>/dev/null
    return 0
  fi
  while IFS= read -r line; do
    [[ -n $line ]] || continue
    line=${line%%$'\t'*}
    # After "--flag=", bash replaces only the text behind the '='.
    [[ $cur == -*=* ]] && line=${line#"${cur%%=*}="}
    COMPREPLY+=("$line")
  done <<<"$out"
}

complete -F _qctl qctl
