#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/mesos/decode.h"
#include "core/model/resources.h"
#include "tests/support/fake_transport.h"

namespace qctl::mesos {
namespace {

using ::testing::HasSubstr;

std::string fixture(const char* name) {
  return qctl::testing::read_fixture(std::string("mesos/") + name);
}

TEST(MesosDecodeMiscTest, MetricsSnapshotOfTheLeader) {
  std::string body = fixture("metrics-snapshot.json");
  const auto m = decode_metrics(body);
  EXPECT_DOUBLE_EQ(m.at("master/elected"), 1.0);
  EXPECT_DOUBLE_EQ(m.at("master/slaves_active"), 3.0);
  EXPECT_DOUBLE_EQ(m.at("master/slaves_inactive"), 2.0);
  EXPECT_DOUBLE_EQ(m.at("master/cpus_total"), 44.0);
  EXPECT_DOUBLE_EQ(m.at("master/cpus_used"), 3.85);
  // _percent is a fraction, not a percentage.
  EXPECT_DOUBLE_EQ(model::round3(m.at("master/cpus_percent")), 0.088);
  EXPECT_LT(m.at("master/mem_percent"), 1.0);
  EXPECT_DOUBLE_EQ(m.at("master/cpus_revocable_total"), 4.0);
}

TEST(MesosDecodeMiscTest, MetricsSkipNonNumbers) {
  std::string body = R"({"master/elected":0.0,"odd":"x","nested":{"a":1},"n":null})";
  const auto m = decode_metrics(body);
  EXPECT_EQ(m.size(), 1U);
  EXPECT_DOUBLE_EQ(m.at("master/elected"), 0.0);
}

// The fixtures describe one cluster: the lead's `qctl status` tests rely on it.
TEST(MesosDecodeMiscTest, FixturesAgreeWithEachOther) {
  std::string metrics_body = fixture("metrics-snapshot.json");
  const auto m = decode_metrics(metrics_body);
  std::string slaves_body = fixture("master-slaves.json");
  const auto agents = decode_slaves(slaves_body).agents;
  double cpus = 0;
  double used = 0;
  double active = 0;
  for (const auto& a : agents) {
    cpus += a.resources.cpus;
    used += a.used.cpus;
    active += a.active ? 1 : 0;
  }
  EXPECT_DOUBLE_EQ(m.at("master/cpus_total"), cpus);
  EXPECT_DOUBLE_EQ(model::round3(m.at("master/cpus_used")), model::round3(used));
  EXPECT_DOUBLE_EQ(m.at("master/slaves_active"), active);

  std::string summary_body = fixture("master-state-summary.json");
  const auto summary = decode_state_summary(summary_body);
  std::int64_t running = 0;
  for (const auto& a : summary.agents) {
    running += a.task_counts.at("TASK_RUNNING");
  }
  EXPECT_DOUBLE_EQ(m.at("master/tasks_running"), static_cast<double>(running));
}

TEST(MesosDecodeMiscTest, MaintenanceStatusListsDrainingAndDownMachines) {
  std::string body = fixture("maintenance-status.json");
  const auto s = decode_maintenance_status(body);
  ASSERT_EQ(s.draining.size(), 1U);
  EXPECT_EQ(s.draining[0].hostname, "agent5.dc1.example.com");
  EXPECT_EQ(s.draining[0].ip, "10.0.2.15");
  ASSERT_EQ(s.down.size(), 1U);
  EXPECT_EQ(s.down[0].hostname, "agent7.dc1.example.com");
  EXPECT_EQ(s.down[0].ip, "10.0.2.17");
}

TEST(MesosDecodeMiscTest, EmptyMaintenanceStatusIsAnEmptyObject) {
  std::string body = fixture("maintenance-status-empty.json");
  const auto s = decode_maintenance_status(body);
  EXPECT_TRUE(s.draining.empty());
  EXPECT_TRUE(s.down.empty());
}

TEST(MesosDecodeMiscTest, Version) {
  std::string body = fixture("version.json");
  const auto v = decode_version(body);
  EXPECT_EQ(v.version, "1.11.0");
  EXPECT_EQ(v.git_tag, "1.11.0");
  EXPECT_EQ(v.build_user, "jenkins");
  EXPECT_EQ(v.build_date, "2020-11-19 16:45:02");
  EXPECT_DOUBLE_EQ(v.build_time, 1605804302.0);
}

TEST(MesosDecodeMiscTest, GetMasterPrefersAddress) {
  std::string body = fixture("v1-get-master.json");
  const auto m = decode_get_master(body);
  EXPECT_EQ(m.id, "3f6c2b8e-7a4d-4e1b-9c2a-5d8e7f6a1b2c");
  EXPECT_EQ(m.hostname, "master1.dc1.example.com");
  EXPECT_EQ(m.ip, "10.0.0.1");
  EXPECT_EQ(m.port, 5050);
  EXPECT_EQ(m.pid, "master@10.0.0.1:5050");
  EXPECT_EQ(m.version, "1.11.0");
  EXPECT_DOUBLE_EQ(m.start_time, 1717000000.123456);
  ASSERT_TRUE(m.elected_time.has_value());
  EXPECT_DOUBLE_EQ(*m.elected_time, 1717000005.654321);
}

TEST(MesosDecodeMiscTest, GetMasterFallsBackToPackedIp) {
  // Times before master_info, no address: an old master.
  std::string body = R"({"type":"GET_MASTER","get_master":{"start_time":1.5e9,
    "master_info":{"id":"m","ip":16777343,"port":5050,"hostname":"localhost","version":"1.4.0"}}})";
  const auto m = decode_get_master(body);
  EXPECT_EQ(m.ip, "127.0.0.1");
  EXPECT_EQ(m.hostname, "localhost");
  EXPECT_DOUBLE_EQ(m.start_time, 1.5e9);
  EXPECT_FALSE(m.elected_time.has_value());
}

