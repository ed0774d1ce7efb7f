// Reads job JSON like Chronos' JobDeserializer (Jackson coercions in job_read.cc); job_json.cc
// writes it like JobSerializer.
#include "sandbox/chronos/job.h"

#include <algorithm>
#include <regex>

#include "core/chronos/job_validate.h"
#include "sandbox/chronos/iso_time.h"
#include "sandbox/chronos/job_read.h"

namespace qctl::sandbox::chronos {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;
using namespace jackson;


void parse_lists(const json& node, Job& job, bool v2) {
  job.uris = texts(node, "uris");
  job.arguments = texts(node, "arguments");
  if (const json* f = field(node, "fetch"); f != nullptr && f->is_array()) {
    for (const json& e : *f) {
      if (!e.is_object()) {
        throw JobFormatError("scala.MatchError: " + e.dump());
      }
      // 2.5's Fetch: extract defaults to false and there is no output_file.
      job.fetch.push_back(FetchUri{text_or(e, "uri", ""), bool_or(e, "executable", false),
                                   bool_or(e, "cache", false), bool_or(e, "extract", !v2),
                                   v2 ? "" : text_or(e, "output_file", "")});
    }
  }
  if (const json* env = field(node, "environmentVariables"); env != nullptr && env->is_array()) {
    for (const json& e : *env) {
      if (!e.is_object()) {
        throw JobFormatError("scala.MatchError: " + e.dump());
      }
      job.environment.emplace_back(as_text(required(e, "name")), as_text(required(e, "value")));
    }
  }
  if (const json* cs = field(node, "constraints"); cs != nullptr && cs->is_array()) {
    for (const json& c : *cs) {
      if (!c.is_array() || c.size() < 2) {
        throw JobFormatError("java.lang.NullPointerException: constraint " + c.dump());
      }
      const std::string op = as_text(c[1]);
      if (op != "EQUALS" && op != "LIKE" && op != "UNLIKE") {
        continue;  // other operators are dropped silently
      }
      if (c.size() < 3) {
        throw JobFormatError("java.lang.NullPointerException: constraint " + c.dump());
      }
      if (op != "EQUALS") {
        // LikeConstraint compiles its pattern when it is built, inside the deserializer.
        try {
          std::regex check(as_text(c[2]));
        } catch (const std::regex_error&) {
          throw JobFormatError("java.util.regex.PatternSyntaxException: " + as_text(c[2]));
        }
      }
      job.constraints.push_back({as_text(c[0]), op, as_text(c[2])});
    }
  }
}

double resource(const json& node, const char* key, double fallback) {
  const json* v = field(node, key);
  return v != nullptr && as_double(*v) != 0 ? as_double(*v) : fallback;
}

void parse_kind(const json& node, Job& job, double now, bool v2) {
  if (const json* parents = field(node, "parents")) {
    job.dependent = true;
    if (parents->is_array()) {
      for (const json& p : *parents) {
        std::string name = as_text(p);
        if (std::find(job.parents.begin(), job.parents.end(), name) == job.parents.end()) {
          job.parents.push_back(std::move(name));
        }
      }
    }
  } else if (const json* schedule = field(node, "schedule")) {
    job.schedule = as_text(*schedule);
    job.schedule_time_zone = text_or(node, "scheduleTimeZone", "");
  } else {
    // Run once, now (2.x leaves the start empty, which means now).
    job.schedule = v2 ? "R1//PT24H" : "R1/" + utc_string(now) + "/PT24H";
    job.concurrent = false;
  }
}

}  // namespace

Job parse_job(const json& body, const JobDefaults& defaults, double now) {
  if (!body.is_object()) {
    throw JobFormatError("com.fasterxml.jackson.databind.JsonMappingException: not an object");
  }
  Job job;
  const bool v2 = defaults.api_version < 3;
  job.name = as_text(required(body, "name"));
  job.command = v2 ? as_text(required(body, "command")) : text_or(body, "command", "");
  job.shell = bool_or(body, "shell", true);
  job.executor = text_or(body, "executor", "");
  job.executor_flags = text_or(body, "executorFlags", "");
  job.task_info_data = text_or(body, "taskInfoData", "");
  job.retries = field(body, "retries") ? static_cast<std::int32_t>(as_long(body["retries"])) : 2;
  job.owner = text_or(body, "owner", "");
  job.owner_name = text_or(body, "ownerName", "");
  job.description = text_or(body, "description", "");
  job.disabled = bool_or(body, "disabled", false);
  job.concurrent = bool_or(body, "concurrent", false);
  job.soft_error = bool_or(body, "softError", false);
  job.data_processing_job_type = bool_or(body, "dataProcessingJobType", false);
  job.success_count = field(body, "successCount") ? as_long(body["successCount"]) : 0;
  job.error_count = field(body, "errorCount") ? as_long(body["errorCount"]) : 0;
  job.last_success = text_or(body, "lastSuccess", "");
  job.last_error = text_or(body, "lastError", "");
  job.cpus = resource(body, "cpus", defaults.cpus);
  job.disk = resource(body, "disk", defaults.disk);
  job.mem = resource(body, "mem", defaults.mem);
  job.max_completion_time = field(body, "maxCompletionTime") ? as_long(body["maxCompletionTime"]) : 0;
  job.errors_since_last_success =
      field(body, "errorsSinceLastSuccess") ? as_long(body["errorsSinceLastSuccess"]) : 0;
  parse_lists(body, job, v2);
  job.high_priority = bool_or(body, "highPriority", false);
  job.run_as_user = text_or(body, "runAsUser", defaults.user);
  job.container = parse_container(body, v2);
  parse_kind(body, job, now, v2);
  if (v2) {
    job.concurrent = false;
    job.max_completion_time = 0;
    job.async = bool_or(body, "async", false);
    job.epsilon = "PT" + std::to_string(defaults.task_epsilon_seconds) + "S";
    if (const json* e = field(body, "epsilon")) {
      // Period.parse: a bad period fails inside the deserializer; a good one keeps its text.
      const std::string text = as_text(*e);
      const auto period = parse_period(text);
      if (!period) {
        throw JobFormatError("java.lang.IllegalArgumentException: Invalid format: \"" + text + "\"");
      }
      job.epsilon = format_period(*period);  // Period.toString: "PT1.5S" -> "PT1.500S"
    }
  }
  return job;
}


bool valid_job_name(const std::string& name, int api_version) {
  return qctl::chronos::valid_job_name(name, api_version < 3);  // qctl's rule, core/chronos
}

std::string job_name_pattern(int api_version) {
  return api_version < 3 ? "([\\w\\s\\.#_-]+)" : "([\\w\\.-]+)";
}

}  // namespace qctl::sandbox::chronos
