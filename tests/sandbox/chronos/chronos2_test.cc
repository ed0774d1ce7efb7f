// SandboxChronos2x: the sandbox's Chronos with --chronos-api 2 behaves like Chronos 2.5.1,
// not like 3.x behind the old prefix: 2.5's job JSON (epsilon, async), "R1//PT24H", no queue
// dedup, schedules planned within the horizon and skipped past their epsilon, states without
// a count, async completion through PUT task/{id}, task/all, and 2.5's errors.
#include "tests/sandbox/chronos/fixture.h"

namespace qctl::sandbox::chronos::testing {
namespace {

using nlohmann::json;

class SandboxChronos2x : public ChronosTest {
 protected:
  void tweak(ChronosOptions& o) override { o.api_version = 2; }

  void post(const std::string& body) {
    http::Response r = call("POST", "/scheduler/iso8601", body);
    ASSERT_EQ(r.status, 204) << body << " -> " << r.body;
  }
  json job2(const std::string& name) {
    for (const json& j : body(call("GET", "/scheduler/jobs"))) {
      if (j["name"] == name) {
        return j;
      }
    }
    return nullptr;
  }
  std::string csv_state(const std::string& name) {
    const std::string csv = call("GET", "/scheduler/graph/csv").body;
    const std::string key = "node," + name + ",";
    const auto at = csv.find(key);
    if (at == std::string::npos) {
      return "";
    }
    const auto line = csv.substr(at, csv.find('\n', at) - at);
    return line.substr(line.rfind(',') + 1);
  }
};

// JobSerializer at 2.5.1: epsilon after shell, async after description, no concurrent or
// maxCompletionTime; epsilon defaults to --task_epsilon (60 s).
TEST_F(SandboxChronos2x, JobJsonHas25sFields) {
  post(R"({"name":"a","command":"true","schedule":"R/2030-01-01T00:00:00Z/P1D",
           "epsilon":"PT30M","async":true,"concurrent":true,"maxCompletionTime":60})");
  post(R"({"name":"b","command":"true","schedule":"R/2030-01-01T00:00:00Z/P1D"})");
  const json a = job2("a");
  std::vector<std::string> keys;
  for (auto it = a.begin(); it != a.end(); ++it) {
    keys.push_back(it.key());
  }
  // nlohmann's json sorts keys; the order is checked on the raw text instead.
  const std::string raw = call("GET", "/scheduler/jobs").body;
  EXPECT_LT(raw.find("\"shell\""), raw.find("\"epsilon\""));
  EXPECT_LT(raw.find("\"epsilon\""), raw.find("\"executor\""));
  EXPECT_LT(raw.find("\"description\""), raw.find("\"async\""));
  EXPECT_LT(raw.find("\"async\""), raw.find("\"successCount\""));
  EXPECT_EQ(a["epsilon"], "PT30M");
  EXPECT_EQ(a["async"], true);
  EXPECT_FALSE(a.contains("concurrent"));
  EXPECT_FALSE(a.contains("maxCompletionTime"));
  EXPECT_EQ(job2("b")["epsilon"], "PT60S");
  EXPECT_EQ(job2("b")["async"], false);
  EXPECT_EQ(keys.size(), 32U);  // 2.5.1's fields of a scheduled job without container

