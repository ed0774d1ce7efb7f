// `qctl restart app|task` in-process against Marathon-shaped answers: the requests sent,
// following the deployment (exit 0 / 1 / 5), --if-unhealthy, --dry-run, --wipe.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/util/duration.h"
#include "tests/support/cli.h"
#include "tests/support/fake_transport.h"

namespace qctl::testing {
namespace {

using http::Method;
using nlohmann::json;

constexpr const char* kOld = "2024-05-30T09:12:44.101Z";
constexpr const char* kNew = "2024-06-01T08:00:00.000Z";

std::string url(const std::string& path) { return kMarathon + path; }

CliOutcome restart(FakeTransport& t, const std::vector<std::string>& args) {
  FakeClock clock(*util::parse_iso8601("2024-06-01T08:00:00Z"));
  std::vector<std::string> argv = {"restart"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_cli_in_process(
      argv, {{"QCTL_CONFIG", "/nonexistent/qctl-config"}, {"QCTL_MARATHON", kMarathon}}, &clock,
      &t);
}

json task(const std::string& id, const std::string& version, bool alive = true) {
  return {{"id", id},
          {"appId", "/web"},
          {"host", "agent1"},
          {"state", "TASK_RUNNING"},
          {"version", version},
          {"slaveId", "S1"},
          {"healthCheckResults", json::array({{{"alive", alive}, {"consecutiveFailures", 0}}})}};
}

std::string app(const std::string& version, json tasks, json deployments = json::array(),
                json failure = nullptr, int unhealthy = 0) {
  json a = {{"id", "/web"},
            {"instances", 2},
            {"version", version},
            {"healthChecks", json::array({{{"protocol", "COMMAND"}}})},
            {"tasksRunning", tasks.size()},
            {"tasksHealthy", 2 - unhealthy},
            {"tasksUnhealthy", unhealthy},
            {"tasksStaged", 0},
            {"deployments", deployments},
            {"tasks", tasks}};
  if (!failure.is_null()) {
    a["lastTaskFailure"] = failure;
  }
  return json{{"app", a}}.dump();
}

const json kOldTasks = json::array({task("web.a", kOld), task("web.b", kOld)});
const json kNewTasks = json::array({task("web.c", kNew), task("web.d", kNew)});
const std::string kResult = json{{"version", kNew}, {"deploymentId", "d1"}}.dump();
const std::string kRunning = R"([{"id":"d1","version":")" + std::string(kNew) +
                             R"(","affectedApps":["/web"],"steps":[],"currentActions":[],)"
                             R"("currentStep":1,"totalSteps":1}])";

TEST(RestartAppCmd, WaitFollowsTheDeploymentToItsEnd) {
  FakeTransport t;
  t.on(Method::kGet, url("/v2/apps/web"), 200, app(kOld, kOldTasks));
  t.on(Method::kPost, url("/v2/apps/web/restart"), 200, kResult,
       {{"Marathon-Deployment-Id", "d1"}});
  t.on(Method::kGet, url("/v2/deployments"), 200, kRunning);
  t.on(Method::kGet, url("/v2/apps/web"), 200,
       app(kNew, json::array({task("web.a", kOld), task("web.c", kNew)}),
           json::array({{{"id", "d1"}}})));
  t.on(Method::kGet, url("/v2/deployments"), 200, "[]");
  t.on(Method::kGet, url("/v2/apps/web"), 200, app(kNew, kNewTasks));
  const auto r = restart(t, {"app", "/web", "--wait", "-o", "json"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err,
            "app/web restarting (deployment d1)\n"
            "app/web restarted: /web: 2/2 replaced, 2 healthy\n");
  const auto j = json::parse(r.out);
  EXPECT_EQ(j[0]["outcome"], "completed");
  EXPECT_EQ(j[0]["deployment_id"], "d1");
}

TEST(RestartAppCmd, NewTasksThatKeepFailingAreAFailure) {
  FakeTransport t;
  t.on(Method::kGet, url("/v2/apps/web"), 200, app(kOld, kOldTasks));
  t.on(Method::kPost, url("/v2/apps/web/restart?force=true"), 200, kResult);
  t.on(Method::kGet, url("/v2/deployments"), 200, kRunning, {}, true);
  for (const char* id : {"web.n1", "web.n2"}) {
    const json failure = {
        {"appId", "/web"},        {"host", "agent2"}, {"message", "Command exited with status 1"},
        {"state", "TASK_FAILED"}, {"taskId", id},     {"timestamp", kNew},
        {"version", kNew},        {"slaveId", "S2"}};
    t.on(Method::kGet, url("/v2/apps/web"), 200,
         app(kNew, kOldTasks, json::array({{{"id", "d1"}}}), failure));
  }
  const auto r = restart(t, {"app", "web", "--force", "--wait", "--fail-after", "2"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("app/web restart failed: new tasks keep failing (2 failures; last "
                       "TASK_FAILED on agent2: Command exited with status 1)"),
            std::string::npos)
      << r.err;
}

TEST(RestartAppCmd, WaitTimeoutExitsFive) {
  FakeTransport t;
  t.on(Method::kGet, url("/v2/apps/web"), 200, app(kOld, kOldTasks));
  t.on(Method::kPost, url("/v2/apps/web/restart"), 200, kResult);
  t.on(Method::kGet, url("/v2/deployments"), 200, kRunning, {}, true);
  t.on(Method::kGet, url("/v2/apps/web"), 200, app(kNew, kOldTasks, json::array({{{"id", "d1"}}})),
       {}, true);
  const auto r = restart(t, {"app", "/web", "--wait", "--wait-timeout", "3s"});
  EXPECT_EQ(r.code, 5) << r.err;
  EXPECT_NE(r.err.find("app/web still restarting after 3s: /web: 0/2 replaced, 0 healthy"),
            std::string::npos)
      << r.err;
}

TEST(RestartAppCmd, UnknownAppIsNotFoundAndLockedAppIs409) {
  {
    FakeTransport t;
    t.on(Method::kGet, url("/v2/apps/nope"), 404, R"({"message":"App '/nope' does not exist"})");
    const auto r = restart(t, {"app", "/nope"});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_NE(r.err.find("App '/nope' does not exist"), std::string::npos) << r.err;
  }
  FakeTransport t;
  t.on(Method::kGet, url("/v2/apps/web"), 200, app(kOld, kOldTasks));
  t.on(Method::kPost, url("/v2/apps/web/restart"), 409, read_fixture("marathon/error-409.json"));
  const auto r = restart(t, {"app", "/web"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("locked"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("hint: a deployment holds the app: --force cancels it"), std::string::npos)
      << r.err;
}

// A server's message reaches the terminal with its control characters shown, not obeyed.
TEST(RestartAppCmd, ServerMessagesCannotDriveTheTerminal) {
  FakeTransport t;
  t.on(Method::kGet, url("/v2/apps/nope"), 404,
       json{{"message", "App \x1b[2J\x1b]0;owned\x07'/nope' does not exist"}}.dump());
  const auto r = restart(t, {"app", "/nope"});
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("App \\e[2J\\e]0;owned\\x07'/nope' does not exist"), std::string::npos) << r.err;
}

// Several apps where one restarts and one is locked: the batch's partial failure (6), so a
// cron mail can tell it from "nothing restarted" (1).
TEST(RestartAppCmd, SomeRestartedSomeFailedIsAPartialFailure) {
  FakeTransport t;
  t.on(Method::kGet, url("/v2/apps/web"), 200, app(kOld, kOldTasks));
  auto big = json::parse(app(kOld, kOldTasks));
  big["app"]["id"] = "/big";
  t.on(Method::kGet, url("/v2/apps/big"), 200, big.dump());
  t.on(Method::kPost, url("/v2/apps/big/restart"), 409, read_fixture("marathon/error-409.json"));
  t.on(Method::kPost, url("/v2/apps/web/restart"), 200,
       R"({"version":"2024-06-01T08:00:00.000Z","deploymentId":"d-9"})");
  const auto r = restart(t, {"app", "/big", "/web"});
  EXPECT_EQ(r.code, 6) << r.err;
  EXPECT_NE(r.err.find("hint: a deployment holds the app"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/web restarting (deployment d-9"), std::string::npos) << r.err;
}

TEST(RestartAppCmd, IfUnhealthyAllRestartsOnlyTheBrokenAppAndDryRunSendsNothing) {
  const std::string apps =
      json{{"apps",
            json::array({json::parse(app(kOld, kOldTasks))["app"],
                         json::parse(app(kOld, kOldTasks, json::array(), nullptr, 1))["app"]})}}
          .dump();
  auto fix_id = [](std::string body) {
    auto j = json::parse(body);
    j["apps"][1]["id"] = "/api";
    return j.dump();
  };
  {
    FakeTransport t;
    t.on(Method::kGet, url("/v2/apps?embed=apps.counts&embed=apps.deployments"), 200, fix_id(apps));
    const auto r = restart(t, {"app", "--all", "--if-unhealthy", "--dry-run"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, "app/api would be restarted (2 instances, 1 unhealthy task) (dry run)\n");
  }
  FakeTransport t;
  t.on(Method::kGet, url("/v2/apps?embed=apps.counts&embed=apps.deployments"), 200, fix_id(apps));
  t.on(Method::kPost, url("/v2/apps/api/restart"), 200, kResult);
  const auto r = restart(t, {"app", "--all", "--if-unhealthy"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "app/api restarting (deployment d1, 1 unhealthy task)\n");
}

TEST(RestartAppCmd, UsageErrors) {
  FakeTransport t;
  EXPECT_EQ(restart(t, {"app"}).code, 2);
  EXPECT_EQ(restart(t, {"app", "/web", "--all"}).code, 2);
  EXPECT_EQ(restart(t, {"app", "/web", "--wait-timeout", "5m"}).code, 2) << "needs --wait";
  EXPECT_EQ(restart(t, {"app", "/Bad_Id"}).code, 2);
}

TEST(RestartTaskCmd, KillsWithWipeAndChecksTheTaskExists) {
  const std::string id = "web.instance-b6ff5fa5-7714-11e7-a55c-5ecf1c4671f6._app.1";
  const json tasks = {{"tasks", json::array({task(id, kOld)})}};
  {
    FakeTransport t;
    t.on(Method::kGet, url("/v2/apps/web/tasks"), 200, tasks.dump());
    t.on(Method::kDelete, url("/v2/apps/web/tasks/" + id + "?wipe=true"), 200,
         json{{"task", task(id, kOld)}}.dump());
    const auto r = restart(t, {"task", id, "--wipe"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("task/" + id + " killed and wiped"), std::string::npos) << r.err;
  }
  {
    FakeTransport t;
    t.on(Method::kGet, url("/v2/apps/web/tasks"), 200, R"({"tasks":[]})");
    EXPECT_EQ(restart(t, {"task", id}).code, 3);
  }
  FakeTransport t;
  EXPECT_EQ(restart(t, {"task", "--all"}).code, 2) << "--all needs --if-unhealthy";
  EXPECT_EQ(restart(t, {"task", "not-a-task-id"}).code, 2);
}

// Every instance of /web fails its check (a dependency down, say): one kill per app per run
// by default; --max-per-app raises the cap, 0 lifts it.
TEST(RestartTaskCmd, AllUnhealthyKillsAtMostMaxPerAppEachRun) {
  const json tasks = {{"tasks", json::array({task("web.a1", kOld, false), task("web.a2", kOld, false),
                                             task("web.a3", kOld, false)})}};
  {
    FakeTransport t;
    t.on(Method::kGet, url("/v2/tasks"), 200, tasks.dump());
    t.on(Method::kDelete, url("/v2/apps/web/tasks/web.a1"), 200,
         json{{"task", task("web.a1", kOld)}}.dump());
    const auto r = restart(t, {"task", "--all", "--if-unhealthy", "-o", "json"});
    EXPECT_EQ(r.code, 0) << r.err;
    const auto j = json::parse(r.out);
    EXPECT_EQ(j[0]["action"], "killed");
    EXPECT_EQ(j[1]["action"], "held");
    EXPECT_EQ(j[2]["action"], "held");
    EXPECT_NE(r.err.find("task/web.a2 held: 1 task(s) of /web already chosen this run"),
              std::string::npos)
        << r.err;
  }
  FakeTransport t;
  t.on(Method::kGet, url("/v2/tasks"), 200, tasks.dump());
  const auto r = restart(t, {"task", "--all", "--if-unhealthy", "--max-per-app", "0", "--dry-run",
                             "-o", "json"});
  EXPECT_EQ(r.code, 0) << r.err;
  for (const auto& row : json::parse(r.out)) {
    EXPECT_EQ(row["action"], "would-kill") << row;
  }
  EXPECT_EQ(restart(t, {"task", "--all", "--if-unhealthy", "--max-per-app", "-1"}).code, 2);
  // -o name: the tasks acted on, one per line.
  t.on(Method::kGet, url("/v2/tasks"), 200, tasks.dump());
  const auto names = restart(t, {"task", "--all", "--if-unhealthy", "--dry-run", "-o", "name"});
  EXPECT_EQ(names.code, 0) << names.err;
  EXPECT_EQ(names.out, "task/web.a1\n");
}

// One kill that fails does not stop the others: exit 6, every task accounted for.
TEST(RestartTaskCmd, AFailedKillIsAPartialFailure) {
  auto db = task("db.b1", kOld, false);
  db["appId"] = "/db";
  const json tasks = {{"tasks", json::array({task("web.a1", kOld, false), db})}};
  FakeTransport t;
  t.on(Method::kGet, url("/v2/tasks"), 200, tasks.dump());
  t.on(Method::kDelete, url("/v2/apps/web/tasks/web.a1"), 409, read_fixture("marathon/error-409.json"));
  t.on(Method::kDelete, url("/v2/apps/db/tasks/db.b1"), 200, json{{"task", task("db.b1", kOld)}}.dump());
  const auto r = restart(t, {"task", "--all", "--if-unhealthy", "-o", "json"});
  EXPECT_EQ(r.code, 6) << r.err;
  const auto j = json::parse(r.out);
  EXPECT_EQ(j[0]["action"], "error");
  EXPECT_NE(j[0]["error"].get<std::string>().find("409"), std::string::npos) << j[0];
  EXPECT_EQ(j[1]["action"], "killed");
  EXPECT_NE(r.err.find("1 of 2 tasks could not be killed"), std::string::npos) << r.err;
}

TEST(RestartTaskCmd, IfUnhealthyKillsOnlyFailingTasks) {
  const json tasks = {
      {"tasks", json::array({task("web.a1", kOld, true), task("web.a2", kOld, false)})}};
  FakeTransport t;
  t.on(Method::kGet, url("/v2/tasks"), 200, tasks.dump());
  t.on(Method::kDelete, url("/v2/apps/web/tasks/web.a2"), 200,
       json{{"task", task("web.a2", kOld)}}.dump());
  const auto r = restart(t, {"task", "--all", "--if-unhealthy", "-o", "json"});
  EXPECT_EQ(r.code, 0) << r.err;
  const auto j = json::parse(r.out);
  EXPECT_EQ(j[0]["action"], "skipped");
  EXPECT_EQ(j[1]["action"], "killed");
}

}  // namespace
}  // namespace qctl::testing
