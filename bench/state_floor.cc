#include "bench/state_floor.h"

#include <chrono>
#include <cstdint>

#include "core/json/element_batches.h"
#include "core/json/splitter.h"
#include "core/mesos/decode.h"
#include "core/mesos/decode_stream.h"

namespace qctl::bench {

namespace {

struct TaskState {
  std::uint8_t running = 0;
};

void parse_task_state(json::Value& v, TaskState& t) {
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "state") {
      t.running = std::string_view(value.get_string()) == "TASK_RUNNING" ? 1 : 0;
    }
  });
}

}  // namespace

StateFloor parse_state_floor(http::Client& http, const std::string& url) {
  json::ParallelDecoder<model::Agent> agents(mesos::decode_agent_into, mesos::kDecodeThreads);
  json::ParallelDecoder<TaskState> tasks(parse_task_state, mesos::kDecodeThreads);
  json::ArraySplitter splitter(
      mesos::master_state_targets(),
      [&](std::size_t target, const std::vector<std::size_t>& /*indices*/, std::string& element) {
        if (target == 0) {
          agents.add(0, element);
        } else {
          tasks.add(0, element);
        }
      });
  auto request = http::get_request(url + "/master/state");
  request.sink = [&splitter](std::string_view bytes) { splitter.feed(bytes); };
  http.send(std::move(request));
  splitter.finish();
  StateFloor out;
  for (const auto& [list, decoded] : agents.finish()) {
    out.agents += decoded.size();
  }
  for (const auto& [list, decoded] : tasks.finish()) {
    out.tasks += decoded.size();
    for (const TaskState& t : decoded) {
      out.running += t.running;
    }
  }
  return out;
}

IndexFloor index_state_floor(const std::string& body) {
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point from) {
    return std::chrono::duration<double>(Clock::now() - from).count();
  };
  IndexFloor out;
  out.kernel = simdjson::get_active_implementation()->name();
  const auto start = Clock::now();
  simdjson::ondemand::parser parser(body.size() + simdjson::SIMDJSON_PADDING);
  auto doc = parser.iterate(body.data(), body.size(), body.capacity());
  out.index_s = seconds(start);
  const auto walk = Clock::now();
  for (auto framework : doc["frameworks"]) {
    for (auto task : framework["tasks"]) {
      const std::string_view id = task["id"];
      out.tasks += id.empty() ? 0 : 1;
    }
  }
  out.walk_s = seconds(walk);
  return out;
}

}  // namespace qctl::bench
