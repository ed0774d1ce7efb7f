// Column lists of the history tables, shared by the SQLite store and its schema.
#pragma once

#include <cstddef>
#include <string>

#include "core/stats/history/snapshot.h"

namespace qctl::stats::history {

/// group_samples value columns: agents, unavailable, then <resource>_{total,allocated,
/// reserved,free} in kResources order.
inline constexpr std::size_t kValueColumns = 2 + kResourceCount * 4;
[[nodiscard]] std::string value_columns();
/// agents, unavailable, then <resource>_{total,allocated}: what a report reads.
[[nodiscard]] std::string allocation_columns();
/// The snapshots counter columns in kCounterNames order, comma-separated.
[[nodiscard]] std::string counter_columns();

}  // namespace qctl::stats::history
