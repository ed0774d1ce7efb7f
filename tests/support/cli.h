// Runs the whole command tree in-process (run_cli) with string streams and an injected
// environment, for command tests that do not need the real binary.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/http/transport.h"

namespace qctl::testing {

/// The Mesos and Marathon URLs command tests put in QCTL_MESOS / QCTL_MARATHON.
inline constexpr const char* kMesos = "http://mesos:5050";
inline constexpr const char* kMarathon = "http://marathon:8080";

struct CliOutcome {
  int code = -1;
  std::string out;
  std::string err;
};

/// `qctl <args>` with exactly the variables in `env` (nothing from the test's own process);
/// `transport` (e.g. a FakeTransport) answers every request when given.
CliOutcome run_cli_in_process(const std::vector<std::string>& args,
                              std::map<std::string, std::string> env,
                              Clock* clock = nullptr, http::Transport* transport = nullptr);

}  // namespace qctl::testing
