// Deployment plans: creation from target definitions, locking, cancel/rollback, JSON.
#include <algorithm>

#include "sandbox/marathon/app_def.h"
#include "sandbox/marathon/parts.h"

namespace qctl::sandbox::marathon {

namespace {

using nlohmann::json;

const char* action_name(ActionKind kind) {
  switch (kind) {
    case ActionKind::kStart:
      return "StartApplication";
    case ActionKind::kStop:
      return "StopApplication";
    case ActionKind::kScale:
      return "ScaleApplication";
    case ActionKind::kRestart:
      return "RestartApplication";
  }
  return "ScaleApplication";
}

json steps_json(const Deployment& d) {
  json steps = json::array();
  for (const auto& step : d.steps) {
    json actions = json::array();
    for (const Action& a : step) {
      actions.push_back(json{{"action", action_name(a.kind)}, {"app", a.app}});
    }
    steps.push_back(json{{"actions", actions}});
  }
  return steps;
}

// A new app over one whose delete was cancelled by force: the old instances go on dying in
// `stopping`, and the old versions are gone with the old app.
void replace_stopping(MarathonState& st, const std::string& id, const json& target) {
  App& fresh = st.apps[id];
  fresh.def = target;
  auto s = st.stopping.find(id);
  std::vector<std::string> dying;
  for (const auto& [task_id, inst] : s->second.instances) {
    dying.push_back(task_id);
  }
  for (const std::string& task_id : dying) {
    kill_task(st, s->second, task_id, true);
  }
  drop_if_stopped(st, id);
}

// Stores one target definition; deleted apps keep their instances in `stopping`.
void apply_target(MarathonState& st, const std::string& id, const json& target, bool revert) {
  auto it = st.apps.find(id);
  if (target.is_null()) {
    if (it != st.apps.end()) {
      it->second.pending = 0;
      if (auto old = st.stopping.find(id); old != st.stopping.end()) {
        it->second.instances.merge(old->second.instances);  // still dying from an earlier delete
      }
      st.stopping[id] = std::move(it->second);
      st.apps.erase(it);
    }
    return;
  }
  if (it == st.apps.end()) {
    for (std::size_t slash = id.find('/', 1); slash != std::string::npos;
         slash = id.find('/', slash + 1)) {
      st.groups.insert(id.substr(0, slash));
    }
    auto s = st.stopping.find(id);
    if (s == st.stopping.end()) {
      st.apps[id].def = target;
    } else if (revert) {
      st.apps[id] = std::move(s->second);  // a rollback of a delete
      st.stopping.erase(s);
      st.apps[id].def = target;
    } else {
      replace_stopping(st, id, target);
    }
    return;
  }
  App& app = it->second;
  if (config_of(app.def) != config_of(target)) {
    app.backoff_delay = 0;  // a new config resets the launch delay
    app.backoff_until = 0;
  }
  app.history.push_back(app.def);
  if (app.history.size() > 50) {  // zk_max_versions
    app.history.erase(app.history.begin());
  }
  app.def = target;
}

}  // namespace

std::vector<const Deployment*> locking(const MarathonState& st,
                                       const std::vector<std::string>& app_ids) {
  std::vector<const Deployment*> out;
  for (const Deployment& d : st.deployments) {
    for (const std::string& id : app_ids) {
      if (std::find(d.affected_apps.begin(), d.affected_apps.end(), id) != d.affected_apps.end()) {
        out.push_back(&d);
        break;
      }
    }
  }
  return out;
}

http::Response locked(const std::vector<const Deployment*>& deployments) {
  // AppLockedException: "<DEPLOYMENT_ID>" is literal text in the real message.
  json ids = json::array();
  for (const Deployment* d : deployments) {
    ids.push_back(json{{"id", d->id}});
  }
  json body = {{"message",
                "App is locked by one or more deployments. Override with the option "
                "'?force=true'. View details at '/v2/deployments/<DEPLOYMENT_ID>'."},
               {"deployments", ids}};
  return http::Response::json(409, body.dump());
}

Deployment& deploy(MarathonState& st, const std::map<std::string, json>& targets,
                   const std::map<std::string, std::vector<std::string>>& sentenced,
                   const std::set<std::string>& restart, bool revert) {
  Deployment d;
  d.id = st.world.ids().uuid();
  d.version = iso_time(st.now());
  std::vector<Action> stops;
  std::vector<Action> starts;
  std::vector<Action> changes;
  for (const auto& [id, target] : targets) {
    auto it = st.apps.find(id);
    json original = it == st.apps.end() ? json(nullptr) : it->second.def;
    d.originals[id] = original;
    if (target.is_null()) {
      if (!original.is_null()) {
        stops.push_back(Action{ActionKind::kStop, id, 0, {}});
        d.affected_apps.push_back(id);
      }
      continue;
    }
    auto n = target.at("instances").get<std::size_t>();
    auto s = sentenced.find(id);
    std::vector<std::string> kill = s == sentenced.end() ? std::vector<std::string>{} : s->second;
    if (original.is_null()) {
      // DeploymentPlan: new apps start with 0 instances, then scale in a later step.
      starts.push_back(Action{ActionKind::kStart, id, 0, {}});
      changes.push_back(Action{ActionKind::kScale, id, n, {}});
    } else if ((config_of(original) == config_of(target) && restart.count(id) == 0) || n == 0) {
      if (original != target || !kill.empty()) {
        changes.push_back(Action{ActionKind::kScale, id, n, kill});
      }
    } else {
      changes.push_back(Action{ActionKind::kRestart, id, n, {}});
    }
    if (original != target || !kill.empty() || restart.count(id) > 0) {
      d.affected_apps.push_back(id);
    }
  }
  for (auto* step : {&stops, &starts, &changes}) {
    if (!step->empty()) {
      d.steps.push_back(*step);
    }
  }
  for (const auto& [id, target] : targets) {
    apply_target(st, id, target, revert);
  }
  std::sort(d.affected_apps.begin(), d.affected_apps.end());
  st.deployments.push_back(std::move(d));
  return st.deployments.back();
}

Deployment* cancel(MarathonState& st, const std::string& deployment_id, bool rollback) {
  auto it = std::find_if(st.deployments.begin(), st.deployments.end(),
                         [&](const Deployment& d) { return d.id == deployment_id; });
  if (it == st.deployments.end()) {
    return nullptr;
  }
  Deployment gone = std::move(*it);
  st.deployments.erase(it);
  publish(st, "deployment_failed",
          json{{"id", gone.id},
               {"plan", {{"id", gone.id}, {"steps", steps_json(gone)}, {"version", gone.version}}},
               {"reason", "Deployment " + gone.id + " was canceled"}});
  if (!rollback) {
    return nullptr;
  }
  // DeploymentsResource.cancel: revert the affected apps to their original definitions.
  std::map<std::string, json> targets;
  for (const std::string& id : gone.affected_apps) {
    json original = gone.originals[id];
    if (!original.is_null()) {
      original["version"] = iso_time(st.now());
      original["versionInfo"]["lastScalingAt"] = original["version"];
      original["versionInfo"]["lastConfigChangeAt"] = original["version"];
    }
    targets[id] = original;
  }
  return &deploy(st, targets, {}, {}, true);
}

void drop_if_stopped(MarathonState& st, const std::string& app_id) {
  auto s = st.stopping.find(app_id);
  if (s == st.stopping.end() || !s->second.instances.empty()) {
    return;
  }
  for (const Deployment& d : st.deployments) {
    for (const auto& step : d.steps) {
      for (const Action& a : step) {
        if (a.kind == ActionKind::kStop && a.app == app_id) {
          return;  // that deployment erases it and says app_terminated_event
        }
      }
    }
  }
  st.stopping.erase(s);
}

json deployment_json(const Deployment& d) {
  json current = json::array();
  if (d.current < d.steps.size()) {
    for (const Action& a : d.steps[d.current]) {
      current.push_back(json{{"action", action_name(a.kind)},
                             {"app", a.app},
                             {"readinessCheckResults", json::array()}});
    }
  }
  return json{{"id", d.id},
              {"version", d.version},
              {"affectedApps", d.affected_apps},
              {"affectedPods", json::array()},
              {"steps", steps_json(d)},
              {"currentActions", current},
              {"currentStep", std::min(d.current + 1, d.steps.size())},
              {"totalSteps", d.steps.size()}};
}

json plan_json(const Deployment& d) {
  return json{{"id", d.id}, {"steps", steps_json(d)}, {"version", d.version}};
}

json step_json(const Deployment& d) {
  json actions = json::array();
  if (d.current < d.steps.size()) {
    for (const Action& a : d.steps[d.current]) {
      actions.push_back(json{{"action", action_name(a.kind)}, {"app", a.app}});
    }
  }
  return json{{"actions", actions}};
}

}  // namespace qctl::sandbox::marathon
