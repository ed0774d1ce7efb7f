// The agent's /containers, /monitor/statistics and /metrics/snapshot, with process
// usage read from /proc the way the Mesos containerizer's usage() reports it.
#include <unistd.h>

#include <fstream>
#include <map>
#include <sstream>

#include "sandbox/mesos/agent_state.h"
#include "sandbox/mesos/master_misc.h"
#include "sandbox/mesos/render.h"

namespace qctl::sandbox::mesos {

namespace {

struct Usage {
  double user_secs = 0;
  double system_secs = 0;
  std::int64_t rss_bytes = 0;
};

std::vector<int> children_of(int pid) {
  std::vector<int> out;
  std::ifstream in("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) +
                   "/children");
  int child = 0;
  while (in >> child) {
    out.push_back(child);
  }
  return out;
}

// utime/stime of one process (fields 14 and 15 after the command name) and its RSS.
void add_process(Usage& u, int pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  auto close = text.rfind(')');
  if (close == std::string::npos) {
    return;
  }
  std::istringstream fields(text.substr(close + 2));
  std::string field;
  double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 14) {
      u.user_secs += std::stod(field) / ticks;
    } else if (i == 15) {
      u.system_secs += std::stod(field) / ticks;
    }
  }
  std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
  std::int64_t size = 0;
  std::int64_t resident = 0;
  if (statm >> size >> resident) {
    u.rss_bytes += resident * static_cast<std::int64_t>(sysconf(_SC_PAGESIZE));
  }
}

// The container's whole process tree, as its cgroup would account it.
Usage usage_of(int pid) {
  Usage u;
  std::vector<int> pending = {pid};
  for (std::size_t seen = 0; !pending.empty() && seen < 4096; ++seen) {
    int p = pending.back();
    pending.pop_back();
    add_process(u, p);
    for (int c : children_of(p)) {
      pending.push_back(c);
    }
  }
  return u;
}

// JSON::protobuf(ResourceStatistics): a JSON::Object, so keys come out sorted.
void write_statistics(JsonWriter& w, const SimTask& t, double now) {
  model::Resources limits = executor_resources(t);
  Usage u = t.pid > 0 ? usage_of(t.pid) : Usage{};
  w.begin_object();
  w.field("cpus_limit", limits.cpus);
  w.field("cpus_system_time_secs", u.system_secs);
  w.field("cpus_user_time_secs", u.user_secs);
  w.field_int("mem_limit_bytes", static_cast<std::int64_t>(limits.mem * 1024 * 1024));
  w.field_int("mem_rss_bytes", u.rss_bytes);
  w.field("timestamp", now);
  w.end_object();
}

// Containerizer status(): the Docker containerizer reports only the container id; the
// Mesos containerizer adds the executor pid and the network (host network: agent IP).
void write_container_status(JsonWriter& w, const SimTask& t, const std::string& ip) {
  w.begin_object();
  w.key("container_id");
  w.begin_object();
  w.field("value", t.container_id);
  w.end_object();
  if (t.spec.container != ContainerKind::kDocker) {
    if (t.pid > 0) {
      w.field_int("executor_pid", t.pid);
    }
    w.key("network_infos");
    w.begin_array();
    w.begin_object();
    w.key("ip_addresses");
    w.begin_array();
    w.begin_object();
    w.field("ip_address", ip);
    w.field("protocol", "IPv4");
    w.end_object();
    w.end_array();
    w.end_object();
    w.end_array();
  }
  w.end_object();
}

}  // namespace

std::string render_containers(const AgentContext& ctx, const std::string& container_id) {
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  for (const SimTask* t : live_tasks(ctx)) {
    if (!container_id.empty() && container_id != t->container_id) {
      continue;
    }
    w.begin_object();
    w.field("container_id", t->container_id);
    w.field("executor_id", t->executor_id);
    w.field("executor_name", executor_name(t->spec));
    w.field("framework_id", t->spec.framework_id);
    w.field("source", t->spec.id);
    w.key("statistics");
    write_statistics(w, *t, ctx.world.now());
    w.key("status");
    write_container_status(w, *t, ctx.agent.ip);
    w.end_object();
  }
  w.end_array();
  return out;
}

std::string render_statistics(const AgentContext& ctx) {
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  for (const SimTask* t : live_tasks(ctx)) {
    w.begin_object();
    w.field("executor_id", t->executor_id);
    w.field("executor_name", executor_name(t->spec));
    w.field("framework_id", t->spec.framework_id);
    w.field("source", t->spec.id);
    w.key("statistics");
    write_statistics(w, *t, ctx.world.now());
    w.end_object();
  }
  w.end_array();
  return out;
}

std::string render_agent_metrics(const AgentContext& ctx) {
  std::map<std::string, double> m;
  const model::Agent& info = ctx.agent.info;
  m["slave/uptime_secs"] = ctx.world.now() - info.registered_time;
  m["slave/registered"] = ctx.agent.connected && !ctx.agent.removed ? 1 : 0;
  m["slave/recovery_errors"] = 0;
  m["slave/container_launch_errors"] = 0;
  for (const char* s : {"staging", "starting", "running", "killing", "finished", "failed",
                        "killed", "lost", "gone"}) {
    m[std::string("slave/tasks_") + s] = 0;
  }
  std::vector<const SimTask*> live = live_tasks(ctx);
  std::map<std::string, int> frameworks;
  for (const SimTask* t : live) {
    std::string name = t->state.substr(5);
    for (char& c : name) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (auto it = m.find("slave/tasks_" + name); it != m.end()) {
      it->second += 1;
    }
    frameworks[t->spec.framework_id] += 1;
  }
  m["slave/frameworks_active"] = static_cast<double>(frameworks.size());
  m["slave/executors_running"] = static_cast<double>(live.size());
  m["slave/executors_registering"] = 0;
  m["slave/executors_terminating"] = 0;
  m["slave/executors_terminated"] = 0;
  model::Resources used = ctx.world.used_on(info.id);
  const std::pair<const char*, std::pair<double, double>> kinds[] = {
      {"cpus", {info.resources.cpus, used.cpus}},
      {"mem", {info.resources.mem, used.mem}},
      {"disk", {info.resources.disk, used.disk}},
      {"gpus", {info.resources.gpus, used.gpus}}};
  for (const auto& [name, v] : kinds) {
    std::string p = std::string("slave/") + name;
    m[p + "_total"] = v.first;
    m[p + "_used"] = v.second;
    m[p + "_percent"] = v.first == 0 ? 0 : v.second / v.first;
    m[p + "_revocable_total"] = 0;
    m[p + "_revocable_used"] = 0;
    m[p + "_revocable_percent"] = 0;
  }
  add_system_metrics(m);
  return render_metrics(m);
}

}  // namespace qctl::sandbox::mesos
