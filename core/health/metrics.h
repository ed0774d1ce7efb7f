// The metrics `qctl health` reports as perfdata, their units and default thresholds, and
// the --warning/--critical overrides.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/health/range.h"
#include "core/health/status.h"

namespace qctl::health {

/// One metric: perfdata label (also the name --warning/--critical take), unit, defaults.
struct MetricDef {
  const char* name;      // "agents_active_pct"
  const char* uom;       // "", "s", "%"
  const char* warning;   // default range, "" = none
  const char* critical;  // default range, "" = none
  const char* meaning;   // one line for help and the man page
};

/// Every metric, grouped by check in check order.
[[nodiscard]] const std::vector<MetricDef>& metric_defs();
[[nodiscard]] const MetricDef* find_metric(const std::string& name);

/// The checks, in the order `all` runs them.
[[nodiscard]] const std::vector<std::string>& check_names();

/// Warning and critical ranges of every metric: the defaults with the user's overrides.
class Thresholds {
 public:
  Thresholds();
  /// Applies "METRIC=RANGE" (RANGE may be empty: no threshold). Returns an error message
  /// (unknown metric, bad range) or "" on success.
  std::string set(bool critical, const std::string& assignment);
  [[nodiscard]] const Range& warning(const std::string& metric) const;
  [[nodiscard]] const Range& critical(const std::string& metric) const;
  /// CRITICAL if the critical range alerts, else WARNING if the warning range does, else OK.
  [[nodiscard]] Status evaluate(const std::string& metric, double value) const;

 private:
  std::map<std::string, Range> warning_;
  std::map<std::string, Range> critical_;
};

/// One perfdata value: 'label'=value[UOM];warn;crit;min;max.
struct Perf {
  std::string label;
  double value = 0;
  std::string uom;
  std::string warning;  // range text
  std::string critical;
  std::optional<double> min;
  std::optional<double> max;
};

/// A perfdata entry for `metric` with its unit and current thresholds.
[[nodiscard]] Perf perf_for(const Thresholds& t, const std::string& metric, double value,
                            std::optional<double> min = 0.0, std::optional<double> max = {});

/// The Nagios perfdata text of one value (label quoted when it holds spaces, '=' or quotes).
[[nodiscard]] std::string format_perf(const Perf& p);

}  // namespace qctl::health
