#include "core/model/marathon_json.h"

#include <gtest/gtest.h>

#include <string>

#include "core/marathon/decode.h"
#include "tests/support/fake_transport.h"

namespace qctl::model {
namespace {

using nlohmann::json;

TEST(MarathonJsonTest, AppHasStableSnakeCaseFields) {
  std::string body = qctl::testing::read_fixture("marathon/app-web.json");
  const json j = to_json(marathon::decode_app(body));
  EXPECT_EQ(j.at("id"), "/web");
  EXPECT_EQ(j.at("instances"), 2);
  EXPECT_EQ(j.at("container_type"), "DOCKER");
  EXPECT_EQ(j.at("docker_image"), "nginx:1.25");
  EXPECT_EQ(j.at("port_count"), 1);
  EXPECT_EQ(j.at("tasks_healthy"), 2);
  EXPECT_EQ(j.at("upgrade_strategy").at("minimum_health_capacity"), 1.0);
  EXPECT_EQ(j.at("labels").at("team"), "web");
  EXPECT_EQ(j.at("env"), (json{{"NGINX_WORKERS", "2"}}));
  EXPECT_EQ(j.at("hostname_unique"), false);
  EXPECT_EQ(j.at("cmd"), "");
  ASSERT_EQ(j.at("tasks").size(), 2u);
  EXPECT_EQ(j.at("tasks")[0].at("slave_id"), "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a-S0");
  EXPECT_EQ(j.at("tasks")[0].at("health_check_results")[0].at("alive"), true);
  EXPECT_EQ(j.at("last_task_failure").at("state"), "TASK_KILLED");
}

TEST(MarathonJsonTest, ConstraintsKeepMarathonsArrayForm) {
  App a;
  a.constraints = {{"hostname", "UNIQUE", "", false}, {"rack", "LIKE", "r[12]", true}};
  const json j = to_json(a);
  EXPECT_EQ(j.at("constraints"), json::parse(R"([["hostname","UNIQUE"],["rack","LIKE","r[12]"]])"));
  EXPECT_EQ(j.at("hostname_unique"), true);
  EXPECT_TRUE(j.at("last_task_failure").is_null());
}

TEST(MarathonJsonTest, DeploymentQueueAndInfo) {
  std::string deployments =
      qctl::testing::read_fixture("marathon/marathon-deployments-response.json");
  const json d = to_json(marathon::decode_deployments(deployments)[0]);
  EXPECT_EQ(d.at("affected_pods"), json::array({"/bla"}));
  EXPECT_EQ(d.at("steps")[1][0].at("action"), "ScalePod");
  EXPECT_EQ(d.at("current_step"), 1);

  std::string queue = qctl::testing::read_fixture("marathon/marathon-queue-response.json");
  const json q = to_json(marathon::decode_queue(queue)[1]);
  EXPECT_EQ(q.at("app_id"), "/foo");
  EXPECT_EQ(q.at("reject_summary")[4].at("reason"), "InsufficientMemory");

  std::string info = qctl::testing::read_fixture("marathon/info.json");
  const json i = to_json(marathon::decode_info(info));
  EXPECT_EQ(i.at("framework_id"), "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a-0000");
  EXPECT_EQ(i.at("http_port"), "8080");

  const json r = to_json(DeploymentResult{"v1", "d1"});
  EXPECT_EQ(r, (json{{"version", "v1"}, {"deployment_id", "d1"}}));
}

}  // namespace
}  // namespace qctl::model
