#include "core/chronos/job_validate.h"

#include <algorithm>
#include <map>

#include "core/chronos/next_run.h"

namespace qctl::chronos {

namespace {

using nlohmann::json;

enum class Kind {
  kString,
  kBool,
  kCount,
  kResource,
  kStrings,
  kFetch,
  kEnv,
  kConstraints,
  kContainer,
  kEpsilon,     // 2.x only: an ISO 8601 period
  kAsync,       // 2.x only: a bool
  kConcurrent,  // 3.x only: a bool
  kMaxTime,     // 3.x only: a count
};

/// Every key Chronos' JobDeserializer reads: 3.x's, and 2.x's two that 3.0 removed.
const std::map<std::string, Kind, std::less<>>& job_fields() {
  static const std::map<std::string, Kind, std::less<>> fields = {
      {"name", Kind::kString},
      {"command", Kind::kString},
      {"shell", Kind::kBool},
      {"executor", Kind::kString},
      {"executorFlags", Kind::kString},
      {"taskInfoData", Kind::kString},
      {"retries", Kind::kCount},
      {"owner", Kind::kString},
      {"ownerName", Kind::kString},
      {"description", Kind::kString},
      {"successCount", Kind::kCount},
      {"errorCount", Kind::kCount},
      {"lastSuccess", Kind::kString},
      {"lastError", Kind::kString},
      {"cpus", Kind::kResource},
      {"mem", Kind::kResource},
      {"disk", Kind::kResource},
      {"disabled", Kind::kBool},
      {"softError", Kind::kBool},
      {"dataProcessingJobType", Kind::kBool},
      {"errorsSinceLastSuccess", Kind::kCount},
      {"fetch", Kind::kFetch},
      {"uris", Kind::kStrings},
      {"environmentVariables", Kind::kEnv},
      {"arguments", Kind::kStrings},
      {"highPriority", Kind::kBool},
      {"runAsUser", Kind::kString},
      {"concurrent", Kind::kConcurrent},
      {"maxCompletionTime", Kind::kMaxTime},
      {"container", Kind::kContainer},
      {"constraints", Kind::kConstraints},
      {"schedule", Kind::kString},
      {"scheduleTimeZone", Kind::kString},
      {"parents", Kind::kStrings},
      {"epsilon", Kind::kEpsilon},
      {"async", Kind::kAsync}};
  return fields;
}

const std::set<std::string, std::less<>> kContainerFields = {
    "type",         "image",   "network",        "networkName",
    "networkInfos", "volumes", "forcePullImage", "parameters"};

/// Collects problems for one document under its `where`.
struct Checker {
  const ValidateOptions& opts;
  JobProblems& out;

  void error(const std::string& path, const std::string& what) const {
    out.errors.push_back(path + ": " + what);
  }
  void warn(const std::string& path, const std::string& what) const {
    out.warnings.push_back(path + ": " + what);
  }
  bool expect(const json& v, bool ok, const std::string& path, const char* what) const {
    if (!ok) {
      error(path, std::string("expected ") + what + ", got " + v.type_name() +
                      (v.is_number() ? " (quote it in YAML)" : ""));
    }
    return ok;
  }

  void resource(const json& v, const std::string& path) const {
    double amount = 0;
    if (v.is_number()) {
      amount = v.get<double>();
    } else if (v.is_string()) {  // Chronos' own docs send "cpus": "0.5"; Jackson accepts it
      try {
        std::size_t used = 0;
        amount = std::stod(v.get<std::string>(), &used);
        if (used != v.get_ref<const std::string&>().size()) {
          throw std::invalid_argument("trailing text");
        }
      } catch (const std::exception&) {
        error(path, "expected a number, got \"" + v.get<std::string>() + "\"");
        return;
      }
    } else {
      expect(v, false, path, "a number");
      return;
    }
    if (!(amount > 0)) {
      error(path, "must be greater than 0 (leave it out for Chronos' default)");
    }
  }

  void strings(const json& v, const std::string& path) const {
    if (expect(v, v.is_array(), path, "a list of strings")) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        expect(v[i], v[i].is_string(), path + "[" + std::to_string(i) + "]", "a string");
      }
    }
  }

