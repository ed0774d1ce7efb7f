// `qctl queue`: what waits in Chronos' two queues and Marathon's launch queue.
#include "cmd/commands.h"
#include "cmd/queue/queue_cmds.h"

namespace qctl::cmd {

void register_queue(CLI::App& parent, Context& ctx) {
  auto* queue =
      parent.add_subcommand("queue", "See what waits and let an urgent job jump the queue");
  register_queue_list(*queue, ctx);
  register_queue_priority(*queue, ctx);
  set_examples(*queue,
               "  qctl queue list\n"
               "  qctl queue priority transcode-news high --run\n");
  help_when_alone(*queue, ctx);
}

}  // namespace qctl::cmd
