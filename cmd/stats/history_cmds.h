// `qctl stats record` and `qctl stats report`: the allocation history in a SQLite file.
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <string>

#include "cmd/context.h"

namespace qctl::cmd {

/// Registers `record` and `report` under the `stats` noun.
void register_stats_history(CLI::App& stats_app, Context& ctx);

void register_stats_record(CLI::App& stats_app, Context& ctx);
void register_stats_report(CLI::App& stats_app, Context& ctx);

/// --db, else $XDG_DATA_HOME/qctl/stats.db, else ~/.local/share/qctl/stats.db. Throws
/// ConfigError when neither variable is set.
std::string history_db_path(const Context& ctx, const std::string& flag);

/// Parses --lock-timeout; throws UsageError naming the flag.
std::chrono::milliseconds parse_lock_timeout(const std::string& text);

}  // namespace qctl::cmd
