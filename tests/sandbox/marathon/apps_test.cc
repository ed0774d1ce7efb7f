// SandboxMarathonApps: create/get/update/delete, validation bodies, locks, embeds, tasks.
#include <regex>

#include "tests/sandbox/marathon/fixture.h"

namespace qctl::sandbox::marathon::testing {
namespace {

using nlohmann::json;

const char* const kWeb =
    R"({"id":"/team/web","cmd":"python3 -m http.server $PORT0","instances":2,"cpus":0.5,
        "mem":64,"labels":{"team":"web"}})";

class SandboxMarathonApps : public MarathonTest {};

TEST_F(SandboxMarathonApps, CreateAnswers201WithLocationAndDeployment) {
  http::Response r = call("POST", "/v2/apps", kWeb);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(header(r, "Location"), "/team/web");
  json app = body(r);
  EXPECT_EQ(app["id"], "/team/web");
  EXPECT_EQ(app["tasksRunning"], 0);
  ASSERT_EQ(app["deployments"].size(), 1U);
  EXPECT_EQ(app["deployments"][0]["id"], header(r, "Marathon-Deployment-Id"));
  EXPECT_EQ(app["portDefinitions"][0]["port"], 10000);  // service port from local_port_min
  EXPECT_EQ(call("POST", "/v2/apps", kWeb).status, 409);
}

TEST_F(SandboxMarathonApps, AppShapeMatchesTheFixture) {
  ASSERT_EQ(call("POST", "/v2/apps",
                 R"({"id":"/web","container":{"type":"DOCKER","docker":{"image":"nginx:1.25"}},
                     "instances":2,"cpus":0.5,"mem":256,"acceptedResourceRoles":["*"],
                     "healthChecks":[{"protocol":"HTTP","path":"/healthz"}]})")
                .status,
            201);
  settle();
  {
    // A failure so that lastTaskFailure is there, as in the fixture.
    auto lock = world_.lock();
    world_.update(world_.active_tasks().begin()->first, "TASK_FAILED", "Command exited with status 1");
  }
  settle();
  json got = body(call("GET", "/v2/apps/web"))["app"];
  json want = json::parse(qctl::testing::read_fixture("marathon/app-web.json"))["app"];
  expect_same_shape(want, got, "app");
  ASSERT_EQ(got["tasks"].size(), 1U);  // the failed one's replacement waits out the back-off
  json task = got["tasks"][0];
  expect_same_shape(want["tasks"][0], task, "task");
  EXPECT_TRUE(std::regex_match(task["id"].get<std::string>(),
                               std::regex(R"(web\.instance-[0-9a-f-]{36}\._app\.1)")));
  EXPECT_TRUE(std::regex_match(task["stagedAt"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
  EXPECT_EQ(got["tasksHealthy"], 1);  // HTTP checks are emulated as passing while running
  EXPECT_EQ(got["lastTaskFailure"]["state"], "TASK_FAILED");
}

TEST_F(SandboxMarathonApps, GetListDeleteAndNotFound) {
  ASSERT_EQ(call("POST", "/v2/apps", kWeb).status, 201);
  ASSERT_EQ(call("POST", "/v2/apps", R"({"id":"/db","cmd":"sleep 1","labels":{"team":"db"}})").status, 201);
  json all = body(call("GET", "/v2/apps", "", "label=team==web&embed=apps.tasks"));
  ASSERT_EQ(all["apps"].size(), 1U);
  EXPECT_TRUE(all["apps"][0].contains("tasks"));
  EXPECT_TRUE(all["apps"][0].contains("tasksStaged"));  // counts are always embedded
  EXPECT_EQ(body(call("GET", "/v2/apps", "", "id=DB"))["apps"].size(), 1U);
  EXPECT_EQ(body(call("GET", "/v2/apps/team/*"))["*"].size(), 1U);
  settle();
  http::Response del = call("DELETE", "/v2/apps/team/web");
  ASSERT_EQ(del.status, 200) << del.body;
  EXPECT_TRUE(body(del).contains("deploymentId"));
  http::Response missing = call("GET", "/v2/apps/team/web");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, R"({"message":"App '/team/web' does not exist"})");
  settle();
  EXPECT_EQ(live_tasks(), 1U);  // only /db is left
}

TEST_F(SandboxMarathonApps, ValidationErrorsHaveMarathonsShape) {
  http::Response r = call("POST", "/v2/apps",
                          R"({"id":"/Bad_Id","cmd":"x","instances":-1,
                              "constraints":[["hostname","NEAR"]],
                              "upgradeStrategy":{"minimumHealthCapacity":1.5}})");
  ASSERT_EQ(r.status, 422);
  json got = body(r);
  json want = json::parse(qctl::testing::read_fixture("marathon/error-422.json"));
  EXPECT_EQ(got["message"], want["message"]);
  std::map<std::string, json> by_path;
  for (const json& d : got["details"]) {
    by_path[d["path"]] = d["errors"];
  }
  for (const json& d : want["details"]) {
    EXPECT_EQ(by_path[d["path"]], d["errors"]) << d.dump();
  }
  EXPECT_EQ(by_path["/constraints(0)"][0],
            "operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER, UNLIKE or IS");
  EXPECT_NE(by_path["/id"][0].get<std::string>().find("must fully match regular expression"),
            std::string::npos);

  json no_cmd = body(call("POST", "/v2/apps", R"({"id":"/x"})"));
  EXPECT_EQ(no_cmd["details"][0]["errors"][0],
            "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.");
  http::Response bad = call("POST", "/v2/apps", "{nope");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(body(bad)["message"], "Invalid JSON");
  EXPECT_TRUE(body(bad)["details"].is_string());
  http::Response typed = call("POST", "/v2/apps", R"({"id":"/x","cmd":"y","cpus":"many"})");
  EXPECT_EQ(typed.status, 422);
  EXPECT_EQ(body(typed)["details"][0]["errors"][0], "error.expected.jsnumber");
}

