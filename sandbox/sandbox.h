// The whole embedded cluster: Mesos masters and agents, Marathon, Chronos, task runner,
// tick thread and the admin API, started and stopped as one.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "sandbox/runtime/runners.h"
#include "sandbox/server/faults.h"
#include "sandbox/server/http_server.h"
#include "sandbox/spec/cluster_spec.h"

namespace qctl::sandbox {

namespace marathon {
class Marathon;
}
namespace chronos {
class Chronos;
}
namespace mesos {
struct Leadership;
}
class World;
class IdSource;
struct SimAgent;

/// How ports are chosen: the real defaults, consecutive from a base, or any free port.
enum class PortMode { kDefaults, kBase, kAny };

struct SandboxOptions {
  spec::ClusterSpec cluster;
  std::string work_dir;  // "" = a new /tmp/qctl-sandbox-XXXXXX, removed on stop
  bool simulate = false;
  std::size_t load_tasks = 0;  // simulate: running tasks of a synthetic batch framework
  runtime::Isolation isolation = runtime::Isolation::kAuto;
  PortMode port_mode = PortMode::kDefaults;
  int port_base = 0;
  bool tls = false;
  std::optional<server::Credentials> credentials;
  std::map<std::string, server::FaultSpec> faults;  // "mesos", "agents", "marathon", "chronos"
  std::uint64_t seed = 0;                            // 0 = random
  double tick_seconds = 0.1;
  std::size_t agent_servers_max = 64;  // agents beyond this serve no HTTP (scale mode)
  double marathon_heartbeat_seconds = 10;
  bool chronos_task_history = false;  // Chronos job/stat history, as with Cassandra
};

/// Where everything listens, for --print-endpoints and the written context.
struct Endpoints {
  std::vector<std::string> masters;
  std::string marathon;
  std::string chronos;
  std::string chronos_prefix;  // "/v1/scheduler" or "/scheduler"
  std::vector<std::pair<std::string, std::string>> agents;  // agent id -> URL
  std::string admin;    // base URL of the admin API
  std::string ca_file;  // TLS only
  std::string work_dir;
  std::string docker_names_file;
};
[[nodiscard]] nlohmann::json to_json(const Endpoints& e);

class Sandbox {
 public:
  explicit Sandbox(SandboxOptions options);
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  /// Builds the cluster, binds every server and starts the tick thread. Throws
  /// std::runtime_error (port in use, bad app or job in the cluster spec, …).
  void start();
  /// Stops every task it started, every server and thread, removes a temporary work dir.
  void stop();
  [[nodiscard]] const Endpoints& endpoints() const { return endpoints_; }

  // Admin operations (the /__sandbox/ API calls these). Each returns a JSON result or
  // throws std::invalid_argument (400) / std::out_of_range (404).
  nlohmann::json add_agent(const nlohmann::json& body);
  nlohmann::json agent_action(const std::string& agent_id, const std::string& action,
                              const nlohmann::json& body);
  nlohmann::json kill_task(const std::string& task_id);
  nlohmann::json mesos_leader(const nlohmann::json& body);
  nlohmann::json marathon_failover(const nlohmann::json& body);
  nlohmann::json set_faults(const std::string& service, const nlohmann::json& body);
  [[nodiscard]] nlohmann::json describe();

 private:
  struct Pending;  // delayed admin actions (leader election after a gap)
  /// Agent n (from 0) lives on 127.0.1.1, 127.0.1.2, … 127.0.1.254, 127.0.2.1, …
  static std::string agent_ip(std::size_t n);
  void build_world();
  void start_servers();
  /// Adds an agent to the World (and its HTTP server while under agent_servers_max).
  std::string register_agent(const spec::AgentSpec& spec);
  void set_active(SimAgent& agent);
  /// Disconnected agents whose unreachable time has come are marked unreachable (World lock
  /// held); returns their ids, whose servers stop_agent_server() then stops.
  std::vector<std::string> mark_unreachable_disconnected();
  /// Stops an agent's HTTP server; without the World lock.
  void stop_agent_server(const std::string& agent_id);
  nlohmann::json change_agent(const std::string& agent_id, const std::string& action,
                              const nlohmann::json& body);
  std::unique_ptr<server::HttpServer> make_server(const std::string& name, const std::string& host,
                                                  int port, http::Router router,
                                                  server::Faults* faults, int threads);
  int next_port(int default_port);
  void tick_loop();
  void seed_load();

  SandboxOptions options_;
  Endpoints endpoints_;
  bool temp_work_dir_ = false;
  std::unique_ptr<IdSource> ids_;
  std::unique_ptr<World> world_;
  std::unique_ptr<TaskRunner> runner_;
  std::unique_ptr<mesos::Leadership> leadership_;
  std::unique_ptr<marathon::Marathon> marathon_;
  std::unique_ptr<chronos::Chronos> chronos_;
  std::map<std::string, std::unique_ptr<server::Faults>> faults_;
  std::vector<std::unique_ptr<server::HttpServer>> servers_;
  std::optional<server::TlsFiles> tls_;
  std::size_t agent_servers_ = 0;
  std::map<std::string, server::HttpServer*> agent_servers_by_id_;
  std::mutex servers_mu_;  // servers_ and agent_servers_by_id_ change at run time (admin API)
  int port_cursor_ = 0;
  int agent_port_ = 5051;
  std::size_t next_agent_ = 0;
  std::thread ticker_;
  std::mutex tick_mu_;
  std::condition_variable tick_cv_;
  bool stopping_ = false;
  bool started_ = false;
  std::optional<std::pair<double, std::optional<std::size_t>>> pending_leader_;  // when, who
};

}  // namespace qctl::sandbox
