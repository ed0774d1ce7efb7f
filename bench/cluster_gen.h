// Generates a synthetic Mesos cluster as real-shape JSON (/master/state, /master/state-summary,
// /master/slaves, /metrics/snapshot) for benchmarks at the 10,000-agent scale.
#pragma once

#include <cstddef>
#include <string>

namespace qctl::bench {

struct ClusterShape {
  std::size_t agents = 10000;
  std::size_t tasks = 200000;
  std::size_t frameworks = 4;
};

std::string master_state(const ClusterShape& shape);
std::string state_summary(const ClusterShape& shape);
std::string master_slaves(const ClusterShape& shape);
std::string master_tasks(const ClusterShape& shape);
std::string metrics_snapshot(const ClusterShape& shape);

}  // namespace qctl::bench
