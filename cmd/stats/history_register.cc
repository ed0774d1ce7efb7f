// Registers the history verbs of `qctl stats` and what they share (database path, lock wait).
#include "cmd/commands.h"
#include "cmd/stats/history_cmds.h"
#include "core/error.h"
#include "core/stats/history/store.h"
#include "core/util/duration.h"

namespace qctl::cmd {

void register_stats_history(CLI::App& stats_app, Context& ctx) {
  register_stats_record(stats_app, ctx);
  register_stats_report(stats_app, ctx);
}

std::string history_db_path(const Context& ctx, const std::string& flag) {
  if (!flag.empty()) {
    return config::expand_home(flag, ctx.clients.env());
  }
  const auto& env = ctx.clients.env();
  if (auto path = stats::history::default_db_path(env("XDG_DATA_HOME"), env("HOME"))) {
    return *path;
  }
  throw ConfigError("stats history", "neither $XDG_DATA_HOME nor $HOME is set",
                    "give the database with --db PATH");
}

std::chrono::milliseconds parse_lock_timeout(const std::string& text) {
  const auto d = util::parse_duration(text);
  if (!d) {
    throw UsageError("--lock-timeout: '" + text + "' is not a duration (e.g. 5s, 500ms)");
  }
  return *d;
}

}  // namespace qctl::cmd
