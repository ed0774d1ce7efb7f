// Plain structs for Chronos jobs, summaries, graph and statistics.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/marathon.h"

namespace qctl::model {

struct EnvVar {
  std::string name;
  std::string value;
};

struct FetchUri {
  std::string uri;
  bool executable = false;
  bool cache = false;
  bool extract = true;
  std::string output_file;
};

struct JobContainer {
  std::string type = "DOCKER";
  std::string image;
  std::string network = "HOST";
  bool force_pull_image = false;
  /// The container object exactly as Chronos sent it ("" when built by hand), so a job
  /// written back keeps what the fields above do not hold (volumes, parameters, …).
  std::string raw_json;
};

/// A Chronos job as GET /v1/scheduler/jobs serializes it (JobSerializer field order).
struct Job {
  std::string name;
  std::string command;
  bool shell = true;
  std::string executor;
  std::string executor_flags;
  std::string task_info_data;  // taskInfoData: opaque data for a custom executor
  std::int64_t retries = 2;
  std::string owner;
  std::string owner_name;
  std::string description;
  std::int64_t success_count = 0;
  std::int64_t error_count = 0;
  std::string last_success;  // ISO timestamp or ""
  std::string last_error;
  double cpus = 0;
  double mem = 0;
  double disk = 0;
  bool disabled = false;
  bool soft_error = false;
  bool data_processing_job_type = false;
  std::int64_t errors_since_last_success = 0;
  std::vector<FetchUri> fetch;
  std::vector<std::string> uris;
  std::vector<EnvVar> environment_variables;
  std::vector<std::string> arguments;
  bool high_priority = false;
  std::string run_as_user;
  bool concurrent = false;                // Chronos 3.x only
  std::int64_t max_completion_time = 0;   // Chronos 3.x only
  std::string epsilon;                    // Chronos 2.x only: "PT60S", "" when not given
  bool async = false;                     // Chronos 2.x only
  std::optional<JobContainer> container;
  std::vector<Constraint> constraints;
  std::string schedule;  // scheduled jobs: "R/2024-01-01T00:00:00Z/PT1H"
  std::string schedule_time_zone;
  std::vector<std::string> parents;  // dependent jobs

  [[nodiscard]] bool is_dependent() const { return !parents.empty(); }
};

/// GET /v1/scheduler/jobs/summary element. `status` is the last run (success|failure|fresh),
/// `state` the current one (idle|queued|running|"N running") — Chronos' own field names.
struct JobSummary {
  std::string name;
  std::string status;
  std::string state;
  std::string schedule;
  std::vector<std::string> parents;
  bool disabled = false;
};

/// GET /v1/scheduler/graph/csv: node and link lines.
struct JobGraph {
  struct Node {
    std::string name;
    std::string last_state;
    std::string current_state;
  };
  struct Link {
    std::string parent;
    std::string child;
  };
  std::vector<Node> nodes;
  std::vector<Link> links;
};

struct TaskStat {
  std::string task_id;
  std::string job_name;
  std::string slave_id;
  std::string start_time;
  std::string end_time;
  std::string duration;
  std::string status;
};

/// GET /v1/scheduler/job/stat/{name}.
struct JobStat {
  std::map<std::string, double> histogram;  // median, mean, 75thPercentile, …, count
  std::vector<TaskStat> history;
};

}  // namespace qctl::model
