// SandboxMarathonWrites: rollback by version, bulk PUT/PATCH, group wildcards, kill-and-scale
// retries, the /v2/tasks status filter and a forced re-create, as the real AppsResource,
// AppTasksResource, TasksResource and TaskKiller do them.
#include "tests/sandbox/marathon/fixture.h"

namespace qctl::sandbox::marathon::testing {
namespace {

using nlohmann::json;

const char* const kTeamWeb =
    R"({"id":"/team/web","cmd":"python3 -m http.server $PORT0","instances":2,"cpus":0.5,
        "mem":64})";

class SandboxMarathonWrites : public MarathonTest {};

// AppHelpers.updateOrRollback: an update naming a version brings that definition back.
TEST_F(SandboxMarathonWrites, PutWithAVersionRollsBack) {
  ASSERT_EQ(call("POST", "/v2/apps", kTeamWeb).status, 201);
  settle();
  const json first = body(call("GET", "/v2/apps/team/web"))["app"];
  ASSERT_EQ(call("PUT", "/v2/apps/team/web", R"({"mem":128,"instances":3})").status, 200);
  settle();
  json back = json{{"version", first["version"]}, {"mem", 512}};  // the rest is ignored
  http::Response r = call("PUT", "/v2/apps/team/web", back.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  settle();
  json app = body(call("GET", "/v2/apps/team/web"))["app"];
  EXPECT_EQ(app["mem"], 64);
  EXPECT_EQ(app["instances"], 2);
  EXPECT_NE(app["version"], first["version"]);  // a config change: a new version
  EXPECT_EQ(body(call("GET", "/v2/apps/team/web/versions"))["versions"].size(), 3U);

  // Timestamp(v) parses the version: the same instant written without milliseconds matches.
  std::string short_form = first["version"].get<std::string>();
  short_form.replace(short_form.find(".000Z"), 5, "Z");
  ASSERT_EQ(call("PUT", "/v2/apps/team/web", json{{"version", short_form}}.dump(), "force=true")
                .status,
            200);
  settle();
  EXPECT_EQ(body(call("GET", "/v2/apps/team/web"))["app"]["mem"], 64);

  http::Response unknown =
      call("PUT", "/v2/apps/team/web", R"({"version":"2001-01-01T00:00:00.000Z"})");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.body, R"({"message":"App '/team/web' does not exist"})");
}

// AppsResource.replaceMultiple / patchMultiple: a 200 deployment result even for new apps,
// no Location; PATCH never creates; an update without id is a 422.
TEST_F(SandboxMarathonWrites, BulkWritesAnswer200AndPatchDoesNotCreate) {
  http::Response put = call("PUT", "/v2/apps", R"([{"id":"/a","cmd":"sleep 9"}])");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(header(put, "Location"), "");
  EXPECT_TRUE(body(put).contains("deploymentId"));
  EXPECT_EQ(call("GET", "/v2/apps/a").status, 200);

  http::Response patch = call("PATCH", "/v2/apps", R"([{"id":"/b","cmd":"sleep 9"}])");
  EXPECT_EQ(patch.status, 404);
  EXPECT_EQ(patch.body, R"({"message":"App '/b' does not exist"})");
  EXPECT_EQ(call("GET", "/v2/apps/b").status, 404);

  http::Response no_id = call("PATCH", "/v2/apps", R"([{"cmd":"sleep 9"}])");
  EXPECT_EQ(no_id.status, 422);
  EXPECT_EQ(body(no_id)["message"], "requirement failed: App Update must have app id set");
}

// AppsResource.show and AppTasksResource.indexJson: "<group>/*" lists the group's apps or
// tasks; a group that never existed is a 404, a group whose apps were deleted stays.
TEST_F(SandboxMarathonWrites, GroupWildcardsListAppsAndTasks) {
  ASSERT_EQ(call("POST", "/v2/apps", kTeamWeb).status, 201);
  ASSERT_EQ(call("POST", "/v2/apps", R"({"id":"/team/db/pg","cmd":"sleep 9"})").status, 201);
  ASSERT_EQ(call("POST", "/v2/apps", R"({"id":"/other","cmd":"sleep 9"})").status, 201);
  settle();
  EXPECT_EQ(body(call("GET", "/v2/apps/team/*"))["*"].size(), 2U);
  EXPECT_EQ(body(call("GET", "/v2/apps/*"))["*"].size(), 3U);
  json tasks = body(call("GET", "/v2/apps/team/*/tasks"))["tasks"];
  EXPECT_EQ(tasks.size(), 3U);  // web's two and pg's one, not /other's
  http::Response missing = call("GET", "/v2/apps/nope/*");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, R"({"message":"Group '/nope' does not exist"})");
  http::Response no_tasks = call("GET", "/v2/apps/nope/*/tasks");
  EXPECT_EQ(no_tasks.status, 404);
  EXPECT_EQ(no_tasks.body, R"({"message":"Group '/nope' does not exist"})");

  ASSERT_EQ(call("DELETE", "/v2/apps/team/db/pg").status, 200);
  settle();
  http::Response empty = call("GET", "/v2/apps/team/db/*");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_TRUE(body(empty)["*"].empty());
}

