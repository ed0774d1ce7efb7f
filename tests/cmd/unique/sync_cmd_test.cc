// `qctl unique sync` in-process against recorded Mesos and Marathon payloads.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/clock.h"
#include "tests/support/cli.h"
#include "tests/support/fake_transport.h"
#include "tests/support/run_qctl.h"

namespace qctl::testing {
namespace {

using http::Method;

constexpr const char* kApps =
    "http://marathon:8080/v2/apps?embed=apps.counts&embed=apps.deployments";

/// A private state directory per test.
class UniqueSyncCmdTest : public ::testing::Test {
 protected:
  /// master-slaves.json: 5 agents, of which S1 is deactivated and S2 draining: 3 eligible.
  void serve_cluster(FakeTransport& t) {
    t.get_fixture(std::string(kMesos) + "/master/slaves", "mesos/master-slaves.json");
    t.on(Method::kGet, std::string(kMesos) + "/master/maintenance/schedule", 200, "{}");
    t.get_fixture(kApps, "marathon/apps.json");
  }

  CliOutcome run(FakeTransport& t, std::vector<std::string> args) {
    FakeClock clock(1700000000);
    args.insert(args.begin(), {"unique", "sync"});
    return run_cli_in_process(args,
                              {{"QCTL_CONFIG", "/nonexistent/qctl-config"},
                               {"QCTL_MESOS", kMesos},
                               {"QCTL_MARATHON", kMarathon},
                               {"XDG_STATE_HOME", dir_.string()},
                               {"HOME", dir_.string()}},
                              &clock, &t);
  }

  [[nodiscard]] std::string state_file() const {
    return (dir_ / "qctl" / "unique-_env_.json").string();
  }

