// SandboxChronosApi: job JSON, validation bodies, summary, graph, search, prefixes, errors.
#include "tests/sandbox/chronos/fixture.h"

namespace qctl::sandbox::chronos::testing {
namespace {

using nlohmann::json;

class SandboxChronosApi : public ChronosTest {};

std::vector<std::string> keys(const json& j) {
  std::vector<std::string> out;
  for (const auto& [k, v] : j.items()) {
    out.push_back(k);
  }
  return out;
}

TEST_F(SandboxChronosApi, JobsHaveTheFixturesFieldsAndTypes) {
  const json fixture = json::parse(qctl::testing::read_fixture("chronos/jobs.json"));
  for (json j : fixture) {
    // GET /jobs mirrors fetch into uris; posting both back is refused, so send fetch only.
    if (!j["fetch"].empty()) {
      j.erase("uris");
    }
    http::Response r = call("POST", j.contains("parents") ? "/v1/scheduler/dependency" : "/v1/scheduler/iso8601",
                            j.dump());
    ASSERT_EQ(r.status, 204) << j["name"] << ": " << r.body;
  }
  const json got = body(call("GET", "/v1/scheduler/jobs"));
  ASSERT_EQ(got.size(), fixture.size());
  for (std::size_t i = 0; i < fixture.size(); ++i) {
    auto want_keys = keys(fixture[i]), got_keys = keys(got[i]);
    std::sort(want_keys.begin(), want_keys.end());
    std::sort(got_keys.begin(), got_keys.end());
    EXPECT_EQ(got_keys, want_keys) << fixture[i]["name"];
    for (const auto& [k, v] : fixture[i].items()) {
      EXPECT_TRUE(v.type() == got[i][k].type() || (v.is_number() && got[i][k].is_number()))
          << fixture[i]["name"] << "." << k;
    }
  }
  EXPECT_EQ(got[0]["container"], fixture[0]["container"]);
  EXPECT_EQ(got[4]["arguments"], fixture[4]["arguments"]);
}

// JobStats.getTaskDataByJob: without Cassandra (Chronos's default) there is no run history,
// while the histogram (in-memory JobMetrics) still counts the successful runs.
TEST_F(SandboxChronosApi, JobStatHasNoHistoryWithoutCassandra) {
  add_agent("agent1.example.com");
  scheduled(R"({"name":"once","command":"true","schedule":"R1/2024-06-01T07:00:00Z/PT1H"})");
  tick();
  ASSERT_EQ(live().size(), 1U);
  finish(live()[0]);
  const json stat = body(call("GET", "/v1/scheduler/job/stat/once"));
  EXPECT_EQ(stat["taskStatHistory"], json::array());
  EXPECT_EQ(stat["histogram"]["count"], 1);
}

TEST_F(SandboxChronosApi, JobFieldsComeInJobSerializersOrderWithChronosDefaults) {
  scheduled(R"({"name":"docker1","schedule":"R/2014-09-25T17:22:00Z/PT2M","cpus":"0.5","mem":"512",
                "container":{"type":"docker","image":"libmesos/ubuntu","network":"BRIDGE"},
                "constraints":[["rack","UNIQUE"],["dc","EQUALS","bj1"]],"epsilon":"PT15M"})");
  http::Response r = call("GET", "/v1/scheduler/job/docker1");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.rfind(R"({"name":"docker1","command":"","shell":true,"executor":"",)", 0), 0U) << r.body;
  const json j = body(r);
  const std::vector<std::string> order = {
      "name", "command", "shell", "executor", "executorFlags", "taskInfoData", "retries", "owner",
      "ownerName", "description", "successCount", "errorCount", "lastSuccess", "lastError", "cpus",
      "disk", "mem", "disabled", "softError", "dataProcessingJobType", "errorsSinceLastSuccess",
      "fetch", "uris", "environmentVariables", "arguments", "highPriority", "runAsUser", "concurrent",
      "maxCompletionTime", "container", "constraints", "schedule", "scheduleTimeZone"};
  std::vector<std::string> got;
  const auto ordered = nlohmann::ordered_json::parse(r.body);
  for (const auto& [k, v] : ordered.items()) {
    got.push_back(k);
  }
  EXPECT_EQ(got, order);
  EXPECT_EQ(j["cpus"], 0.5);
  EXPECT_EQ(j["disk"], 256.0);  // --mesos_task_disk
  EXPECT_EQ(j["retries"], 2);
  EXPECT_EQ(j["runAsUser"], "root");
  EXPECT_EQ(j["container"]["type"], "DOCKER");
  EXPECT_EQ(j["container"]["forcePullImage"], false);
  EXPECT_EQ(j["constraints"], json::parse(R"([["dc","EQUALS","bj1"]])"));  // UNIQUE is dropped
}

