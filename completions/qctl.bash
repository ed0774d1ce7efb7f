# bash completion for qctl. Enable it with, in ~/.bashrc:
#   source <(qctl completion bash)
# The candidates come from `qctl __complete`, which walks qctl's own command tree, so this
# script never changes when commands or flags do.

_qctl() {
  local i w words=()
  # bash splits "--output=json" at '=' and "ct:1717:0:etl:" at ':' (COMP_WORDBREAKS): glue
  # such words back together.
  for ((i = 1; i <= COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if ((${#words[@]} > 0)) &&
      [[ $w == "=" || $w == ":" || ${words[-1]} == -*= || ${words[-1]} == *: ]]; then
      words[-1]+=$w
    else
      words+=("$w")
    fi
  done
  local cur=${words[-1]} out line colon=""
  # bash replaces only the text behind the last ':' of the word being completed.
  [[ $cur == *:* && $cur != -*=* ]] && colon=${cur%"${cur##*:}"}
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
    [[ -n $colon ]] && line=${line#"$colon"}
    # Quoted for the command line: names may hold spaces or quotes (context names do).
    printf -v line '%q' "$line"
    COMPREPLY+=("$line")
  done <<<"$out"
}

complete -F _qctl qctl
