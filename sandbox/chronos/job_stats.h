// Per-job run state (JobStats), task history and run-time histograms (JobMetrics) of the
// emulated Chronos, and their JSON: job/stat, stats/{percentile}, /metrics parts.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace qctl::sandbox::chronos {

class JobStats {
 public:
  /// JobStats.getJobState: "idle" (default), "queued", "running" or "<n> running".
  [[nodiscard]] std::string state(const std::string& job) const;
  /// JobStats.updateJobState: `count` > 0 gives "<count> running"; a running job is never
  /// moved back to "queued".
  void set_state(const std::string& job, const std::string& next, int count = 0);
  /// Chronos 2.x knows only idle/queued/running: no "<n> running" (false).
  void count_running(bool on) { count_running_ = on; }
  /// JobRemoved: the job is forgotten.
  void remove(const std::string& job);

  /// A status of one of the job's tasks, as the Cassandra history records it: the start on
  /// TASK_RUNNING, the end and Success/Fail on a terminal state.
  void record_status(const std::string& task_id, const std::string& job, const std::string& slave,
                     const std::string& mesos_state, std::int64_t now_ms);
  /// JobMetrics.updateJobStat (run time in ms) and updateJobStatus.
  void record_time(const std::string& job, std::int64_t ms);
  void count(const std::string& job, bool success);

  /// GET job/stat/{name}: {"histogram":{…},"taskStatHistory":[…]} with `limit` newest runs.
  [[nodiscard]] nlohmann::ordered_json stat_json(const std::string& job, std::size_t limit) const;
  /// GET stats/{percentile}: [{"jobNameLabel","time" (seconds)}], slowest first.
  [[nodiscard]] nlohmann::ordered_json percentile_json(const std::vector<std::string>& jobs,
                                                       const std::string& percentile) const;
  /// /metrics histograms "jobs.run.time.<job>" and counters "jobs.run.{success,failure}.<job>".
  void add_metrics(nlohmann::ordered_json& histograms, nlohmann::ordered_json& counters) const;

 private:
  bool count_running_ = true;
  struct Record {
    std::string task_id, job, slave;
    std::optional<std::int64_t> start_ms, end_ms;
    std::string status = "Idle";  // ChronosTaskStatus: Success, Fail, Running, Idle
  };
  [[nodiscard]] nlohmann::ordered_json histogram_json(const std::string& job) const;

  std::map<std::string, std::string> states_;
  std::map<std::string, std::vector<Record>> history_;
  std::map<std::string, std::vector<std::int64_t>> times_;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> counts_;  // success, failure
};

}  // namespace qctl::sandbox::chronos
