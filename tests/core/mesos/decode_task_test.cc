#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/mesos/decode.h"
#include "core/model/resources.h"
#include "tests/support/fake_transport.h"

namespace qctl::mesos {
namespace {

using ::testing::ElementsAre;

std::vector<model::Task> tasks_fixture() {
  std::string body = qctl::testing::read_fixture("mesos/master-tasks.json");
  return decode_tasks(body);
}

const model::Task& find(const std::vector<model::Task>& tasks, const std::string& id) {
  for (const auto& t : tasks) {
    if (t.id == id) {
      return t;
    }
  }
  throw std::runtime_error("no task " + id);
}

TEST(MesosDecodeTaskTest, ListsTasksInEveryState) {
  const auto tasks = tasks_fixture();
  ASSERT_EQ(tasks.size(), 9U);
  std::vector<std::string> states;
  states.reserve(tasks.size());
  for (const auto& t : tasks) {
    states.push_back(t.state);
  }
  EXPECT_THAT(states, ::testing::IsSupersetOf({"TASK_RUNNING", "TASK_STAGING", "TASK_KILLED",
                                               "TASK_FAILED", "TASK_FINISHED"}));
}

TEST(MesosDecodeTaskTest, DockerTaskHasContainerAndAddresses) {
  const auto tasks = tasks_fixture();
  const auto& t = find(tasks, "web.6b1c7a8e-2f3d-11ef-9a1b-0242ac110002");
  EXPECT_EQ(t.name, "web");
  EXPECT_EQ(t.framework_id, "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a-0000");
  EXPECT_EQ(t.slave_id, "5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a-S0");
  EXPECT_EQ(t.executor_id, "");
  EXPECT_EQ(t.role, "marathon");
  EXPECT_EQ(t.user, "root");
  EXPECT_EQ(t.container_type, "DOCKER");
  EXPECT_EQ(t.docker_image, "nginx:1.25");
  EXPECT_EQ(t.container_id(), "0c3f6a1e-52b7-4d4e-8f1a-9b2c3d4e5f60");
  ASSERT_EQ(t.statuses.size(), 2U);
  EXPECT_EQ(t.statuses[0].state, "TASK_STARTING");
  ASSERT_TRUE(t.statuses[1].container_status.has_value());
  EXPECT_THAT(t.statuses[1].container_status->ip_addresses, ElementsAre("172.17.0.2"));
  EXPECT_EQ(t.statuses[1].container_status->parent_container_id, "");
  EXPECT_DOUBLE_EQ(t.started(), 1717171001.5);
  EXPECT_EQ(t.healthy(), std::optional<bool>(true));
  EXPECT_DOUBLE_EQ(t.resources.cpus, 0.5);
  EXPECT_EQ(model::format_ranges(t.resources.ports), "[31005-31005]");
  ASSERT_EQ(t.labels.size(), 1U);
  EXPECT_EQ(t.labels[0].key, "HAPROXY_GROUP");
  EXPECT_EQ(t.labels[0].value, "external");
}

TEST(MesosDecodeTaskTest, CommandTaskHasNoContainerInfo) {
  const auto tasks = tasks_fixture();
  const auto& t = find(tasks, "api_backend.8d3e9ca0-2f3d-11ef-9a1b-0242ac110002");
  EXPECT_EQ(t.container_type, "");
  EXPECT_EQ(t.docker_image, "");
  EXPECT_EQ(t.user, "svc-api");
  EXPECT_EQ(model::range_count(t.resources.ports), 2U);
  // The Mesos containerizer still reports the container id in the statuses.
  EXPECT_EQ(t.container_id(), "2e5b8c3a-74d9-4f6a-8b3c-1d4e5f6a7b82");
  EXPECT_FALSE(t.healthy().has_value());
}

TEST(MesosDecodeTaskTest, StagingTaskHasNoContainerYet) {
  const auto tasks = tasks_fixture();
  const auto& t = find(tasks, "api_backend.9e4fadb1-2f3d-11ef-9a1b-0242ac110002");
  EXPECT_EQ(t.state, "TASK_STAGING");
  EXPECT_EQ(t.container_id(), "");
  ASSERT_EQ(t.statuses.size(), 1U);
  EXPECT_FALSE(t.statuses[0].container_status.has_value());
}

TEST(MesosDecodeTaskTest, PodTaskHasNestedContainerAndUcrImage) {
  const auto tasks = tasks_fixture();
  const auto& t = find(tasks, "web-pod.instance-af50bec2-2f3d-11ef-9a1b-0242ac110002.nginx");
  EXPECT_EQ(t.container_type, "MESOS");
  EXPECT_EQ(t.docker_image, "nginx:1.25-alpine");
  EXPECT_EQ(t.executor_id, "instance-web-pod.af50bec2-2f3d-11ef-9a1b-0242ac110002");
  ASSERT_TRUE(t.statuses.back().container_status.has_value());
  EXPECT_EQ(t.statuses.back().container_status->container_id,
            "4a7dae5c-96fb-4b8c-8d5e-3f6a7b8c9da4");
  EXPECT_EQ(t.statuses.back().container_status->parent_container_id,
            "3f6c9d4b-85ea-4a7b-9c4d-2e5f6a7b8c93");
}

TEST(MesosDecodeTaskTest, TerminalTasksAndUnhealthyTasks) {
  const auto tasks = tasks_fixture();
  EXPECT_TRUE(
      model::is_terminal_state(find(tasks, "web.5a0b6979-2f3d-11ef-9a1b-0242ac110002").state));
  EXPECT_EQ(find(tasks, "ct:1717120800000:1:cleanup-tmp:").state, "TASK_FAILED");
  EXPECT_EQ(find(tasks, "web.7c2d8b9f-2f3d-11ef-9a1b-0242ac110002").healthy(),
            std::optional<bool>(false));
}

TEST(MesosDecodeTaskTest, EmptyAndNullTaskLists) {
  std::string empty = R"({"tasks":[]})";
  EXPECT_TRUE(decode_tasks(empty).empty());
  std::string null_tasks = R"({"tasks":null})";
  EXPECT_TRUE(decode_tasks(null_tasks).empty());
}

TEST(MesosDecodeTaskTest, LabelsInProtobufWrapperAndNullStatusFields) {
  std::string body = R"({"tasks":[{"id":"t","labels":{"labels":[{"key":"a","value":"b"}]},
    "statuses":[{"state":"TASK_RUNNING","timestamp":1.0,"healthy":null,"container_status":null}],
    "container":{"type":"DOCKER","docker":null}}]})";
  const auto tasks = decode_tasks(body);
  ASSERT_EQ(tasks.size(), 1U);
  ASSERT_EQ(tasks[0].labels.size(), 1U);
  EXPECT_EQ(tasks[0].labels[0].value, "b");
  EXPECT_FALSE(tasks[0].statuses[0].healthy.has_value());
  EXPECT_FALSE(tasks[0].statuses[0].container_status.has_value());
  EXPECT_EQ(tasks[0].container_type, "DOCKER");
}

