#include "core/chronos/job_status.h"

#include <gtest/gtest.h>

#include "core/chronos/decode.h"
#include "core/error.h"
#include "core/util/duration.h"
#include "tests/support/fake_transport.h"

namespace qctl::chronos {
namespace {

constexpr double kNow = 1717173000.0;  // 2024-05-31T16:30:00Z

JobView fixture_view() {
  JobView v;
  auto jobs = qctl::testing::read_fixture("chronos/jobs.json");
  auto summary = qctl::testing::read_fixture("chronos/jobs-summary.json");
  v.jobs = decode_jobs(jobs);
  v.summaries = decode_summary(summary);
  return v;
}

TEST(JobStatusRows, JoinJobsWithSummaryAndComputeNextRuns) {
  const auto view = fixture_view();
  const auto rows = status_rows(view, kNow);
  ASSERT_EQ(rows.size(), 5U);
  EXPECT_EQ(rows[0].job->name, "hourly-etl");
  EXPECT_EQ(rows[0].state, "2 running");
  EXPECT_EQ(rows[0].last, "success");
  EXPECT_EQ(util::format_utc(*rows[0].next_run), "2024-05-31T17:00:00Z");
  EXPECT_EQ(util::format_utc(*rows[0].last_success), "2024-05-31T15:05:12Z");
  EXPECT_FALSE(rows[3].next_run);  // dependent
  EXPECT_EQ(schedule_text(*rows[3].job), "after nightly-report");
  EXPECT_EQ(to_json(rows[1])["priority"], "high");
}

TEST(JobStatusRows, JobMissingFromTheSummaryIsIdleWithItsOwnLastState) {
  auto view = fixture_view();
  view.summaries.clear();
  const auto rows = status_rows(view, kNow);
  EXPECT_EQ(rows[0].state, "idle");
  EXPECT_EQ(rows[4].last, "failure");
  EXPECT_EQ(rows[3].last, "fresh");
}

TEST(JobStatusRows, FiltersAndMissingNames) {
  const auto view = fixture_view();
  const auto rows = status_rows(view, kNow);
  JobFilter f;
  f.names = {"*-report", "cleanup-tmp", "nope"};
  EXPECT_TRUE(matches(f, rows[2]));
  EXPECT_TRUE(matches(f, rows[4]));
  EXPECT_FALSE(matches(f, rows[0]));
  EXPECT_EQ(missing_names(f, rows), std::vector<std::string>{"nope"});
  JobFilter owner;
  owner.owner = "*@example.com";
  EXPECT_TRUE(matches(owner, rows[0]));
  owner.owner = "OPS@example.com";  // emails compare case-insensitively
  EXPECT_TRUE(matches(owner, rows[4]));
  JobFilter state;
  state.state = "running";
  EXPECT_TRUE(matches(state, rows[0]));
  EXPECT_FALSE(matches(state, rows[1]));
  JobFilter bad;
  bad.state = "stuck";
  EXPECT_THROW(validate_filter(bad), UsageError);
}

}  // namespace
}  // namespace qctl::chronos
