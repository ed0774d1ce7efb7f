#include "core/marathon/decode.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/fake_transport.h"

namespace qctl::marathon {
namespace {

std::string fixture(const std::string& name) { return qctl::testing::read_fixture(name); }

const model::App& find_app(const std::vector<model::App>& apps, const std::string& id) {
  for (const auto& a : apps) {
    if (a.id == id) {
      return a;
    }
  }
  throw std::runtime_error("no app " + id);
}

model::App bare_app(std::string body) {
  model::App out;
  json::parse(body, [&](json::Value& v) { out = decode_app_value(v); });
  return out;
}

TEST(MarathonDecodeTest, RealAppListKeepsOldUniqueConstraintWithoutValue) {
  auto body = fixture("marathon/marathon-apps-list-response.json");
  const auto apps = decode_apps(body);
  ASSERT_EQ(apps.size(), 1u);
  const auto& a = apps[0];
  EXPECT_EQ(a.id, "/myapp");
  EXPECT_EQ(a.cmd, "env && sleep 60");
  EXPECT_TRUE(a.args.empty());
  EXPECT_EQ(a.instances, 3);
  EXPECT_DOUBLE_EQ(a.cpus, 0.1);
  EXPECT_DOUBLE_EQ(a.mem, 5);
  ASSERT_EQ(a.constraints.size(), 1u);
  EXPECT_EQ(a.constraints[0], (model::Constraint{"hostname", "UNIQUE", "", false}));
  EXPECT_TRUE(a.is_hostname_unique());
  EXPECT_EQ(a.env.at("LD_LIBRARY_PATH"), "/usr/local/lib/myLib");
  EXPECT_EQ(a.container_type, "");  // "container": null
  EXPECT_EQ(a.port_count, 2u);      // pre-1.0 "ports"
  EXPECT_EQ(a.version, "2015-09-25T15:13:48.343Z");
  EXPECT_EQ(a.last_scaling_at, "2015-09-25T15:13:48.343Z");
  EXPECT_EQ(a.last_config_change_at, "2015-09-25T15:13:48.343Z");
  EXPECT_DOUBLE_EQ(a.upgrade_strategy.minimum_health_capacity, 1);
  EXPECT_EQ(a.tasks_running, 0);
  EXPECT_EQ(a.deployment_ids, std::vector<std::string>{"9538079c-3898-4e32-aa31-799bf9097f74"});
  EXPECT_FALSE(a.last_task_failure.has_value());
}

TEST(MarathonDecodeTest, RealAppDefinitionSkipsSecretsAndCountsHostMappings) {
  const auto a = bare_app(fixture("marathon/marathon-app-definition-example.json"));
  EXPECT_EQ(a.id, "/foo");
  EXPECT_EQ(a.args, (std::vector<std::string>{"sleep", "100"}));
  EXPECT_EQ(a.container_type, "DOCKER");
  EXPECT_EQ(a.docker_image, "mesosphere:marathon/latest");
  EXPECT_EQ(a.env.size(), 2u);
  EXPECT_EQ(a.env.count("PASSWORD"), 0u);
  EXPECT_EQ(a.labels.at("owner"), "zeus");
  ASSERT_EQ(a.constraints.size(), 1u);
  EXPECT_EQ(a.constraints[0], (model::Constraint{"hostname", "LIKE", "srv2.*", true}));
  EXPECT_FALSE(a.is_hostname_unique());
  EXPECT_EQ(a.accepted_resource_roles, std::vector<std::string>{"mesos_role"});
  EXPECT_EQ(a.port_count, 1u);
  EXPECT_EQ(a.health_check_count, 1u);
  EXPECT_EQ(a.user, "root");
}

TEST(MarathonDecodeTest, ContainerWithoutTypeIsDocker) {
  const auto a = bare_app(R"({"id":"/x","container":{"docker":{"image":"busybox"}}})");
  EXPECT_EQ(a.container_type, "DOCKER");
  EXPECT_EQ(a.docker_image, "busybox");
  const auto m = bare_app(R"({"id":"/x","container":{"type":"mesos"}})");
  EXPECT_EQ(m.container_type, "MESOS");
}

TEST(MarathonDecodeTest, ConstraintOperatorIsUpperCasedAndLengthChecked) {
  const auto a =
      bare_app(R"({"id":"/x","constraints":[["@hostname","unique"],["rack","max_per","2"]]})");
  ASSERT_EQ(a.constraints.size(), 2u);
  EXPECT_EQ(a.constraints[0], (model::Constraint{"@hostname", "UNIQUE", "", false}));
  EXPECT_EQ(a.constraints[1], (model::Constraint{"rack", "MAX_PER", "2", true}));
  EXPECT_TRUE(a.is_hostname_unique());
  EXPECT_THROW(bare_app(R"({"id":"/x","constraints":[["hostname"]]})"), json::DecodeError);
}

TEST(MarathonDecodeTest, AppsFixtureCoversStatusCases) {
  auto body = fixture("marathon/apps.json");
  const auto apps = decode_apps(body);
  ASSERT_EQ(apps.size(), 4u);

  const auto& web = find_app(apps, "/web");
  EXPECT_EQ(web.docker_image, "nginx:1.25");
  EXPECT_EQ(web.port_count, 1u);
  EXPECT_EQ(web.env.size(), 1u);  // TLS_KEY is a secret reference
  EXPECT_EQ(web.tasks_healthy, 2);
  EXPECT_EQ(web.labels.at("team"), "web");
  EXPECT_EQ(web.accepted_resource_roles, std::vector<std::string>{"*"});
  EXPECT_EQ(web.role, "*");

  const auto& shipper = find_app(apps, "/infra/log-shipper");
  EXPECT_TRUE(shipper.is_hostname_unique());
  EXPECT_EQ(shipper.instances, 5);
  EXPECT_EQ(shipper.tasks_running, 3);
  EXPECT_DOUBLE_EQ(shipper.upgrade_strategy.minimum_health_capacity, 0.5);
  EXPECT_DOUBLE_EQ(shipper.upgrade_strategy.maximum_over_capacity, 0);
  EXPECT_EQ(shipper.port_count, 0u);

  const auto& batch = find_app(apps, "/batch/api");
  EXPECT_EQ(batch.container_type, "MESOS");
  EXPECT_EQ(batch.docker_image, "registry.example.com/batch/api:2.3.1");
  EXPECT_EQ(batch.deployment_ids, std::vector<std::string>{"2e72dbf1-2b2a-4204-b628-e8bd160945dd"});
  EXPECT_EQ(batch.tasks_staged, 1);
  EXPECT_EQ(batch.port_count, 2u);
  ASSERT_EQ(batch.constraints.size(), 2u);
  EXPECT_EQ(batch.constraints[0], (model::Constraint{"rack", "GROUP_BY", "3", true}));

  const auto& cache = find_app(apps, "/db/cache");
  EXPECT_EQ(cache.tasks_unhealthy, 1);
  EXPECT_EQ(cache.port_count, 1u);  // container.portMappings with a hostPort
}

TEST(MarathonDecodeTest, SingleAppWithEmbeddedTasksAndLastFailure) {
  auto body = fixture("marathon/app-web.json");
  const auto a = decode_app(body);
  EXPECT_EQ(a.id, "/web");
  ASSERT_EQ(a.tasks.size(), 2u);
  const auto& t = a.tasks[0];
  EXPECT_EQ(t.id, "web.6b1c7a8e-2f3d-11ef-9a1b-0242ac110002");
  EXPECT_EQ(t.app_id, "/web");
  EXPECT_EQ(t.host, "agent1.dc1.example.com");
  EXPECT_EQ(t.slave_id, "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a-S0");
  EXPECT_EQ(t.ports, std::vector<std::int64_t>{31005});
  EXPECT_EQ(t.service_ports, std::vector<std::int64_t>{10000});
  EXPECT_EQ(t.ip_addresses, std::vector<std::string>{"10.0.1.11"});
  ASSERT_EQ(t.health_check_results.size(), 1u);
  EXPECT_TRUE(t.health_check_results[0].alive);
  EXPECT_EQ(t.health_check_results[0].last_failure, "");
  ASSERT_TRUE(a.last_task_failure.has_value());
  EXPECT_EQ(a.last_task_failure->state, "TASK_KILLED");
  EXPECT_EQ(a.last_task_failure->host, "agent3.dc1.example.com");
  EXPECT_EQ(a.last_task_failure->message, "Container exited with status 137");
}

TEST(MarathonDecodeTest, RealTaskListsWithOldAndNewIds) {
  auto app_tasks = fixture("marathon/marathon-app-tasks-response.json");
  const auto a = decode_tasks(app_tasks);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].id, "minecraft_survival-world.instance-564bd685-4c30-11e5-98c1-be5b2935a987");
  EXPECT_EQ(a[0].state, "TASK_STAGING");
  EXPECT_EQ(a[0].slave_id, "agent0");
  EXPECT_EQ(a[0].ports, std::vector<std::int64_t>{31756});
  EXPECT_TRUE(model::parse_marathon_task_id(a[0].id).has_value());

