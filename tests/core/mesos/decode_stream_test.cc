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

TEST(DecodeStreamTest, ATruncatedStateIsADecodeError) {
  const auto body = qctl::testing::read_fixture("mesos/master-state.json");
  EXPECT_THROW(stream_in_chunks<MasterStateStream>(body.substr(0, body.size() / 2), 64),
               json::DecodeError);
}

}  // namespace
}  // namespace qctl::mesos
