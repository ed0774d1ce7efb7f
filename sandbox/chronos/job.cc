// Reads job JSON like Chronos' JobDeserializer (Jackson coercions included); job_json.cc
// writes it like JobSerializer.
#include "sandbox/chronos/job.h"

#include <algorithm>
#include <cstdlib>
#include <regex>

#include "sandbox/chronos/iso_time.h"

namespace qctl::sandbox::chronos {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// Jackson's JsonNode.asText: JSON null reads "null", containers read "".
std::string as_text(const json& v) {
  if (v.is_string()) {
    return v.get<std::string>();
  }
  if (v.is_null()) {
    return "null";
  }
  if (v.is_boolean()) {
    return v.get<bool>() ? "true" : "false";
  }
  if (v.is_number_integer()) {
    return v.dump();
  }
  if (v.is_number_float()) {
    std::string s = v.dump();
    return s.find_first_of(".eE") == std::string::npos ? s + ".0" : s;
  }
  return "";
}

bool as_bool(const json& v) {
  if (v.is_boolean()) {
    return v.get<bool>();
  }
  if (v.is_number()) {
    return v.get<double>() != 0;
  }
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    s.erase(0, s.find_first_not_of(" \t\n\r"));
    s.erase(s.find_last_not_of(" \t\n\r") + 1);
    return s == "true";
  }
  return false;
}

double as_double(const json& v) {
  if (v.is_number()) {
    return v.get<double>();
  }
  if (v.is_boolean()) {
    return v.get<bool>() ? 1 : 0;
  }
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    return end != s.c_str() && *end == '\0' ? d : 0;
  }
  return 0;
}

std::int64_t as_long(const json& v) {
  if (v.is_number_integer()) {
    return v.get<std::int64_t>();
  }
  return static_cast<std::int64_t>(as_double(v));
}

// `node.has(key) && node.get(key) != null` — a JSON null still counts as present.
const json* field(const json& node, const char* key) {
  auto it = node.find(key);
  return it == node.end() ? nullptr : &*it;
}

const json& required(const json& node, const char* key) {
  const json* v = node.is_object() ? field(node, key) : nullptr;
  if (v == nullptr) {
    throw JobFormatError(std::string("java.lang.NullPointerException: no '") + key + "'");
  }
  return *v;
}

std::string text_or(const json& node, const char* key, const std::string& fallback) {
  const json* v = field(node, key);
  return v != nullptr ? as_text(*v) : fallback;
}

bool bool_or(const json& node, const char* key, bool fallback) {
  const json* v = field(node, key);
  return v != nullptr ? as_bool(*v) : fallback;
}

std::vector<std::string> texts(const json& node, const char* key) {
  std::vector<std::string> out;
  if (const json* v = field(node, key); v != nullptr && v->is_array()) {
    for (const json& e : *v) {
      out.push_back(as_text(e));
    }
  }
  return out;
}

// Scala's Enumeration.withName: an unknown value throws inside the deserializer.
std::string enum_value(const std::string& v, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed) {
    if (v == a) {
      return v;
    }
  }
  throw JobFormatError("java.util.NoSuchElementException: No value found for '" + v + "'");
}

ordered_json key_values(const json& node, const char* key) {
  ordered_json out = ordered_json::array();
  if (const json* v = field(node, key); v != nullptr && v->is_array()) {
    for (const json& e : *v) {
      if (!e.is_object()) {
        throw JobFormatError("scala.MatchError: " + e.dump());
      }
      out.push_back({{"key", as_text(required(e, "key"))}, {"value", as_text(required(e, "value"))}});
    }
  }
  return out;
}

ordered_json parse_volume(const json& v) {
  if (!v.is_object()) {
    throw JobFormatError("scala.MatchError: " + v.dump());
  }
  ordered_json out = ordered_json::object();
  if (const json* h = field(v, "hostPath")) {
    out["hostPath"] = as_text(*h);
  }
  out["containerPath"] = as_text(required(v, "containerPath"));
  if (const json* m = field(v, "mode")) {
    std::string mode = as_text(*m);
    std::transform(mode.begin(), mode.end(), mode.begin(), ::toupper);
    out["mode"] = enum_value(mode, {"RW", "RO"});
  }
  if (const json* e = field(v, "external")) {
    ordered_json ext = ordered_json::object();
    ext["name"] = as_text(required(*e, "name"));
    ext["provider"] = as_text(required(*e, "provider"));
    ext["options"] = key_values(*e, "options");
    out["external"] = ext;
  }
  return out;
}

