#include "core/chronos/job_stats.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iterator>

#include "core/chronos/run_check.h"
#include "core/util/strings.h"

namespace qctl::chronos {

namespace {

double nearest_rank(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) {
    return 0;
  }
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

double histogram_value(const model::JobStat& stat, const std::string& key) {
  const auto it = stat.histogram.find(key);
  return it == stat.histogram.end() ? 0 : it->second / 1000.0;
}

}  // namespace

void JobCounts::add(const JobStatusRow& row) {
  ++jobs;
  if (row.last == "success") {
    ++succeeded;
  } else if (row.last == "failure") {
    ++failed;
  } else {
    ++fresh;
  }
  const auto family = state_family(row.state);
  if (family == "running") {
    ++running;
    running_tasks += running_count(row.state);
  } else if (family == "queued") {
    ++queued;
  } else {
    ++idle;
  }
  disabled += row.job->disabled ? 1 : 0;
  runs_succeeded += row.job->success_count;
  runs_failed += row.job->error_count;
}

JobTotals count_jobs(const std::vector<JobStatusRow>& rows) {
  JobTotals totals;
  for (const auto& row : rows) {
    totals.all.add(row);
    auto owners = util::split(row.job->owner, ',', true);
    if (owners.empty()) {
      owners.emplace_back();
    }
    for (const auto& owner : owners) {
      totals.by_owner[std::string(util::trim(owner))].add(row);
    }
  }
  return totals;
}

std::optional<double> parse_stat_duration(const std::string& text) {
  if (text.empty()) {
    return std::nullopt;
  }
  double total = 0;
  double value = 0;
  bool digits = false;
  for (const char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      value = value * 10 + (c - '0');
      digits = true;
      continue;
    }
    const double unit = c == 'd' ? 86400 : c == 'h' ? 3600 : c == 'm' ? 60 : c == 's' ? 1 : 0;
    if (unit == 0 || !digits) {
      return std::nullopt;
    }
    total += value * unit;
    value = 0;
    digits = false;
  }
  if (digits) {
    return std::nullopt;
  }
  return total;
}

std::optional<double> parse_stat_time(const std::string& text) {
  std::tm tm{};
  int mon = 0;
  int day = 0;
  int year = 0;
  if (std::sscanf(text.c_str(), "%d/%d/%d %d:%d:%d", &mon, &day, &year, &tm.tm_hour, &tm.tm_min,
                  &tm.tm_sec) != 6) {
    return std::nullopt;
  }
  tm.tm_mon = mon - 1;
  tm.tm_mday = day;
  tm.tm_year = (year < 100 ? year + 2000 : year) - 1900;
  return static_cast<double>(timegm(&tm));
}

std::vector<RunTime> run_times(const model::JobStat& stat, double now) {
  std::vector<RunTime> out;
  for (const auto& t : stat.history) {
    RunTime run{t.job_name, t.task_id, t.start_time, util::to_lower(t.status), 0};
    if (const auto d = parse_stat_duration(t.duration)) {
      run.seconds = *d;
    } else if (const auto start = parse_stat_time(t.start_time); start && run.status == "running") {
      run.seconds = std::max(0.0, now - *start);
    } else {
      continue;
    }
    out.push_back(std::move(run));
  }
  return out;
}

std::vector<RunTime> slow_runs(const std::vector<RunTime>& runs, double threshold) {
  std::vector<RunTime> out;
  std::copy_if(runs.begin(), runs.end(), std::back_inserter(out),
               [threshold](const RunTime& r) { return r.seconds >= threshold; });
  std::stable_sort(out.begin(), out.end(),
                   [](const RunTime& a, const RunTime& b) { return a.seconds > b.seconds; });
  return out;
}

RunPercentiles percentiles(const std::vector<RunTime>& runs) {
  std::vector<double> v;
  for (const auto& r : runs) {
    if (r.status != "running") {
      v.push_back(r.seconds);
    }
  }
  std::sort(v.begin(), v.end());
  RunPercentiles p;
  p.count = v.size();
  p.median = nearest_rank(v, 0.5);
  p.p75 = nearest_rank(v, 0.75);
  p.p95 = nearest_rank(v, 0.95);
  p.p99 = nearest_rank(v, 0.99);
  if (!v.empty()) {
    p.max = v.back();
  }
  return p;
}

RunPercentiles histogram_percentiles(const model::JobStat& stat) {
  RunPercentiles p;
  const auto count = stat.histogram.find("count");
  p.count = count == stat.histogram.end() ? 0 : static_cast<std::size_t>(count->second);
  p.median = histogram_value(stat, "median");
  p.p75 = histogram_value(stat, "75thPercentile");
  p.p95 = histogram_value(stat, "95thPercentile");
  p.p99 = histogram_value(stat, "99thPercentile");
  return p;
}

std::string format_run_time(double seconds) {
  if (seconds < 1) {
    return std::to_string(static_cast<int>(std::lround(seconds * 1000))) + "ms";
  }
  const auto s = static_cast<std::int64_t>(std::llround(seconds));
  const std::int64_t d = s / 86400;
  const std::int64_t h = s / 3600 % 24;
  const std::int64_t m = s / 60 % 60;
  if (d > 0) {
    return std::to_string(d) + "d" + (h > 0 ? std::to_string(h) + "h" : "");
  }
  if (h > 0) {
    return std::to_string(h) + "h" + (m > 0 ? std::to_string(m) + "m" : "");
  }
  if (m > 0) {
    return std::to_string(m) + "m" + (s % 60 > 0 ? std::to_string(s % 60) + "s" : "");
  }
  return std::to_string(s) + "s";
}

nlohmann::json to_json(const JobCounts& c) {
  return {{"jobs", c.jobs},
          {"last", {{"success", c.succeeded}, {"failure", c.failed}, {"fresh", c.fresh}}},
          {"state",
           {{"idle", c.idle},
            {"queued", c.queued},
            {"running", c.running},
            {"running_tasks", c.running_tasks}}},
          {"disabled", c.disabled},
          {"runs", {{"succeeded", c.runs_succeeded}, {"failed", c.runs_failed}}}};
}

nlohmann::json to_json(const RunTime& run) {
  return {{"job", run.job},
          {"task_id", run.task_id},
          {"start", run.start},
          {"status", run.status},
          {"seconds", run.seconds}};
}

nlohmann::json to_json(const RunPercentiles& p) {
  // No runs: no percentiles (null), not a run time of 0.
  auto value = [&p](double v) { return p.count == 0 ? nlohmann::json(nullptr) : nlohmann::json(v); };
  return {{"count", p.count}, {"median", value(p.median)},
          {"p75", value(p.p75)}, {"p95", value(p.p95)},
          {"p99", value(p.p99)}, {"max", p.max ? nlohmann::json(*p.max) : nlohmann::json(nullptr)}};
}

}  // namespace qctl::chronos
