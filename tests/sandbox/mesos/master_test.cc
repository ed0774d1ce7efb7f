// The sandbox's Mesos master endpoints against the real payload shapes and leader rules.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sandbox/mesos/libprocess.h"
#include "tests/sandbox/mesos/mesos_world.h"
#include "tests/support/fake_transport.h"

namespace qctl::sandbox::mesos {
namespace {

using nlohmann::json;
using testing::MesosWorld;
using testing::shape_diff;

class SandboxMesosMaster : public ::testing::Test {
 protected:
  void SetUp() override {
    SimTask& web = w.launch("web.1", 0, w.marathon_id, {31005});
    web.spec.container = ContainerKind::kDocker;
    web.spec.image = "nginx:1.25";
    web.spec.docker_network = "BRIDGE";
    web.spec.labels = {{"HAPROXY_GROUP", "external"}};
    w.clock += 1;
    w.world.update("web.1", "TASK_STARTING", "");
    w.world.update("web.1", "TASK_RUNNING", "", true);
    w.clock += 1;
    SimTask& ucr = w.launch("ucr.1", 0, w.marathon_id, {31006});
    ucr.spec.container = ContainerKind::kMesos;
    ucr.spec.image = "nginx:1.25-alpine";
    w.world.update("ucr.1", "TASK_STARTING", "");
    w.world.update("ucr.1", "TASK_RUNNING", "");
    w.clock += 1;
    w.launch("api.1", 3, w.marathon_id, {31100, 31101});  // stays staging: no statuses
    w.clock += 1;
    w.launch("job.1", 0, w.chronos_id);
    w.world.update("job.1", "TASK_RUNNING", "");
    w.world.update("job.1", "TASK_FINISHED", "");
    w.clock += 1;
    w.launch("job.2", 1, w.chronos_id);
    w.world.update("job.2", "TASK_RUNNING", "");
    mount_master(leader, w.world, w.leadership, 0, w.options);
    mount_master(follower, w.world, w.leadership, 1, w.options);
  }

  json get_json(const std::string& path, const std::string& query = "") {
    http::Response r = MesosWorld::get(leader, path, query);
    EXPECT_EQ(r.status, 200) << path << ": " << r.body;
    EXPECT_EQ(r.content_type, "application/json");
    return json::parse(r.body);
  }