  auto all = fixture("marathon/marathon-tasks-response.json");
  const auto t = decode_tasks(all);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].id, "tools_docker_registry.002b4d28-46b9-11e5-b731-525400cce7ed");
  EXPECT_EQ(t[1].app_id, "/tools/docker/registry");
  EXPECT_EQ(t[1].service_ports, std::vector<std::int64_t>{5000});
  EXPECT_EQ(t[0].started_at, "2015-09-17T09:32:42.598Z");
  EXPECT_EQ(t[0].staged_at, "2015-09-17T09:32:36.822Z");
  EXPECT_EQ(model::parse_marathon_task_id(t[1].id)->safe_app_id, "tools_docker_registry");
}

TEST(MarathonDecodeTest, SingleTaskWrapper) {
  std::string body =
      R"({"task":{"id":"web.instance-1._app.2","appId":"/web","state":"TASK_KILLING"}})";
  const auto t = decode_task(body);
  EXPECT_EQ(t.id, "web.instance-1._app.2");
  EXPECT_EQ(t.state, "TASK_KILLING");
}

TEST(MarathonDecodeTest, RealDeploymentsWithPodSteps) {
  auto body = fixture("marathon/marathon-deployments-response.json");
  const auto d = decode_deployments(body);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].id, "97c136bf-5a28-4821-9d94-480d9fbb01c8");
  EXPECT_EQ(d[0].affected_apps, std::vector<std::string>{"/foo"});
  EXPECT_EQ(d[0].affected_pods, std::vector<std::string>{"/bla"});
  ASSERT_EQ(d[0].steps.size(), 2u);
  EXPECT_EQ(d[0].steps[1][0].action, "ScalePod");
  EXPECT_EQ(d[0].steps[1][0].app, "/bla");
  ASSERT_EQ(d[0].current_actions.size(), 1u);
  EXPECT_EQ(d[0].current_actions[0].action, "ScaleApplication");
  EXPECT_EQ(d[0].current_step, 1);
  EXPECT_EQ(d[0].total_steps, 1);
}

