#include "core/status/summary.h"

#include <algorithm>

#include "core/util/strings.h"

namespace qctl::status {

AgentCondition condition_of(const model::Agent& agent) {
  if (agent.drain == model::DrainState::kDrained) {
    return AgentCondition::kDrained;
  }
  if (agent.drain == model::DrainState::kDraining) {
    return AgentCondition::kDraining;
  }
  if (agent.deactivated) {
    return AgentCondition::kDeactivated;
  }
  return agent.active ? AgentCondition::kReady : AgentCondition::kDisconnected;
}

const char* condition_name(AgentCondition c) {
  switch (c) {
    case AgentCondition::kReady:
      return "Ready";
    case AgentCondition::kDisconnected:
      return "Disconnected";
    case AgentCondition::kDeactivated:
      return "Deactivated";
    case AgentCondition::kDraining:
      return "Draining";
    case AgentCondition::kDrained:
      return "Drained";
  }
  return "Unknown";
}

bool in_maintenance(const model::Agent& agent, const model::MaintenanceStatus& m) {
  const auto address = agent.address();
  const auto ip = address.substr(0, address.rfind(':'));
  auto listed = [&](const model::Machine& machine) {
    return util::iequals(machine.hostname, agent.hostname) ||
           (!machine.ip.empty() && machine.ip == ip);
  };
  return std::any_of(m.draining.begin(), m.draining.end(), listed) ||
         std::any_of(m.down.begin(), m.down.end(), listed);
}

std::string status_text(const model::Agent& agent, const model::MaintenanceStatus& maintenance) {
  std::string text = condition_name(condition_of(agent));
  if (in_maintenance(agent, maintenance)) {
    text += ",Maintenance";
  }
  return text;
}

AgentCounts count_agents(const std::vector<model::Agent>& agents,
                         const model::MaintenanceStatus& maintenance) {
  AgentCounts c;
  c.total = static_cast<std::int64_t>(agents.size());
  for (const auto& a : agents) {
    switch (condition_of(a)) {
      case AgentCondition::kReady:
        ++c.ready;
        break;
      case AgentCondition::kDisconnected:
        ++c.disconnected;
        break;
      case AgentCondition::kDeactivated:
        ++c.deactivated;
        break;
      case AgentCondition::kDraining:
        ++c.draining;
        break;
      case AgentCondition::kDrained:
        ++c.drained;
        break;
    }
    if (in_maintenance(a, maintenance)) {
      ++c.maintenance;
    }
  }
  return c;
}

std::vector<ResourceLine> summarize_resources(const std::vector<model::Agent>& agents,
                                              const model::MaintenanceStatus& maintenance) {
  std::vector<ResourceLine> lines;
  for (const char* name : {"cpus", "mem", "disk", "gpus"}) {
    ResourceLine line;
    line.name = name;
    for (const auto& a : agents) {
      const double total = a.resources.scalar(name);
      const double used = a.used.scalar(name);
      line.total += total;
      line.allocated += used;
      for (const auto& [role, res] : a.reserved) {
        line.reserved += res.scalar(name);
      }
      if (condition_of(a) == AgentCondition::kReady && !in_maintenance(a, maintenance)) {
        line.free += std::max(0.0, model::round3(total - used));
      }
    }
    line.total = model::round3(line.total);
    line.allocated = model::round3(line.allocated);
    line.reserved = model::round3(line.reserved);
    line.free = model::round3(line.free);
    lines.push_back(line);
  }
  return lines;
}

std::map<std::string, std::int64_t> tasks_by_state(
    const std::vector<model::Framework>& frameworks) {
  std::map<std::string, std::int64_t> out;
  for (const auto& f : frameworks) {
    for (const auto& [state, n] : f.task_counts) {
      if (n > 0) {
        out[state] += n;
      }
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> ordered_task_states(
    const std::map<std::string, std::int64_t>& counts) {
  static const std::vector<std::string> kOrder = {
      "TASK_STAGING", "TASK_STARTING", "TASK_RUNNING",     "TASK_KILLING", "TASK_UNREACHABLE",
      "TASK_FINISHED", "TASK_FAILED",  "TASK_KILLED",      "TASK_LOST",    "TASK_ERROR",
      "TASK_DROPPED",  "TASK_GONE",    "TASK_GONE_BY_OPERATOR"};
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& state : kOrder) {
    if (const auto it = counts.find(state); it != counts.end()) {
      out.emplace_back(*it);
    }
  }
  for (const auto& entry : counts) {
    if (std::find(kOrder.begin(), kOrder.end(), entry.first) == kOrder.end()) {
      out.emplace_back(entry);
    }
  }
  return out;
}

std::int64_t active_tasks(const model::Agent& agent) {
  std::int64_t n = 0;
  for (const auto& [state, count] : agent.task_counts) {
    if (!model::is_terminal_state(state) && state != "TASK_UNREACHABLE") {
      n += count;
    }
  }
  return n;
}

MarathonSummary summarize_marathon(const std::vector<model::App>& apps,
                                   const std::vector<model::Deployment>& deps) {
  MarathonSummary s;
  s.apps = static_cast<std::int64_t>(apps.size());
  s.deployments = static_cast<std::int64_t>(deps.size());
  for (const auto& app : apps) {
    s.tasks_running += app.tasks_running;
    if (app.tasks_running < app.instances || app.tasks_unhealthy > 0) {
      s.attention.push_back({app.id, app.tasks_running, app.instances, app.tasks_unhealthy,
                             !app.deployment_ids.empty()});
    }
  }
  return s;
}

ChronosSummary summarize_chronos(const std::vector<model::JobSummary>& jobs) {
  ChronosSummary s;
  s.jobs = static_cast<std::int64_t>(jobs.size());
  for (const auto& j : jobs) {
    if (j.state == "queued") {
      ++s.queued;
    } else if (j.state.find("running") != std::string::npos) {
      ++s.running;
    }
    if (j.disabled) {
      ++s.disabled;
    }
    if (j.status == "failure") {
      s.failed.push_back(j.name);
    }
  }
  std::sort(s.failed.begin(), s.failed.end());
  return s;
}

}  // namespace qctl::status
