// `qctl status` end to end against `qctl sandbox`: the overview in table, JSON and YAML, and
// agent conditions set through the sandbox's admin API (status_test.cc does the same against
// fixture servers).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/sandbox_status_support.h"

namespace qctl::testing {
namespace {

// Three simulated agents of 8 cpus / 16 GiB (the sandbox defaults) and /web with 2 tasks,
// shared by the read-only tests of this suite.
class SandboxStatus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cluster_ = new SandboxCluster({"--simulate", "--agents", "3"});
    if (!cluster_->sb.ok()) {
      return;
    }
    cluster_->create_app(
        R"({"id": "/web", "cmd": "sleep 1000", "cpus": 1, "mem": 128, "instances": 2})");
    ready_ = eventually([] {
      const auto j = cluster_->qctl_json({"status"});
      return j.is_object() && j["marathon"]["tasks_running"] == 2 &&
             j["marathon"]["deployments"] == 0;
    });
  }
  static void TearDownTestSuite() {
    delete cluster_;
    cluster_ = nullptr;
  }
  void SetUp() override {
    ASSERT_TRUE(c.sb.ok()) << c.sb.error();
    ASSERT_TRUE(ready_) << "the app never reached 2 running tasks";
  }

  static inline SandboxCluster* cluster_ = nullptr;
  static inline bool ready_ = false;
  const SandboxCluster& c = *cluster_;
};

TEST_F(SandboxStatus, ShowsEveryServiceOnOneScreen) {
  const auto r = c.qctl({"status"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("Context     (env)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Mesos       leader " + c.master(0)), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1/1 masters answering, cluster sandbox\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Agents      3/3 ready\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Frameworks  2 active, 0 inactive\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Tasks       2 running\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cpus          24           2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Marathon    leader " + c.sb.marathon() +
                       " (1.11.24): 1 apps, 2 tasks running, 0 deployments in progress"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Chronos     leader "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\033["), std::string::npos) << "no colour when stdout is not a TTY";
}

TEST_F(SandboxStatus, JsonIsTheDocumentedSchema) {
  const auto j = c.qctl_json({"status"});
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["context"], "(env)");
  const auto& m = j["mesos"];
  EXPECT_EQ(m["leader"], c.master(0));
  EXPECT_EQ(m["cluster"], "sandbox");
  ASSERT_EQ(m["masters"].size(), 1U);
  EXPECT_EQ(m["masters"][0]["version"], "1.11.0");
  EXPECT_TRUE(m["masters"][0]["reachable"].get<bool>());
  EXPECT_TRUE(m["masters"][0]["leader"].get<bool>());
  EXPECT_EQ(m["agents"]["total"], 3);
  EXPECT_EQ(m["agents"]["ready"], 3);
  EXPECT_EQ(m["agents"]["unreachable"], 0);
  EXPECT_EQ(m["tasks"]["TASK_RUNNING"], 2);
  EXPECT_EQ(m["frameworks"]["active"], 2);
  EXPECT_DOUBLE_EQ(m["resources"]["cpus"]["total"].get<double>(), 24.0);
  EXPECT_DOUBLE_EQ(m["resources"]["cpus"]["allocated"].get<double>(), 2.0);
  EXPECT_DOUBLE_EQ(m["resources"]["cpus"]["free"].get<double>(), 22.0);
  EXPECT_DOUBLE_EQ(m["resources"]["mem"]["total"].get<double>(), 3 * 16384.0);
  EXPECT_DOUBLE_EQ(m["resources"]["mem"]["allocated"].get<double>(), 256.0);
  EXPECT_TRUE(m["warnings"].empty()) << m["warnings"].dump();
  EXPECT_EQ(j["marathon"]["url"], c.sb.marathon());
  EXPECT_EQ(j["marathon"]["apps"], 1);
  EXPECT_TRUE(j["marathon"]["apps_needing_attention"].empty());
  EXPECT_EQ(j["chronos"]["jobs"], 0);
}

TEST_F(SandboxStatus, YamlRendersTheSameDocument) {
  const auto r = c.qctl({"status", "-o", "yaml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("context: (env)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n  agents:\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n    total: 3\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("TASK_RUNNING: 2"), std::string::npos) << r.out;
}

// Five agents: one deactivated, one drained (its task killed), one in a maintenance window.
TEST(SandboxStatusAgents, ConditionsSetThroughTheAdminApiAreCounted) {
  SandboxCluster c({"--simulate", "--agents", "5"});
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  ASSERT_TRUE(c.spread_app("/spread", 5));
  c.admin("agents/" + c.agent_id(1) + "/deactivate");
  c.admin("agents/" + c.agent_id(2) + "/drain");
  c.admin("agents/" + c.agent_id(4) + "/maintenance",
          R"({"start_in_seconds": 0, "duration_seconds": 3600})");
  ASSERT_TRUE(eventually([&] { return c.qctl_json({"status"})["mesos"]["agents"]["drained"] == 1; }))
      << "the drained agent never reached DRAINED";
  const auto r = c.qctl({"status"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3/5 ready, 1 deactivated, 1 drained, 1 in maintenance"),
            std::string::npos)
      << r.out;
  // Free capacity counts only ready agents outside maintenance: 127.0.1.1 and 127.0.1.4.
  const auto j = c.qctl_json({"status"});
  EXPECT_DOUBLE_EQ(j["mesos"]["resources"]["cpus"]["free"].get<double>(), 2 * 7.0);
  EXPECT_EQ(j["mesos"]["tasks"]["TASK_KILLED"], 1);
  const auto agents = c.qctl({"status", "agents"});
  EXPECT_NE(agents.out.find("127.0.1.2   Deactivated"), std::string::npos) << agents.out;
  EXPECT_NE(agents.out.find("127.0.1.3   Drained"), std::string::npos) << agents.out;
  EXPECT_NE(agents.out.find("127.0.1.5   Ready,Maintenance"), std::string::npos) << agents.out;
  // The drained agent's instance cannot come back elsewhere (hostname:UNIQUE): 4/5 running.
  const auto apps = c.qctl({"status", "apps"});
  EXPECT_NE(apps.out.find("4/5"), std::string::npos) << apps.out;
  c.admin("agents/" + c.agent_id(1) + "/reactivate");
  c.admin("agents/" + c.agent_id(2) + "/reactivate");
  ASSERT_TRUE(eventually([&] { return c.qctl_json({"status"})["mesos"]["agents"]["ready"] == 5; }));
  EXPECT_NE(c.qctl({"status"}).out.find("5/5 ready, 1 in maintenance\n"), std::string::npos);
  // Back on the reactivated agent, Marathon places the missing instance again.
  EXPECT_TRUE(eventually([&] { return c.running() == 5; }));
}

}  // namespace
}  // namespace qctl::testing
