#include "core/chronos/decode.h"

#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>

#include "core/json/members.h"
#include "core/service/constraints.h"
#include "core/util/strings.h"

namespace qctl::chronos {

namespace {

std::vector<model::FetchUri> decode_fetch(json::Value& v) {
  std::vector<model::FetchUri> out;
  json::elements(v, [&](json::Value& f) {
    model::FetchUri uri;
    json::fields(f, [&](std::string_view key, json::Value& value) {
      if (key == "uri") {
        uri.uri = json::string(value);
      } else if (key == "executable") {
        uri.executable = json::boolean(value);
      } else if (key == "cache") {
        uri.cache = json::boolean(value);
      } else if (key == "extract") {
        uri.extract = json::boolean(value);
      } else if (key == "output_file") {
        uri.output_file = json::string(value);
      }
    });
    out.push_back(std::move(uri));
  });
  return out;
}

std::vector<model::EnvVar> decode_env(json::Value& v) {
  std::vector<model::EnvVar> out;
  json::elements(v, [&](json::Value& e) {
    model::EnvVar var;
    json::fields(e, [&](std::string_view key, json::Value& value) {
      if (key == "name") {
        var.name = json::string(value);
      } else if (key == "value") {
        var.value = json::string(value);
      }
    });
    out.push_back(std::move(var));
  });
  return out;
}

/// Keeps the raw object (volumes, parameters, networkInfos survive a write-back) and reads the
/// few typed fields from it.
std::optional<model::JobContainer> decode_container(json::Value& v) {
  if (json::is_null(v)) {
    return std::nullopt;
  }
  json::Object object = v.get_object();
  const std::string_view raw = object.raw_json();
  const auto parsed = nlohmann::json::parse(raw.begin(), raw.end(), nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    throw json::DecodeError("job container is not a JSON object");
  }
  model::JobContainer c;
  c.raw_json = std::string(util::trim(raw));
  const auto text = [&](const char* key, std::string& out) {
    if (const auto it = parsed.find(key); it != parsed.end() && it->is_string()) {
      out = it->get<std::string>();
    }
  };
  text("type", c.type);
  text("image", c.image);
  text("network", c.network);
  c.type = util::to_upper(c.type);
  if (const auto it = parsed.find("forcePullImage"); it != parsed.end() && it->is_boolean()) {
    c.force_pull_image = it->get<bool>();
  }
  return c;
}

const json::ScalarMembers<model::Job> kMembers = {
    .strings = {{"name", &model::Job::name},
                {"command", &model::Job::command},
                {"executor", &model::Job::executor},
                {"executorFlags", &model::Job::executor_flags},
                {"taskInfoData", &model::Job::task_info_data},
                {"epsilon", &model::Job::epsilon},
                {"owner", &model::Job::owner},
                {"ownerName", &model::Job::owner_name},
                {"description", &model::Job::description},
                {"lastSuccess", &model::Job::last_success},
                {"lastError", &model::Job::last_error},
                {"runAsUser", &model::Job::run_as_user},
                {"schedule", &model::Job::schedule},
                {"scheduleTimeZone", &model::Job::schedule_time_zone}},
    .bools = {{"shell", &model::Job::shell},
              {"disabled", &model::Job::disabled},
              {"softError", &model::Job::soft_error},
              {"dataProcessingJobType", &model::Job::data_processing_job_type},
              {"highPriority", &model::Job::high_priority},
              {"concurrent", &model::Job::concurrent},
              {"async", &model::Job::async}},
    .integers = {{"retries", &model::Job::retries},
                 {"successCount", &model::Job::success_count},
                 {"errorCount", &model::Job::error_count},
                 {"errorsSinceLastSuccess", &model::Job::errors_since_last_success},
                 {"maxCompletionTime", &model::Job::max_completion_time}},
    .numbers = {{"cpus", &model::Job::cpus},
                {"mem", &model::Job::mem},
                {"disk", &model::Job::disk}},
};

/// Lists and objects; other keys are ignored, as Chronos' JobDeserializer does.
void decode_structured(std::string_view key, json::Value& v, model::Job& j) {
  if (key == "fetch") {
    j.fetch = decode_fetch(v);
  } else if (key == "uris") {
    j.uris = json::string_array(v);
  } else if (key == "environmentVariables") {
    j.environment_variables = decode_env(v);
  } else if (key == "arguments") {
    j.arguments = json::string_array(v);
  } else if (key == "container") {
    j.container = decode_container(v);
  } else if (key == "constraints") {
    j.constraints = service::decode_constraints(v);
  } else if (key == "parents") {
    j.parents = json::string_array(v);
  }
}

void decode_job_field(std::string_view key, json::Value& v, model::Job& j) {
  if (!kMembers.assign(key, v, j)) {
    decode_structured(key, v, j);
  }
}

}  // namespace

model::Job decode_job_value(json::Value& v) {
  if (v.type() != simdjson::ondemand::json_type::object) {
    throw json::DecodeError("expected a job object");
  }
  model::Job job;
  json::fields(v,
               [&](std::string_view key, json::Value& value) { decode_job_field(key, value, job); });
  if (job.name.empty()) {
    throw json::DecodeError("a job without a \"name\"");
  }
  return job;
}

std::vector<model::Job> decode_jobs(std::string& body) {
  std::vector<model::Job> out;
  json::parse(body, [&](json::Value& root) {
    if (root.type() != simdjson::ondemand::json_type::array) {
      throw json::DecodeError("expected a JSON array of jobs");
    }
    json::elements(root, [&](json::Value& j) { out.push_back(decode_job_value(j)); });
  });
  return out;
}

model::Job decode_job(std::string& body) {
  model::Job out;
  json::parse(body, [&](json::Value& root) { out = decode_job_value(root); });
  return out;
}

std::string last_state(const model::Job& job) {
  if (job.last_success.empty() && job.last_error.empty()) {
    return "fresh";
  }
  if (job.last_error.empty()) {
    return "success";
  }
  if (job.last_success.empty()) {
    return "failure";
  }
  // Joda writes both in the same ISO-8601 UTC form, so text order is time order.
  return job.last_success > job.last_error ? "success" : "failure";
}

std::vector<model::JobSummary> summarize(const std::vector<model::Job>& jobs,
                                         const model::JobGraph& graph) {
  std::unordered_map<std::string_view, const model::JobGraph::Node*> nodes;
  for (const auto& node : graph.nodes) {
    nodes[node.name] = &node;
  }
  std::vector<model::JobSummary> out;
  out.reserve(jobs.size());
  for (const auto& job : jobs) {
    model::JobSummary s;
    s.name = job.name;
    s.status = last_state(job);
    s.state = "idle";
    if (const auto it = nodes.find(job.name); it != nodes.end()) {
      s.status = it->second->last_state;
      s.state = it->second->current_state;
    }
    s.schedule = job.is_dependent() ? "" : job.schedule;
    s.parents = job.parents;
    s.disabled = job.disabled;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace qctl::chronos
