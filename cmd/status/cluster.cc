// `qctl status`: the whole cluster on one screen (or one JSON document).
#include <CLI/CLI.hpp>

#include <sstream>

#include "cmd/commands.h"
#include "cmd/list_output.h"
#include "cmd/status/gather.h"
#include "cmd/status/print_cluster.h"
#include "cmd/status/status_cmds.h"
#include "core/error.h"

namespace qctl::cmd {

namespace {

// Every configured part failed: nothing worth printing, one error line like any command.
void throw_if_all_failed(const status::ClusterView& view) {
  const status::PartError* worst = nullptr;
  for (const auto& [configured, error] :
       {std::pair{view.mesos.configured, &view.mesos.error},
        {view.marathon.configured, &view.marathon.error},
        {view.chronos.configured, &view.chronos.error}}) {
    if (!configured) {
      continue;
    }
    if (!*error) {
      return;
    }
    if (worst == nullptr || (*error)->code > worst->code) {
      worst = &**error;
    }
  }
  if (worst != nullptr) {
    throw Error(static_cast<ExitCode>(worst->code), "", worst->message, worst->hint);
  }
}

int run_status_cluster(Context& ctx) {
  // The overview is one screen or one document; it has no names to list. A context's default
  // `output: name` falls back to the table; an explicit -o name is a mistake worth saying.
  if (ctx.globals.output == "name") {
    throw UsageError("-o name: the status overview has no names to print; status "
                     "agents|frameworks|apps|tasks list them",
                     "qctl status apps -o name");
  }
  const auto view = gather_cluster(ctx);
  throw_if_all_failed(view);
  for (const auto* error : {&view.mesos.error, &view.marathon.error, &view.chronos.error}) {
    if (*error) {
      ctx.io.err << "qctl: " << (*error)->message << '\n';
    }
  }
  const auto format = ctx.format();
  if (format == output::Format::kJson || format == output::Format::kYaml) {
    print_document(ctx, status::to_json(view));
  } else {
    std::ostringstream out;
    print_cluster(out, view, {ctx.color(), ctx.clock.now()});
    ctx.io.out << out.str();
  }
  return view.exit_code();
}

}  // namespace

void register_status(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand(
      "status", "Show the cluster at a glance: masters, agents, resources, apps and jobs");
  set_examples(*cmd,
               "  qctl status                        # every configured service on one screen\n"
               "  qctl status -o json | jq .mesos.resources.cpus\n"
               "  qctl status agents --selector dc=bj1\n"
               "  qctl status apps /web\n"
               "  qctl status tasks --state TASK_FAILED --all\n");
  cmd->callback([cmd, &ctx] {
    if (cmd->get_subcommands().empty()) {
      ctx.selected = [&ctx] { return run_status_cluster(ctx); };
    }
  });
  register_status_agents(*cmd, ctx);
  register_status_frameworks(*cmd, ctx);
  register_status_apps(*cmd, ctx);
  register_status_tasks(*cmd, ctx);
}

}  // namespace qctl::cmd
