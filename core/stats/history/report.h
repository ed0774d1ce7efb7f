// `qctl stats report` computed from a loaded History (pure): average and peak allocation per
// group and resource, when the peaks happened, a chart series, and task activity from
// counter deltas between snapshots.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/stats/history/history.h"

namespace qctl::stats::history {

struct ReportOptions {
  double since = 0;  // the window asked for
  double until = 0;
  std::size_t chart_width = 0;  // buckets per chart line; 0: no chart series
};

/// Allocation (allocated / total, a fraction in [0, 1]) of one resource of one group.
struct ResourceStats {
  std::size_t samples = 0;  // snapshots in which the group had some of the resource
  double avg = 0;
  double peak = 0;
  double peak_at = 0;  // the first snapshot at the peak
  double last = 0;     // in the latest snapshot
  double last_allocated = 0;
  double last_total = 0;
  /// Mean allocation per time bucket across the window's snapshots; NaN where none fell.
  std::vector<double> chart;
};

struct GroupReport {
  std::string name;
  std::int64_t agents = 0;  // in the latest snapshot
  std::array<ResourceStats, kResourceCount> resources;
};

/// Counter deltas summed over consecutive snapshot pairs. Mesos counters (per master
/// process) restart at 0 after a failover: a drop counts as a restart (Prometheus'
/// increase()). Chronos totals drop when jobs are deleted: a drop counts as 0.
struct Activity {
  std::optional<double> tasks_started;  // Δ active-state gauges + terminal counter increases
  std::optional<double> tasks_failed;   // failed, error, lost, dropped, gone
  std::optional<double> tasks_finished;
  std::optional<double> tasks_killed;
  std::int64_t mesos_restarts = 0;  // counter drops seen (master failovers)
  std::optional<double> chronos_succeeded;
  std::optional<double> chronos_failed;
  std::optional<double> marathon_queue_peak;  // most task launches waiting at once
  double marathon_queue_peak_at = 0;
  std::optional<double> marathon_delayed_peak;  // most apps in launch back-off at once
};

struct Report {
  std::string context;
  std::string dimension;
  double since = 0;
  double until = 0;
  std::size_t snapshots = 0;
  double first = 0;  // first and last snapshot in the window
  double last = 0;
  double bucket_seconds = 0;        // chart bucket width
  std::vector<GroupReport> groups;  // groups with samples in the window, by name
  Activity activity;
  std::map<std::string, std::int64_t> task_states;  // latest snapshot's, filled by the caller
};

/// Builds a report point by point, so the points need not be held in memory.
class ReportBuilder {
 public:
  /// `header`: the window's groups and counters (Store::load_header).
  ReportBuilder(const History& header, const ReportOptions& options);
  void add(const GroupPoint& point);
  /// The report: groups with at least one point, activity from the header's counters.
  [[nodiscard]] Report finish();

 private:
  struct Accumulator {
    double sum = 0;
    std::vector<double> bucket_sum;
    std::vector<std::uint32_t> bucket_count;
  };
  Report report_;
  std::vector<GroupReport> groups_;
  std::vector<std::array<Accumulator, kResourceCount>> acc_;
  std::vector<bool> present_;
  std::size_t width_;
  double span_;
};

/// ReportBuilder over history.points.
[[nodiscard]] Report compute_report(const History& history, const ReportOptions& options);

}  // namespace qctl::stats::history
