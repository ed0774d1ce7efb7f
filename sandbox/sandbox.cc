// Builds and runs the embedded cluster.
#include "sandbox/sandbox.h"

#include <filesystem>
#include <random>
#include <stdexcept>

#include "core/clock.h"
#include "sandbox/admin/admin_api.h"
#include "sandbox/chronos/chronos.h"
#include "sandbox/marathon/marathon.h"
#include "sandbox/mesos/mesos_api.h"
#include "sandbox/server/tls.h"
#include "sandbox/world/ids.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox {

namespace fs = std::filesystem;

namespace {

constexpr int kMasterPort = 5050;
constexpr int kAgentPort = 5051;
constexpr int kMarathonPort = 8080;
constexpr int kChronosPort = 4400;

std::string master_ip(std::size_t n) { return "127.0.0." + std::to_string(1 + n); }

double wall_now() {
  static SystemClock clock;
  return clock.now();
}

std::string make_temp_dir() {
  std::string tmpl = (fs::temp_directory_path() / "qctl-sandbox-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    throw std::runtime_error("cannot create a work directory in " +
                             fs::temp_directory_path().string());
  }
  return tmpl;
}

}  // namespace

nlohmann::json to_json(const Endpoints& e) {
  nlohmann::json agents = nlohmann::json::array();
  for (const auto& [id, url] : e.agents) {
    agents.push_back({{"id", id}, {"url", url}});
  }
  nlohmann::json j = {{"mesos", e.masters},       {"marathon", e.marathon},
                      {"chronos", e.chronos},     {"chronos_prefix", e.chronos_prefix},
                      {"agents", agents},         {"admin", e.admin},
                      {"work_dir", e.work_dir}};
  if (!e.docker_names_file.empty()) {
    j["docker_names_file"] = e.docker_names_file;
  }
  if (!e.ca_file.empty()) {
    j["ca_file"] = e.ca_file;
  }
  return j;
}

Sandbox::Sandbox(SandboxOptions options) : options_(std::move(options)) {}

Sandbox::~Sandbox() { stop(); }

int Sandbox::next_port(int default_port) {
  switch (options_.port_mode) {
    case PortMode::kDefaults:
      return default_port;
    case PortMode::kBase:
      return options_.port_base + port_cursor_++;
    case PortMode::kAny:
      return 0;
  }
  return 0;
}

std::unique_ptr<server::HttpServer> Sandbox::make_server(const std::string& name,
                                                         const std::string& host, int port,
                                                         http::Router router,
                                                         server::Faults* faults, int threads) {
  server::ServerOptions so;
  so.host = host;
  so.port = port;
  so.threads = threads;
  so.tls = tls_;
  so.credentials = options_.credentials;
  so.faults = faults;
  return std::make_unique<server::HttpServer>(name, std::move(router), so);
}

void Sandbox::start() {
  if (started_) {
    return;
  }
  started_ = true;
  if (options_.work_dir.empty()) {
    options_.work_dir = make_temp_dir();
    temp_work_dir_ = true;
  } else {
    fs::create_directories(options_.work_dir);
  }
  endpoints_.work_dir = options_.work_dir;
  for (const char* service : {"mesos", "agents", "marathon", "chronos"}) {
    faults_[service] = std::make_unique<server::Faults>();
    if (auto it = options_.faults.find(service); it != options_.faults.end()) {
      faults_[service]->set(it->second);
    }
  }
  std::uint64_t seed = options_.seed != 0 ? options_.seed : std::random_device{}();
  ids_ = std::make_unique<IdSource>(seed);
  World::Options wo;
  wo.mesos_version = options_.cluster.mesos_version;
  world_ = std::make_unique<World>(wo, *ids_, wall_now);
  if (options_.simulate) {
    runner_ = runtime::make_simulated_runner(*world_, runtime::SimulatedOptions{});
  } else {
    runtime::ProcessOptions po;
    po.work_dir = options_.work_dir;
    po.isolation = options_.isolation;
    po.docker_names_file = options_.work_dir + "/docker-names";
    endpoints_.docker_names_file = po.docker_names_file;
    runner_ = runtime::make_process_runner(*world_, po);
  }
  world_->set_runner(runner_.get());
  if (options_.tls) {
    std::vector<std::string> hosts = {"localhost", "127.0.0.1"};
    for (std::size_t i = 0; i < options_.cluster.masters; ++i) {
      hosts.push_back(master_ip(i));
    }
    for (std::size_t i = 0; i < options_.cluster.agents.size() && i < 254; ++i) {
      hosts.push_back(agent_ip(i));
    }
    auto cert = server::generate_self_signed(options_.work_dir, hosts);
    tls_ = server::TlsFiles{cert.cert_file, cert.key_file};
    endpoints_.ca_file = cert.cert_file;
  }
  try {
    start_servers();
    {
      auto lock = world_->lock();
      marathon_->load_apps(options_.cluster.apps);
      chronos_->load_jobs(options_.cluster.jobs);
      seed_load();
    }
    for (auto& s : servers_) {
      s->start();
    }
  } catch (...) {
    stop();
    throw;
  }
  ticker_ = std::thread([this] { tick_loop(); });
}

