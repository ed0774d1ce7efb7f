#include "core/mesos/decode_stream.h"

namespace qctl::mesos {

namespace {

enum Target : std::size_t {
  kSlaves,
  kTasks,
  kUnreachable,
  kCompleted,
  kDoneTasks,
  kDoneUnreachable,
  kDoneCompleted,
};

// The elements of list 0 (streams with one list); empty when there were none.
template <class T>
std::vector<T> only_list(std::map<std::size_t, std::vector<T>> lists) {
  auto it = lists.find(0);
  return it == lists.end() ? std::vector<T>{} : std::move(it->second);
}

}  // namespace

std::vector<json::ArraySplitter::Path> master_state_targets() {
  return {{"slaves"},
          {"frameworks", "tasks"},
          {"frameworks", "unreachable_tasks"},
          {"frameworks", "completed_tasks"},
          {"completed_frameworks", "tasks"},
          {"completed_frameworks", "unreachable_tasks"},
          {"completed_frameworks", "completed_tasks"}};
}

MasterStateStream::MasterStateStream()
    : agents_(decode_agent_into, kDecodeThreads),
      tasks_(decode_task_into, kDecodeThreads),
      splitter_(master_state_targets(),
                [this](std::size_t target, const std::vector<std::size_t>& indices,
                       std::string& element) { on_element(target, indices, element); }) {}

void MasterStateStream::on_element(std::size_t target, const std::vector<std::size_t>& indices,
                                   std::string& element) {
  if (target == kSlaves) {
    agents_.add(0, element);
    return;
  }
  const std::size_t framework = indices.empty() ? 0 : indices.front();
  const auto list = lists_.try_emplace({target, framework}, lists_.size()).first->second;
  tasks_.add(list, element);
}

void MasterStateStream::feed(std::string_view bytes) { splitter_.feed(bytes); }

model::MasterState MasterStateStream::finish() {
  auto state = decode_master_state(splitter_.finish());
  state.agents = only_list(agents_.finish());
  auto tasks = tasks_.finish();
  for (const auto& [where, list] : lists_) {
    const auto [target, framework] = where;
    const bool done = target >= kDoneTasks;
    auto& frameworks = done ? state.completed_frameworks : state.frameworks;
    if (framework >= frameworks.size()) {
      continue;
    }
    auto& f = frameworks[framework];
    const std::size_t kind = done ? target - kDoneTasks : target - kTasks;
    auto* member = kind == 0 ? &f.tasks : kind == 1 ? &f.unreachable_tasks : &f.completed_tasks;
    *member = std::move(tasks[list]);
  }
  return state;
}

TasksStream::TasksStream()
    : tasks_(decode_task_into, kDecodeThreads),
      splitter_({{"tasks"}},
                [this](std::size_t /*target*/, const std::vector<std::size_t>& /*indices*/,
                       std::string& element) { tasks_.add(0, element); }) {}

void TasksStream::feed(std::string_view bytes) { splitter_.feed(bytes); }

std::vector<model::Task> TasksStream::finish() {
  // The skeleton is {"tasks":[]}: decoding it checks the shape around the tasks.
  auto rest = decode_tasks(splitter_.finish());
  if (!rest.empty()) {
    throw json::DecodeError("unexpected tasks outside the streamed array");
  }
  return only_list(tasks_.finish());
}

SlavesStream::SlavesStream()
    : agents_(decode_agent_into, kDecodeThreads),
      splitter_({{"slaves"}},
                [this](std::size_t /*target*/, const std::vector<std::size_t>& /*indices*/,
                       std::string& element) { agents_.add(0, element); }) {}

void SlavesStream::feed(std::string_view bytes) { splitter_.feed(bytes); }

AgentList SlavesStream::finish() {
  // The skeleton keeps "recovered_slaves" (short: agents not yet back after a failover).
  auto rest = decode_slaves(splitter_.finish());
  if (!rest.agents.empty()) {
    throw json::DecodeError("unexpected agents outside the streamed array");
  }
  rest.agents = only_list(agents_.finish());
  return rest;
}

}  // namespace qctl::mesos
