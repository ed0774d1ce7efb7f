#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/mesos/decode.h"
#include "core/model/resources.h"
#include "tests/support/fake_transport.h"

namespace qctl::mesos {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr const char* kPrefix = "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a";

std::string agent_id(int n) { return std::string(kPrefix) + "-S" + std::to_string(n); }

AgentList slaves_fixture() {
  std::string body = qctl::testing::read_fixture("mesos/master-slaves.json");
  return decode_slaves(body);
}

TEST(MesosDecodeAgentTest, SlavesFixtureListsEveryAgent) {
  const auto list = slaves_fixture();
  ASSERT_EQ(list.agents.size(), 5U);
  EXPECT_EQ(list.agents[0].id, agent_id(0));
  EXPECT_EQ(list.agents[0].hostname, "agent1.dc1.example.com");
  EXPECT_EQ(list.agents[4].hostname, "agent5.dc1.example.com");
  ASSERT_EQ(list.recovered.size(), 1U);
  EXPECT_EQ(list.recovered[0].id, agent_id(5));
  EXPECT_EQ(list.recovered[0].hostname, "agent6.dc1.example.com");
  EXPECT_EQ(list.recovered[0].port, 5051);
  ASSERT_EQ(list.recovered[0].attributes.size(), 2U);
  EXPECT_EQ(list.recovered[0].attributes[1].text, "sh2");
}

// A master always writes its lists (even empty): a 200 "{}" from something else at the URL is
// not an empty cluster, which would look healthy.
TEST(MesosDecodeAgentTest, AnswersWithoutTheMastersListsAreRefused) {
  std::string body = "{}";
  EXPECT_THROW((void)decode_slaves(body), json::DecodeError);
  body = R"({"hostname":"m1"})";
  EXPECT_THROW((void)decode_state_summary(body), json::DecodeError);
  body = R"({"slaves":[],"recovered_slaves":[]})";
  EXPECT_TRUE(decode_slaves(body).agents.empty());
  body = R"({"hostname":"m1","slaves":[],"frameworks":[]})";
  EXPECT_EQ(decode_state_summary(body).hostname, "m1");
}

TEST(MesosDecodeAgentTest, PlainActiveAgent) {
  const auto a = slaves_fixture().agents[0];
  EXPECT_TRUE(a.active);
  EXPECT_FALSE(a.deactivated);
  EXPECT_EQ(a.drain, model::DrainState::kNone);
  EXPECT_EQ(a.port, 5051);
  EXPECT_EQ(a.pid, "slave(1)@10.0.1.11:5051");
  EXPECT_EQ(a.address(), "10.0.1.11:5051");
  EXPECT_EQ(a.version, "1.11.0");
  EXPECT_EQ(a.region, "cn-north");
  EXPECT_EQ(a.zone, "bj1-a");
  EXPECT_DOUBLE_EQ(a.registered_time, 1717000100.125);
  EXPECT_DOUBLE_EQ(a.resources.cpus, 8.0);
  EXPECT_DOUBLE_EQ(a.resources.mem, 32768.0);
  EXPECT_DOUBLE_EQ(a.resources.disk, 409600.0);
  EXPECT_EQ(model::range_count(a.resources.ports), 1001U);
  EXPECT_DOUBLE_EQ(a.used.cpus, 2.0);
  EXPECT_EQ(model::format_ranges(a.used.ports), "[31005-31005, 31100-31101]");
  EXPECT_DOUBLE_EQ(a.offered.cpus, 4.0);
  EXPECT_TRUE(a.reserved.empty());
  EXPECT_THAT(a.capabilities, ::testing::Contains("AGENT_DRAINING"));
}

TEST(MesosDecodeAgentTest, AttributesKeepTheirTypes) {
  const auto a = slaves_fixture().agents[2];
  ASSERT_NE(a.attribute("rack"), nullptr);
  EXPECT_TRUE(a.attribute("rack")->is_scalar);
  EXPECT_DOUBLE_EQ(a.attribute("rack")->scalar, 3.0);
  EXPECT_EQ(a.attribute("rack")->str(), "3");
  ASSERT_NE(a.attribute("dc"), nullptr);
  EXPECT_FALSE(a.attribute("dc")->is_scalar);
  EXPECT_EQ(a.attribute("dc")->str(), "sh2");
  EXPECT_EQ(a.attribute("missing"), nullptr);
}

TEST(MesosDecodeAgentTest, DeactivatedAgentIsInactive) {
  const auto a = slaves_fixture().agents[1];
  EXPECT_EQ(a.hostname, "agent2.dc1.example.com");
  EXPECT_FALSE(a.active);
  EXPECT_TRUE(a.deactivated);
  EXPECT_EQ(a.drain, model::DrainState::kNone);
}

TEST(MesosDecodeAgentTest, DrainingAgentCarriesDrainState) {
  const auto a = slaves_fixture().agents[2];
  EXPECT_EQ(a.hostname, "agent3.dc1.example.com");
  EXPECT_EQ(a.drain, model::DrainState::kDraining);
  EXPECT_TRUE(a.deactivated);
  EXPECT_FALSE(a.active);
}

TEST(MesosDecodeAgentTest, ReservationsRevocableCpusAndSetAttributes) {
  const auto a = slaves_fixture().agents[3];
  EXPECT_EQ(a.hostname, "agent4.dc1.example.com");
  EXPECT_DOUBLE_EQ(a.resources.cpus, 16.0);
  EXPECT_DOUBLE_EQ(a.resources.gpus, 2.0);
  EXPECT_DOUBLE_EQ(a.resources.scalar("cpus_revocable"), 4.0);
  EXPECT_EQ(model::range_count(a.resources.ports), 1007U);
  ASSERT_EQ(a.reserved.size(), 2U);
  EXPECT_DOUBLE_EQ(a.reserved.at("marathon").cpus, 8.0);
  EXPECT_DOUBLE_EQ(a.reserved.at("marathon").mem, 32768.0);
  EXPECT_EQ(model::format_ranges(a.reserved.at("marathon").ports), "[31000-31500]");
  EXPECT_DOUBLE_EQ(a.reserved.at("chronos").cpus, 2.0);
  EXPECT_DOUBLE_EQ(a.reserved.at("chronos").mem, 4096.0);
  EXPECT_DOUBLE_EQ(a.unreserved.cpus, 6.0);
  EXPECT_DOUBLE_EQ(a.reregistered_time, 1717100000.5);
  ASSERT_NE(a.attribute("gpu_models"), nullptr);
  EXPECT_EQ(a.attribute("gpu_models")->text, "{t4, v100}");
  EXPECT_EQ(a.attribute("ssd")->text, "true");
}

TEST(MesosDecodeAgentTest, EmptyClusterIsNotAnError) {
  std::string body = qctl::testing::read_fixture("mesos/master-slaves-empty.json");
  const auto list = decode_slaves(body);
  EXPECT_TRUE(list.agents.empty());
  EXPECT_TRUE(list.recovered.empty());
}

TEST(MesosDecodeAgentTest, DrainedStateAndIntegerStyleNumbers) {
  std::string body = R"({"slaves":[{"id":"a","hostname":"h","port":5051,"attributes":{},
    "resources":{"cpus":4,"mem":1024,"disk":0,"gpus":0},"active":false,"deactivated":true,
    "drain_info":{"state":"DRAINED","config":{"mark_gone":true}}}],"recovered_slaves":[]})";
  const auto a = decode_slaves(body).agents.at(0);
  EXPECT_EQ(a.drain, model::DrainState::kDrained);
  EXPECT_DOUBLE_EQ(a.resources.cpus, 4.0);
  EXPECT_DOUBLE_EQ(a.resources.mem, 1024.0);
}

