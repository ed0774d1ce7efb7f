// One deadline over a chain of requests: every timeout cut to the time left, "no limit"
// included.
#include "core/http/deadline_transport.h"

#include <gtest/gtest.h>

#include <vector>

namespace qctl::http {
namespace {

class RecordingTransport final : public Transport {
 public:
  Result perform(const Request& request) override {
    seen.push_back(request);
    Result r;
    r.response = Response{};
    r.response->status = 200;
    return r;
  }
  std::vector<Request> seen;
};

TEST(DeadlineTransportTest, AStreamWithoutATimeoutGetsTheTimeLeft) {
  RecordingTransport inner;
  DeadlineTransport budget(inner, std::chrono::steady_clock::now() + std::chrono::seconds(2));
  auto stream = get_request("http://marathon:8080/v2/events");
  stream.timeout = std::chrono::milliseconds(0);  // no limit: a stream
  (void)budget.perform(stream);
  ASSERT_EQ(inner.seen.size(), 1U);
  EXPECT_GT(inner.seen[0].timeout.count(), 0);
  EXPECT_LE(inner.seen[0].timeout.count(), 2000);
  EXPECT_LE(inner.seen[0].connect_timeout.count(), 2000);
}

TEST(DeadlineTransportTest, ShorterTimeoutsStayAsTheyAre) {
  RecordingTransport inner;
  DeadlineTransport budget(inner, std::chrono::steady_clock::now() + std::chrono::hours(1));
  auto request = get_request("http://m1:5050/state");
  request.timeout = std::chrono::milliseconds(1500);
  request.connect_timeout = std::chrono::milliseconds(700);
  (void)budget.perform(request);
  ASSERT_EQ(inner.seen.size(), 1U);
  EXPECT_EQ(inner.seen[0].timeout.count(), 1500);
  EXPECT_EQ(inner.seen[0].connect_timeout.count(), 700);
  EXPECT_FALSE(budget.expired());
}

}  // namespace
}  // namespace qctl::http
