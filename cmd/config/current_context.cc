// `qctl config current-context`: the name of the context commands use.
#include <ostream>

#include "cmd/commands.h"
#include "cmd/config/config_cmds.h"

namespace qctl::cmd {

namespace {

int run_config_current_context(Context& ctx) {
  const auto& cfg = ctx.clients.config();
  // The same choice every other command makes: --context, $QCTL_CONTEXT, current-context, else
  // "(env)" when QCTL_MESOS/MARATHON/CHRONOS alone describe the cluster; a name that is not
  // in the file is refused as everywhere else.
  ctx.io.out << config::resolve_context(cfg, ctx.globals.context, ctx.clients.env()).name << '\n';
  return 0;
}

}  // namespace

void register_config_current_context(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand("current-context", "Print the name of the current context");
  set_examples(*cmd, "  qctl config current-context\n");
  cmd->callback([&ctx] { ctx.selected = [&ctx] { return run_config_current_context(ctx); }; });
}

}  // namespace qctl::cmd
