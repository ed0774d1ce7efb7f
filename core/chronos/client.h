// Chronos client for 3.x (/v1/scheduler) and 2.x (/scheduler), prefix detected when asked.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/config/config.h"
#include "core/model/chronos.h"
#include "core/service/endpoints.h"

namespace qctl::chronos {

/// Sizes of Chronos' two in-memory queues, from /metrics (TaskManager gauges).
struct QueueGauges {
  double high = 0;    // ...TaskManager.highQueueSize
  double normal = 0;  // ...TaskManager.queueSize
};

/// Errors: Chronos answers 400 with a Java stack trace for an unknown job: mapped to
/// NotFoundError; other messages trimmed to their first line; 401/403 -> AuthError.
class Client {
 public:
  Client(http::Client& http, std::vector<std::string> urls, config::ChronosApi api);

  /// "/v1/scheduler" or "/scheduler"; with kAuto, GET /v1/scheduler/leader decides (404 ->
  /// 2.x), once per process.
  std::string prefix();
  /// Chronos 2.x (prefix "/scheduler"): no queue dedup, states without "N running".
  bool is_v2() { return prefix() == "/scheduler"; }

  /// GET {prefix}/jobs.
  std::vector<model::Job> jobs();
  /// GET {prefix}/job/{name}.
  model::Job job(const std::string& name);
  /// GET {prefix}/jobs/summary (3.x); on 2.x derived from jobs and graph/csv.
  std::vector<model::JobSummary> summary();
  /// GET {prefix}/graph/csv.
  model::JobGraph graph();
  /// GET {prefix}/job/stat/{name}.
  model::JobStat job_stat(const std::string& name);
  /// GET {prefix}/job/stat/{name} for each name with `parallel` requests in flight over
  /// reused connections (core/chronos/client_stats.cc); nullopt for a job Chronos no longer
  /// knows (its 400 "not found"). Throws for any other failure.
  std::vector<std::optional<model::JobStat>> job_stats(const std::vector<std::string>& names,
                                                       std::size_t parallel = 8);
  /// GET {prefix}/leader -> "host:port".
  std::string leader();
  /// GET /metrics -> the two queue gauges.
  QueueGauges queue_gauges();
  /// POST {prefix}/iso8601 (scheduled) or {prefix}/dependency (has parents); 204 expected.
  void upsert(const std::string& job_json, bool dependent);
  /// PUT {prefix}/job/{name}?arguments=… (run now).
  void run(const std::string& name, const std::string& arguments = {});
  /// DELETE {prefix}/job/{name}.
  void remove(const std::string& name);
  /// DELETE {prefix}/task/kill/{name}.
  void kill_tasks(const std::string& name);

  [[nodiscard]] service::Endpoints& endpoints() { return endpoints_; }

 private:
  http::Response call(http::Method method, const std::string& path,
                      const std::string& body = {});

  service::Endpoints endpoints_;
  config::ChronosApi api_;
  std::mutex mutex_;
  std::string prefix_;
};

/// Chronos' error text: `message` (3.x ApiResult, a stack trace) or the plain 2.x body,
/// trimmed to its first line.
[[nodiscard]] std::string error_message(const std::string& body);

}  // namespace qctl::chronos
