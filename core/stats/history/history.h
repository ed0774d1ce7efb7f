// The stored history a report reads: one grouping's samples and the snapshot counters over
// a time window, in compact form (30 days of one-minute snapshots load in well under 1 s).
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/stats/history/snapshot.h"

namespace qctl::stats::history {

/// Which history to load: one context, one grouping, snapshots with since <= taken_at <= until.
struct HistoryQuery {
  std::string context;
  std::string dimension;
  double since = 0;
  double until = 0;
  bool allocation_only = false;  // points carry only total and allocated (what reports use)
};

/// One group's values in one snapshot; `group` indexes History::groups.
struct GroupPoint {
  double taken_at = 0;
  std::uint32_t group = 0;
  GroupValues values;
};

/// The counters of one snapshot; NaN where the service was not read.
struct CounterPoint {
  double taken_at = 0;
  std::array<double, kCounterCount> values{};
  [[nodiscard]] bool has(std::size_t i) const { return !std::isnan(values[i]); }
};

struct History {
  std::string context;
  std::string dimension;
  std::vector<std::string> groups;
  std::vector<std::int64_t> group_ids;  // the store's id of each group, for scan_points
  std::vector<GroupPoint> points;       // by time, then group (when loaded)
  std::vector<CounterPoint> counters;   // one per snapshot, by time
};

/// What a database holds for one context.
struct ContextSummary {
  std::string context;
  std::int64_t snapshots = 0;
  double first = 0;
  double last = 0;
  std::string default_dimension;  // of the latest snapshot
};

}  // namespace qctl::stats::history
