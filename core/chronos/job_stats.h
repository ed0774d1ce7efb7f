// `qctl job stats` arithmetic: job and run counts (overall and per owner), slow runs from the
// job/stat task history, and run-time percentiles. Pure functions, no I/O.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/chronos/job_status.h"
#include "core/model/chronos.h"

namespace qctl::chronos {

/// Counts over a set of jobs. `succeeded`/`failed`/`fresh` count jobs by their last run;
/// `runs_*` sum Chronos' successCount/errorCount (a retried failure counts once).
struct JobCounts {
  std::int64_t jobs = 0;
  std::int64_t succeeded = 0;
  std::int64_t failed = 0;
  std::int64_t fresh = 0;
  std::int64_t idle = 0;
  std::int64_t queued = 0;
  std::int64_t running = 0;        // jobs with at least one running task
  std::int64_t running_tasks = 0;  // "3 running" counts 3
  std::int64_t disabled = 0;
  std::int64_t runs_succeeded = 0;
  std::int64_t runs_failed = 0;

  void add(const JobStatusRow& row);
};

/// Counts over all rows and keyed by owner (each comma-separated owner; "" for none).
struct JobTotals {
  JobCounts all;
  std::map<std::string, JobCounts> by_owner;
};
[[nodiscard]] JobTotals count_jobs(const std::vector<JobStatusRow>& rows);

/// One run from a job/stat task history, with its length in seconds (for a running task:
/// so far, from its start to `now`).
struct RunTime {
  std::string job;
  std::string task_id;
  std::string start;   // as Chronos printed it, "05/31/24 15:00:03"
  std::string status;  // lower case: success | fail | running | idle
  double seconds = 0;
};

/// Chronos' task-stat duration ("1d2h3m4s", "5m9s", "0s"); nullopt when malformed.
[[nodiscard]] std::optional<double> parse_stat_duration(const std::string& text);
/// Task-stat times "MM/dd/yy HH:mm:ss" (the server's zone, taken as UTC); nullopt for "N/A".
[[nodiscard]] std::optional<double> parse_stat_time(const std::string& text);

/// The runs of one history with a known length: finished runs with a duration, running
/// ones measured up to `now`. Others (never started) are left out.
[[nodiscard]] std::vector<RunTime> run_times(const model::JobStat& stat, double now);

/// Runs of at least `threshold` seconds, longest first.
[[nodiscard]] std::vector<RunTime> slow_runs(const std::vector<RunTime>& runs, double threshold);

/// Nearest-rank percentiles over run lengths in seconds (finished runs only).
struct RunPercentiles {
  std::size_t count = 0;
  double median = 0;
  double p75 = 0;
  double p95 = 0;
  double p99 = 0;
  std::optional<double> max;  // none from Chronos' histogram
};
[[nodiscard]] RunPercentiles percentiles(const std::vector<RunTime>& runs);

/// Chronos' histogram (milliseconds from due time to finish) as seconds, keyed like
/// RunPercentiles; count from "count".
[[nodiscard]] RunPercentiles histogram_percentiles(const model::JobStat& stat);

/// A run length for people: "850ms", "42s", "5m9s", "2h3m", "1d4h".
[[nodiscard]] std::string format_run_time(double seconds);

[[nodiscard]] nlohmann::json to_json(const JobCounts& counts);
[[nodiscard]] nlohmann::json to_json(const RunTime& run);
[[nodiscard]] nlohmann::json to_json(const RunPercentiles& p);

}  // namespace qctl::chronos
