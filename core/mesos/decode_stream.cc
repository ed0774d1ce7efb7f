#include "core/mesos/decode_stream.h"

#include "core/mesos/decode.h"

#include <algorithm>
#include <thread>

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

/// Workers for the element decoders: every core, the splitting thread included.
std::size_t workers() { return std::max(1U, std::thread::hardware_concurrency()); }

std::vector<model::Task>& tasks_of(model::Framework& f, std::size_t target) {
  switch (target) {
    case kUnreachable:
    case kDoneUnreachable:
      return f.unreachable_tasks;
    case kCompleted:
    case kDoneCompleted:
      return f.completed_tasks;
    default:
      return f.tasks;
  }
}

}  // namespace

MasterStateStream::MasterStateStream()
    : pool_(&MasterStateStream::decode, workers()),
      splitter_(state_targets(),
                [this](std::size_t target, const std::vector<std::size_t>& indices,
                       std::string& element) {
                  pool_.add(Element{target, indices.empty() ? 0 : indices.front(),
                                    std::move(element)});
                }) {}

MasterStateStream::Decoded MasterStateStream::decode(Element& e) {
  if (e.target == kSlaves) {
    return {e.target, 0, decode_element<model::Agent>(e.text, decode_agent)};
  }
  return {e.target, e.framework, decode_element<model::Task>(e.text, decode_task)};
}

void MasterStateStream::feed(std::string_view bytes) { splitter_.feed(bytes); }

model::MasterState MasterStateStream::finish() {
  auto state = decode_master_state(splitter_.finish());
  for (Decoded& d : pool_.finish()) {
    if (d.target == kSlaves) {
      state.agents.push_back(std::move(std::get<model::Agent>(d.value)));
      continue;
    }
    auto& frameworks = d.target < kDoneTasks ? state.frameworks : state.completed_frameworks;
    if (d.framework < frameworks.size()) {
      tasks_of(frameworks[d.framework], d.target)
          .push_back(std::move(std::get<model::Task>(d.value)));
    }
  }
  return state;
}

TasksStream::TasksStream()
    : pool_([](std::string& text) { return decode_element<model::Task>(text, decode_task); },
            workers()),
      splitter_({{"tasks"}}, [this](std::size_t /*target*/,
                                    const std::vector<std::size_t>& /*indices*/,
                                    std::string& element) { pool_.add(std::move(element)); }) {}

void TasksStream::feed(std::string_view bytes) { splitter_.feed(bytes); }

std::vector<model::Task> TasksStream::finish() {
  // The skeleton is {"tasks":[]}: decoding it checks the shape around the tasks.
  auto rest = decode_tasks(splitter_.finish());
  if (!rest.empty()) {
    throw json::DecodeError("unexpected tasks outside the streamed array");
  }
  return pool_.finish();
}

}  // namespace qctl::mesos
