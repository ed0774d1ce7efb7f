// `qctl events` against the sandbox's Marathon (/v2/events, real SSE): a scale-up, a failing
// task, and reconnection after a Marathon leader failover.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/logs_support.h"
#include "tests/integration/sandbox_app_support.h"
#include "tests/integration/sandbox_status_support.h"

namespace qctl::testing {
namespace {

class EventsSandboxTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cluster_ = new SandboxCluster({"--agents", "1", "--isolation", "none"});
  }
  static void TearDownTestSuite() {
    delete cluster_;
    cluster_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(c().sb.ok()) << c().sb.error(); }

  static const SandboxCluster& c() { return *cluster_; }
  static std::map<std::string, std::string> env() { return user_env(c().sb, c().home); }
  static std::string app(const std::string& id, const std::string& cmd, int instances) {
    return nlohmann::json{{"id", id},         {"cmd", cmd},       {"cpus", 0.1},
                          {"mem", 32},        {"instances", instances},
                          {"backoffSeconds", 0.1}}
        .dump();
  }
  /// The NDJSON lines of `out` parsed.
  static std::vector<nlohmann::json> events_of(const std::string& out) {
    std::vector<nlohmann::json> docs;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
      docs.push_back(nlohmann::json::parse(line, nullptr, false));
    }
    return docs;
  }
  static std::size_t count(const std::string& out, const std::string& type,
                           const std::string& field, const std::string& value) {
    std::size_t n = 0;
    for (const auto& e : events_of(out)) {
      n += e.value("eventType", "") == type && e.value(field, "") == value ? 1 : 0;
    }
    return n;
  }

  static inline SandboxCluster* cluster_ = nullptr;
};

TEST_F(EventsSandboxTest, ScaleUpShowsTasksStartingAndTheDeploymentAsLines) {
  BackgroundQctl ev({"events"}, env());
  ASSERT_TRUE(ev.wait_out("event_stream_attached")) << ev.err();
  c().create_app(app("/scaled", "exec sleep 600", 1));
  ASSERT_TRUE(ev.wait_out(" deployment_success ")) << ev.out() << ev.err();
  // That success may be another test's app (any order): wait for /scaled's own deployment.
  ASSERT_TRUE(eventually([] {
    const auto a = marathon_app(c(), "scaled");
    return a.is_object() && a.contains("deployments") && a["deployments"].empty();
  }));
  const auto first_deployment = ev.out().size();
  const auto reply = http_call("PUT", c().sb.marathon() + "/v2/apps/scaled", R"({"instances":2})",
                               {{"Content-Type", "application/json"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  // One line per event: TIME TYPE APP TASK STATE HOST MESSAGE.
  const auto running_lines = [&] {
    std::size_t n = 0;
    std::istringstream in(ev.out());
    for (std::string line; std::getline(in, line);) {
      n += line.find(" status_update_event ") != std::string::npos &&
                   line.find(" /scaled ") != std::string::npos &&
                   line.find(" scaled.instance-") != std::string::npos &&
                   line.find(" TASK_RUNNING ") != std::string::npos
               ? 1
               : 0;
    }
    return n;
  };
  ASSERT_TRUE(eventually([&] { return running_lines() >= 2; })) << ev.out();
  EXPECT_TRUE(eventually([&] {
    return ev.out().find(" deployment_success ", first_deployment) != std::string::npos;
  })) << ev.out();
  EXPECT_EQ(ev.interrupt(), 130);
  EXPECT_EQ(ev.out().rfind("TIME ", 0), 0U) << ev.out();
}

TEST_F(EventsSandboxTest, FailingTaskIsAStatusUpdateInNdjson) {
  BackgroundQctl ev({"events", "-o", "json", "--type", "status_update_event", "--type",
                     "event_stream_attached"},
                    env());
  ASSERT_TRUE(ev.wait_out("event_stream_attached")) << ev.err();
  c().create_app(app("/failing", "echo bye; exit 2", 1));
  ASSERT_TRUE(eventually([&] {
    return count(ev.out(), "status_update_event", "taskStatus", "TASK_FAILED") > 0;
  })) << ev.out();
  ev.interrupt();
  for (const auto& e : events_of(ev.out())) {
    ASSERT_FALSE(e.is_discarded());
    const auto type = e.value("eventType", "");
    EXPECT_TRUE(type == "status_update_event" || type == "event_stream_attached") << type;
    if (e.value("taskStatus", "") == "TASK_FAILED") {
      EXPECT_EQ(e.value("appId", ""), "/failing");
      EXPECT_FALSE(e.value("taskId", "").empty());
    }
  }
  http_call("DELETE", c().sb.marathon() + "/v2/apps/failing");
}

TEST_F(EventsSandboxTest, ReconnectsAfterAMarathonFailoverAndSaysSo) {
  BackgroundQctl ev({"events", "-o", "json"}, env());
  ASSERT_TRUE(ev.wait_out("event_stream_attached")) << ev.err();
  c().admin("marathon/failover", R"({"downtime_seconds": 1})");
  ASSERT_TRUE(ev.wait_err("event stream from ")) << ev.err();
  EXPECT_NE(ev.err().find("lost (closed by the server)"), std::string::npos) << ev.err();
  ASSERT_TRUE(ev.wait_err("event stream reconnected to ", std::chrono::seconds(15))) << ev.err();
  // Events flow again on the new connection.
  c().create_app(app("/after-failover", "exec sleep 600", 1));
  EXPECT_TRUE(eventually([&] {
    return count(ev.out(), "api_post_event", "uri", "/v2/apps") > 0;
  })) << ev.out();
  ev.interrupt();
}

}  // namespace
}  // namespace qctl::testing
