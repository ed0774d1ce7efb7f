#include "core/model/chronos_json.h"

#include "core/model/marathon_json.h"

namespace qctl::model {

namespace {

nlohmann::json constraints_json(const std::vector<Constraint>& constraints) {
  auto out = nlohmann::json::array();
  for (const auto& c : constraints) {
    out.push_back(to_json(c));
  }
  return out;
}

nlohmann::json env_json(const std::vector<EnvVar>& vars) {
  auto out = nlohmann::json::array();
  for (const auto& v : vars) {
    out.push_back({{"name", v.name}, {"value", v.value}});
  }
  return out;
}

/// Chronos spells output_file in snake_case inside fetch, so one shape serves both.
nlohmann::json fetch_json(const std::vector<FetchUri>& fetch) {
  auto out = nlohmann::json::array();
  for (const auto& f : fetch) {
    nlohmann::json uri = {
        {"uri", f.uri}, {"executable", f.executable}, {"cache", f.cache}, {"extract", f.extract}};
    if (!f.output_file.empty()) {
      uri["output_file"] = f.output_file;
    }
    out.push_back(std::move(uri));
  }
  return out;
}

nlohmann::json container_json(const std::optional<JobContainer>& c) {
  if (!c) {
    return nullptr;
  }
  return {{"type", c->type},
          {"image", c->image},
          {"network", c->network},
          {"force_pull_image", c->force_pull_image}};
}

/// The raw object Chronos sent when there is one, else the typed fields.
nlohmann::json chronos_container(const JobContainer& c) {
  if (!c.raw_json.empty()) {
    auto raw = nlohmann::json::parse(c.raw_json, nullptr, false);
    if (raw.is_object()) {
      raw["type"] = c.type;
      raw["image"] = c.image;
      raw["network"] = c.network;
      raw["forcePullImage"] = c.force_pull_image;
      return raw;
    }
  }
  return {{"type", c.type},
          {"image", c.image},
          {"network", c.network},
          {"forcePullImage", c.force_pull_image}};
}

}  // namespace

nlohmann::json to_json(const Job& job) {
  return {{"name", job.name},
          {"kind", job.is_dependent() ? "dependent" : "scheduled"},
          {"command", job.command},
          {"shell", job.shell},
          {"arguments", job.arguments},
          {"schedule", job.schedule},
          {"schedule_time_zone", job.schedule_time_zone},
          {"parents", job.parents},
          {"disabled", job.disabled},
          {"high_priority", job.high_priority},
          {"concurrent", job.concurrent},
          {"retries", job.retries},
          {"cpus", job.cpus},
          {"mem", job.mem},
          {"disk", job.disk},
          {"owner", job.owner},
          {"owner_name", job.owner_name},
          {"description", job.description},
          {"run_as_user", job.run_as_user},
          {"executor", job.executor},
          {"executor_flags", job.executor_flags},
          {"task_info_data", job.task_info_data},
          {"success_count", job.success_count},
          {"error_count", job.error_count},
          {"errors_since_last_success", job.errors_since_last_success},
          {"last_success", job.last_success},
          {"last_error", job.last_error},
          {"soft_error", job.soft_error},
          {"data_processing_job_type", job.data_processing_job_type},
          {"max_completion_time", job.max_completion_time},
          {"epsilon", job.epsilon},
          {"async", job.async},
          {"environment_variables", env_json(job.environment_variables)},
          {"fetch", fetch_json(job.fetch)},
          {"uris", job.uris},
          {"constraints", constraints_json(job.constraints)},
          {"container", container_json(job.container)}};
}

nlohmann::json to_json(const JobSummary& summary) {
  return {{"name", summary.name},       {"status", summary.status},
          {"state", summary.state},     {"schedule", summary.schedule},
          {"parents", summary.parents}, {"disabled", summary.disabled}};
}

nlohmann::json to_json(const JobGraph& graph) {
  auto nodes = nlohmann::json::array();
  for (const auto& n : graph.nodes) {
    nodes.push_back(
        {{"name", n.name}, {"last_state", n.last_state}, {"current_state", n.current_state}});
  }
  auto links = nlohmann::json::array();
  for (const auto& l : graph.links) {
    links.push_back({{"parent", l.parent}, {"child", l.child}});
  }
  return {{"nodes", nodes}, {"links", links}};
}

nlohmann::json to_json(const JobStat& stat) {
  auto history = nlohmann::json::array();
  for (const auto& t : stat.history) {
    history.push_back({{"task_id", t.task_id},
                       {"job_name", t.job_name},
                       {"slave_id", t.slave_id},
                       {"start_time", t.start_time},
                       {"end_time", t.end_time},
                       {"duration", t.duration},
                       {"status", t.status}});
  }
  return {{"histogram", stat.histogram}, {"history", history}};
}

nlohmann::json job_to_chronos_json(const Job& job, bool v2) {
  nlohmann::json out = {
      {"name", job.name},
      {"command", job.command},
      {"shell", job.shell},
      {"arguments", job.arguments},
      {"executor", job.executor},
      {"executorFlags", job.executor_flags},
      {"retries", job.retries},
      {"owner", job.owner},
      {"ownerName", job.owner_name},
      {"description", job.description},
      {"successCount", job.success_count},
      {"errorCount", job.error_count},
      {"lastSuccess", job.last_success},
      {"lastError", job.last_error},
      {"cpus", job.cpus},
      {"mem", job.mem},
      {"disk", job.disk},
      {"disabled", job.disabled},
      {"softError", job.soft_error},
      {"dataProcessingJobType", job.data_processing_job_type},
      {"errorsSinceLastSuccess", job.errors_since_last_success},
      {"environmentVariables", env_json(job.environment_variables)},
      {"highPriority", job.high_priority},
      {"constraints", constraints_json(job.constraints)},
  };
  if (v2) {
    if (!job.epsilon.empty()) {
      out["epsilon"] = job.epsilon;
    }
    out["async"] = job.async;
  } else {
    out["concurrent"] = job.concurrent;
    out["maxCompletionTime"] = job.max_completion_time;
  }
  if (!job.task_info_data.empty()) {
    out["taskInfoData"] = job.task_info_data;
  }
  // GET mirrors fetch into uris; sending both back is a 400.
  if (!job.fetch.empty() || job.uris.empty()) {
    out["fetch"] = fetch_json(job.fetch);
  } else {
    out["uris"] = job.uris;
  }
  if (!job.run_as_user.empty()) {
    out["runAsUser"] = job.run_as_user;
  }
  if (job.container) {
    out["container"] = chronos_container(*job.container);
  }
  if (job.is_dependent()) {
    out["parents"] = job.parents;
  } else if (!job.schedule.empty()) {
    // Without a schedule Chronos runs the job once, now; "" would be a parse error.
    out["schedule"] = job.schedule;
    out["scheduleTimeZone"] = job.schedule_time_zone;
  }
  return out;
}

}  // namespace qctl::model