TEST(MarathonDecodeTest, DeploymentsFixtureAndOldStepArrays) {
  auto body = fixture("marathon/deployments.json");
  const auto d = decode_deployments(body);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].affected_apps, std::vector<std::string>{"/batch/api"});
  EXPECT_EQ(d[0].current_actions[0].action, "RestartApplication");

  std::string old = R"([{"id":"d1","steps":[[{"action":"StartApplication","app":"/a"}]]}])";
  const auto o = decode_deployments(old);
  ASSERT_EQ(o[0].steps.size(), 1u);
  EXPECT_EQ(o[0].steps[0][0].app, "/a");

  std::string wrong = R"({"deployments":[]})";
  EXPECT_THROW((void)decode_deployments(wrong), json::DecodeError);
}

TEST(MarathonDecodeTest, RealDeploymentResult) {
  auto body = fixture("marathon/marathon-deployment-result.json");
  const auto r = decode_deployment_result(body);
  EXPECT_EQ(r.deployment_id, "5ed4c0c5-9ff8-4a6f-a0cd-f57f59a34b43");
  EXPECT_EQ(r.version, "2015-09-29T15:59:51.164Z");
  std::string missing = R"({"version":"x"})";
  EXPECT_THROW((void)decode_deployment_result(missing), json::DecodeError);
}

