#include "core/mesos/decode_stream.h"

#include <gtest/gtest.h>

#include "core/mesos/decode.h"
#include "core/model/mesos_json.h"
#include "tests/support/fake_transport.h"

namespace qctl::mesos {
namespace {

template <class Stream>
auto stream_in_chunks(const std::string& body, std::size_t chunk) {
  Stream stream;
  for (std::size_t at = 0; at < body.size(); at += chunk) {
    stream.feed(std::string_view(body).substr(at, chunk));
  }
  return stream.finish();
}

nlohmann::json tasks_json(const std::vector<model::Task>& tasks) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : tasks) {
    out.push_back(model::to_json(t));
  }
  return out;
}

TEST(DecodeStreamTest, MasterStateStreamedEqualsDecodedWhole) {
  for (const char* fixture : {"mesos/master-state.json", "mesos/mesos-master-state-help-example.json"}) {
    auto body = qctl::testing::read_fixture(fixture);
    auto copy = body;
    const auto whole = decode_master_state(copy);
    for (std::size_t chunk : {std::size_t{1}, std::size_t{13}, std::size_t{4096}}) {
      const auto streamed = stream_in_chunks<MasterStateStream>(body, chunk);
      EXPECT_EQ(streamed.hostname, whole.hostname);
      EXPECT_EQ(streamed.elected_time, whole.elected_time);
      ASSERT_EQ(streamed.agents.size(), whole.agents.size()) << fixture;
      for (std::size_t i = 0; i < whole.agents.size(); ++i) {
        EXPECT_EQ(model::to_json(streamed.agents[i]), model::to_json(whole.agents[i]));
      }
      ASSERT_EQ(streamed.frameworks.size(), whole.frameworks.size());
      for (std::size_t f = 0; f < whole.frameworks.size(); ++f) {
        EXPECT_EQ(tasks_json(streamed.frameworks[f].tasks), tasks_json(whole.frameworks[f].tasks));
        EXPECT_EQ(tasks_json(streamed.frameworks[f].completed_tasks),
                  tasks_json(whole.frameworks[f].completed_tasks));
      }
      ASSERT_EQ(streamed.completed_frameworks.size(), whole.completed_frameworks.size());
    }
  }
}

TEST(DecodeStreamTest, TasksStreamedEqualsDecodedWhole) {
  auto body = qctl::testing::read_fixture("mesos/master-tasks.json");
  auto copy = body;
  const auto whole = decode_tasks(copy);
  ASSERT_FALSE(whole.empty());
  EXPECT_EQ(tasks_json(stream_in_chunks<TasksStream>(body, 5)), tasks_json(whole));
}

// A /master/state far larger than one batch of the decoding workers: frameworks and completed
// frameworks with hundreds of tasks each, so batches of different lists interleave.
std::string big_state() {
  auto fixture = nlohmann::json::parse(qctl::testing::read_fixture("mesos/master-state.json"));
  nlohmann::json task_template;
  for (const auto& f : fixture["frameworks"]) {
    if (!f["tasks"].empty()) {
      task_template = f["tasks"][0];
      break;
    }
  }
  nlohmann::json agent_template = fixture["slaves"][0];
  auto tasks = [&](const std::string& prefix, int n) {
    nlohmann::json out = nlohmann::json::array();
    for (int i = 0; i < n; ++i) {
      auto t = task_template;
      t["id"] = prefix + "-" + std::to_string(i);
      out.push_back(t);
    }
    return out;
  };
  fixture["slaves"] = nlohmann::json::array();
  for (int i = 0; i < 150; ++i) {
    auto a = agent_template;
    a["id"] = "S" + std::to_string(i);
    fixture["slaves"].push_back(a);
  }
  for (std::size_t f = 0; f < fixture["frameworks"].size(); ++f) {
    fixture["frameworks"][f]["tasks"] = tasks("f" + std::to_string(f), 300 + static_cast<int>(f));
    fixture["frameworks"][f]["completed_tasks"] = tasks("c" + std::to_string(f), 70);
  }
  return fixture.dump();
}

TEST(DecodeStreamTest, ManyBatchesKeepTheirOrderAndTheirFramework) {
  const auto body = big_state();
  auto copy = body;
  const auto whole = decode_master_state(copy);
  ASSERT_GE(whole.frameworks.size(), 1U);
  ASSERT_GE(whole.frameworks[0].tasks.size(), 300U);
  for (std::size_t chunk : {std::size_t{977}, std::size_t{65536}}) {
    const auto streamed = stream_in_chunks<MasterStateStream>(body, chunk);
    ASSERT_EQ(streamed.agents.size(), 150U);
    for (std::size_t i = 0; i < streamed.agents.size(); ++i) {
      ASSERT_EQ(streamed.agents[i].id, whole.agents[i].id);
    }
    ASSERT_EQ(streamed.frameworks.size(), whole.frameworks.size());
    for (std::size_t f = 0; f < whole.frameworks.size(); ++f) {
      EXPECT_EQ(tasks_json(streamed.frameworks[f].tasks), tasks_json(whole.frameworks[f].tasks));
      EXPECT_EQ(tasks_json(streamed.frameworks[f].completed_tasks),
                tasks_json(whole.frameworks[f].completed_tasks));
    }
  }
}

TEST(DecodeStreamTest, SlavesStreamedEqualsDecodedWhole) {
  for (const char* fixture : {"mesos/master-slaves.json", "mesos/stats-slaves.json",
                              "mesos/master-slaves-empty.json"}) {
    auto body = qctl::testing::read_fixture(fixture);
    auto copy = body;
    const auto whole = decode_slaves(copy);
    for (std::size_t chunk : {std::size_t{1}, std::size_t{100}, body.size()}) {
      const auto streamed = stream_in_chunks<SlavesStream>(body, chunk);
      ASSERT_EQ(streamed.agents.size(), whole.agents.size()) << fixture;
      for (std::size_t i = 0; i < whole.agents.size(); ++i) {
        EXPECT_EQ(model::to_json(streamed.agents[i]), model::to_json(whole.agents[i])) << fixture;
      }
      EXPECT_EQ(streamed.recovered.size(), whole.recovered.size()) << fixture;
    }
  }
}

// An element the splitter accepts but the decoder rejects, deep in a long list: the worker's
// error reaches the caller; a stream dropped half-way (the transfer failed) stops its workers.
TEST(DecodeStreamTest, AWorkersDecodeErrorReachesTheCallerAndAbandonedStreamsStop) {
  nlohmann::json tasks = nlohmann::json::array();
  for (int i = 0; i < 500; ++i) {
    tasks.push_back({{"id", "t" + std::to_string(i)},
                     {"resources", {{"ports", i == 321 ? "[x-y]" : "[1-2]"}}}});
  }
  const std::string body = nlohmann::json({{"tasks", tasks}}).dump();
  EXPECT_THROW(stream_in_chunks<TasksStream>(body, 512), json::DecodeError);
  {
    TasksStream abandoned;
    abandoned.feed(std::string_view(body).substr(0, body.size() / 2));
  }  // the destructor joins its workers without finish()
}

TEST(DecodeStreamTest, ATruncatedStateIsADecodeError) {
  const auto body = qctl::testing::read_fixture("mesos/master-state.json");
  EXPECT_THROW(stream_in_chunks<MasterStateStream>(body.substr(0, body.size() / 2), 64),
               json::DecodeError);
}

}  // namespace
}  // namespace qctl::mesos
