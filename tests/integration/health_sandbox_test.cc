// `qctl health` against the sandbox with its faults: each check's OK, WARNING, CRITICAL and
// UNKNOWN paths as a monitoring system sees them (exit code and the first output line).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/sandbox_status_support.h"
#include "tests/support/fixture_server.h"

namespace qctl::testing {
namespace {

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

class HealthSandbox : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cluster_ = new SandboxCluster({"--agents", "3", "--masters", "2", "--isolation", "none"});
  }
  static void TearDownTestSuite() {
    delete cluster_;
    cluster_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(c().sb.ok()) << c().sb.error(); }
  void TearDown() override {
    for (const char* service : {"mesos", "marathon", "chronos"}) {
      http_call("DELETE", c().sb.endpoints()["admin"].get<std::string>() + "/faults/" + service);
    }
  }
  static const SandboxCluster& c() { return *cluster_; }
  static ProcessResult health(std::vector<std::string> args,
                              const std::map<std::string, std::string>& extra = {}) {
    args.insert(args.begin(), "health");
    return c().qctl(std::move(args), extra);
  }
  static void fault(const std::string& service, const std::string& spec) {
    const auto r = http_call(
        "PUT", c().sb.endpoints()["admin"].get<std::string>() + "/faults/" + service, spec);
    ASSERT_EQ(r.status, 200) << r.body;
  }
  static inline SandboxCluster* cluster_ = nullptr;
};

