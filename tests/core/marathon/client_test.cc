#include "core/marathon/client.h"

#include <gtest/gtest.h>

#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "tests/support/fake_transport.h"

namespace qctl::marathon {
namespace {

using http::Method;
using qctl::testing::read_fixture;

constexpr const char* kBase = "http://marathon:8080";

std::string url(const std::string& path) { return std::string(kBase) + path; }

class MarathonClientTest : public ::testing::Test {
 protected:
  FakeClock clock;
  qctl::testing::FakeTransport t;
  http::Client http{t, clock, {}};
  Client m{http, {kBase}};
};

/// Runs fn, expecting an Error of type E; returns it for further checks.
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

TEST_F(MarathonClientTest, AppsAsksForCountsAndDeployments) {
  t.get_fixture(url("/v2/apps?embed=apps.counts&embed=apps.deployments"), "marathon/apps.json");
  const auto apps = m.apps();
  ASSERT_EQ(apps.size(), 4u);
  EXPECT_EQ(apps[1].id, "/infra/log-shipper");
  ASSERT_EQ(t.requests().size(), 1u);
  EXPECT_EQ(t.requests()[0].method, Method::kGet);
}

TEST_F(MarathonClientTest, AppsQueryEncodesFiltersAndAddsEmbeds) {
  t.get_fixture(url("/v2/apps?embed=apps.counts&embed=apps.deployments&embed=apps.tasks"
                    "&embed=apps.lastTaskFailure&id=%2Finfra&label=team%3D%3Dinfra%2Ctier"),
                "marathon/apps.json");
  AppQuery q;
  q.id = "/infra";
  q.label = "team==infra,tier";
  q.embed_tasks = true;
  q.embed_last_task_failure = true;
  EXPECT_EQ(m.apps(q).size(), 4u);
}

TEST_F(MarathonClientTest, AppIdsAreNormalisedAndNotEncoded) {
  t.get_fixture(url("/v2/apps/web"), "marathon/app-web.json");
  t.get_fixture(url("/v2/apps/infra/log-shipper/tasks"),
                "marathon/marathon-app-tasks-response.json");
  EXPECT_EQ(m.app("web").tasks.size(), 2u);
  EXPECT_EQ(m.app_tasks("/infra/log-shipper/").size(), 1u);
}

TEST_F(MarathonClientTest, InvalidAppIdIsAUsageErrorWithoutARequest) {
  EXPECT_THROW((void)m.app("/Web"), UsageError);
  EXPECT_THROW((void)m.app("/a//b"), UsageError);
  EXPECT_THROW((void)m.app("/"), UsageError);
  EXPECT_THROW((void)m.app("/web app"), UsageError);
  EXPECT_TRUE(t.requests().empty());
  EXPECT_EQ(normalize_app_id("group/app.v2"), "/group/app.v2");
}

TEST_F(MarathonClientTest, ReadEndpoints) {
  t.get_fixture(url("/v2/tasks"), "marathon/marathon-tasks-response.json");
  t.get_fixture(url("/v2/deployments"), "marathon/deployments.json");
  t.get_fixture(url("/v2/queue"), "marathon/marathon-queue-response.json");
  t.get_fixture(url("/v2/info"), "marathon/info.json");
  t.get_fixture(url("/v2/leader"), "marathon/leader.json");
  t.on(Method::kGet, url("/ping"), 200, "pong\n");
  EXPECT_EQ(m.tasks().size(), 2u);
  EXPECT_EQ(m.deployments()[0].id, "2e72dbf1-2b2a-4204-b628-e8bd160945dd");
  EXPECT_EQ(m.queue().size(), 2u);
  EXPECT_EQ(m.info().leader, "master1.dc1.example.com:8080");
  EXPECT_EQ(m.leader(), "master1.dc1.example.com:8080");
  EXPECT_TRUE(m.ping());
}

TEST_F(MarathonClientTest, RemembersTheLeaderHeader) {
  EXPECT_EQ(m.last_leader(), "");
  t.on(Method::kGet, url("/v2/leader"), 200, read_fixture("marathon/leader.json"),
       {{"X-Marathon-Leader", "http://master1.dc1.example.com:8080"}});
  (void)m.leader();
  EXPECT_EQ(m.last_leader(), "http://master1.dc1.example.com:8080");
}

TEST_F(MarathonClientTest, UpdateAppPutsThePartialBody) {
  const std::string result = read_fixture("marathon/marathon-deployment-result.json");
  t.on(Method::kPut, url("/v2/apps/infra/log-shipper"), 200, result);
  t.on(Method::kPut, url("/v2/apps/infra/log-shipper?force=true"), 200, result);
  const auto r = m.update_app("infra/log-shipper", R"({"instances":3})", false);
  EXPECT_EQ(r.deployment_id, "5ed4c0c5-9ff8-4a6f-a0cd-f57f59a34b43");
  (void)m.update_app("/infra/log-shipper", R"({"instances":3})", true);
  const auto reqs = t.requests();
  ASSERT_EQ(reqs.size(), 2u);
  EXPECT_EQ(reqs[0].body, R"({"instances":3})");
  bool json_type = false;
  for (const auto& [name, value] : reqs[0].headers) {
    json_type = json_type || (name == "Content-Type" && value == "application/json");
  }
  EXPECT_TRUE(json_type);
}

TEST_F(MarathonClientTest, RestartPostsWithoutBody) {
  const std::string result = read_fixture("marathon/marathon-deployment-result.json");
  t.on(Method::kPost, url("/v2/apps/web/restart"), 200, result);
  t.on(Method::kPost, url("/v2/apps/web/restart?force=true"), 200, result);
  EXPECT_EQ(m.restart_app("/web", false).version, "2015-09-29T15:59:51.164Z");
  (void)m.restart_app("/web", true);
  EXPECT_EQ(t.requests()[0].body, "");
}

TEST_F(MarathonClientTest, KillTaskWithAndWithoutScale) {
  const std::string id = "web.6b1c7a8e-2f3d-11ef-9a1b-0242ac110002";
  t.on(Method::kDelete, url("/v2/apps/web/tasks/" + id + "?scale=true"), 200,
       read_fixture("marathon/marathon-deployment-result.json"));
  t.on(Method::kDelete, url("/v2/apps/web/tasks/" + id), 200,
       R"({"task":{"id":")" + id + R"(","appId":"/web","state":"TASK_KILLING"}})");
  t.on(Method::kDelete, url("/v2/apps/web/tasks/" + id + "?wipe=true"), 200,
       R"({"task":{"id":")" + id + R"("}})");
  const auto scaled = m.kill_task("/web", id, true, false);
  ASSERT_TRUE(scaled.deployment.has_value());
  EXPECT_FALSE(scaled.task.has_value());
  const auto killed = m.kill_task("/web", id, false, false);
  ASSERT_TRUE(killed.task.has_value());
  EXPECT_EQ(killed.task->state, "TASK_KILLING");
  EXPECT_TRUE(m.kill_task("/web", id, false, true).task.has_value());
  EXPECT_THROW((void)m.kill_task("/web", id, true, true), UsageError);
}

TEST_F(MarathonClientTest, NotFoundIsExitThree) {
  t.on(Method::kGet, url("/v2/apps/nope"), 404, read_fixture("marathon/error-404.json"));
  const auto e = expect_error<NotFoundError>([&] { (void)m.app("nope"); });
  EXPECT_EQ(e.code(), ExitCode::kNotFound);
  EXPECT_EQ(e.subject(), "GET http://marathon:8080/v2/apps/nope");
  EXPECT_NE(std::string(e.what()).find("App '/nope' does not exist"), std::string::npos);
}

TEST_F(MarathonClientTest, UnauthorizedJettyPageIsAuthError) {
  t.on(Method::kGet, url("/v2/apps?embed=apps.counts&embed=apps.deployments"), 401,
       "<html>\n<head>\n<title>Error 401 Unauthorized</title>\n</head>\n<body></body>\n</html>\n",
       {{"WWW-Authenticate", "basic realm=\"Mesosphere\""}});
  const auto e = expect_error<AuthError>([&] { (void)m.apps(); });
  EXPECT_EQ(e.code(), ExitCode::kAuth);
  EXPECT_NE(std::string(e.what()).find("HTML error page: Error 401 Unauthorized"),
            std::string::npos)
      << e.what();
}

TEST_F(MarathonClientTest, LockedAppNamesTheDeployment) {
  t.on(Method::kPut, url("/v2/apps/batch/api"), 409, read_fixture("marathon/error-409.json"));
  const auto e = expect_error<ApiError>(
      [&] { (void)m.update_app("/batch/api", R"({"instances":5})", false); });
  EXPECT_EQ(e.status(), 409);
  const std::string what = e.what();
  EXPECT_NE(what.find("App is locked by one or more deployments"), std::string::npos) << what;
  EXPECT_NE(what.find("(deployment 2e72dbf1-2b2a-4204-b628-e8bd160945dd)"), std::string::npos)
      << what;
}

TEST_F(MarathonClientTest, ValidationFailureShowsFirstDetail) {
  t.on(Method::kPut, url("/v2/apps/web"), 422, read_fixture("marathon/error-422.json"));
  const auto e = expect_error<ApiError>([&] { (void)m.update_app("web", "{}", false); });
  EXPECT_EQ(e.status(), 422);
  EXPECT_STREQ(e.what(),
               "HTTP 422 Unprocessable Entity: Object is not valid: "
               "/upgradeStrategy/minimumHealthCapacity: is greater than 1 (and 1 more)");
}

TEST_F(MarathonClientTest, UnknownRouteIsServerError) {
  // Marathon answers unknown routes with 500; GETs are retried, so the stub repeats.
  t.on(Method::kGet, url("/v2/info"), 500, R"({"message":"URI not found"})", {}, true);
  const auto e = expect_error<ApiError>([&] { (void)m.info(); });
  EXPECT_EQ(e.status(), 500);
  EXPECT_NE(std::string(e.what()).find("URI not found"), std::string::npos);
}

TEST_F(MarathonClientTest, InvalidJsonInA200IsAnApiErrorNamingTheRequest) {
  t.on(Method::kGet, url("/v2/deployments"), 200, R"([{"id":"d1",)");
  const auto e = expect_error<ApiError>([&] { (void)m.deployments(); });
  EXPECT_EQ(e.code(), ExitCode::kApi);
  EXPECT_EQ(e.subject(), "GET http://marathon:8080/v2/deployments");
  EXPECT_NE(std::string(e.what()).find("invalid or truncated JSON"), std::string::npos) << e.what();
}

TEST_F(MarathonClientTest, HtmlInA200IsAnApiError) {
  t.on(Method::kGet, url("/v2/queue"), 200, "<!DOCTYPE html><html><body>proxy login</body></html>");
  const auto e = expect_error<ApiError>([&] { (void)m.queue(); });
  EXPECT_NE(std::string(e.what()).find("HTML"), std::string::npos) << e.what();
}

TEST(MarathonFailoverTest, MovesToTheSecondUrlWhenTheFirstRefuses) {
  FakeClock clock;
  qctl::testing::FakeTransport t;
  http::Client http(t, clock, {});
  Client m(http, {"http://m1:8080", "http://m2:8080"});
  t.fail(Method::kGet, "http://m1:8080/v2/leader", http::FailureKind::kConnect,
         "Connection refused", true);
  t.get_fixture("http://m2:8080/v2/leader", "marathon/leader.json");
  t.get_fixture("http://m2:8080/v2/info", "marathon/info.json");
  EXPECT_EQ(m.leader(), "master1.dc1.example.com:8080");
  EXPECT_EQ(m.endpoints().current(), "http://m2:8080");
  // The URL that answered is tried first next time.
  EXPECT_TRUE(m.info().elected);
  EXPECT_EQ(t.requests().back().url, "http://m2:8080/v2/info");
}

TEST(MarathonFailoverTest, AllUrlsDownIsANetworkError) {
  FakeClock clock;
  qctl::testing::FakeTransport t;
  http::Client http(t, clock, {});
  Client m(http, {"http://m1:8080", "http://m2:8080"});
  t.fail(Method::kGet, "http://m1:8080/v2/leader", http::FailureKind::kConnect,
         "Connection refused", true);
  t.fail(Method::kGet, "http://m2:8080/v2/leader", http::FailureKind::kTimeout, "timed out", true);
  const auto e = expect_error<NetworkError>([&] { (void)m.leader(); });
  EXPECT_EQ(e.code(), ExitCode::kNetwork);
}

TEST(MarathonErrorMessageTest, Shapes) {
  EXPECT_EQ(error_message(R"({"message":"App '/x' does not exist"})"), "App '/x' does not exist");
  EXPECT_EQ(error_message(
                R"({"message":"Invalid JSON","details":"Unexpected end-of-input\n at [Source]"})"),
            "Invalid JSON: Unexpected end-of-input");
  EXPECT_EQ(
      error_message(
          R"({"message":"Invalid JSON","details":[{"path":"/id","errors":["error.expected.jsstring"]}]})"),
      "Invalid JSON: /id: error.expected.jsstring");
  EXPECT_EQ(error_message("You cannot use scale and wipe at the same time.\n"),
            "You cannot use scale and wipe at the same time.");
  EXPECT_EQ(error_message("<html><body>Bad gateway</body></html>"), "HTML error page");
  EXPECT_EQ(error_message(""), "");
  EXPECT_EQ(error_message(R"({"message":"locked","deployments":[{"id":"a"},{"id":"b"}]})"),
            "locked (deployments a, b)");
}

}  // namespace
}  // namespace qctl::marathon
