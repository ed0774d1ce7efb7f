// Streaming decoders for the Mesos payloads that grow with the cluster: /master/state,
// /master/tasks and /master/slaves. They take the body in pieces as it arrives; the splitter
// cuts out each task or agent and worker threads decode them while more bytes arrive, so
// memory is the decoded model plus a few batches of text, not the model plus the payload.
#pragma once

#include <cstddef>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "core/json/element_batches.h"
#include "core/json/splitter.h"
#include "core/mesos/decode.h"
#include "core/model/mesos.h"

namespace qctl::mesos {

/// Worker threads decoding elements (2: the bench machine's cores; the receiving thread
/// mostly waits on the network).
inline constexpr std::size_t kDecodeThreads = 2;

/// The arrays of /master/state cut out element by element: the agents (target 0), then the
/// task lists of frameworks and completed frameworks.
[[nodiscard]] std::vector<json::ArraySplitter::Path> master_state_targets();

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

  json::ParallelDecoder<model::Agent> agents_;
  json::ParallelDecoder<model::Task> tasks_;
  // Task lists by (target, framework index) -> list id for the decoder.
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> lists_;
  json::ArraySplitter splitter_;  // last: it calls into the decoders
};

/// GET /master/tasks, fed in any chunking; same result as decode_tasks.
class TasksStream {
 public:
  TasksStream();
  void feed(std::string_view bytes);
  std::vector<model::Task> finish();

 private:
  json::ParallelDecoder<model::Task> tasks_;
  json::ArraySplitter splitter_;
};

/// GET /master/slaves, fed in any chunking; same result as decode_slaves.
class SlavesStream {
 public:
  SlavesStream();
  void feed(std::string_view bytes);
  AgentList finish();

 private:
  json::ParallelDecoder<model::Agent> agents_;
  json::ArraySplitter splitter_;
};

}  // namespace qctl::mesos
