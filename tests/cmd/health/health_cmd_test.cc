// `qctl health` in-process against recorded payloads: plugin text, exit codes 0/1/2/3, and
// bad arguments reported as UNKNOWN (3), never as qctl's usage error (2).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/util/duration.h"
#include "tests/support/cli.h"
#include "tests/support/fake_transport.h"

namespace qctl::testing {
namespace {

using http::Method;

constexpr const char* kM1 = "http://m1:5050";
constexpr const char* kM2 = "http://m2:5050";

CliOutcome health(FakeTransport& t, const std::vector<std::string>& args,
                  std::map<std::string, std::string> env = {}) {
  FakeClock clock(*util::parse_iso8601("2024-06-01T08:00:00Z"));
  env.emplace("QCTL_CONFIG", "/nonexistent/qctl-config");
  std::vector<std::string> argv = {"health"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_cli_in_process(argv, std::move(env), &clock, &t);
}

void serve_master(FakeTransport& t, const std::string& url, const std::string& leader) {
  t.get_fixture(url + "/version", "mesos/version.json");
  t.on(Method::kGet, url + "/master/redirect", 307, "", {{"Location", "//" + leader}});
}

TEST(HealthCmd, MesosOkThenOneMasterDownIsWarning) {
  {
    FakeTransport t;
    serve_master(t, kM1, "m1:5050");
    serve_master(t, kM2, "m1:5050");
    t.get_fixture(std::string(kM1) + "/metrics/snapshot", "mesos/metrics-snapshot.json");
    const auto r = health(t, {"mesos"}, {{"QCTL_MESOS", std::string(kM1) + "," + kM2}});
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_EQ(r.out,
              "MESOS OK - leader http://m1:5050, 2/2 masters answering, version 1.11.0 | "
              "mesos_leader=1;;;0;1 mesos_masters_down=0;0;;0;2 mesos_versions=1;1;;0\n"
              "master http://m1:5050: 1.11.0\nmaster http://m2:5050: 1.11.0\n");
  }
  FakeTransport t;
  serve_master(t, kM1, "m1:5050");
  t.fail(Method::kGet, std::string(kM2) + "/version", http::FailureKind::kConnect,
         "Couldn't connect to server: Connection refused", true);
  t.get_fixture(std::string(kM1) + "/metrics/snapshot", "mesos/metrics-snapshot.json");
  const auto r = health(t, {"mesos"}, {{"QCTL_MESOS", std::string(kM1) + "," + kM2}});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "MESOS WARNING - leader http://m1:5050, 1/2 masters answering | mesos_leader=1;;;0;1 "
            "mesos_masters_down=1;0;;0;2 mesos_versions=1;1;;0");
  EXPECT_NE(r.out.find("master http://m2:5050: DOWN (connection refused)"), std::string::npos)
      << r.out;
}

TEST(HealthCmd, NoLeaderElectedIsCritical) {
  FakeTransport t;
  t.get_fixture(std::string(kM1) + "/version", "mesos/version.json");
  t.on(Method::kGet, std::string(kM1) + "/master/redirect", 503, "No leader elected");
  const auto r = health(t, {"mesos"}, {{"QCTL_MESOS", kM1}});
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find(" |")),
            "MESOS CRITICAL - no leader elected, 1/1 masters answering");
}

TEST(HealthCmd, MarathonAnswering503IsCriticalInJson) {
  FakeTransport t;
  for (const char* path :
       {"/ping", "/v2/leader", "/v2/info", "/v2/apps?embed=apps.counts&embed=apps.deployments",
        "/v2/deployments"}) {
    t.on(Method::kGet, std::string(kMarathon) + path, 503, R"({"message":"Service Unavailable"})",
         {}, true);
  }
  t.allow_unused();  // which of the parallel reads fails first decides which others are sent
  const auto r = health(t, {"marathon", "-o", "json"}, {{"QCTL_MARATHON", kMarathon}});
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["status"], "CRITICAL");
  EXPECT_EQ(j["checks"][0]["check"], "marathon");
  EXPECT_NE(j["checks"][0]["summary"].get<std::string>().find("503"), std::string::npos)
      << j.dump();
}

