// The libcurl transport against a real loopback server: batches, failures, headers, bodies.
#include "core/http/curl_transport.h"

#include <gtest/gtest.h>

#include "tests/support/fixture_server.h"

namespace qctl::http {
namespace {

using qctl::testing::CannedResponse;
using qctl::testing::FixtureServer;

TEST(CurlTransportTest, PerformAllKeepsInputOrderWithSeveralInFlight) {
  FixtureServer server;
  std::vector<Request> requests;
  for (int i = 0; i < 20; ++i) {
    const auto path = "/job/" + std::to_string(i);
    // Later requests answer sooner, so completion order differs from input order.
    server.set("GET", path,
               CannedResponse{200, std::to_string(i), "text/plain", {},
                              std::chrono::milliseconds((20 - i) * 5)});
    requests.push_back(get_request(server.url() + path));
  }
  requests.push_back(get_request("http://127.0.0.1:" + std::to_string(testing::closed_port()) + "/x"));
  CurlTransport transport;
  const auto results = transport.perform_all(requests, 8, {});
  ASSERT_EQ(results.size(), 21U);
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(results[static_cast<std::size_t>(i)].ok());
    EXPECT_EQ(results[static_cast<std::size_t>(i)].response->body, std::to_string(i));
  }
  EXPECT_FALSE(results[20].ok());
  EXPECT_EQ(results[20].failure, FailureKind::kConnect);
  EXPECT_EQ(server.requests().size(), 20U);
}

// Ctrl-C in a batch: once `stop` says so no new request starts, those in flight finish, and
// the rest come back as not sent (never half-sent).
TEST(CurlTransportTest, PerformAllStartsNothingOnceStopSaysSo) {
  FixtureServer server;
  std::vector<Request> requests;
  for (int i = 0; i < 10; ++i) {
    const auto path = "/job/" + std::to_string(i);
    server.set("POST", path, CannedResponse{204, "", "text/plain", {}, {}});
    Request r;
    r.method = Method::kPost;
    r.url = server.url() + path;
    requests.push_back(std::move(r));
  }
  CurlTransport transport;
  int asked = 0;
  const auto results = transport.perform_all(requests, 2, [&] { return ++asked > 3; });
  ASSERT_EQ(results.size(), 10U);
  for (std::size_t i = 0; i < 3; ++i) {
    ASSERT_TRUE(results[i].ok()) << i;
    EXPECT_EQ(results[i].response->status, 204);
  }
  for (std::size_t i = 3; i < 10; ++i) {
    EXPECT_FALSE(results[i].ok()) << i;
    EXPECT_EQ(results[i].failure, FailureKind::kNotSent) << i;
  }
  EXPECT_EQ(server.requests().size(), 3U);
}

TEST(CurlTransportTest, SendsMethodBodyAndHeadersAndReadsResponseHeaders) {
  FixtureServer server;
  server.set("PUT", "/v2/apps/web",
             CannedResponse{200, R"({"version":"v","deploymentId":"d"})", "application/json",
                            {{"Marathon-Deployment-Id", "d"}}, {}});
  CurlTransport transport;
  Request r;
  r.method = Method::kPut;
  r.url = server.url() + "/v2/apps/web?force=true";
  r.body = R"({"instances":3})";
  r.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer t"}};
  const auto result = transport.perform(r);
  ASSERT_TRUE(result.ok()) << result.failure_message;
  EXPECT_EQ(result.response->status, 200);
  EXPECT_EQ(result.response->header("marathon-deployment-id"), "d");
  EXPECT_EQ(server.requests().at(0), "PUT /v2/apps/web?force=true");
  EXPECT_EQ(server.authorizations().at(0), "Bearer t");
}

TEST(CurlTransportTest, DoesNotFollowRedirectsItself) {
  FixtureServer server;
  server.set("GET", "/master/state",
             CannedResponse{307, "", "text/plain", {{"Location", "//elsewhere:5050/master/state"}}, {}});
  CurlTransport transport;
  const auto result = transport.perform(get_request(server.url() + "/master/state"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.response->status, 307);
  EXPECT_EQ(result.response->header("Location"), "//elsewhere:5050/master/state");
}

TEST(CurlTransportTest, TimesOutOnAHangingServer) {
  FixtureServer server;
  server.set("GET", "/slow",
             CannedResponse{200, "late", "text/plain", {}, std::chrono::milliseconds(5000)});
  CurlTransport transport;
  Request r = get_request(server.url() + "/slow");
  r.timeout = std::chrono::milliseconds(200);
  const auto result = transport.perform(r);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.failure, FailureKind::kTimeout);
}

}  // namespace
}  // namespace qctl::http
