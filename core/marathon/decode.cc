#include "core/marathon/decode.h"

#include <optional>
#include <string_view>
#include <unordered_map>

#include "core/marathon/decode_util.h"
#include "core/service/constraints.h"
#include "core/util/strings.h"

namespace qctl::marathon {

namespace {

/// What the app says about host ports, gathered in whatever order the fields arrive.
struct PortCounts {
  std::optional<std::size_t> definitions;  // portDefinitions
  std::optional<std::size_t> legacy;       // "ports" of Marathon < 1.0
  std::optional<std::size_t> mapped;       // port mappings that carry a hostPort
};

struct AppState {
  model::App app;
  PortCounts ports;
};

std::size_t count_elements(json::Value& v) {
  std::size_t n = 0;
  json::elements(v, [&](json::Value) { ++n; });
  return n;
}

/// Counts container.portMappings (or docker.portMappings) entries that bind a host port.
void count_host_mappings(json::Value& v, PortCounts& ports) {
  std::size_t n = ports.mapped.value_or(0);
  json::elements(v, [&](json::Value& mapping) {
    json::fields(mapping, [&](std::string_view key, json::Value) {
      if (key == "hostPort") {
        ++n;
      }
    });
  });
  ports.mapped = n;
}

void decode_docker(json::Value& v, AppState& s) {
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "image") {
      s.app.docker_image = json::string(value);
    } else if (key == "portMappings") {
      count_host_mappings(value, s.ports);
    }
  });
}

void decode_container(json::Value& v, AppState& s) {
  if (json::is_null(v)) {
    return;
  }
  // A container without "type" is a Docker one (the RAML default).
  s.app.container_type = "DOCKER";
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "type") {
      s.app.container_type = util::to_upper(json::string(value));
    } else if (key == "docker") {
      decode_docker(value, s);
    } else if (key == "portMappings") {
      count_host_mappings(value, s.ports);
    }
  });
}

/// Keeps plain string values; {"secret": name} references are not environment text.
std::map<std::string, std::string> decode_env(json::Value& v) {
  std::map<std::string, std::string> out;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (value.type() == simdjson::ondemand::json_type::string) {
      out[std::string(key)] = json::string(value);
    }
  });
  return out;
}

model::UpgradeStrategy decode_upgrade_strategy(json::Value& v) {
  model::UpgradeStrategy out;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "minimumHealthCapacity") {
      out.minimum_health_capacity = json::number(value);
    } else if (key == "maximumOverCapacity") {
      out.maximum_over_capacity = json::number(value);
    }
  });
  return out;
}

std::vector<std::string> decode_deployment_ids(json::Value& v) {
  std::vector<std::string> out;
  json::elements(v, [&](json::Value& d) {
    json::fields(d, [&](std::string_view key, json::Value& value) {
      if (key == "id") {
        out.push_back(json::string(value));
      }
    });
  });
  return out;
}

model::TaskFailure decode_task_failure(json::Value& v) {
  model::TaskFailure f;
  const std::unordered_map<std::string_view, std::string*> keys = {
      {"appId", &f.app_id},    {"host", &f.host},        {"message", &f.message},
      {"state", &f.state},     {"taskId", &f.task_id},   {"timestamp", &f.timestamp},
      {"version", &f.version}, {"slaveId", &f.slave_id},
  };
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (const auto it = keys.find(key); it != keys.end()) {
      *it->second = json::string(value);
    }
  });
  return f;
}

const json::ScalarMembers<model::App> kMembers = {
    .strings = {{"id", &model::App::id},
                {"cmd", &model::App::cmd},
                {"role", &model::App::role},
                {"user", &model::App::user},
                {"version", &model::App::version}},
    .bools = {{"requirePorts", &model::App::require_ports}},
    .integers = {{"instances", &model::App::instances},
                 {"tasksStaged", &model::App::tasks_staged},
                 {"tasksRunning", &model::App::tasks_running},
                 {"tasksHealthy", &model::App::tasks_healthy},
                 {"tasksUnhealthy", &model::App::tasks_unhealthy}},
    .numbers = {{"cpus", &model::App::cpus},
                {"mem", &model::App::mem},
                {"disk", &model::App::disk},
                {"gpus", &model::App::gpus}},
};

void decode_version_info(json::Value& v, model::App& app) {
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "lastScalingAt") {
      app.last_scaling_at = json::string(value);
    } else if (key == "lastConfigChangeAt") {
      app.last_config_change_at = json::string(value);
    }
  });
}

/// Lists and objects of the AppInfo; other keys are ignored.
void decode_structured(std::string_view key, json::Value& v, AppState& s) {
  if (key == "args") {
    s.app.args = json::string_array(v);
  } else if (key == "constraints") {
    s.app.constraints = service::decode_constraints(v);
  } else if (key == "acceptedResourceRoles") {
    s.app.accepted_resource_roles = json::string_array(v);
  } else if (key == "labels") {
    s.app.labels = json::string_map(v);
  } else if (key == "env") {
    s.app.env = decode_env(v);
  } else if (key == "container") {
    decode_container(v, s);
  } else if (key == "portDefinitions") {
    s.ports.definitions = count_elements(v);
  } else if (key == "ports") {
    s.ports.legacy = count_elements(v);
  } else if (key == "healthChecks") {
    s.app.health_check_count = count_elements(v);
  } else if (key == "upgradeStrategy") {
    s.app.upgrade_strategy = decode_upgrade_strategy(v);
  } else if (key == "versionInfo") {
    decode_version_info(v, s.app);
  } else if (key == "deployments") {
    s.app.deployment_ids = decode_deployment_ids(v);
  } else if (key == "tasks") {
    json::elements(v, [&](json::Value& t) { s.app.tasks.push_back(decode_task_value(t)); });
  } else if (key == "lastTaskFailure" && !json::is_null(v)) {
    s.app.last_task_failure = decode_task_failure(v);
  }
}

void decode_app_field(std::string_view key, json::Value& v, AppState& s) {
  if (!kMembers.assign(key, v, s.app)) {
    decode_structured(key, v, s);
  }
}

/// Port mappings win (bridge networking); then portDefinitions; then the pre-1.0 "ports".
std::size_t host_port_count(const PortCounts& ports) {
  if (ports.mapped.value_or(0) > 0) {
    return *ports.mapped;
  }
  if (ports.definitions) {
    return *ports.definitions;
  }
  return ports.legacy.value_or(0);
}

}  // namespace

model::App decode_app_value(json::Value& v) {
  AppState s;
  json::fields(v,
               [&](std::string_view key, json::Value& value) { decode_app_field(key, value, s); });
  s.app.port_count = host_port_count(s.ports);
  return s.app;
}

std::vector<model::App> decode_apps(std::string& body) {
  std::vector<model::App> out;
  json::with_root_field(body, "apps", [&](json::Value& apps) {
    json::elements(apps, [&](json::Value& a) { out.push_back(decode_app_value(a)); });
  });
  return out;
}

model::App decode_app(std::string& body) {
  model::App out;
  json::with_root_field(body, "app", [&](json::Value& a) { out = decode_app_value(a); });
  return out;
}

}  // namespace qctl::marathon
