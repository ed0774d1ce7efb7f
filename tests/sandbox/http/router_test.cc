#include "sandbox/http/router.h"

#include <gtest/gtest.h>

namespace qctl::sandbox::http {
namespace {

Request make(const std::string& method, const std::string& path) {
  Request r;
  r.method = method;
  r.path = path;
  return r;
}

TEST(SandboxRouter, ExactBeforePrefixAndLongestPrefixWins) {
  Router router;
  router.add("GET", "/v2/apps", [](Request&) { return Response::text(200, "list"); });
  router.add_prefix("GET", "/v2/apps/", [](Request& r) { return Response::text(200, "app:" + r.rest); });
  router.add_prefix("GET", "/v2/", [](Request& r) { return Response::text(200, "v2:" + r.rest); });
  auto a = make("GET", "/v2/apps");
  EXPECT_EQ(router.dispatch(a).body, "list");
  auto b = make("GET", "/v2/apps/team/web/tasks");
  EXPECT_EQ(router.dispatch(b).body, "app:team/web/tasks");
  auto c = make("GET", "/v2/info");
  EXPECT_EQ(router.dispatch(c).body, "v2:info");
}

TEST(SandboxRouter, UnknownPathAndMethodAndHeadFallback) {
  Router router;
  router.add("GET", "/ping", [](Request&) { return Response::text(200, "pong"); });
  router.set_not_found([](Request&) { return Response::json(404, "{\"message\":\"nope\"}"); });
  auto missing = make("GET", "/nothing");
  EXPECT_EQ(router.dispatch(missing).status, 404);
  EXPECT_EQ(router.dispatch(missing).body, "{\"message\":\"nope\"}");
  auto post = make("POST", "/ping");
  EXPECT_EQ(router.dispatch(post).status, 405);
  auto head = make("HEAD", "/ping");
  EXPECT_EQ(router.dispatch(head).status, 200);
}

TEST(SandboxRouter, QueryParsingDecodesAndKeepsRepeats) {
  auto q = parse_query("embed=apps.tasks&embed=apps.counts&id=%2Fteam%2Fweb&x=a+b&flag");
  EXPECT_EQ(q.count("embed"), 2u);
  EXPECT_EQ(q.find("id")->second, "/team/web");
  EXPECT_EQ(q.find("x")->second, "a b");
  EXPECT_EQ(q.find("flag")->second, "");
  Request r;
  r.params = q;
  EXPECT_EQ(r.params_all("embed").size(), 2u);
  EXPECT_EQ(r.param("missing", "dflt"), "dflt");
}

}  // namespace
}  // namespace qctl::sandbox::http
