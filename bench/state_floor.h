// The floor under any decode of /master/state with qctl's streaming pipeline: the same
// splitter, batches and simdjson parse, but each task keeps one byte (is it running?), so
// no task model is built or stored.
#pragma once

#include <cstddef>
#include <string>

#include "core/http/client.h"

namespace qctl::bench {

struct StateFloor {
  std::size_t agents = 0;  // decoded in full
  std::size_t tasks = 0;
  std::size_t running = 0;
};

/// GET URL/master/state through `http`, parsed as it arrives.
StateFloor parse_state_floor(http::Client& http, const std::string& url);

/// The floor under any decoder at all, whatever its pipeline: after the body is in memory,
/// simdjson's stage 1 over the whole document (its fastest kernel for this CPU, chosen at run
/// time) and an On-Demand walk that reads nothing but each task's id.
struct IndexFloor {
  double index_s = 0;  // stage 1: the structural index of every byte
  double walk_s = 0;   // the walk to each task's id
  std::size_t tasks = 0;
  std::string kernel;  // simdjson's implementation, e.g. "icelake"
};

/// `body` must have 64 bytes of capacity behind its size (the transport reserves them).
IndexFloor index_state_floor(const std::string& body);

}  // namespace qctl::bench
