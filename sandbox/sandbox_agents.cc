// Agents of the embedded cluster: registration, their servers and the admin actions on them.
#include <stdexcept>

#include "sandbox/mesos/mesos_api.h"
#include "sandbox/sandbox.h"
#include "sandbox/world/ids.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox {

std::string Sandbox::agent_ip(std::size_t n) {
  return "127.0." + std::to_string(1 + n / 254) + "." + std::to_string(1 + n % 254);
}

std::string Sandbox::register_agent(const spec::AgentSpec& spec) {
  const std::size_t n = next_agent_++;
  SimAgent agent;
  agent.ip = spec.ip.empty() ? agent_ip(n) : spec.ip;
  agent.info.id = world_->options().master_id + "-S" + std::to_string(n);
  agent.info.hostname = spec.hostname.empty() ? agent.ip : spec.hostname;
  agent.info.port = agent_port_;
  agent.info.version = spec.version;
  agent.info.attributes = spec.attributes;
  agent.info.region = spec.region;
  agent.info.zone = spec.zone;
  agent.info.resources = spec.resources;
  agent.info.reserved = spec.reserved;
  agent.work_dir = options_.work_dir;
  for (const auto& [role, r] : spec.reserved) {
    if (r.cpus > spec.resources.cpus || r.mem > spec.resources.mem ||
        r.disk > spec.resources.disk || r.gpus > spec.resources.gpus) {
      throw std::invalid_argument("agent " + agent.info.hostname + ": the reservation for role '" +
                                  role + "' exceeds the agent's resources");
    }
  }
  if (agent_servers_ < options_.agent_servers_max) {
    int port = options_.port_mode == PortMode::kAny ? 0 : agent_port_;
    auto s = make_server("mesos-agent-" + std::to_string(n), agent.ip, port, http::Router{},
                         faults_["agents"].get(), 4);
    agent.info.port = s->bind();
    mesos::MesosOptions mo;
    mo.authenticate_http = options_.credentials.has_value();
    mo.version = spec.version.empty() ? options_.cluster.mesos_version : spec.version;
    mesos::mount_agent(s->router(), *world_, agent.info.id, mo);
    endpoints_.agents.emplace_back(agent.info.id, s->url());
    if (ticker_.joinable()) {
      s->start();  // added at run time: serve at once
    }
    std::lock_guard guard(servers_mu_);  // admin calls add agents while others read
    agent_servers_by_id_[agent.info.id] = s.get();
    servers_.push_back(std::move(s));
    ++agent_servers_;
  }
  const std::string id = agent.info.id;
  auto lock = world_->lock();
  world_->add_agent(std::move(agent));
  return id;
}

void Sandbox::set_active(SimAgent& a) { a.info.active = a.usable(); }

nlohmann::json Sandbox::add_agent(const nlohmann::json& body) {
  nlohmann::json doc = {{"agents", nlohmann::json::array({body.is_null() ? nlohmann::json::object()
                                                                         : body})}};
  spec::ClusterSpec parsed = spec::parse_cluster(doc);
  std::string id = register_agent(parsed.agents.front());
  return {{"id", id}};
}

nlohmann::json Sandbox::agent_action(const std::string& agent_id, const std::string& action,
                                     const nlohmann::json& body) {
  nlohmann::json out = change_agent(agent_id, action, body);
  if (action == "lose") {
    stop_agent_server(agent_id);
  }
  return out;
}

void Sandbox::stop_agent_server(const std::string& agent_id) {
  // A lost agent is gone from the network too: its endpoints stop answering (connection
  // refused), which is what qctl sees of a partitioned agent. Stopped without the World
  // lock, since in-flight agent requests take it.
  server::HttpServer* agent_server = nullptr;
  {
    std::lock_guard guard(servers_mu_);  // taken out, so only one caller stops it
    auto it = agent_servers_by_id_.find(agent_id);
    if (it != agent_servers_by_id_.end()) {
      agent_server = it->second;
      agent_servers_by_id_.erase(it);
    }
  }
  if (agent_server != nullptr) {
    agent_server->stop();
  }
}

