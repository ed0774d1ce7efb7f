// `qctl status frameworks [NAME]`: registered frameworks with their tasks and resources.
#include <CLI/CLI.hpp>

#include "cmd/commands.h"
#include "cmd/list_output.h"
#include "cmd/status/status_cmds.h"
#include "core/error.h"
#include "core/mesos/master_client.h"
#include "core/model/mesos_json.h"
#include "core/output/units.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct StatusFrameworksOptions {
  std::string name;  // name, id or glob
};

std::string state_of(const model::Framework& f) {
  if (!f.active) {
    return f.connected ? "Inactive" : "Disconnected";
  }
  return "Active";
}

std::int64_t active_count(const model::Framework& f) {
  std::int64_t n = 0;
  for (const auto& [state, count] : f.task_counts) {
    if (!model::is_terminal_state(state) && state != "TASK_UNREACHABLE") {
      n += count;
    }
  }
  return n;
}

int run_status_frameworks(const StatusFrameworksOptions& opts, Context& ctx) {
  const auto summary = ctx.clients.mesos().state_summary();
  ListOutput list(ctx, {{"NAME"}, {"STATE"}, {"TASKS", false, true}, {"CPUS", false, true},
                   {"MEM", false, true}, {"GPUS", true, true}, {"ROLES", true}, {"ID", true},
                   {"WEBUI", true}});
  for (const auto& f : summary.frameworks) {
    if (!opts.name.empty() && f.name != opts.name && f.id != opts.name &&
        !util::glob_match(opts.name, f.name)) {
      continue;
    }
    list.add(
        [&] {
          return std::vector<std::string>{f.name, state_of(f), std::to_string(active_count(f)),
                                          util::format_number(f.used.cpus),
                                          output::format_mb(f.used.mem),
                                          util::format_number(f.used.gpus),
                                          util::join(f.roles, ","), f.id, f.webui_url};
        },
        [&] {
          auto item = model::to_json(f);
          item["state"] = state_of(f);
          return item;
        },
        "framework/" + f.name);
  }
  if (!opts.name.empty() && !util::is_glob(opts.name) && list.size() == 0) {  // a glob is a filter
    throw NotFoundError("framework '" + opts.name + "'", "no registered framework has that name or id");
  }
  print_list(ctx, list, "frameworks");
  return 0;
}

}  // namespace

void register_status_frameworks(CLI::App& status, Context& ctx) {
  auto opts = std::make_shared<StatusFrameworksOptions>();
  auto* cmd = status.add_subcommand("frameworks", "List registered frameworks and their usage");
  cmd->alias("framework");
  cmd->add_option("NAME", opts->name, "Framework name, id or name glob");
  set_examples(*cmd, "  qctl status frameworks\n  qctl status frameworks marathon -o yaml\n");
  cmd->callback([opts, &ctx] {
    ctx.selected = [opts, &ctx] { return run_status_frameworks(*opts, ctx); };
  });
}

}  // namespace qctl::cmd
