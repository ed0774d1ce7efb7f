// Target resolution over the master's frameworks and agents.
#include "core/target/resolve.h"

#include <algorithm>
#include <functional>
#include <set>

#include "core/model/marathon.h"
#include "core/util/strings.h"

namespace qctl::target {
namespace {

constexpr std::string_view kChronosTaskPrefix = "ChronosTask:";

using util::is_glob;

/// Calls `f(task, framework)` for every task the inventory holds.
void each_task(const Inventory& inv,
               const std::function<void(const model::Task&, const model::Framework&)>& f) {
  for (const auto* list : {&inv.frameworks, &inv.completed_frameworks}) {
    for (const auto& fw : *list) {
      for (const auto* tasks : {&fw.tasks, &fw.unreachable_tasks, &fw.completed_tasks}) {
        for (const auto& t : *tasks) {
          f(t, fw);
        }
      }
    }
  }
}

bool is_marathon(const model::Framework& fw) {
  return util::to_lower(fw.name).find("marathon") != std::string::npos;
}

using Rule = std::function<bool(const TargetTask&)>;

/// The rules in precedence order; the first that matches any task decides the kind.
std::vector<std::pair<MatchKind, Rule>> rules(std::string_view target) {
  const std::string t(target);
  const std::string app = normalize_app_id(target);
  std::vector<std::pair<MatchKind, Rule>> out;
  out.emplace_back(MatchKind::kTaskId, [t](const TargetTask& x) { return x.task_id == t; });
  out.emplace_back(MatchKind::kAppId,
                   [app](const TargetTask& x) { return !x.app_id.empty() && x.app_id == app; });
  out.emplace_back(MatchKind::kJobName,
                   [t](const TargetTask& x) { return !x.job_name.empty() && x.job_name == t; });
  out.emplace_back(MatchKind::kTaskName, [t](const TargetTask& x) { return x.name == t; });
  if (is_glob(target)) {
    const std::string app_glob = t.front() == '/' ? t : "/" + t;
    out.emplace_back(MatchKind::kGlob, [t, app_glob](const TargetTask& x) {
      return util::glob_match(t, x.task_id) ||
             (!x.app_id.empty() && util::glob_match(app_glob, x.app_id)) ||
             (!x.job_name.empty() && util::glob_match(t, x.job_name));
    });
  } else {
    out.emplace_back(MatchKind::kPrefix,
                     [t](const TargetTask& x) { return util::starts_with(x.task_id, t); });
  }
  return out;
}

void sort_for_index(std::vector<TargetTask>& tasks) {
  std::sort(tasks.begin(), tasks.end(), [](const TargetTask& a, const TargetTask& b) {
    return std::tie(a.agent_hostname, a.started, a.task_id) <
           std::tie(b.agent_hostname, b.started, b.task_id);
  });
}

std::vector<std::string> running_names(const std::vector<TargetTask>& all) {
  std::set<std::string> names;
  for (const auto& t : all) {
    if (!t.running()) {
      continue;
    }
    if (!t.app_id.empty()) {
      names.insert(t.app_id);
    }
    if (!t.job_name.empty()) {
      names.insert(t.job_name);
    }
    names.insert(t.task_id);
  }
  return {names.begin(), names.end()};
}

}  // namespace

const char* match_kind_name(MatchKind kind) {
  switch (kind) {
    case MatchKind::kTaskId:
      return "task id";
    case MatchKind::kAppId:
      return "app";
    case MatchKind::kJobName:
      return "job";
    case MatchKind::kTaskName:
      return "task name";
    case MatchKind::kGlob:
      return "glob";
    case MatchKind::kPrefix:
      return "task id prefix";
    case MatchKind::kNone:
      break;
  }
  return "";
}

std::string normalize_app_id(std::string_view id) {
  std::string out(id);
  while (out.size() > 1 && out.back() == '/') {
    out.pop_back();
  }
  if (out.empty() || out.front() != '/') {
    out.insert(out.begin(), '/');
  }
  return out;
}

std::string app_id_of_task(const std::string& task_id) {
  const auto parsed = model::parse_marathon_task_id(task_id);
  if (!parsed || parsed->safe_app_id.empty()) {
    return "";
  }
  // Marathon path segments never hold '_', so the safe form converts back losslessly.
  std::string app = parsed->safe_app_id;
  std::replace(app.begin(), app.end(), '_', '/');
  return normalize_app_id(app);
}

std::string job_of_task(const std::string& task_id, const std::string& name) {
  if (util::starts_with(name, kChronosTaskPrefix)) {
    return name.substr(kChronosTaskPrefix.size());
  }
  // Chronos' TaskUtils: "ct:<due ms>:<attempt>:<job name>:<arguments>".
  const auto parts = util::split(task_id, ':');
  if (parts.size() >= 4 && parts[0] == "ct") {
    return parts[3];
  }
  return "";
}

AgentIndex index_agents(const Inventory& inventory) {
  AgentIndex out;
  out.reserve(inventory.agents.size());
  for (const auto& a : inventory.agents) {
    out.emplace(a.id, &a);
  }
  return out;
}

TargetTask make_target_task(const model::Task& task, const AgentIndex& agents) {
  TargetTask t;
  t.task_id = task.id;
  t.name = task.name;
  t.framework_id = task.framework_id;
  t.agent_id = task.slave_id;
  t.state = task.state;
  t.started = task.started();
  if (model::is_terminal_state(task.state) && !task.statuses.empty()) {
    t.stopped = task.statuses.back().timestamp;
  }
  t.healthy = task.healthy();
  t.container_type = task.container_type;
  t.container_id = task.container_id();
  t.executor_id = task.executor_id.empty() ? task.id : task.executor_id;
  t.docker_image = task.docker_image;
  t.user = task.user;
  if (const auto it = agents.find(task.slave_id); it != agents.end()) {
    const model::Agent* agent = it->second;
    t.agent_hostname = agent->hostname;
    t.agent_address = agent->address();
    t.agent_pid = agent->pid;
    t.agent_version = agent->version;
  }
  return t;
}

Resolution resolve(std::string_view target, const Inventory& inventory,
                   const ResolveOptions& options) {
  Resolution res;
  if (target.empty()) {
    return res;
  }
  const AgentIndex agents = index_agents(inventory);
  std::vector<TargetTask> all;
  each_task(inventory, [&](const model::Task& task, const model::Framework& fw) {
    TargetTask t = make_target_task(task, agents);
    t.framework_name = fw.name;
    if (is_marathon(fw)) {
      t.app_id = app_id_of_task(task.id);
    } else {
      t.job_name = job_of_task(task.id, task.name);
    }
    all.push_back(std::move(t));
  });
  for (const auto& [kind, rule] : rules(target)) {
    std::vector<TargetTask> matched;
    std::copy_if(all.begin(), all.end(), std::back_inserter(matched), rule);
    if (matched.empty()) {
      continue;
    }
    res.kind = kind;
    for (auto& t : matched) {
      (options.include_finished || t.running() ? res.tasks : res.not_running)
          .push_back(std::move(t));
    }
    break;
  }
  sort_for_index(res.tasks);
  std::sort(res.not_running.begin(), res.not_running.end(),
            [](const TargetTask& a, const TargetTask& b) { return a.started > b.started; });
  if (res.tasks.empty()) {
    res.closest = closest_names(target, running_names(all));
  }
  return res;
}

std::vector<std::string> closest_names(std::string_view target,
                                       const std::vector<std::string>& candidates,
                                       std::size_t limit) {
  const std::string low = util::to_lower(target);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& c : candidates) {
    const std::string lc = util::to_lower(c);
    std::size_t score = 0;  // 0: the target is part of the name
    if (lc.find(low) == std::string::npos) {
      const std::size_t d = util::edit_distance(low, lc);
      if (d > std::max<std::size_t>(2, std::max(low.size(), lc.size()) / 3)) {
        continue;
      }
      score = d;
    }
    scored.emplace_back(score, c);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [score, name] : scored) {
    if (out.size() == limit) {
      break;
    }
    out.push_back(name);
  }
  return out;
}

}  // namespace qctl::target
