#include "core/target/resolve.h"

#include <gtest/gtest.h>

#include "core/mesos/decode.h"
#include "tests/support/fake_transport.h"

namespace qctl::target {
namespace {

/// The recorded /master/frameworks and /master/slaves of a 5-agent cluster running Marathon
/// (web ×2 Docker, api/backend, a pod), Chronos (hourly-etl running, two finished) and Spark.
Inventory recorded_inventory() {
  std::string frameworks = qctl::testing::read_fixture("mesos/master-frameworks.json");
  std::string slaves = qctl::testing::read_fixture("mesos/master-slaves.json");
  auto fw = mesos::decode_frameworks(frameworks);
  Inventory inv;
  inv.frameworks = std::move(fw.frameworks);
  inv.completed_frameworks = std::move(fw.completed);
  inv.agents = mesos::decode_slaves(slaves).agents;
  return inv;
}

std::vector<std::string> ids(const std::vector<TargetTask>& tasks) {
  std::vector<std::string> out;
  for (const auto& t : tasks) {
    out.push_back(t.task_id);
  }
  return out;
}

TEST(TargetResolveTest, AnAppIdWithOrWithoutLeadingSlashFindsItsRunningTasksOnly) {
  const auto inv = recorded_inventory();
  for (const char* target : {"/web", "web", "/web/"}) {
    const auto res = resolve(target, inv);
    EXPECT_EQ(res.kind, MatchKind::kAppId) << target;
    // Sorted by agent hostname: agent1 before agent4; the killed one is set aside.
    EXPECT_EQ(ids(res.tasks),
              (std::vector<std::string>{"web.6b1c7a8e-2f3d-11ef-9a1b-0242ac110002",
                                        "web.7c2d8b9f-2f3d-11ef-9a1b-0242ac110002"}));
    ASSERT_EQ(res.not_running.size(), 1U);
    EXPECT_EQ(res.not_running[0].state, "TASK_KILLED");
  }
}

TEST(TargetResolveTest, ATaskCarriesItsAgentContainerAndAppDetails) {
  const auto res = resolve("web.6b1c7a8e-2f3d-11ef-9a1b-0242ac110002", recorded_inventory());
  ASSERT_EQ(res.tasks.size(), 1U);
  EXPECT_EQ(res.kind, MatchKind::kTaskId);
  const TargetTask& t = res.tasks[0];
  EXPECT_EQ(t.app_id, "/web");
  EXPECT_EQ(t.framework_name, "marathon");
  EXPECT_EQ(t.agent_hostname, "agent1.dc1.example.com");
  EXPECT_EQ(t.agent_address, "10.0.1.11:5051");
  EXPECT_EQ(t.agent_version, "1.11.0");
  EXPECT_TRUE(t.is_docker());
  EXPECT_EQ(t.container_id, "0c3f6a1e-52b7-4d4e-8f1a-9b2c3d4e5f60");
  EXPECT_EQ(t.executor_id, t.task_id);  // a command task: the executor is named after it
  EXPECT_GT(t.started, 0);
}

TEST(TargetResolveTest, NestedAppIdsComeBackFromTheSafeTaskIdForm) {
  const auto res = resolve("api/backend", recorded_inventory());
  EXPECT_EQ(res.kind, MatchKind::kAppId);
  ASSERT_EQ(res.tasks.size(), 1U);  // the second one is still staging
  EXPECT_EQ(res.tasks[0].app_id, "/api/backend");
  EXPECT_EQ(res.tasks[0].container_type, "");
  ASSERT_EQ(res.not_running.size(), 1U);
  EXPECT_EQ(res.not_running[0].state, "TASK_STAGING");
}

TEST(TargetResolveTest, AChronosJobNameFindsItsRunningTask) {
  const auto res = resolve("hourly-etl", recorded_inventory());
  EXPECT_EQ(res.kind, MatchKind::kJobName);
  ASSERT_EQ(res.tasks.size(), 1U);
  EXPECT_EQ(res.tasks[0].job_name, "hourly-etl");
  EXPECT_EQ(res.tasks[0].framework_name, "chronos");
}

TEST(TargetResolveTest, AFinishedJobIsNotRunningButIncludedOnRequest) {
  const auto inv = recorded_inventory();
  const auto res = resolve("nightly-report", inv);
  EXPECT_TRUE(res.tasks.empty());
  ASSERT_EQ(res.not_running.size(), 1U);
  EXPECT_EQ(res.not_running[0].state, "TASK_FINISHED");
  EXPECT_GT(res.not_running[0].stopped, 0);

  const auto all = resolve("nightly-report", inv, {.include_finished = true});
  ASSERT_EQ(all.tasks.size(), 1U);
  EXPECT_EQ(all.tasks[0].state, "TASK_FINISHED");
  EXPECT_TRUE(all.not_running.empty());
}

TEST(TargetResolveTest, PrefixAndGlobMatchTaskIds) {
  const auto inv = recorded_inventory();
  const auto prefix = resolve("web.7c2d", inv);
  EXPECT_EQ(prefix.kind, MatchKind::kPrefix);
  EXPECT_EQ(ids(prefix.tasks),
            (std::vector<std::string>{"web.7c2d8b9f-2f3d-11ef-9a1b-0242ac110002"}));

  const auto glob = resolve("*8d3e9ca0*", inv);
  EXPECT_EQ(glob.kind, MatchKind::kGlob);
  EXPECT_EQ(ids(glob.tasks),
            (std::vector<std::string>{"api_backend.8d3e9ca0-2f3d-11ef-9a1b-0242ac110002"}));

  // A glob over app ids: "/api/*" names the nested app.
  EXPECT_EQ(resolve("api/*", inv).tasks.size(), 1U);
}

TEST(TargetResolveTest, NoMatchOffersTheClosestRunningNames) {
  const auto res = resolve("/webb", recorded_inventory());
  EXPECT_EQ(res.kind, MatchKind::kNone);
  EXPECT_TRUE(res.tasks.empty());
  ASSERT_FALSE(res.closest.empty());
  EXPECT_EQ(res.closest[0], "/web");
  // Nothing near: no suggestions rather than noise.
  EXPECT_TRUE(resolve("zzzzzzzzzzzz", recorded_inventory()).closest.empty());
}

TEST(TargetResolveTest, EmptyTargetMatchesNothing) {
  EXPECT_EQ(resolve("", recorded_inventory()).kind, MatchKind::kNone);
}

TEST(TargetResolveTest, IdHelpersFollowMarathonAndChronosShapes) {
  EXPECT_EQ(app_id_of_task("team_web.6b1c7a8e-2f3d-11ef-9a1b-0242ac110002"), "/team/web");
  EXPECT_EQ(app_id_of_task("web-pod.instance-af50bec2-2f3d-11ef-9a1b-0242ac110002.nginx"),
            "/web-pod");
  EXPECT_EQ(job_of_task("ct:1717171200000:0:hourly-etl:", ""), "hourly-etl");
  EXPECT_EQ(job_of_task("x", "ChronosTask:nightly"), "nightly");
  EXPECT_EQ(job_of_task("x", "y"), "");
  EXPECT_EQ(normalize_app_id("a/b/"), "/a/b");
}

TEST(TargetResolveTest, ClosestNamesPreferSubstringsAndDropFarNames) {
  const std::vector<std::string> names = {"/team/web", "/team/api", "/other", "hourly-etl"};
  EXPECT_EQ(closest_names("web", names), (std::vector<std::string>{"/team/web"}));
  EXPECT_EQ(closest_names("hourly-et", names)[0], "hourly-etl");
  EXPECT_TRUE(closest_names("qqqqqqqq", names).empty());
}

}  // namespace
}  // namespace qctl::target
