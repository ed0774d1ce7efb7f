// What `qctl stats fit` places: a Marathon app file, a Chronos job file, or a shape.
#include "cmd/stats/fit_input.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/chronos/decode.h"
#include "core/chronos/job_file.h"
#include "core/error.h"
#include "core/marathon/constraint_check.h"
#include "core/marathon/decode.h"

namespace qctl::cmd {

namespace {

std::string read_all(const std::string& path, std::istream& in) {
  if (path == "-") {
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw UsageError(path + ": cannot read the file");
  }
  std::ostringstream out;
  out << file.rdbuf();
  return out.str();
}

bool host_networking(const nlohmann::json& def) {
  if (!def.contains("networks") || !def["networks"].is_array()) {
    return true;
  }
  for (const auto& n : def["networks"]) {
    if (n.is_object() && n.value("mode", "host") != "host") {
      return false;
    }
  }
  return true;
}

void check_number(const nlohmann::json& def, const char* key, const std::string& path) {
  if (!def.contains(key)) {
    return;
  }
  const auto& v = def[key];
  if (!v.is_number() || v.get<double>() < 0) {
    throw UsageError(path + ": " + key + ": must be a number >= 0");
  }
}

}  // namespace

model::App load_app_file(const std::string& path, std::istream& in) {
  std::string text = read_all(path, in);
  nlohmann::json def;
  try {
    def = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw UsageError(path + ": not a valid JSON app definition: " + e.what(),
                     "write the app as `POST /v2/apps` takes it: {\"id\":\"/web\",\"cpus\":1,…}");
  }
  if (!def.is_object()) {
    throw UsageError(path + ": expected one JSON object (a Marathon app definition)");
  }
  if (!def.contains("id") || !def["id"].is_string() || def["id"].get<std::string>().empty()) {
    throw UsageError(path + ": id: required (a Marathon app id such as \"/web\")");
  }
  for (const char* key : {"cpus", "mem", "disk", "gpus", "instances"}) {
    check_number(def, key, path);
  }
  if (def.contains("constraints") && !def["constraints"].is_array()) {
    throw UsageError(path + ": constraints: must be an array of [field, OPERATOR, value?]");
  }
  // What Marathon answers 422 for is not a capacity question: a release gate
  // (`stats fit -f app.json && deploy`) must not pass it, nor report it as "does not fit".
  for (std::size_t i = 0; i < def.value("constraints", nlohmann::json::array()).size(); ++i) {
    if (const auto why = marathon::constraint_error(def["constraints"][i]); !why.empty()) {
      throw UsageError(path + ": constraints[" + std::to_string(i) + "] " +
                           def["constraints"][i].dump() + ": " + why,
                       "Marathon refuses this app definition (422)");
    }
  }
  model::App app;
  try {
    json::parse(text, [&](json::Value& v) { app = marathon::decode_app_value(v); });
  } catch (const json::DecodeError& e) {
    throw UsageError(path + ": " + e.what());
  }
  // Marathon gives a host-networking app without port definitions one dynamic port
  // (AppDefinition's default portDefinitions), as the sandbox does.
  if (host_networking(def) && !def.contains("portDefinitions") && !def.contains("ports")) {
    app.port_count = 1;
  }
  if (def.contains("role") && def["role"].is_string()) {
    app.role = def["role"].get<std::string>();
  }
  return app;
}

model::Job load_job_file(const std::string& path, std::istream& in) {
  const std::string text = read_all(path, in);
  const auto docs = chronos::parse_job_documents(text, path);
  if (docs.size() != 1) {
    throw UsageError(path + ": expected one job, found " + std::to_string(docs.size()));
  }
  const auto& v = docs.front().value;
  if (!v.contains("name") || !v["name"].is_string()) {
    throw UsageError(docs.front().where + ": name: required");
  }
  std::string body = v.dump();
  try {
    return chronos::decode_job(body);
  } catch (const json::DecodeError& e) {
    throw UsageError(docs.front().where + ": " + e.what());
  }
}

}  // namespace qctl::cmd
