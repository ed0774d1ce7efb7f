// `qctl status agents|frameworks|apps|tasks` end to end against `qctl sandbox`: agents from a
// cluster file, apps created through Marathon's API, tasks killed through the admin API
// (status_lists_test.cc does the same against fixture servers).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

#include "tests/integration/sandbox_status_support.h"

namespace qctl::testing {
namespace {

// Two agents in bj1, two smaller ones in sh1 (rack is a SCALAR attribute), and a public edge
// agent with a static reservation for slave_public.
constexpr const char* kClusterFile = R"(agents:
  - count: 2
    attributes: {dc: bj1, rack: r1}
  - count: 2
    attributes: {dc: sh1, rack: 2}
    resources: {cpus: 4, mem: 8192, disk: 40960, gpus: 0, ports: "[31000-31999]"}
  - hostname: edge-1
    attributes: {dc: sh1, public: "true"}
    reserved:
      slave_public: {cpus: 1, mem: 1024}
)";

TEST(SandboxStatusLists, AgentsFromAClusterFileWithSelectorsWideAndNames) {
  TempDir dir;
  SandboxCluster c({"--simulate", "--cluster", dir.write("cluster.yaml", kClusterFile)});
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  auto r = c.qctl({"status", "agents"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("NAME", 0), 0U) << r.out;              // kubectl: NAME first
  EXPECT_NE(r.out.find("AGE\n"), std::string::npos) << r.out;  // … AGE last
  EXPECT_EQ(line_count(r.out), 6U) << r.out;                   // header + 5 agents
  EXPECT_NE(row_of(r.out, "127.0.1.3").find("0/4"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("ATTRIBUTES"), std::string::npos) << "wide-only column";
  r = c.qctl({"status", "agents", "--selector", "dc=sh1,rack!=2", "-o", "wide", "--no-headers"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(line_count(r.out), 1U) << r.out;
  EXPECT_NE(r.out.find("edge-1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("dc=sh1,public=true"), std::string::npos) << r.out;
  // A SCALAR attribute matches its number as written.
  r = c.qctl({"status", "agents", "--selector", "rack=2", "-o", "name"});
  EXPECT_EQ(r.out, "agent/127.0.1.3\nagent/127.0.1.4\n") << r.err;
  r = c.qctl({"status", "agents", "127.0.1.*", "-o", "name", "--selector", "dc=bj1"});
  EXPECT_EQ(r.out, "agent/127.0.1.1\nagent/127.0.1.2\n") << r.err;
  const auto edge = c.qctl_json({"status", "agents", "edge-1"});
  ASSERT_EQ(edge.size(), 1U);
  EXPECT_EQ(edge[0]["status"], "Ready");
  EXPECT_EQ(edge[0]["id"], c.agent_id(4));
  EXPECT_EQ(edge[0]["attributes"]["public"], "true");
  const auto status = c.qctl_json({"status"});
  EXPECT_DOUBLE_EQ(status["mesos"]["resources"]["cpus"]["total"].get<double>(), 8 + 8 + 4 + 4 + 8);
  EXPECT_DOUBLE_EQ(status["mesos"]["resources"]["cpus"]["reserved"].get<double>(), 1.0);
  r = c.qctl({"status", "agents", "nosuch.example.com"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("agent 'nosuch.example.com'"), std::string::npos) << r.err;
}

TEST(SandboxStatusLists, FrameworksAreMarathonAndChronos) {
  SandboxCluster c({"--simulate", "--agents", "1"});
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  c.create_app(R"({"id": "/web", "cmd": "sleep 1000", "cpus": 0.5, "mem": 64, "instances": 2})");
  ASSERT_TRUE(eventually([&] { return c.running() == 2; }));
  auto r = c.qctl({"status", "frameworks"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto marathon = row_of(r.out, "marathon");
  EXPECT_NE(marathon.find("Active"), std::string::npos) << r.out;
  EXPECT_NE(marathon.find(" 2 "), std::string::npos) << "two active tasks: " << r.out;
  EXPECT_NE(row_of(r.out, "chronos").find("Active"), std::string::npos) << r.out;
  r = c.qctl({"status", "frameworks", "-o", "name"});
  EXPECT_EQ(r.out, "framework/marathon\nframework/chronos\n") << r.err;
  const auto j = c.qctl_json({"status", "frameworks", "marathon"});
  ASSERT_EQ(j.size(), 1U);
  EXPECT_EQ(j[0]["state"], "Active");
  EXPECT_EQ(j[0]["webui_url"], c.sb.marathon());
  r = c.qctl({"status", "frameworks", "aurora"});
  EXPECT_EQ(r.exit_code, 3) << r.out;
}

// Three agents; /uniq wants one task per host but four instances; /toobig fits nowhere.
TEST(SandboxStatusLists, AppsRunningUniqueAndWaiting) {
  SandboxCluster c({"--simulate", "--agents", "3"});
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  c.create_app(R"({"id": "/team/web", "cmd": "sleep 1000", "cpus": 0.5, "mem": 64,
                   "instances": 2, "labels": {"team": "web"}})");
  c.create_app(R"({"id": "/uniq", "cmd": "sleep 1000", "cpus": 0.1, "mem": 16, "instances": 4,
                   "constraints": [["hostname", "UNIQUE"]]})");
  c.create_app(R"({"id": "/toobig", "cmd": "sleep 1000", "cpus": 100, "mem": 16})");
  ASSERT_TRUE(eventually([&] { return c.running() == 5; }));
  const auto r = c.qctl({"status", "apps"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(row_of(r.out, "/team/web").find("2/2"), std::string::npos) << r.out;
  EXPECT_NE(row_of(r.out, "/uniq").find("3/4"), std::string::npos) << r.out;
  EXPECT_NE(row_of(r.out, "/uniq").find("yes"), std::string::npos) << "still deploying";
  EXPECT_NE(row_of(r.out, "/toobig").find("0/1"), std::string::npos) << r.out;
  // hostname:UNIQUE: one task on each agent.
  std::set<std::string> hosts;
  for (const auto& t : c.tasks({"uniq."})) {
    hosts.insert(t["host"].get<std::string>());
  }
  EXPECT_EQ(hosts, (std::set<std::string>{"127.0.1.1", "127.0.1.2", "127.0.1.3"}));
  // The waiting instances are in Marathon's queue and `qctl status` points at both apps.
  const auto queue = nlohmann::json::parse(http_call("GET", c.sb.marathon() + "/v2/queue").body);
  EXPECT_EQ(queue["queue"].size(), 2U) << queue.dump();
  const auto attention = c.qctl_json({"status"})["marathon"]["apps_needing_attention"];
  ASSERT_EQ(attention.size(), 2U) << attention.dump();
  EXPECT_EQ(attention[0]["id"], "/toobig");
  EXPECT_TRUE(attention[0]["deploying"].get<bool>());
  EXPECT_EQ(attention[1]["running"], 3);
  EXPECT_EQ(c.qctl({"status", "apps", "--selector", "team=web", "-o", "name"}).out,
            "app/team/web\n");
  const auto team = c.qctl_json({"status", "apps", "/team/*"});
  ASSERT_EQ(team.size(), 1U);
  EXPECT_EQ(team[0]["tasks_running"], 2);
  EXPECT_EQ(c.qctl_json({"status", "apps", "uniq"})[0]["hostname_unique"], true);
  const auto missing = c.qctl({"status", "apps", "/nope"});
  EXPECT_EQ(missing.exit_code, 3) << missing.err;
  EXPECT_NE(missing.err.find("does not exist"), std::string::npos) << missing.err;
}

TEST(SandboxStatusLists, TasksFiltersStatesAndKill) {
  SandboxCluster c({"--simulate", "--agents", "2"});
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  c.create_app(R"({"id": "/web", "cmd": "sleep 1000", "cpus": 0.5, "mem": 64, "instances": 3})");
  ASSERT_TRUE(eventually([&] { return c.running() == 3; }));
  auto r = c.qctl({"status", "tasks", "--no-headers"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(line_count(r.out), 3U) << r.out;
  EXPECT_NE(r.out.find("TASK_RUNNING   127.0.1."), std::string::npos) << "HOST resolved: " << r.out;
  const auto web = c.tasks({"web.", "--framework", "marathon", "--state", "running"});
  ASSERT_EQ(web.size(), 3U);
  EXPECT_EQ(web[0]["framework"], "marathon");
  const std::string victim = web[0]["id"].get<std::string>();
  c.admin("tasks/" + victim + "/kill");
  ASSERT_TRUE(eventually([&] {
    return c.qctl({"status", "tasks", "--state", "killed", "-o", "name"}).out ==
           "task/" + victim + "\n";
  }));
  r = c.qctl({"status", "tasks", victim});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("hint: add --all"), std::string::npos) << r.err;
  // A state Mesos does not have is a typo, not an empty list (a cron check would look clean).
  r = c.qctl({"status", "tasks", "--state", "faild"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--state: 'faild' is not a Mesos task state"), std::string::npos) << r.err;
  const auto all = c.tasks({victim, "--all"});
  ASSERT_EQ(all.size(), 1U);
  EXPECT_EQ(all[0]["state"], "TASK_KILLED");
  // Marathon replaces the killed instance.
  EXPECT_TRUE(eventually([&] { return c.running() == 3; }));
  r = c.qctl({"status", "tasks", "--framework", "chronos"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "No tasks found.\n");
  EXPECT_EQ(c.qctl({"status", "tasks", "--framework", "chronos", "-o", "json"}).out, "[]\n");
}

// A real process that exits 3: the Chronos task fails and qctl finds it by state and framework.
TEST(SandboxStatusLists, FailedChronosTaskByStateAndFramework) {
  SandboxCluster c({"--agents", "1"});
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  const auto created = http_call(
      "POST", c.sb.chronos() + "/v1/scheduler/iso8601",
      R"({"name": "cleanup", "command": "exit 3", "schedule": "R1//PT1H", "cpus": 0.1,
          "mem": 32, "owner": "ops@example.com", "retries": 0})");
  ASSERT_EQ(created.status, 204) << created.body;
  std::string out;
  ASSERT_TRUE(eventually([&] {
    out = c.qctl({"status", "tasks", "--state", "failed", "--framework", "chronos", "-o", "name"})
              .out;
    return !out.empty();
  }));
  EXPECT_EQ(out.rfind("task/ct:", 0), 0U) << out;
  EXPECT_NE(out.find(":cleanup:\n"), std::string::npos) << out;
  EXPECT_TRUE(eventually([&] {
    return c.qctl({"status"}).out.find("1 last run failed (cleanup)") != std::string::npos;
  }));
}

}  // namespace
}  // namespace qctl::testing
