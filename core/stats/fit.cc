// What-if placement with the placement engine the sandbox schedules with.
#include "core/stats/fit.h"

#include <algorithm>
#include <unordered_map>

#include "core/stats/agent_resources.h"

namespace qctl::stats {

placement::Demand demand_of(const model::App& app, const std::string& framework_role) {
  placement::Demand d;
  d.cpus = app.cpus;
  d.mem = app.mem;
  d.disk = app.disk;
  d.gpus = app.gpus;
  d.ports = app.port_count;
  d.accepted_roles = app.accepted_resource_roles;
  d.framework_role = app.role.empty() ? framework_role : app.role;
  d.constraints = app.constraints;
  d.dialect = placement::Dialect::kMarathon;
  return d;
}

placement::Demand demand_of(const model::Job& job, const std::string& framework_role) {
  placement::Demand d;
  // Chronos' --mesos_task_cpu, --mesos_task_mem and --mesos_task_disk defaults.
  d.cpus = job.cpus > 0 ? job.cpus : 0.1;
  d.mem = job.mem > 0 ? job.mem : 128;
  d.disk = job.disk > 0 ? job.disk : 256;
  d.accepted_roles = framework_role == "*" ? std::vector<std::string>{"*"}
                                           : std::vector<std::string>{framework_role, "*"};
  d.framework_role = framework_role;
  d.constraints = job.constraints;
  d.dialect = placement::Dialect::kChronos;
  return d;
}

std::vector<placement::Placed> placed_of(const std::vector<model::MarathonTask>& tasks,
                                         const std::vector<model::Agent>& agents) {
  std::unordered_map<std::string, const model::Agent*> by_id;
  for (const auto& a : agents) {
    by_id.emplace(a.id, &a);
  }
  std::vector<placement::Placed> out;
  for (const auto& t : tasks) {
    if (!t.state.empty() && model::is_terminal_state(t.state)) {
      continue;
    }
    placement::Placed p;
    p.agent_id = t.slave_id;
    p.hostname = t.host;
    if (auto it = by_id.find(t.slave_id); it != by_id.end()) {
      p.attributes = it->second->attributes;
      p.region = it->second->region;
      p.zone = it->second->zone;
    }
    out.push_back(std::move(p));
  }
  return out;
}

FitResult simulate_fit(const ClusterInput& input, const GroupBy& by, const FitRequest& request) {
  const MaintenanceIndex maintenance(input.maintenance);
  std::vector<placement::AgentView> views;
  FitResult result;
  result.name = request.name;
  result.wanted = request.instances;
  result.existing = request.existing_instances;
  std::map<std::string, FitGroup> groups;
  std::unordered_map<std::string, std::string> group_of_agent;
  for (const auto& a : input.agents) {
    if (availability_with(a, maintenance) != Availability::kAvailable) {
      continue;
    }
    const std::string g = group_of(a, by, input.cluster);
    FitGroup& fg = groups[g];
    fg.group = g;
    ++fg.agents;
    group_of_agent[a.id] = g;
    views.push_back(free_view(a));
  }
  result.agents = views.size();
  auto plan = placement::place(views, request.demand, request.existing, request.instances);
  result.placed = plan.placed.size();
  std::map<std::string, std::size_t> per_agent;
  for (const auto& alloc : plan.placed) {
    FitGroup& fg = groups[group_of_agent[alloc.agent_id]];
    ++fg.placed;
    if (per_agent[alloc.agent_id]++ == 0) {
      ++fg.agents_used;
    }
  }
  for (auto& [name, fg] : groups) {
    result.groups.push_back(fg);
  }
  result.rejected = std::move(plan.rejected);
  result.rejected.insert(result.rejected.end(), plan.full.begin(), plan.full.end());
  for (const auto& r : result.rejected) {
    if (!r.verdict.fits && r.verdict.reject) {
      ++result.reasons[placement::reject_name(*r.verdict.reject)];
    }
  }
  return result;
}

}  // namespace qctl::stats