  MesosWorld w;
  http::Router leader;
  http::Router follower;
};

json fixture(const std::string& name) {
  return json::parse(qctl::testing::read_fixture("mesos/" + name));
}

TEST_F(SandboxMesosMaster, StateHasTheRealShape) {
  json state = get_json("/master/state");
  EXPECT_EQ(shape_diff(fixture("master-state.json"), state),
            "");
  EXPECT_EQ(state["slaves"].size(), 4U);
  EXPECT_EQ(state["activated_slaves"], 2.0);
  EXPECT_EQ(state["deactivated_slaves"], 2.0);
  EXPECT_EQ(state["leader_info"]["hostname"], "master1.example.com");
}

TEST_F(SandboxMesosMaster, NumbersAreFormattedAsMesosDoes) {
  http::Response r = MesosWorld::get(leader, "/master/slaves");
  EXPECT_NE(r.body.find(R"("cpus":8.0)"), std::string::npos);
  EXPECT_NE(r.body.find(R"("mem":32768.0)"), std::string::npos);
  EXPECT_NE(r.body.find(R"("ports":"[31000-32000]")"), std::string::npos);
  EXPECT_NE(r.body.find(R"("port":5051,)"), std::string::npos);
  EXPECT_NE(r.body.find(R"("rack":1.0)"), std::string::npos);
  EXPECT_NE(r.body.find(R"("dc":"bj1")"), std::string::npos);
  // Used by web.1 and ucr.1 on S0: two single-port ranges, coalesced.
  EXPECT_NE(r.body.find(R"("cpus":1.0,"ports":"[31005-31006]")"), std::string::npos);
}

// The master writes totalUsedResources in full: the scalars and the used port ranges, each
// with its allocation role (src/master/http.cpp, SlaveWriter with ENDPOINT format).
TEST_F(SandboxMesosMaster, UsedResourcesFullCarryThePortsTheTasksHold) {
  json slaves = get_json("/master/slaves");
  const json& used = slaves["slaves"][0]["used_resources_full"];
  const json* ports = nullptr;
  for (const json& r : used) {
    if (r["name"] == "ports") {
      ports = &r;
    }
  }
  ASSERT_NE(ports, nullptr) << used.dump();
  EXPECT_EQ((*ports)["type"], "RANGES");
  EXPECT_EQ((*ports)["role"], "*");
  EXPECT_EQ((*ports)["allocation_info"]["role"], "*");
  EXPECT_EQ((*ports)["ranges"]["range"],
            json::parse(R"([{"begin":31005,"end":31006}])"));
  for (const json& r : slaves["slaves"][1]["used_resources_full"]) {
    EXPECT_NE(r["name"], "ports");  // S1 holds no ports
  }
}

TEST_F(SandboxMesosMaster, SlavesHasTheRealShape) {
  json slaves = get_json("/master/slaves");
  EXPECT_EQ(shape_diff(fixture("master-slaves.json"), slaves),
            "");
  const json& draining = slaves["slaves"][2];
  EXPECT_EQ(draining["drain_info"]["state"], "DRAINING");
  EXPECT_FALSE(draining["active"]);
  EXPECT_TRUE(draining["deactivated"]);
  EXPECT_EQ(slaves["slaves"][3]["reserved_resources"]["marathon"]["cpus"], 2.0);
  EXPECT_EQ(slaves["slaves"][3]["unreserved_resources"]["cpus"], 6.0);
  json one = get_json("/master/slaves", "slave_id=" + w.agent_ids[1]);
  ASSERT_EQ(one["slaves"].size(), 1U);
  EXPECT_EQ(one["slaves"][0]["id"], w.agent_ids[1]);
}

TEST_F(SandboxMesosMaster, NoAgentsIsTheExactEmptyBody) {
  MesosWorld empty;
  http::Router router;
  mount_master(router, empty.world, empty.leadership, 0, empty.options);
  for (const auto& id : empty.agent_ids) {
    empty.world.remove_agent(id, false);
  }
  EXPECT_EQ(MesosWorld::get(router, "/master/slaves").body, R"({"slaves":[],"recovered_slaves":[]})");
}

TEST_F(SandboxMesosMaster, FrameworksSummaryAndTasksHaveTheRealShape) {
  EXPECT_EQ(shape_diff(fixture("master-frameworks.json"), get_json("/master/frameworks")),
            "");
  json summary = get_json("/master/state-summary");
  EXPECT_EQ(shape_diff(fixture("master-state-summary.json"), summary),
            "");
  EXPECT_EQ(summary["slaves"][0]["TASK_RUNNING"], 2);
  EXPECT_EQ(summary["slaves"][0]["framework_ids"].size(), 2U);
  EXPECT_EQ(summary["frameworks"][1]["TASK_FINISHED"], 1);
  EXPECT_EQ(shape_diff(fixture("master-tasks.json"), get_json("/master/tasks")), "");
}

TEST_F(SandboxMesosMaster, TaskObjectsCarryContainerAndStatuses) {
  json tasks = get_json("/master/tasks", "order=asc&limit=-1");
  ASSERT_EQ(tasks["tasks"].size(), 5U);
  EXPECT_EQ(tasks["tasks"][0]["id"], "api.1");
  EXPECT_TRUE(tasks["tasks"][0]["statuses"].empty());  // as the master keeps a staging task
  const json& web = tasks["tasks"][1];
  EXPECT_EQ(web["id"], "web.1");
  EXPECT_EQ(web["executor_id"], "");
  EXPECT_EQ(web["container"]["type"], "DOCKER");
  EXPECT_EQ(web["container"]["docker"]["image"], "nginx:1.25");
  EXPECT_EQ(web["container"]["docker"]["network"], "BRIDGE");
  EXPECT_EQ(web["labels"][0]["key"], "HAPROXY_GROUP");
  EXPECT_FALSE(web.contains("discovery"));
  const json& running = web["statuses"][1];
  EXPECT_TRUE(running["healthy"]);
  EXPECT_EQ(running["container_status"]["network_infos"][0]["ip_addresses"][0]["ip_address"],
            "127.0.1.1");
  EXPECT_EQ(tasks["tasks"][2]["container"]["mesos"]["image"]["docker"]["name"],
            "nginx:1.25-alpine");
  EXPECT_FALSE(tasks["tasks"][3].contains("container"));  // no ContainerInfo declared
}

TEST_F(SandboxMesosMaster, TasksPagingFollowsReadOnlyHandler) {
  auto ids = [&](const std::string& query) {
    std::vector<std::string> out;
    const json body = get_json("/master/tasks", query);
    for (const json& t : body["tasks"]) {
      out.push_back(t["id"]);
    }
    return out;
  };
  using V = std::vector<std::string>;
  w.clock += 1;
  w.world.update("job.2", "TASK_FINISHED", "");
  // Newest first status first; a task with no status yet goes last.
  EXPECT_EQ(ids(""), (V{"job.2", "job.1", "ucr.1", "web.1", "api.1"}));
  EXPECT_EQ(ids("order=asc&limit=2&offset=1"), (V{"web.1", "ucr.1"}));
  EXPECT_EQ(ids("limit=bogus&order=sideways"), ids(""));
  EXPECT_EQ(ids("limit=2").size(), 2U);
  EXPECT_EQ(ids("offset=2&limit=-1"), V{});  // offset + SIZE_MAX wraps, as in Mesos
  EXPECT_EQ(ids("offset=0&limit=-1").size(), 5U);
  EXPECT_EQ(ids("framework_id=" + w.chronos_id), (V{"job.2", "job.1"}));
  EXPECT_EQ(ids("task_id=api.1"), V{"api.1"});
}

TEST_F(SandboxMesosMaster, LostAgentTasksAreUnreachable) {
  w.world.remove_agent(w.agent_ids[3], true);
  json state = get_json("/master/state");
  EXPECT_EQ(state["unreachable_slaves"], 1.0);
  EXPECT_EQ(state["slaves"].size(), 3U);
  const json& marathon = state["frameworks"][0];
  ASSERT_EQ(marathon["unreachable_tasks"].size(), 1U);
  EXPECT_EQ(marathon["unreachable_tasks"][0]["state"], "TASK_UNREACHABLE");
  EXPECT_EQ(marathon["completed_tasks"].size(), 0U);
}

// Master::__removeSlave: a framework without PARTITION_AWARE (Chronos) gets TASK_LOST, which
// is terminal: the task is among the completed ones, not the unreachable ones.
TEST_F(SandboxMesosMaster, LostAgentTasksOfAFrameworkNotPartitionAwareAreLost) {
  w.world.remove_agent(w.agent_ids[1], true);  // job.2 of chronos runs there
  json state = get_json("/master/state");
  const json& chronos = state["frameworks"][1];
  ASSERT_EQ(chronos["name"], "chronos");
  EXPECT_TRUE(chronos["unreachable_tasks"].empty());
  bool lost = false;
  for (const json& t : chronos["completed_tasks"]) {
    lost = lost || (t["id"] == "job.2" && t["state"] == "TASK_LOST");
  }
  EXPECT_TRUE(lost) << chronos.dump();
}

// Master::updateTask (and the agent's updateTaskState): an update in the task's current state
// replaces the last status, so health changes keep one TASK_RUNNING whose timestamp moves.
TEST_F(SandboxMesosMaster, AnUpdateInTheSameStateReplacesTheLastStatus) {
  w.clock += 10;
  w.world.update("web.1", "TASK_RUNNING", "", false);
  w.clock += 10;
  w.world.update("web.1", "TASK_RUNNING", "", true);
  const json tasks = get_json("/master/tasks", "task_id=web.1");
  ASSERT_EQ(tasks["tasks"].size(), 1U);
  const json& statuses = tasks["tasks"][0]["statuses"];
  ASSERT_EQ(statuses.size(), 2U) << statuses.dump();
  EXPECT_EQ(statuses[0]["state"], "TASK_STARTING");
  EXPECT_EQ(statuses[1]["state"], "TASK_RUNNING");
  EXPECT_EQ(statuses[1]["timestamp"], w.clock);
  EXPECT_TRUE(statuses[1]["healthy"]);
}

// A new leader before the agents re-register: agents only in its registry (recovered_slaves),
// no task known, nothing counted, on every endpoint alike.
TEST_F(SandboxMesosMaster, ANewLeaderKnowsNoAgentOrTaskUntilTheyReregister) {
  w.leadership.recovering_until = w.clock + 60;
  const json state = get_json("/master/state");
  EXPECT_TRUE(state["slaves"].empty());
  EXPECT_EQ(state["recovered_slaves"].size(), 4U);
  EXPECT_EQ(state["activated_slaves"], 0.0);
  EXPECT_TRUE(state["frameworks"][0]["tasks"].empty());
  const json summary = get_json("/master/state-summary");
  EXPECT_TRUE(summary["slaves"].empty());
  EXPECT_TRUE(get_json("/master/tasks")["tasks"].empty());
  const json metrics = get_json("/metrics/snapshot");
  EXPECT_EQ(metrics["master/slaves_active"], 0.0);
  EXPECT_EQ(metrics["master/tasks_running"], 0.0);
  EXPECT_EQ(metrics["master/cpus_total"], 0.0);
  const json one = get_json("/master/slaves", "slave_id=" + w.agent_ids[2]);
  ASSERT_EQ(one["recovered_slaves"].size(), 1U);
  EXPECT_EQ(one["recovered_slaves"][0]["id"], w.agent_ids[2]);
  w.clock += 61;  // re-registered
  EXPECT_EQ(get_json("/master/state-summary")["slaves"].size(), 4U);
  EXPECT_FALSE(get_json("/master/tasks")["tasks"].empty());
}

TEST_F(SandboxMesosMaster, NonLeaderRedirectsWithTheDelegatedPath) {
  w.leadership.leader = 1;
  http::Response r = MesosWorld::get(leader, "/state", "jsonp=cb");
  EXPECT_EQ(r.status, 307);
  ASSERT_EQ(r.headers.size(), 1U);
  EXPECT_EQ(r.headers[0].first, "Location");
  EXPECT_EQ(r.headers[0].second, "//master2.example.com:5050/master/state?jsonp=cb");
  EXPECT_EQ(MesosWorld::get(leader, "/master/redirect").headers[0].second,
            "//master2.example.com:5050");
  // /redirect answers 307 even on the leader itself.
  EXPECT_EQ(MesosWorld::get(follower, "/redirect").status, 307);
  EXPECT_EQ(MesosWorld::get(follower, "/redirect/x").status, 404);
  w.leadership.leader.reset();
  r = MesosWorld::get(leader, "/master/tasks");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.body, "No leader elected");
  EXPECT_EQ(MesosWorld::get(leader, "/master/health").status, 200);
}

TEST_F(SandboxMesosMaster, MetricsAreDoublesAndLocal) {
  json m = get_json("/metrics/snapshot");
  json f = fixture("metrics-snapshot.json");
  for (const auto& [key, value] : f.items()) {
    if (key.rfind("master/", 0) == 0) {
      ASSERT_TRUE(m.contains(key)) << key;
      EXPECT_TRUE(m[key].is_number_float()) << key;
    }
  }
  EXPECT_EQ(m["master/elected"], 1.0);
  EXPECT_EQ(m["master/slaves_active"], 2.0);
  EXPECT_EQ(m["master/tasks_running"], 3.0);
  EXPECT_EQ(m["master/tasks_staging"], 1.0);
  EXPECT_EQ(m["master/tasks_finished"], 1.0);
  EXPECT_EQ(m["master/cpus_total"], 32.0);
  json other = json::parse(MesosWorld::get(follower, "/metrics/snapshot").body);
  EXPECT_EQ(other["master/elected"], 0.0);
  EXPECT_EQ(other["master/cpus_total"], 0.0);
  EXPECT_EQ(MesosWorld::get(leader, "/metrics/snapshot", "timeout=5parsecs").status, 400);
}

// master/tasks_finished & co. are Counters (metrics.cpp): they count every task that ended
// since this master was elected, past the bounded completed_tasks lists, and a new leader
// starts from zero.
TEST_F(SandboxMesosMaster, TerminalTaskCountersNeverGoDownAndStartAtTheElection) {
  const double before = get_json("/metrics/snapshot")["master/tasks_finished"];
  const std::size_t n = w.world.options().completed_tasks_per_framework + 5;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string id = "batch." + std::to_string(i);
    w.launch(id, 0, w.chronos_id);
    w.world.update(id, "TASK_FINISHED", "");
  }
  EXPECT_EQ(get_json("/metrics/snapshot")["master/tasks_finished"],
            before + static_cast<double>(n));
  w.leadership.elect(1, w.clock, w.world.ended_counts());
  auto on_new_leader = [&] {
    return json::parse(MesosWorld::get(follower, "/metrics/snapshot").body);
  };
  EXPECT_EQ(on_new_leader()["master/tasks_finished"], 0.0);
  w.launch("batch.last", 0, w.chronos_id);
  w.world.update("batch.last", "TASK_FAILED", "");
  EXPECT_EQ(on_new_leader()["master/tasks_failed"], 1.0);
}

