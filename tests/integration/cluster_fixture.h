// Integration fixture: fixture servers for Mesos, Marathon and Chronos serving real-shape
// payloads, a temp HOME/config, and a helper that runs the real qctl binary against them.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "tests/support/fixture_server.h"
#include "tests/support/run_qctl.h"

namespace qctl::testing {

class ClusterTest : public ::testing::Test {
 protected:
  void SetUp() override;

  /// Serves the leader's Mesos endpoints from tests/fixtures/mesos on `server`.
  void serve_mesos(FixtureServer& server);
  void serve_marathon(FixtureServer& server);
  void serve_chronos(FixtureServer& server);

  /// Runs qctl with HOME and QCTL_CONFIG pointing into the temp dir plus `env`.
  ProcessResult qctl(std::vector<std::string> args, std::map<std::string, std::string> env = {});
  /// The environment for a context made only of QCTL_MESOS/MARATHON/CHRONOS.
  [[nodiscard]] std::map<std::string, std::string> env_all() const;

  TempDir home;
  FixtureServer mesos;
  FixtureServer marathon;
  FixtureServer chronos;
};

}  // namespace qctl::testing
