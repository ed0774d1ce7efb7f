// `qctl unique sync` (the real binary) against a simulated sandbox: agents joining,
// draining, deactivated and lost; wrong attributes; deployments; failover; --watch.
#include <memory>

#include "tests/integration/logs_support.h"
#include "tests/integration/sandbox_app_support.h"
#include "tests/integration/sandbox_status_support.h"

namespace qctl::testing {
namespace {

/// Agents cycle over rack r1, r1, r2: six agents are four in r1 and two in r2. Each test
/// gets its own cluster: they take agents out, add some and move the Mesos leader, and a
/// shared cluster made the results depend on the order the tests ran in.
class UniqueSyncSandboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    cluster_ = std::make_unique<SandboxCluster>(
        std::vector<std::string>{"--simulate", "--masters", "2", "--agents", "6", "--attributes",
                                 "rack=r1", "--attributes", "rack=r1", "--attributes", "rack=r2"});
    ASSERT_TRUE(cluster_->sb.ok()) << cluster_->sb.error();
  }
  void TearDown() override { cluster_.reset(); }

  static ProcessResult sync(std::vector<std::string> args) {
    args.insert(args.begin(), {"unique", "sync"});
    return cluster_->qctl(std::move(args));
  }

  /// A daemon app: hostname UNIQUE plus `extra` constraints (JSON array elements).
  static void create_daemon(const std::string& id, int instances, const std::string& extra = "",
                            double cpus = 0.01) {
    cluster_->create_app(
        R"({"id":")" + id + R"(","cmd":"sleep 1000","cpus":)" + std::to_string(cpus) +
        R"(,"mem":16,"instances":)" + std::to_string(instances) +
        R"(,"constraints":[["hostname","UNIQUE"])" + (extra.empty() ? "" : "," + extra) +
        R"(],"upgradeStrategy":{"minimumHealthCapacity":0.5,"maximumOverCapacity":0}})");
  }

  static nlohmann::json app(const std::string& id) { return marathon_app(*cluster_, id); }

  static bool no_deployment(const std::string& id) {
    const auto a = app(id);
    return a.is_object() && a["deployments"].empty();
  }

  /// The one plan row of `--app ID -o json --dry-run`.
  static nlohmann::json plan_of(const std::string& id) {
    const auto r = sync({"--app", id, "--dry-run", "--max-change", "100%", "-o", "json"});
    auto j = nlohmann::json::parse(r.out, nullptr, false);
    return j.is_discarded() || j.empty() ? nlohmann::json() : j[0];
  }

  static std::unique_ptr<SandboxCluster> cluster_;
};

std::unique_ptr<SandboxCluster> UniqueSyncSandboxTest::cluster_;

