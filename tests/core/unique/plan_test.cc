// The pure UNIQUE planner: eligibility, roles, room, safety rules and actions.
#include "core/unique/plan.h"

#include <gtest/gtest.h>

#include "core/mesos/decode.h"
#include "core/stats/agent_resources.h"
#include "core/unique/eligibility.h"

namespace qctl::unique {
namespace {

model::Agent agent(const std::string& n, const std::string& rack = "r1") {
  model::Agent a;
  a.id = "S" + n;
  a.hostname = "agent" + n;
  a.pid = "slave(1)@10.0.0." + n + ":5051";
  a.active = true;
  a.attributes = {model::Attribute{"rack", false, 0, rack}};
  a.resources.cpus = 4;
  a.resources.mem = 8192;
  a.resources.disk = 10000;
  a.resources.ports = {{31000, 32000}};
  a.unreserved = a.resources;
  return a;
}

std::vector<model::Agent> agents(int n) {
  std::vector<model::Agent> out;
  for (int i = 1; i <= n; ++i) {
    out.push_back(agent(std::to_string(i)));
  }
  return out;
}

model::App daemon(const std::string& id, std::int64_t instances) {
  model::App app;
  app.id = id;
  app.instances = instances;
  app.cpus = 0.5;
  app.mem = 256;
  app.constraints = {{"hostname", "UNIQUE", "", false}};
  app.upgrade_strategy = {0.5, 0};
  return app;
}

Plan plan(const std::vector<model::Agent>& a, const std::vector<model::App>& apps,
          PlanOptions opts = {}) {
  PlanInputs in;
  in.agents = a;
  in.apps = apps;
  in.now = 1000;
  return plan_sync(in, opts);
}

TEST(UniquePlanTest, TargetIsTheEligibleAgentsAndOnlyChangesAreWritten) {
  const auto p = plan(agents(5), {daemon("/logs", 3), daemon("/metrics", 5)});
  ASSERT_FALSE(p.refusal);
  ASSERT_EQ(p.apps.size(), 2u);
  EXPECT_EQ(p.apps[0].target, 5);
  EXPECT_EQ(p.apps[0].eligible, 5u);
  EXPECT_EQ(p.apps[0].action, Action::kScale);
  EXPECT_EQ(action_text(p.apps[0]), "scale up");
  EXPECT_EQ(update_body(p.apps[0]), R"({"instances":5})");
  EXPECT_EQ(p.apps[1].action, Action::kNone);
  EXPECT_EQ(action_text(p.apps[1]), "none");
  EXPECT_TRUE(p.writes());
}

TEST(UniquePlanTest, InactiveDeactivatedDrainingDrainedAndMaintenanceAgentsAreOut) {
  auto a = agents(7);
  a[0].active = false;
  a[1].active = false;
  a[1].deactivated = true;
  a[2].active = false;
  a[2].deactivated = true;
  a[2].drain = model::DrainState::kDraining;
  a[3].drain = model::DrainState::kDrained;
  PlanInputs in;
  in.agents = a;
  in.apps = {daemon("/logs", 7)};
  in.now = 1000;
  model::MaintenanceWindow now_window;
  now_window.machines = {{"AGENT5", "10.0.0.5"}};  // hostnames compare case-insensitively
  now_window.start = 900;
  now_window.duration = 3600;
  model::MaintenanceWindow later;
  later.machines = {{"agent6", "10.0.0.6"}};
  later.start = 5000;
  later.duration = 60;
  model::MaintenanceWindow other_ip;
  other_ip.machines = {{"agent7", "10.9.9.9"}};
  other_ip.start = 0;
  other_ip.open_ended = true;
  in.windows = {now_window, later, other_ip};
  PlanOptions opts;
  opts.max_change = 1;
  const auto p = plan_sync(in, opts);
  EXPECT_EQ(p.agents.listed, 7u);
  EXPECT_EQ(p.agents.eligible, 2u);  // agent6 (window later) and agent7 (another machine)
  EXPECT_EQ(p.agents.inactive, 1u);
  EXPECT_EQ(p.agents.deactivated, 1u);
  EXPECT_EQ(p.agents.draining, 2u);
  EXPECT_EQ(p.agents.maintenance, 1u);
  EXPECT_EQ(p.apps[0].target, 2);
}

TEST(UniquePlanTest, AgentsWithTheWrongAttributeAreNotCounted) {
  auto a = agents(4);
  a[3].attributes = {model::Attribute{"rack", false, 0, "r9"}};
  auto app = daemon("/logs", 4);
  app.constraints.push_back({"rack", "LIKE", "r[12]", true});
  PlanOptions opts;
  opts.max_change = 0.5;
  const auto p = plan(a, {app}, opts);
  EXPECT_EQ(p.apps[0].eligible, 3u);
  EXPECT_EQ(p.apps[0].target, 3);
  EXPECT_EQ(action_text(p.apps[0]), "scale down");
}

TEST(UniquePlanTest, UnlikeIsAndHostnameConstraintsAreAskedPerAgentWhereNeeded) {
  auto a = agents(4);
  a[1].attributes = {model::Attribute{"rack", false, 0, "r2"}};
  auto unlike = daemon("/a", 1);
  unlike.constraints.push_back({"rack", "UNLIKE", "r2", true});
  auto is = daemon("/b", 1);
  is.constraints.push_back({"rack", "IS", "r2", true});
  auto host = daemon("/c", 1);
  host.constraints.push_back({"hostname", "LIKE", "agent[13]", true});
  auto group = daemon("/d", 1);  // spreading operators do not limit which agents count
  group.constraints.push_back({"rack", "GROUP_BY", "2", true});
  const auto p = plan(a, {unlike, is, host, group});
  EXPECT_EQ(p.apps[0].target, 3);
  EXPECT_EQ(p.apps[1].target, 1);
  EXPECT_EQ(p.apps[2].target, 2);
  EXPECT_EQ(p.apps[3].target, 4);
}

TEST(UniquePlanTest, AcceptedResourceRolesNeedAReservationOfThatRole) {
  auto a = agents(3);
  model::Resources pub;
  pub.cpus = 1;
  pub.mem = 1024;
  a[2].reserved["slave_public"] = pub;
  a[2].unreserved.cpus = 3;
  a[2].unreserved.mem = 7168;
  auto app = daemon("/edge", 1);
  app.accepted_resource_roles = {"slave_public"};
  const auto p = plan(a, {app});
  EXPECT_EQ(p.apps[0].eligible, 1u);
  EXPECT_EQ(p.apps[0].target, 1);
}

TEST(UniquePlanTest, AgentsWithoutRoomAreReportedAndCountedUnlessRequireFit) {
  auto a = agents(3);
  a[0].used.cpus = 3.8;  // 0.2 free for 0.5
  a[1].used.cpus = 3.8;
  PlanInputs in;
  in.agents = a;
  in.apps = {daemon("/logs", 3)};
  PlanOptions opts;
  auto p = plan_sync(in, opts);
  EXPECT_EQ(p.apps[0].unfit, 2u);
  EXPECT_EQ(p.apps[0].target, 3);
  EXPECT_TRUE(p.apps[0].needs_tasks);
  ASSERT_EQ(p.apps[0].unfit_examples.size(), 2u);
  EXPECT_EQ(p.apps[0].unfit_examples[0], "agent1 (cpus: need 0.5, free 0.2)");
  // agent1 runs an instance already: it is full because of it, and it counts.
  in.hosts["/logs"] = {"S1"};
  opts.require_fit = true;
  opts.max_change = 0.5;
  p = plan_sync(in, opts);
  EXPECT_FALSE(p.apps[0].needs_tasks);
  EXPECT_EQ(p.apps[0].unfit, 1u);
  EXPECT_EQ(p.apps[0].target, 2);
  EXPECT_EQ(p.apps[0].reason, "3 eligible, 1 without room (not counted)");
}

TEST(UniquePlanTest, AnAgentTooSmallInTotalIsSaidSo) {
  auto a = agents(2);
  auto app = daemon("/big", 2);
  app.cpus = 6;
  const auto p = plan(a, {app});
  EXPECT_EQ(p.apps[0].unfit, 2u);
  EXPECT_EQ(p.apps[0].unfit_examples[0], "agent1 (too small: cpus: need 6, free 4)");
}

TEST(UniquePlanTest, GlobalRulesRefuseEverythingUnlessForced) {
  PlanInputs in;
  in.apps = {daemon("/logs", 3)};
  auto p = plan_sync(in, {});
  ASSERT_TRUE(p.refusal);
  EXPECT_EQ(p.refusal->rule, "empty-agent-list");
  EXPECT_EQ(p.apps[0].action, Action::kRefused);
  EXPECT_FALSE(p.writes());

  in.agents = agents(2);
  in.recovered = 8;
  p = plan_sync(in, {});
  ASSERT_TRUE(p.refusal);
  EXPECT_EQ(p.refusal->rule, "agents-recovering");
  EXPECT_EQ(p.refusal->message,
            "8 of 10 agents have not re-registered since the last master failover");
  in.agents = agents(9);
  in.recovered = 1;  // one agent that never came back: a small drop
  EXPECT_FALSE(plan_sync(in, {}).refusal);
  in.agents = agents(2);

  in.recovered = 0;
  in.last_agent_count = 10;
  p = plan_sync(in, {});
  ASSERT_TRUE(p.refusal);
  EXPECT_EQ(p.refusal->rule, "agent-drop");
  EXPECT_EQ(p.refusal->message,
            "the agent count dropped from 10 to 2 (80%) since the last run, more than "
            "--max-change 20%");

  PlanOptions force;
  force.force = true;
  p = plan_sync(in, force);
  EXPECT_FALSE(p.refusal);
  EXPECT_EQ(p.apps[0].action, Action::kScale);
  EXPECT_EQ(p.apps[0].target, 2);
}

TEST(UniquePlanTest, ASmallDropSinceTheLastRunIsFine) {
  PlanInputs in;
  in.agents = agents(9);
  in.last_agent_count = 10;
  in.apps = {daemon("/logs", 10)};
  const auto p = plan_sync(in, {});
  EXPECT_FALSE(p.refusal);
  EXPECT_EQ(p.apps[0].action, Action::kScale);
}

TEST(UniquePlanTest, AnAppDroppingMoreThanMaxChangeIsRefused) {
  const auto p = plan(agents(3), {daemon("/logs", 5)});
  EXPECT_FALSE(p.refusal);
  EXPECT_EQ(p.apps[0].action, Action::kRefused);
  ASSERT_TRUE(p.apps[0].refusal);
  EXPECT_EQ(p.apps[0].refusal->rule, "max-change");
  EXPECT_EQ(p.apps[0].reason, "drop 40% > max-change 20%");
  PlanOptions opts;
  opts.max_change = 0.4;
  EXPECT_EQ(plan(agents(3), {daemon("/logs", 5)}, opts).apps[0].action, Action::kScale);
}

TEST(UniquePlanTest, ADeploymentHoldsTheAppUnlessForced) {
  auto app = daemon("/logs", 2);
  app.deployment_ids = {"97c136bf-5a28-4821-9d94-480d9fbb01c8"};
  auto p = plan(agents(3), {app});
  EXPECT_EQ(p.apps[0].action, Action::kSkipDeployment);
  EXPECT_EQ(p.apps[0].reason, "deployment 97c136bf-5a28-4821-9d94-480d9fbb01c8 in progress");
  PlanOptions force;
  force.force = true;
  EXPECT_EQ(plan(agents(3), {app}, force).apps[0].action, Action::kScale);
  app.instances = 3;  // in sync: the deployment does not matter
  EXPECT_EQ(plan(agents(3), {app}).apps[0].action, Action::kNone);
}

TEST(UniquePlanTest, AppsWithoutUniqueAreSkippedUnlessAnyConstraint) {
  auto app = daemon("/web", 1);
  app.constraints = {{"rack", "LIKE", "r1", true}};
  EXPECT_EQ(plan(agents(3), {app}).apps[0].action, Action::kSkipNotUnique);
  PlanOptions any;
  any.any_constraint = true;
  const auto p = plan(agents(3), {app}, any);
  EXPECT_EQ(p.apps[0].action, Action::kScale);
  EXPECT_EQ(p.apps[0].target, 3);
}

// Marathon suspends an app by scaling it to 0: sync must not bring it back.
TEST(UniquePlanTest, SuspendedAppsAreLeftAlone) {
  auto app = daemon("/logs", 0);
  const auto p = plan(agents(3), {app});
  EXPECT_EQ(p.apps[0].action, Action::kSkipSuspended);
  EXPECT_EQ(p.apps[0].target, 0);
  EXPECT_EQ(action_text(p.apps[0]), "skip");
  PlanOptions force;
  force.force = true;
  EXPECT_EQ(plan(agents(3), {app}, force).apps[0].action, Action::kSkipSuspended);
}

TEST(UniquePlanTest, RiskyUpgradeStrategyIsFlaggedAndFixedOnRequest) {
  auto app = daemon("/logs", 3);
  app.upgrade_strategy = {1, 1};
  auto p = plan(agents(3), {app});
  EXPECT_TRUE(p.apps[0].upgrade_hang_risk);
  EXPECT_EQ(p.apps[0].action, Action::kNone);
  PlanOptions fix;
  fix.fix_upgrade_strategy = true;
  p = plan(agents(3), {app}, fix);
  EXPECT_EQ(p.apps[0].action, Action::kFixStrategy);
  EXPECT_EQ(update_body(p.apps[0]),
            R"({"upgradeStrategy":{"maximumOverCapacity":0.0,"minimumHealthCapacity":0.5}})");
  app.instances = 2;
  p = plan(agents(3), {app}, fix);
  EXPECT_EQ(action_text(p.apps[0]), "scale up, fix strategy");
  EXPECT_EQ(safe_strategy(1).minimum_health_capacity, 0.0);
}

TEST(UniquePlanTest, ManyAppsOverManyAgentsShareTheirChecks) {
  std::vector<model::Agent> a;
  for (int i = 0; i < 2000; ++i) {
    a.push_back(agent(std::to_string(i), "r" + std::to_string(i % 20)));
  }
  std::vector<model::App> apps;
  for (int i = 0; i < 200; ++i) {
    auto app = daemon("/d" + std::to_string(i), 100);
    app.constraints.push_back({"rack", "IS", "r" + std::to_string(i % 20), true});
    apps.push_back(app);
  }
  const auto p = plan(a, apps);
  for (const auto& ap : p.apps) {
    EXPECT_EQ(ap.target, 100);
    EXPECT_EQ(ap.action, Action::kNone);
  }
}

TEST(UniqueAgentsTest, MaintenanceScheduleDecodesTheDocumentedPayload) {
  std::string body = R"({
  "windows" : [
    {
      "machine_ids" : [
        { "hostname" : "machine1", "ip" : "10.0.0.1" },
        { "hostname" : "machine2", "ip" : "10.0.0.2" }
      ],
      "unavailability" : {
        "start" : { "nanoseconds" : 1443830400000000000 },
        "duration" : { "nanoseconds" : 3600000000000 }
      }
    }
  ]
})";
  const auto w = mesos::decode_maintenance_schedule(body);
  ASSERT_EQ(w.size(), 1u);
  ASSERT_EQ(w[0].machines.size(), 2u);
  EXPECT_EQ(w[0].machines[1].ip, "10.0.0.2");
  EXPECT_DOUBLE_EQ(w[0].start, 1443830400.0);
  EXPECT_DOUBLE_EQ(w[0].duration, 3600.0);
  EXPECT_FALSE(w[0].open_ended);
  std::string empty = "{}";
  EXPECT_TRUE(mesos::decode_maintenance_schedule(empty).empty());
}

TEST(UniqueAgentsTest, FreeIsTheStatsRuleReservationsFirst) {
  // unique sync --require-fit and qctl stats fit see the same free resources: without
  // used_resources_full, usage fills the role's reservation before the unreserved part.
  auto a = agent("1");
  a.reserved["web"].cpus = 1;
  a.unreserved.cpus = 3;
  a.used.cpus = 1.5;
  a.used.ports = {{31000, 31009}};
  const auto v = stats::free_view(a);
  EXPECT_DOUBLE_EQ(v.free.at("web").cpus, 0);
  EXPECT_DOUBLE_EQ(v.free.at("*").cpus, 2.5);
  ASSERT_EQ(v.free.at("*").ports.size(), 1u);
  EXPECT_EQ(v.free.at("*").ports[0].begin, 31010u);
  const auto total = total_view(a);
  EXPECT_DOUBLE_EQ(total.free.at("web").cpus, 1);
  EXPECT_DOUBLE_EQ(total.free.at("*").cpus, 3);
  EXPECT_EQ(a.ip(), "10.0.0.1");
}

}  // namespace
}  // namespace qctl::unique