TEST(MesosDecodeAgentTest, UnknownFieldsAndNullsAreIgnored) {
  std::string body = R"({"future":{"x":[1,{"y":2}]},"slaves":[{"id":"a","hostname":null,
    "port":5051.0,"attributes":null,"resources":null,"reserved_resources":null,
    "drain_info":null,"capabilities":null,"new_field":[{"nested":true}],
    "used_resources":{"cpus":null,"custom_scalar":1.5,"tags":"{a, b}","ports":null}}],
    "recovered_slaves":null})";
  const auto list = decode_slaves(body);
  ASSERT_EQ(list.agents.size(), 1U);
  const auto& a = list.agents[0];
  EXPECT_EQ(a.id, "a");
  EXPECT_EQ(a.hostname, "");
  EXPECT_EQ(a.port, 5051);
  EXPECT_EQ(a.drain, model::DrainState::kNone);
  EXPECT_DOUBLE_EQ(a.used.cpus, 0.0);
  EXPECT_DOUBLE_EQ(a.used.scalar("custom_scalar"), 1.5);
  EXPECT_EQ(a.used.others.at("tags"), "{a, b}");
  EXPECT_TRUE(a.used.ports.empty());
  EXPECT_TRUE(list.recovered.empty());
}

TEST(MesosDecodeAgentTest, NullListElementsAreSkipped) {
  std::string body = R"({"slaves":[null,{"id":"a"}],"recovered_slaves":[null]})";
  const auto list = decode_slaves(body);
  ASSERT_EQ(list.agents.size(), 1U);
  EXPECT_EQ(list.agents[0].id, "a");
  EXPECT_TRUE(list.recovered.empty());
}

