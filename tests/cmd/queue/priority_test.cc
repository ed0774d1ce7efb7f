// `qctl queue priority` against recorded Chronos payloads: what is sent, what is shown.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cmd/queue/queue_cli.h"

namespace qctl::testing {
namespace {

using http::Method;

/// One job of the recorded GET /jobs, as GET /job/{name} answers it.
std::string recorded_job(const std::string& name) {
  for (const auto& job : nlohmann::json::parse(read_fixture("chronos/jobs.json"))) {
    if (job["name"] == name) {
      return job.dump();
    }
  }
  ADD_FAILURE() << name << " not in the fixture";
  return "{}";
}

/// jobs/summary with `name` in `state` (and nothing else).
std::string summary_with(const std::string& name, const std::string& state) {
  return nlohmann::json{{"jobs",
                         {{{"name", name},
                           {"status", "success"},
                           {"state", state},
                           {"schedule", ""},
                           {"parents", nlohmann::json::array()},
                           {"disabled", false}}}}}
      .dump();
}

std::map<std::string, std::string> chronos_only() { return {{"QCTL_CHRONOS", kQueueChronos}}; }

class QueuePriorityCmdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t.get_fixture(chronos_url("/v1/scheduler/leader"), "chronos/leader.json");
  }
  /// The request bodies sent with `method`.
  std::vector<http::Request> sent(Method method) const {
    std::vector<http::Request> out;
    for (const auto& r : t.requests()) {
      if (r.method == method) {
        out.push_back(r);
      }
    }
    return out;
  }
  FakeTransport t;
};

TEST_F(QueuePriorityCmdTest, QueuedJobIsResubmittedHighButItsTaskStaysUntilRequeued) {
  t.on(Method::kGet, chronos_url("/v1/scheduler/job/nightly-report"), 200,
       recorded_job("nightly-report"));
  t.on(Method::kGet, chronos_url("/v1/scheduler/jobs/summary"), 200,
       summary_with("nightly-report", "queued"), {}, true);
  t.on(Method::kPost, chronos_url("/v1/scheduler/iso8601"), 204, "");
  const auto r =
      run_queue_cli(t, {"queue", "priority", "nightly-report", "high", "--run"}, chronos_only());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "NAME             WHEN     PRIORITY   STATE    QUEUE\n"
            "nightly-report   before   normal     queued   normal\n"
            "nightly-report   after    high       queued   normal\n");
  EXPECT_NE(r.err.find("resubmitted job nightly-report with highPriority true (POST "
                       "/v1/scheduler/iso8601)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("note: the task already waiting in the normal queue stays there"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("note: --run not sent: job nightly-report is already queued"),
            std::string::npos)
      << r.err;
  const auto posts = sent(Method::kPost);
  ASSERT_EQ(posts.size(), 1u);
  const auto body = nlohmann::json::parse(posts[0].body);
  EXPECT_EQ(body["highPriority"], true);
  EXPECT_EQ(body["schedule"], "R/2024-06-01T00:00:00.000Z/P1D");
  // The counters go back unchanged: an upsert must not reset them.
  const auto before = nlohmann::json::parse(recorded_job("nightly-report"));
  EXPECT_EQ(body["successCount"], before["successCount"]);
  EXPECT_EQ(body["lastSuccess"], before["lastSuccess"]);
  EXPECT_TRUE(sent(Method::kPut).empty());
}

TEST_F(QueuePriorityCmdTest, IdleJobIsResubmittedAndTriggeredIntoTheHighQueue) {
  t.on(Method::kGet, chronos_url("/v1/scheduler/job/cleanup-tmp"), 200,
       recorded_job("cleanup-tmp"));
  t.on(Method::kGet, chronos_url("/v1/scheduler/jobs/summary"), 200,
       summary_with("cleanup-tmp", "idle"));
  t.on(Method::kPost, chronos_url("/v1/scheduler/iso8601"), 204, "");
  t.on(Method::kPut, chronos_url("/v1/scheduler/job/cleanup-tmp"), 204, "");
  t.on(Method::kGet, chronos_url("/v1/scheduler/jobs/summary"), 200,
       summary_with("cleanup-tmp", "queued"));
  const auto r = run_queue_cli(
      t, {"queue", "priority", "cleanup-tmp", "high", "--run", "-o", "json"}, chronos_only());
  ASSERT_EQ(r.code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["before"],
            (nlohmann::json{{"priority", "normal"}, {"state", "idle"}, {"queue", nullptr}}));
  EXPECT_EQ(doc["after"],
            (nlohmann::json{{"priority", "high"}, {"state", "queued"}, {"queue", "high"}}));
  EXPECT_EQ(doc["triggered"], true);
  EXPECT_NE(r.err.find("triggered job cleanup-tmp (PUT /v1/scheduler/job/cleanup-tmp)"),
            std::string::npos)
      << r.err;
}