TEST_F(SandboxMarathonApps, DeploymentLocksTheAppUntilForced) {
  http::Response created = call("POST", "/v2/apps", kWeb);
  std::string first = header(created, "Marathon-Deployment-Id");
  http::Response locked = call("PUT", "/v2/apps/team/web", R"({"instances":3})");
  ASSERT_EQ(locked.status, 409);
  json want = json::parse(qctl::testing::read_fixture("marathon/error-409.json"));
  EXPECT_EQ(body(locked)["message"], want["message"]);
  EXPECT_EQ(body(locked)["deployments"][0]["id"], first);

  http::Response forced = call("PUT", "/v2/apps/team/web", R"({"instances":3})", "force=true");
  ASSERT_EQ(forced.status, 200) << forced.body;
  json deployments = body(call("GET", "/v2/deployments"));
  ASSERT_EQ(deployments.size(), 1U);
  EXPECT_EQ(deployments[0]["id"], body(forced)["deploymentId"]);
  settle();
  json app = body(call("GET", "/v2/apps/team/web"))["app"];
  EXPECT_EQ(app["instances"], 3);  // partial update kept cmd, mem, labels
  EXPECT_EQ(app["mem"], 64);
  EXPECT_EQ(app["tasksRunning"], 3);
}

// GroupVersioningUtil and DeploymentPlan: a write that changes nothing keeps the version and
// affects no app, so it is no lock conflict even while a deployment runs.
TEST_F(SandboxMarathonApps, AWriteThatChangesNothingKeepsTheVersionAndIsNotLocked) {
  http::Response created = call("POST", "/v2/apps", kWeb);
  ASSERT_EQ(created.status, 201);
  const json before = body(call("GET", "/v2/apps/team/web"))["app"];
  const json current = before["instances"];
  http::Response same = call("PUT", "/v2/apps/team/web", R"({"instances":)" + current.dump() + "}");
  ASSERT_EQ(same.status, 200) << same.body;  // the first deployment still runs
  json app = body(call("GET", "/v2/apps/team/web"))["app"];
  EXPECT_EQ(app["version"], before["version"]);
  EXPECT_EQ(app["versionInfo"], before["versionInfo"]);
  EXPECT_EQ(call("PUT", "/v2/apps/team/web", R"({"instances":7})").status, 409);
}

// AppsResource.create: recreating an app whose delete is still running is a lock conflict.
TEST_F(SandboxMarathonApps, RecreatingAnAppBeingDeletedIsLockedUntilForced) {
  ASSERT_EQ(call("POST", "/v2/apps", kWeb).status, 201);
  settle();
  ASSERT_EQ(call("DELETE", "/v2/apps/team/web").status, 200);
  http::Response again = call("POST", "/v2/apps", kWeb);
  ASSERT_EQ(again.status, 409) << again.body;
  EXPECT_FALSE(body(again)["deployments"].empty());
  EXPECT_EQ(call("POST", "/v2/apps", kWeb, "force=true").status, 201);
}