TEST_F(SandboxMesosMaster, VersionRolesAndMaintenance) {
  json version = get_json("/version");
  EXPECT_EQ(shape_diff(fixture("version.json"), version), "");
  json roles = get_json("/master/roles");
  ASSERT_EQ(roles["roles"].size(), 2U);  // "*" (chronos) and "marathon"
  const json& marathon = roles["roles"][1];
  EXPECT_EQ(marathon["name"], "marathon");
  EXPECT_EQ(marathon["weight"], 1.0);
  EXPECT_EQ(marathon["allocated"]["cpus"], 1.5);
  EXPECT_EQ(marathon["allocated"]["ports"], 4.0);
  EXPECT_EQ(marathon["reserved"]["cpus"], 2.0);
  EXPECT_EQ(marathon["frameworks"][0], w.marathon_id);
  EXPECT_TRUE(marathon["quota"]["guarantee"].empty());
  json status = get_json("/master/maintenance/status");
  w.world.agent(w.agent_ids[1])->down = true;
  status = get_json("/master/maintenance/status");
  EXPECT_EQ(shape_diff(fixture("maintenance-status.json"), status, {"statuses"}), "");
  EXPECT_EQ(status["down_machines"][0]["hostname"], "agent1.example.com");
  EXPECT_EQ(status["draining_machines"][0]["id"]["ip"], "127.0.1.3");
  EXPECT_FALSE(status["draining_machines"][0].contains("statuses"))
      << "v0 frameworks never answer inverse offers";
  EXPECT_EQ(MesosWorld::get(leader, "/master/maintenance/status").status, 200);
  http::Request post;
  post.method = "POST";
  post.path = "/master/maintenance/status";
  EXPECT_EQ(leader.dispatch(post).status, 405);
}

