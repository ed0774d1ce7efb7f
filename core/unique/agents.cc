// Agent eligibility: Mesos agent flags, drain state and maintenance windows; resource views.
#include "core/unique/agents.h"

#include <algorithm>

#include "core/stats/agent_resources.h"
#include "core/status/summary.h"
#include "core/util/strings.h"

namespace qctl::unique {

namespace {

bool covers(const model::MaintenanceWindow& w, const model::Agent& agent, const std::string& ip,
            double now) {
  if (now < w.start || (!w.open_ended && now >= w.start + w.duration)) {
    return false;
  }
  return std::any_of(w.machines.begin(), w.machines.end(), [&](const auto& m) {
    return util::iequals(m.hostname, agent.hostname) && (m.ip.empty() || m.ip == ip);
  });
}

}  // namespace

const char* agent_state_name(AgentState s) {
  switch (s) {
    case AgentState::kEligible:
      return "eligible";
    case AgentState::kInactive:
      return "inactive";
    case AgentState::kDeactivated:
      return "deactivated";
    case AgentState::kDraining:
      return "draining";
    case AgentState::kDrained:
      return "drained";
    case AgentState::kMaintenance:
      return "maintenance";
  }
  return "inactive";
}

AgentState classify(const model::Agent& agent, const std::vector<model::MaintenanceWindow>& windows,
                    double now) {
  switch (status::condition_of(agent)) {
    case status::AgentCondition::kDraining:
      return AgentState::kDraining;
    case status::AgentCondition::kDrained:
      return AgentState::kDrained;
    case status::AgentCondition::kDeactivated:
      return AgentState::kDeactivated;
    case status::AgentCondition::kDisconnected:
      return AgentState::kInactive;
    case status::AgentCondition::kReady:
      break;
  }
  if (!windows.empty()) {
    const std::string ip = agent.ip();
    for (const auto& w : windows) {
      if (covers(w, agent, ip, now)) {
        return AgentState::kMaintenance;
      }
    }
  }
  return AgentState::kEligible;
}

placement::AgentView total_view(const model::Agent& agent) {
  placement::AgentView v = stats::identity_view(agent);
  v.free["*"] = stats::unreserved_of(agent);
  for (const auto& [role, r] : agent.reserved) {
    v.free[role] = r;
  }
  return v;
}

}  // namespace qctl::unique
