// EventStream on recorded Marathon SSE frames: the exact Accept header, event_type filters,
// reconnection with back-off after a closed stream, a leader change (502) and refusals.
#include "core/marathon/events.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "tests/support/fake_transport.h"

namespace qctl::marathon {
namespace {

using http::Method;

const std::string kAttached =
    "event: event_stream_attached\r\ndata: {\"remoteAddress\":\"10.0.0.9\","
    "\"eventType\":\"event_stream_attached\",\"timestamp\":\"2024-05-01T10:00:00.000Z\"}\r\n\r\n";
const std::string kRunning =
    "event: status_update_event\r\ndata: {\"slaveId\":\"a1-S0\",\"taskId\":\"web.instance-1._app.1\","
    "\"taskStatus\":\"TASK_RUNNING\",\"message\":\"\",\"appId\":\"/web\",\"host\":\"10.0.1.1\","
    "\"ipAddresses\":[],\"ports\":[31000],\"version\":\"2024-05-01T09:59:00.000Z\","
    "\"eventType\":\"status_update_event\",\"timestamp\":\"2024-05-01T10:00:01.000Z\"}\r\n\r\n";

struct Harness {
  testing::FakeTransport fake;
  FakeClock clock;
  http::Client client{fake, clock, http::ClientOptions{}};
  std::vector<std::string> types_seen;
  std::vector<StreamNotice> notices;

  void run(std::vector<std::string> urls, EventStreamOptions options, std::size_t stop_after) {
    EventStream stream(client, std::move(urls), clock, std::move(options));
    stream.run(
        [&](const SseEvent& e) {
          types_seen.push_back(e.type);
          return types_seen.size() < stop_after;
        },
        [&](const StreamNotice& n) { notices.push_back(n); });
  }
};

TEST(EventsStreamTest, SendsTheExactAcceptHeaderAndEventTypeFilters) {
  Harness h;
  const std::string url =
      "http://m1:8080/v2/events?event_type=status_update_event&event_type=deployment_info";
  h.fake.on(Method::kGet, url, 200, kAttached + kRunning);
  EventStreamOptions options;
  options.types = {"status_update_event", "deployment_info"};
  h.run({"http://m1:8080"}, options, 2);
  EXPECT_EQ(h.types_seen, (std::vector<std::string>{"event_stream_attached",
                                                    "status_update_event"}));
  const auto requests = h.fake.requests();
  const auto& request = requests.at(0);
  int accepts = 0;
  for (const auto& [name, value] : request.headers) {
    if (name == "Accept") {
      ++accepts;
      EXPECT_EQ(value, "text/event-stream");
    }
  }
  EXPECT_EQ(accepts, 1);
  ASSERT_EQ(h.notices.size(), 1U);
  EXPECT_EQ(h.notices[0].kind, StreamNotice::Kind::kConnected);
}

TEST(EventsStreamTest, ReconnectsWithBackoffAfterCloseAndDuringALeaderChange) {
  Harness h;
  const std::string url = "http://m1:8080/v2/events";
  h.fake.on(Method::kGet, url, 200, kAttached);  // stream closed by an abdication
  h.fake.on(Method::kGet, url, 502, "<html>Could not determine the current leader</html>");
  h.fake.on(Method::kGet, url, 502, "<html>Could not determine the current leader</html>");
  h.fake.on(Method::kGet, url, 200, kAttached + kRunning);
  h.run({"http://m1:8080"}, {}, 3);
  EXPECT_EQ(h.types_seen.size(), 3U);
  ASSERT_EQ(h.notices.size(), 5U);
  EXPECT_EQ(h.notices[1].kind, StreamNotice::Kind::kLost);
  EXPECT_EQ(h.notices[1].reason, "closed by the server");
  EXPECT_EQ(h.notices[1].retry_in, std::chrono::milliseconds(500));
  EXPECT_EQ(h.notices[2].reason, "HTTP 502");
  EXPECT_EQ(h.notices[2].retry_in, std::chrono::milliseconds(1000));
  EXPECT_EQ(h.notices[3].retry_in, std::chrono::milliseconds(2000));
  EXPECT_EQ(h.notices[4].kind, StreamNotice::Kind::kReconnected);
  EXPECT_EQ(describe(h.notices[2]),
            "event stream from http://m1:8080/v2/events lost (HTTP 502); reconnecting in 1s");
  EXPECT_EQ(h.clock.slept(), std::chrono::milliseconds(3500));
}

TEST(EventsStreamTest, ConnectionRefusedMovesToTheNextUrl) {
  Harness h;
  h.fake.fail(Method::kGet, "http://m1:8080/v2/events", http::FailureKind::kConnect,
              "Connection refused", true);
  h.fake.on(Method::kGet, "http://m2:8080/v2/events", 200, kAttached);
  h.run({"http://m1:8080", "http://m2:8080"}, {}, 1);
  ASSERT_EQ(h.types_seen.size(), 1U);
  EXPECT_EQ(h.notices.at(0).kind, StreamNotice::Kind::kLost);
  EXPECT_EQ(h.notices.at(0).reason, "connection refused");
}

TEST(EventsStreamTest, NeverAnsweringFailsInsteadOfHanging) {
  Harness h;
  h.fake.fail(Method::kGet, "http://m1:8080/v2/events", http::FailureKind::kConnect,
              "Connection refused", true);
  EXPECT_THROW(h.run({"http://m1:8080"}, {}, 1), NetworkError);
}

TEST(EventsStreamTest, RefusedAcceptHeaderAndAuthAreErrors) {
  Harness h;
  h.fake.on(Method::kGet, "http://m1:8080/v2/events", 405, "<html>HTTP method GET</html>");
  EXPECT_THROW(h.run({"http://m1:8080"}, {}, 1), ApiError);
  Harness h2;
  h2.fake.on(Method::kGet, "http://m1:8080/v2/events", 401, R"({"message":"Invalid username"})");
  EXPECT_THROW(h2.run({"http://m1:8080"}, {}, 1), AuthError);
  Harness h3;  // a wrong base path: exit 3 like every other 404
  h3.fake.on(Method::kGet, "http://m1:8080/v2/events", 404, R"({"message":"Not found"})");
  EXPECT_THROW(h3.run({"http://m1:8080"}, {}, 1), NotFoundError);
}

TEST(EventsStreamTest, BackoffDoublesUpToTheCapAndResets) {
  Backoff b(ReconnectPolicy{std::chrono::milliseconds(500), std::chrono::milliseconds(3000), 3});
  EXPECT_EQ(b.next(), std::chrono::milliseconds(500));
  EXPECT_EQ(b.next(), std::chrono::milliseconds(1000));
  EXPECT_EQ(b.next(), std::chrono::milliseconds(2000));
  EXPECT_EQ(b.next(), std::chrono::milliseconds(3000));
  EXPECT_EQ(b.next(), std::chrono::milliseconds(3000));
  b.reset();
  EXPECT_EQ(b.next(), std::chrono::milliseconds(500));
}

}  // namespace
}  // namespace qctl::marathon
