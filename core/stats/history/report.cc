#include "core/stats/history/report.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qctl::stats::history {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::size_t counter(const char* name) { return *counter_index(name); }

// One counter's increase between two snapshots; `restart` tells how a drop reads.
double increase(double prev, double cur, bool restart_on_drop) {
  if (cur >= prev) {
    return cur - prev;
  }
  return restart_on_drop ? cur : 0;
}

void add_mesos(Activity& a, const CounterPoint& p, const CounterPoint& c) {
  static const std::size_t kFinished = counter("mesos_tasks_finished");
  static const std::size_t kKilled = counter("mesos_tasks_killed");
  static const std::size_t kGoneByOperator = counter("mesos_tasks_gone_by_operator");
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
    if (i != kFinished && i != kKilled && i != kGoneByOperator) {
      failed += inc;
    }
  }
  a.mesos_restarts += restarted ? 1 : 0;
  a.tasks_started = a.tasks_started.value_or(0) + std::max(0.0, active_delta + ended);
  a.tasks_failed = a.tasks_failed.value_or(0) + failed;
  a.tasks_finished =
      a.tasks_finished.value_or(0) + increase(p.values[kFinished], c.values[kFinished], true);
  a.tasks_killed =
      a.tasks_killed.value_or(0) + increase(p.values[kKilled], c.values[kKilled], true);
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

}  // namespace

ReportBuilder::ReportBuilder(const History& header, const ReportOptions& options)
    : groups_(header.groups.size()),
      acc_(header.groups.size()),
      present_(header.groups.size(), false),
      width_(options.chart_width) {
  report_.context = header.context;
  report_.dimension = header.dimension;
  report_.since = options.since;
  report_.until = options.until;
  report_.snapshots = header.counters.size();
  if (!header.counters.empty()) {
    report_.first = header.counters.front().taken_at;
    report_.last = header.counters.back().taken_at;
  }
  span_ = std::max(report_.last - report_.first, 1.0);
  report_.bucket_seconds = width_ > 0 ? span_ / static_cast<double>(width_) : 0;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    groups_[g].name = header.groups[g];
    for (auto& a : acc_[g]) {
      a.bucket_sum.assign(width_, 0);
      a.bucket_count.assign(width_, 0);
    }
  }
  report_.activity = activity_of(header.counters);
}

void ReportBuilder::add(const GroupPoint& p) {
  std::size_t bucket = 0;
  if (width_ > 0) {
    const double at = (p.taken_at - report_.first) / span_ * static_cast<double>(width_);
    bucket = std::min(width_ - 1, static_cast<std::size_t>(std::max(0.0, at)));
  }
  present_[p.group] = true;
  auto& g = groups_[p.group];
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
    auto& a = acc_[p.group][r];
    a.sum += f;
    if (width_ > 0) {
      a.bucket_sum[bucket] += f;
      ++a.bucket_count[bucket];
    }
  }
}

Report ReportBuilder::finish() {
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    if (!present_[g]) {
      continue;
    }
    auto& group = groups_[g];
    for (std::size_t r = 0; r < kResourceCount; ++r) {
      auto& s = group.resources[r];
      const auto& a = acc_[g][r];
      s.avg = s.samples > 0 ? a.sum / static_cast<double>(s.samples) : 0;
      s.chart.resize(width_);
      for (std::size_t b = 0; b < width_; ++b) {
        s.chart[b] = a.bucket_count[b] > 0 ? a.bucket_sum[b] / a.bucket_count[b] : kNaN;
      }
    }
    report_.groups.push_back(std::move(group));
  }
  return std::move(report_);
}

Report compute_report(const History& history, const ReportOptions& options) {
  ReportBuilder builder(history, options);
  for (const auto& p : history.points) {
    builder.add(p);
  }
  return builder.finish();
}

}  // namespace qctl::stats::history
