// /version, /metrics/snapshot (master) and /master/maintenance/status.
#include "sandbox/mesos/master_misc.h"

#include <sys/sysinfo.h>

#include <cmath>
#include <cstdlib>
#include <set>
#include <thread>
#include <utility>

#include "sandbox/mesos/json_writer.h"
#include "sandbox/mesos/libprocess.h"

namespace qctl::sandbox::mesos {

namespace {

// stout Duration::parse error texts.
std::optional<std::string> duration_error(const std::string& s) {
  std::size_t index = 0;
  while (index < s.size() &&
         (std::isdigit(static_cast<unsigned char>(s[index])) != 0 || s[index] == '.')) {
    ++index;
  }
  if (index == s.size()) {
    return "Invalid duration '" + s + "'";
  }
  if (index == 0) {
    return "Failed to convert '' to number";
  }
  static const std::set<std::string> kUnits = {"ns",   "us",  "ms",   "secs",
                                               "mins", "hrs", "days", "weeks"};
  std::string unit = s.substr(index);
  if (kUnits.count(unit) == 0) {
    return "Unknown duration unit '" + unit + "'";
  }
  return std::nullopt;
}

void add_resource_metrics(std::map<std::string, double>& m, const model::Resources& total,
                          const model::Resources& used) {
  const std::pair<const char*, std::pair<double, double>> kinds[] = {
      {"cpus", {total.cpus, used.cpus}},
      {"mem", {total.mem, used.mem}},
      {"disk", {total.disk, used.disk}},
      {"gpus", {total.gpus, used.gpus}}};
  for (const auto& [name, values] : kinds) {
    std::string prefix = std::string("master/") + name;
    m[prefix + "_total"] = values.first;
    m[prefix + "_used"] = values.second;
    // A fraction in [0,1], despite the "_percent" name (src/master/master.cpp).
    m[prefix + "_percent"] = values.first == 0 ? 0 : values.second / values.first;
    m[prefix + "_revocable_total"] = 0;
    m[prefix + "_revocable_used"] = 0;
    m[prefix + "_revocable_percent"] = 0;
  }
}

void add_agent_metrics(std::map<std::string, double>& m, const MasterContext& ctx) {
  double active = 0;
  double inactive = 0;
  double disconnected = 0;
  double unreachable = 0;
  double removed = 0;
  model::Resources total;
  model::Resources used;
  for (const auto& a : ctx.world.agents()) {
    removed += a->removed || a->down ? 1 : 0;
    if (ClusterView::unreachable(*a)) {
      unreachable += 1;
    }
    if (!known_agent(ctx, *a)) {
      continue;
    }
    (ClusterView::active(*a) ? active : inactive) += 1;
    disconnected += a->disconnected ? 1 : 0;
    add_scalars(total, a->info.resources);
    add_scalars(used, ctx.world.used_on(a->info.id));
  }
  m["master/slaves_active"] = active;
  m["master/slaves_inactive"] = inactive;
  m["master/slaves_connected"] = active + inactive - disconnected;
  m["master/slaves_disconnected"] = disconnected;
  m["master/slaves_unreachable"] = unreachable;
  m["master/slave_registrations"] = static_cast<double>(ctx.world.agents().size());
  m["master/slave_reregistrations"] = 0;
  m["master/slave_removals"] = removed;
  add_resource_metrics(m, total, used);
}

void add_task_metrics(std::map<std::string, double>& m, const MasterContext& ctx) {
  static const char* const kStates[] = {
      "staging", "starting", "running", "killing", "unreachable", "finished",        "failed",
      "killed",  "lost",     "error",   "dropped", "gone",        "gone_by_operator"};
  for (const char* s : kStates) {
    m[std::string("master/tasks_") + s] = 0;
  }
  auto count = [&m](const std::string& state, double n = 1) {
    std::string name = state.substr(5);  // "TASK_RUNNING" -> "RUNNING"
    for (char& c : name) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (auto it = m.find("master/tasks_" + name); it != m.end()) {
      it->second += n;
    }
  };
  if (recovering(ctx)) {
    return;  // a new leader knows no tasks before the agents re-register
  }
  // Gauges: the live tasks and the unreachable ones.
  for (const auto& [id, task] : ctx.world.active_tasks()) {
    count(task->state);
  }
  for (const auto& [fw, done] : ctx.world.completed_tasks()) {
    for (const auto& task : done) {
      if (task->state == "TASK_UNREACHABLE") {
        count(task->state);
      }
    }
  }
  // Counters (metrics.cpp): every task that ended since this master was elected, never
  // decreasing, unlike the bounded completed lists.
  for (const auto& [state, n] : ctx.world.ended_counts()) {
    if (state == "TASK_UNREACHABLE") {
      continue;
    }
    const auto before = ctx.leadership.ended_at_election.find(state);
    const std::uint64_t base = before == ctx.leadership.ended_at_election.end() ? 0 : before->second;
    count(state, static_cast<double>(n - std::min(n, base)));
  }
}

void add_framework_metrics(std::map<std::string, double>& m, const MasterContext& ctx) {
  double active = 0;
  double inactive = 0;
  double connected = 0;
  double disconnected = 0;
  for (const auto& fw : ctx.world.frameworks()) {
    if (ClusterView::completed(*fw)) {
      continue;
    }
    (fw->info.active ? active : inactive) += 1;
    (fw->info.connected ? connected : disconnected) += 1;
  }
  m["master/frameworks_active"] = active;
  m["master/frameworks_inactive"] = inactive;
  m["master/frameworks_connected"] = connected;
  m["master/frameworks_disconnected"] = disconnected;
}

void write_nanoseconds(JsonWriter& w, const char* key, double seconds) {
  w.key(key);
  w.begin_object();
  w.field_int("nanoseconds", static_cast<std::int64_t>(std::llround(seconds * 1e9)));
  w.end_object();
}

}  // namespace

// JSON::protobuf(MachineID): keys sorted, unset fields left out.
void write_machine_id(JsonWriter& w, const MachineId& m) {
  w.begin_object();
  if (!m.hostname.empty()) {
    w.field("hostname", m.hostname);
  }
  if (!m.ip.empty()) {
    w.field("ip", m.ip);
  }
  w.end_object();
}

std::string render_version(const MesosOptions& o) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("build_date", o.build_date);
  w.field("build_time", o.build_time);  // build::TIME is a double: 1605800126.0
  w.field("build_user", o.build_user);
  w.field("git_sha", o.git_sha);
  w.field("git_tag", o.git_tag);
  w.field("version", o.version);
  w.end_object();
  return out;
}

