// POST /api/v1 on the sandbox master: header rules and the calls qctl decodes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/mesos/decode.h"
#include "tests/sandbox/mesos/mesos_world.h"

namespace qctl::sandbox::mesos {
namespace {

http::Response call(const http::Router& router, const std::string& body,
                    const std::string& content_type = "application/json",
                    const std::string& accept = "") {
  http::Request r;
  r.method = "POST";
  r.path = "/api/v1";
  r.body = body;
  if (!content_type.empty()) {
    r.headers["Content-Type"] = content_type;
  }
  if (!accept.empty()) {
    r.headers["Accept"] = accept;
  }
  return router.dispatch(r);
}

TEST(SandboxMesosOperatorApi, GetMasterDecodesWithQctlsOwnDecoder) {
  testing::MesosWorld w;
  http::Router router;
  mount_master(router, w.world, w.leadership, 0, w.options);
  auto res = call(router, R"({"type":"GET_MASTER"})");
  ASSERT_EQ(res.status, 200) << res.body;
  model::MasterInfo info = qctl::mesos::decode_get_master(res.body);
  EXPECT_EQ(info.id, w.leadership.masters[0].id);
  EXPECT_EQ(info.port, w.leadership.masters[0].port);
  EXPECT_EQ(info.ip, w.leadership.masters[0].ip);
  EXPECT_EQ(info.version, w.options.version);
  ASSERT_TRUE(info.elected_time.has_value());
  EXPECT_DOUBLE_EQ(*info.elected_time, w.leadership.elected_time);
}

TEST(SandboxMesosOperatorApi, HeaderRulesAndOtherCalls) {
  testing::MesosWorld w;
  http::Router router;
  mount_master(router, w.world, w.leadership, 0, w.options);
  EXPECT_EQ(call(router, R"({"type":"GET_HEALTH"})", "").status, 400);
  EXPECT_EQ(call(router, R"({"type":"GET_HEALTH"})", "text/plain").status, 415);
  auto health = call(router, R"({"type":"GET_HEALTH"})");
  EXPECT_EQ(nlohmann::json::parse(health.body)["get_health"]["healthy"], true);
  auto version = call(router, R"({"type":"GET_VERSION"})");
  EXPECT_EQ(nlohmann::json::parse(version.body)["get_version"]["version_info"]["version"],
            w.options.version);
  // Master::Http::api compares the Content-Type whole and checks Accept after the body.
  EXPECT_EQ(call(router, R"({"type":"GET_HEALTH"})", "application/json; charset=utf-8").status,
            415);
  EXPECT_EQ(call(router, R"({"type":"GET_HEALTH"})", "application/json", "text/html").status, 406);
  EXPECT_EQ(
      call(router, R"({"type":"GET_HEALTH"})", "application/json", "text/html, */*;q=0.1").status,
      200);
  EXPECT_EQ(
      call(router, R"({"type":"GET_HEALTH"})", "application/json", "application/json;q=0").status,
      406);
  EXPECT_EQ(call(router, "not json").body.rfind("Failed to parse body into JSON: ", 0), 0U);
  EXPECT_EQ(call(router, "[1]").body.rfind("Failed to convert JSON into Call protobuf: ", 0), 0U);
  EXPECT_EQ(call(router, R"({"type":"UNKNOWN"})").status, 501);
  EXPECT_EQ(call(router, R"({"type":"GET_STATE"})").status, 501);
  http::Request get;
  get.method = "GET";
  get.path = "/api/v1";
  EXPECT_EQ(router.dispatch(get).status, 405);
}

TEST(SandboxMesosOperatorApi, NonLeaderRedirects) {
  testing::MesosWorld w;
  http::Router follower;
  mount_master(follower, w.world, w.leadership, 1, w.options);
  auto res = call(follower, R"({"type":"GET_MASTER"})");
  EXPECT_EQ(res.status, 307);
}

}  // namespace
}  // namespace qctl::sandbox::mesos