TEST(MesosDecodeTaskTest, FrameworksWithRoleOrRoles) {
  std::string body = qctl::testing::read_fixture("mesos/master-frameworks.json");
  const auto list = decode_frameworks(body);
  ASSERT_EQ(list.frameworks.size(), 2U);
  const auto& marathon = list.frameworks[0];
  EXPECT_EQ(marathon.name, "marathon");
  EXPECT_THAT(marathon.roles, ElementsAre("marathon"));
  EXPECT_EQ(marathon.principal, "marathon");
  EXPECT_EQ(marathon.pid, "scheduler-1a2b3c4d-5e6f@10.0.0.1:41231");
  EXPECT_DOUBLE_EQ(marathon.failover_timeout, 604800.0);
  EXPECT_DOUBLE_EQ(marathon.used.cpus, 3.35);
  EXPECT_EQ(marathon.tasks.size(), 5U);
  ASSERT_EQ(marathon.completed_tasks.size(), 1U);
  EXPECT_EQ(marathon.completed_tasks[0].state, "TASK_KILLED");
  EXPECT_THAT(marathon.capabilities, ::testing::Contains("PARTITION_AWARE"));

  const auto& chronos = list.frameworks[1];
  EXPECT_THAT(chronos.roles, ElementsAre("chronos"));
  EXPECT_EQ(chronos.webui_url, "http://master2.dc1.example.com:4400");
  EXPECT_EQ(chronos.tasks.size(), 1U);
  EXPECT_EQ(chronos.completed_tasks.size(), 2U);

  ASSERT_EQ(list.completed.size(), 1U);
  EXPECT_EQ(list.completed[0].name, "spark-pi");
  EXPECT_FALSE(list.completed[0].active);
  EXPECT_EQ(list.completed[0].pid, "");
  EXPECT_DOUBLE_EQ(list.completed[0].unregistered_time, 1716903600.0);
  EXPECT_EQ(list.completed[0].completed_tasks.at(0).executor_id, "driver-20240528-0001");
}

}  // namespace
}  // namespace qctl::mesos
