// Runs the selected checks in parallel under one deadline and turns every failure into a
// Nagios state: a check never throws out of here and never outlives the deadline's transport.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/health/report.h"
#include "core/http/deadline_transport.h"

namespace qctl::health {

/// One check to run: `run` gathers and judges; it may throw qctl::Error.
struct CheckTask {
  std::string check;
  std::function<CheckResult()> run;
};

/// The state of a check whose run threw: UNKNOWN when the deadline cut it short ("did not
/// finish within <timeout_text>"), credentials were refused (401/403) or the configuration
/// is wrong; CRITICAL when the service refused the connection or answered an error.
[[nodiscard]] CheckResult failed_check(const std::string& check, std::exception_ptr error,
                                       bool deadline_passed, const std::string& timeout_text);

/// Runs every task at once and collects their results in task order. `deadline` tells
/// whether a failure came from the deadline.
[[nodiscard]] Report run_checks(const std::vector<CheckTask>& tasks,
                                const http::DeadlineTransport& deadline,
                                const std::string& timeout_text);

}  // namespace qctl::health
