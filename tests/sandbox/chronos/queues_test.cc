// SandboxChronosQueues: the two queues, dedup, requeue with current priority, launching.
#include <regex>

#include "tests/sandbox/chronos/fixture.h"

namespace qctl::sandbox::chronos::testing {
namespace {

using nlohmann::json;

class SandboxChronosQueues : public ChronosTest {
 protected:
  void tweak(ChronosOptions& o) override { o.task_history = true; }  // the stat tests read it

  // Scheduled far in the future, so only run-now queues them.
  void idle_job(const std::string& name, bool high = false, const std::string& extra = "") {
    scheduled(R"({"name":")" + name + R"(","command":"echo )" + name +
              R"(","schedule":"R/2030-01-01T00:00:00Z/P1D","highPriority":)" +
              (high ? "true" : "false") + extra + "}");
  }
  void run_now(const std::string& name, const std::string& query = "") {
    ASSERT_EQ(call("PUT", "/v1/scheduler/job/" + name, "", query).status, 204);
  }
  static std::string job_of(const std::string& task_id) {
    return task_id.substr(0, task_id.rfind(':')).substr(task_id.find(':', task_id.find(':', 3) + 1) + 1);
  }
};

TEST_F(SandboxChronosQueues, HighQueueDrainsFirstThenFifo) {
  idle_job("a");
  idle_job("b");
  idle_job("c", true);
  run_now("a");
  run_now("b");
  run_now("c");
  run_now("a");  // already queued: dropped
  EXPECT_EQ(gauge("queueSize"), 2);
  EXPECT_EQ(gauge("highQueueSize"), 1);
  EXPECT_EQ(summary("a").first, "queued");
  add_agent("small.example.com", 0.1);  // room for one task (0.1 cpus each)
  std::vector<std::string> order;
  for (int i = 0; i < 3; ++i) {
    tick();
    ASSERT_EQ(live().size(), 1U) << i;
    order.push_back(job_of(live()[0]));
    finish(live()[0]);
    clock_ += 1;
  }
  // Round 1 launches c, then a finds no room and goes back to the tail, behind b.
  EXPECT_EQ(order, (std::vector<std::string>{"c", "b", "a"}));
  EXPECT_EQ(gauge("queueSize"), 0);
}

TEST_F(SandboxChronosQueues, NoRoomRequeuesAtTheTailWithTheJobsCurrentPriority) {
  idle_job("big", false, R"(,"cpus":2)");
  run_now("big");
  tick();  // no agent: polled, no offer fits, back to the normal queue
  EXPECT_EQ(gauge("queueSize"), 1);
  idle_job("big", true, R"(,"cpus":2)");  // upsert with highPriority
  run_now("big");  // dropped: the task is still queued (normal)
  EXPECT_EQ(gauge("queueSize"), 1);
  tick();  // within queue_retry_seconds: no offer round
  EXPECT_EQ(gauge("queueSize"), 1);
  clock_ += 1;
  tick();  // polled again, no room: requeued into the high queue now
  EXPECT_EQ(gauge("highQueueSize"), 1);
  EXPECT_EQ(gauge("queueSize"), 0);
  add_agent("big.example.com");
  clock_ += 1;
  tick();
  ASSERT_EQ(live().size(), 1U);
  EXPECT_EQ(job_of(live()[0]), "big");
}

TEST_F(SandboxChronosQueues, LaunchedTaskLooksLikeChronosBuiltIt) {
  add_agent("agent1.example.com");
  idle_job("etl", false, R"(,"arguments":["-v"],"shell":false,"environmentVariables":[{"name":"CHRONOS_JOB_NAME","value":"x"},{"name":"A","value":"1"}])");
  run_now("etl", "arguments=--day%3B2024");
  tick();
  ASSERT_EQ(live().size(), 1U);
  const std::string id = live()[0];
  EXPECT_TRUE(std::regex_match(id, std::regex(R"(ct:1717228800000:0:etl:--day2024)"))) << id;
  auto lock = world_.lock();
  const SimTask& t = *world_.task(id);
  EXPECT_EQ(t.spec.name, "ChronosTask:etl");
  EXPECT_EQ(t.spec.command, "echo etl --day2024");
  EXPECT_FALSE(t.spec.shell);
  EXPECT_EQ(t.spec.args, std::vector<std::string>{"-v"});
  EXPECT_EQ(t.spec.env.at("CHRONOS_JOB_NAME"), "etl");  // the job's own never overrides
  EXPECT_EQ(t.spec.env.at("A"), "1");
  EXPECT_EQ(t.spec.env.at("CHRONOS_RESOURCE_MEM"), "128.0");
  EXPECT_EQ(t.spec.env.at("HOST"), "agent1.example.com");
  EXPECT_EQ(t.spec.sim_duration, 5);
  EXPECT_FALSE(t.spec.sim_fails);
}

// --simulate judges the command as it runs: a manual run's arguments are part of it.
TEST_F(SandboxChronosQueues, SimulatedFailureReadsTheManualRunsArguments) {
  add_agent("agent1.example.com");
  idle_job("check", false, R"(,"command":"exit")");
  run_now("check", "arguments=3");
  tick();
  ASSERT_EQ(live().size(), 1U);
  const std::string id = live()[0];
  auto lock = world_.lock();
  const SimTask& t = *world_.task(id);
  EXPECT_EQ(t.spec.command, "exit 3");
  EXPECT_TRUE(t.spec.sim_fails);
}

