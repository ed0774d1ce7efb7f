// `qctl job submit` end to end: the real qctl against `qctl sandbox` (real processes, so a
// job's run ends as soon as its command does): files, directories, stdin, dry runs, --now and
// --wait exit codes, every bad input, a server failing mid-batch, and Ctrl-C.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "tests/integration/sandbox_status_support.h"

namespace qctl::testing {
namespace {

using nlohmann::json;

class JobSubmitSandbox : public ::testing::Test {
 protected:
  JobSubmitSandbox() : c({"--agents", "1", "--isolation", "none"}) {}

  void SetUp() override { ASSERT_TRUE(c.sb.ok()) << c.sb.error(); }

  /// `qctl job submit ARGS` with `input` on stdin.
  ProcessResult submit(std::vector<std::string> args, const std::string& input = "",
                       std::chrono::milliseconds interrupt_after = {}) const {
    RunSpec spec;
    spec.args = {"job", "submit"};
    spec.args.insert(spec.args.end(), args.begin(), args.end());
    spec.env = c.sb.env();
    spec.env["HOME"] = c.home.path();
    spec.env["QCTL_CONFIG"] = c.home.path() + "/config";
    spec.stdin_data = input;
    spec.timeout = std::chrono::seconds(60);
    spec.interrupt_after = interrupt_after;
    return run_qctl(spec);
  }

  [[nodiscard]] std::string api() const {
    return c.sb.chronos() + c.sb.endpoints()["chronos_prefix"].get<std::string>();
  }
  /// The jobs on the server, by GET {prefix}/jobs.
  [[nodiscard]] json jobs() const { return json::parse(http_call("GET", api() + "/jobs").body); }
  [[nodiscard]] json job(const std::string& name) const {
    for (const auto& j : jobs()) {
      if (j["name"] == name) {
        return j;
      }
    }
    return nullptr;
  }
  /// PUT /__sandbox/faults/chronos.
  void chronos_faults(const json& faults) const {
    const auto r = http_call(
        "PUT", c.sb.endpoints()["admin"].get<std::string>() + "/faults/chronos", faults.dump());
    EXPECT_EQ(r.status, 200) << r.body;
  }

  /// `n` NDJSON jobs named `prefix`0…, never due on their own.
  static std::string ndjson(const std::string& prefix, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
      out += json{{"name", prefix + std::to_string(i)},
                  {"command", "true"},
                  {"schedule", "R/2030-01-01T00:00:00Z/P1D"}}
                 .dump() +
             "\n";
    }
    return out;
  }

  SandboxCluster c;
};

std::size_t count(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (auto pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + 1)) {
    ++n;
  }
  return n;
}

TEST_F(JobSubmitSandbox, OneJsonFileNowAndWaitSucceeds) {
  const auto file = c.home.write("job.json", R"({"name": "transcode-news", "command": "true",
      "schedule": "R/2030-01-01T00:00:00Z/P1D", "cpus": 0.5, "mem": 64})");
  const auto r = submit({"-f", file, "--now", "--wait", "--priority", "high"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out,
            "job/transcode-news created\njob/transcode-news triggered\n"
            "job/transcode-news succeeded\n");
  const auto j = job("transcode-news");
  EXPECT_EQ(j["highPriority"], true);
  EXPECT_EQ(j["successCount"], 1);
  EXPECT_EQ(j["cpus"], 0.5);
}

// A run-once job starts by itself when it is created: --now adds no trigger (a second run on
// Chronos 2.x), and --wait still follows its one run.
TEST_F(JobSubmitSandbox, NowOnARunOnceJobSendsNoSecondTrigger) {
  const auto file = c.home.write("once.json", R"({"name": "once", "command": "true"})");
  const auto r = submit({"-f", file, "--now", "--wait"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out,
            "job/once created\njob/once runs by itself (due at once): no trigger sent\n"
            "job/once succeeded\n");
  EXPECT_EQ(job("once")["successCount"], 1);
  // Sent again (Chronos stored it with the schedule it gave it): again no trigger, in JSON too.
  const auto j = nlohmann::json::parse(submit({"-f", file, "--now", "-o", "json"}).out);
  EXPECT_EQ(j[0]["runs_by_itself"], true) << j;
  EXPECT_EQ(j[0]["triggered"], false) << j;
  // An empty start is due at once too; a disabled job never runs: no wait for it.
  const auto soon = c.home.write("soon.json", R"({"name": "soon", "command": "true",
      "schedule": "R1//PT10M"})");
  auto r2 = submit({"-f", soon, "--now", "--wait"});
  EXPECT_EQ(r2.exit_code, 0) << r2.out << r2.err;
  EXPECT_NE(r2.out.find("job/soon runs by itself (due at once): no trigger sent\njob/soon succeeded"),
            std::string::npos)
      << r2.out;
  const auto off = c.home.write("off.json", R"({"name": "off", "command": "true", "disabled": true})");
  r2 = submit({"-f", off, "--now", "--wait", "--wait-timeout", "30s"});
  EXPECT_EQ(r2.exit_code, 0) << r2.out << r2.err;
  EXPECT_NE(r2.out.find("job/off not triggered: is disabled"), std::string::npos) << r2.out;
  const auto off2 =
      c.home.write("off2.json", R"({"name": "off2", "command": "true", "disabled": true})");
  r2 = submit({"-f", off2, "--wait", "--wait-timeout", "30s"});
  EXPECT_EQ(r2.exit_code, 0) << r2.out << r2.err;
  EXPECT_NE(r2.out.find("job/off2 not waited for: disabled: Chronos does not run it"),
            std::string::npos)
      << r2.out;
}