// Master::Http::maintenanceSchedule: a POSTed schedule replaces the one schedule, is answered
// back as sent, and puts its machines in DRAINING; maintenance::validation::schedule's checks.
TEST_F(SandboxMesosMaster, PostedMaintenanceScheduleReplacesTheSchedule) {
  auto post = [&](const std::string& body) {
    http::Request r;
    r.method = "POST";
    r.path = "/master/maintenance/schedule";
    r.body = body;
    return leader.dispatch(r);
  };
  const std::string schedule =
      R"({"windows":[{"machine_ids":[{"hostname":"agent0.example.com","ip":"127.0.1.1"},)"
      R"({"hostname":"spare.example.com"}],"unavailability":{"duration":{"nanoseconds":3600000000000},)"
      R"("start":{"nanoseconds":1717300000000000000}}}]})";
  http::Response r = post(schedule);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, "");
  EXPECT_EQ(MesosWorld::get(leader, "/master/maintenance/schedule").body, schedule);
  const json status = get_json("/master/maintenance/status");
  ASSERT_EQ(status["draining_machines"].size(), 2U) << status.dump();  // agent 2's window is gone
  EXPECT_EQ(status["draining_machines"][1]["id"], json({{"hostname", "spare.example.com"}}));

  const std::string dup =
      R"({"windows":[{"machine_ids":[{"hostname":"a"},{"hostname":"a"}],)"
      R"("unavailability":{"start":{"nanoseconds":0}}}]})";
  EXPECT_EQ(post(dup).body, R"(Machine '{"hostname":"a"}' appears more than once in the schedule)");
  EXPECT_EQ(post(R"({"windows":[{"machine_ids":[],"unavailability":{"start":{"nanoseconds":0}}}]})")
                .body,
            "List of machines in the maintenance window is empty");
  EXPECT_EQ(post(R"({"windows":[{"machine_ids":[{"ip":"10.0.0.1"}],"unavailability":{"start":)"
                 R"({"nanoseconds":0},"duration":{"nanoseconds":-1}}}]})")
                .body,
            "Unavailability 'duration' is negative");
  EXPECT_EQ(post(R"({"windows":[{"machine_ids":[{}],"unavailability":{"start":{"nanoseconds":0}}}]})")
                .body,
            "Both 'hostname' and 'ip' for a machine are empty");
  EXPECT_EQ(post(R"({"windows":[{"machine_ids":[{"hostname":"a"}]}]})").body,
            "Missing required fields: windows[0].unavailability");
  EXPECT_EQ(post("not json").status, 400);
  // A DOWN machine cannot leave the schedule.
  w.world.agent(w.agent_ids[0])->down = true;
  r = post("{}");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, R"(Machine '{"hostname":"agent0.example.com","ip":"127.0.1.1"}' is )"
                    "deactivated and cannot be removed from the schedule");
  EXPECT_EQ(MesosWorld::get(leader, "/master/maintenance/schedule").body, schedule);  // unchanged
  w.world.agent(w.agent_ids[0])->down = false;
  ASSERT_EQ(post("{}").status, 200);
  EXPECT_EQ(MesosWorld::get(leader, "/master/maintenance/schedule").body, "{}");
}