void Sandbox::start_servers() {
  const std::string scheme = options_.tls ? "https://" : "http://";
  leadership_ = std::make_unique<mesos::Leadership>();
  std::vector<std::unique_ptr<server::HttpServer>> masters;
  for (std::size_t i = 0; i < options_.cluster.masters; ++i) {
    auto s = make_server("mesos-master-" + std::to_string(i), master_ip(i),
                         next_port(kMasterPort), http::Router{}, faults_["mesos"].get(), 16);
    mesos::MasterNode node;
    node.id = i == 0 ? world_->options().master_id : ids_->uuid();
    node.ip = master_ip(i);
    node.hostname = node.ip;
    node.port = s->bind();
    node.start_time = world_->now();
    leadership_->masters.push_back(node);
    endpoints_.masters.push_back(scheme + node.ip + ":" + std::to_string(node.port));
    masters.push_back(std::move(s));
  }
  leadership_->elect(0, world_->now(), world_->ended_counts());

  // httplib serves a keep-alive connection on one thread until it goes idle for 5 s, while
  // Jetty and libprocess multiplex: a client with more connections than threads would stall,
  // so each server gets threads for the parallel clients qctl runs (--parallel up to 16).
  auto mara = make_server("marathon", "127.0.0.1", next_port(kMarathonPort), http::Router{},
                          faults_["marathon"].get(), 32);
  auto chro = make_server("chronos", "127.0.0.1", next_port(kChronosPort), http::Router{},
                          faults_["chronos"].get(), 32);
  marathon::MarathonOptions mo;
  mo.hostname = "127.0.0.1";
  mo.port = mara->bind();
  mo.scheme = options_.tls ? "https" : "http";
  mo.mesos_master_url = endpoints_.masters.front();
  mo.event_heartbeat_seconds = options_.marathon_heartbeat_seconds;
  chronos::ChronosOptions co;
  co.api_version = options_.cluster.chronos_api;
  co.task_history = options_.chronos_task_history;
  co.hostname = "127.0.0.1";
  co.port = chro->bind();
  endpoints_.marathon = scheme + "127.0.0.1:" + std::to_string(mo.port);
  endpoints_.chronos = scheme + "127.0.0.1:" + std::to_string(co.port);
  endpoints_.chronos_prefix = co.api_version == 2 ? "/scheduler" : "/v1/scheduler";
  endpoints_.admin = endpoints_.masters.front() + "/__sandbox";
  {
    auto lock = world_->lock();
    marathon_ = std::make_unique<marathon::Marathon>(*world_, mo);
    chronos_ = std::make_unique<chronos::Chronos>(*world_, co);
  }
  mesos::MesosOptions mesos_options;
  mesos_options.version = options_.cluster.mesos_version;
  mesos_options.authenticate_http = options_.credentials.has_value();
  for (std::size_t i = 0; i < masters.size(); ++i) {
    mesos::mount_master(masters[i]->router(), *world_, *leadership_, i, mesos_options);
    admin::mount_admin(masters[i]->router(), *this);
    servers_.push_back(std::move(masters[i]));
  }
  marathon_->mount(mara->router());
  admin::mount_admin(mara->router(), *this);
  chronos_->mount(chro->router());
  admin::mount_admin(chro->router(), *this);
  servers_.push_back(std::move(mara));
  servers_.push_back(std::move(chro));
  if (options_.port_mode != PortMode::kDefaults) {
    agent_port_ = next_port(kAgentPort);
  }
  for (const spec::AgentSpec& a : options_.cluster.agents) {
    register_agent(a);
  }
}

}  // namespace qctl::sandbox
