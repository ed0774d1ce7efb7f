// Snapshots and files for the stats history tests: a synthetic snapshot, a temporary
// database path, raw file reads and edits.
#pragma once

#include <fstream>
#include <string>

#include "core/stats/history/snapshot.h"
#include "tests/support/run_qctl.h"

namespace qctl::testing {

/// A snapshot of `context` at `t` with one "cluster" group and one "dc" grouping of the
/// given groups; cpus allocated = `cpus_used` of 10 per group, mem half of 1000.
inline stats::history::Snapshot make_snapshot(double t, const std::vector<std::string>& dcs,
                                              double cpus_used,
                                              const std::string& context = "prod") {
  stats::history::Snapshot s;
  s.taken_at = t;
  s.context = context;
  s.default_dimension = "dc";
  auto group = [&](const std::string& dim, const std::string& name, double n) {
    stats::history::GroupSample g;
    g.dimension = dim;
    g.name = name;
    g.values.agents = static_cast<std::int64_t>(n);
    g.values.resources[0] = {10 * n, cpus_used * n, 1 * n, (10 - cpus_used) * n};
    g.values.resources[1] = {1000 * n, 500 * n, 0, 500 * n};
    return g;
  };
  s.groups.push_back(group("cluster", "all", static_cast<double>(dcs.size())));
  for (const auto& dc : dcs) {
    s.groups.push_back(group("dc", dc, 1));
  }
  s.task_states = {{"TASK_RUNNING", 3}};
  return s;
}

/// Sets the SQLite header's user_version (4 bytes big-endian at offset 60) of a closed file.
inline void set_user_version(const std::string& path, std::uint32_t v) {
  std::fstream f(path, std::ios::binary | std::ios::in | std::ios::out);
  f.seekp(60);
  const char bytes[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                         static_cast<char>(v >> 8), static_cast<char>(v)};
  f.write(bytes, 4);
}

}  // namespace qctl::testing