TEST_F(SandboxChronosQueues, RunNowIsIgnoredWhenDisabledOrRunning) {
  add_agent("agent1.example.com");
  idle_job("off", false, R"(,"disabled":true)");
  run_now("off");
  tick();
  EXPECT_TRUE(live().empty());
  EXPECT_EQ(summary("off").first, "idle");  // JobExpired when it was polled
  idle_job("once");
  run_now("once");
  tick();
  ASSERT_EQ(live().size(), 1U);
  update(live()[0], "TASK_RUNNING");
  EXPECT_EQ(summary("once").first, "1 running");
  run_now("once");
  EXPECT_EQ(summary("once").first, "1 running");  // running is not moved back to queued
  tick();
  EXPECT_EQ(live().size(), 1U);  // not concurrent: the second task was dropped
  EXPECT_EQ(gauge("queueSize"), 0);
}

TEST_F(SandboxChronosQueues, FailedRunIsRetriedThenCountedAsAnError) {
  add_agent("agent1.example.com");
  idle_job("flaky", false, R"(,"retries":1)");
  run_now("flaky");
  tick();
  ASSERT_EQ(live().size(), 1U);
  finish(live()[0], "TASK_FAILED");
  EXPECT_EQ(job("flaky")["errorCount"], 0);  // a retry is pending
  clock_ += 30;
  tick();
  EXPECT_TRUE(live().empty());  // failure_retry_delay not over yet
  clock_ += 31;
  tick();
  ASSERT_EQ(live().size(), 1U);
  EXPECT_NE(live()[0].find(":1:flaky:"), std::string::npos) << live()[0];
  finish(live()[0], "TASK_FAILED");
  const json j = job("flaky");
  EXPECT_EQ(j["errorCount"], 1);
  EXPECT_EQ(j["errorsSinceLastSuccess"], 1);
  EXPECT_TRUE(std::regex_match(j["lastError"].get<std::string>(),
                               std::regex(R"(2024-06-01T08:\d\d:\d\d\.\d{3}Z)")));
  EXPECT_EQ(summary("flaky"), std::make_pair(std::string("idle"), std::string("failure")));
  clock_ += 120;
  tick();
  EXPECT_TRUE(live().empty());
  const json stat = body(call("GET", "/v1/scheduler/job/stat/flaky"));
  ASSERT_EQ(stat["taskStatHistory"].size(), 2U);
  EXPECT_EQ(stat["taskStatHistory"][0]["status"], "Fail");
  EXPECT_EQ(stat["taskStatHistory"][0]["duration"], "5s");
  EXPECT_EQ(stat["histogram"]["count"], 0);  // only successful runs are timed
}

TEST_F(SandboxChronosQueues, ScheduleCountsDownAndTheLastRunDisablesTheJob) {
  add_agent("agent1.example.com");
  scheduled(R"({"name":"thrice","command":"true","schedule":"R2/2024-06-01T07:00:00Z/PT1H"})");
  tick();
  ASSERT_EQ(live().size(), 1U);
  EXPECT_EQ(job("thrice")["schedule"], "R1/2024-06-01T09:00:00.000Z/PT1H");
  finish(live()[0]);
  EXPECT_EQ(job("thrice")["successCount"], 1);
  EXPECT_FALSE(job("thrice")["disabled"].get<bool>());
  clock_ = 1717233000;  // 09:10
  tick();
  ASSERT_EQ(live().size(), 1U);
  EXPECT_EQ(job("thrice")["schedule"], "R0/2024-06-01T10:00:00.000Z/PT1H");
  finish(live()[0]);
  EXPECT_TRUE(job("thrice")["disabled"].get<bool>());
  EXPECT_EQ(summary("thrice"), std::make_pair(std::string("idle"), std::string("success")));
  const json stat = body(call("GET", "/v1/scheduler/job/stat/thrice"));
  EXPECT_EQ(stat["histogram"]["count"], 2);
  EXPECT_EQ(stat["taskStatHistory"][0]["status"], "Success");
  const json p = body(call("GET", "/v1/scheduler/stats/median"));
  ASSERT_EQ(p.size(), 1U);
  EXPECT_EQ(p[0]["jobNameLabel"], "thrice");
}

TEST_F(SandboxChronosQueues, DependentRunsAfterAllParentsSucceeded) {
  add_agent("agent1.example.com");
  idle_job("p1");
  idle_job("p2");
  dependent(R"({"name":"child","command":"true","parents":["p1","p2"]})");
  run_now("p1");
  tick();
  finish(live()[0]);
  tick();
  EXPECT_TRUE(live().empty());  // p2 has not run yet
  run_now("p2");
  tick();
  finish(live()[0]);
  EXPECT_EQ(summary("child").first, "queued");
  tick();
  ASSERT_EQ(live().size(), 1U);
  EXPECT_EQ(job_of(live()[0]), "child");
}

TEST_F(SandboxChronosQueues, KillAndDeleteStopRunningTasksAndReparentChildren) {
  add_agent("agent1.example.com");
  idle_job("parent");
  dependent(R"({"name":"child","command":"true","parents":["parent"],"ownerName":"x"})");
  run_now("parent");
  tick();
  update(live()[0], "TASK_RUNNING");
  ASSERT_EQ(call("DELETE", "/v1/scheduler/task/kill/parent").status, 204);
  EXPECT_TRUE(live().empty());
  EXPECT_EQ(job("parent")["errorCount"], 0);  // a kill is not an error
  ASSERT_EQ(call("DELETE", "/v1/scheduler/job/parent").status, 204);
  const json child = job("child");
  // It took its parent's schedule, as rewritten when the parent launched.
  EXPECT_EQ(child["schedule"], "R/2030-01-01T00:00:00.000Z/P1D");
  EXPECT_FALSE(child.contains("parents"));
  EXPECT_EQ(child["ownerName"], "");
}

}  // namespace
}  // namespace qctl::sandbox::chronos::testing
