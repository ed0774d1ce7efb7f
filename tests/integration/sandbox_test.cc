// `qctl sandbox` end to end: the real binary runs the cluster, the real binary queries it.
#include <dirent.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>

#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <thread>

#include "tests/integration/sandbox_status_support.h"
#include "tests/support/run_qctl.h"
#include "tests/support/sandbox_process.h"

namespace qctl::testing {
namespace {

ProcessResult qctl(const SandboxProcess& sb, std::vector<std::string> args,
                   std::map<std::string, std::string> extra = {}) {
  RunSpec spec;
  spec.args = std::move(args);
  spec.env = sb.env();
  for (auto& [k, v] : extra) {
    spec.env[k] = v;
  }
  spec.timeout = std::chrono::seconds(30);
  return run_qctl(spec);
}

// Processes whose command line contains `marker` (leftover detection).
int processes_with(const std::string& marker) {
  int count = 0;
  DIR* proc = opendir("/proc");
  while (dirent* e = readdir(proc)) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9') {
      continue;
    }
    std::ifstream in(std::string("/proc/") + e->d_name + "/cmdline");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string cmd = ss.str();
    for (char& c : cmd) {
      c = c == '\0' ? ' ' : c;
    }
    if (cmd.find(marker) != std::string::npos && cmd.find("qctl") == std::string::npos) {
      ++count;
    }
  }
  closedir(proc);
  return count;
}

// Every process below `root` (namespace inits included), from the ppid in /proc/<pid>/stat.
std::vector<int> descendants(int root) {
  std::map<int, std::vector<int>> children;
  DIR* proc = opendir("/proc");
  while (dirent* e = readdir(proc)) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9') {
      continue;
    }
    std::ifstream in(std::string("/proc/") + e->d_name + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto close_paren = stat.rfind(')');
    if (close_paren == std::string::npos) {
      continue;
    }
    std::istringstream rest(stat.substr(close_paren + 2));
    char state = 0;
    int ppid = 0;
    rest >> state >> ppid;
    children[ppid].push_back(std::stoi(e->d_name));
  }
  closedir(proc);
  std::vector<int> out;
  std::vector<int> pending = {root};
  while (!pending.empty()) {
    int pid = pending.back();
    pending.pop_back();
    for (int child : children[pid]) {
      out.push_back(child);
      pending.push_back(child);
    }
  }
  return out;
}

bool alive(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  return in.good();
}

TEST(SandboxIntegration, StatusSeesTheAgentsAndTheLeader) {
  SandboxProcess sb({"--agents", "3", "--attributes", "dc=bj1", "--attributes", "dc=sh1"});
  ASSERT_TRUE(sb.ok()) << sb.error();
  auto r = qctl(sb, {"status", "-o", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["mesos"]["agents"]["total"], 3);
  EXPECT_EQ(j["mesos"]["agents"]["ready"], 3);
  EXPECT_EQ(j["mesos"]["leader"], sb.mesos());
  auto agents = qctl(sb, {"status", "agents", "-o", "wide"});
  ASSERT_EQ(agents.exit_code, 0) << agents.err;
  EXPECT_NE(agents.out.find("127.0.1.1"), std::string::npos) << agents.out;
  EXPECT_NE(agents.out.find("dc=sh1"), std::string::npos) << agents.out;
}

TEST(SandboxIntegration, NonLeadersRedirectAndFailoverIsFollowed) {
  SandboxProcess sb({"--agents", "1", "--masters", "3"});
  ASSERT_TRUE(sb.ok()) << sb.error();
  const auto masters = sb.endpoints()["mesos"];
  auto raw = http_call("GET", masters[1].get<std::string>() + "/master/state?jsonp=x");
  EXPECT_EQ(raw.status, 307);
  const std::string leader_hostport = masters[0].get<std::string>().substr(7);  // strip http:
  EXPECT_EQ(raw.headers["location"], "//" + leader_hostport + "/master/state?jsonp=x");
  // Only non-leaders configured: qctl follows the scheme-less redirect.
  auto r = qctl(sb, {"status", "-o", "json"}, {{"QCTL_MESOS", masters[1].get<std::string>() + "," +
                                                                  masters[2].get<std::string>()}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["mesos"]["leader"], masters[0]);
  // Fail over to master 2 through the admin API.
  auto fo = http_call("POST", sb.endpoints()["admin"].get<std::string>() + "/mesos/leader",
                      R"({"leader": 2})");
  ASSERT_EQ(fo.status, 200) << fo.body;
  auto after = qctl(sb, {"status", "-o", "json"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(nlohmann::json::parse(after.out)["mesos"]["leader"], masters[2]);
  // No leader at all: 503 from every master, and qctl says so.
  http_call("POST", sb.endpoints()["admin"].get<std::string>() + "/mesos/leader",
            R"({"leader": null})");
  auto none = http_call("GET", masters[0].get<std::string>() + "/master/state");
  EXPECT_EQ(none.status, 503);
  auto failed = qctl(sb, {"status", "agents", "--timeout", "3s"});
  EXPECT_NE(failed.exit_code, 0);
  EXPECT_NE(failed.err.find("leader"), std::string::npos) << failed.err;
}

TEST(SandboxIntegration, MarathonAppRunsARealProcessAndStopLeavesNothing) {
  SandboxProcess sb({"--agents", "2"});
  ASSERT_TRUE(sb.ok()) << sb.error();
  // A duration no other process uses marks the task's sh and sleep processes.
  const std::string marker = "4711.25";
  auto created = http_call("POST", sb.marathon() + "/v2/apps",
                           R"({"id":"/itest/sleeper","cmd":"sleep )" + marker +
                               R"(; true","cpus":0.1,"mem":32,"instances":2})");
  ASSERT_EQ(created.status, 201) << created.body;
  ASSERT_TRUE(eventually([&] { return processes_with(marker) >= 2; })) << "tasks never started";
  auto tasks = qctl(sb, {"status", "tasks", "-o", "json"});
  ASSERT_EQ(tasks.exit_code, 0) << tasks.err;
  EXPECT_NE(tasks.out.find("itest_sleeper"), std::string::npos) << tasks.out;
  const std::vector<int> below = descendants(sb.pid());
  EXPECT_GE(below.size(), 4u) << "two tasks, each a shell and a sleep (plus namespace inits)";
  std::string err;
  EXPECT_EQ(sb.stop(SIGINT, &err), 0) << err;  // Ctrl-C
  EXPECT_NE(err.find("stopping"), std::string::npos) << err;
  EXPECT_EQ(processes_with(marker), 0) << "a task outlived the sandbox";
  for (int pid : below) {
    EXPECT_FALSE(alive(pid)) << "process " << pid << " (a task or its namespace init) is left";
  }
}

TEST(SandboxIntegration, TlsAndBasicAuthWithTheWrittenContext) {
  TempDir home;
  const std::string password_file = home.write("password", "s3cret\n");
  const std::string config = home.path() + "/config";
  SandboxProcess sb({"--agents", "1", "--tls", "--auth-user", "ops", "--auth-password-file",
                     password_file, "--config", config, "--write-context", "sandbox"});
  ASSERT_TRUE(sb.ok()) << sb.error();
  EXPECT_EQ(sb.mesos().rfind("https://", 0), 0u);
  const std::string ca = sb.endpoints()["ca_file"].get<std::string>();
  // Without the CA the certificate does not verify; with it, no credentials → the real 401.
  EXPECT_EQ(http_call("GET", sb.mesos() + "/master/state").status, 0);
  auto anonymous = http_call("GET", sb.mesos() + "/master/state", "", {}, ca);
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.headers["www-authenticate"], "Basic realm=\"mesos-master-readonly\"");
  EXPECT_EQ(http_call("GET", sb.mesos() + "/master/health", "", {}, ca).status, 200);
  // The written context carries the URLs, the CA and the password file: it just works.
  RunSpec status;
  status.args = {"--config", config, "--context", "sandbox", "status", "-o", "json"};
  status.env = {{"HOME", home.path()}};
  auto r = run_qctl(status);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["mesos"]["agents"]["total"], 1);
  std::ifstream in(config);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str().find("s3cret"), std::string::npos) << "the secret is referenced, never copied";
}