TEST(MesosDecodeAgentTest, MalformedPortsIsADecodeError) {
  std::string body = R"({"slaves":[{"id":"a","resources":{"ports":"31000-32000"}}]})";
  try {
    (void)decode_slaves(body);
    FAIL() << "expected a DecodeError";
  } catch (const json::DecodeError& e) {
    EXPECT_THAT(e.what(), HasSubstr("31000-32000"));
  }
}

TEST(MesosDecodeAgentTest, NonObjectBodyIsADecodeError) {
  std::string body = R"([{"id":"a"}])";
  EXPECT_THROW((void)decode_slaves(body), json::DecodeError);
  std::string html = "<html><body>Service Unavailable</body></html>";
  EXPECT_THROW((void)decode_slaves(html), json::DecodeError);
}

TEST(MesosDecodeAgentTest, StateSummaryHasTaskCountsPerAgentAndFramework) {
  std::string body = qctl::testing::read_fixture("mesos/master-state-summary.json");
  const auto s = decode_state_summary(body);
  EXPECT_EQ(s.hostname, "master1.dc1.example.com");
  EXPECT_EQ(s.cluster, "prod-dc1");
  ASSERT_EQ(s.agents.size(), 5U);
  const auto& agent1 = s.agents[0];
  EXPECT_EQ(agent1.task_counts.at("TASK_RUNNING"), 3);
  EXPECT_EQ(agent1.task_counts.at("TASK_FINISHED"), 1);
  EXPECT_EQ(agent1.task_counts.at("TASK_LOST"), 0);
  EXPECT_EQ(agent1.framework_ids.size(), 2U);
  EXPECT_EQ(s.agents[2].drain, model::DrainState::kDraining);
  EXPECT_EQ(s.agents[2].task_counts.at("TASK_KILLED"), 1);
  EXPECT_TRUE(s.agents[4].framework_ids.empty());
  EXPECT_DOUBLE_EQ(s.agents[3].reserved.at("marathon").cpus, 8.0);

  ASSERT_EQ(s.frameworks.size(), 2U);
  const auto& marathon = s.frameworks[0];
  EXPECT_EQ(marathon.name, "marathon");
  EXPECT_EQ(marathon.webui_url, "http://master1.dc1.example.com:8080");
  EXPECT_EQ(marathon.task_counts.at("TASK_RUNNING"), 4);
  EXPECT_EQ(marathon.task_counts.at("TASK_STAGING"), 1);
  EXPECT_THAT(marathon.slave_ids, ElementsAre(agent_id(0), agent_id(2), agent_id(3)));
  EXPECT_TRUE(marathon.active);
  EXPECT_TRUE(marathon.tasks.empty());
  EXPECT_EQ(s.frameworks[1].name, "chronos");
  EXPECT_EQ(s.frameworks[1].task_counts.at("TASK_FAILED"), 1);
}

}  // namespace
}  // namespace qctl::mesos