std::vector<std::string> Sandbox::mark_unreachable_disconnected() {
  std::vector<std::string> lost;
  for (const auto& a : world_->agents()) {
    if (a->disconnected && world_->now() >= a->unreachable_at) {
      lost.push_back(a->info.id);
    }
  }
  for (const std::string& id : lost) {
    world_->remove_agent(id, true);  // the health checks gave up: markUnreachable
    set_active(*world_->agent(id));
  }
  return lost;
}

nlohmann::json Sandbox::change_agent(const std::string& agent_id, const std::string& action,
                                     const nlohmann::json& request_body) {
  // Every body is optional: no body (JSON null) reads as {}.
  const nlohmann::json body = request_body.is_object() ? request_body : nlohmann::json::object();
  auto lock = world_->lock();
  SimAgent* a = world_->agent(agent_id);
  if (a == nullptr || a->removed) {
    throw std::out_of_range("no agent " + agent_id);
  }
  auto kill_all = [&] {
    auto ids = world_->tasks_on(agent_id);
    for (const std::string& t : ids) {
      world_->kill(t);
    }
  };
  if (action == "remove" || action == "lose") {
    world_->remove_agent(agent_id, action == "lose");
  } else if (action == "disconnect") {
    // Master::disconnect: still registered, inactive, tasks untouched; unreachable once
    // agent_ping_timeout (15 s) x max_agent_ping_timeouts (5) pass without it coming back.
    const nlohmann::json after = body.value("unreachable_after_seconds", nlohmann::json(75.0));
    if (!after.is_number() || !(after.get<double>() >= 0)) {
      throw std::invalid_argument("unreachable_after_seconds must be a number >= 0");
    }
    if (!a->connected) {
      throw std::invalid_argument("agent " + agent_id + " is already unreachable");
    }
    a->disconnected = true;
    a->unreachable_at = world_->now() + after.get<double>();
  } else if (action == "reconnect") {
    if (!a->connected) {
      throw std::invalid_argument("agent " + agent_id + " is unreachable: it cannot reconnect");
    }
    a->disconnected = false;
  } else if (action == "deactivate") {
    a->info.deactivated = true;
  } else if (action == "reactivate") {
    a->info.deactivated = false;
    a->info.drain = model::DrainState::kNone;
    a->drain_started.reset();
  } else if (action == "drain") {
    // DRAIN_AGENT: the agent is deactivated and its tasks are killed; once none is left
    // the master marks it DRAINED (tick).
    a->info.deactivated = true;
    a->info.drain = model::DrainState::kDraining;
    a->drain_started = world_->now();
    kill_all();
  } else if (action == "maintenance") {
    // A window of its own, replacing any window the machine was in.
    const MachineId machine = World::machine_of(*a);
    world_->unschedule(machine);
    world_->maintenance().push_back(MaintenanceWindow{
        {machine}, world_->now() + body.value("start_in_seconds", 0.0),
        body.value("duration_seconds", 3600.0)});
  } else if (action == "down") {
    a->down = true;
    kill_all();
  } else if (action == "up") {
    a->down = false;
    world_->unschedule(World::machine_of(*a));
  } else {
    throw std::invalid_argument("unknown agent action '" + action +
                                "' (remove, lose, disconnect, reconnect, deactivate, reactivate, "
                                "drain, maintenance, down, up)");
  }
  set_active(*a);
  return {{"id", agent_id}, {"action", action}};
}

nlohmann::json Sandbox::kill_task(const std::string& task_id) {
  auto lock = world_->lock();
  if (!world_->kill(task_id)) {
    throw std::out_of_range("no running task " + task_id);
  }
  return {{"id", task_id}, {"action", "kill"}};
}

}  // namespace qctl::sandbox
