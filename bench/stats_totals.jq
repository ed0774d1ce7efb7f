# The totals of `qctl stats` (its first table), per datacenter: agents, available agents,
# and for cpus, mem, disk, gpus and ports the total, allocated, reserved, offered, free and
# unavailable amounts and the allocation percentage. Unavailable: inactive, deactivated or
# draining agents (maintenance windows need a second endpoint and are left out here).
def ports: if . == null then 0 else
  ltrimstr("[") | rtrimstr("]") | split(",") | map(select(length > 0) | gsub(" "; "")
  | split("-") | map(tonumber) | .[1] - .[0] + 1) | add // 0 end;
def amount($r): if $r == "ports" then (.ports | ports) else (.[$r] // 0) end;
def res: ["cpus", "mem", "disk", "gpus", "ports"];
[.slaves[] | . as $a
 | ($a.active and ($a.deactivated | not) and ($a.drain_info == null)) as $ok
 | {dc: ($a.attributes.dc // "<none>"), ok: $ok,
    r: (res | map(. as $r | {key: $r, value: {
         total: ($a.resources | amount($r)),
         allocated: ($a.used_resources | amount($r)),
         offered: (($a.offered_resources // {}) | amount($r)),
         reserved: ([($a.reserved_resources // {})[] | amount($r)] | add // 0)}}) | from_entries)}]
| group_by(.dc)
| map(. as $g | {dc: $g[0].dc, agents: length, available: (map(select(.ok)) | length),
     resources: (res | map(. as $r | ($g | map(.r[$r] + {ok, free: ([.r[$r].total - .r[$r].allocated, 0] | max)})) as $v
       | {key: $r, value: {
           total: ($v | map(.total) | add), allocated: ($v | map(.allocated) | add),
           reserved: ($v | map(.reserved) | add), offered: ($v | map(.offered) | add),
           free: ($v | map(select(.ok) | .free) | add // 0),
           unavailable: ($v | map(select(.ok | not) | .free) | add // 0)}}
         | .value.percent = (if .value.total > 0 then 100 * .value.allocated / .value.total else 0 end))
       | from_entries)})
