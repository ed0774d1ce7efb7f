#include "core/mesos/master_client.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "tests/support/fake_transport.h"

namespace qctl::mesos {
namespace {

using http::Method;
using qctl::testing::FakeTransport;

constexpr const char* kEmptySummary = R"({"hostname":"m2","slaves":[],"frameworks":[]})";

struct MasterClientTest : ::testing::Test {
  FakeTransport t;
  FakeClock clock;
  http::Client http{t, clock, {}};
};

TEST_F(MasterClientTest, FollowsSchemeLessRedirectToTheLeaderAndRemembersIt) {
  t.on(Method::kGet, "https://m1:5050/master/state-summary", 307, "",
       {{"Location", "//m2:5050/master/state-summary"}});
  t.on(Method::kGet, "https://m2:5050/master/state-summary", 200, kEmptySummary, {}, true);
  MasterClient client(http, {"https://m1:5050", "https://m3:5050"});
  EXPECT_EQ(client.state_summary().hostname, "m2");
  EXPECT_EQ(client.leader(), "https://m2:5050");
  // The second call goes straight to the remembered leader.
  client.state_summary();
  const auto requests = t.requests();
  ASSERT_EQ(requests.size(), 3U);
  EXPECT_EQ(requests[2].url, "https://m2:5050/master/state-summary");
}

TEST_F(MasterClientTest, MovesToTheNextMasterOnNoLeaderElectedAndConnectionRefused) {
  t.on(Method::kGet, "http://m1:5050/master/state-summary", 503, "No leader elected");
  t.fail(Method::kGet, "http://m2:5050/master/state-summary", http::FailureKind::kConnect,
         "Connection refused", true);
  t.on(Method::kGet, "http://m3:5050/master/state-summary", 200, kEmptySummary);
  MasterClient client(http, {"http://m1:5050", "http://m2:5050", "http://m3:5050"});
  EXPECT_EQ(client.state_summary().hostname, "m2");
  EXPECT_EQ(client.leader(), "http://m3:5050");
}

TEST_F(MasterClientTest, NoLeaderAnywhereIsANetworkErrorWithAHint) {
  t.on(Method::kGet, "http://m1:5050/master/slaves", 503, "No leader elected");
  t.on(Method::kGet, "http://m2:5050/master/slaves", 503, "No leader elected");
  MasterClient client(http, {"http://m1:5050", "http://m2:5050"});
  try {
    client.agents();
    FAIL() << "expected NetworkError";
  } catch (const NetworkError& e) {
    EXPECT_NE(std::string(e.what()).find("no leading Mesos master"), std::string::npos);
    EXPECT_NE(e.hint().find("election"), std::string::npos);
  }
}

TEST_F(MasterClientTest, StopsARedirectLoop) {
  t.on(Method::kGet, "http://m1:5050/master/slaves", 307, "",
       {{"Location", "//m1:5050/master/slaves"}}, true);
  MasterClient client(http, {"http://m1:5050"});
  try {
    client.agents();
    FAIL() << "expected NetworkError";
  } catch (const NetworkError& e) {
    EXPECT_NE(std::string(e.what()).find("redirect loop"), std::string::npos);
  }
}

TEST_F(MasterClientTest, UnauthorizedIsAnAuthError) {
  t.on(Method::kGet, "http://m1:5050/master/slaves", 401, "",
       {{"WWW-Authenticate", "Basic realm=\"mesos-master-readonly\""}});
  MasterClient client(http, {"http://m1:5050"});
  EXPECT_THROW(client.agents(), AuthError);
}

// A URL that is not a master (Marathon's Jetty page): the error names an HTML page and its
// title, not the page's first line "<html>".
TEST_F(MasterClientTest, AnHtmlErrorPageIsNamedAsSuch) {
  t.on(Method::kGet, "http://m1:5050/master/slaves", 404,
       "<html>\n<head><title>Error 404 Not Found</title></head><body>…</body></html>", {}, true);
  MasterClient client(http, {"http://m1:5050"});
  try {
    (void)client.agents();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("HTML error page: Error 404 Not Found"),
              std::string::npos)
        << e.what();
  }
}

// libprocess splits user:password at every ':', so such a password never authenticates:
// the 401 says so instead of only "check the credentials".
TEST_F(MasterClientTest, UnauthorizedWithAColonInThePasswordSaysWhy) {
  t.on(Method::kGet, "http://m1:5050/master/slaves", 401, "401 Unauthorized.", {}, true);
  http::ClientOptions colon;
  colon.auth.user = "ops";
  colon.auth.password = "pa:ss";
  http::Client with_colon{t, clock, colon};
  MasterClient client(with_colon, {"http://m1:5050"});
  try {
    (void)client.agents();
    FAIL() << "no error";
  } catch (const AuthError& e) {
    EXPECT_NE(e.hint().find("never accepts a password containing ':'"), std::string::npos)
        << e.hint();
    EXPECT_EQ(e.hint().find("pa:ss"), std::string::npos);  // the secret is never printed
  }
  http::Client plain{t, clock, {}};
  MasterClient without(plain, {"http://m1:5050"});
  try {
    (void)without.agents();
    FAIL() << "no error";
  } catch (const AuthError& e) {
    EXPECT_EQ(e.hint(), "check the credentials of the current context (qctl config view)");
  }
}

TEST_F(MasterClientTest, InvalidJsonIsAnApiErrorNamingTheEndpoint) {
  t.on(Method::kGet, "http://m1:5050/master/slaves", 200, R"({"slaves":[{"id":)");
  MasterClient client(http, {"http://m1:5050"});
  try {
    client.agents();
    FAIL() << "expected ApiError";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.subject(), "GET http://m1:5050/master/slaves");
    EXPECT_NE(std::string(e.what()).find("invalid or truncated JSON"), std::string::npos);
  }
}

TEST_F(MasterClientTest, HtmlInsteadOfJsonIsSaidPlainly) {
  t.on(Method::kGet, "http://m1:5050/master/slaves", 200, "<html><body>proxy error</body></html>");
  MasterClient client(http, {"http://m1:5050"});
  try {
    client.agents();
    FAIL() << "expected ApiError";
  } catch (const ApiError& e) {
    EXPECT_NE(std::string(e.what()).find("HTML page"), std::string::npos);
  }
}

TEST_F(MasterClientTest, FindsTheLeaderThroughMasterRedirect) {
  t.on(Method::kGet, "http://m1:5050/master/redirect", 307, "", {{"Location", "//m3:5050"}});
  MasterClient client(http, {"http://m1:5050"});
  EXPECT_EQ(client.leader(), "http://m3:5050");
}

TEST_F(MasterClientTest, MasterInfoIsOptionalOnOldMasters) {
  t.on(Method::kPost, "http://m1:5050/api/v1", 404, "");
  MasterClient client(http, {"http://m1:5050"});
  EXPECT_FALSE(client.master_info().has_value());
  const auto sent = t.requests().at(0);
  EXPECT_EQ(sent.body, R"({"type":"GET_MASTER"})");
}

TEST_F(MasterClientTest, TasksAsksForEveryTaskInAscendingOrder) {
  t.on(Method::kGet, "http://m1:5050/master/tasks?limit=-1&offset=0&order=asc", 200,
       R"({"tasks":[]})");
  MasterClient client(http, {"http://m1:5050"});
  EXPECT_TRUE(client.tasks().empty());
}

}  // namespace
}  // namespace qctl::mesos
