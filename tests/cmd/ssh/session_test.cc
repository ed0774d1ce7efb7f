// `qctl ssh`'s session over a fake connector: what reaches the connector, and the audit
// line written however the session ends.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "cmd/context.h"
#include "cmd/ssh/ssh_cmd.h"
#include "core/clock.h"
#include "core/error.h"
#include "tests/support/fake_transport.h"
#include "tests/support/run_qctl.h"

namespace qctl::cmd {
namespace {

using qctl::testing::FakeTransport;

/// A session whose connection drops during the command.
class DroppingSession final : public ssh::Session {
 public:
  [[nodiscard]] const std::string& user() const override { return user_; }
  ssh::ExitStatus exec(const ssh::ExecRequest& /*request*/, const ssh::LocalFds& /*fds*/) override {
    throw NetworkError("10.0.1.11", "connection lost: Socket error: disconnected");
  }
  ssh::Captured run(const std::string& /*command*/, std::chrono::milliseconds /*t*/) override {
    return {};
  }

 private:
  std::string user_ = "root";
};

class RecordingConnector final : public ssh::Connector {
 public:
  std::unique_ptr<ssh::Session> connect(const ssh::Endpoint& endpoint) override {
    hosts.push_back(endpoint.host);
    return std::make_unique<DroppingSession>();
  }
  std::vector<std::string> hosts;
};

struct SshCmdSessionTest : ::testing::Test {
  qctl::testing::TempDir home;
  FakeTransport t;
  FakeClock clock;
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  Streams io{in, out, err};
  GlobalOptions globals;
  std::map<std::string, std::string> vars = {{"QCTL_MESOS", "http://m1:5050"},
                                             {"QCTL_CONFIG", "/nonexistent/qctl"},
                                             {"HOME", home.path()},
                                             {"USER", "alice"}};
  ClientFactory clients{globals,
                        [this](const std::string& k) -> std::optional<std::string> {
                          const auto it = vars.find(k);
                          return it == vars.end() ? std::nullopt
                                                  : std::optional<std::string>(it->second);
                        },
                        clock, io, &t};
  Context ctx{io, globals, clients, clock, {}};

  void SetUp() override {
    t.get_fixture("http://m1:5050/master/frameworks", "mesos/master-frameworks.json");
    t.get_fixture("http://m1:5050/master/slaves", "mesos/master-slaves.json");
  }
};

TEST_F(SshCmdSessionTest, AConnectionLostDuringTheCommandIsStillAudited) {
  SshOptions opts;
  opts.target = "/web";
  opts.index = 1;
  opts.command = {"uptime"};
  opts.audit_log = home.path() + "/audit.log";
  RecordingConnector connector;
  EXPECT_THROW((void)run_ssh(opts, ctx, connector), NetworkError);
  ASSERT_EQ(connector.hosts.size(), 1U);
  std::ifstream log(opts.audit_log);
  std::string line;
  ASSERT_TRUE(std::getline(log, line)) << "no audit line";
  EXPECT_NE(line.find("exit=255"), std::string::npos) << line;
  EXPECT_NE(line.find("uptime"), std::string::npos) << line;
}

}  // namespace
}  // namespace qctl::cmd
