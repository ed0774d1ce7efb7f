// `qctl restart` against the sandbox's Marathon with real task processes: a healthy app's
// restart completes, one whose new tasks fail is reported failed, a rolled-back one too, and
// --if-unhealthy restarts only the broken app.
#include <gtest/gtest.h>

#include <fstream>
#include <future>
#include <nlohmann/json.hpp>

#include "tests/integration/sandbox_app_support.h"
#include "tests/integration/sandbox_status_support.h"

namespace qctl::testing {
namespace {

class RestartSandbox : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cluster_ = new SandboxCluster({"--agents", "2", "--isolation", "none"});
    flags_ = new TempDir();
    // Every test may find the healthy app "good" (in any order: --gtest_shuffle).
    if (cluster_->sb.ok()) {
      create_app("good", 2);
    }
  }
  static void TearDownTestSuite() {
    delete cluster_;
    delete flags_;
    cluster_ = nullptr;
    flags_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(c().sb.ok()) << c().sb.error(); }
  static const SandboxCluster& c() { return *cluster_; }

  /// An app whose tasks (and COMMAND health check) fail once the file `broken_<name>` exists.
  static void create_app(const std::string& name, int instances) {
    const std::string flag = flags_->path() + "/broken_" + name;
    nlohmann::json app = {{"id", "/" + name},
                          {"cmd", "test ! -e " + flag + " && exec sleep 1000"},
                          {"cpus", 0.1},
                          {"mem", 32},
                          {"instances", instances},
                          {"backoffSeconds", 0.3},
                          {"backoffFactor", 1},
                          {"healthChecks",
                           {{{"protocol", "COMMAND"},
                             {"command", {{"value", "test ! -e " + flag}}},
                             {"gracePeriodSeconds", 0},
                             {"delaySeconds", 0},
                             {"intervalSeconds", 1},
                             {"timeoutSeconds", 1},
                             {"maxConsecutiveFailures", 0}}}}};
    c().create_app(app.dump());
  }
  static void break_app(const std::string& name) {
    std::ofstream(flags_->path() + "/broken_" + name) << "x";
  }
  static nlohmann::json app(const std::string& name) { return marathon_app(c(), name); }
  static bool healthy(const std::string& name, int n) {
    const auto a = app(name);
    return a["tasksHealthy"] == n && a["deployments"].empty();
  }
  static ProcessResult restart(std::vector<std::string> args) {
    args.insert(args.begin(), "restart");
    return c().qctl(std::move(args));
  }
  static inline SandboxCluster* cluster_ = nullptr;
  static inline TempDir* flags_ = nullptr;
};

TEST_F(RestartSandbox, HealthyAppRestartCompletes) {
  ASSERT_TRUE(eventually([] { return healthy("good", 2); }));
  const auto before = app("good")["version"];
  const auto r = restart({"app", "/good", "--wait", "--wait-timeout", "30s", "-o", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("app/good restarted: /good: 2/2 replaced, 2 healthy"), std::string::npos)
      << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j[0]["outcome"], "completed");
  EXPECT_NE(app("good")["version"], before);
}

TEST_F(RestartSandbox, IfUnhealthyRestartsOnlyTheBrokenAppWhoseNewTasksThenFail) {
  create_app("sick", 1);
  ASSERT_TRUE(eventually([] { return healthy("sick", 1) && healthy("good", 2); }));
  break_app("sick");  // its health check fails from now on, and so would new tasks
  ASSERT_TRUE(eventually([] { return app("sick")["tasksUnhealthy"] == 1; }));
  const auto good_version = app("good")["version"];
  auto r = restart({"app", "--all", "--if-unhealthy", "--dry-run"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "app/sick would be restarted (1 instances, 1 unhealthy task) (dry run)\n");
  r = restart(
      {"app", "--all", "--if-unhealthy", "--wait", "--fail-after", "2", "--wait-timeout", "30s"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("app/sick restarting (deployment "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("app/sick restart failed: new tasks keep failing (2 failures; last "
                       "TASK_FAILED"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("app/good"), std::string::npos) << r.err;
  EXPECT_EQ(app("good")["version"], good_version) << "the healthy app was left alone";
  http_call("DELETE", c().sb.marathon() + "/v2/apps/sick?force=true");
}

TEST_F(RestartSandbox, ADeploymentRolledBackByTheUserIsReportedAsSuch) {
  create_app("roll", 1);
  ASSERT_TRUE(eventually([] { return healthy("roll", 1); }));
  break_app("roll");
  auto waiting = std::async(std::launch::async, [] {
    return restart({"app", "/roll", "--wait", "--fail-after", "1000", "--wait-timeout", "30s"});
  });
  std::string deployment;
  ASSERT_TRUE(eventually([&] {
    const auto a = app("roll");
    if (a["deployments"].empty()) {
      return false;
    }
    deployment = a["deployments"][0]["id"].get<std::string>();
    return true;
  }));
  const auto reply = http_call("DELETE", c().sb.marathon() + "/v2/deployments/" + deployment);
  EXPECT_EQ(reply.status, 200) << reply.body;
  const auto r = waiting.get();
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("app/roll restart rolled-back: deployment " + deployment), std::string::npos)
      << r.err;
  http_call("DELETE", c().sb.marathon() + "/v2/apps/roll?force=true");
}

TEST_F(RestartSandbox, RestartTaskKillsItAndMarathonReplacesIt) {
  // Its own app: the test must not depend on which other tests ran before it.
  create_app("victim", 2);
  ASSERT_TRUE(eventually([] { return healthy("victim", 2); }));
  const auto tasks = app("victim")["tasks"];
  ASSERT_FALSE(tasks.empty());
  const std::string victim = tasks[0]["id"].get<std::string>();
  auto r = restart({"task", victim, "--dry-run"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("would be killed"), std::string::npos) << r.err;
  r = restart({"task", victim});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("task/" + victim + " killed; Marathon launches a replacement"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(eventually([&] {
    const auto a = app("victim");
    return a["tasksRunning"] == 2 && a["tasks"].dump().find(victim) == std::string::npos;
  }));
  EXPECT_EQ(restart({"task", victim}).exit_code, 3) << "gone now";
  http_call("DELETE", c().sb.marathon() + "/v2/apps/victim?force=true");
}

}  // namespace
}  // namespace qctl::testing