TEST(SandboxIntegration, ALostAgentStopsAnswering) {
  SandboxProcess sb({"--agents", "2", "--simulate"});
  ASSERT_TRUE(sb.ok()) << sb.error();
  const auto agent = sb.endpoints()["agents"][0];
  const std::string url = agent["url"].get<std::string>();
  EXPECT_EQ(http_call("GET", url + "/state").status, 200);
  auto lost = http_call("POST", sb.endpoints()["admin"].get<std::string>() + "/agents/" +
                                    agent["id"].get<std::string>() + "/lose");
  ASSERT_EQ(lost.status, 200) << lost.body;
  EXPECT_EQ(http_call("GET", url + "/state").status, 0) << "connection refused, as a partition";
  auto r = qctl(sb, {"status", "-o", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["mesos"]["agents"]["ready"], 1);
}

TEST(SandboxIntegration, SimulatedScaleModeServesTheLoad) {
  SandboxProcess sb({"--simulate", "--agents", "40", "--tasks", "2000"});
  ASSERT_TRUE(sb.ok()) << sb.error();
  nlohmann::json j;
  // Simulated tasks are staged first and report RUNNING a moment later.
  EXPECT_TRUE(eventually([&] {
    auto r = qctl(sb, {"status", "-o", "json"});
    j = r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
    return j.is_object() && j["mesos"]["tasks"]["TASK_RUNNING"] == 2000;
  })) << j.dump();
  EXPECT_EQ(j["mesos"]["agents"]["total"], 40);
}

TEST(SandboxIntegration, InjectedFaultsReachQctl) {
  SandboxProcess sb({"--agents", "1", "--fault", "marathon:errors=1"});
  ASSERT_TRUE(sb.ok()) << sb.error();
  auto r = qctl(sb, {"status", "--timeout", "3s"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("Marathon    ERROR"), std::string::npos) << r.out;
  auto cleared = http_call("DELETE", sb.endpoints()["admin"].get<std::string>() + "/faults/marathon");
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  auto ok = qctl(sb, {"status"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err << ok.out;
}

TEST(SandboxIntegration, BadFlagsAreOneLineErrors) {
  RunSpec spec;
  spec.args = {"sandbox", "--cluster", "/nonexistent.yaml", "--no-write-context"};
  auto r = run_qctl(spec);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("qctl: cluster file /nonexistent.yaml: cannot be read"), std::string::npos)
      << r.err;
  spec.args = {"sandbox", "--tasks", "5", "--no-write-context"};
  r = run_qctl(spec);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--tasks needs --simulate"), std::string::npos) << r.err;
  spec.args = {"sandbox", "--fault", "nginx:errors=1", "--no-write-context"};
  r = run_qctl(spec);
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace qctl::testing