  /// A list of objects whose keys are in `known` (kind: 's' string, 'b' bool); `required`
  /// must be present.
  void objects(const json& v, const std::string& path,
               const std::map<std::string, char, std::less<>>& known,
               const std::string& required) const {
    if (!expect(v, v.is_array(), path, "a list of objects")) {
      return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string item = path + "[" + std::to_string(i) + "]";
      if (!expect(v[i], v[i].is_object(), item, "an object")) {
        continue;
      }
      if (!v[i].contains(required)) {
        error(item + "." + required, "required");
      }
      for (const auto& [key, value] : v[i].items()) {
        const auto it = known.find(key);
        if (it == known.end()) {
          warn(item + "." + key, "unknown field, Chronos ignores it");
        } else if (it->second == 's') {
          expect(value, value.is_string(), item + "." + key, "a string");
        } else {
          expect(value, value.is_boolean(), item + "." + key, "true or false");
        }
      }
    }
  }

  void constraints(const json& v, const std::string& path) const;
  void container(const json& v, const std::string& path) const;
  void field(const std::string& key, const json& v, Kind kind, const std::string& path) const;
  void document(const JobDocument& doc) const;
};

void Checker::constraints(const json& v, const std::string& path) const {
  if (!expect(v, v.is_array(), path, "a list of [attribute, OPERATOR, value] lists")) {
    return;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string item = path + "[" + std::to_string(i) + "]";
    const json& c = v[i];
    const bool shaped =
        c.is_array() && c.size() == 3 &&
        std::all_of(c.begin(), c.end(), [](const json& x) { return x.is_string(); });
    if (!shaped) {
      error(item, "expected [attribute, OPERATOR, value] (three strings)");
      continue;
    }
    const auto op = c[1].get<std::string>();
    if (op != "EQUALS" && op != "LIKE" && op != "UNLIKE") {
      error(item, "operator " + op +
                      " is not supported by Chronos, which silently drops such a constraint and "
                      "would place the job anywhere; use EQUALS, LIKE or UNLIKE");
    }
  }
}

void Checker::container(const json& v, const std::string& path) const {
  if (!expect(v, v.is_object(), path, "an object")) {
    return;
  }
  if (!v.contains("image") || !v["image"].is_string() || v["image"].get<std::string>().empty()) {
    error(path + ".image", "required (Chronos ignores a container without an image)");
  }
  for (const auto& [key, value] : v.items()) {
    if (kContainerFields.count(key) == 0) {
      warn(path + "." + key, "unknown field, Chronos ignores it");
    }
  }
  if (v.contains("type") && !(v["type"] == "DOCKER" || v["type"] == "MESOS" ||
                              v["type"] == "docker" || v["type"] == "mesos")) {
    error(path + ".type", "expected DOCKER or MESOS");
  }
  if (v.contains("network") &&
      !(v["network"] == "BRIDGE" || v["network"] == "HOST" || v["network"] == "USER")) {
    error(path + ".network", "expected BRIDGE, HOST or USER");
  }
}

