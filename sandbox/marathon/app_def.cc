// App definitions: Marathon's defaults (AppNormalization, app.raml) and partial updates.
#include "sandbox/marathon/app_def.h"

#include <algorithm>
#include <cctype>

#include "sandbox/marathon/state.h"

namespace qctl::sandbox::marathon {

namespace {

using nlohmann::json;

void set_default(json& obj, const char* key, json value) {
  if (!obj.contains(key)) {
    obj[key] = std::move(value);
  }
}

bool host_networking(const json& def) {
  for (const json& n : def.at("networks")) {
    if (n.value("mode", "host") != "host") {
      return false;
    }
  }
  return true;
}

void normalize_container(json& app) {
  if (!app.contains("container") || app["container"].is_null()) {
    app.erase("container");
    return;
  }
  json& c = app["container"];
  set_default(c, "type", "DOCKER");
  set_default(c, "volumes", json::array());
  if (c["type"] == "DOCKER") {
    set_default(c, "docker", json::object());
    json& d = c["docker"];
    set_default(d, "forcePullImage", false);
    set_default(d, "privileged", false);
    set_default(d, "parameters", json::array());
  }
  // docker.portMappings is the deprecated spelling of container.portMappings.
  if (c.contains("docker") && c["docker"].contains("portMappings") && !c.contains("portMappings")) {
    c["portMappings"] = c["docker"]["portMappings"];
    c["docker"].erase("portMappings");
  }
}

void normalize_health_checks(json& app) {
  set_default(app, "healthChecks", json::array());
  for (json& hc : app["healthChecks"]) {
    set_default(hc, "gracePeriodSeconds", 300);
    set_default(hc, "intervalSeconds", 60);
    set_default(hc, "maxConsecutiveFailures", 3);
    set_default(hc, "timeoutSeconds", 20);
    set_default(hc, "delaySeconds", 15);
    set_default(hc, "protocol", "HTTP");
    std::string proto = hc["protocol"].get<std::string>();
    if (proto != "COMMAND") {
      if (!hc.contains("port")) {
        set_default(hc, "portIndex", 0);
      }
      set_default(hc, "ipProtocol", "IPv4");
    }
    if (proto == "HTTP" || proto == "HTTPS" || proto == "MESOS_HTTP" || proto == "MESOS_HTTPS") {
      set_default(hc, "path", "/");
    }
  }
}

void normalize_ports(json& app, std::uint64_t& next_service_port) {
  set_default(app, "networks", json::array({json{{"mode", "host"}}}));
  if (!host_networking(app)) {
    app["portDefinitions"] = json::array();
    if (app.contains("container") && app["container"].contains("portMappings")) {
      for (json& pm : app["container"]["portMappings"]) {
        set_default(pm, "containerPort", 0);
        set_default(pm, "protocol", "tcp");
        set_default(pm, "labels", json::object());
        if (pm.value("servicePort", 0) == 0) {
          pm["servicePort"] = next_service_port++;
        }
      }
    }
    return;
  }
  // The deprecated `ports` array becomes port definitions.
  if (app.contains("ports") && !app.contains("portDefinitions")) {
    json defs = json::array();
    for (const json& p : app["ports"]) {
      defs.push_back(json{{"port", p}});
    }
    app["portDefinitions"] = defs;
  }
  app.erase("ports");
  // AppNormalization.applyDefaultPortDefinitions: host networking and no ports given.
  set_default(app, "portDefinitions", json::array({json{{"port", 0}, {"name", "default"}}}));
  for (json& pd : app["portDefinitions"]) {
    set_default(pd, "protocol", "tcp");
    set_default(pd, "labels", json::object());
    if (pd.value("port", 0) == 0) {
      pd["port"] = next_service_port++;
    }
  }
}

}  // namespace

std::optional<json> parse_body(const std::string& body, http::Response& error) {
  try {
    return json::parse(body);
  } catch (const json::parse_error& e) {
    // Jackson's JsonParseException is mapped to 400 with a string `details`.
    std::string what = e.what();
    error = http::Response::json(
        400, json{{"message", "Invalid JSON"}, {"details", what}}.dump());
    return std::nullopt;
  }
}

json normalize(json app, const MarathonOptions& options, std::uint64_t& next_service_port) {
  app["id"] = absolute_id(app.value("id", std::string()));
  for (const char* key : {"cmd", "args", "user"}) {
    set_default(app, key, nullptr);
  }
  set_default(app, "env", json::object());
  set_default(app, "instances", 1);
  set_default(app, "cpus", 1);
  set_default(app, "mem", 128);
  set_default(app, "disk", 0);
  set_default(app, "gpus", 0);
  set_default(app, "executor", "");
  set_default(app, "constraints", json::array());
  for (json& c : app["constraints"]) {
    if (c.is_array() && c.size() >= 2 && c[1].is_string()) {
      std::string op = c[1].get<std::string>();
      std::transform(op.begin(), op.end(), op.begin(),
                     [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
      c[1] = op;
    }
  }
  set_default(app, "fetch", json::array());
  set_default(app, "storeUrls", json::array());
  set_default(app, "backoffSeconds", num(options.launch_backoff_seconds));
  set_default(app, "backoffFactor", 1.15);
  set_default(app, "maxLaunchDelaySeconds", 300);
  normalize_container(app);
  normalize_health_checks(app);
  set_default(app, "readinessChecks", json::array());
  set_default(app, "dependencies", json::array());
  set_default(app, "upgradeStrategy", json::object());
  set_default(app["upgradeStrategy"], "minimumHealthCapacity", 1);
  set_default(app["upgradeStrategy"], "maximumOverCapacity", 1);
  set_default(app, "labels", json::object());
  set_default(app, "killSelection", "YOUNGEST_FIRST");
  set_default(app, "unreachableStrategy",
              json{{"inactiveAfterSeconds", 0}, {"expungeAfterSeconds", 0}});
  normalize_ports(app, next_service_port);
  set_default(app, "requirePorts", false);
  set_default(app, "role", options.role);
  // Marathon prints whole numbers without a fraction ("mem": 128, not 128.0).
  for (const char* key : {"cpus", "mem", "disk", "backoffFactor"}) {
    if (app[key].is_number()) {
      app[key] = num(app[key].get<double>());
    }
  }
  for (const char* key : {"minimumHealthCapacity", "maximumOverCapacity"}) {
    if (app["upgradeStrategy"][key].is_number()) {
      app["upgradeStrategy"][key] = num(app["upgradeStrategy"][key].get<double>());
    }
  }
  return app;
}

json merge_update(const json& current, const json& update) {
  json out = current;
  for (const auto& [key, value] : update.items()) {
    if (key == "version" || key == "versionInfo") {
      continue;  // read-only; an update naming a version is a rollback (apply_updates)
    }
    out[key] = value;
  }
  return out;
}

json config_of(const json& def) {
  json out = def;
  for (const char* key : {"version", "versionInfo", "instances"}) {
    out.erase(key);
  }
  return out;
}

std::vector<model::Constraint> constraints_of(const json& def) {
  std::vector<model::Constraint> out;
  for (const json& c : def.at("constraints")) {
    model::Constraint mc;
    mc.field = c.at(0).get<std::string>();
    mc.op = c.at(1).get<std::string>();
    if (c.size() > 2) {
      mc.value = c.at(2).get<std::string>();
      mc.has_value = true;
    }
    out.push_back(mc);
  }
  return out;
}

std::size_t host_port_count(const json& def) {
  if (host_networking(def)) {
    return def.at("portDefinitions").size();
  }
  std::size_t n = 0;
  if (def.contains("container") && def["container"].contains("portMappings")) {
    for (const json& pm : def["container"]["portMappings"]) {
      n += pm.contains("hostPort") ? 1 : 0;
    }
  }
  return n;
}

}  // namespace qctl::sandbox::marathon
