// /master/state, /state-summary, /slaves and /frameworks rendered straight from the World.
#include "sandbox/mesos/master_state.h"

#include <algorithm>
#include <array>
#include <set>

#include "sandbox/mesos/render.h"

namespace qctl::sandbox::mesos {

bool recovering(const MasterContext& ctx) {
  return ctx.world.now() < ctx.leadership.recovering_until;
}

bool known_agent(const MasterContext& ctx, const SimAgent& agent) {
  return ClusterView::registered(agent) && !recovering(ctx);
}

namespace {

bool multi_role(const model::Framework& f) {
  return std::find(f.capabilities.begin(), f.capabilities.end(), "MULTI_ROLE") !=
         f.capabilities.end();
}

void write_strings(JsonWriter& w, const std::vector<std::string>& values) {
  w.begin_array();
  for (const std::string& v : values) {
    w.string(v);
  }
  w.end_array();
}

void write_tasks(JsonWriter& w, const char* name, const std::vector<const SimTask*>& tasks,
                 const std::string& user) {
  w.key(name);
  w.begin_array();
  for (const SimTask* t : tasks) {
    write_task(w, *t, user);
  }
  w.end_array();
}

void write_drain_info(JsonWriter& w, const SimAgent& agent) {
  if (agent.info.drain == model::DrainState::kNone) {
    return;
  }
  // JSON::Protobuf(DrainInfo): DrainConfig.mark_gone has a default, so it always shows.
  w.key("drain_info");
  w.begin_object();
  w.field("state", agent.info.drain == model::DrainState::kDraining ? "DRAINING" : "DRAINED");
  w.key("config");
  w.begin_object();
  w.field_bool("mark_gone", false);
  w.end_object();
  w.end_object();
  if (agent.drain_started) {  // Slave::estimatedDrainStartTime, in seconds (a double)
    w.field("estimated_drain_start_time_seconds", *agent.drain_started);
  }
}

void write_agents_full(JsonWriter& w, const SimAgent& agent, const model::Resources& unreserved,
                       std::map<std::string, model::Resources> used_by_role,
                       const std::vector<model::Range>& used_ports) {
  w.key("reserved_resources_full");
  w.begin_object();
  for (const auto& [role, r] : agent.info.reserved) {
    w.key(role);
    write_resources_full(w, r, role);
  }
  w.end_object();
  w.key("unreserved_resources_full");
  write_resources_full(w, unreserved, "*");
  w.key("used_resources_full");
  // Per reservation role with allocation_info, as the master writes them. The sandbox's
  // frameworks take their ports from the unreserved ranges, so they belong to "*".
  if (!used_ports.empty()) {
    used_by_role["*"].ports = used_ports;
  }
  w.begin_array();
  for (const auto& [role, r] : used_by_role) {
    write_used_full(w, r, role);
  }
  w.end_array();
  w.key("offered_resources_full");
  w.begin_array();
  w.end_array();
}

void write_version_fields(JsonWriter& w, const MesosOptions& o) {
  w.field("version", o.version);
  w.field("git_sha", o.git_sha);
  w.field("git_tag", o.git_tag);
  w.field("build_date", o.build_date);
  w.field("build_time", o.build_time);  // build::TIME is a double: 1605800126.0
  w.field("build_user", o.build_user);
}

// The master flags a default `mesos-master` prints (VIEW_FLAGS is allowed without ACLs).
void write_flags(JsonWriter& w, const MasterContext& ctx) {
  const World::Options& o = ctx.world.options();
  w.key("flags");
  w.begin_object();
  w.field("agent_ping_timeout", "15secs");
  w.field("allocation_interval", "1secs");
  const char* authenticate = ctx.options.authenticate_http ? "true" : "false";
  w.field("authenticate_http_readonly", authenticate);
  w.field("authenticate_http_readwrite", authenticate);
  w.field("cluster", o.cluster);
  w.field("hostname", ctx.self.hostname);
  w.field("ip", ctx.self.ip);
  w.field("max_agent_ping_timeouts", "5");
  w.field("max_completed_frameworks", "50");
  w.field("max_completed_tasks_per_framework", std::to_string(o.completed_tasks_per_framework));
  w.field("port", std::to_string(ctx.self.port));
  w.field("quorum", std::to_string(ctx.leadership.masters.size() / 2 + 1));
  w.field("registry", "in_memory");
  w.field("work_dir", "/var/lib/mesos");
  w.end_object();
}

void write_state_header(JsonWriter& w, const MasterContext& ctx) {
  write_version_fields(w, ctx.options);
  w.field("start_time", ctx.self.start_time);
  w.field("elected_time", ctx.leadership.elected_time);
  w.field("id", ctx.self.id);
  w.field("pid", ctx.self.pid());
  w.field("hostname", ctx.self.hostname);
  w.key("capabilities");
  write_strings(w, {"AGENT_UPDATE", "AGENT_DRAINING", "QUOTA_V2"});
  double active = 0;
  double inactive = 0;
  double unreachable = 0;
  for (const auto& a : ctx.world.agents()) {
    if (known_agent(ctx, *a)) {
      (ClusterView::active(*a) ? active : inactive) += 1;
    } else if (ClusterView::unreachable(*a)) {
      unreachable += 1;
    }
  }
  // Master::_const_slaves_active() and friends return double.
  w.field("activated_slaves", active);
  w.field("deactivated_slaves", inactive);
  w.field("unreachable_slaves", unreachable);
  const MasterNode& leader = ctx.leadership.masters[*ctx.leadership.leader];
  w.field("leader", leader.pid());
  w.key("leader_info");
  w.begin_object();
  w.field("id", leader.id);
  w.field("pid", leader.pid());
  w.field_int("port", leader.port);
  w.field("hostname", leader.hostname);
  w.end_object();
  if (!ctx.world.options().cluster.empty()) {
    w.field("cluster", ctx.world.options().cluster);
  }
  write_flags(w, ctx);
}

void write_frameworks_field(JsonWriter& w, const char* name, const MasterContext& ctx,
                            const ClusterView& view, bool completed,
                            const std::optional<std::string>& only) {
  w.key(name);
  w.begin_array();
  for (const auto& fw : ctx.world.frameworks()) {
    if (ClusterView::completed(*fw) != completed || (only && *only != fw->info.id)) {
      continue;
    }
    write_framework_full(w, *fw, view.tasks_of(fw->info.id));
  }
  w.end_array();
}

}  // namespace

void write_agent(JsonWriter& w, World& world, const SimAgent& agent, bool full) {
  w.begin_object();
  write_agent_fields(w, world, agent, full);
  w.end_object();
}

void write_agent_fields(JsonWriter& w, World& world, const SimAgent& agent, bool full) {
  const model::Agent& info = agent.info;
  const model::Resources used = world.used_on(info.id);
  const model::Resources unreserved = unreserved_of(info);
  w.field("id", info.id);
  w.field("hostname", info.hostname);
  w.field_int("port", info.port);
  w.key("attributes");
  write_attributes(w, info.attributes);
  write_domain_field(w, info.region, info.zone);
  w.field("pid", info.pid);
  w.field("registered_time", info.registered_time);
  if (info.reregistered_time > 0) {
    w.field("reregistered_time", info.reregistered_time);
  }
  w.key("resources");
  write_resources(w, info.resources);
  w.key("used_resources");
  write_resources(w, used);
  w.key("offered_resources");
  write_resources(w, model::Resources{});  // the sandbox holds no outstanding offers
  w.key("reserved_resources");
  w.begin_object();
  for (const auto& [role, r] : info.reserved) {
    w.key(role);
    write_resources(w, r);
  }
  w.end_object();
  w.key("unreserved_resources");
  write_resources(w, unreserved);
  w.field_bool("active", ClusterView::active(agent));
  w.field_bool("deactivated", ClusterView::deactivated(agent));
  w.field("version", info.version);
  w.key("capabilities");
  write_strings(w, info.capabilities);
  write_drain_info(w, agent);
  if (full) {
    write_agents_full(w, agent, unreserved, world.used_by_role(info.id), used.ports);
  }
}

void write_framework_summary(JsonWriter& w, const SimFramework& fw, const FrameworkTasks& tasks) {
  const model::Framework& f = fw.info;
  w.field("id", f.id);
  w.field("name", f.name);
  if (!f.pid.empty()) {
    w.field("pid", f.pid);  // omitted for HTTP-API frameworks
  }
  w.key("used_resources");
  write_resources(w, tasks.used);
  w.key("offered_resources");
  write_resources(w, model::Resources{});
  w.key("capabilities");
  write_strings(w, f.capabilities);
  w.field("hostname", f.hostname);
  w.field("webui_url", f.webui_url);
  w.field_bool("active", f.active);
  w.field_bool("connected", f.connected);
  w.field_bool("recovered", f.recovered);
}

void write_framework_full(JsonWriter& w, const SimFramework& fw, const FrameworkTasks& tasks) {
  const model::Framework& f = fw.info;
  w.begin_object();
  write_framework_summary(w, fw, tasks);
  w.field("user", f.user);
  w.field("failover_timeout", f.failover_timeout);
  w.field_bool("checkpoint", true);  // Marathon and Chronos both checkpoint
  w.field("registered_time", f.registered_time);
  w.field("unregistered_time", f.unregistered_time);
  if (!f.principal.empty()) {
    w.field("principal", f.principal);
  }
  w.key("resources");
  write_resources(w, tasks.used);  // used + offered; nothing is offered
  if (multi_role(f)) {
    w.key("roles");
    write_strings(w, f.roles);
  } else {
    w.field("role", f.roles.empty() ? std::string("*") : f.roles.front());
  }
  write_tasks(w, "tasks", tasks.active, f.user);
  write_tasks(w, "unreachable_tasks", tasks.unreachable, f.user);
  write_tasks(w, "completed_tasks", tasks.completed, f.user);
  w.key("offers");
  w.begin_array();
  w.end_array();
  w.key("executors");
  w.begin_array();
  w.end_array();
  w.key("offer_constraints");  // since 1.11, JSON::Protobuf of an empty message
  w.begin_object();
  w.end_object();
  w.end_object();
}

namespace {

// After a failover the new leader knows the agents only from its registry until they
// re-register: Master::Http lists them as `recovered_slaves` (SlaveInfo: id, hostname, port,
// attributes, domain) and not under `slaves`; SlavesWriter applies `slave_id` to both.
void write_recovered_slaves(JsonWriter& w, const MasterContext& ctx,
                            const std::optional<std::string>& slave_id = std::nullopt) {
  w.key("recovered_slaves");
  w.begin_array();
  if (recovering(ctx)) {
    for (const auto& a : ctx.world.agents()) {
      if (!ClusterView::registered(*a) || (slave_id && *slave_id != a->info.id)) {
        continue;
      }
      w.begin_object();
      w.field("id", a->info.id);
      w.field("hostname", a->info.hostname);
      w.field_int("port", a->info.port);
      w.key("attributes");
      write_attributes(w, a->info.attributes);
      write_domain_field(w, a->info.region, a->info.zone);
      w.end_object();
    }
  }
  w.end_array();
}

}  // namespace

std::string render_state(const MasterContext& ctx) {
  ClusterView view(ctx.world, !recovering(ctx));
  std::string out;
  out.reserve(4096 + ctx.world.agents().size() * 1200 + ctx.world.active_tasks().size() * 800);
  JsonWriter w(out);
  w.begin_object();
  write_state_header(w, ctx);
  w.key("slaves");
  w.begin_array();
  for (const auto& a : ctx.world.agents()) {
    if (known_agent(ctx, *a)) {
      write_agent(w, ctx.world, *a, false);
    }
  }
  w.end_array();
  write_recovered_slaves(w, ctx);
  write_frameworks_field(w, "frameworks", ctx, view, false, std::nullopt);
  write_frameworks_field(w, "completed_frameworks", ctx, view, true, std::nullopt);
  w.key("orphan_tasks");
  w.begin_array();
  w.end_array();
  w.key("unregistered_frameworks");
  w.begin_array();
  w.end_array();
  w.end_object();
  return out;
}

std::string render_slaves(const MasterContext& ctx, const std::optional<std::string>& slave_id) {
  std::string out;
  out.reserve(1024 + ctx.world.agents().size() * 2500);
  JsonWriter w(out);
  w.begin_object();
  w.key("slaves");
  w.begin_array();
  for (const auto& a : ctx.world.agents()) {
    if (known_agent(ctx, *a) && (!slave_id || *slave_id == a->info.id)) {
      write_agent(w, ctx.world, *a, true);
    }
  }
  w.end_array();
  write_recovered_slaves(w, ctx, slave_id);
  w.end_object();
  return out;
}

std::string render_frameworks(const MasterContext& ctx,
                              const std::optional<std::string>& framework_id) {
  ClusterView view(ctx.world, !recovering(ctx));
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  write_frameworks_field(w, "frameworks", ctx, view, false, framework_id);
  write_frameworks_field(w, "completed_frameworks", ctx, view, true, framework_id);
  w.key("unregistered_frameworks");
  w.begin_array();
  w.end_array();
  w.end_object();
  return out;
}

}  // namespace qctl::sandbox::mesos
