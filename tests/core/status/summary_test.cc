#include "core/status/summary.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/status/cluster_view.h"
#include "core/status/selector.h"

namespace qctl::status {
namespace {

model::Agent agent(const std::string& host, double cpus, double used_cpus) {
  model::Agent a;
  a.id = host + "-id";
  a.hostname = host;
  a.pid = "slave(1)@10.0.0." + std::to_string(host.size()) + ":5051";
  a.active = true;
  a.resources.cpus = cpus;
  a.resources.mem = 1024;
  a.used.cpus = used_cpus;
  return a;
}

TEST(SummaryTest, ClassifiesAgentsLikeTheMasterDoes) {
  auto ready = agent("a1", 4, 1);
  auto gone = agent("a2", 4, 0);
  gone.active = false;
  auto deact = agent("a3", 4, 0);
  deact.active = false;
  deact.deactivated = true;
  auto draining = agent("a4", 4, 0);
  draining.active = false;
  draining.deactivated = true;
  draining.drain = model::DrainState::kDraining;
  model::MaintenanceStatus m;
  m.draining.push_back({"A1", ""});  // hostnames compare case-insensitively
  const auto c = count_agents({ready, gone, deact, draining}, m);
  EXPECT_EQ(c.total, 4);
  EXPECT_EQ(c.ready, 1);
  EXPECT_EQ(c.disconnected, 1);
  EXPECT_EQ(c.deactivated, 1);
  EXPECT_EQ(c.draining, 1);
  EXPECT_EQ(c.maintenance, 1);
  EXPECT_EQ(status_text(ready, m), "Ready,Maintenance");
  EXPECT_EQ(status_text(draining, m), "Draining");
}

TEST(SummaryTest, FreeCapacityCountsOnlySchedulableAgentsAndIgnoresFloatCrumbs) {
  auto a = agent("a1", 0.3, 0.1 + 0.2);  // 0.30000000000000004 used of 0.3
  auto b = agent("a2", 8, 2);
  b.reserved["web"].cpus = 2;
  auto c = agent("a3", 16, 0);
  c.active = false;
  c.deactivated = true;
  const auto lines = summarize_resources({a, b, c}, {});
  const auto& cpus = lines.at(0);
  EXPECT_EQ(cpus.name, "cpus");
  EXPECT_DOUBLE_EQ(cpus.total, 24.3);
  EXPECT_DOUBLE_EQ(cpus.allocated, 2.3);
  EXPECT_DOUBLE_EQ(cpus.reserved, 2);
  EXPECT_DOUBLE_EQ(cpus.free, 6);  // a1 has none left, a3 cannot take offers
}

TEST(SummaryTest, SumsTaskCountsAcrossFrameworks) {
  model::Framework f1;
  f1.task_counts = {{"TASK_RUNNING", 3}, {"TASK_FAILED", 1}, {"TASK_LOST", 0}};
  model::Framework f2;
  f2.task_counts = {{"TASK_RUNNING", 2}};
  const auto t = tasks_by_state({f1, f2});
  EXPECT_EQ(t.at("TASK_RUNNING"), 5);
  EXPECT_EQ(t.at("TASK_FAILED"), 1);
  EXPECT_EQ(t.count("TASK_LOST"), 0U);
}

TEST(SummaryTest, FlagsAppsBelowTheirInstancesOrUnhealthy) {
  model::App ok;
  ok.id = "/ok";
  ok.instances = 2;
  ok.tasks_running = 2;
  model::App under;
  under.id = "/infra/log-shipper";
  under.instances = 5;
  under.tasks_running = 3;
  under.deployment_ids = {"d1"};
  model::App sick;
  sick.id = "/web";
  sick.instances = 2;
  sick.tasks_running = 2;
  sick.tasks_unhealthy = 1;
  const auto s = summarize_marathon({ok, under, sick}, {model::Deployment{}});
  EXPECT_EQ(s.apps, 3);
  EXPECT_EQ(s.deployments, 1);
  ASSERT_EQ(s.attention.size(), 2U);
  EXPECT_EQ(s.attention[0].id, "/infra/log-shipper");
  EXPECT_TRUE(s.attention[0].deploying);
  EXPECT_EQ(s.attention[1].unhealthy, 1);
}

TEST(SummaryTest, ReadsChronosStateAndStatusTheRightWayRound) {
  std::vector<model::JobSummary> jobs = {{"etl", "failure", "idle", "", {}, false},
                                         {"encode", "success", "2 running", "", {}, false},
                                         {"urgent", "fresh", "queued", "", {}, false},
                                         {"old", "success", "idle", "", {}, true}};
  const auto s = summarize_chronos(jobs);
  EXPECT_EQ(s.jobs, 4);
  EXPECT_EQ(s.running, 1);
  EXPECT_EQ(s.queued, 1);
  EXPECT_EQ(s.disabled, 1);
  EXPECT_EQ(s.failed, std::vector<std::string>{"etl"});
}

TEST(SummaryTest, WorstPartDecidesTheExitCode) {
  ClusterView v;
  v.mesos.configured = true;
  v.mesos.value = MesosView{};
  v.marathon.configured = true;
  v.marathon.error = PartError{5, "marathon: connection refused", ""};
  v.chronos.configured = true;
  v.chronos.error = PartError{4, "chronos: HTTP 401", ""};
  EXPECT_EQ(v.exit_code(), 5);
  const auto j = to_json(v);
  EXPECT_EQ(j["marathon"]["error"]["exit_code"], 5);
}

TEST(SelectorTest, ParsesAndMatchesEqualityAndInequality) {
  const auto s = parse_selector("dc=bj1, rack!=r2,tier==gold");
  ASSERT_EQ(s.size(), 3U);
  const std::map<std::string, std::string> attrs = {{"dc", "bj1"}, {"rack", "r1"}, {"tier", "gold"}};
  auto lookup = [&](const std::string& k) -> std::optional<std::string> {
    const auto it = attrs.find(k);
    return it == attrs.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  EXPECT_TRUE(matches(s, lookup));
  EXPECT_FALSE(matches(parse_selector("dc=sh2"), lookup));
  EXPECT_TRUE(matches(parse_selector("zone!=x"), lookup));  // missing key satisfies !=
  EXPECT_FALSE(matches(parse_selector("zone=x"), lookup));
  EXPECT_THROW(parse_selector("=x"), UsageError);
  EXPECT_THROW(parse_selector("novalue"), UsageError);
}

}  // namespace
}  // namespace qctl::status
