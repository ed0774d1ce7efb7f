// `qctl completion` and `qctl __complete` through the real command tree with string streams.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cmd/app.h"
#include "core/clock.h"
#include "core/completion/cache.h"
#include "core/config/config.h"
#include "tests/core/config/config_test_util.h"
#include "tests/support/cli.h"
#include "tests/support/fixture_server.h"
#include "tests/support/paths.h"

namespace qctl::cmd {
namespace {

using qctl::testing::read_file;
using qctl::testing::TempDir;
using qctl::testing::write_file;

using Outcome = qctl::testing::CliOutcome;

class CompletionCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(dir_.file("config"),
               "current-context: prod\n"
               "contexts:\n"
               "  prod:\n"
               "    mesos: [http://127.0.0.1:" +
                   std::to_string(qctl::testing::closed_port()) +
                   "]\n"
                   "  dev:\n"
                   "    mesos: [http://dev:5050]\n");
  }

  Outcome qctl(const std::vector<std::string>& args) {
    return qctl::testing::run_cli_in_process(args,
                                             {{"QCTL_CONFIG", dir_.file("config")},
                                              {"HOME", dir_.path()},
                                              {"XDG_CACHE_HOME", dir_.file("cache")}},
                                             &clock_);
  }

  /// `qctl __complete -- words…`, as the scripts call it.
  std::string complete(std::vector<std::string> words) {
    words.insert(words.begin(), {"__complete", "--"});
    const auto r = qctl(words);
    EXPECT_EQ(r.code, 0) << r.err;
    return r.out;
  }

  void cache_agents(double fetched_at) {
    const auto names =
        nlohmann::json::array({nlohmann::json::array({"agent1.dc1.example.com", "S1"}),
                               nlohmann::json::array({"agent2.dc1.example.com", "S2"})});
    const nlohmann::json doc = {
        {"agents", {{"fetched_at", fetched_at}, {"tried_at", fetched_at}, {"names", names}}}};
    std::filesystem::create_directories(dir_.file("cache/qctl/completion"));
    write_file(prod_cache(), doc.dump());
  }

  /// The cache file of context prod (its name and a hash of its URLs).
  std::string prod_cache() {
    const auto cfg = config::load(dir_.file("config"));
    return dir_.file("cache/qctl/completion/" +
                     completion::cache_file_name(completion::cache_key(*cfg.find("prod"))));
  }

  TempDir dir_;
  FakeClock clock_{1700000000.0};
};

TEST_F(CompletionCommand, CommandsWithDescriptionsAndNoHiddenOnes) {
  EXPECT_EQ(complete({"stat"}),
            "status\tShow the cluster at a glance: masters, agents, resources, apps and jobs\n"
            "stats\tShow allocation, reservations, free capacity and fragmentation per group\n");
  const auto top = complete({""});
  EXPECT_NE(top.find("completion\tPrint the shell completion script\n"), std::string::npos);
  EXPECT_NE(top.find("config\t"), std::string::npos);
  EXPECT_EQ(top.find("__"), std::string::npos) << top;
  EXPECT_EQ(complete({"status", "ag"}),
            "agents\tList agents with state, allocation and attributes\n");
}

TEST_F(CompletionCommand, FlagsOfTheCommandAndGlobalFlags) {
  EXPECT_EQ(complete({"status", "agents", "--sel"}),
            "--selector\tAttribute selector, e.g. dc=bj1,rack!=r2\n");
  EXPECT_EQ(complete({"config", "view", "--m"}), "--minify\tShow only the current context\n");
  // Flags without a value do not swallow the next word; options with one do.
  EXPECT_EQ(complete({"-v", "--no-headers", "--timeout", "1s", "stat"}).substr(0, 7), "status\t");
  const auto flags = "\n" + complete({"status", "tasks", "-"});
  for (const char* flag : {"--all\t", "-a\t", "--state\t", "--context\t", "-o\t", "--output\t",
                           "--no-headers\t", "--color\t", "--timeout\t", "--help\t"}) {
    EXPECT_NE(flags.find(std::string("\n") + flag), std::string::npos) << flag << flags;
  }
  // Hidden flags (set-context refuses --password on the command line) are not offered.
  EXPECT_EQ(complete({"config", "set-context", "--passw"}),
            "--password-file\tFile whose first line is the password\n"
            "--password-env\tVariable holding the password\n");
}

TEST_F(CompletionCommand, EnumeratedFlagValues) {
  EXPECT_EQ(complete({"status", "-o", "y"}), "yaml\n");
  EXPECT_EQ(complete({"-o", ""}), "table\nwide\njson\nyaml\nname\n");
  EXPECT_EQ(complete({"--color", ""}), "auto\nalways\nnever\n");
  EXPECT_EQ(complete({"--output=j"}), "--output=json\n");
  EXPECT_EQ(complete({"config", "set-context", "--chronos-api", ""}), "auto\nv3\nv2\n");
  EXPECT_EQ(complete({"config", "set-context", "--output", "w"}), "wide\n");
  EXPECT_EQ(complete({"status", "tasks", "--state", "TASK_F"}), "TASK_FINISHED\nTASK_FAILED\n");
  EXPECT_EQ(complete({"completion", ""}), "bash\nzsh\nfish\n");
  EXPECT_EQ(complete({"config", "set-context", "--ca-file", ""}), ":files\n");
  EXPECT_EQ(complete({"--config", ""}), ":files\n");
}

