// `qctl unique sync`: one pass for cron, or --watch as a daemon.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdlib>

#include "cmd/commands.h"
#include "cmd/unique/unique_cmds.h"
#include "core/error.h"
#include "core/marathon/client.h"
#include "core/mesos/master_client.h"
#include "core/status/selector.h"
#include "core/unique/state_file.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

/// A positive duration flag ("5s"); throws UsageError naming the flag.
std::chrono::milliseconds duration_flag(const std::string& text, const char* flag) {
  const auto d = util::parse_duration(text);
  if (!d || d->count() <= 0) {
    throw UsageError(std::string(flag) + " must be a duration such as 5s or 1m, not '" + text +
                     "'");
  }
  return *d;
}

/// "20%" or "0.2" as a fraction; throws UsageError otherwise.
double parse_max_change(const std::string& text) {
  std::string_view t = util::trim(text);
  const bool pct = !t.empty() && t.back() == '%';
  if (pct) {
    t.remove_suffix(1);
  }
  char* end = nullptr;
  const std::string number(t);
  const double v = std::strtod(number.c_str(), &end);
  const double fraction = pct ? v / 100 : v;
  // NaN passes every comparison as false: it would switch the safety rules off.
  if (number.empty() || end != number.c_str() + number.size() || !std::isfinite(fraction) ||
      fraction < 0 || fraction > 1) {
    throw UsageError(
        "--max-change must be a percentage such as 20% or a fraction such as 0.2, "
        "not '" +
        text + "'");
  }
  return fraction;
}

unique::Selection selection_of(const UniqueSyncOptions& opts, Context& ctx) {
  const int ways =
      (opts.apps.empty() ? 0 : 1) + (opts.selector.empty() ? 0 : 1) + (opts.all_unique ? 1 : 0);
  if (ways > 1) {
    throw UsageError("--app, --selector and --all-unique select apps in different ways; use one");
  }
  unique::Selection s;
  s.app_ids = opts.apps;
  s.selector_text = opts.selector;
  s.all_unique = opts.all_unique;
  if (ways == 0) {
    const std::string fallback = ctx.clients.context().unique_apps;
    if (fallback.empty()) {
      throw UsageError("no apps selected",
                       "use --app ID, --selector label=value or --all-unique (or set "
                       "unique-apps in the context)");
    }
    s.all_unique = fallback == "all-unique";
    s.selector_text = s.all_unique ? "" : fallback;
  }
  if (!s.selector_text.empty()) {
    // Before any request: a bad selector is a usage error, under --watch too.
    s.selector = status::parse_selector(s.selector_text);
  }
  return s;
}

int run_unique_sync(const UniqueSyncOptions& opts, Context& ctx) {
  const ValidatedSync sync = validate_sync(opts, ctx);
  if (opts.watch) {
    return run_unique_watch(opts, sync, ctx);
  }
  auto& mesos = ctx.clients.mesos();
  auto& marathon = ctx.clients.marathon();
  const auto result = unique::sync_pass(
      mesos, marathon, sync.request, ctx.clock.now(),
      [&ctx](unique::Level, const std::string& line) { ctx.io.err << line << '\n'; });
  for (const auto& w : result.warnings) {
    ctx.io.err << "warning: " << w << '\n';
  }
  print_sync_result(ctx, result);
  const int code = result.exit_code();
  if (code == 1) {
    const auto& refusal =
        result.plan.refusal ? *result.plan.refusal : unique::Refusal{"max-change", ""};
    ctx.io.err << "qctl: unique sync: refused by safety rule " << refusal.rule
               << "; nothing was changed" << (result.plan.refusal ? "" : " for those apps") << '\n'
               << (refusal.rule == "no-leader"
                       ? "hint: an election may be in progress; try again shortly\n"
                       : "hint: check the cluster; --force overrides the rule\n");
  } else if (code == 6) {
    ctx.io.err << "qctl: unique sync: some apps were not synced (see above)\n";
  }
  return code;
}

}  // namespace

