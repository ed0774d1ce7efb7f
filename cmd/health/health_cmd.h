// `qctl health`: Nagios-style checks of the cluster (cmd/health/).
#pragma once

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "cmd/context.h"
#include "core/health/metrics.h"
#include "core/health/run.h"
#include "core/http/deadline_transport.h"
#include "core/mesos/decode.h"

namespace qctl::mesos {
class MasterClient;
}

namespace qctl::cmd {

struct HealthOptions {
  std::vector<std::string> checks;    // mesos agents marathon chronos docker all; empty = all
  std::vector<std::string> warning;   // METRIC=RANGE
  std::vector<std::string> critical;  // METRIC=RANGE
  std::string docker_timeout = "10s";
  std::string docker_parallel = "8";  // text: a bad value must be UNKNOWN (3), not CLI11's 2
};

/// The options as a run uses them, checked before any request.
struct HealthRun {
  std::string format;  // text, json or yaml
  std::chrono::milliseconds timeout{0};
  health::Thresholds thresholds;
  std::vector<std::string> checks;  // selected_checks
  bool explicit_choice = false;     // checks named, not `all` or nothing
  std::chrono::milliseconds docker_timeout{0};
  std::size_t docker_workers = 0;
};

/// The checks to run, in check order: `all` (or nothing) is every check; duplicates dropped.
/// Throws UsageError for an unknown check name.
[[nodiscard]] std::vector<std::string> selected_checks(const HealthOptions& o);

/// The clients of one run (all over the deadline transport) and the tasks that use them.
struct CheckPlan {
  std::vector<std::unique_ptr<http::Client>> http;
  std::unique_ptr<mesos::MasterClient> mesos;
  /// GET /master/slaves, started once for the agents and docker checks (invalid when
  /// neither runs).
  std::shared_future<mesos::AgentList> agents;
  std::unique_ptr<marathon::Client> marathon;
  std::unique_ptr<chronos::Client> chronos;
  std::vector<health::CheckTask> tasks;

  CheckPlan();
  ~CheckPlan();
  CheckPlan(CheckPlan&&) noexcept;
  CheckPlan& operator=(CheckPlan&&) noexcept;
};

/// The tasks for `run.checks`; a service the context does not configure is left out under
/// `all` (`explicit_choice` false) and UNKNOWN when asked for by name. The tasks refer to
/// `run`, which must outlive them.
[[nodiscard]] std::unique_ptr<CheckPlan> plan_checks(const HealthRun& run,
                                                     http::DeadlineTransport& deadline,
                                                     Context& ctx);

}  // namespace qctl::cmd
