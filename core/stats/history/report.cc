#include "core/stats/history/report.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qctl::stats::history {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Accumulator {
  double sum = 0;
  std::vector<double> bucket_sum;
  std::vector<std::uint32_t> bucket_count;
};

std::size_t counter(const char* name) { return *counter_index(name); }

// One counter's increase between two snapshots; `restart` tells how a drop reads.
double increase(double prev, double cur, bool restart_on_drop) {
  if (cur >= prev) {
    return cur - prev;
  }
  return restart_on_drop ? cur : 0;
}

void add_mesos(Activity& a, const CounterPoint& p, const CounterPoint& c) {
  static const std::array<std::size_t, 5> kActive = {
      counter("mesos_tasks_staging"), counter("mesos_tasks_starting"),
      counter("mesos_tasks_running"), counter("mesos_tasks_killing"),
      counter("mesos_tasks_unreachable")};
  static const std::array<std::size_t, 8> kTerminal = {
      counter("mesos_tasks_finished"), counter("mesos_tasks_failed"),
      counter("mesos_tasks_killed"),   counter("mesos_tasks_lost"),
      counter("mesos_tasks_error"),    counter("mesos_tasks_dropped"),
      counter("mesos_tasks_gone"),     counter("mesos_tasks_gone_by_operator")};
  for (auto i : kActive) {
    if (!p.has(i) || !c.has(i)) {
      return;
    }
  }
  for (auto i : kTerminal) {
    if (!p.has(i) || !c.has(i)) {
      return;
    }
  }
  double active_delta = 0;
  for (auto i : kActive) {
    active_delta += c.values[i] - p.values[i];
  }
  bool restarted = false;
  double ended = 0;
  double failed = 0;
  for (auto i : kTerminal) {
    restarted = restarted || c.values[i] < p.values[i];
    const double inc = increase(p.values[i], c.values[i], true);
    ended += inc;
    const std::string name = kCounterNames[i];
    if (name != "mesos_tasks_finished" && name != "mesos_tasks_killed" &&
        name != "mesos_tasks_gone_by_operator") {
      failed += inc;
    }
  }
  a.mesos_restarts += restarted ? 1 : 0;
  a.tasks_started = a.tasks_started.value_or(0) + std::max(0.0, active_delta + ended);
  a.tasks_failed = a.tasks_failed.value_or(0) + failed;
  a.tasks_finished =
      a.tasks_finished.value_or(0) + increase(p.values[counter("mesos_tasks_finished")],
                                              c.values[counter("mesos_tasks_finished")], true);
  a.tasks_killed =
      a.tasks_killed.value_or(0) + increase(p.values[counter("mesos_tasks_killed")],
                                            c.values[counter("mesos_tasks_killed")], true);
}

void add_chronos(Activity& a, const CounterPoint& p, const CounterPoint& c) {
  const auto ok = counter("chronos_success_count");
  const auto err = counter("chronos_error_count");
  if (p.has(ok) && c.has(ok) && p.has(err) && c.has(err)) {
    a.chronos_succeeded =
        a.chronos_succeeded.value_or(0) + increase(p.values[ok], c.values[ok], false);
    a.chronos_failed = a.chronos_failed.value_or(0) + increase(p.values[err], c.values[err], false);
  }
}

void add_marathon(Activity& a, const CounterPoint& c) {
  const auto queued = counter("marathon_queue_launches");
  const auto delayed = counter("marathon_queue_delayed");
  if (c.has(queued) && (!a.marathon_queue_peak || c.values[queued] > *a.marathon_queue_peak)) {
    a.marathon_queue_peak = c.values[queued];
    a.marathon_queue_peak_at = c.taken_at;
  }
  if (c.has(delayed)) {
    a.marathon_delayed_peak = std::max(a.marathon_delayed_peak.value_or(0), c.values[delayed]);
  }
}

Activity activity_of(const std::vector<CounterPoint>& counters) {
  Activity a;
  for (std::size_t i = 0; i < counters.size(); ++i) {
    add_marathon(a, counters[i]);
    if (i > 0) {
      add_mesos(a, counters[i - 1], counters[i]);
      add_chronos(a, counters[i - 1], counters[i]);
    }
  }
  return a;
}

void add_point(GroupReport& g, std::array<Accumulator, kResourceCount>& acc, const GroupPoint& p,
               std::size_t bucket) {
  g.agents = p.values.agents;
  for (std::size_t r = 0; r < kResourceCount; ++r) {
    const auto& v = p.values.resources[r];
    auto& s = g.resources[r];
    s.last_allocated = v.allocated;
    s.last_total = v.total;
    if (v.total <= 0) {
      s.last = 0;
      continue;
    }
    const double f = v.allocated / v.total;
    s.last = f;
    if (s.samples == 0 || f > s.peak) {
      s.peak = f;
      s.peak_at = p.taken_at;
    }
    ++s.samples;
    acc[r].sum += f;
    if (!acc[r].bucket_sum.empty()) {
      acc[r].bucket_sum[bucket] += f;
      ++acc[r].bucket_count[bucket];
    }
  }
}

}  // namespace

Report compute_report(const History& history, const ReportOptions& options) {
  Report report;
  report.context = history.context;
  report.dimension = history.dimension;
  report.since = options.since;
  report.until = options.until;
  report.snapshots = history.counters.size();
  if (!history.counters.empty()) {
    report.first = history.counters.front().taken_at;
    report.last = history.counters.back().taken_at;
  }
  const std::size_t width = options.chart_width;
  const double span = std::max(report.last - report.first, 1.0);
  report.bucket_seconds = width > 0 ? span / static_cast<double>(width) : 0;

  std::vector<GroupReport> groups(history.groups.size());
  std::vector<std::array<Accumulator, kResourceCount>> acc(history.groups.size());
  for (auto& per_group : acc) {
    for (auto& a : per_group) {
      a.bucket_sum.assign(width, 0);
      a.bucket_count.assign(width, 0);
    }
  }
  std::vector<bool> present(history.groups.size(), false);
  for (const auto& p : history.points) {
    present[p.group] = true;
    std::size_t bucket = 0;
    if (width > 0) {
      const double at = (p.taken_at - report.first) / span * static_cast<double>(width);
      bucket = std::min(width - 1, static_cast<std::size_t>(std::max(0.0, at)));
    }
    add_point(groups[p.group], acc[p.group], p, bucket);
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    auto& group = groups[g];
    group.name = history.groups[g];
    for (std::size_t r = 0; r < kResourceCount; ++r) {
      auto& s = group.resources[r];
      s.avg = s.samples > 0 ? acc[g][r].sum / static_cast<double>(s.samples) : 0;
      s.chart.resize(width);
      for (std::size_t b = 0; b < width; ++b) {
        const auto n = acc[g][r].bucket_count[b];
        s.chart[b] = n > 0 ? acc[g][r].bucket_sum[b] / n : kNaN;
      }
    }
    if (present[g]) {
      report.groups.push_back(std::move(group));
    }
  }
  report.activity = activity_of(history.counters);
  return report;
}

}  // namespace qctl::stats::history