ValidatedSync validate_sync(const UniqueSyncOptions& opts, Context& ctx) {
  ValidatedSync v;
  unique::SyncRequest& r = v.request;
  r.plan.max_change = parse_max_change(opts.max_change);
  for (const auto& id : opts.apps) {
    (void)marathon::normalize_app_id(id);  // bad ids fail before any request
  }
  if (opts.watch && opts.dry_run) {
    throw UsageError("--dry-run and --watch do not go together",
                     "run 'qctl unique sync --dry-run' to see one plan");
  }
  v.watch.interval = duration_flag(opts.interval, "--interval");
  v.watch.resync = duration_flag(opts.resync, "--resync");
  v.watch.events = !opts.no_events;
  r.selection = selection_of(opts, ctx);
  r.plan.require_fit = opts.require_fit;
  r.plan.force = opts.force;
  r.plan.any_constraint = opts.any_constraint;
  r.plan.fix_upgrade_strategy = opts.fix_upgrade_strategy;
  r.plan.framework_role = opts.mesos_role;
  r.dry_run = opts.dry_run;
  r.state_path = opts.state_file.empty()
                     ? unique::state_path(ctx.clients.env(), ctx.clients.context().name)
                     : opts.state_file;
  return v;
}

void register_unique_sync(CLI::App& unique, Context& ctx) {
  auto opts = std::make_shared<UniqueSyncOptions>();
  auto* cmd = unique.add_subcommand(
      "sync", "Scale UNIQUE apps to their eligible agents, once or as a daemon (--watch)");
  cmd->add_option("--app", opts->apps, "App to sync (repeatable)")->take_all();
  cmd->add_option("--selector", opts->selector, "Apps whose labels match, e.g. role=daemon");
  cmd->add_flag("--all-unique", opts->all_unique,
                "Every app whose constraints include hostname:UNIQUE");
  cmd->add_flag("--any-constraint", opts->any_constraint,
                "Also sync apps named by --app/--selector that lack hostname:UNIQUE");
  cmd->add_flag("--require-fit", opts->require_fit,
                "Count only eligible agents with free resources for an instance");
  cmd->add_option("--max-change", opts->max_change,
                  "Largest drop allowed without --force, e.g. 20% (default) or 0.2");
  cmd->add_flag("--force", opts->force,
                "Override the safety rules and send ?force=true (cancels deployments)");
  cmd->add_flag("--fix-upgrade-strategy", opts->fix_upgrade_strategy,
                "Also set a restart-safe upgradeStrategy on UNIQUE apps that need one");
  cmd->add_flag("--dry-run", opts->dry_run, "Print the plan and change nothing");
  cmd->add_option("--mesos-role", opts->mesos_role,
                  "Marathon's --mesos_role, for apps without acceptedResourceRoles (default *)");
  cmd->add_option("--state-file", opts->state_file,
                  "Where the last agent count is kept (default "
                  "$XDG_STATE_HOME/qctl/unique-CONTEXT.json)");
  cmd->add_flag("--watch", opts->watch, "Keep syncing as agents join and leave, until SIGTERM");
  cmd->add_option("--interval", opts->interval, "--watch: how often Mesos is polled (default 5s)");
  cmd->add_option("--resync", opts->resync, "--watch: a full pass at least this often (60s)");
  cmd->add_flag("--no-events", opts->no_events,
                "--watch: poll Marathon every interval instead of following /v2/events");
  cmd->add_flag("--syslog", opts->syslog, "--watch: log to syslog (daemon facility), not stderr");
  set_examples(*cmd,
               "  qctl unique sync --all-unique --dry-run\n"
               "  qctl unique sync --app /infra/log-shipper --app /infra/node-exporter\n"
               "  qctl unique sync --selector role=daemon --require-fit\n"
               "  qctl unique sync --all-unique --watch --interval 10s --syslog\n");
  cmd->footer(
      "\nTarget instances = agents that are active, not deactivated, draining, drained or in a\n"
      "maintenance window, and that match the app's LIKE/UNLIKE/IS/CLUSTER constraints and\n"
      "acceptedResourceRoles. Nothing is written when no Mesos leader is elected, the agent\n"
      "list is empty or recovering, or it dropped by more than --max-change since the last\n"
      "run; an app whose target drops by more than --max-change is refused too. Exit status:\n"
      "0 in sync or synced, 1 refused by a safety rule (named), 6 some apps failed or were held\n"
      "by a deployment.\n" +
      cmd->get_footer());
  cmd->callback(
      [opts, &ctx] { ctx.selected = [opts, &ctx] { return run_unique_sync(*opts, ctx); }; });
}

}  // namespace qctl::cmd
