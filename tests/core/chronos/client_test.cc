#include "core/chronos/client.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "tests/support/fake_transport.h"

namespace qctl::chronos {
namespace {

using config::ChronosApi;
using http::Method;
using qctl::testing::read_fixture;

constexpr const char* kBase = "http://chronos:4400";

std::string url(const std::string& path) { return std::string(kBase) + path; }

template <class E, class F>
E expect_error(F&& fn) {
  try {
    fn();
  } catch (const E& e) {
    return e;
  }
  ADD_FAILURE() << "expected an error";
  return E("", "");
}

bool has_header(const http::Request& r, const std::string& name, const std::string& value) {
  return std::any_of(r.headers.begin(), r.headers.end(),
                     [&](const auto& h) { return h.first == name && h.second == value; });
}

class ChronosClientTest : public ::testing::Test {
 protected:
  FakeClock clock;
  qctl::testing::FakeTransport t;
  http::Client http{t, clock, {}};
  Client v3{http, {kBase}, ChronosApi::kV3};
};

TEST_F(ChronosClientTest, ExplicitVersionsNeedNoDetection) {
  Client v2(http, {kBase}, ChronosApi::kV2);
  EXPECT_EQ(v3.prefix(), "/v1/scheduler");
  EXPECT_EQ(v2.prefix(), "/scheduler");
  EXPECT_TRUE(t.requests().empty());
}

TEST_F(ChronosClientTest, AutoDetectsChronos3Once) {
  Client c(http, {kBase}, ChronosApi::kAuto);
  t.get_fixture(url("/v1/scheduler/leader"), "chronos/leader.json");
  t.get_fixture(url("/v1/scheduler/jobs"), "chronos/jobs.json");
  t.get_fixture(url("/v1/scheduler/jobs/summary"), "chronos/jobs-summary.json");
  EXPECT_EQ(c.jobs().size(), 5u);
  EXPECT_EQ(c.summary().size(), 5u);
  EXPECT_EQ(c.prefix(), "/v1/scheduler");
  EXPECT_EQ(t.requests().size(), 3u);
}

TEST_F(ChronosClientTest, AutoDetectsChronos2AndDerivesTheSummary) {
  Client c(http, {kBase}, ChronosApi::kAuto);
  t.on(Method::kGet, url("/v1/scheduler/leader"), 404,
       "<html><head><title>Error 404 Not Found</title></head></html>");
  t.get_fixture(url("/scheduler/leader"), "chronos/leader.json");
  t.get_fixture(url("/scheduler/jobs"), "chronos/jobs.json");
  t.on(Method::kGet, url("/scheduler/graph/csv"), 200, read_fixture("chronos/graph.csv"),
       {{"Content-Type", "text/plain"}});
  const auto s = c.summary();
  EXPECT_EQ(c.prefix(), "/scheduler");
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[1].name, "billing-export");
  EXPECT_EQ(s[1].state, "queued");
  EXPECT_EQ(s[4].status, "failure");
}

TEST_F(ChronosClientTest, AutoDetectionFailsClearlyOnSomethingElse) {
  Client c(http, {kBase}, ChronosApi::kAuto);
  t.on(Method::kGet, url("/v1/scheduler/leader"), 404, "Not Found");
  t.on(Method::kGet, url("/scheduler/leader"), 404, "Not Found");
  const auto e = expect_error<ApiError>([&] { (void)c.prefix(); });
  EXPECT_NE(std::string(e.what()).find("not a Chronos API"), std::string::npos) << e.what();
}

TEST_F(ChronosClientTest, AutoDetectionUnauthorizedIsAuthError) {
  Client c(http, {kBase}, ChronosApi::kAuto);
  t.on(Method::kGet, url("/v1/scheduler/leader"), 401, "");
  EXPECT_THROW((void)c.jobs(), AuthError);
}

TEST_F(ChronosClientTest, UnknownJobIsNotFound) {
  t.on(Method::kGet, url("/v1/scheduler/job/nope"), 400,
       read_fixture("chronos/error-400-not-found.json"));
  const auto e = expect_error<NotFoundError>([&] { (void)v3.job("nope"); });
  EXPECT_EQ(e.code(), ExitCode::kNotFound);
  EXPECT_STREQ(e.what(), "job 'nope' not found");
  EXPECT_EQ(e.subject(), "GET http://chronos:4400/v1/scheduler/job/nope");
}

TEST_F(ChronosClientTest, Chronos2PlainTextNotFoundOnDelete) {
  Client v2(http, {kBase}, ChronosApi::kV2);
  t.on(Method::kDelete, url("/scheduler/job/gone"), 400,
       "requirement failed: JobSchedule 'gone' not found");
  const auto e = expect_error<NotFoundError>([&] { v2.remove("gone"); });
  EXPECT_STREQ(e.what(), "job 'gone' not found");
}

TEST_F(ChronosClientTest, OtherBadRequestsKeepTheFirstLine) {
  t.on(
      Method::kPost, url("/v1/scheduler/iso8601"), 400,
      R"({"message":"java.lang.IllegalArgumentException: Cannot parse schedule 'R/x' (wtf bro)\n\tat org.apache.mesos.chronos.scheduler.api.Iso8601JobResource.post(Iso8601JobResource.scala:40)\n","status":"Bad Request"})");
  const auto e = expect_error<ApiError>([&] { v3.upsert(R"({"name":"x"})", false); });
  EXPECT_EQ(e.status(), 400);
  EXPECT_STREQ(e.what(), "HTTP 400 Bad Request: Cannot parse schedule 'R/x' (wtf bro)");
}

TEST_F(ChronosClientTest, UnauthorizedIsAuthError) {
  t.on(Method::kGet, url("/v1/scheduler/jobs"), 401, "");
  const auto e = expect_error<AuthError>([&] { (void)v3.jobs(); });
  EXPECT_EQ(e.code(), ExitCode::kAuth);
}

TEST_F(ChronosClientTest, UpsertPostsJsonToTheRightResource) {
  t.on(Method::kPost, url("/v1/scheduler/iso8601"), 204, "");
  t.on(Method::kPost, url("/v1/scheduler/dependency"), 204, "");
  const std::string scheduled =
      R"({"name":"a","command":"true","schedule":"R/2024-06-01T00:00:00Z/P1D"})";
  const std::string dependent = R"({"name":"b","command":"true","parents":["a"]})";
  v3.upsert(scheduled, false);
  v3.upsert(dependent, true);
  const auto reqs = t.requests();
  ASSERT_EQ(reqs.size(), 2u);
  EXPECT_EQ(reqs[0].body, scheduled);
  EXPECT_TRUE(has_header(reqs[0], "Content-Type", "application/json"));
  EXPECT_EQ(reqs[1].body, dependent);
}

TEST_F(ChronosClientTest, RunRemoveAndKill) {
  t.on(Method::kPut, url("/v1/scheduler/job/hourly-etl"), 204, "");
  t.on(Method::kPut, url("/v1/scheduler/job/hourly-etl?arguments=--window%202h%3Bx"), 204, "");
  t.on(Method::kDelete, url("/v1/scheduler/job/cleanup-tmp"), 204, "");
  t.on(Method::kDelete, url("/v1/scheduler/task/kill/hourly-etl"), 204, "");
  v3.run("hourly-etl");
  v3.run("hourly-etl", "--window 2h;x");
  v3.remove("cleanup-tmp");
  v3.kill_tasks("hourly-etl");
  EXPECT_EQ(t.requests()[0].body, "");
}

TEST_F(ChronosClientTest, InvalidJobNameIsAUsageError) {
  EXPECT_THROW(v3.run("bad name"), UsageError);
  EXPECT_THROW((void)v3.job("a/b"), UsageError);
  EXPECT_TRUE(t.requests().empty());
}

// Chronos 2.x names may hold whitespace and '#' ([\w\s\.#_-]+): sent percent-encoded.
TEST_F(ChronosClientTest, Chronos2NamesWithSpacesAndHashAreEncoded) {
  Client v2(http, {kBase}, ChronosApi::kV2);
  t.on(Method::kPut, url("/scheduler/job/nightly%20report%20%231"), 204, "");
  t.on(Method::kDelete, url("/scheduler/task/kill/nightly%20report%20%231"), 204, "");
  v2.run("nightly report #1");
  v2.kill_tasks("nightly report #1");
  EXPECT_EQ(t.requests().size(), 2U);
  EXPECT_THROW(v2.run("a/b"), UsageError);
}

TEST_F(ChronosClientTest, ReadEndpoints) {
  t.get_fixture(url("/v1/scheduler/job/hourly-etl"), "chronos/chronos-job-full-sample.json");
  t.get_fixture(url("/v1/scheduler/job/stat/hourly-etl"), "chronos/job-stat.json");
  t.get_fixture(url("/v1/scheduler/leader"), "chronos/leader.json");
  t.on(Method::kGet, url("/v1/scheduler/graph/csv"), 200, read_fixture("chronos/graph.csv"));
  t.get_fixture(url("/metrics"), "chronos/metrics.json");
  EXPECT_EQ(v3.job("hourly-etl").name, "camus_kafka2hdfs");
  EXPECT_EQ(v3.job_stat("hourly-etl").history.size(), 3u);
  EXPECT_EQ(v3.leader(), "master2.dc1.example.com:4400");
  EXPECT_EQ(v3.graph().links.size(), 1u);
  const auto q = v3.queue_gauges();
  EXPECT_DOUBLE_EQ(q.high, 1);
  EXPECT_DOUBLE_EQ(q.normal, 0);
}

TEST_F(ChronosClientTest, MetricsWithoutQueueGaugesIsAnApiError) {
  t.on(Method::kGet, url("/metrics"), 200, R"({"version":"3.0.0","gauges":{}})");
  EXPECT_THROW((void)v3.queue_gauges(), ApiError);
}

TEST_F(ChronosClientTest, InvalidJsonInA200IsAnApiError) {
  t.on(Method::kGet, url("/v1/scheduler/jobs"), 200, R"([{"name":"a",)");
  const auto e = expect_error<ApiError>([&] { (void)v3.jobs(); });
  EXPECT_EQ(e.subject(), "GET http://chronos:4400/v1/scheduler/jobs");
  EXPECT_NE(std::string(e.what()).find("invalid or truncated JSON"), std::string::npos) << e.what();
}

TEST_F(ChronosClientTest, ProxyErrorFromANonLeader) {
  t.on(Method::kGet, url("/v1/scheduler/jobs"), 500,
       "Error proxying request to leader (maybe the leadership just changed?)\nmore", {}, true);
  const auto e = expect_error<ApiError>([&] { (void)v3.jobs(); });
  EXPECT_EQ(e.status(), 500);
  EXPECT_STREQ(e.what(),
               "HTTP 500 Internal Server Error: Error proxying request to leader (maybe the "
               "leadership just changed?)");
}

TEST(ChronosFailoverTest, MovesToTheSecondUrlWhenTheFirstRefuses) {
  FakeClock clock;
  qctl::testing::FakeTransport t;
  http::Client http(t, clock, {});
  Client c(http, {"http://c1:4400", "http://c2:4400"}, ChronosApi::kAuto);
  t.fail(Method::kGet, "http://c1:4400/v1/scheduler/leader", http::FailureKind::kConnect,
         "Connection refused", true);
  t.get_fixture("http://c2:4400/v1/scheduler/leader", "chronos/leader.json");
  t.get_fixture("http://c2:4400/v1/scheduler/jobs", "chronos/jobs.json");
  EXPECT_EQ(c.jobs().size(), 5u);
  EXPECT_EQ(c.endpoints().current(), "http://c2:4400");
  EXPECT_EQ(t.requests().back().url, "http://c2:4400/v1/scheduler/jobs");
}

TEST(ChronosErrorMessageTest, Shapes) {
  EXPECT_EQ(error_message(read_fixture("chronos/error-400-not-found.json")),
            "requirement failed: Job 'nope' not found");
  EXPECT_EQ(error_message("requirement failed: Job 'x' not found"),
            "requirement failed: Job 'x' not found");
  EXPECT_EQ(error_message(R"({"message":"boom","status":"Internal Server Error"})"), "boom");
  EXPECT_EQ(error_message("<html><title>Error 500 Server Error</title></html>"),
            "HTML error page: Error 500 Server Error");
  EXPECT_EQ(error_message(""), "");
}

}  // namespace
}  // namespace qctl::chronos