TEST_F(UniqueSyncSandboxTest, JoiningAgentsScaleUpAndAWrongAttributeIsNotCounted) {
  create_daemon("/t1/logs", 1, R"(["rack","LIKE","r1"])");
  ASSERT_TRUE(eventually([] { return no_deployment("/t1/logs"); }));
  auto dry = sync({"--app", "/t1/logs", "--dry-run"});
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_EQ(row_of(dry.out, "/t1/logs"),
            "/t1/logs   1         4        4          4 eligible   scale up");
  auto r = sync({"--app", "/t1/logs"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("scaled /t1/logs from 1 to 4 (4 eligible), deployment "), std::string::npos)
      << r.err;
  EXPECT_EQ(app("/t1/logs")["instances"], 4);

  cluster_->admin("agents", R"({"attributes":{"rack":"r1"}})");
  cluster_->admin("agents", R"({"attributes":{"rack":"r9"}})");
  ASSERT_TRUE(eventually([] { return no_deployment("/t1/logs"); }));
  r = sync({"--app", "/t1/logs"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(app("/t1/logs")["instances"], 5);  // the r9 agent does not count
  // Marathon places the new instance on the new agent.
  EXPECT_TRUE(eventually([] { return app("/t1/logs")["tasksRunning"] == 5; }));
  // In sync now: no write, exit 0.
  r = sync({"--app", "/t1/logs"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_NE(row_of(r.out, "/t1/logs").find("none"), std::string::npos) << r.out;
}

TEST_F(UniqueSyncSandboxTest, DeactivatedDrainedLostAndMaintenanceAgentsScaleDown) {
  create_daemon("/t2/all", 1);
  const auto before = plan_of("/t2/all");
  ASSERT_TRUE(before.is_object());
  const int n = before["target"].get<int>();
  ASSERT_GE(n, 6);
  ASSERT_TRUE(eventually([] { return no_deployment("/t2/all"); }));
  ASSERT_EQ(sync({"--app", "/t2/all"}).exit_code, 0);
  ASSERT_EQ(app("/t2/all")["instances"], n);

  // A maintenance window that covers now (GET /master/maintenance/schedule) counts too.
  const std::vector<std::pair<std::size_t, std::string>> steps = {
      {0, "deactivate"}, {1, "drain"}, {2, "lose"}, {3, "maintenance"}};
  int expected = n;
  for (const auto& [agent, action] : steps) {
    cluster_->admin("agents/" + cluster_->agent_id(agent) + "/" + action, "{}");
    --expected;
    ASSERT_TRUE(eventually([] { return no_deployment("/t2/all"); })) << action;
    const auto r = sync({"--app", "/t2/all", "--max-change", "40%"});
    EXPECT_EQ(r.exit_code, 0) << action << ": " << r.err;
    EXPECT_EQ(app("/t2/all")["instances"], expected) << action;
  }
}

TEST_F(UniqueSyncSandboxTest, ADeploymentInProgressIsSkipped) {
  // 100 cpus fit nowhere: the app's deployment never finishes.
  create_daemon("/t3/stuck", 1, "", 100);
  const auto r = sync({"--app", "/t3/stuck"});
  EXPECT_EQ(r.exit_code, 6) << r.err;
  EXPECT_NE(r.err.find("skipped /t3/stuck: deployment "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("eligible agents have no room for an instance"), std::string::npos);
  EXPECT_EQ(app("/t3/stuck")["instances"], 1);
}

TEST_F(UniqueSyncSandboxTest, BadInputUnknownAppNonUniqueAppUnreachableMarathon) {
  auto r = sync({"--app", "/no/such-app"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err,
            "qctl: app /no/such-app: not found in Marathon\n"
            "hint: list the UNIQUE apps with 'qctl unique sync --all-unique --dry-run'\n");

  cluster_->create_app(R"({"id":"/t4/web","cmd":"sleep 1000","cpus":0.01,"mem":16,"instances":1})");
  r = sync({"--app", "/t4/web"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      r.err,
      "warning: /t4/web: no hostname:UNIQUE constraint, skipped (--any-constraint syncs it)\n");
  EXPECT_EQ(app("/t4/web")["instances"], 1);

  r = cluster_->qctl({"unique", "sync", "--all-unique"}, {{"QCTL_MARATHON", "http://127.0.0.1:1"}});
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find("qctl: "), std::string::npos);
}

TEST_F(UniqueSyncSandboxTest, WatchReactsToAJoiningAgentAndStopsOnSigterm) {
  create_daemon("/t5/watched", 1);
  ASSERT_TRUE(eventually([] { return no_deployment("/t5/watched"); }));
  BackgroundQctl watch({"unique", "sync", "--app", "/t5/watched", "--watch", "--interval", "200ms",
                        "--max-change", "100%"},
                       user_env(cluster_->sb, cluster_->home));
  const auto target = [] { return app("/t5/watched")["instances"].get<int>(); };
  // The first pass scales to every eligible agent.
  ASSERT_TRUE(eventually([&] { return target() > 1; }, std::chrono::seconds(10))) << watch.err();
  const int before = target();
  ASSERT_TRUE(eventually([] { return no_deployment("/t5/watched"); }));
  cluster_->admin("agents", R"({"attributes":{"rack":"r2"}})");
  EXPECT_TRUE(eventually([&] { return target() == before + 1; }, std::chrono::seconds(5)));
  const int code = watch.terminate();
  const std::string err = watch.err();
  EXPECT_EQ(code, 0) << err;
  EXPECT_NE(err.find("scaled /t5/watched from 1 to "), std::string::npos) << err;
  EXPECT_NE(err.find("scaled /t5/watched from " + std::to_string(before) + " to " +
                     std::to_string(before + 1)),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("stopped by SIGTERM"), std::string::npos) << err;
}

TEST_F(UniqueSyncSandboxTest, WatchWithABadSelectorExitsAtOnce) {
  const auto r = sync({"--watch", "--selector", "=bad"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("invalid selector term '=bad'"), std::string::npos) << r.err;
}

TEST_F(UniqueSyncSandboxTest, LeaderFailoverShowingNoAgentsChangesNothing) {
  create_daemon("/t6/daemon", 1);
  ASSERT_TRUE(eventually([] { return no_deployment("/t6/daemon"); }));
  ASSERT_EQ(sync({"--app", "/t6/daemon"}).exit_code, 0);
  const auto instances = app("/t6/daemon")["instances"];
  // Master 1 takes over; its agents have not re-registered yet.
  cluster_->admin("mesos/leader", R"({"leader":1,"reregister_seconds":60})");
  auto r = sync({"--app", "/t6/daemon"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("refused by rule agents-recovering"), std::string::npos) << r.err;
  EXPECT_EQ(app("/t6/daemon")["instances"], instances);
  // No leader at all.
  cluster_->admin("mesos/leader", R"({"leader":null})");
  r = sync({"--app", "/t6/daemon"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("refused by rule no-leader"), std::string::npos) << r.err;
  EXPECT_EQ(app("/t6/daemon")["instances"], instances);
  cluster_->admin("mesos/leader", R"({"leader":0})");
  r = sync({"--app", "/t6/daemon"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace qctl::testing
