// `qctl unique`: keep per-agent daemons (hostname:UNIQUE apps) at one instance per agent.
#include "cmd/commands.h"
#include "cmd/unique/unique_cmds.h"

namespace qctl::cmd {

void register_unique(CLI::App& parent, Context& ctx) {
  auto* unique = parent.add_subcommand(
      "unique", "Scale hostname:UNIQUE Marathon apps to the number of eligible agents");
  register_unique_sync(*unique, ctx);
  set_examples(*unique,
               "  qctl unique sync --all-unique --dry-run\n"
               "  qctl unique sync --app /infra/log-shipper --watch\n");
  help_when_alone(*unique, ctx);
}

}  // namespace qctl::cmd
