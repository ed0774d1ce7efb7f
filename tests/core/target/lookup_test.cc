#include "core/target/lookup.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/mesos/agent_client.h"
#include "core/mesos/master_client.h"
#include "tests/support/fake_transport.h"

namespace qctl::target {
namespace {

using qctl::testing::FakeTransport;

struct TargetLookupTest : ::testing::Test {
  FakeTransport t;
  FakeClock clock;
  http::Client http{t, clock, {}};

  Resolution resolved(const std::string& target) {
    t.get_fixture("http://m1:5050/master/frameworks", "mesos/master-frameworks.json");
    t.get_fixture("http://m1:5050/master/slaves", "mesos/master-slaves.json");
    mesos::MasterClient master(http, {"http://m1:5050"});
    return resolve_target(target, master);
  }
};

TEST_F(TargetLookupTest, ReadsFrameworksAndAgentsFromTheMaster) {
  const auto res = resolved("/web");
  EXPECT_EQ(res.tasks.size(), 2U);
}

TEST_F(TargetLookupTest, SeveralMatchesStaySeveralUntilIndexOrHostPicks) {
  const auto res = resolved("/web");
  EXPECT_EQ(narrow("/web", res, {}).size(), 2U);
  const auto by_index = narrow("/web", res, {.index = 2, .host = ""});
  ASSERT_EQ(by_index.size(), 1U);
  EXPECT_EQ(by_index[0].agent_hostname, "agent4.dc1.example.com");
  const auto by_host = narrow("/web", res, {.index = 0, .host = "agent1.dc1.example.com"});
  ASSERT_EQ(by_host.size(), 1U);
  EXPECT_EQ(by_host[0].task_id, "web.6b1c7a8e-2f3d-11ef-9a1b-0242ac110002");
}

TEST_F(TargetLookupTest, BadPicksAreUsageErrors) {
  const auto res = resolved("/web");
  EXPECT_THROW((void)narrow("/web", res, {.index = 3, .host = ""}), UsageError);
  EXPECT_THROW((void)narrow("/web", res, {.index = 0, .host = "agent9"}), UsageError);
}

TEST_F(TargetLookupTest, NoMatchIsNotFoundWithClosestNames) {
  const auto res = resolved("/webb");
  try {
    (void)narrow("/webb", res, {});
    FAIL() << "expected NotFoundError";
  } catch (const NotFoundError& e) {
    EXPECT_EQ(e.line(), "/webb: no app, job or task matches");
    EXPECT_NE(e.hint().find("/web"), std::string::npos) << e.hint();
  }
}

TEST_F(TargetLookupTest, AFinishedTargetSaysItIsNotRunning) {
  const auto res = resolved("nightly-report");
  try {
    (void)narrow("nightly-report", res, {});
    FAIL() << "expected NotFoundError";
  } catch (const NotFoundError& e) {
    EXPECT_NE(std::string(e.what()).find("TASK_FINISHED"), std::string::npos) << e.what();
  }
}

TEST_F(TargetLookupTest, AmbiguityListsTaskHostAgeAndHealth) {
  const auto res = resolved("/web");
  try {
    throw_ambiguous("/web", res.tasks, 1717172000);
  } catch (const UsageError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("2 tasks match"), std::string::npos);
    EXPECT_NE(what.find("agent4.dc1.example.com"), std::string::npos);
    EXPECT_NE(e.hint().find("--index"), std::string::npos);
  }
}

TEST_F(TargetLookupTest, DockerTaskNamesFollowTheAgentVersion) {
  EXPECT_EQ(docker_name("1.11.0", "A-S0", "c1"), "mesos-c1");
  EXPECT_EQ(docker_name("1.3.2", "A-S0", "c1"), "mesos-A-S0.c1");
  EXPECT_EQ(docker_name("0.28.1", "A-S0", "c1"), "mesos-A-S0.c1");
  EXPECT_EQ(docker_name("0.22.0", "A-S0", "c1"), "mesos-c1");
}

TEST_F(TargetLookupTest, MesosContainerizerTasksGetTheExecutorPidFromTheAgent) {
  const auto res = resolved("/api/backend");
  t.get_fixture("http://10.0.1.11:5051/containers", "mesos/agent-containers.json");
  mesos::AgentClient agents(http, "http");
  const auto loc = locate_container(res.tasks.at(0), agents);
  EXPECT_FALSE(loc.docker);
  EXPECT_EQ(loc.container_id, "2e5b8c3a-74d9-4f6a-8b3c-1d4e5f6a7b82");
  EXPECT_EQ(loc.executor_pid, 48213);
}

TEST_F(TargetLookupTest, ContainerIdFallsBackToTheAgentState) {
  auto res = resolved("/web");
  TargetTask task = res.tasks.at(0);
  task.container_id.clear();  // an old master without container_status
  t.get_fixture("http://10.0.1.11:5051/state", "mesos/agent-state.json");
  mesos::AgentClient agents(http, "http");
  const auto loc = locate_container(task, agents);
  EXPECT_TRUE(loc.docker);
  EXPECT_EQ(loc.docker_name, "mesos-0c3f6a1e-52b7-4d4e-8f1a-9b2c3d4e5f60");
}

TEST_F(TargetLookupTest, UnsafeIdsFromTheApiAreRefused) {
  auto res = resolved("/web");
  TargetTask task = res.tasks.at(0);
  task.container_id = "x; rm -rf /";
  mesos::AgentClient agents(http, "http");
  EXPECT_THROW((void)locate_container(task, agents), ApiError);
  EXPECT_FALSE(is_safe_id("-rf"));
  EXPECT_TRUE(is_safe_id("5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a-S0"));
}

}  // namespace
}  // namespace qctl::target
