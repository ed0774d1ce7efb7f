// `qctl restart`: rolling restarts of Marathon apps and kills of single tasks.
#include "cmd/commands.h"
#include "cmd/restart/restart_cmds.h"

namespace qctl::cmd {

void register_restart(CLI::App& parent, Context& ctx) {
  auto* restart = parent.add_subcommand(
      "restart", "Restart Marathon apps or tasks, or only the unhealthy ones");
  register_restart_app(*restart, ctx);
  register_restart_task(*restart, ctx);
  set_examples(*restart,
               "  qctl restart app /web --wait\n"
               "  qctl restart app --all --if-unhealthy          # a cron line\n"
               "  qctl restart task web.instance-3f1c…._app.1\n");
  help_when_alone(*restart, ctx);
}

}  // namespace qctl::cmd
