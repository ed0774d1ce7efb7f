// `qctl job list` and `qctl job get` against recorded Chronos 3.x/2.x payloads.
#include <gtest/gtest.h>

#include "tests/cmd/job/job_cli.h"

namespace qctl::testing {
namespace {

using http::Method;

class JobListTest : public ::testing::Test, public JobCli {};

std::size_t line_count(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

TEST_F(JobListTest, TableHasNameFirstAndOneRowPerJob) {
  serve_jobs_and_summary();
  const auto r = run({"job", "list"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("NAME ", 0), 0U) << r.out;
  EXPECT_EQ(line_count(r.out), 6U) << r.out;
  EXPECT_NE(r.out.find("SCHEDULE"), std::string::npos);
  EXPECT_NE(r.out.find("after nightly-report"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 running"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("IMAGE"), std::string::npos) << "wide-only column";
}

TEST_F(JobListTest, WideAddsPriorityImageAndCommand) {
  serve_jobs_and_summary();
  const auto r = run({"job", "list", "-o", "wide"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("PRIORITY"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("registry.example.com/data/etl:4.2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("/opt/billing/export --all-regions"), std::string::npos) << r.out;
}

TEST_F(JobListTest, FiltersByOwnerStatusStateAndGlob) {
  serve_jobs_and_summary();
  auto r = run({"job", "list", "--owner", "analytics@example.com", "-o", "name"});
  EXPECT_EQ(r.out, "job/nightly-report\njob/report-publish\n") << r.err;
  t.get_fixture(url("/v1/scheduler/leader"), "chronos/leader.json");
  serve_jobs_and_summary();
  r = run({"job", "list", "--status", "failure", "-o", "name"});
  EXPECT_EQ(r.out, "job/cleanup-tmp\n") << r.err;
  t.get_fixture(url("/v1/scheduler/leader"), "chronos/leader.json");
  serve_jobs_and_summary();
  r = run({"job", "list", "--state", "running", "-o", "name"});
  EXPECT_EQ(r.out, "job/hourly-etl\n") << r.err;
  t.get_fixture(url("/v1/scheduler/leader"), "chronos/leader.json");
  serve_jobs_and_summary();
  r = run({"job", "list", "*-report", "report-*", "--state", "idle", "-o", "name"});
  EXPECT_EQ(r.out, "job/nightly-report\njob/report-publish\n") << r.err;
}

TEST_F(JobListTest, JsonIsTheJobs) {
  serve_jobs_and_summary();
  const auto r = run({"job", "list", "billing-export", "-o", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1U);
  EXPECT_EQ(j[0]["name"], "billing-export");
  EXPECT_EQ(j[0]["high_priority"], true);
  EXPECT_EQ(j[0]["kind"], "scheduled");
}

TEST_F(JobListTest, NoMatchIsAnEmptyListNotAnError) {
  serve_jobs_and_summary();
  const auto r = run({"job", "list", "--owner", "nobody@example.com"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "No jobs found.\n");
}

TEST_F(JobListTest, UnknownExactNameExitsThreeAndBadFilterExitsTwo) {
  serve_jobs_and_summary();
  auto r = run({"job", "list", "nope"});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("job nope not found"), std::string::npos) << r.err;
  r = run({"job", "list", "--status", "broken"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--status must be success, failure or fresh"), std::string::npos) << r.err;
  r = run({"job", "list", "--state", "sleeping"});
  EXPECT_EQ(r.code, 2);
}

TEST_F(JobListTest, Chronos2DerivesStatesFromTheGraph) {
  JobCli v2(2);
  v2.t.get_fixture(url("/scheduler/jobs"), "chronos/jobs.json");
  v2.t.on(Method::kGet, url("/scheduler/graph/csv"), 200, read_fixture("chronos/graph.csv"));
  t.allow_unused();
  const auto r = v2.run({"job", "list", "--state", "queued", "-o", "name"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "job/billing-export\n");
  EXPECT_EQ(v2.t.requests().size(), 4U) << "jobs fetched once, not again for the summary";
}

class JobGetTest : public ::testing::Test, public JobCli {};

TEST_F(JobGetTest, TableShowsKeyFields) {
  t.on(Method::kGet, url("/v1/scheduler/job/report-publish"), 200, fixture_job("report-publish"));
  const auto r = run({"job", "get", "report-publish"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("NAME:", 0), 0U) << r.out;
  EXPECT_NE(r.out.find("KIND:          dependent"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("PARENTS:       nightly-report"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("LAST:          fresh"), std::string::npos) << r.out;
}

TEST_F(JobGetTest, JsonAndYamlAreTheJob) {
  t.on(Method::kGet, url("/v1/scheduler/job/hourly-etl"), 200, fixture_job("hourly-etl"));
  auto r = run({"job", "get", "hourly-etl", "-o", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["name"], "hourly-etl");
  EXPECT_EQ(j["success_count"], 1204);
  t.get_fixture(url("/v1/scheduler/leader"), "chronos/leader.json");
  t.on(Method::kGet, url("/v1/scheduler/job/hourly-etl"), 200, fixture_job("hourly-etl"));
  r = run({"job", "get", "hourly-etl", "-o", "yaml"});
  EXPECT_NE(r.out.find("name: hourly-etl"), std::string::npos) << r.out;
}

TEST_F(JobGetTest, UnknownJobExitsThree) {
  t.on(Method::kGet, url("/v1/scheduler/job/nope"), 400,
       read_fixture("chronos/error-400-not-found.json"));
  const auto r = run({"job", "get", "nope"});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("not found"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace qctl::testing
