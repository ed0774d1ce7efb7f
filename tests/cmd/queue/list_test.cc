// `qctl queue list` against recorded Chronos and Marathon payloads.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cmd/queue/queue_cli.h"

namespace qctl::testing {
namespace {

using http::Method;

void serve_recorded_chronos(FakeTransport& t) {
  t.get_fixture(chronos_url("/v1/scheduler/leader"), "chronos/leader.json");
  t.get_fixture(chronos_url("/v1/scheduler/jobs"), "chronos/jobs.json");
  t.get_fixture(chronos_url("/v1/scheduler/jobs/summary"), "chronos/jobs-summary.json");
  t.get_fixture(chronos_url("/metrics"), "chronos/metrics.json");
}

TEST(QueueListCmdTest, ChronosQueuesGaugesAndMarathonsLaunchQueue) {
  FakeTransport t;
  serve_recorded_chronos(t);
  t.get_fixture(std::string(kQueueMarathon) + "/v2/queue", "marathon/marathon-queue-response.json");
  const auto r = run_queue_cli(t, {"queue", "list"}, both_services());
  ASSERT_EQ(r.code, 0) << r.err;
  // billing-export (highPriority) was due at 02:00+08:00 = 18:00Z, five minutes ago.
  EXPECT_EQ(
      r.out,
      R"(QUEUE          NAME                   WAITING   DELAY     BLOCKED BY                                          SINCE
chronos/high   billing-export               1   -         <none>                                              5m
marathon       /tools/datadog-agent         1   overdue   <none>                                              8y
marathon       /foo                         2   overdue   InsufficientCpus 75/123, InsufficientMemory 15/48   8y

Chronos queues (/metrics): high 1, normal 0
)") << r.out;
  EXPECT_EQ(r.err, "");
}

TEST(QueueListCmdTest, JsonIsOneDocumentWithBothPartsAndTheGauges) {
  FakeTransport t;
  serve_recorded_chronos(t);
  t.get_fixture(std::string(kQueueMarathon) + "/v2/queue", "marathon/marathon-queue-response.json");
  const auto r = run_queue_cli(t, {"queue", "list", "-o", "json"}, both_services());
  ASSERT_EQ(r.code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["chronos"]["gauges"], (nlohmann::json{{"high", 1.0}, {"normal", 0.0}}));
  ASSERT_EQ(doc["chronos"]["high"].size(), 1u);
  EXPECT_EQ(doc["chronos"]["high"][0]["name"], "billing-export");
  EXPECT_EQ(doc["chronos"]["high"][0]["since"], "2024-05-31T18:00:00Z");
  EXPECT_EQ(doc["chronos"]["high"][0]["waited_seconds"], 300.0);
  EXPECT_TRUE(doc["chronos"]["normal"].empty());
  ASSERT_EQ(doc["marathon"].size(), 2u);
  EXPECT_EQ(doc["marathon"][1]["app_id"], "/foo");
  EXPECT_EQ(doc["marathon"][1]["blocked_by"],
            (nlohmann::json{"InsufficientCpus", "InsufficientMemory", "InsufficientDisk"}));
}

TEST(QueueListCmdTest, OnlyChronosConfiguredAndANameGlob) {
  FakeTransport t;
  serve_recorded_chronos(t);
  const auto r = run_queue_cli(t, {"queue", "list", "billing-*", "-o", "yaml"},
                               {{"QCTL_CHRONOS", kQueueChronos}});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("marathon: null"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("name: billing-export"), std::string::npos) << r.out;
}

TEST(QueueListCmdTest, OnlyMarathonConfiguredNamesApps) {
  FakeTransport t;
  t.get_fixture(std::string(kQueueMarathon) + "/v2/queue", "marathon/marathon-queue-response.json");
  const auto r =
      run_queue_cli(t, {"queue", "list", "-o", "name"}, {{"QCTL_MARATHON", kQueueMarathon}});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "app/tools/datadog-agent\napp/foo\n");
}

// Marathon down: the Chronos queues are still listed, the failure on stderr and its exit code
// (as `qctl status` shows the part that answers).
TEST(QueueListCmdTest, OneServiceDownStillListsTheOther) {
  FakeTransport t;
  serve_recorded_chronos(t);
  t.fail(Method::kGet, std::string(kQueueMarathon) + "/v2/queue", http::FailureKind::kConnect,
         "Connection refused", true);
  const auto r = run_queue_cli(t, {"queue", "list", "-o", "name"}, both_services());
  EXPECT_EQ(r.code, 5) << r.err;
  EXPECT_EQ(r.out, "job/billing-export\n");
  EXPECT_NE(r.err.find("qctl: marathon: "), std::string::npos) << r.err;
}

// A NAME that is no job and no app is a typo (exit 3), not "Nothing is waiting".
TEST(QueueListCmdTest, AnUnknownNameIsNotFound) {
  FakeTransport t;
  serve_recorded_chronos(t);
  const auto r =
      run_queue_cli(t, {"queue", "list", "nosuch-job"}, {{"QCTL_CHRONOS", kQueueChronos}});
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no Chronos job or Marathon app named 'nosuch-job'"), std::string::npos)
      << r.err;
  FakeTransport idle;
  serve_recorded_chronos(idle);
  EXPECT_EQ(run_queue_cli(idle, {"queue", "list", "cleanup-tmp"}, {{"QCTL_CHRONOS", kQueueChronos}})
                .code,
            0);  // a job that exists but does not wait
}

TEST(QueueListCmdTest, EmptyQueuesSayNothingIsWaiting) {
  FakeTransport t;
  t.get_fixture(chronos_url("/v1/scheduler/leader"), "chronos/leader.json");
  t.on(Method::kGet, chronos_url("/v1/scheduler/jobs"), 200, "[]");
  t.on(Method::kGet, chronos_url("/v1/scheduler/jobs/summary"), 200, R"({"jobs":[]})");
  t.on(Method::kGet, chronos_url("/metrics"), 200,
       R"({"gauges":{"org.apache.mesos.chronos.scheduler.jobs.TaskManager.highQueueSize":)"
       R"({"value":0},"org.apache.mesos.chronos.scheduler.jobs.TaskManager.queueSize":)"
       R"({"value":0}}})");
  t.on(Method::kGet, std::string(kQueueMarathon) + "/v2/queue", 200, R"({"queue":[]})");
  const auto r = run_queue_cli(t, {"queue", "list"}, both_services());
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "Nothing is waiting.\n");
}

TEST(QueueListCmdTest, Chronos2xDerivesStatesFromTheGraphAndWarnsWithoutGauges) {
  FakeTransport t;
  t.on(Method::kGet, chronos_url("/v1/scheduler/leader"), 404, "");
  t.get_fixture(chronos_url("/scheduler/leader"), "chronos/leader.json");
  t.get_fixture(chronos_url("/scheduler/jobs"), "chronos/jobs.json");
  t.get_fixture(chronos_url("/scheduler/graph/csv"), "chronos/graph.csv");
  t.on(Method::kGet, chronos_url("/metrics"), 200, R"({"version":"3.0.0","gauges":{}})");
  const auto r = run_queue_cli(t, {"queue", "list"}, {{"QCTL_CHRONOS", kQueueChronos}});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("chronos/high   billing-export"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Chronos queues"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("warning: could not read the queue gauges"), std::string::npos) << r.err;
}

TEST(QueueListCmdTest, NeitherServiceConfiguredIsAUsageError) {
  FakeTransport t;
  const auto r = run_queue_cli(t, {"queue", "list"}, {{"QCTL_MESOS", "http://mesos:5050"}});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("neither Chronos nor Marathon is configured"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace qctl::testing
