// `qctl job submit` in-process against recorded Chronos answers (fake transport).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cmd/app.h"
#include "core/clock.h"
#include "tests/support/cli.h"
#include "tests/support/fake_transport.h"
#include "tests/support/run_qctl.h"

namespace qctl::cmd {
namespace {

using http::Method;
using nlohmann::json;
using qctl::testing::read_fixture;

constexpr const char* kBase = "http://chronos:4400";
std::string url(const std::string& path) { return kBase + path; }

using Outcome = qctl::testing::CliOutcome;

class JobSubmitCmd : public ::testing::Test {
 protected:
  JobSubmitCmd() { t.get_fixture(url("/v1/scheduler/leader"), "chronos/leader.json"); }

  /// Runs `qctl job submit ARGS` with `stdin_text` on stdin.
  Outcome submit(std::vector<std::string> args, const std::string& stdin_text = "") {
    args.insert(args.begin(), {"qctl", "job", "submit"});
    std::vector<const char*> argv;
    for (const auto& a : args) {
      argv.push_back(a.c_str());
    }
    std::istringstream in(stdin_text);
    std::ostringstream out;
    std::ostringstream err;
    Streams io{in, out, err};
    RunOptions options;
    options.env = [this](const std::string& name) -> std::optional<std::string> {
      if (name == "QCTL_CHRONOS") {
        return kBase;
      }
      if (name == "QCTL_CONFIG") {
        return home.path() + "/config";
      }
      return std::nullopt;
    };
    options.clock = &clock;
    options.transport = &t;
    Outcome o;
    o.code = run_cli(static_cast<int>(argv.size()), argv.data(), io, options);
    o.out = out.str();
    o.err = err.str();
    return o;
  }

  void server_has_fixture_jobs() { t.get_fixture(url("/v1/scheduler/jobs"), "chronos/jobs.json"); }
  void server_is_empty() { t.on(Method::kGet, url("/v1/scheduler/jobs"), 200, "[]"); }

  std::vector<http::Request> posts() const {
    std::vector<http::Request> out;
    for (const auto& r : t.requests()) {
      if (r.method != Method::kGet) {
        out.push_back(r);
      }
    }
    return out;
  }

  FakeClock clock;
  qctl::testing::FakeTransport t;
  qctl::testing::TempDir home;
};

TEST_F(JobSubmitCmd, CreatesAJobFromAFile) {
  server_is_empty();
  t.on(Method::kPost, url("/v1/scheduler/iso8601"), 204, "");
  const auto file = home.write("job.json", R"({"name": "transcode", "command": "ffmpeg",
                                               "schedule": "R1//PT1H", "cpus": 2})");
  const auto r = submit({"-f", file});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "job/transcode created\n");
  ASSERT_EQ(posts().size(), 1U);
  const auto body = json::parse(posts()[0].body);
  EXPECT_EQ(body["schedule"], "R1//PT1H");
  EXPECT_EQ(body["cpus"], 2.0);
  EXPECT_EQ(body["highPriority"], false);
}

// --now follows `job run`'s rule: a trigger Chronos would ignore (b is already queued) is not
// sent, and the line says why.
TEST_F(JobSubmitCmd, PriorityAndNowFromNdjsonOnStdin) {
  server_is_empty();
  t.on(Method::kPost, url("/v1/scheduler/iso8601"), 204, "", {}, true);
  t.on(Method::kGet, url("/v1/scheduler/jobs/summary"), 200,
       R"({"jobs":[{"name":"a","status":"fresh","state":"idle","schedule":"","parents":[],)"
       R"("disabled":false},{"name":"b","status":"fresh","state":"queued","schedule":"",)"
       R"("parents":[],"disabled":false}]})");
  t.on(Method::kPut, url("/v1/scheduler/job/a"), 204, "");
  const auto r =
      submit({"-f", "-", "--priority", "high", "--now"},
             "{\"name\":\"a\",\"command\":\"true\",\"schedule\":\"R/2030-01-01T00:00:00Z/P1D\"}\n"
             "{\"name\":\"b\",\"command\":\"true\",\"schedule\":\"R/2030-01-01T00:00:00Z/P1D\"}\n");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "job/a created\njob/b created\njob/a triggered\n"
            "job/b not triggered: is already queued: Chronos ignores the trigger\n");
  EXPECT_EQ(json::parse(posts()[0].body)["highPriority"], true);
}

