#include "core/chronos/job_stats.h"

#include <gtest/gtest.h>

#include "core/chronos/job_delete.h"

namespace qctl::chronos {
namespace {

model::TaskStat task(const std::string& id, const std::string& duration, const std::string& status,
                     const std::string& start = "05/31/24 15:00:00") {
  return model::TaskStat{id, "j", "S0", start, duration.empty() ? "N/A" : "x", duration, status};
}

TEST(JobStatsCore, ParsesChronosDurationsAndTimes) {
  EXPECT_EQ(parse_stat_duration("1d2h3m4s"), 93784);
  EXPECT_EQ(parse_stat_duration("5m9s"), 309);
  EXPECT_EQ(parse_stat_duration("0s"), 0);
  EXPECT_FALSE(parse_stat_duration(""));
  EXPECT_FALSE(parse_stat_duration("5m9"));
  EXPECT_FALSE(parse_stat_duration("ms"));
  EXPECT_EQ(parse_stat_time("05/31/24 16:00:04"), 1717171204);
  EXPECT_FALSE(parse_stat_time("N/A"));
}

TEST(JobStatsCore, RunTimesSlowRunsAndPercentiles) {
  model::JobStat stat;
  stat.history = {task("t1", "10s", "Success"), task("t2", "1m", "Fail"),
                  task("t3", "", "Running", "05/31/24 16:00:00"), task("t4", "", "Idle"),
                  task("t5", "5s", "success")};
  const auto runs = run_times(stat, 1717171200 + 120);  // 16:02
  ASSERT_EQ(runs.size(), 4U);                           // the idle one has no length
  EXPECT_EQ(runs[2].status, "running");
  EXPECT_EQ(runs[2].seconds, 120);
  const auto slow = slow_runs(runs, 60);
  ASSERT_EQ(slow.size(), 2U);
  EXPECT_EQ(slow[0].task_id, "t3");
  EXPECT_EQ(slow[1].task_id, "t2");
  const auto p = percentiles(runs);  // finished: 5, 10, 60
  EXPECT_EQ(p.count, 3U);
  EXPECT_EQ(p.median, 10);
  EXPECT_EQ(p.p99, 60);
  EXPECT_EQ(p.max, 60);
  EXPECT_EQ(percentiles({}).count, 0U);
  const auto none = to_json(percentiles({}));
  EXPECT_EQ(none["count"], 0) << none;
  EXPECT_TRUE(none["median"].is_null()) << none;  // no runs: no run time, not 0
  EXPECT_TRUE(none["p99"].is_null()) << none;
  EXPECT_EQ(to_json(p)["median"], 10);
}

TEST(JobStatsCore, HistogramIsMillisecondsAsSeconds) {
  model::JobStat stat;
  stat.histogram = {{"median", 1500}, {"95thPercentile", 90000}, {"count", 7}};
  const auto p = histogram_percentiles(stat);
  EXPECT_EQ(p.count, 7U);
  EXPECT_DOUBLE_EQ(p.median, 1.5);
  EXPECT_DOUBLE_EQ(p.p95, 90);
  EXPECT_FALSE(p.max);
}

TEST(JobStatsCore, FormatsRunTimes) {
  EXPECT_EQ(format_run_time(0.25), "250ms");
  EXPECT_EQ(format_run_time(42), "42s");
  EXPECT_EQ(format_run_time(309), "5m9s");
  EXPECT_EQ(format_run_time(3600 * 2 + 180), "2h3m");
  EXPECT_EQ(format_run_time(86400 + 3600 * 4), "1d4h");
}

TEST(JobStatsCore, CountsPerOwnerSplitsCommaSeparatedOwners) {
  model::Job a;
  a.name = "a";
  a.owner = "x@example.com, y@example.com";
  a.success_count = 3;
  model::Job b;
  b.name = "b";
  b.error_count = 2;
  std::vector<JobStatusRow> rows(2);
  rows[0] = {&a, "2 running", "success", {}, {}, {}};
  rows[1] = {&b, "queued", "failure", {}, {}, {}};
  const auto totals = count_jobs(rows);
  EXPECT_EQ(totals.all.jobs, 2);
  EXPECT_EQ(totals.all.running_tasks, 2);
  EXPECT_EQ(totals.all.queued, 1);
  EXPECT_EQ(totals.all.runs_succeeded, 3);
  EXPECT_EQ(totals.all.runs_failed, 2);
  ASSERT_EQ(totals.by_owner.size(), 3U);
  EXPECT_EQ(totals.by_owner.at("x@example.com").jobs, 1);
  EXPECT_EQ(totals.by_owner.at("y@example.com").running, 1);
  EXPECT_EQ(totals.by_owner.at("").failed, 1);
}

TEST(JobDeletePlan, ReparentsAsChronosDoes) {
  model::Job sched;
  sched.name = "etl";
  sched.schedule = "R/2024-06-01T00:00:00Z/P1D";
  model::Job dep;
  dep.name = "report";
  dep.parents = {"etl", "ingest"};
  model::Job grandchild;
  grandchild.name = "archive";
  grandchild.parents = {"report"};
  const std::vector<model::Job> jobs{sched, dep, grandchild};

  auto plan = reparent_plan(sched, jobs, {});
  ASSERT_EQ(plan.size(), 1U);
  EXPECT_TRUE(plan[0].becomes_scheduled) << "even with another parent left";
  EXPECT_EQ(plan[0].schedule, sched.schedule);

  plan = reparent_plan(dep, jobs, {});
  ASSERT_EQ(plan.size(), 1U);
  EXPECT_FALSE(plan[0].becomes_scheduled);
  EXPECT_EQ(plan[0].parents, (std::vector<std::string>{"etl", "ingest"}));
  EXPECT_EQ(reparent_line(plan[0], "report"),
            "job/archive now depends on etl,ingest instead of report");

  EXPECT_TRUE(reparent_plan(dep, jobs, {"archive"}).empty());
}

}  // namespace
}  // namespace qctl::chronos
