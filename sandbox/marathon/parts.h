// Internal interfaces between the emulated Marathon's parts (render, deploy, launch, routes).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sandbox/http/router.h"
#include "sandbox/marathon/state.h"

namespace qctl::sandbox::marathon {

// ---- render.cc: JSON shapes ----

/// Which AppInfo parts to add (InfoEmbedResolver).
struct Embeds {
  bool tasks = false;
  bool counts = false;
  bool deployments = false;
  bool readiness = false;
  bool last_failure = false;
  bool task_stats = false;
};
/// Parses `embed` values; "apps.", "app." and "group.apps." prefixes are accepted.
[[nodiscard]] Embeds parse_embeds(const std::vector<std::string>& values);
/// The task JSON of /v2/tasks and /v2/apps/{id}/tasks.
[[nodiscard]] nlohmann::json task_json(const App& app, const Instance& instance);
/// The app definition plus the requested AppInfo parts.
[[nodiscard]] nlohmann::json app_json(const MarathonState& state, const App& app,
                                      const Embeds& embeds);
/// True when the instance counts as up for deployments (running, and healthy if checked).
[[nodiscard]] bool ready(const App& app, const Instance& instance);

// ---- deployments.cc ----

/// Deployments whose affected apps include one of `app_ids`.
[[nodiscard]] std::vector<const Deployment*> locking(const MarathonState& state,
                                                     const std::vector<std::string>& app_ids);
/// 409 AppLockedException body.
[[nodiscard]] http::Response locked(const std::vector<const Deployment*>& deployments);
/// Stores the target definitions (null = delete) and starts the plan that gets there.
/// `sentenced`: task ids per app to kill in its ScaleApplication (DELETE tasks?scale=true);
/// `restart`: apps to replace even when only their version changed (POST …/restart);
/// `revert`: the plan of a cancelled deployment's rollback (a deleted app comes back with
/// its instances).
Deployment& deploy(MarathonState& state, const std::map<std::string, nlohmann::json>& targets,
                   const std::map<std::string, std::vector<std::string>>& sentenced = {},
                   const std::set<std::string>& restart = {}, bool revert = false);
/// Forgets a deleted app's record once its last instance is gone and no deployment is
/// still stopping it (a forced re-create cancelled that one).
void drop_if_stopped(MarathonState& state, const std::string& app_id);
/// Stops a deployment (deployment_failed). With `rollback`, starts and returns the plan
/// back to the original definitions; otherwise returns nullptr.
Deployment* cancel(MarathonState& state, const std::string& deployment_id, bool rollback);
/// GET /v2/deployments element.
[[nodiscard]] nlohmann::json deployment_json(const Deployment& deployment);
/// The `plan` and `currentStep` objects of deployment events.
[[nodiscard]] nlohmann::json plan_json(const Deployment& deployment);
[[nodiscard]] nlohmann::json step_json(const Deployment& deployment);
/// Runs every deployment's current step; called from tick().
void progress_deployments(MarathonState& state);
/// True while a RestartApplication for the app is running.
[[nodiscard]] bool restarting(const MarathonState& state, const std::string& app_id);

// ---- launcher.cc ----

/// Places and launches scheduled instances (the launch queue) over the agents' free resources.
void launch_pending(MarathonState& state);
/// Scales to `n` goal-Running instances: drops scheduled ones first, then kills by
/// ScalingProposition's order (sentenced first).
void scale_to(MarathonState& state, App& app, std::size_t n,
              const std::vector<std::string>& sentenced);
/// Kills a task; `decommission` = not replaced afterwards.
void kill_task(MarathonState& state, App& app, const std::string& task_id, bool decommission);
/// Reacts to a status update of one of Marathon's tasks.
void handle_status(MarathonState& state, const SimTask& task);
/// GET /v2/queue body.
[[nodiscard]] nlohmann::json queue_json(const MarathonState& state, bool embed_offers);
/// Adds `n` instances to the launch queue.
void schedule(MarathonState& state, App& app, std::size_t n);

// ---- marathon.cc: events and routing ----

/// Publishes an event (adds eventType and timestamp).
void publish(MarathonState& state, const std::string& type, nlohmann::json payload);
/// DELETE /v2/leader: fail_over for MarathonOptions::abdication_downtime_seconds.
void abdicate(MarathonState& state);
/// No leader for `downtime_seconds`: streams end, the API answers 502.
void lose_leadership(MarathonState& state, double downtime_seconds);
/// Registers a handler that runs with the World lock held, behind the leader check.
void route(MarathonState& state, http::Router& router, const std::string& method,
           const std::string& path, http::Handler handler, bool prefix = false);

// ---- handlers_*.cc ----
void mount_apps(MarathonState& state, http::Router& router);
void mount_tasks(MarathonState& state, http::Router& router);
void mount_system(MarathonState& state, http::Router& router);

}  // namespace qctl::sandbox::marathon
