// Indexes of the World built for one master request.
#include "sandbox/mesos/cluster_view.h"

#include "sandbox/mesos/render.h"

namespace qctl::sandbox::mesos {

void add_scalars(model::Resources& to, const model::Resources& what) {
  to.cpus = model::round3(to.cpus + what.cpus);
  to.mem = model::round3(to.mem + what.mem);
  to.disk = model::round3(to.disk + what.disk);
  to.gpus = model::round3(to.gpus + what.gpus);
  for (const auto& [name, value] : what.scalars) {
    to.scalars[name] = model::round3(to.scalars[name] + value);
  }
}

ClusterView::ClusterView(const World& world, bool with_tasks) {
  for (const auto& fw : world.frameworks()) {
    users_[fw->info.id] = &fw->info.user;
    tasks_[fw->info.id];
  }
  if (!with_tasks) {
    return;
  }
  std::unordered_map<std::string, std::vector<std::uint64_t>> ports;
  for (const auto& [id, task] : world.active_tasks()) {
    FrameworkTasks& ft = tasks_[task->spec.framework_id];
    ft.active.push_back(task.get());
    add_scalars(ft.used, task->spec.resources);
    auto& p = ports[task->spec.framework_id];
    p.insert(p.end(), task->ports.begin(), task->ports.end());
  }
  for (auto& [fw, values] : ports) {
    tasks_[fw].used.ports = coalesce(std::move(values));
  }
  for (const auto& [fw, done] : world.completed_tasks()) {
    FrameworkTasks& ft = tasks_[fw];
    for (const auto& task : done) {
      (task->state == "TASK_UNREACHABLE" ? ft.unreachable : ft.completed).push_back(task.get());
    }
  }
}

bool ClusterView::registered(const SimAgent& agent) {
  return agent.connected && !agent.removed && !agent.down;
}

bool ClusterView::unreachable(const SimAgent& agent) { return !agent.connected && !agent.removed; }

bool ClusterView::active(const SimAgent& agent) { return agent.usable(); }

bool ClusterView::deactivated(const SimAgent& agent) {
  // Draining agents are deactivated too (docs/maintenance.md, reference §6).
  return agent.info.deactivated || agent.info.drain != model::DrainState::kNone;
}

const FrameworkTasks& ClusterView::tasks_of(const std::string& framework_id) const {
  static const FrameworkTasks kNone;
  auto it = tasks_.find(framework_id);
  return it == tasks_.end() ? kNone : it->second;
}

const std::string& ClusterView::user_of(const std::string& framework_id) const {
  static const std::string kEmpty;
  auto it = users_.find(framework_id);
  return it == users_.end() ? kEmpty : *it->second;
}

bool ClusterView::completed(const SimFramework& framework) {
  return framework.info.unregistered_time > 0;
}

}  // namespace qctl::sandbox::mesos
