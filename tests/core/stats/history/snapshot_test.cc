// Snapshots built from recorded-shape inputs: groupings chosen, group totals through the
// stats allocation API, counters from Mesos metrics, Marathon apps/queue and Chronos jobs.
#include "core/stats/history/snapshot.h"

#include <gtest/gtest.h>

namespace qctl::stats::history {
namespace {

model::Agent agent(const std::string& host, const std::string& dc, double cpus, double used) {
  model::Agent a;
  a.id = host + "-S0";
  a.hostname = host;
  a.pid = "slave(1)@10.0.0." + std::to_string(host.size()) + ":5051";
  a.active = true;
  a.attributes.push_back({"dc", false, 0, dc});
  a.attributes.push_back({"rack", false, 0, "r-" + host});
  a.resources.cpus = cpus;
  a.resources.mem = 1024;
  a.used.cpus = used;
  a.used.mem = 256;
  a.unreserved = a.resources;
  return a;
}

SnapshotInput input() {
  SnapshotInput in;
  in.cluster.cluster = "sandbox";
  in.cluster.agents = {agent("a1", "dc-a", 4, 1), agent("a2", "dc-a", 4, 3),
                       agent("b1", "dc-b", 8, 2)};
  in.cluster.agents[1].deactivated = true;
  model::Framework fw;
  fw.task_counts = {{"TASK_RUNNING", 3}, {"TASK_FAILED", 0}};
  model::Framework fw2;
  fw2.task_counts = {{"TASK_RUNNING", 1}, {"TASK_STAGING", 2}};
  in.cluster.frameworks = {fw, fw2};
  in.metrics = model::Metrics{{"master/tasks_running", 4},
                              {"master/tasks_failed", 2},
                              {"master/cpus_total", 16},
                              {"master/tasks_unknown_thing", 9}};
  model::App web;
  web.instances = 3;
  web.tasks_running = 3;
  web.tasks_healthy = 2;
  model::App api;
  api.instances = 2;
  api.tasks_running = 1;
  api.tasks_staged = 1;
  in.marathon_apps = std::vector<model::App>{web, api};
  model::QueueItem waiting;
  waiting.count = 2;
  waiting.delay_time_left_seconds = 10;
  in.marathon_queue = std::vector<model::QueueItem>{waiting};
  model::Job nightly;
  nightly.success_count = 5;
  nightly.error_count = 1;
  nightly.errors_since_last_success = 1;
  model::Job hourly;
  hourly.success_count = 7;
  in.chronos_jobs = std::vector<model::Job>{nightly, hourly};
  return in;
}

const GroupSample* find(const Snapshot& s, const std::string& dim, const std::string& name) {
  for (const auto& g : s.groups) {
    if (g.dimension == dim && g.name == name) {
      return &g;
    }
  }
  return nullptr;
}

double counter(const Snapshot& s, const char* name) {
  return s.counters[*counter_index(name)].value_or(-1);
}

TEST(StatsHistorySnapshot, GroupsEveryAttributeAndTheCluster) {
  const auto s = build_snapshot(input(), 1700000000, "prod");
  EXPECT_EQ(s.taken_at, 1700000000);
  EXPECT_EQ(s.context, "prod");
  EXPECT_EQ(s.default_dimension, "dc");
  EXPECT_EQ(recorded_dimensions(input().cluster.agents),
            (std::vector<std::string>{"cluster", "dc", "rack"}));
  const auto* all = find(s, "cluster", "sandbox");
  ASSERT_NE(all, nullptr);
  EXPECT_EQ(all->values.agents, 3);
  EXPECT_EQ(all->values.resources[0].total, 16);
  EXPECT_EQ(all->values.resources[0].allocated, 6);
  const auto* a = find(s, "dc", "dc-a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->values.agents, 2);
  EXPECT_EQ(a->values.unavailable, 1);  // deactivated
  EXPECT_EQ(a->values.resources[0].total, 8);
  EXPECT_EQ(a->values.resources[0].allocated, 4);
  EXPECT_EQ(a->values.resources[0].free, 3);  // the deactivated agent's cpus are not free
  EXPECT_EQ(a->values.resources[1].allocated, 512);
  ASSERT_NE(find(s, "rack", "r-b1"), nullptr);
  EXPECT_EQ(s.groups.size(), 1u + 2u + 3u);
}

TEST(StatsHistorySnapshot, WideAttributesOnlyWhenAsked) {
  auto in = input();
  for (int i = 0; i < 70; ++i) {
    auto a = agent("h" + std::to_string(i), "dc-c", 1, 0);
    a.attributes.push_back({"serial", false, 0, "s" + std::to_string(i)});
    in.cluster.agents.push_back(a);
  }
  EXPECT_EQ(recorded_dimensions(in.cluster.agents),
            (std::vector<std::string>{"cluster", "dc"}));  // rack now has 73 values
  EXPECT_EQ(recorded_dimensions(in.cluster.agents, {"serial", "nonexistent"}),
            (std::vector<std::string>{"cluster", "dc", "serial"}));
}

TEST(StatsHistorySnapshot, CountersFromMetricsAppsQueueAndJobs) {
  const auto s = build_snapshot(input(), 0, "prod");
  EXPECT_EQ(s.task_states,
            (std::map<std::string, std::int64_t>{{"TASK_RUNNING", 4}, {"TASK_STAGING", 2}}));
  EXPECT_EQ(counter(s, "mesos_tasks_running"), 4);
  EXPECT_EQ(counter(s, "mesos_tasks_failed"), 2);
  EXPECT_EQ(counter(s, "marathon_apps"), 2);
  EXPECT_EQ(counter(s, "marathon_instances"), 5);
  EXPECT_EQ(counter(s, "marathon_tasks_running"), 4);
  EXPECT_EQ(counter(s, "marathon_tasks_staged"), 1);
  EXPECT_EQ(counter(s, "marathon_tasks_healthy"), 2);
  EXPECT_EQ(counter(s, "marathon_queue_launches"), 2);
  EXPECT_EQ(counter(s, "marathon_queue_delayed"), 1);
  EXPECT_EQ(counter(s, "chronos_jobs"), 2);
  EXPECT_EQ(counter(s, "chronos_success_count"), 12);
  EXPECT_EQ(counter(s, "chronos_error_count"), 1);
  EXPECT_EQ(counter(s, "chronos_jobs_failing"), 1);
}

TEST(StatsHistorySnapshot, PartsNotReadStayNull) {
  auto in = input();
  in.metrics.reset();
  in.marathon_apps.reset();
  in.marathon_queue.reset();
  in.chronos_jobs.reset();
  const auto s = build_snapshot(in, 0, "prod");
  for (const auto& c : s.counters) {
    EXPECT_FALSE(c.has_value());
  }
}

TEST(StatsHistorySnapshot, AnEmptyClusterIsStillRecorded) {
  SnapshotInput in;
  const auto s = build_snapshot(in, 0, "prod");
  EXPECT_EQ(s.default_dimension, "cluster");
  ASSERT_EQ(s.groups.size(), 1u);
  EXPECT_EQ(s.groups[0].values.agents, 0);
}

}  // namespace
}  // namespace qctl::stats::history
