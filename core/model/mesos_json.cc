#include "core/model/mesos_json.h"

namespace qctl::model {

namespace {

using nlohmann::json;

const char* drain_name(DrainState s) {
  switch (s) {
    case DrainState::kDraining:
      return "DRAINING";
    case DrainState::kDrained:
      return "DRAINED";
    case DrainState::kNone:
      break;
  }
  return nullptr;
}

/// Builds an object from fields given in key order, as std::map keeps them: each lands at the
/// end with one comparison and without the [key, value] arrays an initializer list makes
/// (these objects are built once per task for -o json and yaml: 200,000 on a big cluster).
/// Fields out of order still land right, only slower.
class SortedObject {
 public:
  SortedObject& add(const char* key, json value) {
    fields_.emplace_hint(fields_.end(), key, std::move(value));
    return *this;
  }
  json done() { return std::move(out_); }

 private:
  json out_ = json::object();
  json::object_t& fields_ = out_.get_ref<json::object_t&>();
};

template <class T>
json optional_json(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json machines_json(const std::vector<Machine>& machines) {
  json out = json::array();
  for (const auto& m : machines) {
    out.push_back({{"hostname", m.hostname}, {"ip", m.ip}});
  }
  return out;
}

json status_json(const TaskStatus& s) {
  const ContainerStatus empty;
  const ContainerStatus& c = s.container_status ? *s.container_status : empty;
  return SortedObject()
      .add("container_id", c.container_id)
      .add("healthy", optional_json(s.healthy))
      .add("ip_addresses", c.ip_addresses)
      .add("parent_container_id", c.parent_container_id)
      .add("state", s.state)
      .add("timestamp", s.timestamp)
      .done();
}

json tasks_json(const std::vector<Task>& tasks) {
  json out = json::array();
  for (const auto& t : tasks) {
    out.push_back(to_json(t));
  }
  return out;
}

}  // namespace

json to_json(const Resources& r) {
  json out = {{"cpus", round3(r.cpus)},
              {"mem", round3(r.mem)},
              {"disk", round3(r.disk)},
              {"gpus", round3(r.gpus)}};
  if (!r.ports.empty()) {
    out["ports"] = format_ranges(r.ports);
  }
  for (const auto& [name, value] : r.scalars) {
    out[name] = round3(value);
  }
  for (const auto& [name, text] : r.others) {
    out[name] = text;
  }
  return out;
}

json to_json(const std::vector<Attribute>& attributes) {
  json out = json::object();
  for (const auto& a : attributes) {
    out[a.name] = a.is_scalar ? json(a.scalar) : json(a.text);
  }
  return out;
}

json to_json(const Agent& a) {
  json reserved = json::object();
  for (const auto& [role, resources] : a.reserved) {
    reserved[role] = to_json(resources);
  }
  const char* drain = drain_name(a.drain);
  return {{"id", a.id},
          {"hostname", a.hostname},
          {"port", a.port},
          {"pid", a.pid},
          {"address", a.address()},
          {"version", a.version},
          {"active", a.active},
          {"deactivated", a.deactivated},
          {"drain_state", drain != nullptr ? json(drain) : json(nullptr)},
          {"region", a.region},
          {"zone", a.zone},
          {"registered_time", a.registered_time},
          {"reregistered_time", a.reregistered_time},
          {"attributes", to_json(a.attributes)},
          {"capabilities", a.capabilities},
          {"resources", to_json(a.resources)},
          {"used_resources", to_json(a.used)},
          {"offered_resources", to_json(a.offered)},
          {"unreserved_resources", to_json(a.unreserved)},
          {"reserved_resources", reserved},
          {"task_counts", a.task_counts},
          {"framework_ids", a.framework_ids}};
}

json to_json(const RecoveredAgent& a) {
  return {{"id", a.id},
          {"hostname", a.hostname},
          {"port", a.port},
          {"attributes", to_json(a.attributes)}};
}

json to_json(const Task& t) {
  json labels = json::object();
  for (const auto& l : t.labels) {
    labels[l.key] = l.value;  // a repeated key: the last one, as before
  }
  json statuses = json::array();
  for (const auto& s : t.statuses) {
    statuses.push_back(status_json(s));
  }
  return SortedObject()
      .add("container_id", t.container_id())
      .add("container_type", t.container_type)
      .add("docker_image", t.docker_image)
      .add("executor_id", t.executor_id)
      .add("framework_id", t.framework_id)
      .add("healthy", optional_json(t.healthy()))
      .add("id", t.id)
      .add("labels", std::move(labels))
      .add("name", t.name)
      .add("resources", to_json(t.resources))
      .add("role", t.role)
      .add("slave_id", t.slave_id)
      .add("started", t.started())
      .add("state", t.state)
      .add("statuses", std::move(statuses))
      .add("user", t.user)
      .done();
}

json to_json(const Framework& f) {
  return {{"id", f.id},
          {"name", f.name},
          {"pid", f.pid},
          {"hostname", f.hostname},
          {"webui_url", f.webui_url},
          {"user", f.user},
          {"principal", f.principal},
          {"roles", f.roles},
          {"capabilities", f.capabilities},
          {"active", f.active},
          {"connected", f.connected},
          {"recovered", f.recovered},
          {"used_resources", to_json(f.used)},
          {"offered_resources", to_json(f.offered)},
          {"registered_time", f.registered_time},
          {"unregistered_time", f.unregistered_time},
          {"failover_timeout", f.failover_timeout},
          {"task_counts", f.task_counts},
          {"slave_ids", f.slave_ids},
          {"tasks", tasks_json(f.tasks)},
          {"unreachable_tasks", tasks_json(f.unreachable_tasks)},
          {"completed_tasks", tasks_json(f.completed_tasks)}};
}

json to_json(const MasterInfo& m) {
  return {{"id", m.id},
          {"hostname", m.hostname},
          {"ip", m.ip},
          {"port", m.port},
          {"pid", m.pid},
          {"version", m.version},
          {"start_time", m.start_time},
          {"elected_time", optional_json(m.elected_time)}};
}

json to_json(const VersionInfo& v) {
  return {{"version", v.version},       {"build_date", v.build_date}, {"build_time", v.build_time},
          {"build_user", v.build_user}, {"git_sha", v.git_sha},       {"git_tag", v.git_tag}};
}

json to_json(const MaintenanceStatus& m) {
  return {{"draining_machines", machines_json(m.draining)},
          {"down_machines", machines_json(m.down)}};
}

}  // namespace qctl::model
