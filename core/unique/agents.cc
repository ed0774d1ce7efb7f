// Agent eligibility: Mesos agent flags, drain state and maintenance windows; resource views.
#include "core/unique/agents.h"

#include <algorithm>
#include <cstdint>

#include "core/stats/agent_resources.h"
#include "core/json/decode.h"
#include "core/util/strings.h"

namespace qctl::unique {

namespace {

MaintenanceWindow::Machine decode_machine(json::Value v) {
  MaintenanceWindow::Machine m;
  json::fields(v, [&](std::string_view key, json::Value value) {
    if (key == "hostname") {
      m.hostname = json::string(value);
    } else if (key == "ip") {
      m.ip = json::string(value);
    }
  });
  return m;
}

/// {"nanoseconds": N} as seconds.
double decode_time(json::Value v) {
  double seconds = 0;
  json::fields(v, [&](std::string_view key, json::Value value) {
    if (key == "nanoseconds") {
      seconds = json::number(value) / 1e9;
    }
  });
  return seconds;
}

MaintenanceWindow decode_window(json::Value v) {
  MaintenanceWindow w;
  w.open_ended = true;
  json::fields(v, [&](std::string_view key, json::Value value) {
    if (key == "machine_ids") {
      json::elements(value, [&](json::Value m) { w.machines.push_back(decode_machine(m)); });
    } else if (key == "unavailability") {
      json::fields(value, [&](std::string_view k, json::Value t) {
        if (k == "start") {
          w.start = decode_time(t);
        } else if (k == "duration") {
          w.duration = decode_time(t);
          w.open_ended = false;
        }
      });
    }
  });
  return w;
}

bool covers(const MaintenanceWindow& w, const model::Agent& agent, const std::string& ip,
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

placement::AgentView bare_view(const model::Agent& agent) {
  placement::AgentView v;
  v.id = agent.id;
  v.hostname = agent.hostname;
  v.attributes = agent.attributes;
  v.region = agent.region;
  v.zone = agent.zone;
  return v;
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

std::vector<MaintenanceWindow> decode_maintenance_schedule(std::string& body) {
  std::vector<MaintenanceWindow> out;
  json::parse(body, [&](json::Value root) {
    json::fields(root, [&](std::string_view key, json::Value value) {
      if (key == "windows") {
        json::elements(value, [&](json::Value w) { out.push_back(decode_window(w)); });
      }
    });
  });
  return out;
}

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

std::string agent_ip(const model::Agent& agent) {
  const auto at = agent.pid.find('@');
  if (at == std::string::npos) {
    return "";
  }
  const auto colon = agent.pid.rfind(':');
  return agent.pid.substr(
      at + 1, colon == std::string::npos || colon < at ? std::string::npos : colon - at - 1);
}

AgentState classify(const model::Agent& agent, const std::vector<MaintenanceWindow>& windows,
                    double now) {
  if (agent.drain == model::DrainState::kDraining) {
    return AgentState::kDraining;
  }
  if (agent.drain == model::DrainState::kDrained) {
    return AgentState::kDrained;
  }
  if (agent.deactivated) {
    return AgentState::kDeactivated;
  }
  if (!agent.active) {
    return AgentState::kInactive;
  }
  if (!windows.empty()) {
    const std::string ip = agent_ip(agent);
    for (const auto& w : windows) {
      if (covers(w, agent, ip, now)) {
        return AgentState::kMaintenance;
      }
    }
  }
  return AgentState::kEligible;
}

placement::AgentView total_view(const model::Agent& agent) {
  placement::AgentView v = bare_view(agent);
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
    from.ports = stats::subtract_ranges(from.ports, used.ports);
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
