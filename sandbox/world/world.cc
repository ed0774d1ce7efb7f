// The sandbox's cluster state: agents, frameworks, tasks and their resources.
#include "sandbox/world/world.h"

#include <algorithm>
#include <cmath>

namespace qctl::sandbox {

namespace {

bool is_terminal(const std::string& state) {
  return state == "TASK_FINISHED" || state == "TASK_FAILED" || state == "TASK_KILLED" ||
         state == "TASK_ERROR" || state == "TASK_LOST" || state == "TASK_DROPPED" ||
         state == "TASK_GONE" || state == "TASK_GONE_BY_OPERATOR" ||
         state == "TASK_UNREACHABLE";
}

void subtract_scalars(model::Resources& from, const model::Resources& what) {
  from.cpus = model::round3(from.cpus - what.cpus);
  from.mem = model::round3(from.mem - what.mem);
  from.disk = model::round3(from.disk - what.disk);
  from.gpus = model::round3(from.gpus - what.gpus);
}

void add_scalars(model::Resources& to, const model::Resources& what) {
  to.cpus = model::round3(to.cpus + what.cpus);
  to.mem = model::round3(to.mem + what.mem);
  to.disk = model::round3(to.disk + what.disk);
  to.gpus = model::round3(to.gpus + what.gpus);
}

// Ranges minus the ports in use, coalesced.
std::vector<model::Range> free_ranges(const std::vector<model::Range>& total,
                                      const std::set<std::uint64_t>& used) {
  std::vector<model::Range> out;
  for (const model::Range& r : total) {
    std::uint64_t begin = r.begin;
    for (auto it = used.lower_bound(r.begin); it != used.end() && *it <= r.end; ++it) {
      if (*it > begin) {
        out.push_back({begin, *it - 1});
      }
      begin = *it + 1;
    }
    if (begin <= r.end) {
      out.push_back({begin, r.end});
    }
  }
  return out;
}

}  // namespace

bool SimTask::terminal() const { return is_terminal(state); }

World::World(Options options, IdSource& ids, std::function<double()> now)
    : options_(std::move(options)), ids_(ids), now_(std::move(now)) {
  if (options_.master_id.empty()) {
    options_.master_id = ids_.uuid();
  }
}

std::unique_lock<std::mutex> World::lock() const { return std::unique_lock(mu_); }

SimAgent& World::add_agent(SimAgent agent) {
  if (agent.info.id.empty()) {
    agent.info.id = options_.master_id + "-S" + std::to_string(next_agent_++);
  }
  if (agent.info.pid.empty()) {
    agent.info.pid = "slave(1)@" + agent.ip + ":" + std::to_string(agent.info.port);
  }
  if (agent.info.version.empty()) {
    agent.info.version = options_.mesos_version;
  }
  if (agent.info.capabilities.empty()) {
    agent.info.capabilities = {"MULTI_ROLE",      "HIERARCHICAL_ROLE", "RESERVATION_REFINEMENT",
                               "RESOURCE_PROVIDER", "RESIZE_VOLUME",   "AGENT_OPERATION_FEEDBACK",
                               "AGENT_DRAINING",  "TASK_RESOURCE_LIMITS"};
  }
  agent.info.registered_time = now();
  agent.info.active = agent.usable();
  auto owned = std::make_unique<SimAgent>(std::move(agent));
  SimAgent& ref = *owned;
  agents_by_id_[ref.info.id] = &ref;
  agents_.push_back(std::move(owned));
  return ref;
}

SimAgent* World::agent(const std::string& id) {
  auto it = agents_by_id_.find(id);
  return it == agents_by_id_.end() ? nullptr : it->second;
}

bool World::schedulable(const SimAgent& a) const { return a.usable(); }

void World::unschedule(const MachineId& machine) {
  for (MaintenanceWindow& w : maintenance_) {
    std::erase(w.machines, machine);
  }
  std::erase_if(maintenance_, [](const MaintenanceWindow& w) { return w.machines.empty(); });
}

void World::remove_agent(const std::string& id, bool lost) {
  SimAgent* a = agent(id);
  if (a == nullptr) {
    return;
  }
  a->disconnected = false;
  if (lost) {
    a->connected = false;
  } else {
    a->removed = true;
  }
  a->info.active = false;
  auto ids = by_agent_[id];  // copy: update() edits the index
  for (const std::string& task_id : ids) {
    SimTask* t = task(task_id);
    if (t == nullptr) {
      continue;
    }
    if (runner_ != nullptr) {
      runner_->kill(*t);
    }
    // As the master's __removeSlave: frameworks that are not PARTITION_AWARE (Chronos) get
    // TASK_LOST, a terminal state, for a lost or a removed agent alike.
    const char* state = !partition_aware(t->spec.framework_id) ? "TASK_LOST"
                        : lost                                  ? "TASK_UNREACHABLE"
                                                                : "TASK_GONE_BY_OPERATOR";
    update(task_id, state, lost ? "Agent is unreachable" : "Agent was removed by the operator");
  }
}

bool World::partition_aware(const std::string& framework_id) const {
  for (const auto& f : frameworks_) {
    if (f->info.id == framework_id) {
      const auto& caps = f->info.capabilities;
      return std::find(caps.begin(), caps.end(), "PARTITION_AWARE") != caps.end();
    }
  }
  return false;
}

SimFramework& World::register_framework(model::Framework info, FrameworkListener* listener) {
  if (info.id.empty()) {
    char suffix[8];
    std::snprintf(suffix, sizeof suffix, "%04zu", next_framework_++);
    info.id = options_.master_id + "-" + suffix;
  }
  info.active = true;
  info.connected = true;
  info.registered_time = now();
  auto fw = std::make_unique<SimFramework>(SimFramework{std::move(info)});
  SimFramework& ref = *fw;
  listeners_[ref.info.id] = listener;
  frameworks_.push_back(std::move(fw));
  return ref;
}

std::vector<placement::AgentView> World::agent_views() const {
  std::vector<placement::AgentView> views;
  views.reserve(agents_.size());
  static const Usage kNone;
  for (const auto& a : agents_) {
    if (!schedulable(*a)) {
      continue;
    }
    auto u = used_.find(a->info.id);
    const Usage& usage = u == used_.end() ? kNone : u->second;
    placement::AgentView v;
    v.id = a->info.id;
    v.hostname = a->info.hostname;
    v.attributes = a->info.attributes;
    v.region = a->info.region;
    v.zone = a->info.zone;
    model::Resources unreserved = a->info.resources;
    for (const auto& [role, reserved] : a->info.reserved) {
      subtract_scalars(unreserved, reserved);
      model::Resources free = reserved;
      free.ports = free_ranges(reserved.ports, usage.ports);
      if (auto it = usage.by_role.find(role); it != usage.by_role.end()) {
        subtract_scalars(free, it->second);
      }
      v.free[role] = free;
    }
    unreserved.ports = free_ranges(a->info.unreserved.ports.empty() ? a->info.resources.ports
                                                                    : a->info.unreserved.ports,
                                   usage.ports);
    if (auto it = usage.by_role.find("*"); it != usage.by_role.end()) {
      subtract_scalars(unreserved, it->second);
    }
    v.free["*"] = unreserved;
    views.push_back(std::move(v));
  }
  return views;
}

SimTask& World::launch(TaskSpec spec, const placement::Allocation& where) {
  auto task = std::make_unique<SimTask>();
  task->spec = std::move(spec);
  task->agent_id = where.agent_id;
  task->executor_id = task->spec.id;
  task->container_id = ids_.uuid();
  task->ports = where.ports;
  task->allocation = where;
  task->launched_at = now();
  for (const auto& [role, taken] : where.taken) {
    add_scalars(used_[where.agent_id].by_role[role], taken);
  }
  used_[where.agent_id].ports.insert(where.ports.begin(), where.ports.end());
  SimTask& ref = *task;
  by_agent_[where.agent_id].insert(ref.spec.id);
  active_[ref.spec.id] = std::move(task);
  ref.statuses.push_back(model::TaskStatus{"TASK_STAGING", now(), std::nullopt, std::nullopt});
  if (runner_ != nullptr) {
    if (SimAgent* a = agent(where.agent_id); a != nullptr) {
      runner_->launch(ref, *a);
    }
  }
  return ref;
}

bool World::kill(const std::string& id) {
  const std::string task_id = id;
  SimTask* t = task(task_id);
  if (t == nullptr || t->terminal()) {
    return false;
  }
  if (runner_ != nullptr) {
    runner_->kill(*t);
  } else {
    update(task_id, "TASK_KILLED", "Killed");
  }
  return true;
}

void World::update(const std::string& id, const std::string& state,
                   const std::string& message, std::optional<bool> healthy) {
  const std::string task_id = id;  // callers often pass a reference into the task itself
  auto it = active_.find(task_id);
  if (it == active_.end()) {
    return;  // a late update for a task already gone (e.g. killed with its agent)
  }
  SimTask& t = *it->second;
  model::ContainerStatus cs;
  cs.container_id = t.container_id;
  if (SimAgent* a = agent(t.agent_id); a != nullptr) {
    cs.ip_addresses = {a->ip};
  }
  // As the master's updateTask and the agent's updateTaskState: an update in the state the
  // task is already in replaces the last status (a health change keeps one TASK_RUNNING, whose
  // timestamp moves), so statuses never grow while health flaps.
  if (!t.statuses.empty() && t.statuses.back().state == state) {
    t.statuses.pop_back();
  }
  t.statuses.push_back(model::TaskStatus{state, now(), healthy, cs});
  t.state = state;
  t.message = message;
  if (healthy) {
    t.healthy = healthy;
  }
  if (is_terminal(state)) {
    t.finished_at = now();
  }
  if (auto l = listeners_.find(t.spec.framework_id); l != listeners_.end() && l->second) {
    l->second->on_status(t);
  }
  if (is_terminal(state)) {
    retire(task_id);
  }
}

void World::retire(const std::string& id) {
  const std::string task_id = id;  // `id` may be the map key erased below
  auto it = active_.find(task_id);
  std::unique_ptr<SimTask> t = std::move(it->second);
  active_.erase(it);
  Usage& usage = used_[t->agent_id];
  for (const auto& [role, taken] : t->allocation.taken) {
    subtract_scalars(usage.by_role[role], taken);
  }
  for (std::uint64_t p : t->ports) {
    usage.ports.erase(p);
  }
  by_agent_[t->agent_id].erase(task_id);
  ++ended_counts_[t->state];
  auto& done = completed_[t->spec.framework_id];
  done.push_back(std::move(t));
  while (done.size() > options_.completed_tasks_per_framework) {
    done.pop_front();
  }
}

SimTask* World::task(const std::string& id) {
  auto it = active_.find(id);
  return it == active_.end() ? nullptr : it->second.get();
}

const std::set<std::string>& World::tasks_on(const std::string& agent_id) const {
  static const std::set<std::string> kEmpty;
  auto it = by_agent_.find(agent_id);
  return it == by_agent_.end() ? kEmpty : it->second;
}

std::map<std::string, model::Resources> World::used_by_role(const std::string& agent_id) const {
  auto it = used_.find(agent_id);
  return it == used_.end() ? std::map<std::string, model::Resources>{} : it->second.by_role;
}

model::Resources World::used_on(const std::string& agent_id) const {
  model::Resources total;
  auto it = used_.find(agent_id);
  if (it == used_.end()) {
    return total;
  }
  for (const auto& [role, r] : it->second.by_role) {
    add_scalars(total, r);
  }
  for (std::uint64_t p : it->second.ports) {
    if (!total.ports.empty() && total.ports.back().end + 1 == p) {
      total.ports.back().end = p;
    } else {
      total.ports.push_back({p, p});
    }
  }
  return total;
}

void World::tick() {
  if (runner_ != nullptr) {
    runner_->tick(now());
  }
}

}  // namespace qctl::sandbox
