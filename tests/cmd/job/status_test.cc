// `qctl job status`: state, last run, counts, next run; filters; --watch; Chronos 2.x.
#include <gtest/gtest.h>

#include "tests/cmd/job/job_cli.h"
#include "tests/support/table_text.h"

namespace qctl::testing {
namespace {

using http::Method;

class JobStatusTest : public ::testing::Test, public JobCli {};

TEST_F(JobStatusTest, TableShowsStateLastCountsScheduleAndNextRun) {
  serve_jobs_and_summary();
  const auto r = run({"job", "status"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("NAME   ", 0), 0U) << r.out;
  for (const char* header : {"STATE", "LAST", "SUCCESS", "ERROR", "LAST SUCCESS", "LAST ERROR",
                             "SCHEDULE", "NEXT RUN", "PRIORITY"}) {
    EXPECT_NE(r.out.find(header), std::string::npos) << header;
  }
  const auto etl = row_of(r.out, "hourly-etl");
  EXPECT_NE(etl.find("2 running"), std::string::npos) << etl;
  EXPECT_NE(etl.find("success"), std::string::npos) << etl;
  EXPECT_NE(etl.find("1204"), std::string::npos) << etl;
  EXPECT_NE(etl.find("in 30m"), std::string::npos) << etl;  // 16:00 + PT1H after 16:30
  const auto publish = row_of(r.out, "report-publish");
  EXPECT_NE(publish.find("fresh"), std::string::npos) << publish;
  EXPECT_NE(publish.find("after nightly-report "), std::string::npos) << publish;
  EXPECT_NE(publish.find(" -  "), std::string::npos) << "no next run: " << publish;
  EXPECT_NE(row_of(r.out, "billing-export").find("high"), std::string::npos);
  EXPECT_EQ(r.out.find("OWNER"), std::string::npos) << "wide-only column";
}

TEST_F(JobStatusTest, JsonHasNextRunTimestampsAndPriority) {
  serve_jobs_and_summary();
  const auto r = run({"job", "status", "-o", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 5U);
  EXPECT_EQ(j[0]["name"], "hourly-etl");
  EXPECT_EQ(j[0]["next_run"], "2024-05-31T17:00:00Z");
  EXPECT_EQ(j[0]["state"], "2 running");
  EXPECT_EQ(j[1]["next_run"], "2024-05-31T18:00:00Z");  // 02:00+08:00
  EXPECT_EQ(j[1]["priority"], "high");
  EXPECT_EQ(j[3]["next_run"], nullptr);  // dependent
  EXPECT_EQ(j[3]["parents"], nlohmann::json::array({"nightly-report"}));
  EXPECT_EQ(j[4]["last"], "failure");
  EXPECT_EQ(j[4]["last_error"], "2024-05-31T02:00:41Z");
}

TEST_F(JobStatusTest, DisabledJobHasNoNextRun) {
  auto jobs = nlohmann::json::parse(read_fixture("chronos/jobs.json"));
  jobs[2]["disabled"] = true;
  t.on(Method::kGet, url("/v1/scheduler/jobs"), 200, jobs.dump());
  t.get_fixture(url("/v1/scheduler/jobs/summary"), "chronos/jobs-summary.json");
  const auto r = run({"job", "status", "nightly-report", "-o", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)[0]["next_run"], nullptr);
}

TEST_F(JobStatusTest, NamesAndFiltersSelectRows) {
  serve_jobs_and_summary();
  auto r = run({"job", "status", "nightly-report", "cleanup-*", "--no-headers"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.out;
  t.get_fixture(url("/v1/scheduler/leader"), "chronos/leader.json");
  serve_jobs_and_summary();
  r = run({"job", "status", "missing-job"});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("job missing-job not found"), std::string::npos) << r.err;
}

TEST_F(JobStatusTest, WatchPrintsAgainOnlyWhenSomethingChanged) {
  serve_jobs_and_summary();
  serve_jobs_and_summary();  // unchanged: nothing printed
  t.get_fixture(url("/v1/scheduler/jobs"), "chronos/jobs.json");
  t.on(Method::kGet, url("/v1/scheduler/jobs/summary"), 200, summary_with("hourly-etl", "idle"));
  t.get_fixture(url("/v1/scheduler/jobs/summary"), "chronos/jobs-summary.json");
  t.allow_unused();  // the summary is asked alongside jobs, so the last poll may or may not ask
  t.fail(Method::kGet, url("/v1/scheduler/jobs"), http::FailureKind::kConnect, "Connection refused",
         true);
  const auto r = run({"job", "status", "hourly-etl", "--watch"});
  EXPECT_EQ(r.code, 5) << r.err;  // the watch ends when the server goes away
  std::size_t tables = 0;
  for (auto at = r.out.find("NAME "); at != std::string::npos; at = r.out.find("NAME ", at + 1)) {
    ++tables;
  }
  EXPECT_EQ(tables, 2U) << r.out;
  EXPECT_NE(r.out.find("2 running"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n\nNAME"), std::string::npos) << "appended after a blank line";
  EXPECT_EQ(r.out.find("\033["), std::string::npos) << "no screen clearing off a terminal";
  EXPECT_GE(clock.slept(), std::chrono::seconds(6));  // three 2 s polls before the failure
}

TEST_F(JobStatusTest, Chronos2Works) {
  JobCli v2(2);
  v2.t.get_fixture(url("/scheduler/jobs"), "chronos/jobs.json");
  v2.t.on(Method::kGet, url("/scheduler/graph/csv"), 200, read_fixture("chronos/graph.csv"));
  t.allow_unused();
  const auto r = v2.run({"job", "status", "-o", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j[1]["state"], "queued");
  EXPECT_EQ(j[0]["state"], "2 running");
  EXPECT_EQ(j[3]["last"], "fresh");
}

}  // namespace
}  // namespace qctl::testing
