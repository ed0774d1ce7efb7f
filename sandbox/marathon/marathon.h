// The emulated Marathon: apps, tasks, deployments, queue, events, on the sandbox World.
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "sandbox/http/router.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox::marathon {

struct MarathonOptions {
  std::string hostname = "localhost";  // what /v2/info and /v2/leader report
  int port = 8080;
  std::string scheme = "http";
  std::string version = "1.11.24";
  std::string role = "*";              // the framework's Mesos role
  std::string mesos_master_url;        // marathon_config.master, e.g. "http://127.0.0.1:5050"
  double event_heartbeat_seconds = 10;  // SSE "\r\n" heartbeats (Jetty's heartBeatPeriod); tests shorten it
  double deployment_step_seconds = 1;   // minimum time a deployment step takes
  double launch_backoff_seconds = 1;    // Marathon's backoffSeconds default for new apps
  double abdication_downtime_seconds = 2;  // DELETE /v2/leader: time until the new leader serves
};

class MarathonState;  // the implementation (apps, deployments, queue, event bus)

/// Registers as framework "marathon" at construction. Every member except the HTTP
/// handlers and shutdown() requires the World lock held (see world.h).
class Marathon final : public FrameworkListener {
 public:
  Marathon(World& world, MarathonOptions options);
  ~Marathon() override;
  Marathon(const Marathon&) = delete;
  Marathon& operator=(const Marathon&) = delete;

  /// Adds the /v2/* , /ping, /metrics routes, 404/401 bodies as real Marathon.
  /// Handlers take the World lock themselves; the event stream waits without it.
  void mount(http::Router& router);
  /// Progresses deployments, launches what fits (placement engine), runs the queue.
  void tick();
  /// Creates apps at startup as POST /v2/apps would; throws std::invalid_argument with
  /// Marathon's validation message when one is invalid.
  void load_apps(const nlohmann::json& apps);
  /// Admin: the leader abdicates; for `downtime_seconds` the API answers what real
  /// Marathon's LeaderProxyFilter answers without a leader (502 "Could not determine the
  /// current leader", Jetty HTML), open event streams are closed, and a new leader (same
  /// framework id) takes over.
  void fail_over(double downtime_seconds);
  /// Ends every event stream (server shutdown). Takes no World lock.
  void shutdown();

  void on_status(const SimTask& task) override;

 private:
  std::unique_ptr<MarathonState> state_;
};

}  // namespace qctl::sandbox::marathon