// TaskKiller.killAndScale counts only instances not already being killed, so a retried
// kill with scale=true does not shrink the app twice; an unknown task is a no-op plan.
TEST_F(SandboxMarathonWrites, RetriedKillAndScaleShrinksOnce) {
  ASSERT_EQ(call("POST", "/v2/apps", kTeamWeb).status, 201);
  settle();
  json tasks = body(call("GET", "/v2/apps/team/web/tasks"))["tasks"];
  ASSERT_EQ(tasks.size(), 2U);
  const std::string victim = tasks[0]["id"];
  ASSERT_EQ(call("DELETE", "/v2/apps/team/web/tasks/" + victim, "", "scale=true").status, 200);
  {
    auto lock = world_.lock();
    world_.update(victim, "TASK_KILLING", "");  // the executor acknowledges the kill
  }
  // The retry changes nothing: an empty plan, no second deployment, no lock conflict.
  http::Response again = call("DELETE", "/v2/apps/team/web/tasks/" + victim, "", "scale=true");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(body(call("GET", "/v2/apps/team/web"))["app"]["deployments"].size(), 1U);
  settle();
  EXPECT_EQ(body(call("GET", "/v2/apps/team/web"))["app"]["instances"], 1);

  // Any incarnation of the instance's task id names it.
  const std::string other = tasks[1]["id"];
  const std::string incarnation = other.substr(0, other.rfind('.')) + ".7";
  http::Response r = call("DELETE", "/v2/apps/team/web/tasks/" + incarnation);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body(r)["task"]["id"], other);

  http::Response unknown =
      call("DELETE", "/v2/apps/team/web/tasks/web_team.instance-nope._app.1", "", "scale=true");
  EXPECT_EQ(unknown.status, 200) << unknown.body;
  EXPECT_EQ(body(call("GET", "/v2/apps/team/web"))["app"]["instances"], 1);
}

// TasksResource.indexJson: values are lower-cased, only running and staging mean anything,
// and unknown values are dropped (then every task is listed).
TEST_F(SandboxMarathonWrites, TaskStatusFilterFollowsTasksResource) {
  ASSERT_EQ(call("POST", "/v2/apps", kTeamWeb).status, 201);
  tick();
  clock_ += 1;
  tick();  // both launched, staging
  std::string running;
  {
    auto lock = world_.lock();
    running = world_.active_tasks().begin()->first;
    world_.update(running, "TASK_RUNNING", "");
  }
  auto count = [&](const std::string& query) {
    return body(call("GET", "/v2/tasks", "", query))["tasks"].size();
  };
  EXPECT_EQ(count("status=RUNNING"), 1U);
  EXPECT_EQ(count("status=staging"), 1U);
  EXPECT_EQ(count("status[]=running&status[]=staging"), 2U);
  EXPECT_EQ(count("status=foo"), 2U);
  {
    auto lock = world_.lock();
    for (const auto& [id, task] : world_.active_tasks()) {
      if (id != running) {
        world_.update(id, "TASK_STARTING", "");
      }
    }
  }
  EXPECT_EQ(count("status=staging"), 0U);  // Condition.Starting is not Staging
}

// AppConversion writes acceptedResourceRoles only when the app has some.
TEST_F(SandboxMarathonWrites, AcceptedResourceRolesOnlyWhenSet) {
  ASSERT_EQ(call("POST", "/v2/apps", kTeamWeb).status, 201);
  EXPECT_FALSE(body(call("GET", "/v2/apps/team/web"))["app"].contains("acceptedResourceRoles"));
  ASSERT_EQ(call("PUT", "/v2/apps/team/web", R"({"acceptedResourceRoles":["*"]})", "force=true")
                .status,
            200);
  EXPECT_EQ(body(call("GET", "/v2/apps/team/web"))["app"]["acceptedResourceRoles"],
            json::array({"*"}));
}

// A forced POST over an app still being deleted makes a new app: the old versions are gone
// and the old instances go on dying instead of joining it.
TEST_F(SandboxMarathonWrites, ForcedRecreateStartsAFreshApp) {
  ASSERT_EQ(call("POST", "/v2/apps", kTeamWeb).status, 201);
  settle();
  ASSERT_EQ(call("PUT", "/v2/apps/team/web", R"({"mem":128})").status, 200);
  settle();
  ASSERT_EQ(call("DELETE", "/v2/apps/team/web").status, 200);
  tick();  // StopApplication: both instances are told to die
  ASSERT_EQ(call("POST", "/v2/apps", kTeamWeb).status, 409);  // the delete still runs
  ASSERT_EQ(call("POST", "/v2/apps", kTeamWeb, "force=true").status, 201);
  EXPECT_EQ(body(call("GET", "/v2/apps/team/web/versions"))["versions"].size(), 1U);
  {
    auto lock = world_.lock();
    std::vector<std::string> dying;
    for (const auto& [id, task] : world_.active_tasks()) {
      dying.push_back(id);
    }
    for (const std::string& id : dying) {
      world_.update(id, "TASK_KILLED", "");  // the old instances end; the new app stays
    }
  }
  settle();
  json app = body(call("GET", "/v2/apps/team/web"))["app"];
  EXPECT_EQ(app["tasksRunning"], 2);
  EXPECT_EQ(app["instances"], 2);
}

// DeploymentsResource.cancel of a delete brings the app back with its instances.
TEST_F(SandboxMarathonWrites, CancellingADeleteBringsTheAppBack) {
  ASSERT_EQ(call("POST", "/v2/apps", kTeamWeb).status, 201);
  settle();
  const json tasks = body(call("GET", "/v2/apps/team/web/tasks"))["tasks"];
  http::Response del = call("DELETE", "/v2/apps/team/web");
  ASSERT_EQ(del.status, 200);
  ASSERT_EQ(call("DELETE", "/v2/deployments/" + body(del)["deploymentId"].get<std::string>())
                .status,
            200);
  json back = body(call("GET", "/v2/apps/team/web/tasks"))["tasks"];
  ASSERT_EQ(back.size(), tasks.size());
  EXPECT_EQ(back[0]["id"], tasks[0]["id"]);
}

}  // namespace
}  // namespace qctl::sandbox::marathon::testing
