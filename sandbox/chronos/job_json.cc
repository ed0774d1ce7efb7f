// Writes a job exactly as Chronos' JobSerializer does (field order, types, defaults).
#include "sandbox/chronos/job.h"

#include "sandbox/chronos/iso_time.h"

namespace qctl::sandbox::chronos {

using nlohmann::json;
using nlohmann::ordered_json;

ordered_json job_to_json(const Job& job) {
  ordered_json j = ordered_json::object();
  j["name"] = job.name;
  j["command"] = job.command;
  j["shell"] = job.shell;
  if (job.epsilon) {
    j["epsilon"] = *job.epsilon;  // 2.x
  }
  j["executor"] = job.executor;
  j["executorFlags"] = job.executor_flags;
  j["taskInfoData"] = job.task_info_data;
  j["retries"] = job.retries;
  j["owner"] = job.owner;
  j["ownerName"] = job.owner_name;
  j["description"] = job.description;
  if (job.epsilon) {
    j["async"] = job.async;  // 2.x
  }
  j["successCount"] = job.success_count;
  j["errorCount"] = job.error_count;
  j["lastSuccess"] = job.last_success;
  j["lastError"] = job.last_error;
  j["cpus"] = job.cpus;
  j["disk"] = job.disk;
  j["mem"] = job.mem;
  j["disabled"] = job.disabled;
  j["softError"] = job.soft_error;
  j["dataProcessingJobType"] = job.data_processing_job_type;
  j["errorsSinceLastSuccess"] = job.errors_since_last_success;
  j["fetch"] = ordered_json::array();
  for (const FetchUri& f : job.fetch) {
    ordered_json o = {{"uri", f.uri}, {"executable", f.executable}, {"cache", f.cache}, {"extract", f.extract}};
    if (!f.output_file.empty()) {
      o["output_file"] = f.output_file;
    }
    j["fetch"].push_back(o);
  }
  j["uris"] = job.uris;
  j["environmentVariables"] = ordered_json::array();
  for (const auto& [name, value] : job.environment) {
    j["environmentVariables"].push_back({{"name", name}, {"value", value}});
  }
  j["arguments"] = job.arguments;
  j["highPriority"] = job.high_priority;
  j["runAsUser"] = job.run_as_user;
  if (!job.epsilon) {  // 3.x fields
    j["concurrent"] = job.concurrent;
    j["maxCompletionTime"] = job.max_completion_time;
  }
  if (job.container) {
    j["container"] = *job.container;
  }
  j["constraints"] = ordered_json::array();
  for (const auto& c : job.constraints) {
    j["constraints"].push_back({c[0], c[1], c[2]});
  }
  if (job.dependent) {
    j["parents"] = job.parents;
  } else {
    j["schedule"] = job.schedule;
    j["scheduleTimeZone"] = job.schedule_time_zone;
  }
  return j;
}

}  // namespace qctl::sandbox::chronos