TEST(MarathonDecodeTest, RealQueueWithRejectSummary) {
  auto body = fixture("marathon/marathon-queue-response.json");
  const auto q = decode_queue(body);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].app_id, "/tools/datadog-agent");
  EXPECT_FALSE(q[0].is_pod);
  EXPECT_EQ(q[0].count, 1);
  EXPECT_TRUE(q[0].overdue);
  EXPECT_EQ(q[0].processed_offers, 123);
  EXPECT_TRUE(q[0].reject_summary.empty());
  EXPECT_EQ(q[1].app_id, "/foo");
  EXPECT_EQ(q[1].count, 2);
  EXPECT_EQ(q[1].role, "*");
  EXPECT_EQ(q[1].since, "2016-02-28T16:41:41.090Z");
  EXPECT_EQ(q[1].unused_offers, 123);
  EXPECT_EQ(q[1].last_unused_offer_at, "2016-02-28T16:41:41.090Z");
  ASSERT_EQ(q[1].reject_summary.size(), 8u);  // rejectSummaryLastOffers only
  EXPECT_EQ(q[1].reject_summary[3].reason, "InsufficientCpus");
  EXPECT_EQ(q[1].reject_summary[3].declined, 75);
  EXPECT_EQ(q[1].reject_summary[3].processed, 123);
}

TEST(MarathonDecodeTest, QueuePodItem) {
  std::string body =
      R"({"queue":[{"pod":{"id":"/web-pod"},"count":1,"delay":{"timeLeftSeconds":12.5,"overdue":false}}]})";
  const auto q = decode_queue(body);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_TRUE(q[0].is_pod);
  EXPECT_EQ(q[0].app_id, "/web-pod");
  EXPECT_DOUBLE_EQ(q[0].delay_time_left_seconds, 12.5);
}

TEST(MarathonDecodeTest, RealAndFixtureInfo) {
  auto real = fixture("marathon/marathon-info-response.json");
  const auto i = decode_info(real);
  EXPECT_EQ(i.name, "marathon");
  EXPECT_EQ(i.version, "1.5.0-SNAPSHOT");
  EXPECT_TRUE(i.elected);
  EXPECT_EQ(i.leader, "localhost:8080");
  EXPECT_EQ(i.framework_id, "96d7da70-b731-4cfb-96a7-0ee877af615d-0000");
  EXPECT_EQ(i.mesos_master, "zk://localhost:2181/mesos");
  EXPECT_EQ(i.http_port, "8080");

  auto ours = fixture("marathon/info.json");
  const auto o = decode_info(ours);
  EXPECT_EQ(o.version, "1.10.26");
  EXPECT_EQ(o.leader, "master1.dc1.example.com:8080");
  EXPECT_EQ(o.framework_id, "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a-0000");
}

TEST(MarathonDecodeTest, Leader) {
  auto body = fixture("marathon/leader.json");
  EXPECT_EQ(decode_leader(body), "master1.dc1.example.com:8080");
}

TEST(MarathonDecodeTest, WrongShapesAreDecodeErrors) {
  std::string single = R"({"app":{"id":"/x"}})";
  EXPECT_THROW((void)decode_apps(single), json::DecodeError);
  std::string html = "<html><body>Error 503</body></html>";
  try {
    (void)decode_apps(html);
    FAIL() << "expected DecodeError";
  } catch (const json::DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("HTML"), std::string::npos) << e.what();
  }
  std::string truncated = R"({"apps":[{"id":"/x")";
  EXPECT_THROW((void)decode_apps(truncated), json::DecodeError);
  std::string array = "[]";
  EXPECT_THROW((void)decode_tasks(array), json::DecodeError);
}

}  // namespace
}  // namespace qctl::marathon
