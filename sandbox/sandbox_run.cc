// The running cluster: the tick thread, leader changes, faults, synthetic load, shutdown.
#include <filesystem>
#include <stdexcept>

#include "core/placement/placement.h"
#include "sandbox/chronos/chronos.h"
#include "sandbox/marathon/marathon.h"
#include "sandbox/mesos/mesos_api.h"
#include "sandbox/sandbox.h"
#include "sandbox/world/ids.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox {

void Sandbox::tick_loop() {
  const auto period = std::chrono::duration<double>(options_.tick_seconds);
  std::unique_lock tick_lock(tick_mu_);
  while (!stopping_) {
    tick_cv_.wait_for(tick_lock, period, [&] { return stopping_; });
    if (stopping_) {
      break;
    }
    auto lock = world_->lock();
    if (pending_leader_ && world_->now() >= pending_leader_->first) {
      if (pending_leader_->second) {
        leadership_->elect(*pending_leader_->second, world_->now(), world_->ended_counts());
      }
      pending_leader_.reset();
    }
    for (const auto& a : world_->agents()) {
      if (a->info.drain == model::DrainState::kDraining && world_->tasks_on(a->info.id).empty()) {
        a->info.drain = model::DrainState::kDrained;
      }
    }
    const std::vector<std::string> lost = mark_unreachable_disconnected();
    world_->tick();
    marathon_->tick();
    chronos_->tick();
    lock.unlock();
    for (const std::string& id : lost) {
      stop_agent_server(id);
    }
  }
}

void Sandbox::seed_load() {
  if (!options_.simulate || options_.load_tasks == 0) {
    return;
  }
  // A batch framework (think Spark or a transcoding farm) whose tasks fill the cluster, so
  // /master/state has the size of a busy production cluster.
  model::Framework info;
  info.name = "sandbox-load";
  info.user = "root";
  info.roles = {"*"};
  info.hostname = "127.0.0.1";
  info.capabilities = {"PARTITION_AWARE", "TASK_KILLING_STATE"};
  const std::string fw = world_->register_framework(info, nullptr).info.id;
  std::vector<placement::AgentView> views = world_->agent_views();
  if (views.empty()) {
    return;
  }
  placement::Demand demand;
  demand.cpus = 0.1;
  demand.mem = 32;
  demand.disk = 0;
  for (std::size_t i = 0; i < options_.load_tasks; ++i) {
    placement::AgentView& view = views[i % views.size()];
    auto alloc = placement::allocate(view, demand, {});
    if (!alloc) {
      continue;  // this agent is full: the load is bounded by the cluster, like a real one
    }
    TaskSpec spec;
    spec.id = "load." + ids_->uuid();
    spec.name = "load-" + std::to_string(i);
    spec.framework_id = fw;
    spec.resources.cpus = demand.cpus;
    spec.resources.mem = demand.mem;
    world_->launch(std::move(spec), *alloc);
  }
}

nlohmann::json Sandbox::mesos_leader(const nlohmann::json& body) {
  auto lock = world_->lock();
  std::optional<std::size_t> next;
  if (body.contains("leader") && !body["leader"].is_null()) {
    if (!body["leader"].is_number_unsigned() ||
        body["leader"].get<std::size_t>() >= leadership_->masters.size()) {
      throw std::invalid_argument("leader must be a master index from 0 to " +
                                  std::to_string(leadership_->masters.size() - 1) + " or null");
    }
    next = body["leader"].get<std::size_t>();
  }
  double after = body.value("after_seconds", 0.0);
  // The new leader lists the agents as recovered until they re-register.
  const double reregister = body.value("reregister_seconds", 0.0);
  leadership_->recovering_until = reregister > 0 ? world_->now() + after + reregister : 0;
  if (after > 0) {
    // An election takes time: no leader until then (503 from every master).
    leadership_->leader.reset();
    pending_leader_ = std::make_pair(world_->now() + after, next);
  } else {
    if (next) {
      leadership_->elect(*next, world_->now(), world_->ended_counts());
    } else {
      leadership_->leader.reset();
    }
    pending_leader_.reset();
  }
  nlohmann::json out = {{"leader", nullptr}, {"after_seconds", after}};
  if (next) {
    out["leader"] = *next;
    out["url"] = endpoints_.masters[*next];
  }
  return out;
}

nlohmann::json Sandbox::marathon_failover(const nlohmann::json& body) {
  double downtime = body.value("downtime_seconds", 1.0);
  if (downtime < 0) {
    throw std::invalid_argument("downtime_seconds must be >= 0");
  }
  auto lock = world_->lock();
  marathon_->fail_over(downtime);
  return {{"downtime_seconds", downtime}};
}

nlohmann::json Sandbox::set_faults(const std::string& service, const nlohmann::json& body) {
  auto it = faults_.find(service);
  if (it == faults_.end()) {
    throw std::out_of_range("no service '" + service + "' (mesos, agents, marathon, chronos)");
  }
  server::FaultSpec spec = body.is_null() ? server::FaultSpec{} : server::fault_spec_from_json(body);
  it->second->set(spec);
  return {{"service", service}, {"faults", server::to_json(spec)}};
}

nlohmann::json Sandbox::describe() {
  nlohmann::json out = to_json(endpoints_);
  auto lock = world_->lock();
  out["leader"] = leadership_->leader ? nlohmann::json(*leadership_->leader) : nlohmann::json();
  nlohmann::json faults = nlohmann::json::object();
  for (const auto& [name, f] : faults_) {
    faults[name] = server::to_json(f->get());
  }
  out["faults"] = faults;
  out["tasks_active"] = world_->active_tasks().size();
  out["simulate"] = options_.simulate;
  return out;
}

void Sandbox::stop() {
  if (!started_) {
    return;
  }
  started_ = false;
  {
    std::lock_guard guard(tick_mu_);
    stopping_ = true;
  }
  tick_cv_.notify_all();
  if (ticker_.joinable()) {
    ticker_.join();
  }
  for (auto& [name, f] : faults_) {
    f->release_all();
  }
  if (marathon_) {
    marathon_->shutdown();
  }
  if (runner_ && world_) {
    auto lock = world_->lock();
    runner_->stop_all();
  }
  std::vector<std::unique_ptr<server::HttpServer>> servers;
  {
    std::lock_guard guard(servers_mu_);
    servers.swap(servers_);
    agent_servers_by_id_.clear();
  }
  for (auto& s : servers) {
    s->stop();
  }
  if (world_) {
    auto lock = world_->lock();
    world_->set_runner(nullptr);
  }
  runner_.reset();  // joins the reaper before the World it reports to goes away
  if (temp_work_dir_) {
    std::error_code ec;
    std::filesystem::remove_all(options_.work_dir, ec);
  }
}

}  // namespace qctl::sandbox
