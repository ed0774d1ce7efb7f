#include "core/health/gather.h"

#include <gtest/gtest.h>

#include "tests/support/fake_transport.h"

namespace qctl::health {
namespace {

using http::Method;
using qctl::testing::FakeTransport;

constexpr const char* kVersion = R"({"version":"1.11.0"})";

struct GatherMesosTest : ::testing::Test {
  FakeTransport t;
  FakeClock clock;

  void leader_answers_metrics(int status, const std::string& body) {
    t.on(Method::kGet, "http://m1:5050/version", 200, kVersion, {}, true);
    t.on(Method::kGet, "http://m1:5050/master/redirect", 307, "",
         {{"Location", "//m1:5050/master/redirect"}}, true);
    t.on(Method::kGet, "http://m1:5050/metrics/snapshot", status, body, {}, true);
  }
};

TEST_F(GatherMesosTest, ReadsTheLeadersElectedGauge) {
  leader_answers_metrics(200, R"({"master/elected":1.0})");
  http::Client http{t, clock, {}};
  const auto facts = gather_mesos({"http://m1:5050"}, http, http);
  ASSERT_EQ(facts.masters.size(), 1U);
  EXPECT_EQ(facts.masters[0].leader, "http://m1:5050");
  ASSERT_TRUE(facts.elected.has_value());
  EXPECT_DOUBLE_EQ(*facts.elected, 1.0);
  EXPECT_TRUE(facts.metrics_error.empty());
}

// The metrics error reads like every other command's: the status, and why a password with a
// ':' can never authenticate against libprocess (never the password itself).
TEST_F(GatherMesosTest, AMetrics401WithAColonInThePasswordSaysWhy) {
  leader_answers_metrics(401, "401 Unauthorized.");
  http::ClientOptions options;
  options.auth.user = "ops";
  options.auth.password = "pa:ss";
  http::Client http{t, clock, options};
  const auto facts = gather_mesos({"http://m1:5050"}, http, http);
  EXPECT_NE(facts.metrics_error.find("GET /metrics/snapshot: HTTP 401"), std::string::npos)
      << facts.metrics_error;
  EXPECT_NE(facts.metrics_error.find("never accepts a password containing ':'"),
            std::string::npos)
      << facts.metrics_error;
  EXPECT_EQ(facts.metrics_error.find("pa:ss"), std::string::npos);
  EXPECT_FALSE(facts.elected.has_value());
}

TEST_F(GatherMesosTest, AMetrics500IsReportedWithTheServersMessage) {
  leader_answers_metrics(500, "Failed to collect metrics\nmore");
  http::ClientOptions options;
  options.retry.tries = 1;
  http::Client http{t, clock, options};
  const auto facts = gather_mesos({"http://m1:5050"}, http, http);
  EXPECT_EQ(facts.metrics_error,
            "GET /metrics/snapshot: HTTP 500 Internal Server Error: Failed to collect metrics");
}

}  // namespace
}  // namespace qctl::health
