// `qctl status`: the whole cluster on one screen (or one JSON document).
#include <CLI/CLI.hpp>

#include <sstream>

#include "cmd/commands.h"
#include "cmd/list_output.h"
#include "cmd/status/gather.h"
#include "cmd/status/print_cluster.h"
#include "cmd/status/status_cmds.h"

namespace qctl::cmd {

namespace {

int run_status_cluster(Context& ctx) {
  const auto view = gather_cluster(ctx);
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
