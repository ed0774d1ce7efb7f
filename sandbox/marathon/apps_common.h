// Helpers shared by the /v2/apps and task handlers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sandbox/http/message.h"
#include "sandbox/marathon/state.h"

namespace qctl::sandbox::marathon {

/// "team/web/tasks/<id>" -> id "/team/web", sub "tasks", arg "<id>".
struct AppPath {
  std::string id;
  std::string sub;  // "", "tasks", "restart", "versions"
  std::string arg;  // task id or version
};
[[nodiscard]] AppPath parse_app_path(const std::string& rest);

/// Marathon's label selector: `k`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, comma = AND.
[[nodiscard]] bool label_selector_matches(const std::string& selector,
                                          const nlohmann::json& labels);

/// 404 {"message":"App '/x' does not exist"}.
[[nodiscard]] http::Response not_found_app(const std::string& id);
/// A wildcard app id ("/team/*": the group /team and its subgroups; "/*": every app), as
/// AppsResource.ListApps and AppTasksResource.GroupTasks read it.
struct GroupApps {
  bool wildcard = false;                 // false: `app_id` names one app
  std::optional<http::Response> missing;  // 404 "Group '/g' does not exist"
  std::vector<const App*> apps;
};
[[nodiscard]] GroupApps group_apps(const MarathonState& state, const std::string& app_id);

/// Whether two app definitions are the same apart from version and versionInfo.
bool same_definition(const nlohmann::json& before, const nlohmann::json& after);
/// Sets version = now and versionInfo; lastConfigChangeAt moves only on config changes.
void stamp_version(const MarathonState& state, nlohmann::json& def, const nlohmann::json* before);

/// api_post_event for an app definition sent by a client.
void publish_api_post(MarathonState& state, const http::Request& request,
                      const nlohmann::json& def);

/// 409 when a deployment locks one of the apps; with `force` those deployments are
/// cancelled instead (no rollback) and nullopt is returned.
[[nodiscard]] std::optional<http::Response> check_lock(MarathonState& state,
                                                       const std::vector<std::string>& ids,
                                                       bool force);

/// How a PUT/PATCH applies its updates.
struct UpdateMode {
  bool partial = true;  // merge into the app (partialUpdate, PATCH) or replace it
  bool create = false;  // a missing app is created (PUT) or is a 404 (PATCH)
  bool bulk = false;    // PUT/PATCH /v2/apps: always 200, no Location, no api_post_event
};

/// PUT/PATCH semantics for one or more apps (each carrying its id), in one deployment:
/// merge or replace, a rollback when an update names a `version` of the app, creation
/// (201 + Location for a single app).
[[nodiscard]] http::Response apply_updates(MarathonState& state, const http::Request& request,
                                           const std::vector<nlohmann::json>& updates,
                                           UpdateMode mode);

/// /v2/apps/{id}/tasks[/{taskId}]: GET and DELETE.
[[nodiscard]] http::Response app_tasks(MarathonState& state, http::Request& request,
                                       const std::string& app_id, const std::string& task_id);

}  // namespace qctl::sandbox::marathon
