// Each check's judgement from facts: OK, WARNING and CRITICAL paths and the text operators read.
#include "core/health/checks.h"

#include <gtest/gtest.h>

#include "core/util/duration.h"

namespace qctl::health {
namespace {

MasterAnswer master(const std::string& url, const std::string& version, const std::string& leader) {
  MasterAnswer m;
  m.url = url;
  m.reachable = true;
  m.version = version;
  m.leader = leader;
  return m;
}

MasterAnswer down(const std::string& url) {
  MasterAnswer m;
  m.url = url;
  m.error = "connection refused";
  return m;
}

TEST(HealthChecks, MesosOkWithAnElectedLeader) {
  MesosFacts f;
  f.masters = {master("http://m1:5050", "1.11.0", "http://m1:5050"),
               master("http://m2:5050", "1.11.0", "http://m1:5050")};
  f.elected = 1;
  const auto r = evaluate_mesos(f, Thresholds{});
  EXPECT_EQ(r.status, Status::kOk);
  EXPECT_EQ(r.summary, "leader http://m1:5050, 2/2 masters answering, version 1.11.0");
  ASSERT_EQ(r.perf.size(), 3u);
  EXPECT_EQ(format_perf(r.perf[1]), "mesos_masters_down=0;0;;0;2");
}

TEST(HealthChecks, MesosOneMasterDownIsWarningNoLeaderCritical) {
  MesosFacts f;
  f.masters = {master("http://m1:5050", "1.11.0", "http://m1:5050"), down("http://m2:5050")};
  auto r = evaluate_mesos(f, Thresholds{});
  EXPECT_EQ(r.status, Status::kWarning);
  EXPECT_EQ(r.summary, "leader http://m1:5050, 1/2 masters answering");
  EXPECT_EQ(r.details[1], "master http://m2:5050: DOWN (connection refused)");
  f.masters[0].leader.clear();
  f.masters[0].no_leader = true;
  r = evaluate_mesos(f, Thresholds{});
  EXPECT_EQ(r.status, Status::kCritical);
  EXPECT_EQ(r.summary, "no leader elected, 1/2 masters answering");
  f.masters = {down("http://m1:5050")};
  r = evaluate_mesos(f, Thresholds{});
  EXPECT_EQ(r.status, Status::kCritical);
  EXPECT_EQ(r.summary, "no master answers (connection refused)");
}

TEST(HealthChecks, MesosVersionsThatDisagreeWarn) {
  MesosFacts f;
  f.masters = {master("http://m1:5050", "1.11.0", "http://m1:5050"),
               master("http://m2:5050", "1.10.0", "http://m1:5050")};
  const auto r = evaluate_mesos(f, Thresholds{});
  EXPECT_EQ(r.status, Status::kWarning);
  EXPECT_NE(r.summary.find("versions differ (1.10.0, 1.11.0)"), std::string::npos) << r.summary;
}

TEST(HealthChecks, AgentsShareCountsUnreachableAgents) {
  AgentFacts f;
  f.counts.total = 2;
  f.counts.ready = 2;
  f.counts.unreachable = 1;
  f.unreachable_known = true;
  auto r = evaluate_agents(f, Thresholds{});
  EXPECT_EQ(r.status, Status::kCritical) << "2 of 3 known agents is below 75%";
  EXPECT_EQ(r.summary, "2/3 agents active (66.7%), 1 unreachable");
  EXPECT_EQ(format_perf(r.perf[0]), "agents_active_pct=66.667%;90:;75:;0;100");
  f.counts = {};
  f.counts.total = 10;
  f.counts.ready = 9;
  f.counts.deactivated = 1;
  r = evaluate_agents(f, Thresholds{});
  EXPECT_EQ(r.status, Status::kOk);
  EXPECT_EQ(r.summary, "9/10 agents active (90%), 1 deactivated");
  f.counts = {};
  r = evaluate_agents(f, Thresholds{});
  EXPECT_EQ(r.status, Status::kCritical);
  EXPECT_EQ(r.summary, "no agents registered");
  // After a master failover: known from the registry, not back yet.
  f.recovering = 7;
  r = evaluate_agents(f, Thresholds{});
  EXPECT_EQ(r.status, Status::kCritical);
  EXPECT_EQ(r.summary, "0/7 agents active (0%), 7 re-registering after a master failover");
}

model::App app(const std::string& id, std::int64_t instances, std::int64_t running,
               std::int64_t unhealthy = 0) {
  model::App a;
  a.id = id;
  a.instances = instances;
  a.tasks_running = running;
  a.tasks_unhealthy = unhealthy;
  return a;
}

TEST(HealthChecks, MarathonStuckDeploymentAppsBelowAndLatency) {
  const double now = *util::parse_iso8601("2024-06-01T08:00:00Z");
  MarathonFacts f;
  f.leader = "m1:8080";
  f.latency_seconds = 0.02;
  f.apps = {app("/web", 3, 3), app("/api", 2, 2)};
  auto r = evaluate_marathon(f, Thresholds{}, now);
  EXPECT_EQ(r.status, Status::kOk);
  EXPECT_EQ(r.summary, "leader m1:8080, 2 apps, 0 deployments, API 20 ms");
  model::Deployment d;
  d.id = "d1";
  d.version = "2024-06-01T07:40:00.000Z";  // 20 minutes ago: above 600 s, below 1800 s
  d.affected_apps = {"/web"};
  d.current_step = 1;
  d.total_steps = 1;
  f.deployments = {d};
  f.apps[0].deployment_ids = {"d1"};
  f.apps[0].tasks_running = 1;  // deploying: not counted as below
  f.apps[1] = app("/api", 2, 1, 1);
  r = evaluate_marathon(f, Thresholds{}, now);
  EXPECT_EQ(r.status, Status::kWarning);
  EXPECT_NE(r.summary.find("1 deployment(s) running for 20m"), std::string::npos) << r.summary;
  EXPECT_NE(r.summary.find("1 app(s) below their instance count"), std::string::npos);
  EXPECT_NE(r.summary.find("1 unhealthy task(s)"), std::string::npos);
  EXPECT_EQ(r.details[0], "deployment d1 (/web) running for 20m, step 1/1");
  EXPECT_EQ(r.details[1], "app /api: 1/2 running");
  f.latency_seconds = 6;
  EXPECT_EQ(evaluate_marathon(f, Thresholds{}, now).status, Status::kCritical);
  f.latency_seconds = 0.02;
  f.leader.clear();
  r = evaluate_marathon(f, Thresholds{}, now);
  EXPECT_EQ(r.status, Status::kCritical);
  EXPECT_EQ(r.summary, "no Marathon leader");
}

TEST(HealthChecks, ChronosJobStuckQueuedAndFailedJobs) {
  const double now = *util::parse_iso8601("2024-06-01T08:00:00Z");
  ChronosFacts f;
  f.leader = "c1:4400";
  model::Job stuck;
  stuck.name = "stuck";
  stuck.schedule = "R/2024-06-01T07:00:00.000Z/PT24H";  // due an hour ago, never launched
  model::Job broken;
  broken.name = "broken";
  broken.schedule = "R/2030-01-01T00:00:00Z/PT1H";
  f.view.jobs = {stuck, broken};
  f.view.summaries = {{"stuck", "fresh", "queued", stuck.schedule, {}, false},
                      {"broken", "failure", "idle", broken.schedule, {}, false}};
  f.gauges = chronos::QueueGauges{0, 1};
  const auto r = evaluate_chronos(f, Thresholds{}, now);
  EXPECT_EQ(r.status, Status::kCritical) << "queued for 1h, above the 1800 s default";
  EXPECT_EQ(r.summary,
            "leader c1:4400, 2 jobs, 1 queued (longest 60m), high-priority queue 0, 1 last run "
            "failed");
  EXPECT_EQ(r.details[0], "job stuck: queued (normal) for 60m");
  EXPECT_EQ(r.details[1], "job broken: last run failed");
}

}  // namespace
}  // namespace qctl::health
