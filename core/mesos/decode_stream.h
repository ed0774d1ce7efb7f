// Streaming decoders for the two Mesos payloads that grow with the cluster: /master/state and
// /master/tasks. They take the body in pieces as it arrives and keep one task or agent in
// text form at a time, so memory is the decoded model, not the model plus the payload.
#pragma once

#include <map>
#include <string_view>
#include <vector>

#include "core/json/splitter.h"
#include "core/model/mesos.h"

namespace qctl::mesos {

/// GET /master/state, fed in any chunking; same result as decode_master_state.
class MasterStateStream {
 public:
  MasterStateStream();
  /// Throws json::DecodeError as soon as the bytes cannot be JSON of this shape.
  void feed(std::string_view bytes);
  /// Throws json::DecodeError for a truncated document.
  model::MasterState finish();

 private:
  void on_element(std::size_t target, const std::vector<std::size_t>& indices,
                  std::string& element);

  json::ArraySplitter splitter_;
  std::vector<model::Agent> agents_;
  // [target][framework index] -> tasks, for frameworks and completed_frameworks.
  std::map<std::size_t, std::map<std::size_t, std::vector<model::Task>>> tasks_;
};

/// GET /master/tasks, fed in any chunking; same result as decode_tasks.
class TasksStream {
 public:
  TasksStream();
  void feed(std::string_view bytes);
  std::vector<model::Task> finish();

 private:
  json::ArraySplitter splitter_;
  std::vector<model::Task> tasks_;
};

}  // namespace qctl::mesos
