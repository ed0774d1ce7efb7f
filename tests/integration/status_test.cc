// `qctl status` end to end: the real binary against fixture servers on loopback.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/cluster_fixture.h"

namespace qctl::testing {
namespace {

using StatusTest = ClusterTest;

TEST_F(StatusTest, ShowsEveryServiceOnOneScreen) {
  const auto r = qctl({"status"}, env_all());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("leader " + mesos.url() + " (1.11.0)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3/5 ready, 1 deactivated, 1 draining, 1 in maintenance"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("5 running"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("RESOURCE"), std::string::npos);
  EXPECT_NE(r.out.find("Marathon"), std::string::npos);
  EXPECT_NE(r.out.find("Chronos"), std::string::npos);
  EXPECT_EQ(r.out.find("\033["), std::string::npos) << "no colour when stdout is not a TTY";
}

TEST_F(StatusTest, JsonIsTheDocumentedSchema) {
  const auto r = qctl({"status", "-o", "json"}, env_all());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["context"], "(env)");
  EXPECT_EQ(j["mesos"]["leader"], mesos.url());
  EXPECT_EQ(j["mesos"]["version"], "1.11.0");
  EXPECT_EQ(j["mesos"]["agents"]["total"], 5);
  EXPECT_EQ(j["mesos"]["agents"]["ready"], 3);
  EXPECT_EQ(j["mesos"]["agents"]["deactivated"], 1);
  EXPECT_EQ(j["mesos"]["agents"]["draining"], 1);
  EXPECT_EQ(j["mesos"]["tasks"]["TASK_RUNNING"], 5);
  EXPECT_DOUBLE_EQ(j["mesos"]["resources"]["cpus"]["total"].get<double>(), 44.0);
  EXPECT_TRUE(j["mesos"]["masters"][0]["reachable"].get<bool>());
  EXPECT_TRUE(j["marathon"].contains("apps"));
  EXPECT_TRUE(j["chronos"].contains("jobs"));
}

TEST_F(StatusTest, YamlRendersTheSameDocument) {
  const auto r = qctl({"status", "-o", "yaml"}, env_all());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("context: (env)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n    total: 5\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n  agents:\n"), std::string::npos) << r.out;
}

// -o wide is the same screen; -o name has nothing to list and says where names are.
TEST_F(StatusTest, WideIsTheScreenAndNameIsAUsageError) {
  const auto plain = qctl({"status"}, env_all());
  const auto wide = qctl({"status", "-o", "wide"}, env_all());
  EXPECT_EQ(wide.exit_code, 0) << wide.err;
  EXPECT_NE(wide.out.find("3/5 ready"), std::string::npos) << wide.out;
  const auto name = qctl({"status", "-o", "name"}, env_all());
  EXPECT_EQ(name.exit_code, 2);
  EXPECT_EQ(name.out, "");
  EXPECT_NE(name.err.find("status agents|frameworks|apps|tasks"), std::string::npos) << name.err;
  EXPECT_EQ(plain.exit_code, 0);
}

TEST_F(StatusTest, AnUnreachableServiceIsMarkedAndTheRestStillShows) {
  auto env = env_all();
  env["QCTL_MARATHON"] = "http://127.0.0.1:" + std::to_string(closed_port());
  const auto r = qctl({"status", "--timeout", "2s"}, env);
  EXPECT_EQ(r.exit_code, 5) << r.out << r.err;
  EXPECT_NE(r.out.find("3/5 ready"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Marathon    ERROR"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("connection refused"), std::string::npos) << r.err;
}

TEST_F(StatusTest, EveryServiceDownIsOneErrorLineAndNothingOnStdout) {
  const auto r = qctl({"status"}, {{"QCTL_MESOS", "http://127.0.0.1:" + std::to_string(closed_port())}});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("qctl: "), std::string::npos);
  EXPECT_NE(r.err.find("/master/state-summary: connection refused"), std::string::npos) << r.err;
}

TEST_F(StatusTest, FollowsTheLeaderAcrossThreeMasters) {
  FixtureServer no_leader;
  FixtureServer follower;
  FixtureServer leader;
  serve_mesos(leader);
  serve_mesos(follower);
  serve_mesos(no_leader);
  no_leader.set("GET", "/master/state-summary",
                CannedResponse{503, "No leader elected", "text/plain", {}, {}});
  // A non-leader answers 307 with a scheme-less Location, exactly as Mesos does.
  follower.set("GET", "/master/state-summary",
               CannedResponse{307, "", "text/plain",
                              {{"Location", "//127.0.0.1:" + std::to_string(leader.port()) +
                                                "/master/state-summary"}},
                              {}});
  const auto masters = no_leader.url() + "," + follower.url() + "," + leader.url();
  const auto r = qctl({"status", "-o", "json"}, {{"QCTL_MESOS", masters}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["mesos"]["leader"], leader.url());
  EXPECT_EQ(j["mesos"]["masters"].size(), 3U);
}

TEST_F(StatusTest, NoLeaderElectedExitsFiveWithAHint) {
  FixtureServer m1;
  m1.set("GET", "/master/state-summary", CannedResponse{503, "No leader elected", "text/plain", {}, {}});
  const auto r = qctl({"status"}, {{"QCTL_MESOS", m1.url()}});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no leading Mesos master"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("hint: "), std::string::npos) << r.err;
}

TEST_F(StatusTest, RedirectLoopIsStopped) {
  FixtureServer m1;
  m1.set("GET", "/master/state-summary",
         CannedResponse{307, "", "text/plain",
                        {{"Location", "//127.0.0.1:" + std::to_string(m1.port()) +
                                          "/master/state-summary"}},
                        {}});
  const auto r = qctl({"status"}, {{"QCTL_MESOS", m1.url()}});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_NE(r.err.find("redirect loop"), std::string::npos) << r.err;
}

TEST_F(StatusTest, UnauthorizedExitsFour) {
  FixtureServer m1;
  m1.set("GET", "/master/state-summary",
         CannedResponse{401, "", "text/plain",
                        {{"WWW-Authenticate", "Basic realm=\"mesos-master-readonly\""}}, {}});
  const auto r = qctl({"status"}, {{"QCTL_MESOS", m1.url()}});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("HTTP 401 Unauthorized"), std::string::npos) << r.err;
}

TEST_F(StatusTest, HtmlErrorPageAndTruncatedJsonAreApiErrors) {
  FixtureServer m1;
  m1.set("GET", "/master/state-summary",
         CannedResponse{200, "<html><body>502 from the proxy</body></html>", "text/html", {}, {}});
  auto r = qctl({"status"}, {{"QCTL_MESOS", m1.url()}});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("HTML page"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/master/state-summary"), std::string::npos) << r.err;
  m1.set("GET", "/master/state-summary",
         CannedResponse{200, R"({"hostname":"m","slaves":[{"id":"x","hostn)", "application/json", {}, {}});
  r = qctl({"status"}, {{"QCTL_MESOS", m1.url()}});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("invalid or truncated JSON"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(StatusTest, AHangingServerTimesOut) {
  FixtureServer m1;
  m1.set("GET", "/master/state-summary",
         CannedResponse{200, "{}", "application/json", {}, std::chrono::milliseconds(20000)});
  const auto r = qctl({"status", "--timeout", "300ms"}, {{"QCTL_MESOS", m1.url()}});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_NE(r.err.find("timed out"), std::string::npos) << r.err;
}

TEST_F(StatusTest, CtrlCEndsWithStatus130AndNothingOnStdout) {
  FixtureServer m1;
  m1.set("GET", "/master/state-summary",
         CannedResponse{200, "{}", "application/json", {}, std::chrono::milliseconds(20000)});
  RunSpec spec;
  spec.args = {"status"};
  spec.env = {{"HOME", home.path()}, {"QCTL_CONFIG", home.path() + "/config"},
              {"QCTL_MESOS", m1.url()}};
  spec.interrupt_after = std::chrono::milliseconds(300);
  const auto r = run_qctl(spec);
  EXPECT_EQ(r.exit_code, 130);
  EXPECT_EQ(r.out, "");
}

TEST_F(StatusTest, MissingContextIsAConfigError) {
  const auto r = qctl({"status"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("qctl: "), std::string::npos);
  EXPECT_NE(r.err.find("hint: "), std::string::npos) << r.err;
}

TEST_F(StatusTest, MalformedUrlIsAConfigError) {
  const auto r = qctl({"status"}, {{"QCTL_MESOS", "m1.example.com:5050"}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("m1.example.com:5050"), std::string::npos) << r.err;
}

TEST_F(StatusTest, VerboseTracesRequestsWithoutSecrets) {
  TempDir secrets;
  const auto pw = secrets.write("pw", "hunter2\n");
  home.write("config",
             "current-context: prod\ncontexts:\n  prod:\n    mesos: [" + mesos.url() +
                 "]\n    auth:\n      user: ops\n      password-file: " + pw + "\n");
  const auto r = qctl({"status", "-v"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("> GET " + mesos.url() + "/master/state-summary"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("Authorization: Basic <redacted>"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("hunter2"), std::string::npos);
  EXPECT_EQ(r.err.find("b3BzOmh1bnRlcjI"), std::string::npos);  // base64 of ops:hunter2
  const auto auths = mesos.authorizations();
  ASSERT_FALSE(auths.empty());
  EXPECT_EQ(auths.front(), "Basic b3BzOmh1bnRlcjI=");
}

}  // namespace
}  // namespace qctl::testing
