// Results of health checks and their two renderings: Nagios plugin text and JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/health/metrics.h"
#include "core/health/status.h"

namespace qctl::health {

/// What one check found.
struct CheckResult {
  std::string check;  // "mesos", "agents", …
  Status status = Status::kOk;
  std::string summary;               // one line, after "MESOS OK - "
  std::vector<std::string> details;  // lines after the first
  std::vector<Perf> perf;

  /// Raises the status to at least `s` (never lowers it).
  void raise(Status s) { status = worst(status, s); }
};

/// Every check that ran, in check order.
struct Report {
  std::vector<CheckResult> checks;
  double elapsed_seconds = 0;

  /// The worst status of the checks (OK when there is none).
  [[nodiscard]] Status status() const;
};

/// The Nagios plugin output. One check: "MESOS OK - summary | perfdata" then its details.
/// Several: "HEALTH WARNING - agents WARNING: …; 3 OK | perfdata of all", then for each
/// check its own status line (without perfdata) and its details indented by two spaces.
[[nodiscard]] std::string render_text(const Report& report);

/// {"status","exit_code","summary","elapsed_seconds","checks":[{"check","status",
///  "exit_code","summary","details":[…],"perfdata":[{"label","value","uom","warning",
///  "critical","min","max"}]}]}; min/max null when not set, ranges "" when unset.
[[nodiscard]] nlohmann::json to_json(const Report& report);

/// The first line's text after "STATUS - " for a report of several checks.
[[nodiscard]] std::string overall_summary(const Report& report);

}  // namespace qctl::health
