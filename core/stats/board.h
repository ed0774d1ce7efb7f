// `qctl stats board`: every agent as one shaded cell, grouped, with a legend.
#pragma once

#include <string>
#include <vector>

#include "core/stats/allocation.h"

namespace qctl::stats {

struct BoardOptions {
  int width = 80;      // terminal columns (0 or less: 80); cells wrap inside them
  bool color = false;  // ANSI 256-colour cells instead of characters
};

/// The shade of a load in [0, 1]: 0 (< 20%) … 4 (>= 80%).
[[nodiscard]] int shade_of(double load);

/// The board as text: per group a header ("bj1  120 agents  cpus 45%  mem 30%  2 unavailable")
/// and its cells (one per agent, in hostname order, wrapped), then the legend. Without
/// colour the cells are `.` `-` `+` `*` `#` by shade and `x` for an unavailable agent.
[[nodiscard]] std::string render_board(const std::vector<AgentLoad>& loads,
                                       const BoardOptions& options);

}  // namespace qctl::stats
