// The task object of the Mesos reference §2.4, as src/common/http.cpp `json(…, Task)` and
// `json(…, TaskStatus)` write it, with the ContainerInfo and HealthCheck protobufs.
#include "sandbox/mesos/render.h"

namespace qctl::sandbox::mesos {

namespace {

void write_network_infos(JsonWriter& w, const std::vector<std::string>& ips) {
  w.key("network_infos");
  w.begin_array();
  w.begin_object();
  w.key("ip_addresses");
  w.begin_array();
  for (const std::string& ip : ips) {
    w.begin_object();
    w.field("protocol", "IPv4");  // default IPv4, always present (§0.4)
    w.field("ip_address", ip);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.end_array();
}

void write_status(JsonWriter& w, const model::TaskStatus& s) {
  w.begin_object();
  w.field("state", s.state);
  w.field("timestamp", s.timestamp);
  if (s.container_status) {
    w.key("container_status");
    w.begin_object();
    w.key("container_id");
    w.begin_object();
    w.field("value", s.container_status->container_id);
    w.end_object();
    if (!s.container_status->ip_addresses.empty()) {
      write_network_infos(w, s.container_status->ip_addresses);
    }
    w.end_object();
  }
  if (s.healthy) {
    w.field_bool("healthy", *s.healthy);
  }
  w.end_object();
}

// JSON::Protobuf(ContainerInfo): declared fields in order, defaults included.
void write_container(JsonWriter& w, const TaskSpec& spec) {
  w.key("container");
  w.begin_object();
  if (spec.container == ContainerKind::kDocker) {
    w.field("type", "DOCKER");
    w.key("docker");
    w.begin_object();
    w.field("image", spec.image);
    w.field("network", spec.docker_network.empty() ? "HOST" : spec.docker_network);
    w.field_bool("privileged", false);
    w.field_bool("force_pull_image", false);  // Marathon always sets it
    w.end_object();
  } else {
    w.field("type", "MESOS");
    if (!spec.image.empty()) {
      w.key("mesos");
      w.begin_object();
      w.key("image");
      w.begin_object();
      w.field("type", "DOCKER");
      w.key("docker");
      w.begin_object();
      w.field("name", spec.image);
      w.end_object();
      w.field_bool("cached", true);  // Image.cached defaults to true
      w.end_object();
      w.end_object();
    }
  }
  w.end_object();
}

void write_health_check(JsonWriter& w, const HealthCheckSpec& hc) {
  w.key("health_check");
  w.begin_object();
  w.field("delay_seconds", 15.0);  // unset by Marathon: the proto default
  w.field("interval_seconds", hc.interval_seconds);
  w.field("timeout_seconds", hc.timeout_seconds);
  w.field_int("consecutive_failures", hc.max_consecutive_failures);
  w.field("grace_period_seconds", hc.grace_period_seconds);
  w.field("type", "COMMAND");
  w.key("command");
  w.begin_object();
  w.field_bool("shell", true);
  w.field("value", hc.command);
  w.end_object();
  w.end_object();
}

}  // namespace

void write_task(JsonWriter& w, const SimTask& task, const std::string& user) {
  const TaskSpec& spec = task.spec;
  w.begin_object();
  w.field("id", spec.id);
  w.field("name", spec.name);
  w.field("framework_id", spec.framework_id);
  w.field("executor_id", "");  // command tasks carry no ExecutorInfo
  w.field("slave_id", task.agent_id);
  w.field("state", task.state);
  w.key("resources");
  write_task_resources(w, task);
  w.field("role", spec.role);
  w.key("statuses");
  w.begin_array();
  for (const model::TaskStatus& s : task.statuses) {
    // The World notes TASK_STAGING at launch; the real master's Task starts in STAGING
    // with no status at all (protobuf::createTask), so that note is not a status.
    if (s.state != "TASK_STAGING" || s.container_status) {
      write_status(w, s);
    }
  }
  w.end_array();
  if (!user.empty()) {
    w.field("user", user);
  }
  if (!spec.labels.empty()) {
    w.key("labels");
    w.begin_array();
    for (const model::Label& l : spec.labels) {
      w.begin_object();
      w.field("key", l.key);
      w.field("value", l.value);
      w.end_object();
    }
    w.end_array();
  }
  if (spec.container != ContainerKind::kNone) {
    write_container(w, spec);
  }
  if (spec.health_check) {
    write_health_check(w, *spec.health_check);
  }
  w.end_object();
}

}  // namespace qctl::sandbox::mesos
