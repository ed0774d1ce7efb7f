// Run states, task history and run-time histograms, shaped like Chronos' JobStats, TaskStat,
// JobMetrics and their serializers.
#include "sandbox/chronos/job_stats.h"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace qctl::sandbox::chronos {

namespace {

using nlohmann::ordered_json;

// Dropwizard's snapshot lookup without interpolation (equal sample weights).
double quantile(const std::vector<std::int64_t>& sorted, double q) {
  if (sorted.empty()) {
    return 0;
  }
  const auto n = static_cast<double>(sorted.size());
  auto pos = static_cast<std::size_t>(std::floor(q * n - 1e-9));
  if (q * n == std::floor(q * n)) {
    pos = static_cast<std::size_t>(q * n);  // an exact hit on a cumulative weight
  }
  pos = std::min(pos, sorted.size() - 1);
  return static_cast<double>(sorted[pos]);
}

// TaskStat times: "MM/dd/yy HH:mm:ss" in the server's zone (UTC here), "N/A" when unknown.
std::string stat_time(const std::optional<std::int64_t>& ms) {
  if (!ms) {
    return "N/A";
  }
  const std::time_t t = static_cast<std::time_t>(*ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%m/%d/%y %H:%M:%S", &tm);
  return buf;
}

// Joda's Duration.toPeriod printed with days/hours/minutes when non-zero and seconds always.
std::string stat_duration(std::int64_t ms) {
  const std::int64_t s = ms / 1000;
  std::string out;
  if (s / 3600 != 0) {
    out += std::to_string(s / 3600) + "h";
  }
  if (s / 60 % 60 != 0) {
    out += std::to_string(s / 60 % 60) + "m";
  }
  return out + std::to_string(s % 60) + "s";
}

}  // namespace

std::string JobStats::state(const std::string& job) const {
  auto it = states_.find(job);
  return it == states_.end() ? "idle" : it->second;
}

void JobStats::set_state(const std::string& job, const std::string& next, int count) {
  auto it = states_.find(job);
  if (it != states_.end() && it->second.find("running") != std::string::npos && next == "queued") {
    return;
  }
  states_[job] = count_running_ && count > 0 ? std::to_string(count) + " running" : next;
}

void JobStats::remove(const std::string& job) { states_.erase(job); }

void JobStats::record_status(const std::string& task_id, const std::string& job,
                             const std::string& slave, const std::string& mesos_state,
                             std::int64_t now_ms) {
  auto& records = history_[job];
  auto it = std::find_if(records.begin(), records.end(),
                         [&](const Record& r) { return r.task_id == task_id; });
  if (it == records.end()) {
    records.push_back(Record{task_id, job, slave, std::nullopt, std::nullopt, "Idle"});
    it = records.end() - 1;
  }
  const bool terminal_status = it->status == "Success" || it->status == "Fail";
  if (mesos_state == "TASK_RUNNING") {
    if (!it->start_ms || now_ms < *it->start_ms) {
      it->start_ms = now_ms;
    }
    if (!terminal_status) {
      it->status = "Running";
    }
  } else if (mesos_state == "TASK_FINISHED" || mesos_state == "TASK_FAILED" ||
             mesos_state == "TASK_KILLED" || mesos_state == "TASK_LOST") {
    it->end_ms = now_ms;
    if (!terminal_status) {
      it->status = mesos_state == "TASK_FINISHED" ? "Success" : "Fail";
    }
  }
}

void JobStats::record_time(const std::string& job, std::int64_t ms) {
  auto& v = times_[job];
  v.insert(std::upper_bound(v.begin(), v.end(), ms), ms);
}

void JobStats::count(const std::string& job, bool success) {
  auto& c = counts_[job];
  (success ? c.first : c.second) += 1;
}

ordered_json JobStats::histogram_json(const std::string& job) const {
  static const std::vector<std::int64_t> kNone;
  auto it = times_.find(job);
  const auto& v = it == times_.end() ? kNone : it->second;
  // HistogramSerializer writes "mean" from getValue(0.5), i.e. the median.
  return ordered_json{{"75thPercentile", quantile(v, 0.75)}, {"95thPercentile", quantile(v, 0.95)},
                      {"98thPercentile", quantile(v, 0.98)}, {"99thPercentile", quantile(v, 0.99)},
                      {"median", quantile(v, 0.5)},          {"mean", quantile(v, 0.5)},
                      {"count", v.size()}};
}

ordered_json JobStats::stat_json(const std::string& job, std::size_t limit) const {
  ordered_json history = ordered_json::array();
  if (auto it = history_.find(job); it != history_.end()) {
    auto records = it->second;
    // Newest start first; runs that never reached TASK_RUNNING last.
    std::stable_sort(records.begin(), records.end(), [](const Record& a, const Record& b) {
      return a.start_ms && (!b.start_ms || *a.start_ms > *b.start_ms);
    });
    records.resize(std::min(records.size(), limit));
    for (const Record& r : records) {
      ordered_json o = {{"taskId", r.task_id},
                        {"jobName", r.job},
                        {"slaveId", r.slave},
                        {"startTime", stat_time(r.start_ms)},
                        {"endTime", stat_time(r.end_ms)}};
      if (r.start_ms && r.end_ms) {
        o["duration"] = stat_duration(*r.end_ms - *r.start_ms);
      }
      o["status"] = r.status;
      history.push_back(o);
    }
  }
  return ordered_json{{"histogram", histogram_json(job)}, {"taskStatHistory", history}};
}

ordered_json JobStats::percentile_json(const std::vector<std::string>& jobs,
                                       const std::string& percentile) const {
  std::vector<std::pair<std::string, double>> rows;
  for (const std::string& job : jobs) {
    const ordered_json h = histogram_json(job);
    if (h.contains(percentile)) {
      rows.emplace_back(job, h[percentile].get<double>());
    }
  }
  // sortBy(time).reverse: slowest first, ties in reverse order.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  std::reverse(rows.begin(), rows.end());
  ordered_json out = ordered_json::array();
  for (const auto& [job, ms] : rows) {
    out.push_back({{"jobNameLabel", job}, {"time", ms / 1000.0}});
  }
  return out;
}

void JobStats::add_metrics(ordered_json& histograms, ordered_json& counters) const {
  for (const auto& [job, v] : times_) {
    double mean = 0, sq = 0;
    for (std::int64_t x : v) {
      mean += static_cast<double>(x) / static_cast<double>(v.size());
    }
    for (std::int64_t x : v) {
      sq += (static_cast<double>(x) - mean) * (static_cast<double>(x) - mean);
    }
    histograms["jobs.run.time." + job] = {
        {"count", v.size()},
        {"max", v.empty() ? 0 : v.back()},
        {"mean", mean},
        {"min", v.empty() ? 0 : v.front()},
        {"p50", quantile(v, 0.5)},
        {"p75", quantile(v, 0.75)},
        {"p95", quantile(v, 0.95)},
        {"p98", quantile(v, 0.98)},
        {"p99", quantile(v, 0.99)},
        {"p999", quantile(v, 0.999)},
        {"stddev", v.size() > 1 ? std::sqrt(sq / static_cast<double>(v.size() - 1)) : 0.0}};
  }
  for (const auto& [job, c] : counts_) {
    counters["jobs.run.failure." + job] = {{"count", c.second}};
    counters["jobs.run.success." + job] = {{"count", c.first}};
  }
}

}  // namespace qctl::sandbox::chronos
