// SandboxMarathonDeployments: steps, restart per upgradeStrategy, cancel, queue and back-off.
#include "tests/sandbox/marathon/fixture.h"

namespace qctl::sandbox::marathon::testing {
namespace {

using nlohmann::json;

class SandboxMarathonDeployments : public MarathonTest {
 protected:
  std::set<std::string> versions_of_live_tasks() {
    std::set<std::string> out;
    json tasks = body(call("GET", "/v2/tasks"))["tasks"];
    for (const json& t : tasks) {
      out.insert(t["version"].get<std::string>());
    }
    return out;
  }
};

TEST_F(SandboxMarathonDeployments, ListShapeMatchesTheFixture) {
  ASSERT_EQ(call("POST", "/v2/apps", R"({"id":"/batch/api","cmd":"sleep 9","instances":2})").status, 201);
  json list = body(call("GET", "/v2/deployments"));
  ASSERT_EQ(list.size(), 1U);
  json want = json::parse(qctl::testing::read_fixture("marathon/deployments.json"))[0];
  expect_same_shape(want, list[0], "deployment");
  EXPECT_EQ(list[0]["affectedApps"], json::array({"/batch/api"}));
  // DeploymentPlan: a new app starts with 0 instances, then scales.
  EXPECT_EQ(list[0]["totalSteps"], 2);
  EXPECT_EQ(list[0]["steps"][0]["actions"][0]["action"], "StartApplication");
  EXPECT_EQ(list[0]["steps"][1]["actions"][0]["action"], "ScaleApplication");
  tick();
  clock_ += 1;
  tick();
  list = body(call("GET", "/v2/deployments"));
  EXPECT_EQ(list[0]["currentStep"], 2);
  EXPECT_EQ(list[0]["currentActions"][0]["action"], "ScaleApplication");
  clock_ += 5;
  tick();
  EXPECT_EQ(body(call("GET", "/v2/deployments")).size(), 1U);  // waits for TASK_RUNNING
  run_all();
  tick();
  EXPECT_TRUE(body(call("GET", "/v2/deployments")).empty());
}

TEST_F(SandboxMarathonDeployments, RestartReplacesStepByStepWithinTheStrategy) {
  ASSERT_EQ(call("POST", "/v2/apps",
                 R"({"id":"/r","cmd":"sleep 9","instances":2,
                     "upgradeStrategy":{"minimumHealthCapacity":0.5,"maximumOverCapacity":0}})")
                .status,
            201);
  settle();
  ASSERT_EQ(versions_of_live_tasks().size(), 1U);
  std::string old_version = *versions_of_live_tasks().begin();
  http::Response r = call("POST", "/v2/apps/r/restart");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body(call("GET", "/v2/deployments"))[0]["steps"][0]["actions"][0]["action"],
            "RestartApplication");
  tick();
  // minHealthy 1, maxCapacity 2: one old instance killed, one new scheduled and launched.
  EXPECT_EQ(live_tasks(), 2U);
  EXPECT_EQ(versions_of_live_tasks().size(), 2U);
  run_all();
  tick();  // the new one is up: the second old one goes, its replacement starts
  EXPECT_EQ(live_tasks(), 2U);
  EXPECT_EQ(versions_of_live_tasks().count(old_version), 0U);
  settle();
  EXPECT_EQ(body(call("GET", "/v2/apps/r"))["app"]["tasksRunning"], 2);
}

TEST_F(SandboxMarathonDeployments, DefaultStrategyStartsNewBeforeKillingOld) {
  ASSERT_EQ(call("POST", "/v2/apps", R"({"id":"/r","cmd":"sleep 9","instances":2})").status, 201);
  settle();
  ASSERT_EQ(call("PUT", "/v2/apps/r", R"({"cmd":"sleep 10"})").status, 200);
  tick();
  EXPECT_EQ(live_tasks(), 4U);  // (1, 1): nothing killed until new instances are up
  settle();
  EXPECT_EQ(live_tasks(), 2U);
}

TEST_F(SandboxMarathonDeployments, CancelRollsBackAndForceJustStops) {
  ASSERT_EQ(call("POST", "/v2/apps", R"({"id":"/c","cmd":"sleep 9","instances":1})").status, 201);
  settle();
  json scaled = body(call("PUT", "/v2/apps/c", R"({"instances":3})"));
  http::Response rollback = call("DELETE", "/v2/deployments/" + scaled["deploymentId"].get<std::string>());
  ASSERT_EQ(rollback.status, 200) << rollback.body;
  json deployments = body(call("GET", "/v2/deployments"));
  ASSERT_EQ(deployments.size(), 1U);
  EXPECT_EQ(deployments[0]["id"], body(rollback)["deploymentId"]);
  settle();
  EXPECT_EQ(body(call("GET", "/v2/apps/c"))["app"]["instances"], 1);

  json again = body(call("PUT", "/v2/apps/c", R"({"instances":2})"));
  http::Response forced =
      call("DELETE", "/v2/deployments/" + again["deploymentId"].get<std::string>(), "", "force=true");
  EXPECT_EQ(forced.status, 202);
  EXPECT_TRUE(forced.body.empty());
  EXPECT_TRUE(body(call("GET", "/v2/deployments")).empty());
  EXPECT_EQ(call("DELETE", "/v2/deployments/nope").body,
            R"({"message":"DeploymentPlan nope does not exist"})");
}