  // 2.5's deserializer needs a command, and knows only BRIDGE and HOST networks.
  EXPECT_EQ(call("POST", "/scheduler/iso8601", R"({"name":"c","schedule":"R//P1D"})").status, 500);
  EXPECT_EQ(call("POST", "/scheduler/iso8601",
                 R"({"name":"c","command":"x","container":{"image":"i","network":"USER"}})")
                .status,
            500);
  EXPECT_EQ(call("POST", "/scheduler/iso8601", R"({"name":"c","command":"x","epsilon":"soon"})")
                .status,
            500);
}

// A job with neither schedule nor parents is "R1//PT24H" (empty start: now), and the POST
// itself plans its run: the stored schedule is already the rest of the stream.
TEST_F(SandboxChronos2x, RunOnceJobIsPlannedByThePost) {
  add_agent("a1.example.com");
  post(R"({"name":"once","command":"true"})");
  EXPECT_EQ(job2("once")["schedule"], "R0/2024-06-02T08:00:00.000Z/PT24H");
  tick();
  ASSERT_EQ(live().size(), 1U);
  finish(live()[0]);
  const json j = job2("once");
  EXPECT_EQ(j["successCount"], 1);
  EXPECT_EQ(j["disabled"], true);  // R0 after a finish
}

// 2.5's TaskManager.enqueue queues every task: two triggers are two tasks. DELETE task/all
// empties both queues.
TEST_F(SandboxChronos2x, EveryTriggerIsQueuedAndTaskAllPurges) {
  post(R"({"name":"x","command":"true","schedule":"R/2030-01-01T00:00:00Z/P1D"})");
  post(R"({"name":"y","command":"true","schedule":"R/2030-01-01T00:00:00Z/P1D","highPriority":true})");
  ASSERT_EQ(call("PUT", "/scheduler/job/x").status, 204);
  ASSERT_EQ(call("PUT", "/scheduler/job/x").status, 204);
  ASSERT_EQ(call("PUT", "/scheduler/job/y").status, 204);
  EXPECT_EQ(gauge("queueSize"), 2);
  EXPECT_EQ(gauge("highQueueSize"), 1);
  EXPECT_EQ(csv_state("x"), "queued");
  EXPECT_EQ(call("DELETE", "/scheduler/task/all").status, 204);
  EXPECT_EQ(gauge("queueSize"), 0);
  EXPECT_EQ(gauge("highQueueSize"), 0);
  EXPECT_EQ(csv_state("x"), "queued");  // no event: the state stays
}

// JobStats at 2.5.1: idle, queued, running; never "1 running". A second task of a running job
// is dropped at offer time.
TEST_F(SandboxChronos2x, StatesHaveNoRunningCount) {
  add_agent("a1.example.com");
  post(R"({"name":"x","command":"true","schedule":"R/2030-01-01T00:00:00Z/P1D"})");
  ASSERT_EQ(call("PUT", "/scheduler/job/x").status, 204);
  tick();
  ASSERT_EQ(live().size(), 1U);
  update(live()[0], "TASK_RUNNING");
  EXPECT_EQ(csv_state("x"), "running");
  ASSERT_EQ(call("PUT", "/scheduler/job/x").status, 204);
  clock_ += 1;
  tick();
  EXPECT_EQ(live().size(), 1U);
  EXPECT_EQ(gauge("queueSize"), 0);
  finish(live()[0]);
  EXPECT_EQ(csv_state("x"), "idle");
}

// An async job's task ending is not the job's end; PUT task/{id} {"statusCode":0|n} is.
TEST_F(SandboxChronos2x, AsyncJobCompletesThroughTaskPut) {
  add_agent("a1.example.com");
  post(R"({"name":"x","command":"true","schedule":"R/2030-01-01T00:00:00Z/P1D","async":true,
           "retries":0})");
  ASSERT_EQ(call("PUT", "/scheduler/job/x").status, 204);
  tick();
  ASSERT_EQ(live().size(), 1U);
  const std::string task = live()[0];
  finish(task);
  EXPECT_EQ(job2("x")["successCount"], 0);
  EXPECT_EQ(csv_state("x"), "running");  // stays until the job reports

  EXPECT_EQ(call("PUT", "/scheduler/task/" + task, R"({"statusCode":0})").status, 204);
  EXPECT_EQ(job2("x")["successCount"], 1);
  EXPECT_EQ(csv_state("x"), "idle");
  EXPECT_EQ(call("PUT", "/scheduler/task/" + task, R"({"statusCode":2})").status, 204);
  EXPECT_EQ(job2("x")["errorCount"], 1);  // every call counts, retries 0: an error at once
  EXPECT_EQ(call("PUT", "/scheduler/task/not-a-task", R"({"statusCode":0})").status, 204);
  EXPECT_EQ(call("PUT", "/scheduler/task/" + task, "nonsense").status, 500);
  EXPECT_EQ(call("POST", "/scheduler/task/" + task, R"({"statusCode":0})").status, 405);
}

// JobScheduler.next: an occurrence missed by more than the job's epsilon is skipped (the
// stored schedule is left as it is); one missed by less is planned and runs late.
TEST_F(SandboxChronos2x, MissedRunsWithinEpsilonRunLate) {
  add_agent("a1.example.com");
  // Started ten minutes ago, hourly.
  post(R"({"name":"tight","command":"true","schedule":"R5/2024-06-01T07:50:00Z/PT1H"})");
  post(R"({"name":"loose","command":"true","schedule":"R5/2024-06-01T07:50:00Z/PT1H",
           "epsilon":"PT1H"})");
  EXPECT_EQ(job2("tight")["schedule"], "R5/2024-06-01T07:50:00Z/PT1H");
  EXPECT_EQ(job2("loose")["schedule"], "R4/2024-06-01T08:50:00.000Z/PT1H");
  tick();
  ASSERT_EQ(live().size(), 1U);
  EXPECT_NE(live()[0].find(":loose:"), std::string::npos) << live()[0];
  EXPECT_NE(live()[0].find("ct:1717228200000:0:"), std::string::npos) << live()[0];  // its due
}

// JobScheduler.scheduleStream plans every run due within the 60 s horizon at once; a start
// far in the past is skipped forward arithmetically (no hang on a tiny period); a zero
// period that needs skipping is 2.5's ArithmeticException, a 500.
TEST_F(SandboxChronos2x, PlansEveryRunInTheHorizonAndSkipsForward) {
  post(R"({"name":"often","command":"true","schedule":"R/2024-06-01T08:00:10Z/PT10S"})");
  // 08:00:10 … 08:00:50 are in (now - epsilon, now + 60 s): five runs planned at once.
  EXPECT_EQ(job2("often")["schedule"], "R/2024-06-01T08:01:00.000Z/PT10S");
  post(R"({"name":"old","command":"true","schedule":"R/1960-01-01T00:00:00Z/PT1S"})");
  EXPECT_EQ(job2("old")["schedule"], "R/2024-06-01T08:01:00.000Z/PT1S");
  post(R"({"name":"few","command":"true","schedule":"R3/2024-05-01T00:00:00Z/P1D"})");
  EXPECT_EQ(job2("few")["schedule"], "R3/2024-05-01T00:00:00Z/P1D");  // 31 skips > 3: no stream
  EXPECT_EQ(call("POST", "/scheduler/iso8601",
                 R"({"name":"zero","command":"true","schedule":"R/2024-05-01T00:00:00Z/PT0S"})")
                .status,
            500);
}

// 2.5 queues a trigger of a queued job too, but an offer round launches one task per job and
// drops the other: one run. A copy in the high queue comes up first, so a priority change
// plus a trigger moves the run.
TEST_F(SandboxChronos2x, ASecondTaskOfAJobIsDroppedInTheOfferRound) {
  post(R"({"name":"x","command":"true","schedule":"R/2030-01-01T00:00:00Z/P1D"})");
  post(R"({"name":"y","command":"true","schedule":"R/2030-01-01T00:00:00Z/P1D"})");
  ASSERT_EQ(call("PUT", "/scheduler/job/x").status, 204);
  ASSERT_EQ(call("PUT", "/scheduler/job/x").status, 204);
  ASSERT_EQ(call("PUT", "/scheduler/job/y").status, 204);
  // "Jump the queue": y becomes high priority and is triggered again.
  clock_ += 1;
  post(R"({"name":"y","command":"true","schedule":"R/2030-01-01T00:00:00Z/P1D","highPriority":true})");
  ASSERT_EQ(call("PUT", "/scheduler/job/y").status, 204);
  EXPECT_EQ(gauge("queueSize"), 3);
  EXPECT_EQ(gauge("highQueueSize"), 1);
  add_agent("a1.example.com");
  tick();
  ASSERT_EQ(live().size(), 2U);  // one x, one y
  EXPECT_EQ(gauge("queueSize"), 0);
  EXPECT_EQ(gauge("highQueueSize"), 0);
  // The high copy launched (the second trigger's, a second later); the normal one was dropped.
  const auto ids = live();
  EXPECT_NE(std::find(ids.begin(), ids.end(), "ct:1717228801000:0:y:"), ids.end()) << ids[0];
}

// 2.5's errors: bare 400/500 answers become Jetty's pages; names may hold spaces and '#';
// no 1970 limit; a new dependent job needs its parents; task/kill of an unknown job is a 500.
TEST_F(SandboxChronos2x, ErrorsAsChronos25) {
  post(R"({"name":"my job #1","command":"true","schedule":"R/2030-01-01T00:00:00Z/P1D"})");
  post(R"({"name":"old","command":"true","schedule":"R1/1960-01-01T00:00:00Z/P1D"})");
  http::Response bad = call("POST", "/scheduler/iso8601",
                            R"({"name":"z","command":"true","schedule":"every day"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("<h2>HTTP ERROR: 400</h2>"), std::string::npos) << bad.body;
  http::Response name = call("POST", "/scheduler/iso8601",
                             R"({"name":"a/b","command":"true","schedule":"R//P1D"})");
  EXPECT_EQ(name.status, 400);
  EXPECT_EQ(name.body,
            "requirement failed: the job's name is invalid. Allowed names: '([\\w\\s\\.#_-]+)'");
  http::Response orphan =
      call("POST", "/scheduler/dependency", R"({"name":"child","command":"true","parents":["nope"]})");
  EXPECT_EQ(orphan.status, 400);
  EXPECT_EQ(orphan.body, "requirement failed: Job child does not have all parents defined!");
  EXPECT_TRUE(job2("child").is_null());
  http::Response kill = call("DELETE", "/scheduler/task/kill/nope");
  EXPECT_EQ(kill.status, 500);
  EXPECT_NE(kill.body.find("HTTP ERROR: 500"), std::string::npos);
  EXPECT_EQ(call("GET", "/scheduler/job/old").status, 405);  // 2.5 has no GET job/{name}
}

}  // namespace
}  // namespace qctl::sandbox::chronos::testing
