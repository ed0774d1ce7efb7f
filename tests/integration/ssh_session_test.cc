// `qctl ssh` end to end: the real qctl binary, the sandbox's real tasks, a real sshd with its
// own keys and known_hosts, and the `docker` stand-in entering the tasks' namespaces.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <pwd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include "tests/support/fixture_server.h"
#include "tests/support/ssh/cluster.h"

namespace qctl::testing {
namespace {

/// qctl running on a real pseudo-terminal, driven like a person at a keyboard.
class PtyQctl {
 public:
  PtyQctl(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
    winsize ws{};
    ws.ws_row = 24;
    ws.ws_col = 80;
    if (::openpty(&master_, &slave_, nullptr, nullptr, &ws) != 0) {
      return;
    }
    ::tcgetattr(slave_, &before_);
    ::fcntl(master_, F_SETFD, FD_CLOEXEC);  // the child keeps only its terminal
    auto with_term = env;
    with_term.emplace("TERM", "xterm");
    pid_ = spawn_qctl(args, with_term, slave_, slave_, slave_);
  }
  ~PtyQctl() {
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(master_);
    ::close(slave_);
  }
  PtyQctl(const PtyQctl&) = delete;
  PtyQctl& operator=(const PtyQctl&) = delete;

  void type(const std::string& keys) const {
    [[maybe_unused]] const auto n = ::write(master_, keys.data(), keys.size());
  }
  /// Reads the terminal until `text` shows up (true) or `deadline` passes (false).
  bool expect(const std::string& text,
              std::chrono::milliseconds deadline = std::chrono::seconds(15)) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < until) {
      if (const auto at = screen_.find(text); at != std::string::npos) {
        screen_.erase(0, at + text.size());
        return true;
      }
      pollfd p{master_, POLLIN, 0};
      if (::poll(&p, 1, 100) > 0) {
        char buf[4096];
        const auto n = ::read(master_, buf, sizeof buf);
        if (n <= 0) {
          break;
        }
        screen_.append(buf, static_cast<std::size_t>(n));
      }
    }
    return screen_.find(text) != std::string::npos;
  }
  /// Changes the window size as a terminal emulator would (the kernel sends SIGWINCH).
  void resize(unsigned short rows, unsigned short cols) const {
    winsize ws{};
    ws.ws_row = rows;
    ws.ws_col = cols;
    ::ioctl(master_, TIOCSWINSZ, &ws);
  }
  /// Waits for qctl to exit; its status (128+N for a signal), -1 on timeout.
  int wait() {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < until) {
      // Keep draining output so qctl never blocks writing to the terminal.
      pollfd p{master_, POLLIN, 0};
      if (::poll(&p, 1, 50) > 0) {
        char buf[4096];
        const auto n = ::read(master_, buf, sizeof buf);
        if (n > 0) {
          screen_.append(buf, static_cast<std::size_t>(n));
        }
      }
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
    }
    return -1;
  }
  /// True when the terminal's settings are back to what they were before qctl started.
  [[nodiscard]] bool restored() const {
    termios now{};
    ::tcgetattr(slave_, &now);
    return now.c_lflag == before_.c_lflag && now.c_iflag == before_.c_iflag &&
           now.c_oflag == before_.c_oflag;
  }
  [[nodiscard]] const std::string& screen() const { return screen_; }
  /// Sends SIGTERM to qctl (a session manager closing it).
  void hangup() const { ::kill(pid_, SIGTERM); }

 private:
  int master_ = -1;
  int slave_ = -1;
  pid_t pid_ = -1;
  bool exited_ = false;
  termios before_{};
  std::string screen_;
};

class SshSessionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cluster_ = new SshCluster();
    if (cluster_->ok()) {
      ready_ = cluster_->wait_until_ready();
    }
  }
  static void TearDownTestSuite() {
    delete cluster_;
    cluster_ = nullptr;
  }
  void SetUp() override {
    ASSERT_TRUE(cluster_->ok()) << cluster_->error();
    ASSERT_TRUE(ready_) << cluster_->tasks().dump();
  }
  static SshCluster& c() { return *cluster_; }

  /// The container id of the running task whose name is `name`.
  static std::string container_of(const std::string& name) {
    for (const auto& t : c().tasks()) {
      if (t["name"] == name && t["state"] == "TASK_RUNNING") {
        return t["statuses"].back()["container_status"]["container_id"]["value"];
      }
    }
    return "";
  }

  static SshCluster* cluster_;
  static bool ready_;
};
SshCluster* SshSessionTest::cluster_ = nullptr;
bool SshSessionTest::ready_ = false;

