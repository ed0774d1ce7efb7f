// App validation with Marathon's messages (AppValidation, SchedulingValidation, app.raml).
#include <map>
#include <regex>

#include "core/marathon/constraint_check.h"
#include "sandbox/marathon/app_def.h"
#include "sandbox/marathon/state.h"

namespace qctl::sandbox::marathon {

namespace {

using nlohmann::json;
using qctl::marathon::constraint_error;  // core/marathon/constraint_check.h

// PathId.ID_PATH_SEGMENT_PATTERN.
const char* const kSegmentPattern =
    "^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$";

struct TypeRule {
  const char* key;
  bool (json::*check)() const noexcept;
  const char* expected;
};

void check_id(const std::string& id, std::vector<Violation>& out) {
  static const std::regex kSegment(kSegmentPattern);
  std::size_t start = 1;
  std::string last;
  while (start < id.size()) {
    std::size_t slash = id.find('/', start);
    std::string seg = id.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (!std::regex_match(seg, kSegment)) {
      out.push_back({"/id", std::string("must fully match regular expression '") +
                                kSegmentPattern + "'"});
      return;
    }
    last = seg;
    start = slash == std::string::npos ? id.size() : slash + 1;
  }
  if (id == "/") {
    out.push_back({"/id", "Path must contain at least one path element"});
  } else if (last == "restart" || last == "tasks" || last == "versions" || last == "." ||
             last == "..") {
    out.push_back({"/id", "must not end with any of the following reserved keywords: "
                          "restart, tasks, versions, ., .."});
  }
}

void check_min(const json& def, const char* key, double min, bool integral,
               std::vector<Violation>& out) {
  double v = def.at(key).get<double>();
  if (v < min) {
    // wix-accord's `should be >=` message with Scala's number formatting.
    std::string got = integral ? std::to_string(static_cast<long long>(v)) : java_double(v);
    std::string want = integral ? std::to_string(static_cast<long long>(min)) : java_double(min);
    out.push_back({std::string("/") + key, "got " + got + ", expected " + want + " or more"});
  }
}

void check_capacity(const json& us, const char* key, std::vector<Violation>& out) {
  double v = us.at(key).get<double>();
  std::string path = std::string("/upgradeStrategy/") + key;
  if (v > 1) {
    out.push_back({path, "is greater than 1"});
  } else if (v < 0) {
    out.push_back({path, "is less than 0"});
  }
}

}  // namespace

std::vector<Violation> type_errors(const json& app, bool require_id) {
  std::vector<Violation> out;
  if (!app.is_object()) {
    out.push_back({"", "error.expected.jsobject"});
    return out;
  }
  if (require_id && !app.contains("id")) {
    out.push_back({"/id", "error.path.missing"});
  }
  static const TypeRule kRules[] = {
      {"id", &json::is_string, "error.expected.jsstring"},
      {"cmd", &json::is_string, "error.expected.jsstring"},
      {"instances", &json::is_number_integer, "error.expected.jsnumber"},
      {"cpus", &json::is_number, "error.expected.jsnumber"},
      {"mem", &json::is_number, "error.expected.jsnumber"},
      {"disk", &json::is_number, "error.expected.jsnumber"},
      {"gpus", &json::is_number_integer, "error.expected.jsnumber"},
      {"backoffSeconds", &json::is_number, "error.expected.jsnumber"},
      {"backoffFactor", &json::is_number, "error.expected.jsnumber"},
      {"maxLaunchDelaySeconds", &json::is_number, "error.expected.jsnumber"},
      {"args", &json::is_array, "error.expected.jsarray"},
      {"constraints", &json::is_array, "error.expected.jsarray"},
      {"acceptedResourceRoles", &json::is_array, "error.expected.jsarray"},
      {"healthChecks", &json::is_array, "error.expected.jsarray"},
      {"labels", &json::is_object, "error.expected.jsobject"},
      {"env", &json::is_object, "error.expected.jsobject"},
      {"container", &json::is_object, "error.expected.jsobject"},
      {"upgradeStrategy", &json::is_object, "error.expected.jsobject"},
  };
  for (const TypeRule& rule : kRules) {
    if (app.contains(rule.key) && !app[rule.key].is_null() && !(app[rule.key].*rule.check)()) {
      out.push_back({std::string("/") + rule.key, rule.expected});
    }
  }
  if (app.contains("labels") && app["labels"].is_object()) {
    for (const auto& [k, v] : app["labels"].items()) {
      if (!v.is_string()) {
        out.push_back({"/labels/" + k, "error.expected.jsstring"});
      }
    }
  }
  if (app.contains("constraints") && app["constraints"].is_array()) {
    for (std::size_t i = 0; i < app["constraints"].size(); ++i) {
      const json& c = app["constraints"][i];
      bool ok = c.is_array() && std::all_of(c.begin(), c.end(), [](const json& e) { return e.is_string(); });
      if (!ok) {
        out.push_back({"/constraints(" + std::to_string(i) + ")", "error.expected.jsarray"});
      }
    }
  }
  return out;
}

std::vector<Violation> validate(const json& def) {
  std::vector<Violation> out;
  check_id(def.at("id").get<std::string>(), out);
  bool has_cmd = def.contains("cmd") && !def["cmd"].is_null();
  bool has_args = def.contains("args") && def["args"].is_array() && !def["args"].empty();
  if (!((has_cmd != has_args) || def.contains("container")) || (has_cmd && has_args)) {
    out.push_back({"/", "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'."});
  }
  check_min(def, "instances", 0, true, out);
  check_min(def, "cpus", 0.001, false, out);
  check_min(def, "mem", 0, false, out);
  check_min(def, "disk", 0, false, out);
  check_min(def, "gpus", 0, true, out);
  check_min(def, "backoffSeconds", 0, true, out);
  check_min(def, "backoffFactor", 1.0, false, out);
  check_min(def, "maxLaunchDelaySeconds", 0, true, out);
  for (std::size_t i = 0; i < def["constraints"].size(); ++i) {
    std::string err = constraint_error(def["constraints"][i]);
    if (!err.empty()) {
      out.push_back({"/constraints(" + std::to_string(i) + ")", err});
    }
  }
  check_capacity(def["upgradeStrategy"], "minimumHealthCapacity", out);
  check_capacity(def["upgradeStrategy"], "maximumOverCapacity", out);
  if (def.contains("container") && def["container"]["type"] == "DOCKER" &&
      def["container"]["docker"].value("image", std::string()).empty()) {
    out.push_back({"/container/docker/image", "must not be empty"});
  }
  std::string ks = def.value("killSelection", "YOUNGEST_FIRST");
  if (ks != "YOUNGEST_FIRST" && ks != "OLDEST_FIRST") {
    out.push_back({"/killSelection", "error.unknown.enum.literal"});
  }
  return out;
}

http::Response invalid(const std::vector<Violation>& violations, bool json_errors) {
  std::vector<std::string> order;
  std::map<std::string, json> by_path;
  for (const Violation& v : violations) {
    if (by_path.count(v.path) == 0) {
      order.push_back(v.path);
      by_path[v.path] = json::array();
    }
    by_path[v.path].push_back(v.error);
  }
  json details = json::array();
  for (const std::string& path : order) {
    details.push_back(json{{"path", path}, {"errors", by_path[path]}});
  }
  json body = {{"message", json_errors ? "Invalid JSON" : "Object is not valid"},
               {"details", details}};
  return http::Response::json(422, body.dump());
}

}  // namespace qctl::sandbox::marathon
