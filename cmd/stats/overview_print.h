// Tables of `qctl stats`: allocation per group, roles, loaded and unavailable agents, shapes.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/stats/allocation.h"
#include "core/stats/fragmentation.h"

namespace qctl::cmd {

/// Everything `qctl stats` shows, computed.
struct StatsReport {
  stats::GroupBy by;
  std::vector<stats::GroupTotals> groups;
  stats::LoadExtremes extremes;
  std::vector<stats::AgentLoad> unavailable;
  std::vector<stats::ShapeFit> shapes;
};

struct PrintFlags {
  bool wide = false;
  bool headers = true;
};

/// The sections as kubectl-style tables separated by titled blank lines.
void print_stats_tables(std::ostream& out, const StatsReport& report, const PrintFlags& flags);

}  // namespace qctl::cmd