// Without --now a scheduled job that is not due does not start: --wait says so and returns
// at once instead of waiting out --wait-timeout for a run that is not coming.
TEST_F(JobSubmitSandbox, WaitWithoutNowDoesNotWaitForJobsThatDoNotStart) {
  const auto file = c.home.write("later.json", R"({"name": "later", "command": "true",
      "schedule": "R/2030-01-01T00:00:00Z/P1D"})");
  const auto r = submit({"-f", file, "--wait", "--wait-timeout", "30s"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out,
            "job/later created\n"
            "job/later not waited for: runs on its schedule, not now (--now runs it)\n");
}

TEST_F(JobSubmitSandbox, YamlDirectoryWithADependentJobThenUnchanged) {
  TempDir dir;
  dir.write("a-extract.yaml",
            "name: extract\ncommand: 'true'\nschedule: R/2030-01-01T00:00:00Z/P1D\n"
            "scheduleTimeZone: UTC\n");
  dir.write("b-load.yml", "name: load\ncommand: 'true'\nparents: [extract]\n");
  dir.write("notes.txt", "ignored");
  auto r = submit({"-f", dir.path()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "job/extract created\njob/load created\n");
  EXPECT_EQ(job("load")["parents"], json::array({"extract"}));
  r = submit({"-f", dir.path()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "job/extract unchanged\njob/load unchanged\n");
}

TEST_F(JobSubmitSandbox, NdjsonOnStdinReportsJson) {
  const auto r = submit({"-f", "-", "-o", "json"}, ndjson("batch-", 5));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto report = json::parse(r.out);
  ASSERT_EQ(report.size(), 5U);
  EXPECT_EQ(report[4]["name"], "batch-4");
  EXPECT_EQ(report[4]["result"], "created");
  EXPECT_EQ(report[4]["source"], "stdin[4]");
  EXPECT_EQ(jobs().size(), 5U);
}

TEST_F(JobSubmitSandbox, DryRunShowsTheDiffAndSendsNothing) {
  const auto file = c.home.write("job.json", R"({"name": "report", "command": "echo v1",
      "schedule": "R/2030-01-01T00:00:00Z/P1D"})");
  ASSERT_EQ(submit({"-f", file}).exit_code, 0);
  c.home.write("job.json", R"({"name": "report", "command": "echo v2",
      "schedule": "R/2030-01-01T00:00:00Z/P1D", "mem": 256})");
  const auto r = submit({"-f", file, "--dry-run"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("job/report updated (dry run): POST /v1/scheduler/iso8601\n"
                       "--- job/report (server)\n+++ job/report (" +
                       file +
                       ")\n"
                       "-  \"command\": \"echo v1\"\n+  \"command\": \"echo v2\"\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("+  \"mem\": 256.0\n"), std::string::npos) << r.out;
  EXPECT_EQ(job("report")["command"], "echo v1");
}

TEST_F(JobSubmitSandbox, AFailingRunExits1AndATimeoutExits5) {
  auto r = submit({"-f", "-", "--now", "--wait"},
                  R"({"name": "broken", "command": "exit 3", "retries": 0,
                      "schedule": "R/2030-01-01T00:00:00Z/P1D"})");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("job/broken failed\n"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("a job's run failed"), std::string::npos) << r.err;
  r = submit(
      {"-f", "-", "--now", "--wait", "--wait-timeout", "1s"},
      R"({"name": "slow", "command": "sleep 60", "schedule": "R/2030-01-01T00:00:00Z/P1D"})");
  EXPECT_EQ(r.exit_code, 5) << r.out << r.err;
  EXPECT_NE(r.out.find("job/slow running\n"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("still not finished after 1s"), std::string::npos) << r.err;
}

TEST_F(JobSubmitSandbox, BadInputsAreRefusedBeforeAnythingIsSent) {
  struct Case {
    std::string input;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"{\"name\": \"a\",\n  \"command\": \"true\"\n  \"cpus\": 1}", "stdin:3:8: syntax error"},
      {"name: a\ncommand: [true\n", "stdin:3:1: "},
      {R"({"name": "a", "schedule": "R/2024-01-01T00:00:00Z/1H"})",
       "stdin.schedule: \"R/2024-01-01T00:00:00Z/1H\" is not R[n]/<start>/<period>"},
      {R"({"name": "my job", "command": "true"})",
       "stdin.name: \"my job\" is not a valid job name"},
      {R"({"name": "child", "parents": ["ghost"]})",
       "stdin.parents[0]: no job \"ghost\" on the server or in this batch"},
      {R"({"name": "a", "constraints": [["hostname", "UNIQUE", ""]]})",
       "stdin.constraints[0]: operator UNIQUE is not supported by Chronos, which silently drops"},
      {R"({"name": "a", "scheduleTimeZone": "Mars/Olympus"})", "unknown time zone"},
  };
  for (const auto& k : cases) {
    const auto r = submit({"-f", "-"}, k.input);
    EXPECT_EQ(r.exit_code, 2) << k.input << "\n" << r.err;
    EXPECT_NE(r.err.find(k.error), std::string::npos) << k.input << "\n" << r.err;
    EXPECT_EQ(r.out, "");
  }
  EXPECT_TRUE(jobs().empty());
  const auto r = submit({"-f", "-"}, R"({"name": "a", "command": "true", "comand": "x"})");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: stdin.comand: unknown field, Chronos ignores it"),
            std::string::npos)
      << r.err;
}