TEST(HealthCmd, AllRunsOnlyTheConfiguredServices) {
  FakeTransport t;
  t.on(Method::kGet, std::string(kMarathon) + "/ping", 200, "pong");
  t.get_fixture(std::string(kMarathon) + "/v2/leader", "marathon/leader.json");
  t.get_fixture(std::string(kMarathon) + "/v2/info", "marathon/info.json");
  t.on(Method::kGet, std::string(kMarathon) + "/v2/apps?embed=apps.counts&embed=apps.deployments",
       200, R"({"apps":[]})");
  t.on(Method::kGet, std::string(kMarathon) + "/v2/deployments", 200, "[]");
  const auto r = health(t, {}, {{"QCTL_MARATHON", kMarathon}});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.rfind("MARATHON OK - leader master1.dc1.example.com:8080, 0 apps, 0 "
                        "deployments, API ",
                        0),
            0u)
      << r.out;
}

TEST(HealthCmd, ACheckAskedForButNotConfiguredIsUnknown) {
  FakeTransport t;
  const auto r = health(t, {"chronos"}, {{"QCTL_MARATHON", kMarathon}});
  EXPECT_EQ(r.code, 3) << r.out << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find(" |")),
            "CHRONOS UNKNOWN - context: no Chronos URL configured for the chronos check\n");
}

TEST(HealthCmd, BadArgumentsAreUnknownNotUsageErrors) {
  const std::map<std::string, std::string> env = {{"QCTL_MARATHON", kMarathon}};
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"bogus"}, "HEALTH UNKNOWN - unknown check 'bogus'\n"},
      {{"--bogus-flag"}, "HEALTH UNKNOWN - unknown argument '--bogus-flag'\n"},
      {{"-w", "nosuch=1"},
       "HEALTH UNKNOWN - --warning 'nosuch=1': unknown metric 'nosuch' (see "
       "the METRICS list in 'qctl health --help')\n"},
      {{"-c", "agents_active_pct=90:50"},
       "HEALTH UNKNOWN - --critical agents_active_pct: '90:50': the start is above the end\n"},
      {{"--timeout", "soon"}, "HEALTH UNKNOWN - --timeout 'soon' is not a duration (e.g. 10s)\n"},
      {{"-o", "name"}, "HEALTH UNKNOWN - -o name: qctl health prints Nagios text, json or yaml\n"},
  };
  for (const auto& [args, out] : cases) {
    FakeTransport t;  // nothing registered: any request would fail the test
    const auto r = health(t, args, env);
    EXPECT_EQ(r.code, 3) << args.front();
    EXPECT_EQ(r.out, out);
    EXPECT_EQ(r.err.rfind("qctl: health: ", 0), 0u) << r.err;
  }
}

// The same mistakes before the command word: still UNKNOWN (a Nagios command line often puts
// --timeout first), while other commands keep the usage error (2).
TEST(HealthCmd, BadGlobalFlagsBeforeTheCommandAreUnknownToo) {
  for (const std::vector<std::string>& argv :
       {std::vector<std::string>{"--timeout", "20x", "health", "mesos"},
        std::vector<std::string>{"-o", "bogus", "health"},
        std::vector<std::string>{"--context", "x", "--color=pink", "health"}}) {
    FakeTransport t;
    const auto r = run_cli_in_process(argv, {{"QCTL_CONFIG", "/nonexistent/qctl-config"}},
                                      nullptr, &t);
    EXPECT_EQ(r.code, 3) << argv.front();
    EXPECT_EQ(r.out.rfind("HEALTH UNKNOWN - ", 0), 0u) << r.out;
    EXPECT_EQ(r.err.rfind("qctl: health: ", 0), 0u) << r.err;
  }
  FakeTransport t;
  EXPECT_EQ(run_cli_in_process({"--timeout", "20x", "status"}, {}, nullptr, &t).code, 2);
}

TEST(HealthCmd, NoContextAtAllIsUnknown) {
  FakeTransport t;
  const auto r = health(t, {});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.out.rfind("HEALTH UNKNOWN - ", 0), 0u) << r.out;
}

}  // namespace
}  // namespace qctl::testing
