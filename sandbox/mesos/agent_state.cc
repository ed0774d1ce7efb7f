// The agent's /state: its resources, and frameworks → executors → tasks
// (src/slave/http.cpp `Http::state`, FrameworkWriter, ExecutorWriter).
#include "sandbox/mesos/agent_state.h"

#include <algorithm>
#include <map>

#include "sandbox/mesos/master_misc.h"
#include "sandbox/mesos/render.h"

namespace qctl::sandbox::mesos {

namespace {

// --max_completed_executors_per_framework default (src/slave/constants.hpp).
constexpr std::size_t kMaxCompletedExecutors = 150;

struct AgentFramework {
  const SimFramework* framework = nullptr;
  std::vector<const SimTask*> live;
  std::vector<const SimTask*> done;
};

void write_executor(JsonWriter& w, const SimTask& task, const std::string& user, bool done) {
  w.begin_object();
  w.field("id", task.executor_id);
  w.field("name", executor_name(task.spec));
  w.field("source", task.spec.id);
  w.field("container", task.container_id);
  w.field("directory", task.sandbox_dir);
  w.key("resources");
  write_resources(w, executor_resources(task));
  w.field("role", task.spec.role);
  w.key("tasks");
  w.begin_array();
  if (!done) {
    write_task(w, task, user);
  }
  w.end_array();
  w.key("queued_tasks");
  w.begin_array();
  w.end_array();
  w.key("completed_tasks");
  w.begin_array();
  if (done) {
    write_task(w, task, user);
  }
  w.end_array();
  w.end_object();
}

void write_framework(JsonWriter& w, const AgentFramework& af) {
  const model::Framework& f = af.framework->info;
  w.begin_object();
  w.field("id", f.id);
  w.field("name", f.name);
  w.field("user", f.user);
  w.field("failover_timeout", f.failover_timeout);
  w.field_bool("checkpoint", true);
  w.field("hostname", f.hostname);
  if (!f.principal.empty()) {
    w.field("principal", f.principal);
  }
  if (std::find(f.capabilities.begin(), f.capabilities.end(), "MULTI_ROLE") !=
      f.capabilities.end()) {
    w.key("roles");
    w.begin_array();
    for (const std::string& r : f.roles) {
      w.string(r);
    }
    w.end_array();
  } else {
    w.field("role", f.roles.empty() ? std::string("*") : f.roles.front());
  }
  w.key("executors");
  w.begin_array();
  for (const SimTask* t : af.live) {
    write_executor(w, *t, f.user, false);
  }
  w.end_array();
  w.key("completed_executors");
  w.begin_array();
  std::size_t skip = af.done.size() > kMaxCompletedExecutors
                         ? af.done.size() - kMaxCompletedExecutors
                         : 0;
  for (std::size_t i = skip; i < af.done.size(); ++i) {
    write_executor(w, *af.done[i], f.user, true);
  }
  w.end_array();
  w.end_object();
}

std::vector<AgentFramework> group(const AgentContext& ctx) {
  std::map<std::string, AgentFramework> by_id;
  for (const auto& fw : ctx.world.frameworks()) {
    by_id[fw->info.id].framework = fw.get();
  }
  for (const SimTask* t : live_tasks(ctx)) {
    by_id[t->spec.framework_id].live.push_back(t);
  }
  for (const auto& [fw, done] : ctx.world.completed_tasks()) {
    for (const auto& t : done) {
      if (t->agent_id == ctx.agent.info.id) {
        by_id[fw].done.push_back(t.get());
      }
    }
  }
  std::vector<AgentFramework> out;
  for (auto& [id, af] : by_id) {
    if (af.framework != nullptr && (!af.live.empty() || !af.done.empty())) {
      out.push_back(std::move(af));
    }
  }
  return out;
}

void write_agent_resources(JsonWriter& w, const AgentContext& ctx) {
  const model::Agent& info = ctx.agent.info;
  w.key("resources");
  write_resources(w, info.resources);
  w.key("reserved_resources");
  w.begin_object();
  for (const auto& [role, r] : info.reserved) {
    w.key(role);
    write_resources(w, r);
  }
  w.end_object();
  w.key("unreserved_resources");
  write_resources(w, unreserved_of(info));
  w.key("reserved_resources_full");
  w.begin_object();
  for (const auto& [role, r] : info.reserved) {
    w.key(role);
    write_resources_full(w, r, role);
  }
  w.end_object();
  w.key("unreserved_resources_full");
  write_resources_full(w, unreserved_of(info), "*");
  // Allocated = what the executors hold (task resources plus executor allowances).
  model::Resources allocated;
  std::vector<std::uint64_t> ports;
  for (const SimTask* t : live_tasks(ctx)) {
    model::Resources r = executor_resources(*t);
    allocated.cpus = model::round3(allocated.cpus + r.cpus);
    allocated.mem = model::round3(allocated.mem + r.mem);
    allocated.disk = model::round3(allocated.disk + r.disk);
    allocated.gpus = model::round3(allocated.gpus + r.gpus);
    ports.insert(ports.end(), t->ports.begin(), t->ports.end());
  }
  allocated.ports = coalesce(std::move(ports));
  w.key("reserved_resources_allocated");
  w.begin_object();
  w.end_object();
  w.key("unreserved_resources_allocated");
  write_resources(w, allocated);
  w.key("resource_providers");
  w.begin_array();
  w.end_array();
}

void write_agent_flags(JsonWriter& w, const AgentContext& ctx) {
  w.key("flags");
  w.begin_object();
  w.field("authenticate_http_readonly", ctx.options.authenticate_http ? "true" : "false");
  w.field("containerizers", "mesos,docker");
  w.field("hostname", ctx.agent.info.hostname);
  w.field("ip", ctx.agent.ip);
  w.field("port", std::to_string(ctx.agent.info.port));
  w.field("work_dir", ctx.agent.work_dir);
  w.end_object();
}

}  // namespace

std::vector<const SimTask*> live_tasks(const AgentContext& ctx) {
  std::vector<const SimTask*> out;
  for (const std::string& id : ctx.world.tasks_on(ctx.agent.info.id)) {
    if (auto it = ctx.world.active_tasks().find(id); it != ctx.world.active_tasks().end()) {
      out.push_back(it->second.get());
    }
  }
  return out;
}

std::string executor_name(const TaskSpec& spec) {
  std::string name = "Command Executor (Task: " + spec.id + ") ";
  if (spec.shell) {
    if (spec.command.empty()) {
      return name + "(Command: NO COMMAND)";
    }
    return name + "(Command: sh -c '" +
           (spec.command.size() > 15 ? spec.command.substr(0, 12) + "...')"
                                     : spec.command + "')");
  }
  if (spec.command.empty()) {
    return name + "(Command: NO EXECUTABLE)";
  }
  std::string args = spec.command + ", ";
  for (std::size_t i = 0; i < spec.args.size(); ++i) {
    args += (i > 0 ? ", " : "") + spec.args[i];
  }
  return name + "(Command: [" + (args.size() > 15 ? args.substr(0, 12) + "...])" : args + "])");
}

model::Resources executor_resources(const SimTask& task) {
  model::Resources r = task_resources(task);
  r.cpus = model::round3(r.cpus + kExecutorCpus);
  r.mem = model::round3(r.mem + kExecutorMem);
  return r;
}

std::string render_agent_state(const AgentContext& ctx) {
  const model::Agent& info = ctx.agent.info;
  const MesosOptions& o = ctx.options;
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("version", o.version);
  w.field("git_sha", o.git_sha);
  w.field("git_tag", o.git_tag);
  w.field("build_date", o.build_date);
  w.field("build_time", o.build_time);  // build::TIME is a double: 1605800126.0
  w.field("build_user", o.build_user);
  w.field("start_time", info.registered_time);
  w.field("id", info.id);
  w.field("pid", info.pid);
  w.field("hostname", info.hostname);
  w.key("capabilities");
  w.begin_array();
  for (const std::string& c : info.capabilities) {
    w.string(c);
  }
  w.end_array();
  write_domain_field(w, info.region, info.zone);
  if (info.drain != model::DrainState::kNone) {
    w.key("drain_config");  // JSON::Protobuf(DrainConfig): mark_gone has a default
    w.begin_object();
    w.field_bool("mark_gone", false);
    w.end_object();
  }
  write_agent_resources(w, ctx);
  w.key("attributes");
  write_attributes(w, info.attributes);
  if (!o.master_hostname.empty()) {
    w.field("master_hostname", o.master_hostname);
  }
  write_agent_flags(w, ctx);
  std::vector<AgentFramework> frameworks = group(ctx);
  for (bool completed : {false, true}) {
    w.key(completed ? "completed_frameworks" : "frameworks");
    w.begin_array();
    for (const AgentFramework& af : frameworks) {
      // The agent keeps a framework until its last executor is gone.
      if (af.live.empty() == completed) {
        write_framework(w, af);
      }
    }
    w.end_array();
  }
  w.end_object();
  return out;
}

}  // namespace qctl::sandbox::mesos