TEST_F(CompletionCommand, ContextNamesFromTheConfigFile) {
  EXPECT_EQ(complete({"config", "use-context", ""}), "prod\tcurrent\ndev\thttp://dev:5050\n");
  EXPECT_EQ(complete({"--context", "d"}), "dev\thttp://dev:5050\n");
  EXPECT_EQ(complete({"--context=p"}), "--context=prod\tcurrent\n");
  EXPECT_EQ(complete({"config", "delete-context", "x"}), "");
}

TEST_F(CompletionCommand, FreshCacheAnswersWithoutTheNetwork) {
  cache_agents(clock_.now() - 30);
  const auto before = read_file(prod_cache());
  EXPECT_EQ(complete({"status", "agents", ""}),
            "agent1.dc1.example.com\tS1\nagent2.dc1.example.com\tS2\n");
  EXPECT_EQ(complete({"status", "agents", "agent2"}), "agent2.dc1.example.com\tS2\n");
  EXPECT_EQ(read_file(prod_cache()), before);  // no refresh tried
}

TEST_F(CompletionCommand, StaleCacheAndADownClusterGiveTheCachedNames) {
  cache_agents(clock_.now() - 3600);
  const auto r = qctl({"__complete", "--", "status", "agents", ""});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "agent1.dc1.example.com\tS1\nagent2.dc1.example.com\tS2\n");
  EXPECT_EQ(r.err, "");
  const auto doc = nlohmann::json::parse(read_file(prod_cache()));
  EXPECT_EQ(doc["agents"]["tried_at"].get<double>(), clock_.now());  // a refresh was tried
  EXPECT_EQ(doc["agents"]["fetched_at"].get<double>(), clock_.now() - 3600);
}

// Jobs for the job and queue commands, apps for ssh/logs/restart: live from the servers, on
// the first positional argument only, and app ids as typed (with or without the '/').
TEST_F(CompletionCommand, JobNamesAndAppTargetsFromTheServers) {
  qctl::testing::FixtureServer chronos;
  chronos.fixture("/v1/scheduler/jobs", "chronos/jobs.json");
  qctl::testing::FixtureServer marathon;
  marathon.fixture("/v2/apps", "marathon/apps.json");
  write_file(dir_.file("config"), "current-context: prod\n"
                                  "contexts:\n"
                                  "  prod:\n"
                                  "    chronos: [" + chronos.url() + "]\n"
                                  "    chronos-api: v3\n"
                                  "    marathon: [" + marathon.url() + "]\n");
  EXPECT_EQ(complete({"job", "run", "n"}), "nightly-report\tR/2024-06-01T00:00:00.000Z/P1D\n");
  EXPECT_EQ(complete({"job", "delete", "hourly-etl", "re"}), "report-publish\tafter nightly-report\n");
  EXPECT_EQ(complete({"queue", "priority", "c"}), "cleanup-tmp\tR/2024-06-01T02:00:00.000Z/P1D\n");
  EXPECT_EQ(complete({"queue", "priority", "cleanup-tmp", ""}), "");  // PRIORITY is no job

  EXPECT_EQ(complete({"ssh", "/in"}), "/infra/log-shipper\t3/5 running\n");
  EXPECT_EQ(complete({"ssh", "in"}), "infra/log-shipper\t3/5 running\n");
  EXPECT_EQ(complete({"logs", "/w"}).substr(0, 5), "/web\t");
  EXPECT_EQ(complete({"logs", "/web", "/w"}), "");  // FILE is no app
  EXPECT_EQ(complete({"restart", "app", "/web", "/d"}).substr(0, 9), "/db/cache");
  // restart task takes Marathon's live tasks only (GET /v2/tasks), not every Mesos task id.
  marathon.fixture("/v2/tasks", "marathon/marathon-tasks-response.json");
  const auto tasks = complete({"restart", "task", ""});
  EXPECT_NE(tasks.find("\t/"), std::string::npos) << tasks;  // described by app and host
  EXPECT_EQ(tasks.find("ct:"), std::string::npos) << tasks;
}

TEST_F(CompletionCommand, NoConfigNoContextNoNamesNoErrors) {
  std::filesystem::remove(dir_.file("config"));
  const auto r = qctl({"__complete", "--", "status", "apps", ""});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST_F(CompletionCommand, PrintsTheScriptsOfCompletionsVerbatim) {
  const std::string dir = std::string(testing::kSourceDir) + "/completions/";
  EXPECT_EQ(qctl({"completion", "bash"}).out, read_file(dir + "qctl.bash"));
  EXPECT_EQ(qctl({"completion", "zsh"}).out, read_file(dir + "_qctl"));
  EXPECT_EQ(qctl({"completion", "fish"}).out, read_file(dir + "qctl.fish"));
  const auto bad = qctl({"completion", "tcsh"});
  EXPECT_EQ(bad.code, 2);
  const auto help = qctl({"--help"});
  EXPECT_NE(help.out.find("completion"), std::string::npos);
  EXPECT_EQ(help.out.find("__complete"), std::string::npos);
}

}  // namespace
}  // namespace qctl::cmd