// libprocess' http::query::decode: ';' separates too, and a repeated key's last value wins.
TEST_F(SandboxMesosMaster, QueryStringsAsLibprocessReadsThem) {
  const auto q = libprocess_query("limit=1;offset=2&limit=3&flag");
  EXPECT_EQ(q.size(), 3U);
  EXPECT_EQ(q.find("limit")->second, "3");
  EXPECT_EQ(q.find("offset")->second, "2");
  EXPECT_EQ(q.find("flag")->second, "");
  const json tasks = get_json("/master/tasks", "limit=5;order=asc&limit=1");
  EXPECT_EQ(tasks["tasks"].size(), 1U);
}

// A sandbox started with credentials says so in the flags, as --authenticate_http_* would.
TEST_F(SandboxMesosMaster, FlagsSayWhetherHttpIsAuthenticated) {
  EXPECT_EQ(get_json("/master/state")["flags"]["authenticate_http_readonly"], "false");
  w.options.authenticate_http = true;
  http::Router secured;
  mount_master(secured, w.world, w.leadership, 0, w.options);
  const json flags = json::parse(MesosWorld::get(secured, "/master/state").body)["flags"];
  EXPECT_EQ(flags["authenticate_http_readonly"], "true");
  EXPECT_EQ(flags["authenticate_http_readwrite"], "true");
}

