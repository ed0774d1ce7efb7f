// `qctl logs` against the sandbox's real agents (/files/read, /files/browse, /state): follow a
// slowly printing task, follow an app through a restart, --previous after a failure, --tail of
// a 1 GB file reading only its end, an agent lost while following two tasks.
#include <gtest/gtest.h>

#include <regex>

#include "tests/integration/logs_support.h"
#include "tests/integration/sandbox_status_support.h"

namespace qctl::testing {
namespace {

class LogsSandboxTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cluster_ = new SandboxCluster({"--agents", "2", "--isolation", "none"});
    if (!cluster_->sb.ok()) {
      return;
    }
    // Every app the suite uses starts at once, so their tasks come up together.
    cluster_->create_app(app("/slow", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.2; done"));
    cluster_->create_app(app("/svc", "echo started $MESOS_TASK_ID; exec sleep 600"));
    cluster_->create_app(app("/crashy", "echo going down; echo 'fatal: no config' >&2; exit 3"));
    // A sparse 1 GB file whose last 5000 lines are text.
    cluster_->create_app(app("/big",
                             "truncate -s 1G big.log && seq 1 5000 >> big.log && "
                             "echo ready && exec sleep 600"));
    cluster_->create_app(app("/pair",
                             "while true; do echo beat $HOST; sleep 0.2; done", 2,
                             R"([["hostname","UNIQUE"]])"));
  }
  static void TearDownTestSuite() {
    delete cluster_;
    cluster_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(c().sb.ok()) << c().sb.error(); }

  static std::string app(const std::string& id, const std::string& cmd, int instances = 1,
                         const std::string& constraints = "[]") {
    return nlohmann::json{{"id", id},
                          {"cmd", cmd},
                          {"cpus", 0.1},
                          {"mem", 32},
                          {"instances", instances},
                          {"backoffSeconds", 0.1},
                          {"constraints", nlohmann::json::parse(constraints)}}
        .dump();
  }
  static const SandboxCluster& c() { return *cluster_; }
  static std::map<std::string, std::string> env() { return user_env(c().sb, c().home); }
  /// Waits until `qctl logs ARGS` succeeds with stdout containing `text`; returns the last run.
  static ProcessResult logs_until(std::vector<std::string> args, const std::string& text) {
    args.insert(args.begin(), "logs");
    ProcessResult r;
    eventually([&] {
      r = c().qctl(args);
      return r.exit_code == 0 && r.out.find(text) != std::string::npos;
    });
    return r;
  }

  static inline SandboxCluster* cluster_ = nullptr;
};

TEST_F(LogsSandboxTest, FollowShowsLinesOfASlowlyPrintingTaskAsTheyComeThenCtrlC) {
  logs_until({"/slow"}, "tick 1\n");
  BackgroundQctl f({"logs", "/slow", "-f", "--tail", "1"}, env());
  // The file grows while qctl runs: later ticks appear without qctl ending.
  const std::regex first_line(R"(^tick (\d+)\n)");
  std::smatch m;
  std::string seen;
  ASSERT_TRUE(eventually([&] {
    seen = f.out();
    return std::regex_search(seen, m, first_line);
  })) << seen << f.err();
  const int first = std::stoi(m[1]);
  EXPECT_TRUE(f.wait_out("tick " + std::to_string(first + 3) + "\n")) << f.out();
  EXPECT_EQ(f.interrupt(), 130);
  // --tail 1 printed one line, then everything after it, in order and without gaps.
  std::istringstream lines(f.out());
  int expect = first;
  for (std::string line; std::getline(lines, line); ++expect) {
    EXPECT_EQ(line, "tick " + std::to_string(expect));
  }
}

TEST_F(LogsSandboxTest, FollowAnAppThroughARestartSaysSoAndShowsTheNewTask) {
  logs_until({"/svc"}, "started ");
  BackgroundQctl f({"logs", "/svc", "-f"}, env());
  ASSERT_TRUE(f.wait_out("started ")) << f.err();
  const auto reply = http_call("POST", c().sb.marathon() + "/v2/apps/svc/restart?force=true");
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_TRUE(f.wait_err("ended (TASK_KILLED)", std::chrono::seconds(15))) << f.err();
  EXPECT_NE(f.err().find("replace"), std::string::npos) << f.err();
  // The new task's own first line: a second "started" with another task id.
  ASSERT_TRUE(eventually([&] {
    const auto out = f.out();
    return out.find("started ", out.find("started ") + 1) != std::string::npos;
  })) << f.out();
  f.interrupt();
}

TEST_F(LogsSandboxTest, PreviousReadsTheLastFailedTaskOfAnApp) {
  ProcessResult r;
  ASSERT_TRUE(eventually([&] {
    r = c().qctl({"logs", "/crashy", "--previous", "--stderr"});
    return r.exit_code == 0;
  })) << r.err;
  EXPECT_EQ(r.out, "fatal: no config\n");
  EXPECT_NE(r.err.find("TASK_FAILED"), std::string::npos) << r.err;
  r = c().qctl({"logs", "/crashy", "--previous", "--all"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("[stdout] going down\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[stderr] fatal: no config\n"), std::string::npos) << r.out;
}

TEST_F(LogsSandboxTest, TailOfA1GBFileTransfersOnlyItsEnd) {
  logs_until({"/big"}, "ready\n");
  const auto r = c().qctl({"logs", "/big", "big.log", "--tail", "100", "-v"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string expected;
  for (int i = 4901; i <= 5000; ++i) {
    expected += std::to_string(i) + "\n";
  }
  EXPECT_EQ(r.out, expected);
  // -v traces each response: "< GET …/files/read?… 200, N bytes in …".
  const std::regex traced(R"(< GET \S+/files/read\?\S+ 200, (\d+) bytes)");
  long long transferred = 0;
  int reads = 0;
  for (auto it = std::sregex_iterator(r.err.begin(), r.err.end(), traced);
       it != std::sregex_iterator(); ++it) {
    transferred += std::stoll((*it)[1]);
    ++reads;
  }
  EXPECT_GE(reads, 2);  // the size probe and at least one read
  EXPECT_LE(transferred, 1024 * 1024) << r.err;
}

TEST_F(LogsSandboxTest, MissingFileListsWhatTheSandboxHolds) {
  logs_until({"/big"}, "ready\n");
  const auto r = c().qctl({"logs", "/big", "nope.log"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("nope.log: no such file in the sandbox of task"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("big.log"), std::string::npos) << r.err;
  // A missing directory: the sandbox's own files, not "the sandbox is gone".
  const auto d = c().qctl({"logs", "/big", "logs/access.log"});
  EXPECT_EQ(d.exit_code, 3);
  EXPECT_NE(d.err.find("hint: no directory logs in the sandbox; files in the sandbox: "),
            std::string::npos)
      << d.err;
  EXPECT_NE(d.err.find("big.log"), std::string::npos) << d.err;
}

TEST_F(LogsSandboxTest, AgentLostWhileFollowingTwoTasksIsToldAndTheOtherGoesOn) {
  logs_until({"/pair"}, "beat");
  BackgroundQctl f({"logs", "/pair", "-f", "--tail", "0"}, env());
  // Both tasks print, each line labelled with its task.
  ASSERT_TRUE(eventually([&] {
    const auto out = f.out();
    return out.find("beat 127.0.1.1") != std::string::npos &&
           out.find("beat 127.0.1.2") != std::string::npos;
  })) << f.out() << f.err();
  const std::string lost_agent = c().agent_id(0);
  c().admin("agents/" + lost_agent + "/lose");
  ASSERT_TRUE(f.wait_err("stopped following task", std::chrono::seconds(15))) << f.err();
  const auto mark = f.out().size();
  ASSERT_TRUE(eventually([&] { return f.out().find("] beat", mark) != std::string::npos; }))
      << f.out();
  f.interrupt();
}

}  // namespace
}  // namespace qctl::testing
