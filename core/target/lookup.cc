// Target lookup against the master and the task's agent.
#include "core/target/lookup.h"

#include <algorithm>
#include <sstream>

#include "core/error.h"
#include "core/mesos/agent_client.h"
#include "core/mesos/master_client.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::target {
namespace {

/// Mesos versions ("1.3.2") compare by their numeric components.
bool version_below(const std::string& version, int major, int minor) {
  const auto parts = util::split(version, '.');
  if (parts.size() < 2) {
    return false;
  }
  try {
    const int ma = std::stoi(parts[0]);
    const int mi = std::stoi(parts[1]);
    return ma < major || (ma == major && mi < minor);
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

void throw_not_found(const std::string& target, const Resolution& res) {
  if (!res.not_running.empty()) {
    const TargetTask& last = res.not_running.front();
    throw NotFoundError(target,
                        "no running task (latest " + last.task_id + " is " + last.state + ")",
                        "see `qctl status tasks` for what runs now");
  }
  throw NotFoundError(target, "no app, job or task matches",
                      res.closest.empty() ? "see `qctl status tasks` for running tasks"
                                          : "closest names: " + util::join(res.closest, ", "));
}

Inventory fetch_inventory(mesos::MasterClient& master) {
  Inventory inv;
  auto frameworks = master.frameworks();
  inv.frameworks = std::move(frameworks.frameworks);
  inv.completed_frameworks = std::move(frameworks.completed);
  inv.agents = master.agents().agents;
  return inv;
}

Resolution resolve_target(const std::string& target, mesos::MasterClient& master,
                          const ResolveOptions& options) {
  return resolve(target, fetch_inventory(master), options);
}

std::vector<TargetTask> narrow(const std::string& target, const Resolution& res, const Pick& pick) {
  if (res.tasks.empty()) {
    throw_not_found(target, res);
  }
  std::vector<TargetTask> left;
  for (const auto& t : res.tasks) {
    if (pick.host.empty() || t.agent_hostname == pick.host || t.agent_id == pick.host) {
      left.push_back(t);
    }
  }
  if (left.empty()) {
    throw UsageError(target + ": no matching task runs on host " + pick.host,
                     "drop --host to list the tasks and their hosts");
  }
  if (pick.index != 0) {
    if (pick.index < 1 || static_cast<std::size_t>(pick.index) > left.size()) {
      throw UsageError(target + ": --index " + std::to_string(pick.index) + " is out of range",
                       "there are " + std::to_string(left.size()) + " matching tasks");
    }
    return {left[static_cast<std::size_t>(pick.index - 1)]};
  }
  return left;
}

std::vector<std::string> describe_matches(const std::vector<TargetTask>& tasks, double now) {
  std::size_t id_width = 0;
  std::size_t host_width = 0;
  for (const auto& t : tasks) {
    id_width = std::max(id_width, t.task_id.size());
    host_width = std::max(host_width, t.agent_hostname.size());
  }
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const auto& t = tasks[i];
    std::ostringstream line;
    const std::string age = t.started > 0 ? util::format_age(now - t.started) : "";
    const char* health = !t.healthy ? "<none>" : *t.healthy ? "healthy" : "unhealthy";
    line << "  " << (i + 1) << "  " << t.task_id << std::string(id_width - t.task_id.size(), ' ')
         << "  " << t.agent_hostname << std::string(host_width - t.agent_hostname.size(), ' ')
         << "  " << (age.empty() ? "<none>" : age) << "  " << health;
    lines.push_back(line.str());
  }
  return lines;
}

void throw_ambiguous(const std::string& target, const std::vector<TargetTask>& tasks, double now) {
  std::string what = std::to_string(tasks.size()) + " tasks match:";
  for (const auto& line : describe_matches(tasks, now)) {
    what += "\n" + line;
  }
  throw UsageError(target + ": " + what, "choose one with --index N or --host HOST");
}

bool is_safe_id(const std::string& id) {
  if (id.empty() || id.front() == '-') {
    return false;
  }
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

std::string docker_name(const std::string& agent_version, const std::string& agent_id,
                        const std::string& container_id) {
  // DockerContainerizer: Mesos 0.23 to 1.3 named containers "mesos-<slaveId>.<containerId>";
  // 1.4 dropped the agent id (MESOS-7207 era naming).
  if (!agent_version.empty() && version_below(agent_version, 1, 4) &&
      !version_below(agent_version, 0, 23)) {
    return "mesos-" + agent_id + "." + container_id;
  }
  return "mesos-" + container_id;
}

const model::AgentExecutor* find_executor(const model::AgentState& state, const TargetTask& task,
                                          bool include_completed) {
  const auto holds = [&task](const std::vector<std::string>& ids) {
    return std::find(ids.begin(), ids.end(), task.task_id) != ids.end();
  };
  const model::AgentExecutor* found = nullptr;
  for (const auto& e : state.executors) {
    if (e.completed && !include_completed) {
      continue;
    }
    const bool same_executor = e.id == task.executor_id && e.framework_id == task.framework_id;
    if (!same_executor && !holds(e.task_ids) &&
        !(include_completed && holds(e.completed_task_ids))) {
      continue;
    }
    if (!e.completed) {
      return &e;  // a live executor wins over a completed one with the same id (a relaunch)
    }
    found = found != nullptr ? found : &e;
  }
  return found;
}

ContainerLocation locate_container(const TargetTask& task, mesos::AgentClient& agents) {
  if (task.agent_address.empty()) {
    throw NotFoundError(task.task_id, "its agent " + task.agent_id + " is not registered");
  }
  ContainerLocation loc;
  loc.docker = task.is_docker();
  loc.container_id = task.container_id;
  if (loc.container_id.empty()) {
    const auto state = agents.state(task.agent_address);
    if (const auto* ex = find_executor(state, task, false)) {
      loc.container_id = ex->container;
    }
  }
  if (loc.container_id.empty()) {
    throw NotFoundError(task.task_id,
                        "agent " + task.agent_hostname + " knows no container for it");
  }
  if (!is_safe_id(loc.container_id) || !is_safe_id(task.agent_id)) {
    throw ApiError(task.task_id, "unexpected characters in the container or agent id");
  }
  if (loc.docker) {
    loc.docker_name = docker_name(task.agent_version, task.agent_id, loc.container_id);
    return loc;
  }
  for (const auto& c : agents.containers(task.agent_address)) {
    if (c.container_id == loc.container_id) {
      loc.executor_pid = c.executor_pid;
      break;
    }
  }
  if (!loc.executor_pid || *loc.executor_pid <= 0) {
    throw NotFoundError(task.task_id, "agent " + task.agent_hostname +
                                          " reports no executor pid for container " +
                                          loc.container_id);
  }
  return loc;
}

}  // namespace qctl::target
