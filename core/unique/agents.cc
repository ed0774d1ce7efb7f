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

void subtract(double& from, double& amount) {
  const double taken = std::min(std::max(0.0, from), amount);
  from -= taken;
  amount -= taken;
}

/// The unreserved part: `unreserved_resources` when the master reports it, else the total
/// minus every reservation.
model::Resources unreserved_of(const model::Agent& agent) {
  if (agent.unreserved.cpus > 0 || agent.unreserved.mem > 0 || !agent.unreserved.ports.empty() ||
      agent.reserved.empty()) {
    model::Resources u = agent.reserved.empty() ? agent.resources : agent.unreserved;
    if (u.ports.empty()) {
      u.ports = agent.resources.ports;
    }
    return u;
  }
  model::Resources u = agent.resources;
  for (const auto& [role, r] : agent.reserved) {
    u.cpus -= r.cpus;
    u.mem -= r.mem;
    u.disk -= r.disk;
    u.gpus -= r.gpus;
  }
  return u;
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
  v.free["*"] = unreserved_of(agent);
  for (const auto& [role, r] : agent.reserved) {
    v.free[role] = r;
  }
  return v;
}

placement::AgentView free_view(const model::Agent& agent) {
  placement::AgentView v = total_view(agent);
  model::Resources used = agent.used;
  auto take = [&used](model::Resources& from) {
    subtract(from.cpus, used.cpus);
    subtract(from.mem, used.mem);
    subtract(from.disk, used.disk);
    subtract(from.gpus, used.gpus);
    from.ports = model::subtract_ranges(from.ports, used.ports);
  };
  take(v.free["*"]);
  for (auto& [role, r] : v.free) {
    if (role != "*") {
      take(r);
    }
  }
  return v;
}

}  // namespace qctl::unique
