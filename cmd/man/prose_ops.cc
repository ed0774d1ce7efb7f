// Man-page prose for the operations commands: stats, unique, health, restart, ssh, logs, events.
#include "cmd/man/prose.h"

#include <map>

namespace qctl::cmd::man_pages {

const std::map<std::string_view, std::vector<std::string_view>>& ops_prose() {
  static const std::map<std::string_view, std::vector<std::string_view>> prose{
      {"qctl stats",
       {
        "Shows, per group of agents, how much of each resource (cpus, mem, disk, gpus and host "
        "ports) the cluster has in total, how much is allocated to tasks and executors "
        "(used_resources, the same figure as Mesos' master/<r>_used), how much is reserved "
        "(static and dynamic, per role), offered, and free, with the allocation percentage. By "
        "default agents are grouped by a datacenter-like attribute (dc, datacenter, data_center, "
        "datacentre, region), else by the fault-domain region, else the whole cluster is one "
        "group. --by ATTR groups by any agent attribute (@region, @zone and hostname too), --by "
        "role by reservation role (* = unreserved), --by framework by framework (allocated and "
        "offered, with the share of the cluster), --by agent one row per agent. --selector "
        "dc=bj1,rack!=r2 keeps only matching agents. An attribute no agent carries is an error "
        "(exit 2) that lists the attributes present.",
        "Agents that are disconnected, deactivated, draining, drained or in a maintenance window "
        "(/master/maintenance/status) are listed apart (\"Unavailable agents\") and their "
        "unallocated capacity is reported as UNAVAILABLE, never as FREE. The most and least "
        "loaded available agents (load = the higher of the cpus and mem allocation) are listed "
        "(--top N, default 5).",
        "Fragmentation: for each task shape (--shape cpus=1,mem=2048[,disk=N][,gpus=N][,ports=N] "
        "[,role=R], repeatable; by default the distinct shapes of the cluster's Marathon apps "
        "and Chronos jobs) and group, FITS is how many such tasks still fit agent by agent, "
        "IDEAL how many the group's free capacity would hold if it were one agent, FRAGMENTATION "
        "= 1 - FITS/IDEAL, LIMITING the resource that runs out first overall, and "
        "STRANDED-CPUS/-MEM the free capacity on agents where not even one copy fits. Only "
        "resources and roles are considered here (constraints are stats fit's). Float crumbs are "
        "tolerated (0.3 - 0.1 - 0.1 cpus free fits 0.1) but a real shortfall is not (0.0999 free "
        "never fits 0.1). --no-shapes skips the section.",
        "qctl reads /master/slaves (whose *_full arrays tell static from dynamic reservations "
        "and which role each used resource belongs to) and /master/maintenance/status, plus "
        "Marathon's /v2/apps and Chronos' jobs for the default shapes; never /master/state. A "
        "failing Marathon, Chronos or maintenance read is a warning on stderr. Exit status: 0; 2 "
        "for bad input; the usual network/auth codes (5, 4) when Mesos cannot be read."}},
      {"qctl stats fit",
       {
        "Simulates placing a Marathon app (-f APP.json, as POST /v2/apps takes it; - reads "
        "stdin), a Chronos job (--job JOB.json|yaml) or a bare shape (--shape …) on the cluster "
        "as it is now, with the placement engine the sandbox schedules with: Marathon's UNIQUE, "
        "CLUSTER, GROUP_BY, LIKE, UNLIKE, MAX_PER, IS (fields: attributes, hostname, @region, "
        "@zone) and Chronos' EQUALS, LIKE, UNLIKE; accepted resource roles (reserved first, then "
        "*; --role is the framework's role, Marathon's --mesos_role); host ports; Marathon's "
        "defaults (cpus 1, mem 128, one host port for host networking) and Chronos' (0.1 cpus, "
        "128 MB, 256 MB disk). Only available agents take instances.",
        "--instances N is the total wanted (default: the app's instances, 1 for a job or shape). "
        "When the app already exists in Marathon, its running tasks count against its "
        "constraints and only the difference is placed (\"0 of 2 instances (6 already "
        "running)\"). The result is printed per group (--by ATTR), with rejected agents counted "
        "by Marathon's reasons (InsufficientCpus, UnfulfilledConstraint, UnfulfilledRole, …); "
        "--explain adds one line per rejected agent with the constraint, resource (\"cpus: need "
        "0.1, free 0.0999\") or role that refused it. Exit status 0 when every instance fits, 1 "
        "when not — release scripts can gate on it: qctl stats fit -f web.json && deploy "
        "web.json. A file that is not a valid app or job is exit 2 with the file and field named."}},
      {"qctl stats board",
       {
        "Draws the cluster as a board: one cell per agent, grouped by the datacenter-like "
        "attribute and rack when agents have it (--by dc,rack nests any attributes, outermost "
        "first), each group headed by its agent count and cpus/mem allocation, cells in hostname "
        "order wrapped to the terminal width. Cells are shaded by load (the higher of the cpus "
        "and mem allocation): on a terminal as coloured squares (green to red, grey for "
        "unavailable agents; --color never or NO_COLOR turn colour off), otherwise as characters "
        ". (<20%), - (20-40%), + (40-60%), * (60-80%), # (>=80%) and x (unavailable). A legend "
        "follows. One character per agent keeps 5,000 agents within about 65 lines of an "
        "80-column terminal. -o json lists every agent with its group, status, percentages and "
        "shade."}},
      {"qctl stats record",
       {
        "qctl stats record reads the cluster once and appends one snapshot to the stats history, "
        "a SQLite database (default $XDG_DATA_HOME/qctl/stats.db, else "
        "~/.local/share/qctl/stats.db; --db PATH for another). It is meant to run from cron "
        "every minute:",
        "* * * * * qctl --context prod stats record --quiet --retain 90d",
        "A snapshot holds, for the grouping cluster and for every agent attribute (and the fault "
        "domain's @region/@zone) with at most 64 distinct values, each group's agents and its "
        "total, allocated, reserved and free cpus, mem, disk and gpus, computed exactly as qctl "
        "stats computes them. --by ATTR records an attribute with more values too. It also holds "
        "the task counts by state of the frameworks (from /master/state-summary), the leading "
        "master's master/tasks_* metrics (gauges and counters), Marathon's task gauges summed "
        "over apps (tasksRunning, tasksStaged, tasksHealthy, tasksUnhealthy, instances) and its "
        "launch queue (task launches waiting, apps in launch back-off), and Chronos' "
        "successCount and errorCount summed over jobs. Marathon keeps no cumulative launch or "
        "failure counter in its REST API, so tasks started and failed come from the Mesos "
        "master's counters, which cover Marathon's tasks.",
        "The database is opened before the cluster is read, so a locked, corrupt or newer file "
        "fails at once. Each snapshot is one SQLite transaction in WAL mode; a second record "
        "running at the same moment waits for the first (up to --lock-timeout, default 5s) and "
        "then writes its own snapshot, so both land. qctl never rewrites, truncates or deletes a "
        "file it cannot use: a file that is not a SQLite database, a SQLite database of "
        "something else, or one whose schema version (PRAGMA user_version) is newer than this "
        "qctl's is refused with exit code 1. --retain DURATION deletes this context's snapshots "
        "older than that after writing.",
        "When Mesos cannot be read nothing is written and the exit code is the network, auth or "
        "API error's. When Marathon, Chronos, the maintenance status or the master metrics "
        "cannot be read, the snapshot is written without those parts, a warning names each on "
        "stderr, and the exit code is 6. On success one line names the snapshot, the context and "
        "the file; -q prints nothing, which keeps cron quiet."}},
      {"qctl stats report",
       {
        "qctl stats report reads the history of the selected context (or the only context in the "
        "file) over --since (default 7d, back from now) and shows, per group and resource, the "
        "average and peak allocation (allocated / total, snapshot by snapshot), when the peak "
        "was first reached, and the allocation in the latest snapshot; -o wide adds the latest "
        "allocated and total amounts and the number of agents. Below the table come the tasks "
        "started, failed, finished and killed over the window (Mesos counter deltas between "
        "consecutive snapshots: a counter that drops is a master failover and counts from zero "
        "again), the Chronos runs that succeeded and failed (a drop is a deleted job and counts "
        "as nothing), the peak of Marathon's launch queue, and the task counts by state of the "
        "latest snapshot.",
        "The grouping is the datacenter-like attribute record chose (dc, datacenter, region and "
        "the like, else the whole cluster); --by ATTR picks another recorded grouping, and an "
        "attribute that was not recorded in the window is a usage error listing the ones that "
        "were.",
        "When stdout is a terminal (or with --chart always) a chart follows: one sparkline per "
        "group for cpus and for mem, each column the mean allocation of the snapshots in its "
        "time slice, from the lowest block (under 12.5%) to the full block (87.5% and more), "
        "coloured green, yellow (50%) and red (80%) unless colour is off.",
        "-o json (or yaml) writes the whole report with a 60-point series per group and "
        "resource; -o csv one row per group and resource. --format graphite writes Graphite "
        "plaintext lines (<prefix>.<context>.<by>.<group>.<resource>.avg_percent VALUE "
        "TIMESTAMP, prefix qctl.stats unless --prefix), stamped with the end of the window; "
        "--format prometheus writes the Prometheus text format without timestamps, for "
        "node_exporter's textfile collector (qctl_stats_allocation_avg_ratio, _peak_ratio, "
        "_peak_timestamp_seconds, qctl_stats_allocation_ratio with labels context, by, group, "
        "resource; window counts such as qctl_stats_tasks_started). --format and -o cannot be "
        "combined.",
        "report opens the database read-only and never creates it: a missing file exits 3, a "
        "corrupt or newer one 1, an unknown grouping or a bad --since 2. A window without "
        "snapshots prints an empty report and a note on stderr, and exits 0."}},
      {"qctl unique",
       {
        "Keeps per-agent daemons at one instance per eligible agent. Such daemons (log shippers, "
        "metrics agents, node monitors) run on Marathon with the constraint "
        "[\"hostname\",\"UNIQUE\"]; Marathon does not change their instance count when agents "
        "join or leave. The only verb, sync, counts the agents each selected app may run on and "
        "sets the app's instances to that number through Marathon's partial PUT /v2/apps/{id}."}},
      {"qctl unique sync",
       {
        "Selects apps with --app ID (repeatable), --selector (a label selector such as "
        "role=daemon or team=infra,tier!=test) or --all-unique (every app whose constraints "
        "include hostname:UNIQUE); without one of them the context's unique-apps key gives the "
        "default (\"all-unique\" or a label selector). An app named by --app or --selector that "
        "has no hostname:UNIQUE constraint is skipped with a warning unless --any-constraint is "
        "given. An --app that Marathon does not know exits 3 before anything is written. Apps "
        "outside the selection are never read for writing.",
        "The target of an app is the number of eligible agents: agents that are active, not "
        "deactivated, not draining or drained, and not in a maintenance window that covers the "
        "current time (GET /master/maintenance/schedule, machines matched by hostname and IP), "
        "and that satisfy the app's LIKE, UNLIKE, IS and CLUSTER (with a value) constraints and "
        "its acceptedResourceRoles, as the placement engine checks them. Eligible agents without "
        "free resources for one more instance (and without an instance already) are listed on "
        "standard error with the resource that is short; they are counted unless --require-fit "
        "is given. --mesos-role names Marathon's --mesos_role for apps that set neither role nor "
        "acceptedResourceRoles (default *).",
        "Safety rules, each named when it refuses, and all overridden by --force: no-leader (no "
        "Mesos master is leading), agents-recovering (more than --max-change of the agents are "
        "still to re-register after a master failover), empty-agent-list, agent-drop (the agent "
        "count fell by more than --max-change since the last accepted run; default 20%, written "
        "as 20% or 0.2) and, per app, max-change (the target is more than --max-change below the "
        "current instances). The last agent count is kept in "
        "$XDG_STATE_HOME/qctl/unique-CONTEXT.json (default ~/.local/state/qctl), or in "
        "--state-file. An app with a deployment in progress is skipped and reported; Marathon's "
        "409 is reported the same way. --force also sends ?force=true, which cancels such a "
        "deployment.",
        "An app whose upgradeStrategy has minimumHealthCapacity 1 is warned about: Marathon then "
        "starts a replacement before stopping an old instance, which cannot be placed when every "
        "eligible agent runs one, so restarts hang. --fix-upgrade-strategy writes "
        "minimumHealthCapacity 0.5 (0 for a single instance) and maximumOverCapacity 0 with the "
        "same PUT; Marathon restarts the app's tasks once for that change.",
        "--dry-run prints the plan and writes nothing. The plan (printed after the pass) has the "
        "columns APP, CURRENT, TARGET, ELIGIBLE, REASON and ACTION; -o wide adds UNFIT and "
        "DETAIL, -o json and -o yaml print every field, -o name prints app/ID lines. One line "
        "per write, skip or refusal goes to standard error. Exit status: 0 when every app is in "
        "sync or was synced, 1 when a safety rule refused (the rule is named), 6 when some apps "
        "failed or were held by a deployment; 2, 3, 4 and 5 as for every command.",
        "With --watch, sync becomes a long-running daemon. It runs a pass at start, then "
        "whenever the eligibility of the agents changes (Mesos is polled every --interval, "
        "default 5s), whenever Marathon's event stream (/v2/events, filtered to api_post_event, "
        "deployment_success, deployment_failed and app_terminated_event) reports something, and "
        "at least every --resync (default 60s). With --no-events, or when Marathon refuses the "
        "stream, Marathon is polled every interval instead. Lost connections, Marathon or Mesos "
        "restarts and leader failovers are logged and retried with back-off from 1s to 30s; "
        "nothing is written while no Mesos leader is elected. Each action is one line on "
        "standard error with a UTC timestamp, or one syslog message with --syslog (facility "
        "daemon, ident qctl-unique). SIGTERM stops it between passes with exit status 0 (SIGINT: "
        "130). Bad credentials end it with exit status 4.",
        "EXAMPLES for qctl unique sync:",
        "qctl unique sync --all-unique --dry-run qctl unique sync --app /infra/log-shipper --app "
        "/infra/node-exporter qctl unique sync --selector role=daemon --require-fit qctl unique "
        "sync --all-unique --watch --interval 10s --syslog /5  * * * qctl --context prod unique "
        "sync --all-unique -o name >/dev/null"}},
      {"qctl health",
       {
        "1. Checks the cluster the way a Nagios plugin does and exits with the state: 0 OK, 1 "
        "WARNING, 2 CRITICAL, 3 UNKNOWN. The checks are mesos (a leader is elected, every "
        "configured master answers /version, their versions agree), agents (the active share of "
        "registered plus unreachable agents; unreachable, deactivated and draining counts), "
        "marathon (/ping answers, a leader is known, the latency of GET /v2/info, deployments "
        "running longer than a limit, apps below their instance count with no deployment "
        "running, tasks failing their health checks), chronos (a leader, jobs queued longer than "
        "a limit, the length of the high-priority queue, enabled jobs whose last run failed) and "
        "docker (docker info on every agent over SSH). Without a CHECK, or with all, every check "
        "whose service the context configures runs; docker is part of all only when the context "
        "has an ssh section.",
        "2. The first line of the output is \"CHECK STATE - summary | perfdata\", with perfdata "
        "in the standard form label=value[UOM];warn;crit;min;max. Detail lines follow (one per "
        "master, agent, deployment, app or job worth naming). With several checks the first line "
        "is \"HEALTH STATE - …\" naming the non-OK checks first, then each check's own line with "
        "its details indented. -o json (or yaml) prints one document: status, exit_code, "
        "summary, elapsed_seconds and, per check, status, exit_code, summary, details and "
        "perfdata objects (label, value, uom, warning, critical, min, max). A context's default "
        "output does not apply: qctl health prints plugin text unless -o json or -o yaml is on "
        "the command line.",
        "3. Thresholds use the Nagios range syntax: \"10\" alerts outside 0..10, \"10:\" below "
        "10, \"~:10\" above 10, \"10:20\" outside 10..20, \"@10:20\" inside 10..20; an empty "
        "range switches a threshold off. --warning METRIC=RANGE and --critical METRIC=RANGE "
        "(repeatable, -w/-c) replace the defaults of one metric; METRIC is the perfdata label. "
        "The defaults:",
        "| metric | unit | warning | critical | meaning | | --- | --- | --- | --- | --- | | "
        "mesos_masters_down | | 0 | | configured masters that do not answer /version | | "
        "mesos_versions | | 1 | | distinct Mesos versions among the masters | | "
        "agents_active_pct | % | 90: | 75: | active agents in percent of registered plus "
        "unreachable | | agents_unreachable | | 0 | | agents the master marked unreachable | | "
        "agents_deactivated | | | | deactivated agents | | agents_draining | | | | draining or "
        "drained agents | | marathon_latency | s | 1 | 5 | time GET /v2/info took | | "
        "marathon_deployment_age | s | 600 | 1800 | age of the oldest running deployment | | "
        "marathon_apps_below | | 0 | | apps below their instance count, no deployment running | "
        "| marathon_unhealthy_tasks | | 0 | | tasks failing their health checks | | "
        "chronos_queued_age | s | 600 | 1800 | longest time a job has waited in a queue | | "
        "chronos_high_queue | | 10 | 50 | tasks in Chronos' high-priority queue | | "
        "chronos_failed_jobs | | 0 | | enabled jobs whose last run failed | | docker_failing | | "
        "| 0 | agents whose docker info failed or timed out |",
        "Some states do not depend on thresholds: no Mesos leader, no master answering, no "
        "Marathon or Chronos leader, or Marathon's /ping not answering is CRITICAL.",
        "4. --timeout bounds the whole run (default 30s), not each request: every request of "
        "every check shares one deadline, a little before the timeout so the answer is printed "
        "in time. A check that cannot finish by then is UNKNOWN (\"did not finish within 10s\"), "
        "and the others still report. A master that hangs is given half of the time, so the "
        "mesos check still judges the others. The docker check gives each agent --docker-timeout "
        "(default 10s) for the SSH connection and docker info together, and asks "
        "--docker-parallel agents at once (default 8).",
        "5. How failures map to states: a service that refuses the connection or answers an HTTP "
        "error (a 503, say) is CRITICAL; a timeout at the deadline, refused credentials "
        "(401/403), a missing URL for a check named on the command line, and an agent SSH cannot "
        "reach (refused, unknown host key, no accepted key) are UNKNOWN: they say nothing about "
        "the service. For the docker check, a daemon that answers with an error (not running) or "
        "not at all within the timeout is CRITICAL for that agent; the other agents are still "
        "reported. SSH uses the qctl ssh settings (the context's ssh section, ~/.ssh/config, "
        "known_hosts); it never prompts, and an agent whose host key is not known is UNKNOWN. "
        "When several checks run, the exit status is the worst state, in the order OK < WARNING "
        "< UNKNOWN < CRITICAL.",
        "6. Bad arguments (an unknown check, metric or flag, a malformed range or duration, -o "
        "name) exit 3 UNKNOWN with \"HEALTH UNKNOWN - <reason>\" on standard output and the "
        "usual \"qctl: health: …\" line on standard error, as Nagios plugins do, rather than "
        "qctl's usage status 2, which a monitoring system would read as CRITICAL. So does a "
        "missing or broken configuration. (Global options given before the word health, such as "
        "qctl --timeout x health, are parsed by qctl itself and exit 2.)",
        "7. The Chronos queue age is an estimate, because Chronos has no API listing its queues: "
        "a scheduled job waits since its schedule's start (Chronos moves the start forward on "
        "every launch), a dependent job since its parent's last success; a job triggered by hand "
        "has no known start and counts with age 0 (it is still listed). The high-priority queue "
        "length is Chronos' TaskManager.highQueueSize gauge from /metrics."}},
      {"qctl restart",
       {
        "1. Restarts Marathon apps with a rolling deployment, or kills single tasks so that "
        "Marathon replaces them. Every verb takes --dry-run, which reads the same things, says "
        "what would happen on standard error and changes nothing.",
        "2. With --if-unhealthy only the apps (or tasks) that need it are touched: an app with "
        "tasks failing their health checks or fewer tasks running than its instance count; a "
        "task with a failing health check result. So a cron line can be qctl restart app --all "
        "--if-unhealthy. An unhealthy app whose deployment is still running is skipped (Marathon "
        "would answer 409 \"App is locked by one or more deployments\") unless --force, which "
        "cancels that deployment."}},
      {"qctl restart app",
       {
        "1. POST /v2/apps/{id}/restart for each app named (or every app with --all), with "
        "force=true under --force. An app that does not exist exits 3 before anything is "
        "restarted. Without --wait qctl prints the deployment id and exits 0; with -o json or "
        "yaml it prints one object per app: app, action (restarted, skipped, would-restart, "
        "error), reason, deployment_id, version and outcome.",
        "2. --wait follows each deployment (GET /v2/deployments and GET /v2/apps/{id} twice a "
        "second) until it ends: exit 0 when every restart completed (the deployment is gone and "
        "every instance runs the new version, healthy when the app has health checks), 1 when "
        "one failed or was rolled back, 5 when --wait-timeout (default 10m) passed first. On a "
        "terminal, a progress line on standard error shows instances replaced/total and healthy "
        "per app.",
        "3. Marathon never gives up on a deployment by itself: when new tasks keep failing it "
        "relaunches them with a growing back-off forever. qctl calls a restart failed once tasks "
        "of the new version have failed --fail-after times (default 3), seen in the app's "
        "lastTaskFailure; the deployment is left running (cancel it with DELETE "
        "/v2/deployments/{id}, which rolls the app back). A restart is \"rolled back\" when its "
        "deployment disappears while the app is at another version: a user cancelled it "
        "(Marathon then deploys the previous definition) or another deployment replaced it. A "
        "deployment that disappears with old instances still running (cancelled with force=true, "
        "no rollback) is a failure too."}},
      {"qctl restart task",
       {
        "1. DELETE /v2/apps/{app}/tasks/{task} for each task id: Marathon kills the task and "
        "launches a replacement. The app comes from the task id (Marathon's safe path, "
        "group_app.… for /group/app); a task id that is not one of a live app exits 3. --wipe "
        "adds wipe=true: the task's reservations and persistent volumes are released too "
        "(resident apps). --all needs --if-unhealthy: it kills every Marathon task whose health "
        "check fails (GET /v2/tasks); --all alone would kill every task and is refused."}},
      {"qctl ssh",
       {
        "Opens a shell, or runs COMMAND, inside the container of a running Mesos task, through "
        "SSH to the task's agent. TARGET is a Marathon app id (/team/web or team/web), a Chronos "
        "job name (its running task), or a Mesos task id, task-id prefix or glob (*, ?). The "
        "first of these that matches any task decides; only TASK_RUNNING tasks are entered.",
        "When several tasks match, qctl lists them (index, task id, agent, age, health) and asks "
        "on a terminal; without one it fails with exit status 2 and the list. --index N "
        "(1-based, in the listed order: agent hostname, then start time) or --host HOST (agent "
        "hostname or id) picks one. No match, or a target whose tasks are not running, fails "
        "with exit status 3 and the closest running names.",
        "For Docker containerizer tasks qctl runs docker exec -i [-t] [-u USER] [-w DIR] NAME "
        "CMD on the agent; NAME is mesos-<containerId>, or mesos-<agentId>.<containerId> on "
        "agents running Mesos 0.23 to 1.3 (taken from the agent's reported version). For Mesos "
        "containerizer tasks qctl reads the executor's pid from the agent's /containers and runs "
        "nsenter -t PID -a -r -w CMD, prefixed with sudo -n when the SSH user is not root. "
        "Without COMMAND it starts the local $SHELL if the container has it, else bash, else sh. "
        "Every word sent to the remote shell is single-quoted; ids read from the APIs are "
        "checked to hold only letters, digits, ., _, -.",
        "A PTY is allocated when stdin is a terminal (or with -t; -T never): the local terminal "
        "is in raw mode, window-size changes are forwarded, Ctrl-C and Ctrl-Z reach the remote "
        "program, and the terminal is restored however qctl ends (exit, error, SIGTERM/SIGHUP). "
        "Without a PTY, stdin, stdout and stderr are streamed separately and byte for byte, so "
        "qctl ssh web -- tar c /data > data.tar works; a first Ctrl-C is sent to the remote "
        "command as SIGINT, a second one ends the session.",
        "qctl exits with the remote command's status; a command killed by signal N gives 128+N.",
        "--print resolves everything and prints the task, agent, container and the equivalent "
        "OpenSSH command line without connecting.",
        "Each session appends one line to the audit log — time, local user, target, task, agent, "
        "container, exit status, command — at --audit-log FILE, else $QCTL_SSH_AUDIT_LOG, else "
        "$XDG_STATE_HOME/qctl/ssh-audit.log (~/.local/state/qctl/ssh-audit.log). With --syslog "
        "or QCTL_SSH_SYSLOG=1 the same line goes to syslog (AUTHPRIV, NOTICE, ident qctl).",
        "Keys. qctl authenticates with public keys only (and a password only when stdin is a "
        "terminal): ssh-agent (SSH_AUTH_SOCK), then the identity files from --identity, the "
        "context's ssh.identity and ~/.ssh/config, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa. "
        "Encrypted keys are used through ssh-agent. The user, port and identity come from, in "
        "order: flags (-l, -p, -i), the context (qctl config set-context NAME --ssh-user core "
        "--ssh-port 22 --ssh-identity ~/.ssh/cluster), ~/.ssh/config (Host, User, Port, "
        "IdentityFile, ProxyCommand, ProxyJump), then ssh's defaults. ~ and the .ssh directory "
        "come from $HOME.",
        "known_hosts. Agent host keys are checked against ~/.ssh/known_hosts (or --known-hosts "
        "FILE), and /etc/ssh/ssh_known_hosts. A key seen for the first time is refused with its "
        "SHA256 fingerprint (exit 4); compare it with ssh-keygen -lf "
        "/etc/ssh/ssh_host_ed25519_key.pub on the agent and pass --accept-new-host-key to record "
        "it. A key that differs from the recorded one is always refused, with the new "
        "fingerprint; after a legitimate reinstall remove the old line with ssh-keygen -R "
        "'[host]:port'. To pre-seed a fleet: ssh-keyscan -t ed25519 agent1 agent2 >> "
        "~/.ssh/known_hosts (after verifying).",
        "sudo. Entering a Mesos-containerizer task needs root on the agent (nsenter). Log in as "
        "root, or let the SSH user run nsenter without a password: core ALL=(root) NOPASSWD: "
        "/usr/bin/nsenter in /etc/sudoers.d/qctl. qctl runs sudo -n and never prompts; when sudo "
        "wants a password it stops with exit 4 and says so. Docker tasks need the SSH user to be "
        "allowed to run docker (usually the docker group).",
        "Bastion. For agents reachable only through a jump host set ssh.proxy-jump: "
        "ops@bastion.example.com:22 in the context (or -J), or ssh.proxy-command / "
        "--proxy-command (%h and %p are the agent's host and port). A jump host is reached with "
        "OpenSSH's ssh -W '[%h]:%p', using the same known_hosts file and, without a terminal, "
        "BatchMode=yes; the agent's own host key is still verified by qctl.",
        "Exit status: The remote command's status (128+N when it was killed by signal N). qctl's "
        "own failures: 2 usage (including several matches without a terminal), 3 no such running "
        "task, 4 host key or authentication refused (or sudo needs a password), 5 agent "
        "unreachable (closed port, proxy failure), 1 other API errors, 130 interrupted before "
        "the session started."}},
      {"qctl logs",
       {
        "qctl logs TARGET [FILE] prints a task's sandbox file — stdout unless FILE, --stderr or "
        "--all says otherwise — by reading it through the agent's /files/read endpoint, the same "
        "way the Mesos web UI does. TARGET is resolved exactly as for qctl ssh: a Marathon app "
        "id (/team/web), a Chronos job name, or a Mesos task id, task-id prefix or glob. Every "
        "running task that matches is read; when there are several, each line is prefixed with "
        "[TASK-ID]. With --all both stdout and stderr are read and each line is labelled "
        "[stdout] / [stderr] ([TASK-ID stderr] with several tasks). FILE is a path inside the "
        "sandbox, such as logs/app.log; an absolute path or one with .. is refused. When FILE "
        "does not exist the error lists what the sandbox holds (from /files/browse).",
        "The task's sandbox is found from the executor's directory in the agent's /state "
        "(running and completed executors); when the agent no longer lists it, the virtual path "
        "/frameworks/<framework>/executors/<executor>/runs/latest (Mesos 1.5 and later) is used. "
        "Every read sends an explicit offset (Mesos treats a missing offset as a size probe) and "
        "a length of at most 64 KiB, the agent's own limit. The bytes are written exactly as the "
        "agent returns them: binary data and UTF-8 characters split across reads come out intact.",
        "--tail N prints only the last N lines. qctl asks the agent for the file size "
        "(offset=-1) and reads backwards from the end, a few KiB first and then in 64 KiB steps, "
        "until it has seen N lines, so the tail of a 1 GB file costs a few requests, not a "
        "download. If N lines are not found within the last 1 MiB (or 8 KiB per line for large "
        "N), qctl says so on stderr and prints what it read, starting at a line or character "
        "boundary.",
        "-f/--follow keeps reading each file's end every 250 ms, so new output appears within a "
        "fraction of a second. Every 2 s qctl looks the target up again on the master: a new "
        "task of the app or job (a scale-up, or the replacement after a restart, a failure or a "
        "lost agent) is followed from its first byte, and an ended task is read to its end and "
        "dropped; each change is said on stderr (\"task … ended (TASK_FAILED); following its "
        "replacement …\"). When an agent stops answering, qctl says so, stops following the "
        "tasks on it and keeps following the others. Following a single task id ends when that "
        "task ends; following an app or job goes on, waiting for new tasks, until interrupted "
        "(Ctrl-C, exit status 130). A closed stdout (| head) ends it quietly.",
        "--previous reads the most recently finished task of the target instead (the newest "
        "terminal task the master remembers, from its completed tasks and the agent's completed "
        "executors): the way to see why an app keeps crashing. It cannot be combined with -f. "
        "--since D (30s, 5m, 2h) leaves out files not written to within D, from their "
        "modification time in /files/browse; Mesos keeps no per-line timestamps, so it does not "
        "cut inside a file.",
        "Exit status: 0; 2 for bad arguments; 3 when nothing matches TARGET, no finished task "
        "exists for --previous, or FILE is not in the sandbox; 5 when no agent of the matched "
        "tasks answers; 6 when some tasks' logs could not be read while others were printed."}},
      {"qctl events",
       {
        "qctl events follows Marathon's event bus, GET /v2/events, a Server-Sent Events stream. "
        "The request carries the header Accept: text/event-stream exactly (Marathon's Jetty "
        "servlet refuses anything else with 405). --type T (repeatable) is passed to Marathon as "
        "?event_type=T, so only those events are sent; --app ID keeps only events about that "
        "app, or about the apps of that group, including deployments that touch it. --count N "
        "exits after N printed events, for scripts that wait for one (--type deployment_success "
        "--app /web --count 1).",
        "Each event is printed on one line: TIME TYPE APP TASK STATE HOST MESSAGE, with - for "
        "empty fields (the task column holds the deployment id for deployment events, the "
        "instance id for instance and health events). -o json prints each event's JSON exactly "
        "as Marathon sent it, one per line (NDJSON), for jq and other tools.",
        "Any Marathon URL of the context may be used: a non-leader answers with a redirect to "
        "the leader, which is followed. When the stream ends — a leader change closes it, "
        "Marathon answers 502 while it has no leader, the connection drops, or nothing (not even "
        "the 10 s heartbeat) arrives for 35 s — qctl says so on stderr and reconnects after 0.5 "
        "s, doubling the wait up to 10 s, moving on to the next URL after a connection failure, "
        "and says when it is reconnected. Events Marathon sent while qctl was disconnected are "
        "lost: Marathon keeps no history. If no URL answers at all at the start, qctl gives up "
        "after three rounds (exit 5); 401/403 exit 4; other 4xx exit 1."}},
  };
  return prose;
}

}  // namespace qctl::cmd::man_pages
