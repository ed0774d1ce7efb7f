// SandboxMarathonSystem: /v2/info, /v2/leader, /ping, /metrics, fail-over and /v2/events.
#include <chrono>
#include <mutex>
#include <thread>

#include "tests/sandbox/marathon/fixture.h"

namespace qctl::sandbox::marathon::testing {
namespace {

using nlohmann::json;

class SandboxMarathonSystem : public MarathonTest {
 protected:
  void launch_and_run() {
    tick();  // StartApplication
    clock_ += 1;
    tick();  // ScaleApplication launches
    run_all();
  }
};

// Runs an SSE body in a thread and collects what it writes.
class StreamReader {
 public:
  StreamReader(Marathon& marathon, http::Response response)
      : marathon_(marathon), response_(std::move(response)) {
    thread_ = std::thread([this] {
      response_.stream([this](std::string_view chunk) {
        std::lock_guard guard(mu_);
        text_ += chunk;
        return true;
      });
      std::lock_guard guard(mu_);
      done_ = true;
    });
  }
  ~StreamReader() {
    marathon_.shutdown();  // ends the stream even when a test failed early
    if (thread_.joinable()) {
      thread_.join();
    }
  }
  bool wait_for(const std::function<bool(const std::string&, bool)>& pred) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      {
        std::lock_guard guard(mu_);
        if (pred(text_, done_)) {
          return true;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
  }
  std::string text() {
    std::lock_guard guard(mu_);
    return text_;
  }

 private:
  Marathon& marathon_;
  http::Response response_;
  std::mutex mu_;
  std::string text_;
  bool done_ = false;
  std::thread thread_;
};

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

TEST_F(SandboxMarathonSystem, InfoLeaderPingMetrics) {
  json info = body(call("GET", "/v2/info"));
  json want = json::parse(qctl::testing::read_fixture("marathon/info.json"));
  expect_same_shape(want, info, "info");
  EXPECT_EQ(info["marathon_config"]["master"], "http://127.0.0.1:5050");
  EXPECT_EQ(info["leader"], "localhost:8080");
  EXPECT_EQ(info["elected"], true);
  {
    auto lock = world_.lock();
    EXPECT_EQ(info["frameworkId"], world_.frameworks().at(0)->info.id);
  }
  http::Response leader = call("GET", "/v2/leader");
  EXPECT_EQ(leader.body, R"({"leader":"localhost:8080"})");
  EXPECT_EQ(header(leader, "X-Marathon-Leader"), "http://localhost:8080");
  http::Response ping = call("GET", "/ping");
  EXPECT_EQ(ping.body, "pong");
  EXPECT_EQ(ping.content_type.rfind("text/plain", 0), 0U);
  json metrics = body(call("GET", "/metrics"));
  for (const char* section : {"counters", "gauges", "histograms", "meters", "timers"}) {
    EXPECT_TRUE(metrics.contains(section)) << section;
  }
  EXPECT_EQ(call("GET", "/v2/nothing").status, 500);  // Jersey's NotFoundException quirk
}

TEST_F(SandboxMarathonSystem, AuthFailureIsJettysBasicChallenge) {
  http::Request req;
  req.path = "/v2/apps";
  const auto& auth = router_.auth();
  ASSERT_TRUE(auth.realm && auth.unauthorized);
  std::string realm = auth.realm(req);
  EXPECT_EQ(realm, "Mesosphere");
  http::Response r = auth.unauthorized(req, realm);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(header(r, "WWW-Authenticate"), "basic realm=\"Mesosphere\"");
}

TEST_F(SandboxMarathonSystem, AbdicationAnswers502UntilTheNewLeaderServes) {
  EXPECT_EQ(body(call("DELETE", "/v2/leader"))["message"], "Leadership abdicated");
  http::Response down = call("GET", "/v2/apps");
  EXPECT_EQ(down.status, 502);
  EXPECT_TRUE(has(down.body, "Could not determine the current leader"));
  clock_ += 3;
  EXPECT_EQ(call("GET", "/v2/apps").status, 200);
}

TEST_F(SandboxMarathonSystem, EventsNeedExactlyTextEventStream) {
  http::Response r = call("GET", "/v2/events", "", "", "application/json");
  EXPECT_EQ(r.status, 405);
  EXPECT_FALSE(r.stream);
  EXPECT_EQ(call("GET", "/v2/events", "", "", "text/event-stream, */*").status, 405);
}

TEST_F(SandboxMarathonSystem, EventsStreamAttachPostsAndStatusUpdates) {
  http::Response r = call("GET", "/v2/events", "", "", "text/event-stream");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type.rfind("text/event-stream", 0), 0U);
  ASSERT_TRUE(r.stream);
  StreamReader reader(*marathon_, std::move(r));
  ASSERT_TRUE(reader.wait_for([](const std::string& t, bool) {
    return t.rfind("event: event_stream_attached\r\ndata: {", 0) == 0;
  })) << reader.text();
  ASSERT_EQ(call("POST", "/v2/apps", R"({"id":"/e","cmd":"sleep 9"})").status, 201);
  launch_and_run();
  run_all();
  EXPECT_TRUE(reader.wait_for([](const std::string& t, bool) {
    return has(t, "event: api_post_event\r\n") && has(t, "event: deployment_info\r\n") &&
           has(t, "\"taskStatus\":\"TASK_RUNNING\"") && has(t, "\r\n\r\n\r\n");  // heartbeat
  })) << reader.text();
  {
    auto lock = world_.lock();
    marathon_->fail_over(1);
  }
  EXPECT_TRUE(reader.wait_for([](const std::string&, bool done) { return done; }));
}

TEST_F(SandboxMarathonSystem, EventTypeFilterAndShutdown) {
  StreamReader reader(
      *marathon_, call("GET", "/v2/events", "", "event_type=status_update_event", "text/event-stream"));
  ASSERT_EQ(call("POST", "/v2/apps", R"({"id":"/e","cmd":"sleep 9"})").status, 201);
  launch_and_run();
  EXPECT_TRUE(reader.wait_for([](const std::string& t, bool) {
    return has(t, "event: status_update_event\r\n");
  })) << reader.text();
  EXPECT_FALSE(has(reader.text(), "api_post_event"));
  EXPECT_FALSE(has(reader.text(), "event_stream_attached"));
  marathon_->shutdown();
  EXPECT_TRUE(reader.wait_for([](const std::string&, bool done) { return done; }));
}

}  // namespace
}  // namespace qctl::sandbox::marathon::testing