TEST_F(HealthSandbox, HealthyClusterIsOkOnEveryCheck) {
  const auto r = health({"mesos", "agents", "marathon", "chronos"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(first_line(r.out).rfind("HEALTH OK - all 4 checks OK (mesos, agents, marathon, "
                                    "chronos) | mesos_leader=1;;;0;1 mesos_masters_down=0;0;;0;2",
                                    0),
            0u)
      << r.out;
  EXPECT_NE(r.out.find("\nAGENTS OK - 3/3 agents active (100%)\n"), std::string::npos) << r.out;
  const auto j = nlohmann::json::parse(health({"agents", "-o", "json"}).out);
  EXPECT_EQ(j["status"], "OK");
  EXPECT_EQ(j["checks"][0]["perfdata"][0]["label"], "agents_active_pct");
  EXPECT_EQ(j["checks"][0]["perfdata"][0]["value"], 100.0);
}

TEST_F(HealthSandbox, OneMasterDownWarnsAndNoLeaderIsCritical) {
  const std::string masters =
      c().master(0) + "," + c().master(1) + ",http://127.0.0.1:" + std::to_string(closed_port());
  auto r = health({"mesos"}, {{"QCTL_MESOS", masters}});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(first_line(r.out).rfind(
                "MESOS WARNING - leader " + c().master(0) + ", 2/3 masters answering | ", 0),
            0u)
      << r.out;
  EXPECT_NE(r.out.find(": DOWN (connection refused)"), std::string::npos) << r.out;
  c().admin("mesos/leader", R"({"leader": null})");
  r = health({"mesos", "agents"});
  c().admin("mesos/leader", R"({"leader": 0})");
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.out.find("\nMESOS CRITICAL - no leader elected, 2/2 masters answering\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\nAGENTS CRITICAL - "), std::string::npos) << r.out;
}

TEST_F(HealthSandbox, MarathonSlowIsWarningErrorsCriticalHangUnknown) {
  fault("marathon", R"({"latency_ms": 1100})");
  auto r = health({"marathon"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(first_line(r.out).rfind("MARATHON WARNING - leader 127.0.0.1:", 0), 0u) << r.out;
  fault("marathon", R"({"error_rate": 1.0})");
  r = health({"marathon"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(first_line(r.out).find("503"), std::string::npos) << r.out;
  // A Marathon that never answers: the whole run ends within --timeout, the check UNKNOWN,
  // and the other checks still report.
  fault("marathon", R"({"hang": true})");
  // (mesos, not agents: another test loses an agent for good, and tests run in any order.)
  r = health({"marathon", "mesos", "--timeout", "1500ms"});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("\nMARATHON UNKNOWN - did not finish within 1500ms"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\nMESOS OK - leader "), std::string::npos) << r.out;
}

// Masters that never answer before qctl's own --timeout: the check could not finish, which
// Nagios calls UNKNOWN, not a cluster whose masters are all DOWN (CRITICAL).
TEST_F(HealthSandbox, MastersHangingPastTheTimeoutAreUnknown) {
  fault("mesos", R"({"hang": true})");
  const auto r = health({"mesos", "--timeout", "1500ms"});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_EQ(first_line(r.out).rfind("MESOS UNKNOWN - did not finish within 1500ms", 0), 0u)
      << r.out;
}

TEST_F(HealthSandbox, ChronosJobStuckQueuedIsCriticalAndAFailedJobWarns) {
  // Due since 2020 and too big for any agent: it stays queued (the Chronos failure mode).
  auto reply =
      http_call("POST", c().sb.chronos() + "/v1/scheduler/iso8601",
                R"({"name":"stuck","command":"true","schedule":"R/2020-01-01T00:00:00Z/P1D",
                             "cpus":64,"mem":32,"retries":0})",
                {{"Content-Type", "application/json"}});
  ASSERT_EQ(reply.status, 204) << reply.body;
  ProcessResult r;
  ASSERT_TRUE(eventually([&] {
    r = health({"chronos"});
    return r.exit_code == 2;
  })) << r.out
      << r.err;
  EXPECT_NE(r.out.find("\njob stuck: queued (normal) for "), std::string::npos) << r.out;
  // With the age threshold switched off, the job that failed is what remains: WARNING.
  reply = http_call("DELETE", c().sb.chronos() + "/v1/scheduler/job/stuck");
  reply = http_call("POST", c().sb.chronos() + "/v1/scheduler/iso8601",
                    R"({"name":"broken","command":"exit 1","schedule":"R1//PT1H","cpus":0.1,
                        "mem":32,"retries":0})",
                    {{"Content-Type", "application/json"}});
  ASSERT_EQ(reply.status, 204) << reply.body;
  ASSERT_TRUE(eventually([&] {
    r = health({"chronos"});
    return r.exit_code == 1;
  })) << r.out
      << r.err;
  EXPECT_NE(r.out.find("1 last run failed"), std::string::npos) << r.out;
  http_call("DELETE", c().sb.chronos() + "/v1/scheduler/job/broken");
}

TEST_F(HealthSandbox, DeploymentStuckIsCritical) {
  // An app too big for any agent: its deployment never finishes.
  c().create_app(R"({"id": "/huge", "cmd": "sleep 1000", "cpus": 64, "mem": 64, "instances": 1})");
  ProcessResult r;
  ASSERT_TRUE(eventually([&] {
    r = health({"marathon", "-c", "marathon_deployment_age=1"});
    return r.exit_code == 2;
  })) << r.out
      << r.err;
  EXPECT_NE(r.out.find("\ndeployment "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(/huge) running for"), std::string::npos) << r.out;
  http_call("DELETE", c().sb.marathon() + "/v2/apps/huge?force=true");
}

// Its own cluster: a lost agent does not come back, and the other tests expect 3/3 agents in
// whatever order they run.
TEST(HealthSandboxLostAgent, AnUnreachableAgentIsCritical) {
  const SandboxCluster cluster({"--agents", "3", "--isolation", "none"});
  ASSERT_TRUE(cluster.sb.ok()) << cluster.sb.error();
  cluster.admin("agents/" + cluster.agent_id(2) + "/lose");
  ProcessResult r;
  ASSERT_TRUE(eventually([&] {
    r = cluster.qctl({"health", "agents"});
    return r.exit_code == 2;
  })) << r.out
      << r.err;
  EXPECT_EQ(
      first_line(r.out).rfind("AGENTS CRITICAL - 2/3 agents active (66.7%), 1 unreachable | "
                              "agents_active_pct=66.667%;90:;75:;0;100 agents_unreachable=1;0",
                              0),
      0u)
      << r.out;
}

}  // namespace
}  // namespace qctl::testing
