// POST /master/maintenance/schedule: Master::Http::maintenanceSchedule and
// maintenance::validation::schedule (src/master/maintenance.cpp).
#include <arpa/inet.h>

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "sandbox/mesos/master_misc.h"
#include "sandbox/mesos/master_state.h"

namespace qctl::sandbox::mesos {

namespace {

using nlohmann::json;

// JSON::protobuf(MachineID) as the master's messages print it.
std::string machine_json(const MachineId& m) {
  std::string out;
  JsonWriter w(out);
  write_machine_id(w, m);
  return out;
}

// TimeInfo / DurationInfo: {"nanoseconds": int64}, required.
std::optional<double> nanoseconds(const json& v, const std::string& path, std::string& error) {
  if (!v.is_object() || !v.contains("nanoseconds")) {
    error = "Missing required fields: " + path + ".nanoseconds";
    return std::nullopt;
  }
  const json& n = v["nanoseconds"];
  if (!n.is_number_integer()) {
    error = "Not expecting a JSON " + std::string(n.type_name()) + " for field 'nanoseconds'";
    return std::nullopt;
  }
  return static_cast<double>(n.get<std::int64_t>()) / 1e9;
}

// protobuf::parse<maintenance::Schedule>: the shape, required fields and types.
std::optional<std::vector<MaintenanceWindow>> parse_schedule(const json& body, std::string& error) {
  std::vector<MaintenanceWindow> windows;
  const json empty = json::array();
  const json& list = body.contains("windows") ? body["windows"] : empty;
  if (!list.is_array()) {
    error = "Not expecting a JSON " + std::string(list.type_name()) + " for field 'windows'";
    return std::nullopt;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& w = list[i];
    const std::string path = "windows[" + std::to_string(i) + "]";
    if (!w.is_object() || !w.contains("unavailability")) {
      error = "Missing required fields: " + path + ".unavailability";
      return std::nullopt;
    }
    MaintenanceWindow window;
    for (const json& id : w.value("machine_ids", json::array())) {
      if (!id.is_object()) {
        error = "Not expecting a JSON " + std::string(id.type_name()) + " for field 'machine_ids'";
        return std::nullopt;
      }
      window.machines.push_back(
          MachineId{id.value("hostname", std::string()), id.value("ip", std::string())});
    }
    const json& u = w["unavailability"];
    const std::string upath = path + ".unavailability";
    if (!u.is_object() || !u.contains("start")) {
      error = "Missing required fields: " + upath + ".start";
      return std::nullopt;
    }
    auto start = nanoseconds(u["start"], upath + ".start", error);
    if (!start) {
      return std::nullopt;
    }
    window.start = *start;
    if (u.contains("duration")) {
      auto duration = nanoseconds(u["duration"], upath + ".duration", error);
      if (!duration) {
        return std::nullopt;
      }
      window.duration = *duration;
    }
    windows.push_back(std::move(window));
  }
  return windows;
}

// maintenance::validation::schedule.
std::optional<std::string> invalid(const std::vector<MaintenanceWindow>& windows,
                                   const MasterContext& ctx) {
  std::vector<MachineId> seen;
  for (const MaintenanceWindow& w : windows) {
    if (w.machines.empty()) {
      return "List of machines in the maintenance window is empty";
    }
    if (w.duration && *w.duration < 0) {
      return "Unavailability 'duration' is negative";
    }
    for (const MachineId& m : w.machines) {
      if (m.hostname.empty() && m.ip.empty()) {
        return "Both 'hostname' and 'ip' for a machine are empty";
      }
      in_addr addr{};
      if (!m.ip.empty() && inet_pton(AF_INET, m.ip.c_str(), &addr) != 1) {
        return "Failed to parse IP '" + m.ip + "'";
      }
      if (std::find(seen.begin(), seen.end(), m) != seen.end()) {
        return "Machine '" + machine_json(m) + "' appears more than once in the schedule";
      }
      seen.push_back(m);
    }
  }
  for (const auto& a : ctx.world.agents()) {
    const MachineId m = World::machine_of(*a);
    if (a->down && std::find(seen.begin(), seen.end(), m) == seen.end()) {
      return "Machine '" + machine_json(m) +
             "' is deactivated and cannot be removed from the schedule";
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> update_maintenance_schedule(const MasterContext& ctx,
                                                       const std::string& body) {
  const json parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return "Failed to parse JSON object: " + body.substr(0, 64);
  }
  std::string error;
  auto windows = parse_schedule(parsed, error);
  if (!windows) {
    return error;
  }
  if (auto why = invalid(*windows, ctx)) {
    return why;
  }
  ctx.world.maintenance() = std::move(*windows);  // the one schedule, replaced
  return std::nullopt;
}

}  // namespace qctl::sandbox::mesos
