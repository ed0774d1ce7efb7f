// `qctl job delete` (re-parenting warnings, --dry-run) and `qctl job kill`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cmd/job/job_cli.h"

namespace qctl::testing {
namespace {

using http::Method;

class JobDeleteTest : public ::testing::Test, public JobCli {
 protected:
  // The fixture jobs plus report-archive, a child of the dependent report-publish.
  void serve_jobs_with_grandchild() {
    auto jobs = nlohmann::json::parse(read_fixture("chronos/jobs.json"));
    auto archive = jobs[3];
    archive["name"] = "report-archive";
    archive["parents"] = {"report-publish"};
    jobs.push_back(archive);
    t.on(Method::kGet, url("/v1/scheduler/jobs"), 200, jobs.dump());
  }
};

TEST_F(JobDeleteTest, WarnsThatAScheduledParentsChildBecomesScheduled) {
  t.get_fixture(url("/v1/scheduler/jobs"), "chronos/jobs.json");
  t.on(Method::kDelete, url("/v1/scheduler/job/nightly-report"), 204, "");
  const auto r = run({"job", "delete", "nightly-report"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "job/nightly-report deleted\n");
  EXPECT_NE(r.err.find("warning: job/nightly-report has 1 dependent"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("job/report-publish becomes a scheduled job on "
                       "R/2024-06-01T00:00:00.000Z/P1D"),
            std::string::npos)
      << r.err;
}

TEST_F(JobDeleteTest, ChildOfADependentJobInheritsItsParents) {
  serve_jobs_with_grandchild();
  t.on(Method::kDelete, url("/v1/scheduler/job/report-publish"), 204, "");
  const auto r = run({"job", "delete", "report-publish"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("job/report-archive now depends on nightly-report instead of "
                       "report-publish"),
            std::string::npos)
      << r.err;
}

TEST_F(JobDeleteTest, DryRunDeletesNothing) {
  t.get_fixture(url("/v1/scheduler/jobs"), "chronos/jobs.json");
  const auto r = run({"job", "delete", "nightly-report", "cleanup-tmp", "--dry-run"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "job/nightly-report deleted (dry run)\njob/cleanup-tmp deleted (dry run)\n");
  EXPECT_NE(r.err.find("report-publish"), std::string::npos) << r.err;
  EXPECT_TRUE(calls(Method::kDelete).empty());
}

TEST_F(JobDeleteTest, DeletingParentAndChildTogetherWarnsAboutNeither) {
  t.get_fixture(url("/v1/scheduler/jobs"), "chronos/jobs.json");
  const auto r = run({"job", "delete", "nightly-report", "report-publish", "--dry-run"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

// Chronos re-parents at each deletion: once nightly-report is gone report-publish is a
// scheduled job, so deleting it next makes its child scheduled on that schedule (not
// dependent on jobs being deleted).
TEST_F(JobDeleteTest, SeveralDeletionsAreFollowedInOrderAsChronosDoesThem) {
  serve_jobs_with_grandchild();
  const auto r = run({"job", "delete", "nightly-report", "report-publish", "--dry-run"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("job/report-archive becomes a scheduled job on "
                       "R/2024-06-01T00:00:00.000Z/P1D"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("depends on"), std::string::npos) << r.err;
}

// The other order ends the same, through the step Chronos takes first.
TEST_F(JobDeleteTest, SeveralDeletionsInTheOtherOrderEndTheSame) {
  serve_jobs_with_grandchild();
  const auto r = run({"job", "delete", "report-publish", "nightly-report", "--dry-run"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("job/report-archive now depends on nightly-report instead of "
                       "report-publish"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("job/report-archive becomes a scheduled job on "
                       "R/2024-06-01T00:00:00.000Z/P1D"),
            std::string::npos)
      << r.err;
}

TEST_F(JobDeleteTest, UnknownNameDeletesNothingAndExitsThree) {
  t.get_fixture(url("/v1/scheduler/jobs"), "chronos/jobs.json");
  const auto r = run({"job", "delete", "cleanup-tmp", "nope"});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("job nope not found"), std::string::npos) << r.err;
  EXPECT_TRUE(calls(Method::kDelete).empty());
}

class JobKillTest : public ::testing::Test, public JobCli {};

TEST_F(JobKillTest, KillsRunningTasks) {
  t.get_fixture(url("/v1/scheduler/jobs/summary"), "chronos/jobs-summary.json");
  t.on(Method::kDelete, url("/v1/scheduler/task/kill/hourly-etl"), 204, "");
  const auto r = run({"job", "kill", "hourly-etl"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "job/hourly-etl killed 2 running tasks\n");
}

TEST_F(JobKillTest, SaysWhenNothingWasRunning) {
  t.get_fixture(url("/v1/scheduler/jobs/summary"), "chronos/jobs-summary.json");
  const auto r = run({"job", "kill", "nightly-report", "billing-export"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("job/nightly-report: nothing running (idle)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("job/billing-export: nothing running (queued); Chronos cannot remove a "
                       "queued task"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(calls(Method::kDelete).empty());
}

// Scripts get a result document with -o json (and names with -o name), not text lines.
TEST_F(JobKillTest, JsonAndNameOutputsAreResults) {
  t.get_fixture(url("/v1/scheduler/jobs/summary"), "chronos/jobs-summary.json");
  t.on(Method::kDelete, url("/v1/scheduler/task/kill/hourly-etl"), 204, "");
  auto r = run({"job", "kill", "hourly-etl", "nightly-report", "-o", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc.size(), 2U);
  EXPECT_EQ(doc[0]["name"], "hourly-etl");
  EXPECT_EQ(doc[0]["killed"], 2);
  EXPECT_EQ(doc[1]["killed"], 0);
  EXPECT_EQ(doc[1]["state"], "idle");
}

TEST_F(JobDeleteTest, JsonNamesEachDeletionAndItsReparenting) {
  t.get_fixture(url("/v1/scheduler/jobs"), "chronos/jobs.json");
  const auto r = run({"job", "delete", "nightly-report", "--dry-run", "-o", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc.size(), 1U);
  EXPECT_EQ(doc[0]["name"], "nightly-report");
  EXPECT_EQ(doc[0]["deleted"], false);
  EXPECT_EQ(doc[0]["dry_run"], true);
  ASSERT_EQ(doc[0]["reparented"].size(), 1U);
  EXPECT_EQ(doc[0]["reparented"][0]["name"], "report-publish");
  EXPECT_EQ(doc[0]["reparented"][0]["becomes_scheduled"], true);
}

TEST_F(JobDeleteTest, NameOutputIsTheDeletedJobs) {
  t.get_fixture(url("/v1/scheduler/jobs"), "chronos/jobs.json");
  EXPECT_EQ(run({"job", "delete", "nightly-report", "--dry-run", "-o", "name"}).out,
            "job/nightly-report\n");
}

TEST_F(JobKillTest, UnknownJobExitsThree) {
  t.get_fixture(url("/v1/scheduler/jobs/summary"), "chronos/jobs-summary.json");
  const auto r = run({"job", "kill", "nope"});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("job nope not found"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace qctl::testing
