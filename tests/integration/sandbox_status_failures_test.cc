// `qctl status` while the sandbox fails: Mesos leader failover with every master configured,
// no leader at all, a Marathon leader abdication, and a lost agent whose tasks Marathon
// replaces.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/sandbox_status_support.h"

namespace qctl::testing {
namespace {

TEST(SandboxStatusFailures, MesosLeaderFailoverWithEveryMasterConfigured) {
  SandboxCluster c({"--simulate", "--agents", "2", "--masters", "3"});
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  auto j = c.qctl_json({"status"});  // QCTL_MESOS lists all three masters
  EXPECT_EQ(j["mesos"]["leader"], c.master(0));
  ASSERT_EQ(j["mesos"]["masters"].size(), 3U);
  for (const auto& m : j["mesos"]["masters"]) {
    EXPECT_TRUE(m["reachable"].get<bool>()) << m.dump();
  }
  c.admin("mesos/leader", R"({"leader": 1})");
  j = c.qctl_json({"status"});
  EXPECT_EQ(j["mesos"]["leader"], c.master(1));
  EXPECT_FALSE(j["mesos"]["masters"][0]["leader"].get<bool>());
  EXPECT_TRUE(j["mesos"]["masters"][1]["leader"].get<bool>());
  EXPECT_EQ(j["mesos"]["agents"]["ready"], 2) << "the new leader knows the agents";
  auto r = c.qctl({"status"});
  EXPECT_NE(r.out.find("leader " + c.master(1)), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3/3 masters answering"), std::string::npos) << r.out;
  // No leader elected: every master answers 503; Mesos is an error, the rest still shows.
  c.admin("mesos/leader", R"({"leader": null})");
  r = c.qctl({"status"});
  EXPECT_EQ(r.exit_code, 5) << r.out << r.err;
  EXPECT_NE(r.out.find("Mesos       ERROR"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no leading Mesos master"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Marathon    leader"), std::string::npos) << r.out;
  r = c.qctl({"status", "agents"});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no leading Mesos master"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("hint: "), std::string::npos) << r.err;
  // An election that takes a second: qctl sees master 2 lead once it is over.
  c.admin("mesos/leader", R"({"leader": 2, "after_seconds": 1})");
  EXPECT_TRUE(eventually([&] {
    const auto after = c.qctl({"status", "-o", "json"});
    return after.exit_code == 0 &&
           nlohmann::json::parse(after.out)["mesos"]["leader"] == c.master(2);
  }));
}

TEST(SandboxStatusFailures, MarathonLeaderAbdicationIsShownThenRecovers) {
  SandboxCluster c({"--simulate", "--agents", "1"});
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  c.admin("marathon/failover", R"({"downtime_seconds": 2})");
  auto r = c.qctl({"status"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("1/1 ready"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Marathon    ERROR"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("502"), std::string::npos) << r.out;
  r = c.qctl({"status", "apps"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("Could not determine the current leader"), std::string::npos) << r.err;
  EXPECT_TRUE(eventually([&] { return c.qctl({"status", "apps"}).exit_code == 0; }));
}

// Agent 127.0.1.1 is lost: its tasks become TASK_UNREACHABLE, the metrics count it
// unreachable, and Marathon (unreachableStrategy 0/0) launches replacements elsewhere.
TEST(SandboxStatusFailures, LostAgentsTasksAreUnreachableAndReplaced) {
  SandboxCluster c({"--simulate", "--agents", "3"});
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  ASSERT_TRUE(c.spread_app("/web", 3));
  const auto on_lost = c.tasks({"web."});
  std::string lost_task;
  for (const auto& t : on_lost) {
    if (t["slave_id"] == c.agent_id(0)) {
      lost_task = t["id"].get<std::string>();
    }
  }
  ASSERT_FALSE(lost_task.empty()) << on_lost.dump();
  c.admin("agents/" + c.agent_id(0) + "/lose");
  auto r = c.qctl({"status"});
  EXPECT_NE(r.out.find("Agents      2/2 ready, 1 unreachable\n"), std::string::npos) << r.out;
  EXPECT_EQ(c.qctl({"status", "tasks", "--state", "unreachable", "-o", "name"}).out,
            "task/" + lost_task + "\n");
  EXPECT_EQ(c.qctl({"status", "agents", "127.0.1.1"}).exit_code, 3) << "no longer registered";
  // Two agents left for a hostname:UNIQUE app of three: the replacement waits.
  EXPECT_TRUE(eventually([&] {
    const auto queue = http_call("GET", c.sb.marathon() + "/v2/queue").body;
    return c.qctl_json({"status", "apps", "/web"})[0]["tasks_running"] == 2 &&
           nlohmann::json::parse(queue)["queue"].size() == 1;
  }));
  // A new agent joins through the admin API and the replacement lands on it.
  c.admin("agents", R"({"attributes": {"dc": "bj1"}})");
  EXPECT_TRUE(eventually([&] { return c.running() == 3; }));
  EXPECT_EQ(c.qctl_json({"status", "apps", "/web"})[0]["tasks_running"], 3);
}

// Master::disconnect: an agent whose connection broke stays registered but inactive with its
// tasks untouched ("disconnected" in qctl), can come back, and is marked unreachable once the
// health checks give up.
TEST(SandboxStatusFailures, DisconnectedAgentStaysRegisteredUntilUnreachable) {
  SandboxCluster c({"--simulate", "--agents", "3"});
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  ASSERT_TRUE(c.spread_app("/web", 3));
  const std::string agent = "agents/" + c.agent_id(0);
  c.admin(agent + "/disconnect");  // no body: the default health-check timeout (75 s)
  auto r = c.qctl({"status"});
  EXPECT_NE(r.out.find("Agents      2/3 ready, 1 disconnected\n"), std::string::npos) << r.out;
  const auto listed = c.qctl_json({"status", "agents", "127.0.1.1"});
  ASSERT_EQ(listed.size(), 1U) << listed.dump();
  EXPECT_EQ(listed[0]["status"], "Disconnected") << listed.dump();
  EXPECT_EQ(c.running(), 3);  // its task still runs
  auto metrics = [&] {
    return nlohmann::json::parse(http_call("GET", c.sb.mesos() + "/metrics/snapshot").body);
  };
  EXPECT_EQ(metrics()["master/slaves_disconnected"], 1.0);
  EXPECT_EQ(metrics()["master/slaves_connected"], 2.0);
  EXPECT_EQ(metrics()["master/slaves_inactive"], 1.0);

  c.admin(agent + "/reconnect");
  EXPECT_NE(c.qctl({"status"}).out.find("Agents      3/3 ready\n"), std::string::npos);
  EXPECT_EQ(metrics()["master/slaves_disconnected"], 0.0);

  // Disconnected again, now with no patience: unreachable at the next tick, task with it.
  c.admin(agent + "/disconnect", R"({"unreachable_after_seconds": 0})");
  EXPECT_TRUE(eventually([&] {
    return c.qctl({"status"}).out.find("1 unreachable") != std::string::npos;
  }));
  const std::string unreachable =
      c.qctl({"status", "tasks", "--state", "unreachable", "-o", "name"}).out;
  EXPECT_EQ(std::count(unreachable.begin(), unreachable.end(), '\n'), 1) << unreachable;
  EXPECT_EQ(http_call("POST", c.sb.endpoints()["admin"].get<std::string>() + "/" + agent +
                                  "/reconnect", "")
                .status,
            400);  // an unreachable agent cannot reconnect
}

}  // namespace
}  // namespace qctl::testing
