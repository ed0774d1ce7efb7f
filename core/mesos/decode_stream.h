// Streaming decoders for the two Mesos payloads that grow with the cluster: /master/state and
// /master/tasks. They take the body in pieces as it arrives and keep one task or agent in
// text form per batch in flight, so memory is the decoded model, not the model plus the
// payload. Elements are decoded on worker threads (one per core) while the bytes arrive.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/json/splitter.h"
#include "core/model/mesos.h"
#include "core/util/ordered_pool.h"

namespace qctl::mesos {

/// GET /master/state, fed in any chunking; same result as decode_master_state.
class MasterStateStream {
 public:
  MasterStateStream();
  /// Throws json::DecodeError when the bytes cannot be JSON of this shape (a bad element is
  /// reported by a later feed() or by finish(), once a worker has decoded it).
  void feed(std::string_view bytes);
  /// Throws json::DecodeError for a truncated document.
  model::MasterState finish();

 private:
  struct Element {
    std::size_t target = 0;
    std::size_t framework = 0;  // index in frameworks or completed_frameworks
    std::string text;
  };
  struct Decoded {
    std::size_t target = 0;
    std::size_t framework = 0;
    std::variant<model::Agent, model::Task> value;
  };
  static Decoded decode(Element& e);

  util::OrderedPool<Element, Decoded> pool_;
  json::ArraySplitter splitter_;
};

/// GET /master/tasks, fed in any chunking; same result as decode_tasks.
class TasksStream {
 public:
  TasksStream();
  void feed(std::string_view bytes);
  std::vector<model::Task> finish();

 private:
  util::OrderedPool<std::string, model::Task> pool_;
  json::ArraySplitter splitter_;
};

}  // namespace qctl::mesos
