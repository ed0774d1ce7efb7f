// /master/state-summary, /master/tasks and /master/roles.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

#include "sandbox/mesos/master_state.h"
#include "sandbox/mesos/render.h"

namespace qctl::sandbox::mesos {

namespace {

// The TASK_* counts /state-summary prints, in its order.
constexpr std::array<const char*, 10> kSummaryStates = {
    "TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_KILLING", "TASK_FINISHED",
    "TASK_KILLED",  "TASK_FAILED",   "TASK_LOST",    "TASK_ERROR",   "TASK_UNREACHABLE"};

struct Summary {
  std::array<std::int64_t, kSummaryStates.size()> counts{};
  std::set<std::string> peers;  // framework ids of an agent, agent ids of a framework

  void count(const std::string& state) {
    for (std::size_t i = 0; i < kSummaryStates.size(); ++i) {
      if (state == kSummaryStates[i]) {
        ++counts[i];
        return;
      }
    }
  }
  void write(JsonWriter& w, const char* peers_name) const {
    for (std::size_t i = 0; i < kSummaryStates.size(); ++i) {
      w.field_int(kSummaryStates[i], counts[i]);
    }
    w.key(peers_name);
    w.begin_array();
    for (const std::string& p : peers) {
      w.string(p);
    }
    w.end_array();
  }
};

// Counts from active, unreachable and completed tasks of registered frameworks.
void summarize(const MasterContext& ctx, const ClusterView& view,
               std::unordered_map<std::string, Summary>& agents,
               std::unordered_map<std::string, Summary>& frameworks) {
  for (const auto& fw : ctx.world.frameworks()) {
    if (ClusterView::completed(*fw)) {
      continue;
    }
    const FrameworkTasks& ft = view.tasks_of(fw->info.id);
    Summary& fs = frameworks[fw->info.id];
    for (const auto* list : {&ft.active, &ft.unreachable, &ft.completed}) {
      for (const SimTask* t : *list) {
        Summary& as = agents[t->agent_id];
        as.count(t->state);
        as.peers.insert(fw->info.id);
        fs.count(t->state);
        fs.peers.insert(t->agent_id);
      }
    }
  }
}

// The first status the master would have: the World's launch-time TASK_STAGING note is
// not one (see write_task), so a task still staging has none.
const model::TaskStatus* first_status(const SimTask* t) {
  for (const model::TaskStatus& s : t->statuses) {
    if (s.state != "TASK_STAGING" || s.container_status) {
      return &s;
    }
  }
  return nullptr;
}

// TaskComparator in readonly_handler.cpp: by the first status' timestamp; tasks without
// statuses come first ascending and last descending.
bool earlier(const SimTask* a, const SimTask* b) {
  const model::TaskStatus* x = first_status(a);
  const model::TaskStatus* y = first_status(b);
  if (x == nullptr || y == nullptr) {
    return x == nullptr && y != nullptr;
  }
  return x->timestamp < y->timestamp;
}

bool later(const SimTask* a, const SimTask* b) {
  const model::TaskStatus* x = first_status(a);
  const model::TaskStatus* y = first_status(b);
  if (x == nullptr || y == nullptr) {
    return y == nullptr && x != nullptr;
  }
  return x->timestamp > y->timestamp;
}

void write_quantities(JsonWriter& w, const std::map<std::string, double>& q) {
  w.begin_object();
  for (const auto& [name, value] : q) {
    w.field(name, value);
  }
  w.end_object();
}

// ResourceQuantities::fromResources: scalars by name, ranges by how many values.
void add_quantities(std::map<std::string, double>& q, const model::Resources& r) {
  const std::pair<const char*, double> scalars[] = {
      {"cpus", r.cpus}, {"mem", r.mem}, {"disk", r.disk}, {"gpus", r.gpus}};
  for (const auto& [name, value] : scalars) {
    if (value != 0) {
      q[name] = model::round3(q[name] + value);
    }
  }
  for (const auto& [name, value] : r.scalars) {
    if (value != 0) {
      q[name] = model::round3(q[name] + value);
    }
  }
  if (!r.ports.empty()) {
    q["ports"] += static_cast<double>(model::range_count(r.ports));
  }
}

// Master::knownRoles(): framework roles, reservation roles and their ancestors, sorted.
std::set<std::string> known_roles(const MasterContext& ctx) {
  std::set<std::string> roles;
  auto insert = [&roles](std::string role) {
    roles.insert(role);
    for (auto slash = role.rfind('/'); slash != std::string::npos; slash = role.rfind('/')) {
      role.resize(slash);
      roles.insert(role);
    }
  };
  for (const auto& fw : ctx.world.frameworks()) {
    if (!ClusterView::completed(*fw)) {
      for (const std::string& r :
           fw->info.roles.empty() ? std::vector<std::string>{"*"} : fw->info.roles) {
        insert(r);
      }
    }
  }
  for (const auto& a : ctx.world.agents()) {
    if (known_agent(ctx, *a)) {
      for (const auto& [role, r] : a->info.reserved) {
        insert(role);
      }
    }
  }
  return roles;
}

bool in_subtree(const std::string& role, const std::string& root) {
  return role == root || (role.size() > root.size() && role.compare(0, root.size(), root) == 0 &&
                          role[root.size()] == '/');
}

}  // namespace

std::string render_state_summary(const MasterContext& ctx) {
  ClusterView view(ctx.world, !recovering(ctx));
  std::unordered_map<std::string, Summary> agents;
  std::unordered_map<std::string, Summary> frameworks;
  summarize(ctx, view, agents, frameworks);
  static const Summary kEmpty;
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("hostname", ctx.self.hostname);
  if (!ctx.world.options().cluster.empty()) {
    w.field("cluster", ctx.world.options().cluster);
  }
  w.key("slaves");
  w.begin_array();
  for (const auto& a : ctx.world.agents()) {
    if (!known_agent(ctx, *a)) {
      continue;
    }
    w.begin_object();
    write_agent_fields(w, ctx.world, *a, false);
    auto it = agents.find(a->info.id);
    (it == agents.end() ? kEmpty : it->second).write(w, "framework_ids");
    w.end_object();
  }
  w.end_array();
  w.key("frameworks");
  w.begin_array();
  for (const auto& fw : ctx.world.frameworks()) {
    if (ClusterView::completed(*fw)) {
      continue;
    }
    w.begin_object();
    write_framework_summary(w, *fw, view.tasks_of(fw->info.id));
    auto it = frameworks.find(fw->info.id);
    (it == frameworks.end() ? kEmpty : it->second).write(w, "slave_ids");
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out;
}

std::string render_tasks(const MasterContext& ctx, const TasksQuery& query) {
  ClusterView view(ctx.world, !recovering(ctx));
  std::vector<std::pair<const SimTask*, const std::string*>> tasks;
  // Registered frameworks first, then completed ones; each: active, unreachable, completed.
  for (bool completed : {false, true}) {
    for (const auto& fw : ctx.world.frameworks()) {
      if (ClusterView::completed(*fw) != completed ||
          (query.framework_id && *query.framework_id != fw->info.id)) {
        continue;
      }
      const FrameworkTasks& ft = view.tasks_of(fw->info.id);
      for (const auto* list : {&ft.active, &ft.unreachable, &ft.completed}) {
        for (const SimTask* t : *list) {
          if (!query.task_id || *query.task_id == t->spec.id) {
            tasks.emplace_back(t, &fw->info.user);
          }
        }
      }
    }
  }
  // size_t arithmetic as in Mesos: limit=-1 is SIZE_MAX, and offset+limit may wrap.
  std::size_t end = std::min(query.offset + query.limit, tasks.size());
  auto by = query.ascending ? earlier : later;
  auto cmp = [by](const auto& a, const auto& b) { return by(a.first, b.first); };
  // Only the first `end` places matter (default limit 100 out of many thousands).
  std::partial_sort(tasks.begin(), tasks.begin() + static_cast<std::ptrdiff_t>(end), tasks.end(),
                    cmp);
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("tasks");
  w.begin_array();
  for (std::size_t i = query.offset; i < end; ++i) {
    write_task(w, *tasks[i].first, *tasks[i].second);
  }
  w.end_array();
  w.end_object();
  return out;
}

std::string render_roles(const MasterContext& ctx) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("roles");
  w.begin_array();
  // A new leader knows no task before the agents re-register.
  static const std::map<std::string, std::unique_ptr<SimTask>> kNoTasks;
  const auto& tasks = recovering(ctx) ? kNoTasks : ctx.world.active_tasks();
  for (const std::string& role : known_roles(ctx)) {
    std::map<std::string, double> allocated;
    std::map<std::string, double> reserved;
    std::map<std::string, double> reserved_used;
    for (const auto& [id, task] : tasks) {
      if (in_subtree(task->spec.role, role)) {
        add_quantities(allocated, task_resources(*task));
      }
      for (const auto& [taken_role, taken] : task->allocation.taken) {
        if (in_subtree(taken_role, role)) {
          add_quantities(reserved_used, taken);
        }
      }
    }
    for (const auto& a : ctx.world.agents()) {
      for (const auto& [reserved_role, r] : a->info.reserved) {
        if (known_agent(ctx, *a) && in_subtree(reserved_role, role)) {
          add_quantities(reserved, r);
        }
      }
    }
    // consumedQuota() = allocated + reservations nobody uses.
    std::map<std::string, double> consumed = allocated;
    for (const auto& [name, value] : reserved) {
      double unused = model::round3(value - (reserved_used.count(name) ? reserved_used[name] : 0));
      if (unused > 0) {
        consumed[name] = model::round3(consumed[name] + unused);
      }
    }
    std::vector<std::string> frameworks;
    for (const auto& fw : ctx.world.frameworks()) {
      const auto& roles = fw->info.roles;
      bool member =
          roles.empty() ? role == "*" : std::find(roles.begin(), roles.end(), role) != roles.end();
      if (member && !ClusterView::completed(*fw)) {
        frameworks.push_back(fw->info.id);
      }
    }
    w.begin_object();
    w.field("name", role);
    w.field("weight", 1.0);  // DEFAULT_WEIGHT; the sandbox sets no weights
    w.key("quota");
    w.begin_object();
    w.field("role", role);
    w.key("guarantee");
    write_quantities(w, {});
    w.key("limit");
    write_quantities(w, {});
    w.key("consumed");
    write_quantities(w, consumed);
    w.end_object();
    w.key("resources");
    write_quantities(w, allocated);  // allocated + offered; nothing is offered
    w.key("allocated");
    write_quantities(w, allocated);
    w.key("offered");
    write_quantities(w, {});
    w.key("reserved");
    write_quantities(w, reserved);
    w.key("frameworks");
    w.begin_array();
    for (const std::string& id : frameworks) {
      w.string(id);
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out;
}

}  // namespace qctl::sandbox::mesos
