// Marathon's internal state (apps, instances, deployments, queue) shared by its parts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/placement/placement.h"
#include "sandbox/marathon/marathon.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox::marathon {

class EventBus;

/// One launched instance of an app (Marathon keeps one task per app instance).
struct Instance {
  std::string instance_id;  // "<safePath>.instance-<uuid>"
  std::string task_id;      // instance_id + "._app.1"
  std::string app_id;
  std::string version;      // the app version it was launched with (runSpecVersion)
  std::string agent_id;
  std::string host;
  std::string ip;
  std::string role;
  std::vector<std::uint64_t> ports;
  std::string state = "TASK_STAGING";
  double staged_at = 0;
  double started_at = 0;  // 0 until TASK_RUNNING
  std::optional<bool> alive;  // last health result; nullopt = none yet
  double first_success = 0;
  double last_success = 0;
  double last_failure = 0;
  int consecutive_failures = 0;
  bool decommissioned = false;  // goal no longer Running: killed on purpose, not replaced

  /// Instance.isKilling: the executor has reported TASK_KILLING.
  [[nodiscard]] bool killing() const { return state == "TASK_KILLING"; }
};

/// Offer statistics for /v2/queue's processedOffersSummary.
struct OfferStats {
  std::int64_t processed = 0;
  std::int64_t unused = 0;
  double last_unused_at = 0;
  double last_used_at = 0;
  std::vector<placement::Rejection> last_rejections;  // from the last placement pass
  double last_rejections_at = 0;
};

/// An app: its normalized definition plus what Marathon tracks about it.
struct App {
  nlohmann::json def;  // normalized definition incl. version and versionInfo
  std::map<std::string, Instance> instances;  // live instances by task id
  std::size_t pending = 0;                    // scheduled, not launched yet (the queue)
  double queued_since = 0;
  double backoff_delay = 0;  // current launch delay (0 = none)
  double backoff_until = 0;  // no launch before this time
  std::optional<nlohmann::json> last_failure;  // lastTaskFailure
  OfferStats offers;
  std::vector<nlohmann::json> history;  // earlier definitions, oldest first (/versions)

  [[nodiscard]] std::string id() const { return def.at("id").get<std::string>(); }
  [[nodiscard]] std::string version() const { return def.at("version").get<std::string>(); }
  [[nodiscard]] std::size_t target() const;
  [[nodiscard]] bool has_health_checks() const;
  /// Live instances whose goal is still Running.
  [[nodiscard]] std::size_t active() const;
};

enum class ActionKind { kStart, kStop, kScale, kRestart };

struct Action {
  ActionKind kind = ActionKind::kScale;
  std::string app;
  std::size_t scale_to = 0;
  std::vector<std::string> sentenced;  // task ids to kill first (DELETE …?scale=true)
};

/// TaskReplaceActor's bookkeeping for one RestartApplication action.
struct RestartProgress {
  bool begun = false;
  std::set<std::string> counted;     // new instances already ready (each freed one old)
  std::deque<std::string> to_kill;   // old task ids, unhealthy first
  std::set<std::string> old_active;  // old task ids with goal Running
  std::size_t started = 0;           // new instances started or scheduled
  std::size_t max_capacity = 0;
};

struct Deployment {
  std::string id;
  std::string version;
  std::vector<std::string> affected_apps;
  std::vector<std::vector<Action>> steps;
  std::size_t current = 0;  // index of the running step
  bool step_begun = false;
  double step_started = 0;
  std::map<std::string, RestartProgress> restarts;
  /// App definitions before the deployment (null = the app did not exist), for rollback.
  std::map<std::string, nlohmann::json> originals;
};

struct MarathonState {
  MarathonState(World& w, MarathonOptions o) : world(w), options(std::move(o)) {}

  World& world;
  MarathonOptions options;
  std::string framework_id;
  std::map<std::string, App> apps;
  std::map<std::string, App> stopping;  // deleted apps whose instances are being killed
  /// Groups made (implicitly) by apps; Marathon keeps a group when its apps are deleted.
  std::set<std::string> groups{"/"};
  std::vector<Deployment> deployments;
  std::map<std::string, std::string> task_apps;  // live task id -> app id
  std::shared_ptr<EventBus> events;
  double down_until = 0;  // no leader until then (fail_over)
  std::uint64_t next_service_port = 10000;
  std::uint64_t tasks_launched = 0;
  std::uint64_t http_requests = 0;

  [[nodiscard]] double now() const { return world.now(); }
  /// The app (live or being stopped) owning a task, or nullptr.
  App* app_of_task(const std::string& task_id);
  /// The live apps in group `group_id` ("/team"; "/" for all) and its subgroups.
  [[nodiscard]] std::vector<const App*> apps_in_group(const std::string& group_id) const;
};

// ---- small shared helpers (util.cc) ----

/// "2024-05-30T09:12:44.101Z" (Marathon's Timestamp format: ms and Z).
[[nodiscard]] std::string iso_time(double epoch_seconds);
/// "/team/web" -> "team_web" (PathId.safePath).
[[nodiscard]] std::string safe_path(const std::string& app_id);
/// "/team/web" -> "web.team" (PathId.toHostname, the Mesos task name).
[[nodiscard]] std::string host_name(const std::string& app_id);
/// JSON number the way Marathon prints it: integral values without ".0".
[[nodiscard]] nlohmann::json num(double v);
/// Java's Double.toString for messages and env values ("1.0", "0.5").
[[nodiscard]] std::string java_double(double v);
/// Makes an id absolute ("web" -> "/web"), without trailing slash.
[[nodiscard]] std::string absolute_id(const std::string& id);
/// {"version","deploymentId"} plus the Marathon-Deployment-Id header.
[[nodiscard]] http::Response deployment_result(int status, const std::string& version,
                                               const std::string& deployment_id);
/// {"message": text} with a status.
[[nodiscard]] http::Response message(int status, const std::string& text);
/// Jetty's HTML error page (sendError), as Marathon's servlet layer answers.
[[nodiscard]] http::Response jetty_error(int status, const std::string& reason,
                                         const std::string& path);
/// True for "true"/"1" (Jersey boolean parameters).
[[nodiscard]] bool flag(const http::Request& request, const std::string& name, bool fallback);

}  // namespace qctl::sandbox::marathon
