// A Chronos job as the emulator stores it, read like JobDeserializer and written like JobSerializer.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace qctl::sandbox::chronos {

struct FetchUri {
  std::string uri;
  bool executable = false;
  bool cache = false;
  bool extract = true;
  std::string output_file;
};

struct Job {
  std::string name;
  std::string command;
  bool shell = true;
  std::string executor, executor_flags, task_info_data;
  std::int64_t retries = 2;
  std::string owner, owner_name, description;
  std::int64_t success_count = 0;
  std::int64_t error_count = 0;
  std::string last_success, last_error;  // Joda ISO strings or ""
  double cpus = 0, disk = 0, mem = 0;
  bool disabled = false;
  bool soft_error = false;
  bool data_processing_job_type = false;
  std::int64_t errors_since_last_success = 0;
  std::vector<FetchUri> fetch;
  std::vector<std::string> uris;
  std::vector<std::pair<std::string, std::string>> environment;
  std::vector<std::string> arguments;
  bool high_priority = false;
  std::string run_as_user;
  bool concurrent = false;                 // 3.x only
  std::int64_t max_completion_time = 0;    // 3.x only
  /// 2.x only (a job read by a 2.x deserializer has one): the ISO period a missed run may be
  /// late by (--task_epsilon, "PT60S"), and whether the job reports its own completion.
  std::optional<std::string> epsilon;
  bool async = false;
  /// The container already in JobSerializer's shape (type, image, network, …); nullopt = none.
  std::optional<nlohmann::ordered_json> container;
  std::vector<std::array<std::string, 3>> constraints;  // EQUALS/LIKE/UNLIKE only
  bool dependent = false;                              // DependencyBasedJob
  std::string schedule, schedule_time_zone;            // scheduled jobs
  std::vector<std::string> parents;                    // dependent jobs (a set, insertion order)
};

/// Chronos' defaults for a resource given as 0 or absent (--mesos_task_* flags, --user).
struct JobDefaults {
  double cpus = 0.1;
  double mem = 128;
  double disk = 256;
  std::string user = "root";
  int api_version = 3;                     // 2: Chronos 2.5's deserializer
  std::int64_t task_epsilon_seconds = 60;  // --task_epsilon (2.x)
};

/// Thrown where Chronos' deserializer itself fails (missing name, bad container enum, …):
/// the request then never reaches the resource and Jetty answers 500.
class JobFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// JobDeserializer: "parents" makes a dependent job, else "schedule" a scheduled one, else a
/// run-once-now job ("R1/<now>/PT24H"; 2.x: "R1//PT24H"). Unknown keys are ignored; values
/// are coerced as Jackson's asText/asInt/asDouble/asBoolean do. 2.x reads `epsilon` and
/// `async`, needs `command`, and knows no `concurrent`, `maxCompletionTime`, fetch
/// `output_file` or container networks. Throws JobFormatError.
[[nodiscard]] Job parse_job(const nlohmann::json& body, const JobDefaults& defaults, double now);

/// JobSerializer: every field in Chronos' order, then "parents" or "schedule" +
/// "scheduleTimeZone" (a 2.x job, one with an epsilon, in 2.5's order and fields).
[[nodiscard]] nlohmann::ordered_json job_to_json(const Job& job);

/// JobUtils.jobNamePattern `([\w\.-]+)` (2.x: `([\w\s\.#_-]+)`), matched against the whole
/// name.
[[nodiscard]] bool valid_job_name(const std::string& name, int api_version = 3);
/// The pattern's text as Chronos' error message shows it.
[[nodiscard]] std::string job_name_pattern(int api_version);

}  // namespace qctl::sandbox::chronos
