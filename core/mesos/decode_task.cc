// Tasks (§2.4 of the Mesos reference): master /tasks, and the task lists of /state.
#include <string>

#include "core/mesos/decode.h"
#include "core/mesos/decode_internal.h"

namespace qctl::mesos {

namespace {

// container_id: {"value":"…","parent":{"value":"…",…}?}.
void decode_container_id(json::Value& v, model::ContainerStatus& out) {
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "value") {
      out.container_id = json::string(value);
    } else if (key == "parent") {
      out.parent_container_id = detail::id_value(value);
    }
  });
}

// network_infos: [{"ip_addresses":[{"protocol":"IPv4","ip_address":"10.0.0.5"}],…}].
void decode_network_infos(json::Value& v, std::vector<std::string>& ips) {
  json::elements(v, [&](json::Value& info) {
    json::fields(info, [&](std::string_view key, json::Value& addresses) {
      if (key != "ip_addresses") {
        return;
      }
      json::elements(addresses, [&](json::Value& address) {
        json::fields(address, [&](std::string_view field, json::Value& ip) {
          if (field == "ip_address") {
            ips.push_back(json::string(ip));
          }
        });
      });
    });
  });
}

model::ContainerStatus decode_container_status(json::Value& v) {
  model::ContainerStatus out;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "container_id") {
      decode_container_id(value, out);
    } else if (key == "network_infos") {
      decode_network_infos(value, out.ip_addresses);
    }
  });
  return out;
}

model::TaskStatus decode_status(json::Value& v) {
  model::TaskStatus s;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "state") {
      s.state = json::string(value);
    } else if (key == "timestamp") {
      s.timestamp = json::number(value);
    } else if (key == "healthy") {
      if (!json::is_null(value)) {
        s.healthy = json::boolean(value);
      }
    } else if (key == "container_status") {
      if (!json::is_null(value)) {
        s.container_status = decode_container_status(value);
      }
    }
  });
  return s;
}

void decode_labels(json::Value& v, std::vector<model::Label>& out) {
  // Labels are an array of {key, value}; the protobuf form wraps it as {"labels":[…]}.
  if (v.type() == simdjson::ondemand::json_type::object) {
    json::fields(v, [&](std::string_view key, json::Value& inner) {
      if (key == "labels") {
        decode_labels(inner, out);
      }
    });
    return;
  }
  json::elements(v, [&](json::Value& element) {
    if (json::is_null(element)) {
      return;
    }
    model::Label label;
    json::fields(element, [&](std::string_view key, json::Value& value) {
      if (key == "key") {
        label.key = json::string(value);
      } else if (key == "value") {
        label.value = json::string(value);
      }
    });
    out.push_back(std::move(label));
  });
}

// Only the image matters: docker.image, or mesos.image.docker.name for UCR with a Docker image.
std::string decode_mesos_image(json::Value& v) {
  std::string image;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key != "image") {
      return;
    }
    json::fields(value, [&](std::string_view kind, json::Value& docker) {
      if (kind == "docker") {
        json::fields(docker, [&](std::string_view field, json::Value& name) {
          if (field == "name") {
            image = json::string(name);
          }
        });
      }
    });
  });
  return image;
}

void decode_container(json::Value& v, model::Task& t) {
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "type") {
      t.container_type = json::string(value);
    } else if (key == "docker") {
      json::fields(value, [&](std::string_view field, json::Value& image) {
        if (field == "image") {
          t.docker_image = json::string(image);
        }
      });
    } else if (key == "mesos") {
      t.docker_image = decode_mesos_image(value);
    }
  });
}

bool decode_task_ids(model::Task& t, std::string_view key, json::Value& v) {
  std::string* target = nullptr;
  if (key == "id") {
    target = &t.id;
  } else if (key == "name") {
    target = &t.name;
  } else if (key == "framework_id") {
    target = &t.framework_id;
  } else if (key == "executor_id") {
    target = &t.executor_id;
  } else if (key == "slave_id") {
    target = &t.slave_id;
  } else if (key == "state") {
    target = &t.state;
  } else if (key == "role") {
    target = &t.role;
  } else if (key == "user") {
    target = &t.user;
  } else {
    return false;
  }
  *target = json::string(v);
  return true;
}

}  // namespace

model::Task decode_task(json::Value& v) {
  model::Task t;
  decode_task_into(v, t);
  return t;
}

void decode_task_into(json::Value& v, model::Task& t) {
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (decode_task_ids(t, key, value)) {
      return;
    }
    if (key == "resources") {
      t.resources = decode_resources(value);
    } else if (key == "statuses") {
      t.statuses.reserve(2);  // a running task has two or three: saves a regrowth
      detail::append_all(value, t.statuses, decode_status);
    } else if (key == "labels") {
      decode_labels(value, t.labels);
    } else if (key == "container") {
      decode_container(value, t);
    }
  });
}

std::vector<model::Task> decode_tasks(std::string& body) {
  return detail::decode_list<model::Task>(body, "/master/tasks", "tasks", decode_task);
}

}  // namespace qctl::mesos