TEST(MesosDecodeMiscTest, AgentStateExecutorsWithContainersAndSandboxes) {
  std::string body = fixture("agent-state.json");
  const auto s = decode_agent_state(body);
  EXPECT_EQ(s.id, "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a-S0");
  EXPECT_EQ(s.hostname, "agent1.dc1.example.com");
  EXPECT_EQ(s.pid, "slave(1)@10.0.1.11:5051");
  EXPECT_EQ(s.version, "1.11.0");
  ASSERT_EQ(s.executors.size(), 5U);
  const auto& web = s.executors[0];
  EXPECT_EQ(web.id, "web.6b1c7a8e-2f3d-11ef-9a1b-0242ac110002");
  EXPECT_EQ(web.framework_id, "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a-0000");
  EXPECT_EQ(web.container, "0c3f6a1e-52b7-4d4e-8f1a-9b2c3d4e5f60");
  EXPECT_THAT(web.directory, HasSubstr("/executors/" + web.id + "/runs/" + web.container));
  EXPECT_THAT(web.task_ids, ::testing::ElementsAre(web.id));
  EXPECT_FALSE(web.completed);

  const auto& report = s.executors[3];
  EXPECT_TRUE(report.completed);
  EXPECT_EQ(report.framework_id, "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a-0001");
  EXPECT_TRUE(report.task_ids.empty());
  EXPECT_THAT(report.completed_task_ids,
              ::testing::ElementsAre("ct:1717113600000:0:nightly-report:"));

  const auto& spark = s.executors[4];
  EXPECT_EQ(spark.id, "driver-20240528-0001");
  EXPECT_EQ(spark.type, "CUSTOM");
  EXPECT_TRUE(spark.completed);
  EXPECT_EQ(spark.framework_id, "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a-0002");
}

TEST(MesosDecodeMiscTest, AgentStateFieldOrderDoesNotMatter) {
  std::string body = R"({"frameworks":[{"completed_executors":[{"id":"old","container":"c1"}],
    "executors":[{"id":"new","container":"c2","tasks":[{"id":"t2"}],"queued_tasks":[{"id":"t3"}]},
    null],"id":"F1"}],"id":"S9"})";
  const auto s = decode_agent_state(body);
  EXPECT_EQ(s.id, "S9");
  ASSERT_EQ(s.executors.size(), 2U);
  EXPECT_TRUE(s.executors[0].completed);
  EXPECT_FALSE(s.executors[1].completed);
  EXPECT_EQ(s.executors[0].framework_id, "F1");
  EXPECT_EQ(s.executors[1].framework_id, "F1");
  EXPECT_THAT(s.executors[1].task_ids, ::testing::ElementsAre("t2", "t3"));
}

TEST(MesosDecodeMiscTest, AgentContainersWithExecutorPids) {
  std::string body = fixture("agent-containers.json");
  const auto c = decode_containers(body);
  ASSERT_EQ(c.size(), 3U);
  EXPECT_EQ(c[0].container_id, "0c3f6a1e-52b7-4d4e-8f1a-9b2c3d4e5f60");
  EXPECT_FALSE(c[0].executor_pid.has_value());  // Docker reports no executor_pid
  EXPECT_EQ(c[1].executor_id, "api_backend.8d3e9ca0-2f3d-11ef-9a1b-0242ac110002");
  EXPECT_EQ(c[1].source, "api_backend.instance-8d3e9ca0");
  ASSERT_TRUE(c[1].executor_pid.has_value());
  EXPECT_EQ(*c[1].executor_pid, 48213);
  EXPECT_EQ(c[2].framework_id, "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a-0001");
  EXPECT_EQ(c[2].executor_pid, std::optional<std::int64_t>(51007));
}

TEST(MesosDecodeMiscTest, ContainersMustBeAnArray) {
  std::string body = R"({"container_id":"x"})";
  EXPECT_THROW((void)decode_containers(body), json::DecodeError);
  std::string empty = "[]";
  EXPECT_TRUE(decode_containers(empty).empty());
}

TEST(MesosDecodeMiscTest, FileChunkDataIsUnescapedRawText) {
  std::string body = fixture("files-read.json");
  const auto chunk = decode_file_chunk(body);
  EXPECT_EQ(chunk.offset, 0);
  EXPECT_THAT(chunk.data, HasSubstr("Starting api.backend on port 31100\n"));
  EXPECT_THAT(chunk.data, HasSubstr("\"ready\"\ttrue\n"));
}

TEST(MesosDecodeMiscTest, FileSizeProbe) {
  std::string body = R"({"offset":1048576,"data":""})";
  const auto chunk = decode_file_chunk(body);
  EXPECT_EQ(chunk.offset, 1048576);
  EXPECT_EQ(chunk.data, "");
}

}  // namespace
}  // namespace qctl::mesos