std::string render_metrics(const std::map<std::string, double>& metrics) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  for (const auto& [name, value] : metrics) {
    w.field(name, value);
  }
  w.end_object();
  return out;
}

std::optional<http::Response> check_metrics_timeout(const http::Request& request) {
  auto it = request.params.find("timeout");
  if (it == request.params.end()) {
    return std::nullopt;
  }
  if (auto error = duration_error(it->second)) {
    return plain(400, "Invalid timeout '" + it->second + "': " + *error + ".\n");
  }
  return std::nullopt;
}

void add_system_metrics(std::map<std::string, double>& m) {
  double loads[3] = {0, 0, 0};
  if (getloadavg(loads, 3) == 3) {
    m["system/load_1min"] = loads[0];
    m["system/load_5min"] = loads[1];
    m["system/load_15min"] = loads[2];
  }
  m["system/cpus_total"] = static_cast<double>(std::thread::hardware_concurrency());
  struct sysinfo info {};
  if (sysinfo(&info) == 0) {
    m["system/mem_total_bytes"] = static_cast<double>(info.totalram) * info.mem_unit;
    m["system/mem_free_bytes"] = static_cast<double>(info.freeram) * info.mem_unit;
  }
}

std::string render_master_metrics(const MasterContext& ctx, std::size_t index) {
  std::map<std::string, double> m;
  bool elected = ctx.leadership.leader == index;
  m["master/elected"] = elected ? 1 : 0;
  m["master/uptime_secs"] = ctx.world.now() - ctx.self.start_time;
  m["master/outstanding_offers"] = 0;
  m["master/event_queue_dispatches"] = 0;
  m["master/event_queue_http_requests"] = 0;
  m["master/event_queue_messages"] = 0;
  if (elected) {
    add_agent_metrics(m, ctx);
    add_task_metrics(m, ctx);
    add_framework_metrics(m, ctx);
  } else {
    // A non-leader has no registered agents or frameworks: the same keys, all zero.
    std::map<std::string, double> shape;
    add_resource_metrics(shape, {}, {});
    for (const char* k :
         {"slaves_active", "slaves_inactive", "slaves_connected", "slaves_disconnected",
          "slaves_unreachable", "slave_registrations", "slave_reregistrations", "slave_removals",
          "frameworks_active", "frameworks_inactive", "frameworks_connected",
          "frameworks_disconnected"}) {
      shape[std::string("master/") + k] = 0;
    }
    for (const char* s :
         {"staging", "starting", "running", "killing", "unreachable", "finished", "failed",
          "killed", "lost", "error", "dropped", "gone", "gone_by_operator"}) {
      shape[std::string("master/tasks_") + s] = 0;
    }
    m.insert(shape.begin(), shape.end());
  }
  add_system_metrics(m);
  return render_metrics(m);
}