TEST_F(SshSessionTest, DockerTaskRunsTheCommandInsideItsContainerWithSeparateStreams) {
  const auto r = c().ssh({"/legacy", "--", "sh", "-c", "pwd; echo oops >&2; exit 3"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  // nsenter -w puts the command in the task's own sandbox directory: .../runs/<containerId>.
  const std::string id = container_of("legacy");
  ASSERT_FALSE(id.empty());
  EXPECT_NE(r.out.find("/runs/" + id), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "oops\n");
}

TEST_F(SshSessionTest, ExitZeroAndDeathBySignalBecomeQctlsStatus) {
  EXPECT_EQ(c().ssh({"/legacy", "--", "true"}).exit_code, 0);
  const auto killed = c().ssh({"/legacy", "--", "sh", "-c", "kill -TERM $$"});
  EXPECT_EQ(killed.exit_code, 128 + 15) << killed.err;
}

TEST_F(SshSessionTest, MesosContainerizerTaskIsEnteredThroughItsExecutorPid) {
  const auto r = c().ssh({"/plain", "--", "sh", "-c", "pwd; exit 3"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const std::string id = container_of("plain");
  ASSERT_FALSE(id.empty());
  EXPECT_NE(r.out.find("/runs/" + id), std::string::npos) << r.out;
}

TEST_F(SshSessionTest, AChronosJobNameReachesItsRunningTask) {
  const auto r = c().ssh({"etl", "--", "sh", "-c", "pwd"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("/runs/"), std::string::npos) << r.out;
}

TEST_F(SshSessionTest, BinaryStdoutOfSeveralMegabytesArrivesByteExact) {
  std::string data(3 * 1024 * 1024 + 17, '\0');
  std::mt19937 rng(7);
  for (auto& ch : data) {
    ch = static_cast<char>(rng() & 0xff);
  }
  // The task shares the host's files (no image), so the remote `cat` reads what we wrote.
  const std::string file = c().home.write("blob.bin", data);
  const auto r = c().ssh({"/team/web", "--index", "1", "--", "cat", file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.out.size(), data.size());
  EXPECT_TRUE(r.out == data);
}

TEST_F(SshSessionTest, BinaryStdinReachesTheRemoteCommandByteExact) {
  std::string data(60 * 1024, '\0');  // below a pipe buffer: the test harness writes it at once
  for (std::size_t i = 0; i < data.size(); ++i) {
    data[i] = static_cast<char>((i * 131) & 0xff);
  }
  const auto r = c().ssh({"/plain", "--", "cat"}, data);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out == data) << r.out.size();
}

TEST_F(SshSessionTest, SeveralMatchesWithoutATerminalAreListedWithExit2) {
  const auto r = c().ssh({"/team/web", "--", "true"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("2 tasks match:\n  1  "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("127.0.1.1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("127.0.1.2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--index"), std::string::npos) << r.err;
  // --index and --host pick one.
  EXPECT_EQ(c().ssh({"team/web", "--index", "2", "--", "true"}).exit_code, 0);
  EXPECT_EQ(c().ssh({"/team/web", "--host", "127.0.1.2", "--", "true"}).exit_code, 0);
  EXPECT_EQ(c().ssh({"/team/web", "--index", "5", "--", "true"}).exit_code, 2);
  // 1-based: 0 is a mistake, not "no index" (which listed the matches).
  const auto zero = c().ssh({"/team/web", "--index", "0", "--", "true"});
  EXPECT_EQ(zero.exit_code, 2);
  EXPECT_NE(zero.err.find("--index"), std::string::npos) << zero.err;
  EXPECT_EQ(zero.err.find("2 tasks match"), std::string::npos) << zero.err;
  // A missing identity file is warned about, as OpenSSH does.
  const auto key = c().ssh({"team/web", "--index", "1", "-i", "/nonexistent/key", "--", "true"});
  EXPECT_NE(key.err.find("warning: identity file /nonexistent/key not accessible"),
            std::string::npos)
      << key.err;
}

TEST_F(SshSessionTest, AMissingTargetNamesTheClosestOnesWithExit3) {
  const auto r = c().ssh({"/team/wbe", "--", "true"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no app, job or task matches"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/team/web"), std::string::npos) << r.err;
}

TEST_F(SshSessionTest, AFinishedTargetSaysSoWithExit3) {
  const auto r = c().ssh({"done-job", "--", "true"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("TASK_FINISHED"), std::string::npos) << r.err;
}

TEST_F(SshSessionTest, ShellMetacharactersInArgumentsAndTargetsStayLiteral) {
  const std::string marker = c().home.path() + "/pwned";
  const auto r = c().ssh({"/legacy", "--", "echo", "a; touch " + marker, "$(touch " + marker + ")",
                          "`touch " + marker + "`", "it's"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "a; touch " + marker + " $(touch " + marker + ") `touch " + marker + "` it's\n");
  const auto t = c().ssh({"/legacy; touch " + marker, "--", "true"});
  EXPECT_EQ(t.exit_code, 3);
  const auto w = c().ssh({"/legacy", "-w", "/tmp'; touch " + marker + "; '", "--", "true"});
  EXPECT_NE(w.exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(marker));
}

TEST_F(SshSessionTest, WorkdirIsHonouredInsideTheContainer) {
  const auto r = c().ssh({"/plain", "-w", "/tmp", "--", "pwd"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "/tmp\n");
}

TEST_F(SshSessionTest, UnknownHostKeyIsRefusedUnlessAcceptedThenRecorded) {
  c().write_known_hosts("");
  const auto refused = c().ssh({"/legacy", "--", "true"});
  EXPECT_EQ(refused.exit_code, 4) << refused.err;
  EXPECT_NE(refused.err.find("unknown host key"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("SHA256:"), std::string::npos) << refused.err;

  const auto accepted = c().ssh({"/legacy", "--accept-new-host-key", "--", "true"});
  EXPECT_EQ(accepted.exit_code, 0) << accepted.err;
  EXPECT_EQ(c().ssh({"/legacy", "--", "true"}).exit_code, 0);  // recorded
  std::ifstream in(c().known_hosts());
  std::string recorded((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(recorded.find("127.0.1.3"), std::string::npos) << recorded;
  c().write_known_hosts(c().trusted_hosts());
}

TEST_F(SshSessionTest, ChangedHostKeyIsAlwaysRefusedWithTheFingerprint) {
  c().write_known_hosts(c().sshd->other_known_hosts_line("127.0.1.3") + "\n");
  const auto r = c().ssh({"/legacy", "--accept-new-host-key", "--", "true"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("CHANGED"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("SHA256:"), std::string::npos) << r.err;
  c().write_known_hosts(c().trusted_hosts());
}

TEST_F(SshSessionTest, AKeyTheAgentDoesNotAcceptIsAnAuthError) {
  RunSpec spec;
  spec.args = {"ssh",  "-p",  std::to_string(c().sshd->port()), "-l",
               "root", "-i",  c().sshd->stranger_key(),         "/legacy",
               "--",   "true"};
  spec.env = c().env();
  const auto r = run_qctl(spec);
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("permission denied"), std::string::npos) << r.err;
}

TEST_F(SshSessionTest, AClosedPortIsANetworkError) {
  RunSpec spec;
  spec.args = {"ssh",  "-p",  std::to_string(free_port()), "-l",
               "root", "-i",  c().sshd->user_key(),        "/legacy",
               "--",   "true"};
  spec.env = c().env();
  const auto r = run_qctl(spec);
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find("127.0.1.3"), std::string::npos) << r.err;
}

TEST_F(SshSessionTest, PrintShowsHostContainerAndTheSshLineWithoutConnecting) {
  const auto r = c().ssh({"--print", "/legacy"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string id = container_of("legacy");
  // The pre-1.4 agent names Docker containers mesos-<agentId>.<containerId>.
  EXPECT_NE(r.out.find("agent:     127.0.1.3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("docker exec -i"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("-S2." + id), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ssh -p " + std::to_string(c().sshd->port()) + " -l root"),
            std::string::npos)
      << r.out;
  const auto plain = c().ssh({"--print", "/plain"});
  EXPECT_NE(plain.out.find("nsenter -t "), std::string::npos) << plain.out;
}

TEST_F(SshSessionTest, EachSessionAppendsAnAuditLine) {
  std::filesystem::remove(c().audit_log());
  EXPECT_EQ(c().ssh({"/legacy", "--", "sh", "-c", "exit 3"}).exit_code, 3);
  std::ifstream in(c().audit_log());
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  // The user from the password database, not $USER (the test sets USER=tester).
  const passwd* me = ::getpwuid(::geteuid());
  ASSERT_NE(me, nullptr);
  EXPECT_NE(line.find(std::string("user=") + me->pw_name + " target=/legacy task=legacy."),
            std::string::npos)
      << line;
  EXPECT_NE(line.find("agent=127.0.1.3"), std::string::npos) << line;
  EXPECT_NE(line.find("exit=3 command='sh -c '"), std::string::npos) << line;
}

TEST_F(SshSessionTest, TheContextSuppliesUserPortAndIdentity) {
  c().home.write("config",
                 "current-context: lab\ncontexts:\n  lab:\n    mesos: [" + c().sb.mesos() +
                     "]\n    ssh: {user: root, port: " + std::to_string(c().sshd->port()) +
                     ", identity: " + c().sshd->user_key() + "}\n");
  RunSpec spec;
  spec.args = {"ssh", "/legacy", "--", "echo", "from-context"};
  spec.env = c().env();
  spec.env.erase("QCTL_MESOS");
  spec.env.erase("QCTL_MARATHON");
  spec.env.erase("QCTL_CHRONOS");
  const auto r = run_qctl(spec);
  std::filesystem::remove(c().home.path() + "/config");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "from-context\n");
}

TEST_F(SshSessionTest, ABastionReachesTheAgentThroughProxyCommandOrProxyJump) {
  const std::string port = std::to_string(c().sshd->port());
  const std::string through =
      "ssh -F /dev/null -o BatchMode=yes -o UserKnownHostsFile=" + c().known_hosts() + " -i " +
      c().sshd->user_key() + " -p " + port + " -W %h:%p root@127.0.0.1";
  const auto pc = c().ssh({"/legacy", "--proxy-command", through, "--", "echo", "via-proxy"});
  EXPECT_EQ(pc.exit_code, 0) << pc.err;
  EXPECT_EQ(pc.out, "via-proxy\n");
  // ProxyJump runs OpenSSH's `ssh -W` with qctl's known_hosts and identity.
  const auto pj = c().ssh({"/legacy", "-J", "root@127.0.0.1:" + port, "--", "echo", "via-jump"});
  EXPECT_EQ(pj.exit_code, 0) << pj.err;
  EXPECT_EQ(pj.out, "via-jump\n");
  // libssh runs the proxy with the user's $SHELL: fish must read qctl's wrapper too.
  if (::access("/usr/bin/fish", X_OK) == 0) {
    const std::map<std::string, std::string> fish = {{"SHELL", "/usr/bin/fish"}};
    const auto fj = c().ssh({"/legacy", "-J", "root@127.0.0.1:" + port, "--", "echo", "fish-jump"},
                            "", fish);
    EXPECT_EQ(fj.exit_code, 0) << fj.err;
    EXPECT_EQ(fj.out, "fish-jump\n");
    const auto fc =
        c().ssh({"/legacy", "--proxy-command", through, "--", "echo", "fish-proxy"}, "", fish);
    EXPECT_EQ(fc.exit_code, 0) << fc.err;
    EXPECT_EQ(fc.out, "fish-proxy\n");
  }
}

// A jump host that cannot be reached: OpenSSH's own error, then qctl's line naming the jump.
TEST_F(SshSessionTest, ADownJumpHostIsNamed) {
  const std::string closed = std::to_string(qctl::testing::closed_port());
  const auto r = c().ssh({"/legacy", "-J", "root@127.0.0.1:" + closed, "--", "true"});
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("(jump host 127.0.0.1 said: ssh: connect to host 127.0.0.1 port " + closed +
                       ": Connection refused)\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("hint: check the jump host 127.0.0.1"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 2) << "one error line, one hint: " << r.err;
  if (::access("/usr/bin/fish", X_OK) == 0) {
    const auto f = c().ssh({"/legacy", "-J", "root@127.0.0.1:" + closed, "--", "true"}, "",
                           {{"SHELL", "/usr/bin/fish"}});
    EXPECT_EQ(f.exit_code, 5) << f.err;
    EXPECT_NE(f.err.find("Connection refused"), std::string::npos) << f.err;
  }
}

TEST_F(SshSessionTest, AnUnknownBastionKeyIsRefusedEvenOnATerminal) {
  std::string agents_only;  // the agents are trusted, the bastion (127.0.0.1) is not
  for (int i = 1; i <= 3; ++i) {
    agents_only += c().sshd->known_hosts_line("127.0.1." + std::to_string(i)) + "\n";
  }
  c().write_known_hosts(agents_only);
  const std::string port = std::to_string(c().sshd->port());
  PtyQctl t({"ssh", "-p", port, "-l", "root", "-i", c().sshd->user_key(), "-J",
             "root@127.0.0.1:" + port, "/legacy", "--", "echo", "via-jump"},
            c().env());
  EXPECT_NE(t.wait(), 0) << t.screen();  // a prompt would leave it waiting for an answer
  EXPECT_EQ(t.screen().find("continue connecting"), std::string::npos) << t.screen();
  EXPECT_EQ(t.screen().find("via-jump"), std::string::npos) << t.screen();
  std::ifstream in(c().known_hosts());
  const std::string recorded((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(recorded, agents_only);
  c().write_known_hosts(c().trusted_hosts());
}

TEST_F(SshSessionTest, InteractiveShellOnARealTerminalFollowsResizesAndRestoresTheTerminal) {
  PtyQctl t({"ssh", "-p", std::to_string(c().sshd->port()), "-l", "root", "-i",
             c().sshd->user_key(), "/plain"},
            c().env());
  t.type("stty size; echo ready-$((40+2))\r");
  ASSERT_TRUE(t.expect("24 80")) << t.screen();
  ASSERT_TRUE(t.expect("ready-42")) << t.screen();
  t.resize(40, 100);
  // The resize reaches the remote PTY asynchronously: ask until it shows.
  bool resized = false;
  for (int i = 0; i < 20 && !resized; ++i) {
    t.type("stty size\r");
    resized = t.expect("40 100");
  }
  EXPECT_TRUE(resized) << t.screen();
  // Ctrl-C goes to the remote command, not to qctl.
  t.type("echo sleeping-$((3+4)); sleep 100\r");
  ASSERT_TRUE(t.expect("sleeping-7")) << t.screen();
  // The interrupted shell prompts again (the terminal drops what was typed ahead of ^C). A
  // ^C that lands before `sleep` started is the shell's to ignore: press it again.
  bool prompted = false;
  for (int i = 0; i < 20 && !prompted; ++i) {
    t.type("\x03");
    prompted = t.expect("# ", std::chrono::milliseconds(500));
  }
  ASSERT_TRUE(prompted) << t.screen();
  t.type("echo after-$((1+1))\r");
  EXPECT_TRUE(t.expect("after-2")) << t.screen();
  t.type("exit 7\r");
  EXPECT_EQ(t.wait(), 7) << t.screen();
  EXPECT_TRUE(t.restored());
}

TEST_F(SshSessionTest, TheTerminalIsRestoredWhenQctlIsKilledMidSession) {
  PtyQctl t({"ssh", "-p", std::to_string(c().sshd->port()), "-l", "root", "-i",
             c().sshd->user_key(), "/legacy", "--", "sh", "-c", "echo started; sleep 100"},
            c().env());
  ASSERT_TRUE(t.expect("started")) << t.screen();
  t.hangup();
  EXPECT_EQ(t.wait(), 128 + SIGTERM);
  EXPECT_TRUE(t.restored());
}

}  // namespace
}  // namespace qctl::testing
