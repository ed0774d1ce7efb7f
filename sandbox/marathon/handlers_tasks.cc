// Tasks: /v2/apps/{id}/tasks[/{taskId}] (list, kill with scale/wipe), /v2/tasks, /v2/tasks/delete.
#include <algorithm>

#include "core/util/strings.h"
#include "sandbox/marathon/app_def.h"
#include "sandbox/marathon/apps_common.h"
#include "sandbox/marathon/parts.h"

namespace qctl::sandbox::marathon {

namespace {

using nlohmann::json;

struct Victim {
  std::string app_id;
  std::string task_id;
};

// TaskKiller.killAndScale: the apps shrink by the victims that were not already being killed
// (a retried kill does not shrink twice), in one deployment; no victim is a no-op plan.
http::Response kill_and_scale(MarathonState& st, const http::Request& req,
                              const std::vector<Victim>& victims) {
  std::map<std::string, std::vector<std::string>> sentenced;
  std::vector<std::string> ids;
  for (const Victim& v : victims) {
    auto& tasks = sentenced[v.app_id];
    if (std::find(tasks.begin(), tasks.end(), v.task_id) == tasks.end()) {
      tasks.push_back(v.task_id);  // an id named twice is one instance
    }
  }
  std::map<std::string, json> targets;
  for (auto& [app_id, tasks] : sentenced) {
    const App& app = st.apps.at(app_id);
    const auto killing = std::count_if(tasks.begin(), tasks.end(), [&](const std::string& id) {
      return app.instances.at(id).killing();
    });
    json def = app.def;
    const auto n = def["instances"].get<std::size_t>();
    const auto shrink = tasks.size() - static_cast<std::size_t>(killing);
    def["instances"] = n > shrink ? n - shrink : 0;
    if (same_definition(app.def, def)) {
      tasks.clear();  // unchanged (all already being killed): not in the plan at all
      continue;
    }
    stamp_version(st, def, &app.def);
    ids.push_back(app_id);
    targets[app_id] = def;
  }
  std::erase_if(sentenced, [](const auto& entry) { return entry.second.empty(); });
  if (auto r = check_lock(st, ids, flag(req, "force", false)); r) {
    return *r;
  }
  Deployment& d = deploy(st, targets, sentenced);
  return deployment_result(200, d.version, d.id);
}

// Kills tasks; with `scale` the apps shrink by as many (one deployment), otherwise the
// killed tasks come back as {"tasks":[…]} and are replaced unless wiped.
http::Response kill(MarathonState& st, const http::Request& req, const std::vector<Victim>& victims,
                    bool single) {
  bool scale = flag(req, "scale", false);
  bool wipe = flag(req, "wipe", false);
  if (scale && wipe) {
    return message(400, "You cannot use scale and wipe at the same time.");
  }
  if (scale) {
    return kill_and_scale(st, req, victims);
  }
  json killed = json::array();
  for (const Victim& v : victims) {
    App& app = st.apps.at(v.app_id);
    killed.push_back(task_json(app, app.instances.at(v.task_id)));
    kill_task(st, app, v.task_id, wipe);
  }
  if (single) {
    return http::Response::json(200, json{{"task", killed.at(0)}}.dump());
  }
  return http::Response::json(200, json{{"tasks", killed}}.dump());
}

http::Response list_tasks(MarathonState& st, http::Request& req) {
  // The text/plain form was removed (off by default since 1.10): Jersey answers 406.
  if (req.header("Accept") == "text/plain") {
    return message(406, "HTTP 406 Not Acceptable");
  }
  // TasksResource.indexJson: `status` (its first value) and `status[]`, lower-cased; only
  // "running" and "staging" mean a condition, other values are dropped (none left = all).
  std::vector<std::string> given = req.params_all("status[]");
  if (req.has_param("status")) {
    given.push_back(req.param("status"));
  }
  std::set<std::string> wanted;
  for (const std::string& s : given) {
    if (const std::string l = qctl::util::to_lower(s); l == "running" || l == "staging") {
      wanted.insert(l == "running" ? "TASK_RUNNING" : "TASK_STAGING");
    }
  }
  json tasks = json::array();
  for (const auto& [id, app] : st.apps) {
    for (const auto& [task_id, inst] : app.instances) {
      if (wanted.empty() || wanted.count(inst.state) > 0) {
        tasks.push_back(task_json(app, inst));
      }
    }
  }
  return http::Response::json(200, json{{"tasks", tasks}}.dump());
}

http::Response delete_tasks(MarathonState& st, http::Request& req) {
  http::Response error;
  auto body = parse_body(req.body, error);
  if (!body) {
    return error;
  }
  std::vector<Victim> victims;
  for (const json& id : body->value("ids", json::array())) {
    std::string task_id = id.is_string() ? id.get<std::string>() : id.dump();
    if (!model::parse_marathon_task_id(task_id)) {
      return message(400, "Invalid task id '" + task_id + "'. [" + task_id + "]");
    }
    if (App* app = st.app_of_task(task_id); app != nullptr && st.apps.count(app->id()) > 0) {
      victims.push_back(Victim{app->id(), task_id});
    }
  }
  return kill(st, req, victims, false);
}

}  // namespace

http::Response app_tasks(MarathonState& st, http::Request& req, const std::string& app_id,
                         const std::string& task_id) {
  if (GroupApps group = group_apps(st, app_id);
      group.wildcard && req.method == "GET" && task_id.empty()) {
    if (group.missing) {
      return *group.missing;
    }
    json tasks = json::array();
    for (const App* app : group.apps) {
      for (const auto& [id, inst] : app->instances) {
        tasks.push_back(task_json(*app, inst));
      }
    }
    return http::Response::json(200, json{{"tasks", tasks}}.dump());
  }
  auto it = st.apps.find(app_id);
  if (it == st.apps.end()) {
    return not_found_app(app_id);
  }
  App& app = it->second;
  if (req.method == "GET" && task_id.empty()) {
    json tasks = json::array();
    for (const auto& [id, inst] : app.instances) {
      tasks.push_back(task_json(app, inst));
    }
    return http::Response::json(200, json{{"tasks", tasks}}.dump());
  }
  if (req.method != "DELETE") {
    return message(405, "HTTP 405 Method Not Allowed");
  }
  if (!task_id.empty()) {
    // AppTasksResource.deleteOne matches the instance (any incarnation of the task id); with
    // scale=true no match is a no-op plan, without it a 404.
    std::vector<Victim> victims;
    if (auto wanted = model::parse_marathon_task_id(task_id); wanted) {
      for (const auto& [id, inst] : app.instances) {
        auto parsed = model::parse_marathon_task_id(id);
        if (parsed && parsed->instance_id == wanted->instance_id) {
          victims.push_back(Victim{app_id, id});
        }
      }
    }
    if (victims.empty() && !flag(req, "scale", false)) {
      return message(404, "Task '" + task_id + "' does not exist");
    }
    return kill(st, req, victims, true);
  }
  std::string host = req.param("host", "*");
  std::vector<Victim> victims;
  for (const auto& [id, inst] : app.instances) {
    if (!inst.decommissioned && (host == "*" || inst.host == host)) {
      victims.push_back(Victim{app_id, id});
    }
  }
  return kill(st, req, victims, false);
}

void mount_tasks(MarathonState& st, http::Router& router) {
  route(st, router, "GET", "/v2/tasks", [&st](http::Request& r) { return list_tasks(st, r); });
  route(st, router, "POST", "/v2/tasks/delete",
        [&st](http::Request& r) { return delete_tasks(st, r); });
}

}  // namespace qctl::sandbox::marathon
