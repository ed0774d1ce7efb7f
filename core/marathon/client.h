// Marathon v2 client: apps, tasks, deployments, queue, info, leader, scaling and restarts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/marathon.h"
#include "core/service/endpoints.h"

namespace qctl::marathon {

struct AppQuery {
  std::string id;     // ?id= case-insensitive contains
  std::string label;  // ?label= selector, e.g. "team==web"
  bool embed_tasks = false;
  bool embed_last_task_failure = false;
};

/// What a task kill answered: a deployment (scale=true) or the killed task.
struct KillResult {
  std::optional<model::DeploymentResult> deployment;
  std::optional<model::MarathonTask> task;
};

/// Errors: 404 -> NotFoundError, 401/403 -> AuthError, 409 (app locked by a deployment) ->
/// ApiError whose message names the deployment, 422 -> ApiError with the first detail
/// ("path: error"); all name the request. Bodies that are not the expected JSON -> ApiError.
class Client {
 public:
  Client(http::Client& http, std::vector<std::string> urls);

  /// GET /v2/apps with embed=apps.counts and apps.deployments (plus the query's embeds).
  std::vector<model::App> apps(const AppQuery& query = {});
  /// GET /v2/apps/{id} ({"app":…}); `id` with or without the leading '/'.
  model::App app(const std::string& id);
  /// GET /v2/apps/{id}/tasks.
  std::vector<model::MarathonTask> app_tasks(const std::string& id);
  /// GET /v2/tasks.
  std::vector<model::MarathonTask> tasks();
  /// GET /v2/deployments.
  std::vector<model::Deployment> deployments();
  /// GET /v2/queue.
  std::vector<model::QueueItem> queue();
  /// GET /v2/info.
  model::MarathonInfo info();
  /// GET /v2/leader -> "host:port"; NotFoundError when there is no leader.
  std::string leader();
  /// GET /ping -> true on 200.
  bool ping();
  /// PUT /v2/apps/{id}?force=… with a partial body such as {"instances":3}.
  model::DeploymentResult update_app(const std::string& id, const std::string& json_body,
                                     bool force);
  /// POST /v2/apps/{id}/restart?force=….
  model::DeploymentResult restart_app(const std::string& id, bool force);
  /// DELETE /v2/apps/{app}/tasks/{task}?scale=…&wipe=….
  KillResult kill_task(const std::string& app_id, const std::string& task_id, bool scale,
                       bool wipe);

  /// The X-Marathon-Leader header of the last response ("" when none was seen).
  [[nodiscard]] std::string last_leader() const;
  [[nodiscard]] service::Endpoints& endpoints() { return endpoints_; }

 private:
  http::Response call(http::Method method, const std::string& path,
                      const std::string& body = {});

  service::Endpoints endpoints_;
  mutable std::mutex mutex_;
  std::string last_leader_;
};

/// "/group/app" from "group/app" or "/group/app/". Throws UsageError when a segment is
/// empty or holds anything but lowercase letters, digits, '-' and '.' (Marathon's PathId).
[[nodiscard]] std::string normalize_app_id(const std::string& id);

/// Marathon's error text from a body: `message` plus the first `details` entry
/// ("path: error") when present; the raw first line for non-JSON bodies.
[[nodiscard]] std::string error_message(const std::string& body);

}  // namespace qctl::marathon
