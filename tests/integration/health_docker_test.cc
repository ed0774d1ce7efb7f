// `qctl health docker` with a real sshd on every sandbox agent address and the `docker`
// stand-in: one agent's daemon hangs, another's is down, the third answers.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/integration/sandbox_status_support.h"
#include "tests/support/sshd.h"

namespace qctl::testing {
namespace {

TEST(HealthDockerSandbox, HungDaemonIsCriticalOnItsAgentOthersAnswer) {
  SandboxCluster c({"--simulate", "--agents", "3"});
  ASSERT_TRUE(c.sb.ok()) << c.sb.error();
  Sshd sshd({{"QCTL_DOCKER_HANG", "127.0.1.2"}, {"QCTL_DOCKER_DOWN", "127.0.1.3"}});
  ASSERT_TRUE(sshd.ok()) << sshd.error();
  std::filesystem::create_directories(c.home.path() + "/.ssh");
  std::string known;
  for (int i = 1; i <= 3; ++i) {
    known += sshd.known_hosts_line("127.0.1." + std::to_string(i)) + "\n";
  }
  c.home.write(".ssh/known_hosts", known);
  c.home.write("config",
               "current-context: t\ncontexts:\n  t:\n    mesos: [" + c.sb.mesos() +
                   "]\n    ssh:\n      user: root\n      port: " + std::to_string(sshd.port()) +
                   "\n      identity: " + sshd.user_key() + "\n");
  // Only the config file (no QCTL_* URLs): the context's ssh settings reach the agents.
  auto qctl = [&](std::vector<std::string> args) {
    RunSpec spec;
    spec.args = std::move(args);
    spec.env = {
        {"HOME", c.home.path()}, {"QCTL_CONFIG", c.home.path() + "/config"}, {"NO_COLOR", "1"}};
    spec.timeout = std::chrono::seconds(30);
    return run_qctl(spec);
  };
  auto r = qctl({"health", "docker", "--docker-timeout", "2s", "--timeout", "20s"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "DOCKER CRITICAL - 1/3 agents answer docker info; 127.0.1.2 docker info did not answer "
            "within 2s (and 1 more) | docker_failing=2;;0;0;3 docker_unknown=0;;;0;3");
  EXPECT_NE(r.out.find("\nagent 127.0.1.1: docker 24.0.7 ("), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nagent 127.0.1.3: CRITICAL: docker info exited 1: Cannot connect to the "
                       "Docker daemon"),
            std::string::npos)
      << r.out;
  // With the context's ssh settings, `all` includes the docker check.
  r = qctl({"health", "--docker-timeout", "2s", "-o", "json"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["checks"].size(), 3u) << j.dump();
  EXPECT_EQ(j["checks"][2]["check"], "docker");
  EXPECT_EQ(j["checks"][0]["status"], "OK");
}

}  // namespace
}  // namespace qctl::testing