  TempDir tmp_;
  std::filesystem::path dir_ = tmp_.path();
};

TEST_F(UniqueSyncCmdTest, DryRunPrintsThePlanAndWritesNothing) {
  FakeTransport t;
  serve_cluster(t);
  const auto r = run(t, {"--all-unique", "--dry-run", "--max-change", "50%"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "APP                  CURRENT   TARGET   ELIGIBLE   REASON       ACTION\n"
            "/infra/log-shipper   5         3        3          3 eligible   scale down\n");
  EXPECT_EQ(r.err, "would scale /infra/log-shipper from 5 to 3 (3 eligible)\n");
  EXPECT_FALSE(std::filesystem::exists(state_file()));
}

TEST_F(UniqueSyncCmdTest, ScalesWithAPartialPutAndRemembersTheAgentCount) {
  FakeTransport t;
  serve_cluster(t);
  t.on(Method::kPut, std::string(kMarathon) + "/v2/apps/infra/log-shipper", 200,
       read_fixture("marathon/marathon-deployment-result.json"));
  const auto r = run(t, {"--all-unique", "--max-change", "0.5"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto requests = t.requests();
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests.back().method, Method::kPut);
  EXPECT_EQ(requests.back().body, R"({"instances":3})");
  EXPECT_EQ(r.err,
            "scaled /infra/log-shipper from 5 to 3 (3 eligible), deployment "
            "5ed4c0c5-9ff8-4a6f-a0cd-f57f59a34b43\n");
  EXPECT_NE(r.out.find("scaled down"), std::string::npos) << r.out;
  std::ifstream state(state_file());
  std::string text((std::istreambuf_iterator<char>(state)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "{\"agents\":5,\"updated\":1700000000}\n");
}

TEST_F(UniqueSyncCmdTest, ADropBeyondMaxChangeIsRefusedWithTheRuleNamed) {
  FakeTransport t;
  serve_cluster(t);
  const auto r = run(t, {"--all-unique"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("refused /infra/log-shipper by rule max-change: /infra/log-shipper: "
                       "scaling from 5 to 3 drops 40%, more than --max-change 20%"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("qctl: unique sync: refused by safety rule max-change"), std::string::npos);
  for (const auto& req : t.requests()) {
    EXPECT_NE(req.method, Method::kPut);
  }
}

TEST_F(UniqueSyncCmdTest, AgentCountDropSinceTheLastRunStopsEverything) {
  std::filesystem::create_directories(dir_ / "qctl");
  std::ofstream(state_file()) << R"({"agents":10,"updated":1})";
  FakeTransport t;
  serve_cluster(t);
  const auto r = run(t, {"--all-unique", "--max-change", "40%"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("refused by rule agent-drop: the agent count dropped from 10 to 5 (50%)"),
            std::string::npos)
      << r.err;
}

// A state file that exists but holds no usable count is refused, never read as a first run
// (that would disarm agent-drop without a word); nothing is asked of Marathon's writes.
TEST_F(UniqueSyncCmdTest, AnInvalidStateFileIsRefusedNotTakenForAFirstRun) {
  std::filesystem::create_directories(dir_ / "qctl");
  for (const char* text : {"garbage", "", "{}", "[]", R"({"agents":"100"})", R"({"agents":-5})",
                           R"({"agents":100.7})", R"({"agents":1e9})"}) {
    std::ofstream(state_file(), std::ios::trunc) << text;
    FakeTransport t;
    serve_cluster(t);
    t.allow_unused();
    const auto r = run(t, {"--all-unique", "--max-change", "50%"});
    EXPECT_EQ(r.code, 2) << text;
    EXPECT_NE(r.err.find("not a unique sync state file"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    for (const auto& req : t.requests()) {
      EXPECT_NE(req.method, Method::kPut) << text;
    }
  }
}

// The count is written before the first PUT: a file that cannot be written stops the run with
// nothing changed in Marathon.
TEST_F(UniqueSyncCmdTest, AnUnwritableStateFileStopsTheRunBeforeAnyWrite) {
  FakeTransport t;
  serve_cluster(t);
  t.allow_unused();
  const auto r =
      run(t, {"--all-unique", "--max-change", "50%", "--state-file", "/proc/nope/state.json"});
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("cannot write the state file"), std::string::npos) << r.err;
  for (const auto& req : t.requests()) {
    EXPECT_NE(req.method, Method::kPut);
  }
}

TEST_F(UniqueSyncCmdTest, Marathon409IsReportedAsSkippedWithExit6) {
  FakeTransport t;
  serve_cluster(t);
  t.on(Method::kPut, std::string(kMarathon) + "/v2/apps/infra/log-shipper", 409,
       read_fixture("marathon/error-409.json"));
  const auto r = run(t, {"--app", "/infra/log-shipper", "--max-change", "50%"});
  EXPECT_EQ(r.code, 6) << r.err;
  EXPECT_NE(r.err.find("skipped /infra/log-shipper: a deployment is in progress (409)"),
            std::string::npos)
      << r.err;
}

TEST_F(UniqueSyncCmdTest, ForceSendsForceTrue) {
  FakeTransport t;
  serve_cluster(t);
  t.on(Method::kPut, std::string(kMarathon) + "/v2/apps/infra/log-shipper?force=true", 200,
       read_fixture("marathon/marathon-deployment-result.json"));
  const auto r = run(t, {"--app", "infra/log-shipper", "--force"});
  EXPECT_EQ(r.code, 0) << r.err;
}

TEST_F(UniqueSyncCmdTest, AnAppWithoutUniqueIsWarnedAndSkipped) {
  FakeTransport t;
  serve_cluster(t);
  const auto r = run(t, {"--app", "/web"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err,
            "warning: /web: no hostname:UNIQUE constraint, skipped (--any-constraint syncs it)\n");
  EXPECT_EQ(r.out,
            "APP    CURRENT   TARGET   ELIGIBLE   REASON                          ACTION\n"
            "/web   2         <none>   <none>     no hostname:UNIQUE constraint   skip\n");
}

TEST_F(UniqueSyncCmdTest, AnyConstraintSyncsItAnyway) {
  FakeTransport t;
  serve_cluster(t);
  t.on(Method::kPut, std::string(kMarathon) + "/v2/apps/web", 200,
       read_fixture("marathon/marathon-deployment-result.json"));
  const auto r = run(t, {"--app", "/web", "--any-constraint"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(t.requests().back().body, R"({"instances":3})");
}

TEST_F(UniqueSyncCmdTest, UnknownAppIsNotFound) {
  FakeTransport t;
  serve_cluster(t);
  const auto r = run(t, {"--app", "/nope"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("qctl: app /nope: not found in Marathon\n"), std::string::npos) << r.err;
}

TEST_F(UniqueSyncCmdTest, NoMesosLeaderRefusesWithoutAskingMarathon) {
  FakeTransport t;
  t.on(Method::kGet, std::string(kMesos) + "/master/slaves", 503, "No leader elected", {}, true);
  const auto r = run(t, {"--all-unique"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("refused by rule no-leader"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("refused by safety rule no-leader; nothing was changed"), std::string::npos);
}

TEST_F(UniqueSyncCmdTest, UnreachableMarathonIsANetworkError) {
  FakeTransport t;
  t.get_fixture(std::string(kMesos) + "/master/slaves", "mesos/master-slaves.json");
  t.on(Method::kGet, std::string(kMesos) + "/master/maintenance/schedule", 200, "{}");
  t.fail(Method::kGet, kApps, http::FailureKind::kConnect, "Connection refused", true);
  const auto r = run(t, {"--all-unique"});
  EXPECT_EQ(r.code, 5);
  EXPECT_EQ(r.err,
            "qctl: marathon: GET "
            "http://marathon:8080/v2/apps?embed=apps.counts&embed=apps.deployments: connection "
            "refused\n");
}

TEST_F(UniqueSyncCmdTest, TheContextsUniqueAppsIsTheDefaultSelection) {
  const std::string config = (dir_ / "config").string();
  std::ofstream(config) << "current-context: prod\n"
                           "contexts:\n"
                           "  prod:\n"
                           "    mesos: http://mesos:5050\n"
                           "    marathon: http://marathon:8080\n"
                           "    unique-apps: all-unique\n";
  FakeTransport t;
  serve_cluster(t);
  FakeClock clock(1700000000);
  const auto r = run_cli_in_process({"unique", "sync", "--dry-run", "--max-change", "50%"},
                                    {{"QCTL_CONFIG", config}, {"XDG_STATE_HOME", dir_.string()}},
                                    &clock, &t);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("/infra/log-shipper"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("/web"), std::string::npos) << r.out;
}

TEST_F(UniqueSyncCmdTest, BadFlagsAreUsageErrors) {
  FakeTransport t;
  t.allow_unused();
  auto r = run(t, {"--app", "/a", "--all-unique"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("use one"), std::string::npos) << r.err;
  r = run(t, {});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("qctl: no apps selected"), std::string::npos) << r.err;
  // NaN compares false with everything: accepted, it would switch every safety rule off.
  for (const char* bad : {"150%", "nan", "-nan", "NaN%", "inf"}) {
    r = run(t, {"--all-unique", "--max-change", bad});
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_NE(r.err.find("--max-change must be a percentage"), std::string::npos) << r.err;
  }
  r = run(t, {"--all-unique", "--watch", "--dry-run"});
  EXPECT_EQ(r.code, 2);
  r = run(t, {"--app", "/Bad_Id"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("invalid app id"), std::string::npos) << r.err;
  r = run(t, {"--selector", "=bad"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("invalid selector term '=bad'"), std::string::npos) << r.err;
  EXPECT_TRUE(t.requests().empty());  // refused before asking Mesos
}

}  // namespace
}  // namespace qctl::testing