void Checker::field(const std::string& key, const json& v, Kind kind,
                    const std::string& path) const {
  switch (kind) {
    case Kind::kString:
      expect(v, v.is_string(), path, "a string");
      break;
    case Kind::kBool:
      expect(v, v.is_boolean(), path, "true or false");
      break;
    case Kind::kCount:
      if (expect(v, v.is_number_integer(), path, "a whole number") && v.get<double>() < 0) {
        error(path, "must not be negative");
      }
      break;
    case Kind::kResource:
      resource(v, path);
      break;
    case Kind::kStrings:
      strings(v, path);
      break;
    case Kind::kFetch:
      objects(v, path,
              {{"uri", 's'},
               {"executable", 'b'},
               {"cache", 'b'},
               {"extract", 'b'},
               {"output_file", 's'}},
              "uri");
      break;
    case Kind::kEnv:
      objects(v, path, {{"name", 's'}, {"value", 's'}}, "name");
      break;
    case Kind::kConstraints:
      constraints(v, path);
      break;
    case Kind::kContainer:
      container(v, path);
      break;
    case Kind::kEpsilon:
    case Kind::kAsync:
      if (!opts.chronos_v2) {
        warn(path, "a Chronos 2.x field: 3.0 removed it and ignores it");
      } else if (kind == Kind::kAsync) {
        expect(v, v.is_boolean(), path, "true or false");
      } else if (expect(v, v.is_string(), path, "an ISO 8601 period such as PT60S") &&
                 !parse_schedule_period(v.get<std::string>())) {
        error(path, "\"" + v.get<std::string>() + "\" is not an ISO 8601 period such as PT60S");
      }
      break;
    case Kind::kConcurrent:
    case Kind::kMaxTime:
      if (opts.chronos_v2) {
        warn(path, "a Chronos 3.x field: this 2.x server ignores it");
      } else {
        field(key, v, kind == Kind::kConcurrent ? Kind::kBool : Kind::kCount, path);
      }
      break;
  }
  (void)key;
}

void Checker::document(const JobDocument& doc) const {
  const json& job = doc.value;
  const auto& fields = job_fields();
  for (const auto& [key, value] : job.items()) {
    const std::string path = doc.where + "." + key;
    const auto it = fields.find(key);
    if (it == fields.end()) {
      warn(path, "unknown field, Chronos ignores it");
    } else if (!value.is_null()) {
      field(key, value, it->second, path);
    }
  }
  const auto has = [&](const char* key) { return job.contains(key) && !job[key].is_null(); };
  if (!has("name")) {
    error(doc.where + ".name", "required");
  } else if (job["name"].is_string() &&
             !valid_job_name(job["name"].get<std::string>(), opts.chronos_v2)) {
    error(doc.where + ".name", "\"" + job["name"].get<std::string>() +
                                   "\" is not a valid job name: " + job_name_rule(opts.chronos_v2));
  } else if (job["name"] == "." || job["name"] == "..") {
    // Chronos takes them, but no request can name the job afterwards: clients and Jetty
    // resolve /job/.. to the parent path.
    error(doc.where + ".name", "\"" + job["name"].get<std::string>() +
                                   "\" cannot be used: no URL can name the job afterwards");
  }
  if (has("schedule") && job["schedule"].is_string()) {
    if (const auto why = schedule_problem(job["schedule"].get<std::string>(), opts.chronos_v2);
        !why.empty()) {
      error(doc.where + ".schedule", why);
    }
  }
  if (has("scheduleTimeZone") && job["scheduleTimeZone"].is_string()) {
    if (const auto why = time_zone_problem(job["scheduleTimeZone"].get<std::string>(), opts);
        !why.empty()) {
      error(doc.where + ".scheduleTimeZone", why);
    }
  }
  if (has("uris") && has("fetch") && !job["uris"].empty() && !job["fetch"].empty()) {
    error(doc.where + ".uris",
          "give either uris (deprecated) or fetch, not both (Chronos "
          "answers 400)");
  }
  if (has("parents")) {
    if (has("schedule")) {
      error(doc.where + ".parents", "a job has either a schedule or parents, not both");
    }
    if (job["parents"].is_array() && job["parents"].empty()) {
      error(doc.where + ".parents", "empty: leave it out for a scheduled or run-once job");
    }
  }
}

}  // namespace

bool valid_job_name(std::string_view name, bool v2) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [v2](char c) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '.' || c == '-';
    // Java's \s: space, \t, \n, \x0B, \f, \r.
    return word || (v2 && (c == '#' || c == ' ' || (c >= '\t' && c <= '\r')));
  });
}

std::string job_name_rule(bool v2) {
  return v2 ? "Chronos 2.x allows only letters, digits, whitespace, '_', '.', '#' and '-'"
            : "Chronos allows only letters, digits, '_', '.' and '-'";
}

void check_job_document(const JobDocument& doc, const ValidateOptions& opts, JobProblems& out) {
  Checker{opts, out}.document(doc);
}

}  // namespace qctl::chronos
