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

}  // namespace qctl::bench
