// Which Mesos agents can take a per-agent daemon at all: state, drain and maintenance.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/model/mesos.h"
#include "core/placement/placement.h"

namespace qctl::unique {

/// One maintenance window from GET /master/maintenance/schedule.
struct MaintenanceWindow {
  struct Machine {
    std::string hostname;
    std::string ip;
  };
  std::vector<Machine> machines;
  double start = 0;     // seconds since the epoch
  double duration = 0;  // seconds; 0 = open-ended (Mesos leaves `duration` out)
  bool open_ended = false;
};

/// Parses {"windows":[{"machine_ids":[{hostname,ip}],"unavailability":{"start":
/// {"nanoseconds":N},"duration":{"nanoseconds":N}}}]} ({} when nothing is scheduled).
/// Throws json::DecodeError on another shape.
[[nodiscard]] std::vector<MaintenanceWindow> decode_maintenance_schedule(std::string& body);

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

/// The agent's IP from its pid ("slave(1)@10.0.0.5:5051"), "" when the pid has none.
[[nodiscard]] std::string agent_ip(const model::Agent& agent);

/// Classifies one agent. A machine matches a window when its hostname (case-insensitive)
/// and, if the window names one, its IP match (docs/maintenance.md).
[[nodiscard]] AgentState classify(const model::Agent& agent,
                                  const std::vector<MaintenanceWindow>& windows, double now);

/// What the agent has in total, per role ("*" = unreserved): for role and size checks.
[[nodiscard]] placement::AgentView total_view(const model::Agent& agent);
/// What is free now. Mesos reports `used_resources` per agent, not per role, so usage is
/// taken from the unreserved part first and the rest from reserved roles in name order.
[[nodiscard]] placement::AgentView free_view(const model::Agent& agent);

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
