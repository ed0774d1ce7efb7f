// `qctl status tasks [ID]`: Mesos tasks of every framework with state, host and age.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <future>
#include <string>
#include <vector>
#include <unordered_map>

#include "cmd/commands.h"
#include "cmd/list_output.h"
#include "cmd/status/status_cmds.h"
#include "core/error.h"
#include "core/mesos/master_client.h"
#include "core/model/mesos_json.h"
#include "core/output/units.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct StatusTasksOptions {
  std::string id;         // task id, prefix or glob
  bool all = false;       // include terminal tasks
  std::string state;      // TASK_RUNNING or RUNNING
  std::string framework;  // framework name or id
};

bool id_matches(const std::string& pattern, const std::string& id) {
  if (pattern.empty()) {
    return true;
  }
  if (pattern.find_first_of("*?") != std::string::npos) {
    return util::glob_match(pattern, id);
  }
  return util::starts_with(id, pattern);
}

/// "failed" or "TASK_FAILED" as Mesos writes it; a UsageError for a state Mesos does not have
/// (a typo would otherwise list nothing and exit 0 in a cron check).
std::string normalize_state(const std::string& s) {
  const auto upper = util::to_upper(s);
  const auto state = upper.empty() || util::starts_with(upper, "TASK_") ? upper : "TASK_" + upper;
  static const std::vector<std::string> kStates = {
      "TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_KILLING",  "TASK_FINISHED",
      "TASK_FAILED",  "TASK_KILLED",   "TASK_ERROR",   "TASK_LOST",     "TASK_DROPPED",
      "TASK_UNREACHABLE", "TASK_GONE", "TASK_GONE_BY_OPERATOR", "TASK_UNKNOWN"};
  if (!state.empty() && std::find(kStates.begin(), kStates.end(), state) == kStates.end()) {
    throw UsageError("--state: '" + s + "' is not a Mesos task state",
                     "one of staging, starting, running, killing, finished, failed, killed, "
                     "error, lost, dropped, unreachable, gone, gone_by_operator, unknown");
  }
  return state;
}

std::string container_text(const model::Task& t) {
  if (t.container_type.empty()) {
    return "MESOS";
  }
  return t.docker_image.empty() ? t.container_type : t.container_type + ":" + t.docker_image;
}

int run_status_tasks(const StatusTasksOptions& opts, Context& ctx) {
  const auto state = normalize_state(opts.state);  // before any request
  auto& mesos = ctx.clients.mesos();
  auto summary_future = std::async(std::launch::async, [&mesos] { return mesos.state_summary(); });
  const auto tasks = mesos.tasks();
  const auto summary = summary_future.get();
  std::unordered_map<std::string, std::string> hosts;
  std::unordered_map<std::string, std::string> frameworks;
  for (const auto& a : summary.agents) {
    hosts[a.id] = a.hostname;
  }
  for (const auto& f : summary.frameworks) {
    frameworks[f.id] = f.name;
  }
  ListOutput list(ctx, {{"NAME"}, {"STATE"}, {"HOST"}, {"FRAMEWORK"}, {"CPUS", false, true},
                   {"MEM", false, true}, {"CONTAINER", true}, {"AGENT ID", true}, {"AGE"}});
  for (const auto& t : tasks) {
    const auto& fw = frameworks[t.framework_id];
    if (!id_matches(opts.id, t.id) || (!state.empty() && t.state != state) ||
        (!opts.framework.empty() && fw != opts.framework && t.framework_id != opts.framework) ||
        (!opts.all && state.empty() && model::is_terminal_state(t.state))) {
      continue;
    }
    const auto& host = hosts[t.slave_id];
    list.add(
        [&] {
          return std::vector<std::string>{t.id, t.state, host, fw,
                                          util::format_number(t.resources.cpus),
                                          output::format_mb(t.resources.mem), container_text(t),
                                          t.slave_id,
                                          // A staging task has no status yet: no age.
                                          t.started() > 0
                                              ? util::format_age(ctx.clock.now() - t.started())
                                              : std::string()};
        },
        [&] {
          auto item = model::to_json(t);
          item["host"] = host;
          item["framework"] = fw;
          return item;
        },
        "task/" + t.id);
  }
  if (!opts.id.empty() && !util::is_glob(opts.id) && list.size() == 0) {  // a glob is a filter
    throw NotFoundError("task '" + opts.id + "'",
                        opts.all ? "no task has that id" : "no active task has that id",
                        opts.all ? "" : "add --all to include finished tasks");
  }
  print_list(ctx, list, "tasks");
  return 0;
}

}  // namespace

void register_status_tasks(CLI::App& status, Context& ctx) {
  auto opts = std::make_shared<StatusTasksOptions>();
  auto* cmd = status.add_subcommand("tasks", "List Mesos tasks with state, host and age");
  cmd->alias("task");
  cmd->add_option("ID", opts->id, "Task id, id prefix or glob");
  cmd->add_flag("-a,--all", opts->all, "Include finished, failed and killed tasks");
  cmd->add_option("--state", opts->state, "Only tasks in this state, e.g. TASK_FAILED or failed");
  cmd->add_option("--framework", opts->framework, "Only tasks of this framework (name or id)");
  set_examples(*cmd,
               "  qctl status tasks\n"
               "  qctl status tasks web. -o wide          # tasks whose id starts with 'web.'\n"
               "  qctl status tasks --state failed --framework chronos\n");
  cmd->callback([opts, &ctx] { ctx.selected = [opts, &ctx] { return run_status_tasks(*opts, ctx); }; });
}

}  // namespace qctl::cmd
