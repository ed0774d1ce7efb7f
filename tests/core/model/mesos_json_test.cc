#include "core/model/mesos_json.h"

#include <gtest/gtest.h>

#include <string>

#include "core/mesos/decode.h"
#include "tests/support/fake_transport.h"

namespace qctl::model {
namespace {

using nlohmann::json;

mesos::AgentList agents() {
  std::string body = qctl::testing::read_fixture("mesos/master-slaves.json");
  return mesos::decode_slaves(body);
}

TEST(MesosJsonTest, ResourcesHavePortsOnlyWhenAny) {
  Resources r;
  r.cpus = 0.1 + 0.2;
  r.mem = 1024;
  json j = to_json(r);
  EXPECT_DOUBLE_EQ(j.at("cpus").get<double>(), 0.3);
  EXPECT_DOUBLE_EQ(j.at("mem").get<double>(), 1024.0);
  EXPECT_DOUBLE_EQ(j.at("gpus").get<double>(), 0.0);
  EXPECT_FALSE(j.contains("ports"));
  r.ports = {{31000, 32000}, {33000, 33005}};
  r.scalars["cpus_revocable"] = 4;
  r.others["tags"] = "{a, b}";
  j = to_json(r);
  EXPECT_EQ(j.at("ports"), "[31000-32000, 33000-33005]");
  EXPECT_DOUBLE_EQ(j.at("cpus_revocable").get<double>(), 4.0);
  EXPECT_EQ(j.at("tags"), "{a, b}");
}

TEST(MesosJsonTest, AgentJsonShowsStateReservationsAndAttributes) {
  const auto list = agents();
  const json plain = to_json(list.agents[0]);
  EXPECT_EQ(plain.at("hostname"), "agent1.dc1.example.com");
  EXPECT_EQ(plain.at("address"), "10.0.1.11:5051");
  EXPECT_TRUE(plain.at("drain_state").is_null());
  EXPECT_EQ(plain.at("attributes").at("dc"), "bj1");
  EXPECT_DOUBLE_EQ(plain.at("attributes").at("rack").get<double>(), 1.0);
  EXPECT_EQ(plain.at("resources").at("ports"), "[31000-32000]");

  EXPECT_EQ(to_json(list.agents[1]).at("deactivated"), true);
  EXPECT_EQ(to_json(list.agents[2]).at("drain_state"), "DRAINING");
  const json reserved = to_json(list.agents[3]).at("reserved_resources");
  EXPECT_DOUBLE_EQ(reserved.at("marathon").at("cpus").get<double>(), 8.0);
  EXPECT_DOUBLE_EQ(reserved.at("chronos").at("mem").get<double>(), 4096.0);
  EXPECT_DOUBLE_EQ(to_json(list.agents[3]).at("resources").at("cpus_revocable").get<double>(), 4.0);

  const json recovered = to_json(list.recovered[0]);
  EXPECT_EQ(recovered.at("hostname"), "agent6.dc1.example.com");
  EXPECT_EQ(recovered.at("attributes").at("dc"), "sh2");
}

TEST(MesosJsonTest, TaskJsonHasContainerAndStatuses) {
  std::string body = qctl::testing::read_fixture("mesos/master-tasks.json");
  const auto tasks = mesos::decode_tasks(body);
  const json web = to_json(tasks.at(0));
  EXPECT_EQ(web.at("id"), "web.6b1c7a8e-2f3d-11ef-9a1b-0242ac110002");
  EXPECT_EQ(web.at("container_type"), "DOCKER");
  EXPECT_EQ(web.at("docker_image"), "nginx:1.25");
  EXPECT_EQ(web.at("container_id"), "0c3f6a1e-52b7-4d4e-8f1a-9b2c3d4e5f60");
  EXPECT_EQ(web.at("healthy"), true);
  EXPECT_EQ(web.at("labels").at("HAPROXY_GROUP"), "external");
  ASSERT_EQ(web.at("statuses").size(), 2U);
  EXPECT_EQ(web.at("statuses")[1].at("ip_addresses")[0], "172.17.0.2");
  EXPECT_DOUBLE_EQ(web.at("started").get<double>(), 1717171001.5);

  const json staging = to_json(tasks.at(6));
  EXPECT_EQ(staging.at("state"), "TASK_STAGING");
  EXPECT_EQ(staging.at("container_id"), "");
  EXPECT_TRUE(staging.at("healthy").is_null());
}

TEST(MesosJsonTest, FrameworkJsonCarriesRolesAndTasks) {
  std::string body = qctl::testing::read_fixture("mesos/master-frameworks.json");
  const auto list = mesos::decode_frameworks(body);
  const json marathon = to_json(list.frameworks[0]);
  EXPECT_EQ(marathon.at("roles"), json::array({"marathon"}));
  EXPECT_EQ(marathon.at("tasks").size(), 5U);
  EXPECT_EQ(marathon.at("completed_tasks").size(), 1U);
  EXPECT_TRUE(marathon.at("task_counts").empty());
}

TEST(MesosJsonTest, MasterInfoVersionAndMaintenance) {
  MasterInfo m;
  m.id = "m1";
  m.hostname = "master1.dc1.example.com";
  m.start_time = 1.5e9;
  json j = to_json(m);
  EXPECT_EQ(j.at("port"), 5050);
  EXPECT_TRUE(j.at("elected_time").is_null());
  m.elected_time = 1.6e9;
  EXPECT_DOUBLE_EQ(to_json(m).at("elected_time").get<double>(), 1.6e9);

  VersionInfo v;
  v.version = "1.11.0";
  v.build_time = 1605804302;
  EXPECT_EQ(to_json(v).at("version"), "1.11.0");

  MaintenanceStatus s;
  s.draining.push_back({"agent5.dc1.example.com", "10.0.2.15"});
  j = to_json(s);
  EXPECT_EQ(j.at("draining_machines")[0].at("hostname"), "agent5.dc1.example.com");
  EXPECT_TRUE(j.at("down_machines").empty());
}

}  // namespace
}  // namespace qctl::model
