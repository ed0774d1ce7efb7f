#include "tests/integration/cluster_fixture.h"

#include "tests/support/fake_transport.h"

namespace qctl::testing {

void ClusterTest::SetUp() {
  serve_mesos(mesos);
  serve_marathon(marathon);
  serve_chronos(chronos);
}

void ClusterTest::serve_mesos(FixtureServer& server) {
  server.fixture("/master/state-summary", "mesos/master-state-summary.json");
  server.fixture("/master/slaves", "mesos/master-slaves.json");
  server.fixture("/master/tasks", "mesos/master-tasks.json");
  server.fixture("/master/maintenance/status", "mesos/maintenance-status.json");
  server.fixture("/metrics/snapshot", "mesos/metrics-snapshot.json");
  server.fixture("/version", "mesos/version.json");
  CannedResponse get_master;
  get_master.body = read_fixture("mesos/v1-get-master.json");
  server.set("POST", "/api/v1", get_master);
  server.set("GET", "/master/health", CannedResponse{200, "", "text/plain", {}, {}});
}

void ClusterTest::serve_marathon(FixtureServer& server) {
  server.fixture("/v2/apps", "marathon/apps.json");
  server.fixture("/v2/deployments", "marathon/deployments.json");
  server.fixture("/v2/info", "marathon/info.json");
}

void ClusterTest::serve_chronos(FixtureServer& server) {
  server.set("GET", "/v1/scheduler/leader",
             CannedResponse{200, R"({"leader":"chronos1.dc1.example.com:4400"})",
                            "application/json", {}, {}});
  server.fixture("/v1/scheduler/jobs/summary", "chronos/jobs-summary.json");
}

std::map<std::string, std::string> ClusterTest::env_all() const {
  return {{"QCTL_MESOS", mesos.url()},
          {"QCTL_MARATHON", marathon.url()},
          {"QCTL_CHRONOS", chronos.url()}};
}

ProcessResult ClusterTest::qctl(std::vector<std::string> args,
                                std::map<std::string, std::string> env) {
  env.emplace("HOME", home.path());
  env.emplace("QCTL_CONFIG", home.path() + "/config");
  RunSpec spec;
  spec.args = std::move(args);
  spec.env = std::move(env);
  return run_qctl(spec);
}

}  // namespace qctl::testing
