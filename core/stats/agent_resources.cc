// Per-role use and free capacity of an agent (§2.1 and §6 of the Mesos reference).
#include "core/stats/agent_resources.h"

#include <algorithm>

#include "core/util/strings.h"

namespace qctl::stats {

namespace {

using Scalar = double model::Resources::*;
constexpr Scalar kScalars[] = {&model::Resources::cpus, &model::Resources::mem,
                               &model::Resources::disk, &model::Resources::gpus};

model::Resources minus(const model::Resources& a, const model::Resources& b) {
  model::Resources out;
  for (Scalar m : kScalars) {
    // No rounding: 0.0999 free must stay short of 0.1 (the placement epsilon absorbs crumbs).
    out.*m = std::max(0.0, a.*m - b.*m);
  }
  return out;
}

}  // namespace

std::map<std::string, model::Resources> used_per_reservation(const model::Agent& agent) {
  if (agent.has_full) {
    return agent.used_by_role;
  }
  std::map<std::string, model::Resources> out;
  model::Resources left = agent.used;
  for (const auto& [role, reserved] : agent.reserved) {
    model::Resources& taken = out[role];
    for (Scalar m : kScalars) {
      taken.*m = std::min(left.*m, reserved.*m);
      left.*m -= taken.*m;
    }
  }
  model::Resources& star = out["*"];
  for (Scalar m : kScalars) {
    star.*m = std::max(0.0, left.*m);
  }
  return out;
}

model::Resources unreserved_of(const model::Agent& agent) {
  const model::Resources& u = agent.unreserved;
  if (u.cpus > 0 || u.mem > 0 || u.disk > 0 || u.gpus > 0 || !u.ports.empty()) {
    return u;
  }
  model::Resources out = agent.resources;
  for (const auto& [role, reserved] : agent.reserved) {
    auto ports = model::subtract_ranges(out.ports, reserved.ports);
    out = minus(out, reserved);
    out.ports = std::move(ports);
  }
  return out;
}

placement::AgentView identity_view(const model::Agent& agent) {
  placement::AgentView v;
  v.id = agent.id;
  v.hostname = agent.hostname;
  v.attributes = agent.attributes;
  v.region = agent.region;
  v.zone = agent.zone;
  return v;
}

placement::AgentView free_view(const model::Agent& agent) {
  placement::AgentView v = identity_view(agent);
  v.free = free_per_role(agent);
  return v;
}

std::map<std::string, model::Resources> free_per_role(const model::Agent& agent) {
  std::map<std::string, model::Resources> out;
  const auto used = used_per_reservation(agent);
  const auto used_of = [&](const std::string& role) {
    auto it = used.find(role);
    return it == used.end() ? model::Resources{} : it->second;
  };
  for (const auto& [role, reserved] : agent.reserved) {
    model::Resources free = minus(reserved, used_of(role));
    free.ports = model::subtract_ranges(reserved.ports, agent.used.ports);
    out[role] = std::move(free);
  }
  const model::Resources unreserved = unreserved_of(agent);
  model::Resources free = minus(unreserved, used_of("*"));
  free.ports = model::subtract_ranges(unreserved.ports, agent.used.ports);
  out["*"] = std::move(free);
  return out;
}

MaintenanceIndex::MaintenanceIndex(const model::MaintenanceStatus& m) {
  for (const auto* list : {&m.draining, &m.down}) {
    for (const auto& machine : *list) {
      hosts_.insert(util::to_lower(machine.hostname));
      if (!machine.ip.empty()) {
        ips_.insert(machine.ip);
      }
    }
  }
}

bool MaintenanceIndex::contains(const model::Agent& agent) const {
  if (hosts_.empty() && ips_.empty()) {
    return false;
  }
  if (hosts_.contains(util::to_lower(agent.hostname))) {
    return true;
  }
  const auto address = agent.address();
  return ips_.contains(address.substr(0, address.rfind(':')));
}

}  // namespace qctl::stats
