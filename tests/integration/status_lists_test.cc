// `qctl status agents|frameworks|apps|tasks` end to end against fixture servers.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/cluster_fixture.h"
#include "tests/support/fake_transport.h"

namespace qctl::testing {
namespace {

using StatusListTest = ClusterTest;

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

TEST_F(StatusListTest, AgentsTableShowsStatusAllocationAndMaintenance) {
  const auto r = qctl({"status", "agents"}, env_all());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("NAME", 0), 0U) << r.out;  // kubectl: NAME first
  EXPECT_NE(r.out.find("AGE\n"), std::string::npos) << r.out;  // … AGE last
  EXPECT_EQ(lines(r.out), 6U) << r.out;  // header + 5 agents
  EXPECT_NE(r.out.find("agent2.dc1.example.com   Deactivated"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("agent3.dc1.example.com   Draining"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("agent5.dc1.example.com   Ready,Maintenance"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("ATTRIBUTES"), std::string::npos) << "wide-only column";
}

TEST_F(StatusListTest, AgentsSelectorAndWideAndNoHeaders) {
  const auto r = qctl({"status", "agents", "--selector", "dc=sh2,rack!=3", "-o", "wide",
                       "--no-headers"},
                      env_all());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(lines(r.out), 2U) << r.out;  // agent4 and agent5
  EXPECT_EQ(r.out.find("NAME"), std::string::npos);
  EXPECT_NE(r.out.find("dc=sh2"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("agent3"), std::string::npos) << r.out;
}

TEST_F(StatusListTest, AgentsAsJsonAndNames) {
  auto r = qctl({"status", "agents", "agent1.dc1.example.com", "-o", "json"}, env_all());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1U);
  EXPECT_EQ(j[0]["hostname"], "agent1.dc1.example.com");
  EXPECT_EQ(j[0]["status"], "Ready");
  r = qctl({"status", "agents", "agent*.dc1.example.com", "-o", "name", "--selector", "dc=bj1"},
           env_all());
  EXPECT_EQ(r.out, "agent/agent1.dc1.example.com\nagent/agent2.dc1.example.com\n");
}

TEST_F(StatusListTest, UnknownAgentExitsThreeAndBadSelectorExitsTwo) {
  auto r = qctl({"status", "agents", "nosuch.example.com"}, env_all());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("agent 'nosuch.example.com'"), std::string::npos) << r.err;
  // A glob is a filter, as --selector is: no match is an empty list (exit 0), for every kind.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"agents", "nosuch*"}, {"frameworks", "nosuch*"},
        {"apps", "/nosuch/*"}, {"tasks", "nosuch*"}}) {
    r = qctl({"status", args[0], args[1]}, env_all());
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    EXPECT_EQ(r.out, "") << args[0];
    EXPECT_EQ(r.err, "No " + args[0] + " found.\n") << args[0];
  }
  r = qctl({"status", "agents", "--selector", "=bj1"}, env_all());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("invalid selector"), std::string::npos) << r.err;
}

TEST_F(StatusListTest, FrameworksTable) {
  const auto r = qctl({"status", "frameworks"}, env_all());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("marathon"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("chronos"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Active"), std::string::npos) << r.out;
}

TEST_F(StatusListTest, AppsTableJsonSelectorAndNotFound) {
  auto r = qctl({"status", "apps"}, env_all());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("/infra/log-shipper"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3/5"), std::string::npos) << r.out;
  r = qctl({"status", "apps", "--selector", "team=infra", "-o", "name"}, env_all());
  EXPECT_EQ(r.out, "app/infra/log-shipper\n");
  r = qctl({"status", "apps", "/batch/*", "-o", "json"}, env_all());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out).size(), 1U);
  // Marathon's own 404 body for an unknown app.
  marathon.set("GET", "/v2/apps/nope",
               CannedResponse{404, read_fixture("marathon/error-404.json"), "application/json", {}, {}});
  r = qctl({"status", "apps", "/nope"}, env_all());
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
}

TEST_F(StatusListTest, AppsWithoutMarathonIsAConfigError) {
  const auto r = qctl({"status", "apps"}, {{"QCTL_MESOS", mesos.url()}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no Marathon URL"), std::string::npos) << r.err;
}

TEST_F(StatusListTest, TasksActiveByDefaultAllWithFlagAndFilters) {
  auto r = qctl({"status", "tasks", "--no-headers"}, env_all());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(lines(r.out), 6U) << r.out;  // 5 running + 1 staging
  EXPECT_NE(r.out.find("agent1.dc1.example.com"), std::string::npos) << r.out;  // HOST resolved
  r = qctl({"status", "tasks", "--all", "--no-headers"}, env_all());
  EXPECT_EQ(lines(r.out), 9U) << r.out;
  r = qctl({"status", "tasks", "--state", "failed", "--framework", "chronos", "-o", "name"},
           env_all());
  EXPECT_EQ(r.out, "task/ct:1717120800000:1:cleanup-tmp:\n") << r.err;
  r = qctl({"status", "tasks", "web.", "-o", "json"}, env_all());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.size(), 2U);
  EXPECT_EQ(j[0]["framework"], "marathon");
}

TEST_F(StatusListTest, FinishedTaskNeedsAllAndSaysSo) {
  const auto r = qctl({"status", "tasks", "web.5a0b6979"}, env_all());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("hint: add --all"), std::string::npos) << r.err;
}

TEST_F(StatusListTest, EmptyListIsNotAnError) {
  mesos.fixture("/master/tasks", "mesos/master-slaves-empty.json");
  mesos.set("GET", "/master/tasks", CannedResponse{200, R"({"tasks":[]})", "application/json", {}, {}});
  auto r = qctl({"status", "tasks"}, env_all());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "No tasks found.\n");
  r = qctl({"status", "tasks", "-o", "json"}, env_all());
  EXPECT_EQ(r.out, "[]\n");
}

}  // namespace
}  // namespace qctl::testing
