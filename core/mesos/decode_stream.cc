#include "core/mesos/decode_stream.h"

#include "core/mesos/decode.h"

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

std::vector<json::ArraySplitter::Path> state_targets() {
  return {{"slaves"},
          {"frameworks", "tasks"},
          {"frameworks", "unreachable_tasks"},
          {"frameworks", "completed_tasks"},
          {"completed_frameworks", "tasks"},
          {"completed_frameworks", "unreachable_tasks"},
          {"completed_frameworks", "completed_tasks"}};
}

template <class T, class F>
T decode_element(std::string& element, F decode) {
  T out;
  json::parse(element, [&](json::Value v) { out = decode(v); });
  return out;
}

void attach(std::vector<model::Framework>& frameworks,
            std::map<std::size_t, std::vector<model::Task>>& by_index,
            std::vector<model::Task> model::Framework::*member) {
  for (auto& [index, tasks] : by_index) {
    if (index < frameworks.size()) {
      frameworks[index].*member = std::move(tasks);
    }
  }
}

}  // namespace

MasterStateStream::MasterStateStream()
    : splitter_(state_targets(),
                [this](std::size_t target, const std::vector<std::size_t>& indices,
                       std::string& element) { on_element(target, indices, element); }) {}

void MasterStateStream::on_element(std::size_t target, const std::vector<std::size_t>& indices,
                                   std::string& element) {
  if (target == kSlaves) {
    agents_.push_back(decode_element<model::Agent>(element, decode_agent));
    return;
  }
  const std::size_t framework = indices.empty() ? 0 : indices.front();
  tasks_[target][framework].push_back(decode_element<model::Task>(element, decode_task));
}

void MasterStateStream::feed(std::string_view bytes) { splitter_.feed(bytes); }

model::MasterState MasterStateStream::finish() {
  auto state = decode_master_state(splitter_.finish());
  state.agents = std::move(agents_);
  attach(state.frameworks, tasks_[kTasks], &model::Framework::tasks);
  attach(state.frameworks, tasks_[kUnreachable], &model::Framework::unreachable_tasks);
  attach(state.frameworks, tasks_[kCompleted], &model::Framework::completed_tasks);
  attach(state.completed_frameworks, tasks_[kDoneTasks], &model::Framework::tasks);
  attach(state.completed_frameworks, tasks_[kDoneUnreachable],
         &model::Framework::unreachable_tasks);
  attach(state.completed_frameworks, tasks_[kDoneCompleted], &model::Framework::completed_tasks);
  return state;
}

TasksStream::TasksStream()
    : splitter_({{"tasks"}}, [this](std::size_t /*target*/,
                                    const std::vector<std::size_t>& /*indices*/,
                                    std::string& element) {
        tasks_.push_back(decode_element<model::Task>(element, decode_task));
      }) {}

void TasksStream::feed(std::string_view bytes) { splitter_.feed(bytes); }

std::vector<model::Task> TasksStream::finish() {
  // The skeleton is {"tasks":[]}: decoding it checks the shape around the tasks.
  auto rest = decode_tasks(splitter_.finish());
  if (!rest.empty()) {
    throw json::DecodeError("unexpected tasks outside the streamed array");
  }
  return std::move(tasks_);
}

}  // namespace qctl::mesos
