// Test World for the Mesos endpoints and a recursive JSON shape comparison.
#include "tests/sandbox/mesos/mesos_world.h"

#include <algorithm>

namespace qctl::sandbox::mesos::testing {

namespace {

model::Resources resources(double cpus, double mem, double disk, std::vector<model::Range> p) {
  model::Resources r;
  r.cpus = cpus;
  r.mem = mem;
  r.disk = disk;
  r.ports = std::move(p);
  return r;
}

SimAgent make_agent(int n) {
  SimAgent a;
  a.info.hostname = "agent" + std::to_string(n) + ".example.com";
  a.ip = "127.0.1." + std::to_string(n + 1);
  a.work_dir = "/var/lib/mesos";
  a.info.resources = resources(8, 32768, 409600, {{31000, 32000}});
  a.info.attributes = {model::Attribute{"rack", true, static_cast<double>(n + 1), ""},
                       model::Attribute{"dc", false, 0, "bj1"}};
  return a;
}

const char* type_name(const nlohmann::json& j) {
  if (j.is_number_float()) {
    return "double";
  }
  if (j.is_number()) {
    return "integer";
  }
  return j.type_name();
}

// What the fixtures show that the sandbox never has: pods (nested container ids), Docker
// port mappings (no container ports are declared), drain grace periods, re-registration,
// outstanding offers, --log_dir and ZooKeeper.
const std::vector<std::string> kNotModelled = {
    "parent", "port_mappings", "max_grace_period", "reregistered_time",
    "offered_resources.ports", "log_dir", "zk", "cgroup_info"};

bool is_optional(const std::string& path, const std::vector<std::string>& given) {
  std::vector<std::string> optional = kNotModelled;
  optional.insert(optional.end(), given.begin(), given.end());
  for (const std::string& o : optional) {
    if (path.size() >= o.size() + 1 && path.compare(path.size() - o.size(), o.size(), o) == 0 &&
        path[path.size() - o.size() - 1] == '.') {
      return true;
    }
  }
  return false;
}

void diff(const nlohmann::json& f, const nlohmann::json& a, const std::string& where,
          const std::vector<std::string>& optional, std::string& out) {
  if (std::string(type_name(f)) != type_name(a)) {
    out += where + ": fixture " + type_name(f) + ", sandbox " + type_name(a) + "\n";
    return;
  }
  // Objects whose keys are data (attribute names, roles, flags): only the type counts.
  static const std::vector<std::string> kFreeForm = {
      ".attributes", ".reserved_resources", ".reserved_resources_full", ".flags",
      ".reserved_resources_allocated"};
  for (const std::string& free : kFreeForm) {
    if (where.size() >= free.size() &&
        where.compare(where.size() - free.size(), free.size(), free) == 0) {
      return;
    }
  }
  if (f.is_object()) {
    for (const auto& [key, value] : f.items()) {
      std::string path = where + "." + key;
      if (!a.contains(key)) {
        // Scalars beyond cpus/mem/disk/gpus appear only where an agent has them.
        if (!is_optional(path, optional) && key != "cpus_revocable") {
          out += path + ": missing\n";
        }
        continue;
      }
      diff(value, a.at(key), path, optional, out);
    }
    return;
  }
  if (!f.is_array() || a.empty()) {
    return;
  }
  // Each fixture element must have the shape of some sandbox element (the sandbox's
  // elements come in another order and mix, e.g., staging and running tasks).
  for (std::size_t i = 0; i < f.size(); ++i) {
    std::string best;
    for (const auto& candidate : a) {
      std::string d;
      diff(f[i], candidate, where + "[" + std::to_string(i) + "]", optional, d);
      if (d.empty()) {
        best.clear();
        break;
      }
      if (best.empty() || d.size() < best.size()) {
        best = d;
      }
    }
    out += best;
  }
}

}  // namespace

MesosWorld::MesosWorld()
    : world(World::Options{"5f0d1e2a-8b3c-4d5e-9f6a-7b8c9d0e1f2a", "sandbox", "1.11.0", 1000},
            ids, [this] { return clock; }) {
  for (int n = 0; n < 4; ++n) {
    SimAgent a = make_agent(n);
    if (n == 0) {
      a.info.region = "cn-north";
      a.info.zone = "bj1-a";
    } else if (n == 1) {
      a.info.deactivated = true;
    } else if (n == 2) {
      a.info.drain = model::DrainState::kDraining;
      a.drain_started = 1717200000;
      world.maintenance().push_back(
          MaintenanceWindow{{World::machine_of(a)}, 1717200000, 3600});
    } else {
      a.info.reserved["marathon"] = resources(2, 4096, 0, {});
    }
    agent_ids.push_back(world.add_agent(std::move(a)).info.id);
  }
  model::Framework marathon;
  marathon.name = "marathon";
  marathon.pid = "scheduler-1a2b3c4d@10.0.0.1:41231";
  marathon.hostname = "master1.example.com";
  marathon.webui_url = "http://master1.example.com:8080";
  marathon.user = "root";
  marathon.principal = "marathon";
  marathon.roles = {"marathon"};
  marathon.capabilities = {"PARTITION_AWARE", "MULTI_ROLE", "GPU_RESOURCES"};
  marathon.failover_timeout = 604800;
  marathon_id = world.register_framework(marathon, nullptr).info.id;
  model::Framework chronos;
  chronos.name = "chronos";
  chronos.user = "root";
  chronos.roles = {"*"};
  chronos.failover_timeout = 604800;
  chronos.pid = "scheduler-5e6f7a8b@10.0.0.1:42117";
  chronos.principal = "chronos";
  chronos_id = world.register_framework(chronos, nullptr).info.id;
  leadership.masters = {
      MasterNode{"3f6c2b8e-7a4d-4e1b-9c2a-5d8e7f6a1b2c", "master1.example.com", "127.0.0.1", 5050,
                 1717000000.125},
      MasterNode{"4a7d3c9f-8b5e-4f2c-8d3b-6e9f8a7b2c3d", "master2.example.com", "127.0.0.2", 5050,
                 1717000000.25}};
  leadership.leader = 0;
  leadership.elected_time = 1717000005.5;
  options.master_hostname = "master1.example.com";
}

SimTask& MesosWorld::launch(const std::string& id, std::size_t agent,
                            const std::string& framework_id, std::vector<std::uint64_t> ports) {
  TaskSpec spec;
  spec.id = id;
  spec.name = id.substr(0, id.find('.'));
  spec.framework_id = framework_id;
  spec.role = framework_id == marathon_id ? "marathon" : "*";
  spec.resources.cpus = 0.5;
  spec.resources.mem = 256;
  spec.port_count = ports.size();
  spec.command = "sleep 1000";
  placement::Allocation where;
  where.agent_id = agent_ids.at(agent);
  where.taken["*"] = spec.resources;
  where.ports = std::move(ports);
  return world.launch(std::move(spec), where);
}

http::Response MesosWorld::get(const http::Router& router, const std::string& path,
                               const std::string& query) {
  http::Request request;
  request.method = "GET";
  request.path = path;
  request.query = query;
  request.params = http::parse_query(query);
  return router.dispatch(request);
}

std::string shape_diff(const nlohmann::json& fixture, const nlohmann::json& actual,
                       const std::vector<std::string>& optional) {
  std::string out;
  diff(fixture, actual, "$", optional, out);
  return out;
}

}  // namespace qctl::sandbox::mesos::testing
