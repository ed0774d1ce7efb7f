// `qctl job stats`: job and run counts, per owner, slow runs and run-time percentiles.
#include <gtest/gtest.h>

#include "tests/cmd/job/job_cli.h"

namespace qctl::testing {
namespace {

using http::Method;

class JobStatsTest : public ::testing::Test, public JobCli {
 protected:
  void serve_stats(const std::vector<std::string>& names) {
    for (const auto& name : names) {
      // hourly-etl's recorded history; the others have none yet.
      t.on(Method::kGet, url("/v1/scheduler/job/stat/" + name), 200,
           name == "hourly-etl" ? read_fixture("chronos/job-stat.json")
                                : R"({"histogram":{"count":0},"taskStatHistory":[]})");
    }
  }
  const std::vector<std::string> all_{"hourly-etl", "billing-export", "nightly-report",
                                      "report-publish", "cleanup-tmp"};
};

TEST_F(JobStatsTest, CountsJobsAndRuns) {
  serve_jobs_and_summary();
  serve_stats(all_);
  const auto r = run({"job", "stats", "-o", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["jobs"]["jobs"], 5);
  EXPECT_EQ(j["jobs"]["last"]["success"], 3);
  EXPECT_EQ(j["jobs"]["last"]["failure"], 1);
  EXPECT_EQ(j["jobs"]["last"]["fresh"], 1);
  EXPECT_EQ(j["jobs"]["state"]["running"], 1);
  EXPECT_EQ(j["jobs"]["state"]["running_tasks"], 2);
  EXPECT_EQ(j["jobs"]["state"]["queued"], 1);
  EXPECT_EQ(j["jobs"]["runs"]["succeeded"], 1204 + 88 + 365 + 41);
  EXPECT_EQ(j["jobs"]["runs"]["failed"], 17 + 1 + 4 + 9);
  EXPECT_EQ(j["run_time"]["count"], 2);  // the two finished runs in hourly-etl's history
  EXPECT_EQ(j["run_time"]["max"], 309.0);
  EXPECT_FALSE(j.contains("slow"));
}

TEST_F(JobStatsTest, SlowListsRunsOverTheThresholdIncludingRunningOnes) {
  t.get_fixture(url("/v1/scheduler/jobs"), "chronos/jobs.json");
  t.get_fixture(url("/v1/scheduler/jobs/summary"), "chronos/jobs-summary.json");
  serve_stats({"hourly-etl"});
  const auto r = run({"job", "stats", "hourly-etl", "--slow", "3m"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("runs of 3m or more: 2"), std::string::npos) << r.out;
  // Still running since 16:00:04 at 16:30: the longest, listed first.
  const auto running = r.out.find("ct:1717171200000:0:hourly-etl:");
  const auto finished = r.out.find("ct:1717167600000:0:hourly-etl:");
  ASSERT_NE(running, std::string::npos) << r.out;
  EXPECT_LT(running, finished) << r.out;
  EXPECT_NE(r.out.find("5m9s"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("ct:1717164000000"), std::string::npos) << "2m35s is not slow";
  EXPECT_NE(r.out.find("Chronos histogram (1221 runs"), std::string::npos) << r.out;
}

TEST_F(JobStatsTest, NoHistorySaysWhyAChronosHasNone) {
  serve_jobs_and_summary();
  serve_stats({"billing-export", "nightly-report", "report-publish", "cleanup-tmp"});
  t.on(Method::kGet, url("/v1/scheduler/job/stat/hourly-etl"), 200,
       R"({"histogram":{"count":0},"taskStatHistory":[]})");
  const auto r = run({"job", "stats"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("run time (0 finished runs in job/stat history): no finished runs "
                       "(Chronos keeps this history only with Cassandra)\n"),
            std::string::npos)
      << r.out;
}

TEST_F(JobStatsTest, ByOwnerBreaksCountsDown) {
  serve_jobs_and_summary();
  serve_stats(all_);
  const auto r = run({"job", "stats", "--by", "owner"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("OWNER ", 0), 0U) << r.out;
  EXPECT_NE(r.out.find("\nanalytics@example.com "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ops@example.com"), std::string::npos) << r.out;
}

TEST_F(JobStatsTest, BadFlagsAreUsageErrors) {
  t.allow_unused();
  auto r = run({"job", "stats", "--slow", "long"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--slow: 'long' is not a duration"), std::string::npos) << r.err;
  r = run({"job", "stats", "--by", "team"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--by must be owner"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace qctl::testing