// -v traces the batch's writes too (they go through perform_all, not one send per request),
// with the credentials redacted.
TEST_F(JobSubmitCmd, VerboseTracesTheBatchRequests) {
  server_is_empty();
  t.on(Method::kPost, url("/v1/scheduler/iso8601"), 204, "", {}, true);
  const auto r = submit({"-f", "-", "-v"}, "{\"name\":\"a\",\"command\":\"true\"}\n");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("> POST " + url("/v1/scheduler/iso8601")), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("< POST " + url("/v1/scheduler/iso8601") + " 204"), std::string::npos)
      << r.err;
}

TEST_F(JobSubmitCmd, DryRunSendsNothingAndDiffsAgainstTheServer) {
  server_has_fixture_jobs();
  const auto file = home.write("etl.yaml",
                               "name: cleanup-tmp\ncommand: find /tmp -mtime +3 -delete\n"
                               "schedule: R/2024-06-01T02:00:00Z/P1D\n");
  const auto r = submit({"-f", file, "--dry-run"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(posts().empty());
  EXPECT_NE(r.out.find("job/cleanup-tmp updated (dry run): POST /v1/scheduler/iso8601\n--- "
                       "job/cleanup-tmp (server)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\n+  \"command\": \"find /tmp -mtime +3 -delete\"\n"), std::string::npos)
      << r.out;
}

TEST_F(JobSubmitCmd, ServerErrorsAreReportedPerJobWithExit6) {
  server_is_empty();
  t.on(Method::kPost, url("/v1/scheduler/iso8601"), 204, "");
  t.on(
      Method::kPost, url("/v1/scheduler/iso8601"), 500,
      R"({"message":"java.lang.RuntimeException: boom\n\tat x","status":"Internal Server Error"})");
  t.on(Method::kPost, url("/v1/scheduler/iso8601"), 204, "");
  const auto r = submit({"-f", "-", "-o", "json"}, R"([{"name":"a"},{"name":"b"},{"name":"c"}])");
  EXPECT_EQ(r.code, 6) << r.err;
  const auto report = json::parse(r.out);
  ASSERT_EQ(report.size(), 3U);
  EXPECT_EQ(report[0]["result"], "created");
  EXPECT_EQ(report[1]["result"], "failed");
  EXPECT_EQ(report[1]["error"], "HTTP 500: boom");
  EXPECT_EQ(report[2]["result"], "created");
  EXPECT_NE(r.err.find("1 of 3 jobs failed"), std::string::npos) << r.err;
}

TEST_F(JobSubmitCmd, InvalidJobsSendNothingAndExit2) {
  server_is_empty();
  const auto r = submit({"-f", "-"}, R"([{"name":"ok"},{"name":"has space"},
                                         {"name":"x","constraints":[["a","GROUP_BY","2"]]}])");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(posts().empty());
  EXPECT_NE(r.err.find("error: stdin[1].name: \"has space\" is not a valid job name"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("error: stdin[2].constraints[0]: operator GROUP_BY"), std::string::npos);
  EXPECT_NE(r.err.find("2 errors in 3 jobs"), std::string::npos) << r.err;
}

TEST_F(JobSubmitCmd, UnknownFieldsWarnButStillSubmit) {
  server_is_empty();
  t.on(Method::kPost, url("/v1/scheduler/iso8601"), 204, "");
  const auto r = submit({"-f", "-"}, R"({"name":"a","comand":"true"})");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: stdin.comand: unknown field, Chronos ignores it"),
            std::string::npos)
      << r.err;
}

TEST_F(JobSubmitCmd, BadFlagsAreUsageErrors) {
  t.allow_unused();
  EXPECT_EQ(submit({"-f", "-", "--priority", "urgent"}).code, 2);
  EXPECT_EQ(submit({"-f", "-", "--parallel", "0"}).code, 2);
  EXPECT_EQ(submit({"-f", "-", "--dry-run", "--now"}).code, 2);
  const auto r = submit({"-f", "-"}, "{\"name\": \"a\",\n \"cpus\": }");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("stdin:2:10: "), std::string::npos) << r.err;
}

TEST_F(JobSubmitCmd, HelpHasExamples) {
  t.allow_unused();
  const auto r = submit({"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Create or update Chronos jobs"), std::string::npos);
  EXPECT_NE(r.out.find("qctl job submit -f jobs/"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace qctl::cmd
