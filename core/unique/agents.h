// Which Mesos agents can take a per-agent daemon at all: state, drain and maintenance.
#pragma once

#include <cstddef>
#include <vector>

#include "core/model/mesos.h"
#include "core/placement/placement.h"

namespace qctl::unique {

/// Why an agent is out, in the order the checks run; kEligible when it is in.
enum class AgentState {
  kEligible,
  kInactive,     // disconnected (active false without a deactivation or drain)
  kDeactivated,  // DEACTIVATE_AGENT
  kDraining,     // DRAIN_AGENT, tasks still terminating
  kDrained,
  kMaintenance,  // in a maintenance window that covers `now`
};
[[nodiscard]] const char* agent_state_name(AgentState s);

/// Classifies one agent. A machine matches a window when its hostname (case-insensitive)
/// and, if the window names one, its IP match (docs/maintenance.md).
[[nodiscard]] AgentState classify(const model::Agent& agent,
                                  const std::vector<model::MaintenanceWindow>& windows, double now);

/// What the agent has in total, per role ("*" = unreserved): for role and size checks.
[[nodiscard]] placement::AgentView total_view(const model::Agent& agent);
// What is free now is stats::free_view: `qctl stats fit` and `unique sync --require-fit`
// apply the same per-role rule.

/// Counts per state, for the summary and the safety rules.
struct AgentCounts {
  std::size_t listed = 0;     // agents the master lists (registered)
  std::size_t recovered = 0;  // known from the registry, not re-registered since a failover
  std::size_t eligible = 0;
  std::size_t inactive = 0;
  std::size_t deactivated = 0;
  std::size_t draining = 0;  // draining or drained
  std::size_t maintenance = 0;
};

}  // namespace qctl::unique