TEST_F(SandboxMesosMaster, EmptyMaintenanceIsAnEmptyObject) {
  w.world.unschedule(World::machine_of(*w.world.agent(w.agent_ids[2])));
  EXPECT_EQ(MesosWorld::get(leader, "/master/maintenance/status").body, "{}");
}

TEST_F(SandboxMesosMaster, JsonpAuthAndUnknownPaths) {
  http::Response r = MesosWorld::get(leader, "/master/roles", "jsonp=show");
  EXPECT_EQ(r.content_type, "text/javascript");
  EXPECT_EQ(r.body.rfind("show({\"roles\":", 0), 0U);
  EXPECT_EQ(r.body.back(), ')');
  const auto& auth = leader.auth();
  auto realm = [&](const std::string& path) {
    http::Request q;
    q.path = path;
    return auth.realm(q);
  };
  EXPECT_EQ(realm("/master/state"), "mesos-master-readonly");
  EXPECT_EQ(realm("/tasks"), "mesos-master-readonly");
  EXPECT_EQ(realm("/metrics/snapshot"), "mesos-master-readonly");
  EXPECT_EQ(realm("/health"), "");
  EXPECT_EQ(realm("/redirect"), "");
  EXPECT_EQ(realm("/version"), "");
  EXPECT_EQ(realm("/master/maintenance/schedule"), "mesos-master-readwrite");
  http::Request q;
  http::Response denied = auth.unauthorized(q, "mesos-master-readonly");
  EXPECT_EQ(denied.status, 401);
  EXPECT_EQ(denied.body, "401 Unauthorized.");
  ASSERT_EQ(denied.headers.size(), 1U);
  EXPECT_EQ(denied.headers[0].second, "Basic realm=\"mesos-master-readonly\"");
  http::Response missing = MesosWorld::get(leader, "/nope");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, "404 Not Found.");
  EXPECT_EQ(MesosWorld::get(leader, "/state.json").status, 404);  // removed in 1.7.0
  EXPECT_EQ(MesosWorld::get(leader, "/master/state/").status, 200);  // libprocess trims
}

}  // namespace
}  // namespace qctl::sandbox::mesos
