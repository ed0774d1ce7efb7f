// The docker check: `docker info` on every agent over SSH (the `qctl ssh` sessions), a
// bounded number at once, each within its own timeout, all within the run's deadline.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/health/metrics.h"
#include "core/health/report.h"
#include "core/ssh/session.h"

namespace qctl::health {

/// What one agent's `docker info` did.
enum class DockerState {
  kOk,           // answered with a server version
  kFailed,       // answered with an error (daemon down, permission denied): CRITICAL
  kTimedOut,     // did not answer within the timeout (a hung daemon): CRITICAL
  kUnreachable,  // SSH failed (refused, auth, host key): its Docker is UNKNOWN
  kNotChecked,   // the run's deadline came first: UNKNOWN
};

struct DockerAnswer {
  std::string host;
  DockerState state = DockerState::kNotChecked;
  std::string version;  // server version when kOk
  std::string error;    // first line of what failed
  double seconds = 0;
};

struct DockerFacts {
  std::vector<DockerAnswer> agents;
  std::chrono::milliseconds timeout{10000};  // per agent
};

/// docker_failing (failed + timed out agents) against its thresholds (critical above 0 by
/// default); an agent that could not be asked makes the check at least UNKNOWN.
[[nodiscard]] CheckResult evaluate_docker(const DockerFacts& facts, const Thresholds& t);

struct DockerProbe {
  std::vector<std::string> hosts;                                  // agent hostnames
  std::function<ssh::Endpoint(const std::string& host)> endpoint;  // context ssh settings
  std::function<std::unique_ptr<ssh::Connector>()> connector;      // one per worker thread
  std::chrono::milliseconds timeout{10000};                        // per agent, connect + run
  std::size_t parallel = 8;
  std::function<std::chrono::milliseconds()> time_left;  // the run's deadline
};

/// The remote command: `docker info --format '{{.ServerVersion}}'`.
[[nodiscard]] const std::string& docker_info_command();

/// Asks every host with at most `parallel` SSH sessions at once. Never throws: each failure
/// is recorded in its answer.
[[nodiscard]] DockerFacts gather_docker(const DockerProbe& probe);

}  // namespace qctl::health
