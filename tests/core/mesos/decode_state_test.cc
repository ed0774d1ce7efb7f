#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/mesos/decode.h"
#include "tests/support/fake_transport.h"

namespace qctl::mesos {
namespace {

using ::testing::HasSubstr;

TEST(MesosDecodeStateTest, FixtureStateIsComplete) {
  std::string body = qctl::testing::read_fixture("mesos/master-state.json");
  const auto s = decode_master_state(body);
  EXPECT_EQ(s.version, "1.11.0");
  EXPECT_EQ(s.git_sha, "7b95d4f4b3a5c2e6f1e7a4c1f3b2d9e8a7c6b5d4");
  EXPECT_EQ(s.id, "3f6c2b8e-7a4d-4e1b-9c2a-5d8e7f6a1b2c");
  EXPECT_EQ(s.pid, "master@10.0.0.1:5050");
  EXPECT_EQ(s.hostname, "master1.dc1.example.com");
  EXPECT_EQ(s.cluster, "prod-dc1");
  EXPECT_EQ(s.leader, "master@10.0.0.1:5050");
  ASSERT_TRUE(s.leader_info.has_value());
  EXPECT_EQ(s.leader_info->hostname, "master1.dc1.example.com");
  EXPECT_EQ(s.leader_info->port, 5050);
  EXPECT_DOUBLE_EQ(s.start_time, 1717000000.123456);
  ASSERT_TRUE(s.elected_time.has_value());
  EXPECT_DOUBLE_EQ(*s.elected_time, 1717000005.654321);
  EXPECT_DOUBLE_EQ(s.activated_slaves, 3.0);
  EXPECT_DOUBLE_EQ(s.deactivated_slaves, 2.0);
  EXPECT_DOUBLE_EQ(s.unreachable_slaves, 0.0);
}

TEST(MesosDecodeStateTest, FixtureStateHasAgentsFrameworksAndTasks) {
  std::string body = qctl::testing::read_fixture("mesos/master-state.json");
  const auto s = decode_master_state(body);
  ASSERT_EQ(s.agents.size(), 5U);
  EXPECT_TRUE(s.agents[1].deactivated);
  EXPECT_EQ(s.agents[2].drain, model::DrainState::kDraining);
  EXPECT_DOUBLE_EQ(s.agents[3].reserved.at("chronos").mem, 4096.0);
  ASSERT_EQ(s.recovered_agents.size(), 1U);
  EXPECT_EQ(s.recovered_agents[0].hostname, "agent6.dc1.example.com");
  ASSERT_EQ(s.frameworks.size(), 2U);
  EXPECT_EQ(s.frameworks[0].tasks.size(), 5U);
  EXPECT_EQ(s.frameworks[0].completed_tasks.size(), 1U);
  EXPECT_EQ(s.frameworks[1].tasks.at(0).id, "ct:1717171200000:0:hourly-etl:");
  EXPECT_EQ(s.frameworks[1].tasks.at(0).container_id(), "5b8ebf6d-a70c-4c9d-9e6f-4a7b8c9dae15");
  ASSERT_EQ(s.completed_frameworks.size(), 1U);
  EXPECT_EQ(s.completed_frameworks[0].name, "spark-pi");
  EXPECT_THAT(s.completed_frameworks[0].roles, ::testing::ElementsAre("*"));
}

// The verbatim help-text example: integer-style numbers (activated_slaves 0, build_time).
TEST(MesosDecodeStateTest, HelpExampleWithIntegerNumbersDecodes) {
  std::string body = qctl::testing::read_fixture("mesos/mesos-master-state-help-example.json");
  const auto s = decode_master_state(body);
  EXPECT_EQ(s.version, "0.28.0");
  EXPECT_EQ(s.git_sha, "9d5889b5a265849886a533965f4aefefd1fbd103");
  EXPECT_EQ(s.id, "b5eac2c5-609b-4ca1-a352-61941702fc9e");
  EXPECT_EQ(s.cluster, "test-cluster");
  EXPECT_EQ(s.leader, "master@127.0.0.1:5050");
  EXPECT_FALSE(s.leader_info.has_value());
  EXPECT_DOUBLE_EQ(s.activated_slaves, 0.0);
  EXPECT_DOUBLE_EQ(s.start_time, 1455643643.42422);
  ASSERT_TRUE(s.elected_time.has_value());
  EXPECT_DOUBLE_EQ(*s.elected_time, 1455643643.43457);
  EXPECT_TRUE(s.agents.empty());
  EXPECT_TRUE(s.frameworks.empty());
  EXPECT_TRUE(s.completed_frameworks.empty());
}

TEST(MesosDecodeStateTest, NonLeaderStateHasNoElectedTime) {
  std::string body = R"({"version":"1.11.0","start_time":1.5e9,"activated_slaves":0.0,
    "slaves":[],"frameworks":[],"completed_frameworks":[],"orphan_tasks":[]})";
  const auto s = decode_master_state(body);
  EXPECT_FALSE(s.elected_time.has_value());
  EXPECT_DOUBLE_EQ(s.start_time, 1.5e9);
}