TEST_F(SandboxMarathonApps, PutCreatesAndPatchDoesNot) {
  http::Response put = call("PUT", "/v2/apps/new", R"({"cmd":"sleep 9"})");
  EXPECT_EQ(put.status, 201);
  EXPECT_EQ(header(put, "Location"), "/new");
  EXPECT_EQ(call("PATCH", "/v2/apps/other", R"({"cmd":"sleep 9"})").status, 404);
}

TEST_F(SandboxMarathonApps, TasksCarryMarathonsEnvironmentAndName) {
  ASSERT_EQ(call("POST", "/v2/apps", kWeb).status, 201);
  tick();  // StartApplication
  clock_ += 1;
  tick();  // ScaleApplication: both instances launch
  auto lock = world_.lock();
  ASSERT_EQ(world_.active_tasks().size(), 2U);
  const SimTask& t = *world_.active_tasks().begin()->second;
  EXPECT_EQ(t.spec.name, "web.team");
  EXPECT_EQ(t.spec.command, "python3 -m http.server $PORT0");
  EXPECT_EQ(t.spec.env.at("MARATHON_APP_ID"), "/team/web");
  EXPECT_EQ(t.spec.env.at("MARATHON_APP_RESOURCE_CPUS"), "0.5");
  EXPECT_EQ(t.spec.env.at("MARATHON_APP_RESOURCE_MEM"), "64.0");
  EXPECT_EQ(t.spec.env.at("MARATHON_APP_LABEL_TEAM"), "web");
  EXPECT_EQ(t.spec.env.at("PORT0"), std::to_string(t.ports.at(0)));
  EXPECT_EQ(t.spec.env.at("PORT_10000"), std::to_string(t.ports.at(0)));
  EXPECT_EQ(t.spec.env.at("PORT_DEFAULT"), std::to_string(t.ports.at(0)));
  EXPECT_EQ(t.spec.env.at("HOST"), world_.agent(t.agent_id)->info.hostname);
}

TEST_F(SandboxMarathonApps, KillWithScaleShrinksTheApp) {
  ASSERT_EQ(call("POST", "/v2/apps", kWeb).status, 201);
  settle();
  json tasks = body(call("GET", "/v2/apps/team/web/tasks"))["tasks"];
  ASSERT_EQ(tasks.size(), 2U);
  std::string victim = tasks[0]["id"];
  http::Response r = call("DELETE", "/v2/apps/team/web/tasks/" + victim, "", "scale=true");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(body(r).contains("deploymentId"));
  settle();
  json left = body(call("GET", "/v2/apps/team/web"))["app"];
  EXPECT_EQ(left["instances"], 1);
  ASSERT_EQ(left["tasks"].size(), 1U);
  EXPECT_NE(left["tasks"][0]["id"], victim);
  EXPECT_EQ(call("DELETE", "/v2/apps/team/web/tasks/nope.instance-x._app.1").status, 404);
  EXPECT_EQ(call("DELETE", "/v2/apps/team/web/tasks", "", "scale=true&wipe=true").status, 400);
}

TEST_F(SandboxMarathonApps, KillWithoutScaleIsReplaced) {
  ASSERT_EQ(call("POST", "/v2/apps", kWeb).status, 201);
  settle();
  http::Response r = call("DELETE", "/v2/apps/team/web/tasks");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(body(r)["tasks"].size(), 2U);
  tick();
  EXPECT_EQ(live_tasks(), 2U);  // launched again: the goal is still Running
}

TEST_F(SandboxMarathonApps, ScaleDownKillsTheYoungestFirst) {
  ASSERT_EQ(call("POST", "/v2/apps", R"({"id":"/w","cmd":"sleep 1","instances":1})").status, 201);
  settle();
  std::string oldest = body(call("GET", "/v2/apps/w/tasks"))["tasks"][0]["id"];
  ASSERT_EQ(call("PUT", "/v2/apps/w", R"({"instances":3})").status, 200);
  settle();
  ASSERT_EQ(call("PUT", "/v2/apps/w", R"({"instances":1})").status, 200);
  settle();
  json tasks = body(call("GET", "/v2/apps/w/tasks"))["tasks"];
  ASSERT_EQ(tasks.size(), 1U);
  EXPECT_EQ(tasks[0]["id"], oldest);
}

}  // namespace
}  // namespace qctl::sandbox::marathon::testing
