#include "core/http/client.h"

#include <gtest/gtest.h>

#include <sstream>

#include "core/error.h"
#include "tests/support/fake_transport.h"

namespace qctl::http {
namespace {

using qctl::testing::FakeTransport;

TEST(HttpClientTest, RetriesGetOnConnectionErrorsThenSucceeds) {
  FakeTransport t;
  FakeClock clock;
  t.fail(Method::kGet, "http://h/x", FailureKind::kConnect)
      .fail(Method::kGet, "http://h/x", FailureKind::kTimeout, "Operation timed out")
      .on(Method::kGet, "http://h/x", 200, "ok");
  Client client(t, clock, {});
  EXPECT_EQ(client.send(get_request("http://h/x")).body, "ok");
  EXPECT_EQ(t.requests().size(), 3U);
  EXPECT_GT(clock.slept().count(), 0);  // backed off between tries
}

TEST(HttpClientTest, RetriesGetOn5xxButNotOn4xx) {
  FakeTransport t;
  FakeClock clock;
  t.on(Method::kGet, "http://h/x", 502, "bad gateway").on(Method::kGet, "http://h/x", 200, "ok");
  t.on(Method::kGet, "http://h/y", 404, "nope");
  Client client(t, clock, {});
  EXPECT_EQ(client.send(get_request("http://h/x")).status, 200);
  EXPECT_EQ(client.send(get_request("http://h/y")).status, 404);
  EXPECT_EQ(t.requests().size(), 3U);
}

TEST(HttpClientTest, NeverRetriesPostBlindly) {
  FakeTransport t;
  FakeClock clock;
  t.fail(Method::kPost, "http://h/x", FailureKind::kConnect);
  Client client(t, clock, {});
  Request r;
  r.method = Method::kPost;
  r.url = "http://h/x";
  EXPECT_THROW(client.send(r), NetworkError);
  EXPECT_EQ(t.requests().size(), 1U);
}

TEST(HttpClientTest, BoundedTriesEndInNetworkErrorNamingTheRequest) {
  FakeTransport t;
  FakeClock clock;
  t.fail(Method::kGet, "http://h/x", FailureKind::kConnect, "Connection refused", true);
  ClientOptions options;
  options.retry.tries = 3;
  Client client(t, clock, options);
  try {
    client.send(get_request("http://h/x"));
    FAIL() << "expected NetworkError";
  } catch (const NetworkError& e) {
    EXPECT_EQ(e.line(), "GET http://h/x: connection refused");
    EXPECT_EQ(e.code(), ExitCode::kNetwork);
  }
  EXPECT_EQ(t.requests().size(), 3U);
  EXPECT_LE(clock.slept().count(), 2 * 3000);  // never more than max_delay per back-off
}

TEST(HttpClientTest, SendsBasicAuthAndUserAgentAndRedactsThemInTheTrace) {
  FakeTransport t;
  FakeClock clock;
  t.on(Method::kGet, "http://h/x", 200, "{}");
  std::ostringstream trace;
  ClientOptions options;
  options.auth.user = "ops";
  options.auth.password = "s3cret";
  options.trace = &trace;
  Client client(t, clock, options);
  client.send(get_request("http://h/x"));
  const auto headers = t.requests().at(0).headers;
  bool saw_auth = false;
  bool saw_agent = false;
  for (const auto& [name, value] : headers) {
    saw_auth |= name == "Authorization" && value == "Basic b3BzOnMzY3JldA==";
    saw_agent |= name == "User-Agent" && value.rfind("qctl/", 0) == 0;
  }
  EXPECT_TRUE(saw_auth);
  EXPECT_TRUE(saw_agent);
  EXPECT_NE(trace.str().find("Authorization: Basic <redacted>"), std::string::npos);
  EXPECT_EQ(trace.str().find("b3BzOnMzY3JldA"), std::string::npos);
  EXPECT_NE(trace.str().find("< GET http://h/x 200"), std::string::npos);
}

TEST(HttpClientTest, SendsBearerTokenWhenConfigured) {
  FakeTransport t;
  FakeClock clock;
  t.on(Method::kGet, "http://h/x", 200, "{}");
  ClientOptions options;
  options.auth.token = "tok";
  Client client(t, clock, options);
  client.send(get_request("http://h/x"));
  bool saw = false;
  const auto headers = t.requests().at(0).headers;
  for (const auto& [name, value] : headers) {
    saw |= name == "Authorization" && value == "Bearer tok";
  }
  EXPECT_TRUE(saw);
}

TEST(HttpClientTest, DescribesFailuresInPlainWords) {
  Result r;
  r.failure = FailureKind::kTls;
  r.failure_message = "SSL certificate problem: self-signed certificate";
  EXPECT_EQ(describe_failure(r), "TLS failure: SSL certificate problem: self-signed certificate");
  r.failure = FailureKind::kConnect;
  r.failure_message = "Failed to connect to 127.0.0.1 port 1: Connection refused";
  EXPECT_EQ(describe_failure(r), "connection refused");
}

}  // namespace
}  // namespace qctl::http
