# fish completion for qctl. Enable it with
#   qctl completion fish > ~/.config/fish/completions/qctl.fish
# The candidates come from `qctl __complete`, which walks qctl's own command tree, so this
# script never changes when commands or flags do.

function __qctl_complete
    set -l words (commandline -opc) (commandline -ct)
    set -e words[1]
    set -l out (qctl __complete -- $words 2>/dev/null)
    if test "$out[1]" = ":files"
        __fish_complete_path (commandline -ct)
        return
    end
    printf '%s\n' $out
end

complete -c qctl -f -a '(__qctl_complete)'
