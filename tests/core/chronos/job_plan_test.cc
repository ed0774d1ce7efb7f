#include "core/chronos/job_plan.h"

#include <gtest/gtest.h>

#include <algorithm>
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

// Control characters in a job's fields reach the terminal as escapes in the diff and the body.
TEST(JobSubmitPlan, DryRunTextEscapesControlCharacters) {
  auto job = written("hourly-etl");
  job["command"] = "echo \xc2\x9b" "2J\x7f";
  auto plan = plan_jobs({{"etl.yaml", job}}, server_jobs());
  auto text = dry_run_text(plan[0], "/v1/scheduler");
  EXPECT_NE(text.find("+  \"command\": \"echo \\u009b2J\\u007f\""), std::string::npos) << text;
  EXPECT_EQ(text.find("\xc2\x9b"), std::string::npos) << text;
  job["name"] = "fresh-one";
  plan = plan_jobs({{"new.yaml", job}}, server_jobs());
  text = dry_run_text(plan[0], "/v1/scheduler");
  EXPECT_NE(text.find("\\u009b"), std::string::npos) << text;
  EXPECT_EQ(text.find('\x7f'), std::string::npos) << text;
}

/// A 3.x job on the server with everything a short file would reset.
model::Job full_job() {
  std::string body = R"([{"name":"fulljob","command":"echo full","shell":true,
    "executor":"","executorFlags":"","taskInfoData":"tid","retries":2,"owner":"","ownerName":"",
    "description":"","successCount":3,"errorCount":0,"lastSuccess":"","lastError":"",
    "cpus":2.0,"disk":1024.0,"mem":512.0,"disabled":false,"softError":false,
    "dataProcessingJobType":false,"errorsSinceLastSuccess":0,"fetch":[],"uris":[],
    "environmentVariables":[],"arguments":[],"highPriority":false,"runAsUser":"nobody",
    "concurrent":false,"maxCompletionTime":0,
    "container":{"type":"DOCKER","image":"busybox","network":"HOST","volumes":[],
                 "forcePullImage":false,"parameters":[]},
    "constraints":[],"schedule":"R/2030-01-01T00:00:00.000Z/P1D","scheduleTimeZone":""}])";
  return decode_jobs(body).front();
}

// Chronos replaces the whole job: what a file leaves out is reset, and the dry-run diff says
// so (the container goes, resources and user fall back to the server's defaults).
TEST(JobSubmitPlan, TheDiffShowsWhatAnUpdateResets) {
  const json file = {{"name", "fulljob"},
                     {"command", "echo full2"},
                     {"schedule", "R/2030-01-01T00:00:00Z/P1D"}};
  const auto plan = plan_jobs({{"min.json", file}}, {full_job()});
  ASSERT_EQ(plan[0].action, SubmitAction::kUpdate);
  const auto& d = plan[0].diff;
  auto has = [&](const std::string& line) {
    return std::find(d.begin(), d.end(), line) != d.end();
  };
  EXPECT_TRUE(has("+  \"command\": \"echo full2\"")) << ::testing::PrintToString(d);
  EXPECT_TRUE(has("-  \"cpus\": 2.0")) << ::testing::PrintToString(d);
  EXPECT_TRUE(has("+  \"cpus\": 0.1  (the server's --mesos_task_cpu default)"))
      << ::testing::PrintToString(d);
  EXPECT_TRUE(has("-  \"mem\": 512.0"));
  EXPECT_TRUE(has("-  \"disk\": 1024.0"));
  EXPECT_TRUE(has("-  \"runAsUser\": \"nobody\""));
  EXPECT_TRUE(has("+  \"runAsUser\": \"root\"  (the server's --user default)"));
  EXPECT_TRUE(has("-  \"taskInfoData\": \"tid\""));
  EXPECT_TRUE(std::any_of(d.begin(), d.end(), [](const std::string& l) {
    return l.rfind("-  \"container\": {", 0) == 0;
  })) << ::testing::PrintToString(d);

  // The same file without the command change is not "unchanged": it still resets them.
  json same_command = file;
  same_command["command"] = "echo full";
  EXPECT_EQ(plan_jobs({{"min.json", same_command}}, {full_job()})[0].action,
            SubmitAction::kUpdate);
}

