// Completion in real shells: bash, zsh and fish load qctl's script and complete against the
// built qctl (a `qctl` symlink first in PATH) and fixture servers on loopback ports.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/completion/cache.h"
#include "core/config/config.h"
#include "tests/integration/cluster_fixture.h"
#include "tests/support/paths.h"

namespace qctl::testing {
namespace {

using Steady = std::chrono::steady_clock;

/// Runs argv (PATH lookup) with exactly `env`; stdout only; killed after 30 s.
ProcessResult run_program(const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env) {
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : env) {
    env_strings.push_back(k + "=" + v);
  }
  std::vector<char*> argv;
  std::vector<char*> envp;
  auto arg_strings = args;
  for (auto& s : arg_strings) {
    argv.push_back(s.data());
  }
  argv.push_back(nullptr);
  for (auto& s : env_strings) {
    envp.push_back(s.data());
  }
  envp.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(out[1], 1);
    dup2(null, 2);
    execvpe(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  close(out[1]);
  ProcessResult r;
  const auto deadline = Steady::now() + std::chrono::seconds(30);
  std::array<char, 4096> buf{};
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Steady::now()).count();
    pollfd fd{out[0], POLLIN, 0};
    if (left <= 0 || poll(&fd, 1, static_cast<int>(left)) <= 0) {
      kill(pid, SIGKILL);
      break;
    }
    const auto n = read(out[0], buf.data(), buf.size());
    if (n <= 0) {
      break;
    }
    r.out.append(buf.data(), static_cast<std::size_t>(n));
  }
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    out.push_back(line);
  }
  return out;
}

/// The value of each "value\tdescription" line.
std::vector<std::string> values(const std::string& text) {
  auto out = split_lines(text);
  for (auto& l : out) {
    l = l.substr(0, l.find('\t'));
  }
  return out;
}

using V = std::vector<std::string>;

class CompletionShellTest : public ClusterTest {
 protected:
  void SetUp() override {
    ClusterTest::SetUp();
    std::filesystem::create_directories(home.path() + "/bin");
    std::filesystem::create_symlink(kQctlBinary, home.path() + "/bin/qctl");
    std::filesystem::create_directories(home.path() + "/zsh");
    std::filesystem::copy_file(source_dir() + "/completions/_qctl", home.path() + "/zsh/_qctl");
    write_config("    marathon: [" + marathon.url() +
                 "]\n"
                 "  staging:\n"
                 "    mesos: [http://127.0.0.1:" +
                 std::to_string(closed_port()) +
                 "]\n"
                 "  hanging:\n"
                 "    mesos: [" +
                 hanging.url() + "]\n");
  }

  /// The config: context prod (current, on the fixture Mesos) followed by `more` lines.
  void write_config(const std::string& more) {
    home.write("config", "current-context: prod\ncontexts:\n  prod:\n    mesos: [" + mesos.url() +
                             "]\n" + more);
  }

  static std::string source_dir() { return kSourceDir; }

  [[nodiscard]] std::map<std::string, std::string> env() const {
    return {{"HOME", home.path()},
            {"PATH", home.path() + "/bin:/usr/local/bin:/usr/bin:/bin"},
            {"QCTL_CONFIG", home.path() + "/config"},
            {"XDG_CACHE_HOME", home.path() + "/cache"},
            {"TERM", "dumb"}};
  }

  /// COMPREPLY of bash's completion function for `qctl words…` (script from `qctl completion`).
  V bash(const V& words) {
    V args{"bash",
           "--norc",
           "--noprofile",
           "-c",
           "source <(qctl completion bash) && COMP_WORDS=(qctl \"$@\") && COMP_CWORD=$# && "
           "_qctl && printf '%s\\n' \"${COMPREPLY[@]}\"",
           "bash"};
    args.insert(args.end(), words.begin(), words.end());
    const auto r = run_program(args, env());
    EXPECT_EQ(r.exit_code, 0);
    auto out = split_lines(r.out);
    if (out == V{""}) {
      out.clear();  // printf of an empty array
    }
    return out;
  }

  /// `complete -C line` in fish with the script from `qctl completion fish`.
  std::string fish(const std::string& line) {
    const auto r = run_program(
        {"fish", "-N", "-c", "qctl completion fish | source; complete -C \"$argv[1]\"", line},
        env());
    EXPECT_EQ(r.exit_code, 0);
    return r.out;
  }

  /// The matches zsh's completion system adds for `line` + TAB (_qctl found in $fpath).
  V zsh(const std::string& line) {
    const auto out_file = home.path() + "/zsh-matches";
    const auto r =
        run_program({"zsh", "-f", source_dir() + "/tests/integration/completion_zsh_driver.zsh",
                     home.path() + "/zsh", out_file, line},
                    env());
    EXPECT_EQ(r.exit_code, 0) << "zsh did not finish completing " << line;
    std::ifstream in(out_file);
    std::stringstream text;
    text << in.rdbuf();
    auto out = split_lines(text.str());
    std::erase(out, "__done__");
    return out;
  }

