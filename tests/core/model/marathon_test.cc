#include "core/model/marathon.h"

#include <gtest/gtest.h>

namespace qctl::model {
namespace {

TEST(MarathonTaskIdTest, LegacyUuidIds) {
  const auto id = parse_marathon_task_id("frontend-foosball.083be411-5d1f-11e5-88f7-56b91e7a505b");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->safe_app_id, "frontend-foosball");
  EXPECT_EQ(id->instance_id, "frontend-foosball.083be411-5d1f-11e5-88f7-56b91e7a505b");
  EXPECT_FALSE(id->incarnation.has_value());

  const auto nested =
      parse_marathon_task_id("tools_docker_registry.002b4d28-46b9-11e5-b731-525400cce7ed");
  ASSERT_TRUE(nested.has_value());
  EXPECT_EQ(nested->safe_app_id, "tools_docker_registry");
}

TEST(MarathonTaskIdTest, InstanceIdsWithIncarnation) {
  const auto id =
      parse_marathon_task_id("myGroup_myApp.instance-b6ff5fa5-7714-11e7-a55c-5ecf1c4671f6._app.1");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->safe_app_id, "myGroup_myApp");
  EXPECT_EQ(id->instance_id, "myGroup_myApp.instance-b6ff5fa5-7714-11e7-a55c-5ecf1c4671f6");
  ASSERT_TRUE(id->incarnation.has_value());
  EXPECT_EQ(*id->incarnation, 1);
}

TEST(MarathonTaskIdTest, InstanceIdsWithoutIncarnation) {
  // marathon-app-tasks-response.json: a pod/instance id with no container suffix.
  const auto id = parse_marathon_task_id(
      "minecraft_survival-world.instance-564bd685-4c30-11e5-98c1-be5b2935a987");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->safe_app_id, "minecraft_survival-world");

  const auto pod =
      parse_marathon_task_id("web-pod.instance-af50bec2-2f3d-11ef-9a1b-0242ac110002.nginx");
  ASSERT_TRUE(pod.has_value());
  EXPECT_EQ(pod->safe_app_id, "web-pod");
  EXPECT_EQ(pod->instance_id, "web-pod.instance-af50bec2-2f3d-11ef-9a1b-0242ac110002");
  EXPECT_FALSE(pod->incarnation.has_value());
}

TEST(MarathonTaskIdTest, ResidentLegacyIds) {
  const auto id = parse_marathon_task_id("db.083be411-5d1f-11e5-88f7-56b91e7a505b.3");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->safe_app_id, "db");
  EXPECT_EQ(id->instance_id, "db.083be411-5d1f-11e5-88f7-56b91e7a505b");
  ASSERT_TRUE(id->incarnation.has_value());
  EXPECT_EQ(*id->incarnation, 3);
}

TEST(MarathonTaskIdTest, NotATaskId) {
  EXPECT_FALSE(parse_marathon_task_id("").has_value());
  EXPECT_FALSE(parse_marathon_task_id("nodots").has_value());
  EXPECT_FALSE(parse_marathon_task_id("ct:1717171200000:0:hourly-etl:").has_value());
}

TEST(AppTest, HostnameUniqueMatchesOnlyHostnameUnique) {
  App a;
  EXPECT_FALSE(a.is_hostname_unique());
  a.constraints = {{"rack", "UNIQUE", "", false}};
  EXPECT_FALSE(a.is_hostname_unique());
  a.constraints.push_back({"hostname", "CLUSTER", "agent1", true});
  EXPECT_FALSE(a.is_hostname_unique());
  a.constraints.push_back({"hostname", "UNIQUE", "", false});
  EXPECT_TRUE(a.is_hostname_unique());
  App b;
  b.constraints = {{"@hostname", "UNIQUE", "", false}};
  EXPECT_TRUE(b.is_hostname_unique());
}

}  // namespace
}  // namespace qctl::model
