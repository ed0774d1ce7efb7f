// Frameworks (§2.3 of the Mesos reference): summary and full objects, /master/frameworks.
#include <string>

#include "core/mesos/decode.h"
#include "core/mesos/decode_internal.h"

namespace qctl::mesos {

namespace {

bool decode_framework_text(model::Framework& f, std::string_view key, json::Value& v) {
  std::string* target = nullptr;
  if (key == "id") {
    target = &f.id;
  } else if (key == "name") {
    target = &f.name;
  } else if (key == "pid") {
    target = &f.pid;
  } else if (key == "hostname") {
    target = &f.hostname;
  } else if (key == "webui_url") {
    target = &f.webui_url;
  } else if (key == "user") {
    target = &f.user;
  } else if (key == "principal") {
    target = &f.principal;
  } else {
    return false;
  }
  *target = json::string(v);
  return true;
}

bool decode_framework_state(model::Framework& f, std::string_view key, json::Value& v) {
  if (key == "active") {
    f.active = json::boolean(v);
  } else if (key == "connected") {
    f.connected = json::boolean(v);
  } else if (key == "recovered") {
    f.recovered = json::boolean(v);
  } else if (key == "registered_time") {
    f.registered_time = json::number(v);
  } else if (key == "unregistered_time") {
    f.unregistered_time = json::number(v);
  } else if (key == "failover_timeout") {
    f.failover_timeout = json::number(v);
  } else if (key == "capabilities") {
    f.capabilities = json::string_array(v);
  } else {
    return false;
  }
  return true;
}

bool decode_framework_lists(model::Framework& f, std::string_view key, json::Value& v) {
  if (key == "role") {
    // Single-role frameworks write `role`, MULTI_ROLE ones `roles`.
    if (!json::is_null(v)) {
      f.roles = {json::string(v)};
    }
  } else if (key == "roles") {
    f.roles = json::string_array(v);
  } else if (key == "used_resources") {
    f.used = decode_resources(v);
  } else if (key == "offered_resources") {
    f.offered = decode_resources(v);
  } else if (key == "tasks") {
    detail::append_all(v, f.tasks, decode_task);
  } else if (key == "unreachable_tasks") {
    detail::append_all(v, f.unreachable_tasks, decode_task);
  } else if (key == "completed_tasks") {
    detail::append_all(v, f.completed_tasks, decode_task);
  } else if (key == "slave_ids") {
    f.slave_ids = json::string_array(v);
  } else {
    return detail::decode_task_count(f.task_counts, key, v);
  }
  return true;
}

}  // namespace

model::Framework decode_framework(json::Value& v) {
  model::Framework f;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    // offers, executors, labels and the deprecated `resources` are not modelled.
    if (!decode_framework_text(f, key, value) && !decode_framework_state(f, key, value)) {
      decode_framework_lists(f, key, value);
    }
  });
  return f;
}

FrameworkList decode_frameworks(std::string& body) {
  FrameworkList out;
  json::parse(body, [&](json::Value& root) {
    detail::require_object(root, "/master/frameworks");
    json::fields(root, [&](std::string_view key, json::Value& value) {
      if (key == "frameworks") {
        detail::append_all(value, out.frameworks, decode_framework);
      } else if (key == "completed_frameworks") {
        detail::append_all(value, out.completed, decode_framework);
      }
    });
  });
  return out;
}

}  // namespace qctl::mesos