  FixtureServer hanging;
};

TEST_F(CompletionShellTest, BashCompletesCommandsFlagsValuesAndLiveNames) {
  EXPECT_EQ(bash({"sta"}), (V{"status", "stats"}));  // in command-tree order
  EXPECT_EQ(bash({"statu"}), V{"status"});
  EXPECT_EQ(bash({"status", "agents", "--sel"}), V{"--selector"});
  EXPECT_EQ(bash({"-o", "y"}), V{"yaml"});
  EXPECT_EQ(bash({"status", "--output", "=", "ya"}), V{"yaml"});  // bash splits at '='
  EXPECT_EQ(bash({"config", "use-context", "st"}), V{"staging"});
  EXPECT_EQ(bash({"status", "agents", "agent"}),
            (V{"agent1.dc1.example.com", "agent2.dc1.example.com", "agent3.dc1.example.com",
               "agent4.dc1.example.com", "agent5.dc1.example.com"}));
  EXPECT_EQ(bash({"status", "apps", "/"}),
            (V{"/web", "/infra/log-shipper", "/batch/api", "/db/cache"}));
  // The second completion is answered from the cache: no new request reaches the server.
  const auto requests = mesos.requests().size();
  EXPECT_EQ(bash({"status", "frameworks", "m"}), V{"marathon"});
  EXPECT_EQ(mesos.requests().size(), requests);
}

// bash also splits words at ':' (Chronos task ids, free-form context names): the word is glued
// back for qctl and only the text behind the last ':' is replaced; names with spaces or
// quotes are inserted quoted.
TEST_F(CompletionShellTest, BashHandlesColonsAndQuotesInNames) {
  write_config(
      "  'lab:east':\n"
      "    mesos: [http://east:5050]\n"
      "  with space:\n"
      "    mesos: [http://space:5050]\n"
      "  \"it's\":\n"
      "    mesos: [http://its:5050]\n");
  EXPECT_EQ(bash({"config", "use-context", "lab", ":", "e"}), V{"east"});
  EXPECT_EQ(bash({"config", "use-context", "lab", ":"}), V{"east"});
  EXPECT_EQ(bash({"config", "use-context", "wi"}), V{"with\\ space"});
  EXPECT_EQ(bash({"config", "use-context", "it"}), V{"it\\'s"});
}

TEST_F(CompletionShellTest, FishCompletesWithDescriptions) {
  EXPECT_EQ(values(fish("qctl statu")), V{"status"});
  EXPECT_NE(fish("qctl sta").find("status\tShow the cluster at a glance"), std::string::npos);
  EXPECT_EQ(values(fish("qctl status agents --sel")), V{"--selector"});
  EXPECT_EQ(values(fish("qctl -o y")), V{"yaml"});
  EXPECT_EQ(values(fish("qctl --context st")), V{"staging"});
  EXPECT_EQ(values(fish("qctl status apps /we")), V{"/web"});
  EXPECT_EQ(values(fish("qctl status agents agent5")), V{"agent5.dc1.example.com"});
}

TEST_F(CompletionShellTest, ZshCompletesThroughCompsys) {
  EXPECT_EQ(zsh("qctl statu"), V{"status"});
  EXPECT_EQ(zsh("qctl status agents --sel"), V{"--selector"});
  EXPECT_EQ(zsh("qctl -o y"), V{"yaml"});
  EXPECT_EQ(zsh("qctl config use-context st"), V{"staging"});
  EXPECT_EQ(zsh("qctl status agents agent3"), V{"agent3.dc1.example.com"});
  EXPECT_EQ(zsh("qctl status apps /infra"), V{"/infra/log-shipper"});
}

TEST_F(CompletionShellTest, DownOrHangingClusterAnswersQuicklyWithCachedOrNoNames) {
  auto start = Steady::now();
  EXPECT_EQ(bash({"--context", "staging", "status", "agents", ""}), V{});
  EXPECT_LT(Steady::now() - start, std::chrono::seconds(5));

  // A stale cache for the hanging cluster: the 1 s budget runs out, the cached names remain.
  config::ContextConfig hanging_context;  // the cache is keyed by name and URLs
  hanging_context.name = "hanging";
  hanging_context.mesos.urls = {hanging.url()};
  home.write(
      "cache/qctl/completion/" +
          completion::cache_file_name(completion::cache_key(hanging_context)),
      R"({"agents":{"fetched_at":1,"tried_at":1,"names":[["old-agent.example.com","S9"]]}})");
  CannedResponse slow;
  slow.body = "{}";
  slow.delay = std::chrono::seconds(20);
  hanging.set("GET", "/master/state-summary", slow);
  start = Steady::now();
  EXPECT_EQ(bash({"--context", "hanging", "status", "agents", ""}), V{"old-agent.example.com"});
  EXPECT_LT(Steady::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(values(fish("qctl --context hanging status agents o")), V{"old-agent.example.com"});
}

}  // namespace
}  // namespace qctl::testing