TEST_F(SandboxChronosApi, ValidationAnswersWithChronosMessages) {
  http::Response r = call("POST", "/v1/scheduler/iso8601", R"({"name":"bad name","schedule":"R/2024-06-01T00:00:00Z/PT1H"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(body(r)["status"], "Bad Request");
  EXPECT_EQ(body(r)["message"].get<std::string>().rfind(
                "java.lang.IllegalArgumentException: requirement failed: the job's name is invalid. "
                "Allowed names: '([\\w\\.-]+)'\n\tat ", 0),
            0U)
      << r.body;

  r = call("POST", "/v1/scheduler/iso8601", R"({"name":"a","schedule":"every hour"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, R"j({"message":"Cannot parse schedule 'every hour' (wtf bro)","status":"Bad Request"})j");

  r = call("POST", "/v1/scheduler/iso8601", R"({"name":"a","schedule":"R/1969-12-31T00:00:00Z/P1D"})");
  EXPECT_EQ(body(r)["message"], "Scheduled start date '1969-12-31T00:00:00.000Z' is before 1970!");

  r = call("POST", "/v1/scheduler/iso8601",
           R"({"name":"a","schedule":"R/2024-06-01T00:00:00Z/P1D","uris":["http://x"],"fetch":[{"uri":"http://y"}]})");
  EXPECT_EQ(body(r)["message"], "Tried to add both uri (deprecated) and fetch parameters on a");

  r = call("POST", "/v1/scheduler/dependency", R"({"name":"child","parents":[]})");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(body(r)["status"], "Internal Server Error");

  r = call("POST", "/v1/scheduler/iso8601", R"({"command":"no name"})");
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(r.body.find("<h2>HTTP ERROR 500</h2>"), std::string::npos) << r.body;
}

TEST_F(SandboxChronosApi, UnknownJobIs400AndUnknownPathIsJettys404) {
  http::Response r = call("GET", "/v1/scheduler/job/nope");
  EXPECT_EQ(r.status, 400);
  const json want = json::parse(qctl::testing::read_fixture("chronos/error-400-not-found.json"));
  const std::string first_line = want["message"].get<std::string>().substr(0, want["message"].get<std::string>().find('\n'));
  EXPECT_EQ(body(r)["message"].get<std::string>().rfind(first_line + "\n", 0), 0U) << r.body;
  EXPECT_EQ(body(call("DELETE", "/v1/scheduler/job/nope"))["message"].get<std::string>().rfind(
                "java.lang.IllegalArgumentException: requirement failed: JobSchedule 'nope' not found", 0),
            0U);
  EXPECT_EQ(call("DELETE", "/v1/scheduler/task/kill/nope").status, 400);
  EXPECT_EQ(call("PUT", "/v1/scheduler/job/nope").status, 400);

  r = call("GET", "/v1/scheduler/nothing-here");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "text/html;charset=ISO-8859-1");
  EXPECT_NE(r.body.find("Problem accessing /v1/scheduler/nothing-here. Reason:\n<pre>    Not Found</pre>"),
            std::string::npos);
  // 3.x serves the upserts with POST only.
  EXPECT_EQ(call("PUT", "/v1/scheduler/iso8601", R"({"name":"a"})").status, 405);
}

TEST_F(SandboxChronosApi, DependentUpdateNeedsKnownParentsButANewOneWaitsForThem) {
  dependent(R"({"name":"child","command":"true","parents":["later"]})");
  // Accepted, but out of the graph until its parent exists.
  EXPECT_EQ(call("GET", "/v1/scheduler/job/child").status, 400);
  scheduled(R"({"name":"later","command":"true","schedule":"R/2030-01-01T00:00:00Z/P1D"})");
  EXPECT_EQ(job("child")["parents"], json::array({"later"}));
  http::Response r = call("POST", "/v1/scheduler/dependency", R"({"name":"child","parents":["ghost"]})");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(body(r)["message"].get<std::string>().find("JobSchedule child does not have all parents defined!"),
            std::string::npos);
}

// Making a job's descendant its parent closes a cycle: jgrapht's CycleFoundException, which
// Chronos answers 500; the job stays as it was.
TEST_F(SandboxChronosApi, AParentThatIsADescendantIsA500) {
  scheduled(R"({"name":"top","command":"true","schedule":"R/2030-01-01T00:00:00Z/P1D"})");
  dependent(R"({"name":"mid","command":"true","parents":["top"]})");
  dependent(R"({"name":"leaf","command":"true","parents":["mid"]})");
  http::Response r =
      call("POST", "/v1/scheduler/dependency", R"({"name":"mid","command":"true","parents":["leaf"]})");
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(body(r)["message"].get<std::string>().find("CycleFoundException"), std::string::npos)
      << r.body;
  EXPECT_EQ(job("mid")["parents"], json::array({"top"}));
  r = call("POST", "/v1/scheduler/dependency", R"({"name":"top","command":"true","parents":["leaf"]})");
  EXPECT_EQ(r.status, 500) << "a scheduled job made dependent on its own descendant";
}

TEST_F(SandboxChronosApi, SummaryAndCsvDeriveStateAndStatus) {
  scheduled(R"({"name":"ok","schedule":"R/2030-01-01T00:00:00Z/P1D","lastSuccess":"2024-05-31T00:00:00.000Z",
                "lastError":"2024-05-30T00:00:00.000Z"})");
  scheduled(R"({"name":"bad","schedule":"R/2030-01-01T00:00:00Z/P1D","lastSuccess":"2024-05-29T00:00:00.000Z",
                "lastError":"2024-05-30T00:00:00.000Z"})");
  dependent(R"({"name":"next","parents":["ok"]})");
  ASSERT_EQ(call("PUT", "/v1/scheduler/job/bad").status, 204);
  const json s = body(call("GET", "/v1/scheduler/jobs/summary"));
  ASSERT_EQ(s["jobs"].size(), 3U);
  EXPECT_EQ(s["jobs"][0], json::parse(R"({"name":"ok","status":"success","state":"idle",
      "schedule":"R/2030-01-01T00:00:00Z/P1D","parents":[],"disabled":false})"));
  EXPECT_EQ(summary("ok"), std::make_pair(std::string("idle"), std::string("success")));
  EXPECT_EQ(summary("bad"), std::make_pair(std::string("queued"), std::string("failure")));
  EXPECT_EQ(summary("next"), std::make_pair(std::string("idle"), std::string("fresh")));
  EXPECT_EQ(s["jobs"][2]["schedule"], "");
  http::Response csv = call("GET", "/v1/scheduler/graph/csv");
  EXPECT_EQ(csv.content_type.rfind("text/plain", 0), 0U);
  EXPECT_EQ(csv.body, "node,ok,success,idle\nnode,bad,failure,queued\nnode,next,fresh,idle\nlink,ok,next\n");
  EXPECT_EQ(call("GET", "/v1/scheduler/graph/dot").body,
            "digraph G {\n  1 [ label=\"ok\" ];\n  2 [ label=\"bad\" ];\n  3 [ label=\"next\" ];\n  1 -> 3;\n}\n");
}

