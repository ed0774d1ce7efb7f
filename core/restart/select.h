// Which apps and tasks `qctl restart --if-unhealthy` picks, and the app a task id belongs to.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/marathon.h"

namespace qctl::restart {

/// Why `app` needs a restart ("2 unhealthy tasks", "1/3 running"): tasks failing their
/// health checks, or fewer running than its instance count; "" when it is healthy. An app
/// with a deployment in progress is judged too (the caller decides what to do with it).
[[nodiscard]] std::string unhealthy_reason(const model::App& app);

/// What `restart app` does with one app.
struct AppChoice {
  const model::App* app = nullptr;
  bool restart = false;
  std::string reason;  // why it is restarted (--if-unhealthy) or skipped
};

/// With `if_unhealthy`, only apps with an unhealthy_reason are restarted, and of those an
/// app whose deployment is still running is skipped unless `force` (Marathon would answer
/// 409; --force cancels that deployment). Without it every app is restarted.
[[nodiscard]] std::vector<AppChoice> choose_apps(const std::vector<model::App>& apps,
                                                 bool if_unhealthy, bool force);

/// True when one of the task's health check results is not alive.
[[nodiscard]] bool task_unhealthy(const model::MarathonTask& task);

/// The app id of a Marathon task id ("web_api.instance-….._app.1" -> "/web/api"): app ids
/// cannot hold '_', so Marathon's safe path maps back; nullopt for other shapes.
[[nodiscard]] std::optional<std::string> app_of_task(const std::string& task_id);

}  // namespace qctl::restart
