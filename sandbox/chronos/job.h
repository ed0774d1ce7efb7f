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
  bool concurrent = false;
  std::int64_t max_completion_time = 0;
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
};

/// Thrown where Chronos' deserializer itself fails (missing name, bad container enum, …):
/// the request then never reaches the resource and Jetty answers 500.
class JobFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// JobDeserializer: "parents" makes a dependent job, else "schedule" a scheduled one, else a
/// run-once-now job ("R1/<now>/PT24H"). Unknown keys are ignored; values are coerced as
/// Jackson's asText/asInt/asDouble/asBoolean do. Throws JobFormatError.
[[nodiscard]] Job parse_job(const nlohmann::json& body, const JobDefaults& defaults, double now);

/// JobSerializer: every field in Chronos' order, then "parents" or "schedule" +
/// "scheduleTimeZone".
[[nodiscard]] nlohmann::ordered_json job_to_json(const Job& job);

/// JobUtils.jobNamePattern `([\w\.-]+)`, matched against the whole name.
[[nodiscard]] bool valid_job_name(const std::string& name);

}  // namespace qctl::sandbox::chronos