std::string render_maintenance_status(const MasterContext& ctx) {
  // Master::machines: every machine in the schedule is DRAINING unless it is DOWN.
  std::vector<MachineId> down;
  for (const auto& a : ctx.world.agents()) {
    const MachineId m = World::machine_of(*a);
    if (a->down && std::find(down.begin(), down.end(), m) == down.end()) {
      down.push_back(m);
    }
  }
  std::vector<MachineId> draining;
  for (const MaintenanceWindow& window : ctx.world.maintenance()) {
    for (const MachineId& m : window.machines) {
      if (std::find(down.begin(), down.end(), m) == down.end() &&
          std::find(draining.begin(), draining.end(), m) == draining.end()) {
        draining.push_back(m);
      }
    }
  }
  // JSON::protobuf builds a JSON::Object: keys sorted, empty repeated fields left out.
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  if (!down.empty()) {
    w.key("down_machines");
    w.begin_array();
    for (const MachineId& m : down) {
      write_machine_id(w, m);
    }
    w.end_array();
  }
  if (!draining.empty()) {
    w.key("draining_machines");
    w.begin_array();
    for (const MachineId& m : draining) {
      w.begin_object();
      w.key("id");
      write_machine_id(w, m);
      // No "statuses": the allocator records one only when a framework answers an inverse
      // offer, and Marathon's and Chronos's v0 scheduler driver drops inverse offers.
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  return out;
}

std::string render_maintenance_schedule(const MasterContext& ctx) {
  // Master::Http::getMaintenanceSchedule answers JSON::protobuf(maintenance::Schedule):
  // keys sorted, `windows` left out when empty, times as {"nanoseconds": N}.
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  if (!ctx.world.maintenance().empty()) {
    w.key("windows");
    w.begin_array();
    for (const MaintenanceWindow& window : ctx.world.maintenance()) {
      w.begin_object();
      w.key("machine_ids");
      w.begin_array();
      for (const MachineId& m : window.machines) {
        write_machine_id(w, m);
      }
      w.end_array();
      w.key("unavailability");
      w.begin_object();
      if (window.duration) {
        write_nanoseconds(w, "duration", *window.duration);
      }
      write_nanoseconds(w, "start", window.start);
      w.end_object();
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  return out;
}

}  // namespace qctl::sandbox::mesos
