// `qctl job run`: triggers, the triggers Chronos would silently drop, --priority, --wait.
#include <gtest/gtest.h>

#include "tests/cmd/job/job_cli.h"

namespace qctl::testing {
namespace {

using http::Method;

class JobRunTest : public ::testing::Test, public JobCli {
 protected:
  // GET job/{name} and jobs/summary with `state` for it.
  void serve(const std::string& name, const nlohmann::json& patch = {},
             const std::string& state = "idle") {
    t.on(Method::kGet, url("/v1/scheduler/job/" + name), 200, fixture_job(name, patch));
    t.on(Method::kGet, url("/v1/scheduler/jobs/summary"), 200, summary_with(name, state));
  }
  // GET jobs as --wait polls it: nightly-report with these counts.
  void serve_counts(std::int64_t success, std::int64_t error, bool repeat = false) {
    auto jobs = nlohmann::json::parse(read_fixture("chronos/jobs.json"));
    for (auto& j : jobs) {
      if (j["name"] == "nightly-report") {
        j["successCount"] = success;
        j["errorCount"] = error;
      }
    }
    t.on(Method::kGet, url("/v1/scheduler/jobs"), 200, jobs.dump(), {}, repeat);
  }
};

TEST_F(JobRunTest, TriggersAnIdleJobAndSaysSoOnStderr) {
  serve("nightly-report");
  t.on(Method::kPut, url("/v1/scheduler/job/nightly-report"), 204, "");
  const auto r = run({"job", "run", "nightly-report"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "job/nightly-report triggered (normal priority queue)\n");
}

TEST_F(JobRunTest, JsonOutputIsTheResult) {
  serve("nightly-report");
  t.on(Method::kPut, url("/v1/scheduler/job/nightly-report"), 204, "");
  const auto r = run({"job", "run", "nightly-report", "-o", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc.size(), 1U);
  EXPECT_EQ(doc[0]["name"], "nightly-report");
  EXPECT_EQ(doc[0]["triggered"], true);
  EXPECT_EQ(doc[0]["queue"], "normal");
  EXPECT_FALSE(doc[0].contains("run"));  // no --wait
}

TEST_F(JobRunTest, PassesArgumentsUrlEncoded) {
  serve("nightly-report");
  t.on(Method::kPut, url("/v1/scheduler/job/nightly-report?arguments=--date%202024-05-30"), 204,
       "");
  const auto r = run({"job", "run", "nightly-report", "--arguments", "--date 2024-05-30"});
  EXPECT_EQ(r.code, 0) << r.err;
}

TEST_F(JobRunTest, RefusesAQueuedJobBecauseChronosDedupsIt) {
  serve("billing-export", {}, "queued");
  const auto r = run({"job", "run", "billing-export"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("job billing-export is already queued: Chronos ignores the trigger"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(calls(Method::kPut).empty());
}

TEST_F(JobRunTest, RefusesADisabledJob) {
  serve("nightly-report", {{"disabled", true}});
  const auto r = run({"job", "run", "nightly-report"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("job nightly-report is disabled: Chronos ignores the trigger"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(calls(Method::kPut).empty());
}

TEST_F(JobRunTest, RefusesARunningJobUnlessConcurrent) {
  serve("hourly-etl", {{"concurrent", false}}, "1 running");
  auto r = run({"job", "run", "hourly-etl"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("already running and not concurrent: Chronos ignores the trigger"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(calls(Method::kPut).empty());

  t.get_fixture(url("/v1/scheduler/leader"), "chronos/leader.json");  // a new qctl probes again
  serve("hourly-etl", {}, "2 running");  // the fixture job is concurrent
  t.on(Method::kPut, url("/v1/scheduler/job/hourly-etl"), 204, "");
  r = run({"job", "run", "hourly-etl"});
  EXPECT_EQ(r.code, 0) << r.err;
}

TEST_F(JobRunTest, UnknownJobIsNotFoundExitThree) {
  t.on(Method::kGet, url("/v1/scheduler/job/nope"), 400,
       read_fixture("chronos/error-400-not-found.json"));
  const auto r = run({"job", "run", "nope"});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("job 'nope' not found"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("java.lang"), std::string::npos) << "no stack trace: " << r.err;
}

TEST_F(JobRunTest, PriorityHighUpsertsTheJobBeforeTriggering) {
  serve("nightly-report");
  t.on(Method::kPost, url("/v1/scheduler/iso8601"), 204, "");
  t.on(Method::kPut, url("/v1/scheduler/job/nightly-report"), 204, "");
  const auto r = run({"job", "run", "nightly-report", "--priority", "high"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("priority set to high"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("triggered (high priority queue)"), std::string::npos) << r.err;
  const auto requests = t.requests();
  ASSERT_GE(requests.size(), 2U);
  const auto& post = requests[requests.size() - 2];
  EXPECT_EQ(post.method, Method::kPost);
  const auto body = nlohmann::json::parse(post.body);
  EXPECT_EQ(body["highPriority"], true);
  EXPECT_EQ(body["successCount"], 365) << "an upsert keeps the run statistics";
  EXPECT_EQ(requests.back().method, Method::kPut);
}

TEST_F(JobRunTest, PriorityOfADependentJobGoesToTheDependencyEndpoint) {
  serve("report-publish");
  t.on(Method::kPost, url("/v1/scheduler/dependency"), 204, "");
  t.on(Method::kPut, url("/v1/scheduler/job/report-publish"), 204, "");
  const auto r = run({"job", "run", "report-publish", "--priority", "high"});
  EXPECT_EQ(r.code, 0) << r.err;
}

TEST_F(JobRunTest, PriorityAlreadySetSendsNoUpsert) {
  serve("billing-export");  // highPriority: true
  t.on(Method::kPut, url("/v1/scheduler/job/billing-export"), 204, "");
  const auto r = run({"job", "run", "billing-export", "--priority", "high"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(calls(Method::kPost).empty());
}

TEST_F(JobRunTest, WaitExitsZeroWhenTheRunSucceeds) {
  serve("nightly-report");
  t.on(Method::kPut, url("/v1/scheduler/job/nightly-report"), 204, "");
  serve_counts(365, 4);
  serve_counts(366, 4);
  const auto r = run({"job", "run", "nightly-report", "--wait"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("job/nightly-report succeeded"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << "no progress line off a terminal";
}

TEST_F(JobRunTest, WaitExitsOneWhenTheRunFails) {
  serve("nightly-report");
  t.on(Method::kPut, url("/v1/scheduler/job/nightly-report"), 204, "");
  serve_counts(365, 5);
  const auto r = run({"job", "run", "nightly-report", "--wait"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("job/nightly-report failed"), std::string::npos) << r.err;
}

TEST_F(JobRunTest, WaitExitsFiveOnTimeout) {
  serve("nightly-report");
  t.on(Method::kPut, url("/v1/scheduler/job/nightly-report"), 204, "");
  serve_counts(365, 4, true);
  const auto r = run({"job", "run", "nightly-report", "--wait", "--wait-timeout", "2s"});
  EXPECT_EQ(r.code, 5) << r.err;
  EXPECT_NE(r.err.find("not finished after 2s"), std::string::npos) << r.err;
  EXPECT_GE(clock.slept(), std::chrono::seconds(2));
}

TEST_F(JobRunTest, BadFlagsAreUsageErrors) {
  t.allow_unused();
  auto r = run({"job", "run", "nightly-report", "--priority", "urgent"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--priority must be high or normal"), std::string::npos) << r.err;
  r = run({"job", "run", "nightly-report", "--wait", "--wait-timeout", "soon"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--wait-timeout"), std::string::npos) << r.err;
  r = run({"job", "run", "bad name"});
  EXPECT_EQ(r.code, 2);
  r = run({"job", "run"});
  EXPECT_EQ(r.code, 2);
}

TEST_F(JobRunTest, Chronos2ReadsTheStateFromTheGraphAndQueuesAgain) {
  JobCli v2(2);
  v2.t.get_fixture(url("/scheduler/jobs"), "chronos/jobs.json");  // 2.x has no GET job/{name}
  v2.t.on(Method::kGet, url("/scheduler/graph/csv"), 200, read_fixture("chronos/graph.csv"));
  // 2.x queues a second task but drops it in the offer round that launches the first.
  t.allow_unused();
  const auto r = v2.run({"job", "run", "billing-export"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("already queued"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Chronos 2.x queues the trigger too"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace qctl::testing