TEST_F(QueuePriorityCmdTest, DependentJobGoesToTheDependencyEndpoint) {
  t.on(Method::kGet, chronos_url("/v1/scheduler/job/report-publish"), 200,
       recorded_job("report-publish"));
  t.on(Method::kGet, chronos_url("/v1/scheduler/jobs/summary"), 200,
       summary_with("report-publish", "2 running"), {}, true);
  t.on(Method::kPost, chronos_url("/v1/scheduler/dependency"), 204, "");
  const auto r = run_queue_cli(t, {"queue", "priority", "report-publish", "high"}, chronos_only());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("the running task is not affected: Chronos has no preemption"),
            std::string::npos)
      << r.err;
  const auto body = nlohmann::json::parse(sent(Method::kPost).at(0).body);
  EXPECT_EQ(body["parents"], nlohmann::json{"nightly-report"});
  EXPECT_FALSE(body.contains("schedule"));
}

TEST_F(QueuePriorityCmdTest, DryRunSendsNothing) {
  t.on(Method::kGet, chronos_url("/v1/scheduler/job/cleanup-tmp"), 200,
       recorded_job("cleanup-tmp"));
  t.on(Method::kGet, chronos_url("/v1/scheduler/jobs/summary"), 200,
       summary_with("cleanup-tmp", "idle"));
  const auto r = run_queue_cli(
      t, {"queue", "priority", "cleanup-tmp", "high", "--run", "--dry-run"}, chronos_only());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("cleanup-tmp   after (dry run)   high       queued   high"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("dry run: would resubmit job cleanup-tmp with highPriority true"),
            std::string::npos);
  EXPECT_NE(r.err.find("dry run: would trigger job cleanup-tmp"), std::string::npos);
  EXPECT_TRUE(sent(Method::kPost).empty());
  EXPECT_TRUE(sent(Method::kPut).empty());
}

TEST_F(QueuePriorityCmdTest, UnchangedPriorityIsNotResubmitted) {
  t.on(Method::kGet, chronos_url("/v1/scheduler/job/billing-export"), 200,
       recorded_job("billing-export"));
  t.on(Method::kGet, chronos_url("/v1/scheduler/jobs/summary"), 200,
       summary_with("billing-export", "queued"));
  const auto r = run_queue_cli(t, {"queue", "priority", "billing-export", "high"}, chronos_only());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("already has high priority: not resubmitted"), std::string::npos);
  EXPECT_TRUE(sent(Method::kPost).empty());
}

TEST_F(QueuePriorityCmdTest, UnknownJobExits3) {
  t.get_fixture(chronos_url("/v1/scheduler/job/nope"), "chronos/error-400-not-found.json", 400);
  const auto r = run_queue_cli(t, {"queue", "priority", "nope", "high"}, chronos_only());
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("job 'nope' not found"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(QueuePriorityCmd2xTest, JobComesFromTheListAndStateFromTheGraph) {
  // Chronos 2.x answers GET job/{name} with 405: the job is read from GET /scheduler/jobs.
  FakeTransport t;
  t.on(Method::kGet, chronos_url("/v1/scheduler/leader"), 404, "");
  t.get_fixture(chronos_url("/scheduler/leader"), "chronos/leader.json");
  t.get_fixture(chronos_url("/scheduler/jobs"), "chronos/jobs.json");
  t.get_fixture(chronos_url("/scheduler/graph/csv"), "chronos/graph.csv");
  t.on(Method::kPost, chronos_url("/scheduler/iso8601"), 204, "");
  t.get_fixture(chronos_url("/scheduler/graph/csv"), "chronos/graph.csv");
  const auto r = run_queue_cli(t, {"queue", "priority", "hourly-etl", "high"}, chronos_only());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("hourly-etl   before   normal     2 running"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("(POST /scheduler/iso8601)"), std::string::npos) << r.err;

  FakeTransport missing;
  missing.on(Method::kGet, chronos_url("/v1/scheduler/leader"), 404, "");
  missing.get_fixture(chronos_url("/scheduler/leader"), "chronos/leader.json");
  missing.get_fixture(chronos_url("/scheduler/jobs"), "chronos/jobs.json");
  const auto gone = run_queue_cli(missing, {"queue", "priority", "nope", "high"}, chronos_only());
  EXPECT_EQ(gone.code, 3);
  EXPECT_NE(gone.err.find("job 'nope' not found"), std::string::npos) << gone.err;
}

TEST(QueuePriorityCmdUsageTest, BadPriorityAndBadNameAreUsageErrors) {
  FakeTransport t;
  auto r = run_queue_cli(t, {"queue", "priority", "news", "urgent"}, chronos_only());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("priority must be high or normal, not \"urgent\""), std::string::npos)
      << r.err;
  r = run_queue_cli(t, {"queue", "priority", "news"}, chronos_only());
  EXPECT_EQ(r.code, 2);
  r = run_queue_cli(t, {"queue", "priority", "bad/name", "high"}, chronos_only());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("invalid job name 'bad/name'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace qctl::testing
