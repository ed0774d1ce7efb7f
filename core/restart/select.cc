#include "core/restart/select.h"

#include "core/target/resolve.h"

namespace qctl::restart {

std::string unhealthy_reason(const model::App& app) {
  std::string reason;
  if (app.tasks_unhealthy > 0) {
    reason = std::to_string(app.tasks_unhealthy) + " unhealthy task" +
             (app.tasks_unhealthy == 1 ? "" : "s");
  }
  if (app.tasks_running < app.instances) {
    reason += (reason.empty() ? "" : ", ") + std::to_string(app.tasks_running) + "/" +
              std::to_string(app.instances) + " running";
  }
  return reason;
}

std::vector<AppChoice> choose_apps(const std::vector<model::App>& apps, bool if_unhealthy,
                                   bool force) {
  std::vector<AppChoice> out;
  out.reserve(apps.size());
  for (const auto& app : apps) {
    AppChoice c{&app, true, ""};
    if (if_unhealthy) {
      c.reason = unhealthy_reason(app);
      if (c.reason.empty()) {
        c.restart = false;
        c.reason = "healthy";
      } else if (!app.deployment_ids.empty() && !force) {
        c.restart = false;
        c.reason +=
            "; deployment " + app.deployment_ids.front() + " in progress (--force cancels it)";
      }
    }
    out.push_back(c);
  }
  return out;
}

bool task_unhealthy(const model::MarathonTask& task) {
  for (const auto& h : task.health_check_results) {
    if (!h.alive) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> app_of_task(const std::string& task_id) {
  std::string id = target::app_id_of_task(task_id);
  if (id.empty()) {
    return std::nullopt;
  }
  return id;
}

}  // namespace qctl::restart
