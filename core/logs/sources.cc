#include "core/logs/sources.h"

#include <algorithm>

#include "core/error.h"
#include "core/mesos/agent_client.h"
#include "core/mesos/master_client.h"
#include "core/target/lookup.h"
#include "core/util/strings.h"

namespace qctl::logs {

namespace {

/// Each agent's /state read at most once per lookup: tasks on one agent share it.
class AgentStates {
 public:
  explicit AgentStates(mesos::AgentClient& agents) : agents_(agents) {}
  const model::AgentState& of(const std::string& address) {
    auto it = states_.find(address);
    if (it == states_.end()) {
      it = states_.emplace(address, agents_.state(address)).first;
    }
    return it->second;
  }

 private:
  mesos::AgentClient& agents_;
  std::map<std::string, model::AgentState> states_;
};

}  // namespace

std::string sandbox_directory(const target::TargetTask& task, const model::AgentState& state) {
  const auto* e = target::find_executor(state, task, true);
  if (e != nullptr && !e->directory.empty()) {
    return e->directory;
  }
  const std::string executor = task.executor_id.empty() ? task.task_id : task.executor_id;
  return "/frameworks/" + task.framework_id + "/executors/" + executor + "/runs/latest";
}

std::vector<TaskSandbox> select_running(const std::string& target, mesos::MasterClient& master,
                                        mesos::AgentClient& agents, target::MatchKind* kind) {
  const auto res = target::resolve_target(target, master);
  if (kind != nullptr) {
    *kind = res.kind;
  }
  AgentStates states(agents);
  std::vector<TaskSandbox> out;
  for (auto& t : target::narrow(target, res, {})) {
    std::string dir = sandbox_directory(t, states.of(t.agent_address));
    out.push_back({std::move(t), std::move(dir)});
  }
  return out;
}

TaskSandbox select_previous(const std::string& target, mesos::MasterClient& master,
                            mesos::AgentClient& agents) {
  const auto res = target::resolve_target(target, master, {.include_finished = true});
  const target::TargetTask* newest = nullptr;
  for (const auto& t : res.tasks) {
    if (t.stopped > 0 && (newest == nullptr || t.stopped > newest->stopped)) {
      newest = &t;
    }
  }
  if (newest == nullptr) {
    if (res.tasks.empty()) {
      target::throw_not_found(target, res);
    }
    throw NotFoundError(target, "no finished task the master remembers",
                        "without --previous, qctl logs reads the running task");
  }
  if (newest->agent_address.empty()) {
    throw NotFoundError(target, "task " + newest->task_id + " ran on agent " +
                                    newest->agent_id + ", which is gone");
  }
  return {*newest, sandbox_directory(*newest, agents.state(newest->agent_address))};
}

std::string label_for(const std::string& task_id, const std::string& file, bool several_tasks,
                      const FileSpec& spec) {
  if (several_tasks) {
    return spec.label_files ? task_id + " " + file : task_id;
  }
  return spec.label_files ? file : std::string();
}

Source make_source(const TaskSandbox& task, const std::string& file, bool several_tasks,
                   const FileSpec& spec) {
  Source s;
  s.key = task.task.task_id + "/" + file;
  s.label = label_for(task.task.task_id, file, several_tasks, spec);
  s.task_id = task.task.task_id;
  s.file = {task.task.agent_address, task.directory + "/" + file};
  return s;
}

std::vector<Source> make_sources(const std::vector<TaskSandbox>& tasks, const FileSpec& spec) {
  std::vector<Source> out;
  for (const auto& t : tasks) {
    for (const auto& f : spec.files) {
      out.push_back(make_source(t, f, tasks.size() > 1, spec));
    }
  }
  return out;
}

std::optional<double> file_mtime(FileReader& reader, const FileRef& file) {
  const auto slash = file.path.rfind('/');
  if (slash == std::string::npos || slash == 0) {
    return std::nullopt;
  }
  for (const auto& e : reader.browse({file.agent_address, file.path.substr(0, slash)})) {
    if (e.path == file.path) {
      return e.mtime;
    }
  }
  return std::nullopt;
}

std::string list_directory(FileReader& reader, const FileRef& directory) {
  std::vector<std::string> names;
  for (const auto& e : reader.browse(directory)) {
    const auto slash = e.path.rfind('/');
    names.push_back(e.path.substr(slash == std::string::npos ? 0 : slash + 1) +
                    (e.directory ? "/" : ""));
  }
  return names.empty() ? "(empty)" : util::join(names, ", ");
}

TargetWatch::TargetWatch(std::string target, target::MatchKind kind, mesos::MasterClient& master,
                         mesos::AgentClient& agents, FileSpec spec,
                         const std::vector<TaskSandbox>& initial)
    : target_(std::move(target)), kind_(kind), master_(master), agents_(agents),
      spec_(std::move(spec)), several_(initial.size() > 1) {
  for (const auto& t : initial) {
    known_[t.task.task_id] = t;
    order_.push_back(t.task.task_id);
  }
}

bool TargetWatch::single_task_target() const {
  return kind_ == target::MatchKind::kTaskId || kind_ == target::MatchKind::kTaskName;
}

std::vector<Source> TargetWatch::sources() const {
  std::vector<Source> out;
  for (const auto& id : order_) {
    for (const auto& f : spec_.files) {
      out.push_back(make_source(known_.at(id), f, several_, spec_));
    }
  }
  return out;
}

SourceUpdate TargetWatch::refresh(const std::vector<Source>& current) {
  SourceUpdate u;
  target::Resolution res;
  try {
    res = target::resolve_target(target_, master_);
  } catch (const NetworkError& e) {
    if (!master_warned_) {
      u.notices.push_back(std::string("cannot reach the Mesos master (") + e.what() +
                          "); still following the tasks found so far");
      master_warned_ = true;
    }
    u.sources = current;
    return u;
  }
  master_warned_ = false;
  std::vector<std::string> ended;
  for (const auto& id : order_) {
    if (std::none_of(res.tasks.begin(), res.tasks.end(),
                     [&](const target::TargetTask& t) { return t.task_id == id; })) {
      ended.push_back(id);
    }
  }
  std::vector<std::string> added;
  AgentStates states(agents_);
  for (const auto& t : res.tasks) {
    if (known_.count(t.task_id) > 0) {
      continue;
    }
    try {
      known_[t.task_id] = {t, sandbox_directory(t, states.of(t.agent_address))};
    } catch (const Error&) {
      continue;  // its agent is not answering yet: try again at the next refresh
    }
    order_.push_back(t.task_id);
    added.push_back(t.task_id);
  }
  // Pairs an ended task with a new one of the same app or job: found in this refresh
  // (a replacement after a failure) or earlier (a restart starts the new task first).
  std::vector<std::string> fresh = added;
  const auto take_partner = [&](const TaskSandbox& gone, std::vector<std::string>& pool) {
    for (auto it = pool.begin(); it != pool.end(); ++it) {
      const auto& t = known_.at(*it).task;
      if (t.app_id == gone.task.app_id && t.job_name == gone.task.job_name) {
        std::string id = *it;
        pool.erase(it);
        return id;
      }
    }
    return std::string();
  };
  for (const auto& id : ended) {
    std::string state = "gone";
    for (const auto& t : res.not_running) {
      state = t.task_id == id ? t.state : state;
    }
    std::string line = "task " + id + " ended (" + state + ")";
    const TaskSandbox& gone = known_.at(id);
    if (auto now_new = take_partner(gone, fresh); !now_new.empty()) {
      line += "; following its replacement " + now_new;
    } else if (auto earlier = take_partner(gone, unpaired_); !earlier.empty()) {
      line += "; replaced by " + earlier;
    }
    u.notices.push_back(line);
    known_.erase(id);
    order_.erase(std::find(order_.begin(), order_.end(), id));
  }
  for (const auto& id : fresh) {
    u.notices.push_back("following new task " + id);
    unpaired_.push_back(id);
  }
  // Forget candidates that ended themselves.
  unpaired_.erase(std::remove_if(unpaired_.begin(), unpaired_.end(),
                                 [&](const std::string& id) { return known_.count(id) == 0; }),
                  unpaired_.end());
  several_ = several_ || known_.size() > 1;
  if (known_.empty()) {
    u.done = single_task_target() || res.kind == target::MatchKind::kNone;
    if (!u.done && !waiting_told_) {
      u.notices.push_back("waiting for a new task of " + target_);
      waiting_told_ = true;
    }
  } else {
    waiting_told_ = false;
  }
  u.sources = sources();
  return u;
}

}  // namespace qctl::logs
