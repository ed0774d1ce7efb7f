#include "cmd/man/prose.h"

#include <map>

namespace qctl::cmd::man_pages {

namespace {

using Table = std::map<std::string_view, std::vector<std::string_view>>;

const Table& table() {
  static const Table prose{
      {"qctl",
       {"qctl is one command-line tool for operators and developers of Apache Mesos clusters "
        "running Marathon and Chronos. It speaks the real Mesos, Marathon and Chronos HTTP APIs "
        "(leader redirects, non-leader proxies, Chronos 2.x and 3.x paths) and is built for "
        "scripts: documented exit codes, stable JSON, nothing half-printed.",
        "Clusters are named contexts in a config file (see qctl-config(1) and FILES); "
        "environment variables can pick or replace them (see ENVIRONMENT). Global options work "
        "before or after the command. Data goes to standard output; progress, warnings and "
        "errors go to standard error. Tables have upper-case headers, NAME first and AGE last, "
        "and no colour or truncation when standard output is not a terminal."}},
      {"qctl status",
       {"Without a verb, shows the whole cluster on one screen: the Mesos leader, its version "
        "and election time, every configured master, agents by condition, resources (total, "
        "allocated, reserved, free), frameworks and tasks by state, Marathon apps, tasks and "
        "deployments with the apps that need attention, and Chronos jobs by state and last "
        "result.",
        "The three services are read in parallel. When one is unreachable the others are still "
        "shown, the failed part reads ERROR with its reason (also printed to standard error), "
        "and the exit status is the worst part's. When every configured part fails, nothing is "
        "printed on standard output. With -o json or -o yaml the summary is one document with a "
        "stable schema: absent services are null, failed ones an error object with exit_code and "
        "message; memory and disk are in MB, as Mesos reports them.",
        "The verbs list agents, frameworks, Marathon apps and Mesos tasks as tables: -o wide adds "
        "columns, -o json or -o yaml prints an array of objects, -o name prints kind/name lines. "
        "A named item that does not exist exits 3; an empty list prints a note on standard error "
        "and exits 0."}},
      {"qctl status agents",
       {"STATUS is Ready, Disconnected, Deactivated, Draining or Drained, with ,Maintenance "
        "appended when the machine is in a maintenance window."}},
      {"qctl config",
       {"The config file holds named contexts, one of them current. A context lists the Mesos "
        "masters and the Marathon and Chronos URLs (any member: qctl finds the leader), "
        "credentials by file or environment variable, TLS settings, SSH defaults and a default "
        "output format.",
        "Secrets are never accepted on the command line. Inline password or token values in the "
        "file are accepted but discouraged: qctl warns when a file holding them is readable by "
        "group or others, and config view always shows <redacted>. set-context writes the file "
        "atomically with mode 0600."}},
      {"qctl completion",
       {"Prints the bash, zsh or fish script, the same one the package installs where each shell "
        "loads it by itself; source <(qctl completion bash) enables it for one shell session.",
        "Commands, flags, flag values and live names complete: context names, agent hostnames, "
        "framework names, Marathon app ids and Mesos task ids. The script calls the hidden qctl "
        "__complete, which walks qctl's own command tree. Live names come from a small "
        "per-context cache (see FILES); a stale cache is refreshed with a hard 1 s budget, so a "
        "down cluster never hangs the shell."}},
      {"qctl job",
       {"Chronos batch jobs, on Chronos 3.x (/v1/scheduler) or 2.x (/scheduler), detected. "
        "submit validates each job locally (name, ISO 8601 schedule, time zone, resources, the "
        "constraint operators Chronos really supports, uris against fetch, parents) and sends "
        "many at once over reused connections; run triggers a job now and says when Chronos "
        "would silently ignore the trigger (job queued, disabled, or running and not "
        "concurrent); status shows each job's state, last run, counts and next run.",
        "--wait exits 0 when the run succeeded, 1 when it failed and 5 on timeout. A batch in "
        "which some jobs failed exits 6 and names each one. An unknown job exits 3, although "
        "Chronos itself answers 400."}},
      {"qctl queue",
       {"list shows what waits: Chronos jobs in the high and the normal queue (with the queue "
        "sizes from /metrics) and Marathon's launch queue with what blocks each app. priority "
        "resubmits a job with highPriority changed and can trigger it: Chronos drains the high "
        "queue first, but a task already waiting changes queue only when Chronos requeues it, "
        "and nothing running is preempted."}},
      {"qctl sandbox",
       {"Runs, in the foreground, an embedded cluster that speaks the real HTTP APIs of Mesos "
        "masters and agents, Marathon v2 and Chronos (3.x, or 2.x with --chronos-api 2): leader "
        "redirects, realms, status codes, error bodies and JSON shapes as the real servers "
        "produce them. It prints its endpoints and writes a context (sandbox by default).",
        "Each agent has its own loopback address, 127.0.1.N. Tasks of Marathon apps and Chronos "
        "jobs are real processes in per-task sandbox directories, in their own PID, mount, UTS "
        "and IPC namespaces when qctl runs as root; --simulate replaces them with simulated "
        "tasks for clusters of thousands of agents. An admin API under /__sandbox/ adds, "
        "drains, deactivates and loses agents, fails leaders over and injects faults; see "
        "docs/sandbox.md.",
        "SIGINT, SIGTERM or SIGHUP stop it: every task it started is killed (SIGTERM, then "
        "SIGKILL after 3 s), every server closed, a temporary work directory removed; it exits "
        "0."}},
      {"qctl version",
       {"Prints the version and git commit of qctl and the versions of the libraries it links. "
        "With -o json or -o yaml they form one document; qctl --version prints one line, for "
        "scripts."}},
  };
  return prose;
}

}  // namespace

const std::vector<std::string_view>& prose_for(std::string_view command_path) {
  static const std::vector<std::string_view> kNone;
  if (const auto it = table().find(command_path); it != table().end()) {
    return it->second;
  }
  const auto it = ops_prose().find(command_path);
  return it == ops_prose().end() ? kNone : it->second;
}

}  // namespace qctl::cmd::man_pages
