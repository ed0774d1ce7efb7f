// `qctl job status|list|get|delete` end to end against `qctl sandbox`: state, last run and
// next run; dependents running after their parents; delete re-parenting; --watch; 2.x paths.
#include <gtest/gtest.h>

#include <fstream>

#include "tests/integration/job_sandbox_support.h"

namespace qctl::testing {
namespace {

class JobStatusSandbox : public JobSandboxTest {
 protected:
  static void SetUpTestSuite() { start({}, "/v1/scheduler"); }
};

TEST_F(JobStatusSandbox, ShowsStateLastRunAndNextRun) {
  create_job(scheduled("status-hourly", "true", {{"owner", "video@example.com"}}));
  auto s = status_of("status-hourly");
  EXPECT_EQ(s["state"], "idle") << s;
  EXPECT_EQ(s["last"], "fresh") << s;
  EXPECT_EQ(s["next_run"], "2030-01-01T00:00:00Z") << s;
  EXPECT_EQ(s["priority"], "normal") << s;

  ASSERT_EQ(c().qctl({"job", "run", "status-hourly", "--wait"}).exit_code, 0);
  s = status_of("status-hourly");
  EXPECT_EQ(s["last"], "success") << s;
  EXPECT_EQ(s["success_count"], 1) << s;
  EXPECT_TRUE(s["last_success"].is_string()) << s;

  const auto r = c().qctl({"job", "status", "status-hourly"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto row = row_of(r.out, "status-hourly");
  EXPECT_NE(row.find("idle"), std::string::npos) << r.out;
  EXPECT_NE(row.find("success"), std::string::npos) << r.out;
  EXPECT_NE(row.find("in "), std::string::npos) << "NEXT RUN: " << r.out;
}

// Chronos keeps the start's wall clock in scheduleTimeZone: midnight in New York (EST).
TEST_F(JobStatusSandbox, NextRunFollowsTheScheduleTimeZone) {
  create_job(scheduled("status-ny", "true", {{"scheduleTimeZone", "America/New_York"}}));
  const auto s = status_of("status-ny");
  EXPECT_EQ(s["next_run"], "2030-01-01T05:00:00Z") << s;
}

TEST_F(JobStatusSandbox, DependentRunsAfterItsParentSucceeds) {
  create_job(scheduled("dep-parent", "true"));
  create_job({{"name", "dep-child"},
              {"command", "true"},
              {"parents", {"dep-parent"}},
              {"cpus", 0.1},
              {"mem", 32}});
  auto child = status_of("dep-child");
  EXPECT_EQ(child["last"], "fresh") << child;
  EXPECT_EQ(child["next_run"], nullptr) << child;

  ASSERT_EQ(c().qctl({"job", "run", "dep-parent", "--wait"}).exit_code, 0);
  EXPECT_TRUE(eventually([] {
    const auto s = status_of("dep-child");
    return s["last"] == "success" && s["success_count"] == 1;
  })) << status_of("dep-child");
  const auto r = c().qctl({"job", "status", "dep-*"});
  EXPECT_NE(row_of(r.out, "dep-child").find("after dep-parent"), std::string::npos) << r.out;
}

TEST_F(JobStatusSandbox, DeleteWarnsThatDependentsGetReparented) {
  create_job(scheduled("del-parent", "true"));
  create_job({{"name", "del-child"},
              {"command", "true"},
              {"parents", {"del-parent"}},
              {"cpus", 0.1},
              {"mem", 32}});
  auto r = c().qctl({"job", "delete", "del-parent", "--dry-run"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "job/del-parent deleted (dry run)\n");
  EXPECT_NE(r.err.find("job/del-child becomes a scheduled job on R/2030-01-01T00:00:00"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(c().qctl({"job", "get", "del-parent"}).exit_code, 0) << "dry run deleted it";

  r = c().qctl({"job", "delete", "del-parent"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "job/del-parent deleted\n");
  EXPECT_NE(r.err.find("del-child"), std::string::npos) << r.err;
  EXPECT_EQ(c().qctl({"job", "get", "del-parent"}).exit_code, 3);
  const auto child = c().qctl_json({"job", "get", "del-child"});
  EXPECT_EQ(child["kind"], "scheduled") << child;  // Chronos re-parented it as it warned
}

TEST_F(JobStatusSandbox, ListFiltersAndGet) {
  create_job(scheduled("list-a", "true", {{"owner", "a@example.com"}}));
  create_job(scheduled("list-b", "true", {{"owner", "b@example.com"}, {"highPriority", true}}));
  auto r = c().qctl({"job", "list", "list-*", "--owner", "b@example.com", "-o", "name"});
  EXPECT_EQ(r.out, "job/list-b\n") << r.err;
  r = c().qctl({"job", "get", "list-b"});
  EXPECT_NE(r.out.find("PRIORITY:      high"), std::string::npos) << r.out;
  r = c().qctl({"job", "list", "--status", "nope"});
  EXPECT_EQ(r.exit_code, 2);
}

// get --export prints what submit takes back: resubmitting it unchanged changes nothing, in
// JSON and in YAML, after runs (no statistics in it) and with a container and constraints.
TEST_F(JobStatusSandbox, ExportedJobResubmitsUnchanged) {
  create_job(scheduled("export-me", "echo 'a b'"));
  ASSERT_EQ(c().qctl({"job", "run", "export-me", "--wait"}).exit_code, 0);
  const std::string json_file = c().home.path() + "/export-me.json";
  std::ofstream(json_file) << scheduled(
      "export-me", "echo 'a b'",
      {{"owner", "ops@example.com"},
       {"highPriority", true},
       {"environmentVariables", {{{"name", "MODE"}, {"value", "fast"}}}},
       {"constraints", {{"rack", "EQUALS", "r1"}}},
       {"container", {{"type", "DOCKER"}, {"image", "busybox:1"}}}});
  ASSERT_EQ(c().qctl({"job", "submit", "-f", json_file}).exit_code, 0);
  auto r = c().qctl({"job", "get", "export-me", "--export"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto body = nlohmann::json::parse(r.out);
  EXPECT_EQ(body["name"], "export-me") << body;
  EXPECT_EQ(body["container"]["image"], "busybox:1") << body;
  EXPECT_FALSE(body.contains("successCount")) << body;
  EXPECT_FALSE(body.contains("lastSuccess")) << body;
  std::ofstream(json_file) << r.out;
  r = c().qctl({"job", "submit", "-f", json_file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "job/export-me unchanged\n") << r.err;

  r = c().qctl({"job", "get", "export-me", "--export", "-o", "yaml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("name: export-me"), std::string::npos) << r.out;
  const std::string yaml_file = c().home.path() + "/export-me.yaml";
  std::ofstream(yaml_file) << r.out;
  r = c().qctl({"job", "submit", "-f", yaml_file, "--dry-run"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("unchanged"), std::string::npos) << r.out << r.err;

  // An edit shows as the one change.
  auto edited = body;
  edited["mem"] = 64;
  std::ofstream(json_file) << edited.dump();
  r = c().qctl({"job", "submit", "-f", json_file, "--dry-run"});
  EXPECT_NE(r.out.find("\"mem\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"cpus\""), std::string::npos) << r.out;
  EXPECT_EQ(status_of("export-me")["success_count"], 1) << "statistics kept";
}

TEST_F(JobStatusSandbox, WatchPrintsTheTableUntilCtrlC) {
  create_job(scheduled("watch-me", "true"));
  RunSpec spec;
  spec.args = {"job", "status", "watch-me", "--watch"};
  spec.env = c().sb.env();
  spec.env["QCTL_CONFIG"] = c().home.path() + "/config";
  spec.timeout = std::chrono::seconds(30);
  spec.interrupt_after = std::chrono::milliseconds(2500);
  const auto r = run_qctl(spec);
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_EQ(r.out.rfind("NAME ", 0), 0U) << r.out;
  EXPECT_NE(row_of(r.out, "watch-me").find("idle"), std::string::npos) << r.out;
}

class JobListChronos2Sandbox : public JobSandboxTest {
 protected:
  static void SetUpTestSuite() { start({"--chronos-api", "2"}, "/scheduler"); }
};

TEST_F(JobListChronos2Sandbox, ListStatusAndRunWorkOnThe2xPaths) {
  create_job(scheduled("v2-job", "true", {{"owner", "v2@example.com"}}));
  auto r = c().qctl({"job", "list", "-o", "name"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "job/v2-job\n");
  EXPECT_EQ(c().qctl({"job", "run", "v2-job", "--wait"}).exit_code, 0);
  const auto s = status_of("v2-job");
  EXPECT_EQ(s["last"], "success") << s;
  EXPECT_EQ(s["state"], "idle") << s;
  EXPECT_EQ(s["next_run"], "2030-01-01T00:00:00Z") << s;
}

// 2.5's own fields survive qctl's writes: submit sends them, and a priority change (which
// resubmits the whole job) keeps them.
TEST_F(JobListChronos2Sandbox, EpsilonAndAsyncSurviveSubmitAndPriorityChanges) {
  const std::string file = c().home.path() + "/eps.json";
  std::ofstream(file) << R"({"name":"v2-eps","command":"true","epsilon":"PT30M","async":true,)"
                      << R"("schedule":"R/2030-01-01T00:00:00Z/P1D"})";
  auto r = c().qctl({"job", "submit", "-f", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
  auto stored = [&] {
    const auto reply = http_call("GET", c().sb.chronos() + "/scheduler/jobs", "");
    for (const auto& j : nlohmann::json::parse(reply.body)) {
      if (j["name"] == "v2-eps") {
        return j;
      }
    }
    return nlohmann::json();
  };
  EXPECT_EQ(stored()["epsilon"], "PT30M") << stored();
  EXPECT_EQ(stored()["async"], true) << stored();
  r = c().qctl({"job", "submit", "-f", file});
  EXPECT_NE(r.out.find("job/v2-eps unchanged"), std::string::npos) << r.out << r.err;
  r = c().qctl({"queue", "priority", "v2-eps", "high"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(stored()["highPriority"], true) << stored();
  EXPECT_EQ(stored()["epsilon"], "PT30M") << stored();
  EXPECT_EQ(stored()["async"], true) << stored();

  // The 2.x export carries epsilon/async and resubmits unchanged.
  r = c().qctl({"job", "get", "v2-eps", "--export"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto body = nlohmann::json::parse(r.out);
  EXPECT_EQ(body["epsilon"], "PT30M") << body;
  EXPECT_FALSE(body.contains("concurrent")) << body;
  std::ofstream(file) << r.out;
  r = c().qctl({"job", "submit", "-f", file});
  EXPECT_EQ(r.out, "job/v2-eps unchanged\n") << r.err;
}

}  // namespace
}  // namespace qctl::testing