ordered_json parse_network_info(const json& n) {
  if (!n.is_object()) {
    throw JobFormatError("scala.MatchError: " + n.dump());
  }
  ordered_json out = ordered_json::object();
  out["name"] = as_text(required(n, "name"));
  if (const json* p = field(n, "protocol"); p != nullptr && !p->is_null()) {
    out["protocol"] = enum_value(as_text(*p), {"IPv4", "IPv6"});
  }
  out["labels"] = key_values(n, "labels");
  ordered_json mappings = ordered_json::array();
  if (const json* pm = field(n, "portMappings"); pm != nullptr && pm->is_array()) {
    for (const json& m : *pm) {
      // JobSerializer writes the ports as strings.
      ordered_json o = {{"hostPort", std::to_string(as_long(required(m, "hostPort")))},
                        {"containerPort", std::to_string(as_long(required(m, "containerPort")))}};
      if (const json* proto = field(m, "protocol"); proto != nullptr && !proto->is_null()) {
        o["protocol"] = as_text(*proto);
      }
      mappings.push_back(o);
    }
  }
  out["portMappings"] = mappings;
  return out;
}

// Chronos 2.5 (Containers.scala): Docker only, BRIDGE or HOST, no networks, no external
// volumes; an image is required once the key is there.
std::optional<ordered_json> parse_container_v2(const json& node) {
  const json* c = field(node, "container");
  if (c == nullptr) {
    return std::nullopt;
  }
  if (!c->is_object()) {
    throw JobFormatError("java.lang.NullPointerException: container " + c->dump());
  }
  ordered_json out = ordered_json::object();
  out["type"] = "docker";
  out["image"] = as_text(required(*c, "image"));
  const json* network = field(*c, "network");
  out["network"] = network && !network->is_null() ? enum_value(as_text(*network), {"BRIDGE", "HOST"})
                                                  : "HOST";
  out["volumes"] = ordered_json::array();
  if (const json* vols = field(*c, "volumes"); vols != nullptr && vols->is_array()) {
    for (const json& v : *vols) {
      ordered_json vol = parse_volume(v);
      vol.erase("external");
      out["volumes"].push_back(vol);
    }
  }
  std::string pull = text_or(*c, "forcePullImage", "false");
  std::transform(pull.begin(), pull.end(), pull.begin(), ::tolower);
  out["forcePullImage"] = pull == "true";
  out["parameters"] = key_values(*c, "parameters");
  return out;
}

// Built only when the container has an "image", as Chronos does.
std::optional<ordered_json> parse_container(const json& node) {
  const json* c = field(node, "container");
  if (c == nullptr || !c->is_object() || !c->contains("image")) {
    return std::nullopt;
  }
  ordered_json out = ordered_json::object();
  std::string type = field(*c, "type") && !(*c)["type"].is_null() ? as_text((*c)["type"]) : "DOCKER";
  std::transform(type.begin(), type.end(), type.begin(), ::toupper);
  out["type"] = enum_value(type, {"DOCKER", "MESOS"});
  out["image"] = as_text((*c)["image"]);
  const json* network = field(*c, "network");
  out["network"] = network && !network->is_null() ? enum_value(as_text(*network), {"BRIDGE", "HOST", "USER"})
                                                  : "HOST";
  if (const json* nn = field(*c, "networkName"); nn != nullptr && !nn->is_null()) {
    out["networkName"] = as_text(*nn);
  }
  out["networkInfos"] = ordered_json::array();
  if (const json* infos = field(*c, "networkInfos"); infos != nullptr && infos->is_array()) {
    for (const json& n : *infos) {
      out["networkInfos"].push_back(parse_network_info(n));
    }
  }
  out["volumes"] = ordered_json::array();
  if (const json* vols = field(*c, "volumes"); vols != nullptr && vols->is_array()) {
    for (const json& v : *vols) {
      out["volumes"].push_back(parse_volume(v));
    }
  }
  // Try(asText.toBoolean).getOrElse(false): only "true"/"false" in any case count.
  std::string pull = text_or(*c, "forcePullImage", "false");
  std::transform(pull.begin(), pull.end(), pull.begin(), ::tolower);
  out["forcePullImage"] = pull == "true";
  out["parameters"] = key_values(*c, "parameters");
  return out;
}

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
  job.container = v2 ? parse_container_v2(body) : parse_container(body);
  parse_kind(body, job, now, v2);
  if (v2) {
    job.concurrent = false;
    job.max_completion_time = 0;
    job.async = bool_or(body, "async", false);
    job.epsilon = "PT" + std::to_string(defaults.task_epsilon_seconds) + "S";
    if (const json* e = field(body, "epsilon")) {
      // Period.parse: a bad period fails inside the deserializer; a good one keeps its text.
      const std::string text = as_text(*e);
      if (!parse_period(text)) {
        throw JobFormatError("java.lang.IllegalArgumentException: Invalid format: \"" + text + "\"");
      }
      job.epsilon = text;
    }
  }
  return job;
}


bool valid_job_name(const std::string& name, int api_version) {
  const bool v2 = api_version < 3;
  return !name.empty() && std::all_of(name.begin(), name.end(), [v2](char c) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '.' || c == '-';
    // Java's \s: space, \t, \n, \x0B, \f, \r.
    const bool v2_extra = c == '#' || c == ' ' || (c >= '\t' && c <= '\r');
    return word || (v2 && v2_extra);
  });
}

std::string job_name_pattern(int api_version) {
  return api_version < 3 ? "([\\w\\s\\.#_-]+)" : "([\\w\\.-]+)";
}

}  // namespace qctl::sandbox::chronos
