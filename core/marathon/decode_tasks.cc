#include <string_view>
#include <unordered_map>

#include "core/marathon/decode.h"
#include "core/marathon/decode_util.h"

namespace qctl::marathon {

namespace {

model::HealthCheckResult decode_health_result(json::Value& v) {
  model::HealthCheckResult h;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "alive") {
      h.alive = json::boolean(value);
    } else if (key == "consecutiveFailures") {
      h.consecutive_failures = json::integer(value);
    } else if (key == "lastSuccess") {
      h.last_success = json::string(value);
    } else if (key == "lastFailure") {
      h.last_failure = json::string(value);
    } else if (key == "lastFailureCause") {
      h.last_failure_cause = json::string(value);
    }
  });
  return h;
}

}  // namespace

model::MarathonTask decode_task_value(json::Value& v) {
  model::MarathonTask t;
  const std::unordered_map<std::string_view, std::string*> strings = {
      {"id", &t.id},
      {"appId", &t.app_id},
      {"host", &t.host},
      {"slaveId", &t.slave_id},
      {"state", &t.state},
      {"version", &t.version},
      {"stagedAt", &t.staged_at},
      {"startedAt", &t.started_at},
  };
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (const auto it = strings.find(key); it != strings.end()) {
      *it->second = json::string(value);
    } else if (key == "ports") {
      t.ports = detail::integer_array(value);
    } else if (key == "servicePorts") {
      t.service_ports = detail::integer_array(value);
    } else if (key == "ipAddresses") {
      json::elements(value, [&](json::Value& ip) {
        json::fields(ip, [&](std::string_view k, json::Value& x) {
          if (k == "ipAddress") {
            t.ip_addresses.push_back(json::string(x));
          }
        });
      });
    } else if (key == "healthCheckResults") {
      json::elements(
          value, [&](json::Value& h) { t.health_check_results.push_back(decode_health_result(h)); });
    }
  });
  return t;
}

std::vector<model::MarathonTask> decode_tasks(std::string& body) {
  std::vector<model::MarathonTask> out;
  json::with_root_field(body, "tasks", [&](json::Value& tasks) {
    json::elements(tasks, [&](json::Value& t) { out.push_back(decode_task_value(t)); });
  });
  return out;
}

model::MarathonTask decode_task(std::string& body) {
  model::MarathonTask out;
  json::with_root_field(body, "task", [&](json::Value& t) { out = decode_task_value(t); });
  return out;
}

}  // namespace qctl::marathon