TEST_F(SandboxChronosApi, SearchFiltersByNameOrCommandWithLimit) {
  for (const char* n : {"etl-a", "etl-b", "report"}) {
    scheduled(std::string(R"({"name":")") + n + R"(","command":"run )" + n +
              R"(","schedule":"R/2030-01-01T00:00:00Z/P1D"})");
  }
  EXPECT_EQ(body(call("GET", "/v1/scheduler/jobs/search", "", "name=ETL")).size(), 2U);
  EXPECT_EQ(body(call("GET", "/v1/scheduler/jobs/search", "", "name=etl&limit=1&offset=1"))[0]["name"], "etl-b");
  EXPECT_EQ(body(call("GET", "/v1/scheduler/jobs/search", "", "any=nothing")).size(), 3U);  // any only rescues
  EXPECT_EQ(body(call("GET", "/v1/scheduler/jobs/search", "", "name=x&any=report")).size(), 1U);
  EXPECT_EQ(call("GET", "/v1/scheduler/jobs/search", "", "limit=ten").status, 404);
}

TEST_F(SandboxChronosApi, LeaderPingAndCors) {
  http::Response r = call("GET", "/v1/scheduler/leader");
  EXPECT_EQ(r.body, R"({"leader":"chronos.example.com:4400"})");
  bool cors = false;
  for (const auto& [k, v] : r.headers) {
    cors = cors || (k == "Access-Control-Allow-Origin" && v == "*");
  }
  EXPECT_TRUE(cors);
  EXPECT_EQ(call("GET", "/ping").body, "pong\n");
}

class SandboxChronosApi2x : public ChronosTest {
  void tweak(ChronosOptions& o) override { o.api_version = 2; }
};

TEST_F(SandboxChronosApi2x, ServesUnderSchedulerWithPlainTextErrors) {
  ASSERT_EQ(call("PUT", "/scheduler/iso8601",
                 R"({"name":"a","command":"true","schedule":"R/2030-01-01T00:00:00Z/P1D"})")
                .status,
            204);
  EXPECT_EQ(body(call("GET", "/scheduler/jobs")).size(), 1U);
  EXPECT_EQ(call("GET", "/v1/scheduler/jobs").status, 404);
  EXPECT_EQ(call("GET", "/scheduler/jobs/summary").status, 404);  // added in 3.0
  http::Response r = call("DELETE", "/scheduler/job/nope");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, "requirement failed: Job 'nope' not found");
}

}  // namespace
}  // namespace qctl::sandbox::chronos::testing
