// Report figures against hand-computed expectations: averages, peaks and their times, chart
// buckets, task activity from counter deltas across a master failover and a deleted job.
#include "core/stats/history/report.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace qctl::stats::history {
namespace {

std::size_t idx(const char* name) { return *counter_index(name); }

GroupPoint point(double t, std::uint32_t group, double cpus_used, double mem_used) {
  GroupPoint p;
  p.taken_at = t;
  p.group = group;
  p.values.agents = 2;
  p.values.resources[0] = {10, cpus_used, 0, 10 - cpus_used};
  p.values.resources[1] = {1000, mem_used, 0, 1000 - mem_used};
  return p;  // disk and gpus: none in this group
}

CounterPoint counters(double t, std::map<std::string, double> values) {
  CounterPoint c;
  c.taken_at = t;
  c.values.fill(std::numeric_limits<double>::quiet_NaN());
  for (const auto& [name, v] : values) {
    c.values[idx(name.c_str())] = v;
  }
  return c;
}

std::map<std::string, double> mesos(double running, double finished, double failed) {
  std::map<std::string, double> m;
  for (const char* name : kCounterNames) {
    if (std::string(name).rfind("mesos_", 0) == 0) {
      m[name] = 0;
    }
  }
  m["mesos_tasks_running"] = running;
  m["mesos_tasks_finished"] = finished;
  m["mesos_tasks_failed"] = failed;
  return m;
}

History sample_history() {
  History h;
  h.context = "prod";
  h.dimension = "dc";
  h.groups = {"dc-a", "dc-b", "dc-gone"};
  for (int i = 0; i < 3; ++i) {
    const double t = 60.0 * i;
    h.points.push_back(point(t, 0, 2.0 * (i + 1), 100));    // 20%, 40%, 60%
    h.points.push_back(point(t, 1, i == 1 ? 9 : 1, 1000));  // 10%, 90%, 10%
  }
  auto c0 = mesos(5, 10, 1);
  c0["chronos_success_count"] = 10;
  c0["chronos_error_count"] = 1;
  c0["marathon_queue_launches"] = 0;
  auto c1 = mesos(7, 12, 2);
  c1["chronos_success_count"] = 15;
  c1["chronos_error_count"] = 2;
  c1["marathon_queue_launches"] = 3;
  c1["marathon_queue_delayed"] = 1;
  auto c2 = mesos(7, 1, 0);          // a new leading master counts from 0
  c2["chronos_success_count"] = 12;  // a job with 3 successes was deleted
  c2["chronos_error_count"] = 2;
  c2["marathon_queue_launches"] = 1;
  h.counters = {counters(0, c0), counters(60, c1), counters(120, c2)};
  return h;
}

TEST(StatsHistoryReport, AverageAndPeakPerGroupAndResource) {
  const auto r = compute_report(sample_history(), {-3600, 120, 0});
  EXPECT_EQ(r.snapshots, 3u);
  EXPECT_EQ(r.first, 0);
  EXPECT_EQ(r.last, 120);
  ASSERT_EQ(r.groups.size(), 2u);  // dc-gone has no samples in the window
  const auto& a = r.groups[0];
  EXPECT_EQ(a.name, "dc-a");
  EXPECT_NEAR(a.resources[0].avg, 0.4, 1e-12);
  EXPECT_NEAR(a.resources[0].peak, 0.6, 1e-12);
  EXPECT_EQ(a.resources[0].peak_at, 120);
  EXPECT_NEAR(a.resources[0].last, 0.6, 1e-12);
  EXPECT_EQ(a.resources[0].last_allocated, 6);
  EXPECT_EQ(a.resources[0].samples, 3u);
  EXPECT_NEAR(a.resources[1].avg, 0.1, 1e-12);
  EXPECT_EQ(a.resources[2].samples, 0u);  // no disk: no allocation to speak of
  const auto& b = r.groups[1];
  EXPECT_NEAR(b.resources[0].avg, (0.1 + 0.9 + 0.1) / 3, 1e-12);
  EXPECT_NEAR(b.resources[0].peak, 0.9, 1e-12);
  EXPECT_EQ(b.resources[0].peak_at, 60);
  EXPECT_NEAR(b.resources[1].peak, 1.0, 1e-12);
  EXPECT_EQ(b.resources[1].peak_at, 0);  // the first time the peak was reached
}

TEST(StatsHistoryReport, ChartBucketsAverageTheSnapshotsInThem) {
  const auto r = compute_report(sample_history(), {0, 120, 4});
  EXPECT_EQ(r.bucket_seconds, 30);
  const auto& chart = r.groups[0].resources[0].chart;
  ASSERT_EQ(chart.size(), 4u);
  EXPECT_NEAR(chart[0], 0.2, 1e-12);
  EXPECT_TRUE(std::isnan(chart[1]));
  EXPECT_NEAR(chart[2], 0.4, 1e-12);
  EXPECT_NEAR(chart[3], 0.6, 1e-12);  // the last snapshot falls in the last bucket
}

TEST(StatsHistoryReport, TaskActivityFromCounterDeltasAcrossAFailover) {
  const auto a = compute_report(sample_history(), {0, 120, 0}).activity;
  // 0->60: running +2, finished +2, failed +1: 5 started. 60->120: counters restart; finished
  // 1 and failed 0 since the new leader took over, running unchanged: 1 started.
  EXPECT_EQ(a.tasks_started, 6);
  EXPECT_EQ(a.tasks_failed, 1);
  EXPECT_EQ(a.tasks_finished, 3);
  EXPECT_EQ(a.tasks_killed, 0);
  EXPECT_EQ(a.mesos_restarts, 1);
  EXPECT_EQ(a.chronos_succeeded, 5);  // the drop from a deleted job counts as nothing
  EXPECT_EQ(a.chronos_failed, 1);
  EXPECT_EQ(a.marathon_queue_peak, 3);
  EXPECT_EQ(a.marathon_queue_peak_at, 60);
  EXPECT_EQ(a.marathon_delayed_peak, 1);
}

TEST(StatsHistoryReport, ServicesNeverRecordedStayUnknown) {
  auto h = sample_history();
  for (auto& c : h.counters) {
    c.values.fill(std::numeric_limits<double>::quiet_NaN());
  }
  const auto a = compute_report(h, {0, 120, 0}).activity;
  EXPECT_FALSE(a.tasks_started);
  EXPECT_FALSE(a.chronos_succeeded);
  EXPECT_FALSE(a.marathon_queue_peak);
}

TEST(StatsHistoryReport, EmptyWindowGivesNoGroups) {
  History h;
  h.groups = {"dc-a"};
  const auto r = compute_report(h, {0, 100, 10});
  EXPECT_EQ(r.snapshots, 0u);
  EXPECT_TRUE(r.groups.empty());
}

}  // namespace
}  // namespace qctl::stats::history
