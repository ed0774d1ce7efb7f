// `qctl stats` and its verbs: shared option handling and the verbs' registration.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "cmd/context.h"
#include "cmd/stats/gather.h"
#include "core/stats/allocation.h"

namespace qctl::cmd {

void register_stats_fit(CLI::App& stats, Context& ctx);
void register_stats_board(CLI::App& stats, Context& ctx);

/// Keeps only the agents matching a kubectl-style attribute selector ("dc=bj1,rack!=r2");
/// throws UsageError for bad selector syntax.
void apply_selector(stats::ClusterInput& input, const std::string& selector);

/// Resolves --by: "" = the default grouping; an attribute no agent carries is a UsageError
/// naming the attributes that exist. `allow_special` admits role/framework/agent.
[[nodiscard]] stats::GroupBy resolve_group_by(const std::string& by,
                                              const std::vector<model::Agent>& agents,
                                              bool allow_special);

/// Writes each gather warning to stderr as "qctl: warning: …".
void print_warnings(Context& ctx, const std::vector<std::string>& warnings);
/// 0, or a PartialError (exit 6) when a source failed: the figures printed lack that part
/// (maintenance status unread: agents in a window count as free).
int complete_unless(const std::vector<std::string>& warnings, const std::string& command);

}  // namespace qctl::cmd