// A file that leaves out what the server holds at its stock defaults changes nothing, and a
// taskInfoData the server already has is not a change either.
TEST(JobSubmitPlan, LeftOutFieldsAtTheirDefaultsAndTaskInfoDataAreUnchanged) {
  model::Job server = full_job();
  server.cpus = 0.1;
  server.mem = 128;
  server.disk = 256;
  server.run_as_user = "root";
  server.container.reset();
  const json file = {{"name", "fulljob"},
                     {"command", "echo full"},
                     {"taskInfoData", "tid"},
                     {"schedule", "R/2030-01-01T00:00:00Z/P1D"}};
  const auto plan = plan_jobs({{"min.json", file}}, {server});
  EXPECT_EQ(plan[0].action, SubmitAction::kUnchanged) << ::testing::PrintToString(plan[0].diff);
  EXPECT_EQ(plan[0].body["taskInfoData"], "tid");
}

// Chronos 2.x keeps epsilon and async and has no concurrent/maxCompletionTime: the body
// carries the version's own fields, and a 2.x server's copy is unchanged.
TEST(JobSubmitPlan, Chronos2BodiesCarryEpsilonAndAsync) {
  std::string body = R"([{"name":"eps","command":"echo e","shell":true,"epsilon":"PT30M",
    "executor":"","executorFlags":"","taskInfoData":"","retries":2,"owner":"","ownerName":"",
    "description":"","async":true,"successCount":0,"errorCount":0,"lastSuccess":"",
    "lastError":"","cpus":0.1,"disk":256.0,"mem":128.0,"disabled":false,"softError":false,
    "dataProcessingJobType":false,"errorsSinceLastSuccess":0,"fetch":[],"uris":[],
    "environmentVariables":[],"arguments":[],"highPriority":false,"runAsUser":"root",
    "constraints":[],"schedule":"R/2030-01-01T00:00:00.000Z/P1D","scheduleTimeZone":""}])";
  const auto server = decode_jobs(body);
  EXPECT_EQ(server[0].epsilon, "PT30M");
  EXPECT_TRUE(server[0].async);
  PlanOptions v2;
  v2.v2 = true;
  const json file = {{"name", "eps"},     {"command", "echo e"},
                     {"epsilon", "PT30M"}, {"async", true},
                     {"schedule", "R/2030-01-01T00:00:00Z/P1D"}};
  auto plan = plan_jobs({{"eps.json", file}}, server, v2);
  EXPECT_EQ(plan[0].action, SubmitAction::kUnchanged) << ::testing::PrintToString(plan[0].diff);
  EXPECT_EQ(plan[0].body["epsilon"], "PT30M");
  EXPECT_EQ(plan[0].body["async"], true);
  EXPECT_FALSE(plan[0].body.contains("concurrent"));
  EXPECT_FALSE(plan[0].body.contains("maxCompletionTime"));
  // Left out, they fall back to 2.5's defaults: a change worth showing.
  const json plain = {{"name", "eps"}, {"command", "echo e"},
                      {"schedule", "R/2030-01-01T00:00:00Z/P1D"}};
  plan = plan_jobs({{"eps.json", plain}}, server, v2);
  EXPECT_EQ(plan[0].diff,
            (std::vector<std::string>{"-  \"async\": true",
                                      "+  \"async\": false  (Chronos' default)",
                                      "-  \"epsilon\": \"PT30M\"",
                                      "+  \"epsilon\": \"PT60S\"  (Chronos' default)"}));
  // A 3.x body has neither.
  plan = plan_jobs({{"eps.json", file}}, {});
  EXPECT_FALSE(plan[0].body.contains("epsilon"));
  EXPECT_FALSE(plan[0].body.contains("async"));
  EXPECT_EQ(plan[0].body["concurrent"], false);
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