TEST_F(JobSubmitSandbox, ServerErrorsMidBatchAreReportedPerJob) {
  constexpr int kJobs = 200;
  chronos_faults({{"latency_ms", 10}});
  ProcessResult r;
  std::thread run([&] { r = submit({"-f", "-", "--parallel", "2"}, ndjson("mid-", kJobs)); });
  const bool started = eventually([&] { return !jobs().empty(); });
  chronos_faults({{"latency_ms", 10}, {"error_rate", 0.5}});
  run.join();
  ASSERT_TRUE(started);
  http_call("DELETE", c.sb.endpoints()["admin"].get<std::string>() + "/faults/chronos");
  EXPECT_EQ(r.exit_code, 6) << r.err;
  const auto created = count(r.out, " created\n");
  const auto failed = count(r.out, " failed: HTTP 503");
  EXPECT_GT(failed, 0U);
  EXPECT_EQ(created + failed, static_cast<std::size_t>(kJobs)) << r.out;
  EXPECT_EQ(jobs().size(), created);
  EXPECT_NE(r.err.find(std::to_string(failed) + " of 200 jobs failed"), std::string::npos) << r.err;
}

TEST_F(JobSubmitSandbox, CtrlCStopsSendingAndListsWhatWasNotSubmitted) {
  constexpr int kJobs = 300;
  chronos_faults({{"latency_ms", 20}});
  const auto r =
      submit({"-f", "-", "--parallel", "1"}, ndjson("int-", kJobs), std::chrono::milliseconds(400));
  EXPECT_EQ(r.exit_code, 130) << r.err;
  const auto created = count(r.out, " created\n");
  const auto not_sent = count(r.out, " not submitted: interrupted\n");
  EXPECT_GT(not_sent, 0U);
  EXPECT_EQ(created + not_sent, static_cast<std::size_t>(kJobs)) << r.out;
  EXPECT_EQ(jobs().size(), created);
  EXPECT_NE(r.err.find("interrupted: " + std::to_string(created) + " of 300 jobs submitted, " +
                       std::to_string(not_sent) + " not submitted"),
            std::string::npos)
      << r.err;
}

// Ctrl-C is not held back until a group of requests is done: with one request in flight at a
// time against a slow Chronos, sending stops after the one in flight.
TEST_F(JobSubmitSandbox, CtrlCStopsASmallBatchAgainstASlowServer) {
  constexpr int kJobs = 10;
  chronos_faults({{"latency_ms", 300}});
  const auto r = submit({"-f", "-", "--parallel", "1"}, ndjson("slow-int-", kJobs),
                        std::chrono::milliseconds(1000));
  http_call("DELETE", c.sb.endpoints()["admin"].get<std::string>() + "/faults/chronos");
  EXPECT_EQ(r.exit_code, 130) << r.err;
  const auto created = count(r.out, " created\n");
  const auto not_sent = count(r.out, " not submitted: interrupted\n");
  EXPECT_GT(not_sent, 0U) << r.out;  // 10 x 300 ms cannot be done after 1 s
  EXPECT_EQ(created + not_sent, static_cast<std::size_t>(kJobs)) << r.out;
  EXPECT_EQ(jobs().size(), created);
}

}  // namespace
}  // namespace qctl::testing
