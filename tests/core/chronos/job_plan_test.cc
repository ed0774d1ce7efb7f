#include "core/chronos/job_plan.h"

#include <gtest/gtest.h>

#include <string>

#include "core/chronos/decode.h"
#include "core/chronos/job_batch.h"
#include "core/chronos/job_report.h"
#include "core/clock.h"
#include "tests/support/fake_transport.h"

namespace qctl::chronos {
namespace {

using http::Method;
using nlohmann::json;
using State = BatchOutcome::State;

std::vector<model::Job> server_jobs() {
  std::string body = qctl::testing::read_fixture("chronos/jobs.json");
  return decode_jobs(body);
}

/// The fixture's job as a user would write it back: its definition without statistics.
json written(const std::string& name) {
  for (auto j : json::parse(qctl::testing::read_fixture("chronos/jobs.json"))) {
    if (j["name"] == name) {
      for (const char* stat :
           {"successCount", "errorCount", "lastSuccess", "lastError", "errorsSinceLastSuccess"}) {
        j.erase(stat);
      }
      j.erase("uris");  // GET mirrors fetch into uris
      return j;
    }
  }
  return {};
}

TEST(JobSubmitPlan, NewJobsAreCreatedWithChronosFields) {
  const auto plan = plan_jobs({{"a.json", {{"name", "fresh"}, {"command", "true"}}}}, {});
  ASSERT_EQ(plan.size(), 1U);
  EXPECT_EQ(plan[0].action, SubmitAction::kCreate);
  EXPECT_FALSE(plan[0].dependent);
  EXPECT_EQ(plan[0].body["command"], "true");
  EXPECT_FALSE(plan[0].body.contains("schedule")) << "no schedule: Chronos runs it once now";
}

TEST(JobSubmitPlan, TheServersOwnCopyIsUnchanged) {
  const auto server = server_jobs();
  for (const char* name : {"hourly-etl", "billing-export", "report-publish"}) {
    const auto plan = plan_jobs({{"x.json", written(name)}}, server);
    EXPECT_EQ(plan[0].action, SubmitAction::kUnchanged)
        << name << ": " << ::testing::PrintToString(plan[0].diff);
  }
}

TEST(JobSubmitPlan, AnUpdateDiffsTheChangedFieldsAndKeepsStatistics) {
  auto job = written("hourly-etl");
  job["command"] = "/opt/etl/run.sh --window 2h";
  job["schedule"] = "R/2024-05-31T16:00Z/PT1H";  // the same instant as the server's (no seconds)
  const auto plan = plan_jobs({{"etl.yaml", job}}, server_jobs());
  EXPECT_EQ(plan[0].action, SubmitAction::kUpdate);
  EXPECT_EQ(plan[0].diff,
            (std::vector<std::string>{"-  \"command\": \"/opt/etl/run.sh --window 1h\"",
                                      "+  \"command\": \"/opt/etl/run.sh --window 2h\""}));
  EXPECT_EQ(plan[0].body["successCount"], 1204);
  EXPECT_EQ(plan[0].success_base, 1204);
  EXPECT_EQ(plan[0].error_base, 17);
  const auto text = dry_run_text(plan[0], "/v1/scheduler");
  EXPECT_NE(text.find("job/hourly-etl updated (dry run): POST /v1/scheduler/iso8601\n"
                      "--- job/hourly-etl (server)\n+++ job/hourly-etl (etl.yaml)\n"),
            std::string::npos)
      << text;
}

TEST(JobSubmitPlan, PriorityFlagOverridesTheFiles) {
  PlanOptions opts;
  opts.high_priority = true;
  const auto plan = plan_jobs({{"x.json", written("cleanup-tmp")}}, server_jobs(), opts);
  EXPECT_EQ(plan[0].body["highPriority"], true);
  EXPECT_EQ(plan[0].diff,
            (std::vector<std::string>{"-  \"highPriority\": false", "+  \"highPriority\": true"}));
}

TEST(JobSubmitPlan, DependentJobsGoToTheDependencyEndpointAfterTheirParents) {
  const auto plan = plan_jobs({{"0", {{"name", "child"}, {"parents", {"parent"}}}},
                               {"1", {{"name", "parent"}, {"command", "true"}}}},
                              {});
  EXPECT_TRUE(plan[0].dependent);
  EXPECT_EQ(plan[0].wave, 1);
  EXPECT_EQ(plan[1].wave, 0);
  EXPECT_EQ(plan[0].body["parents"], json::array({"parent"}));
  EXPECT_FALSE(plan[0].body.contains("schedule"));
}

class JobSubmitBatch : public ::testing::Test {
 protected:
  static constexpr const char* kBase = "http://chronos:4400";
  static std::string url(const std::string& path) { return kBase + path; }

  FakeClock clock;
  qctl::testing::FakeTransport t;
  http::Client http{t, clock, {}};
  Client client{http, {kBase}, config::ChronosApi::kV3};
};

TEST_F(JobSubmitBatch, EachJobGetsItsOwnOutcome) {
  const auto plan = plan_jobs({{"0", {{"name", "a"}, {"command", "true"}}},
                               {"1", {{"name", "b"}, {"command", "true"}}},
                               {"2", {{"name", "c"}, {"parents", {"b"}}}}},
                              {});
  t.on(Method::kPost, url("/v1/scheduler/iso8601"), 204, "");
  t.on(Method::kPost, url("/v1/scheduler/iso8601"), 503, "Service Unavailable");
  std::vector<std::size_t> order;
  BatchOptions opts;
  opts.on_result = [&](std::size_t i, const BatchOutcome&) { order.push_back(i); };
  const auto out = upsert_jobs(client, plan, {true, true, true}, opts);
  EXPECT_EQ(out[0].state, State::kOk);
  EXPECT_EQ(out[1].state, State::kFailed);
  EXPECT_EQ(out[1].error, "HTTP 503: Service Unavailable");
  EXPECT_EQ(out[2].state, State::kFailed);
  EXPECT_EQ(out[2].error, "parent b was not submitted");
  EXPECT_EQ(order.size(), 3U);
  ASSERT_EQ(t.requests().size(), 2U) << "the child of a failed parent is not sent";
  EXPECT_EQ(json::parse(t.requests()[0].body)["name"], "a");
}

TEST_F(JobSubmitBatch, StopLeavesTheRestNotSent) {
  const auto plan = plan_jobs({{"0", {{"name", "a"}}}, {"1", {{"name", "b"}}}}, {});
  BatchOptions opts;
  opts.stop = [] { return true; };
  const auto out = upsert_jobs(client, plan, {true, true}, opts);
  EXPECT_EQ(out[0].state, State::kNotSent);
  EXPECT_EQ(out[1].state, State::kNotSent);
  EXPECT_TRUE(t.requests().empty());
}

TEST_F(JobSubmitBatch, TriggersRunNow) {
  t.on(Method::kPut, url("/v1/scheduler/job/a"), 204, "");
  t.on(
      Method::kPut, url("/v1/scheduler/job/b"), 400,
      R"({"message":"java.lang.IllegalArgumentException: requirement failed: Job 'b' not found\n\tat x","status":"Bad Request"})");
  const auto out = trigger_jobs(client, {"a", "b"}, {});
  EXPECT_EQ(out[0].state, State::kOk);
  EXPECT_EQ(out[1].state, State::kFailed);
  EXPECT_NE(out[1].error.find("HTTP 400: "), std::string::npos);
  EXPECT_NE(out[1].error.find("Job 'b' not found"), std::string::npos) << out[1].error;
}

}  // namespace
}  // namespace qctl::chronos