TEST(MesosDecodeStateTest, TruncatedStateIsADecodeError) {
  std::string whole = qctl::testing::read_fixture("mesos/master-state.json");
  std::string body = whole.substr(0, whole.size() / 2);
  try {
    (void)decode_master_state(body);
    FAIL() << "expected a DecodeError";
  } catch (const json::DecodeError& e) {
    EXPECT_THAT(e.what(), HasSubstr("invalid or truncated JSON"));
  }
}

// Builds a /master/state with many agents and tasks, as a large cluster reports it.
std::string big_state(int agents, int tasks_per_agent) {
  std::string out =
      R"({"version":"1.11.0","activated_slaves":)" + std::to_string(agents) + R"(.0,"slaves":[)";
  for (int i = 0; i < agents; ++i) {
    out += (i > 0 ? "," : "");
    out += R"({"id":"S)" + std::to_string(i) + R"(","hostname":"agent)" + std::to_string(i) +
           R"(.example.com","port":5051,"attributes":{"rack":)" + std::to_string(i % 40) +
           R"(.0,"dc":"bj1"},"resources":{"cpus":32.0,"mem":131072.0,"disk":1000000.0,)" +
           R"("gpus":0.0,"ports":"[31000-32000]"},"active":true})";
  }
  out += R"(],"frameworks":[{"id":"F0","name":"marathon","role":"*","tasks":[)";
  for (int i = 0; i < agents * tasks_per_agent; ++i) {
    out += (i > 0 ? "," : "");
    out += R"({"id":"app.)" + std::to_string(i) + R"(","name":"app","framework_id":"F0",)" +
           R"("slave_id":"S)" + std::to_string(i / tasks_per_agent) +
           R"(","state":"TASK_RUNNING","resources":{"cpus":0.5,"mem":256.0,"disk":0.0,)" +
           R"("gpus":0.0,"ports":"[31001-31001]"},"statuses":[{"state":"TASK_RUNNING",)" +
           R"("timestamp":1717171000.5,"container_status":{"container_id":{"value":"c)" +
           std::to_string(i) + R"("}}}]})";
  }
  return out + R"(]}],"completed_frameworks":[],"orphan_tasks":[]})";
}

TEST(MesosDecodeStateTest, LargeStateDecodesEveryAgentAndTask) {
  std::string body = big_state(1000, 20);
  const auto s = decode_master_state(body);
  ASSERT_EQ(s.agents.size(), 1000U);
  EXPECT_EQ(s.agents[999].hostname, "agent999.example.com");
  EXPECT_DOUBLE_EQ(s.agents[39].attribute("rack")->scalar, 39.0);
  ASSERT_EQ(s.frameworks.size(), 1U);
  ASSERT_EQ(s.frameworks[0].tasks.size(), 20000U);
  EXPECT_EQ(s.frameworks[0].tasks[19999].slave_id, "S999");
  EXPECT_EQ(s.frameworks[0].tasks[19999].container_id(), "c19999");
  double cpus = 0;
  for (const auto& t : s.frameworks[0].tasks) {
    cpus += t.resources.cpus;
  }
  EXPECT_DOUBLE_EQ(cpus, 10000.0);
}

}  // namespace
}  // namespace qctl::mesos