TEST_F(SandboxMarathonDeployments, UniqueAppWaitsInTheQueueUntilAnAgentJoins) {
  ASSERT_EQ(call("POST", "/v2/apps",
                 R"({"id":"/daemon","cmd":"sleep 9","instances":4,"cpus":0.1,"mem":16,
                     "constraints":[["hostname","UNIQUE"]]})")
                .status,
            201);
  tick();
  clock_ += 1;
  tick();
  EXPECT_EQ(live_tasks(), 3U);
  tick();  // the next offer round: every agent declines the fourth instance
  json queue = body(call("GET", "/v2/queue"))["queue"];
  ASSERT_EQ(queue.size(), 1U);
  EXPECT_EQ(queue[0]["count"], 1);
  EXPECT_EQ(queue[0]["app"]["id"], "/daemon");
  EXPECT_EQ(queue[0]["delay"]["overdue"], true);
  json want = json::parse(qctl::testing::read_fixture("marathon/marathon-queue-response.json"));
  expect_same_shape(want["queue"][1]["processedOffersSummary"], queue[0]["processedOffersSummary"],
                    "processedOffersSummary");
  bool constraint_rejected = false;
  for (const json& r : queue[0]["processedOffersSummary"]["rejectSummaryLastOffers"]) {
    constraint_rejected = constraint_rejected ||
                          (r["reason"] == "UnfulfilledConstraint" && r["declined"] == 3);
  }
  EXPECT_TRUE(constraint_rejected) << queue.dump();
  add_agent("agent4.example.com");
  tick();
  EXPECT_EQ(live_tasks(), 4U);
  EXPECT_TRUE(body(call("GET", "/v2/queue"))["queue"].empty());
}

TEST_F(SandboxMarathonDeployments, FailedTasksComeBackAfterTheBackoff) {
  ASSERT_EQ(call("POST", "/v2/apps",
                 R"({"id":"/f","cmd":"false","backoffSeconds":10,"backoffFactor":2})")
                .status,
            201);
  settle();
  {
    auto lock = world_.lock();
    world_.update(world_.active_tasks().begin()->first, "TASK_FAILED", "Command exited with status 1");
  }
  json app = body(call("GET", "/v2/apps/f"))["app"];
  EXPECT_EQ(app["lastTaskFailure"]["state"], "TASK_FAILED");
  EXPECT_EQ(app["lastTaskFailure"]["message"], "Command exited with status 1");
  tick();
  EXPECT_EQ(live_tasks(), 0U);
  json queue = body(call("GET", "/v2/queue"))["queue"];
  ASSERT_EQ(queue.size(), 1U);
  EXPECT_EQ(queue[0]["delay"]["timeLeftSeconds"], 10);
  EXPECT_EQ(queue[0]["delay"]["overdue"], false);
  EXPECT_EQ(call("DELETE", "/v2/queue/f/delay").status, 204);
  tick();
  EXPECT_EQ(live_tasks(), 1U);
  EXPECT_EQ(call("DELETE", "/v2/queue/f/delay").body,
            R"({"message":"Application /f not found in tasks queue."})");
}

// TaskFailure.isFailureState and NotifyRateLimiterStepImpl.limitWorthy: a kill is no failure
// and no reason to wait; a command that exits 0 is no failure but is relaunched after the
// back-off, as a failed one.
TEST_F(SandboxMarathonDeployments, KilledTasksAreNoFailureFinishedOnesBackOff) {
  ASSERT_EQ(call("POST", "/v2/apps",
                 R"({"id":"/k","cmd":"sleep 1000","backoffSeconds":10,"backoffFactor":2})")
                .status,
            201);
  settle();
  {
    auto lock = world_.lock();
    world_.kill(world_.active_tasks().begin()->first);
  }
  settle();
  json app = body(call("GET", "/v2/apps/k"))["app"];
  EXPECT_FALSE(app.contains("lastTaskFailure")) << app.dump();
  EXPECT_EQ(live_tasks(), 1U) << "replaced at once";
  {
    auto lock = world_.lock();
    world_.update(world_.active_tasks().begin()->first, "TASK_FINISHED", "Command exited with status 0");
  }
  app = body(call("GET", "/v2/apps/k"))["app"];
  EXPECT_FALSE(app.contains("lastTaskFailure")) << app.dump();
  tick();
  EXPECT_EQ(live_tasks(), 0U);
  json queue = body(call("GET", "/v2/queue"))["queue"];
  ASSERT_EQ(queue.size(), 1U);
  EXPECT_EQ(queue[0]["delay"]["timeLeftSeconds"], 10);
}

}  // namespace
}  // namespace qctl::sandbox::marathon::testing
