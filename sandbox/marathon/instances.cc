// Instance life cycle: status updates, health, failures with back-off, kills and scaling.
#include <algorithm>

#include "sandbox/marathon/parts.h"

namespace qctl::sandbox::marathon {

namespace {

using nlohmann::json;

// Condition names of instance_changed_event (core.condition.Condition).
std::string condition_of(const std::string& state) {
  static const std::map<std::string, std::string> kNames = {
      {"TASK_STAGING", "Staging"},   {"TASK_STARTING", "Starting"},
      {"TASK_RUNNING", "Running"},   {"TASK_KILLING", "Killing"},
      {"TASK_FINISHED", "Finished"}, {"TASK_FAILED", "Failed"},
      {"TASK_KILLED", "Killed"},     {"TASK_ERROR", "Error"},
      {"TASK_LOST", "Unreachable"},  {"TASK_UNREACHABLE", "Unreachable"},
      {"TASK_DROPPED", "Dropped"},   {"TASK_GONE", "Gone"},
      {"TASK_GONE_BY_OPERATOR", "Gone"}};
  auto it = kNames.find(state);
  return it == kNames.end() ? "Unknown" : it->second;
}

// Marathon's own HTTP/TCP checks are emulated as passing while the task runs; COMMAND
// checks come from the agent's result (SimTask::healthy).
void update_health(MarathonState& st, const App& app, Instance& inst, const SimTask& task) {
  if (!app.has_health_checks()) {
    return;
  }
  bool command_check = task.spec.health_check.has_value();
  std::optional<bool> alive;
  if (command_check) {
    alive = task.healthy;
  } else if (task.state == "TASK_RUNNING") {
    alive = true;
  }
  if (!alive || task.terminal()) {
    return;
  }
  bool changed = inst.alive != alive;
  if (*alive) {
    inst.first_success = inst.first_success > 0 ? inst.first_success : st.now();
    inst.last_success = st.now();
    inst.consecutive_failures = 0;
  } else {
    inst.last_failure = st.now();
    ++inst.consecutive_failures;
  }
  inst.alive = alive;
  if (changed) {
    publish(st, "health_status_changed_event",
            json{{"appId", inst.app_id}, {"instanceId", inst.instance_id},
                 {"version", inst.version}, {"alive", *alive}});
  }
}

// TaskFailure.isFailureState: what becomes the app's lastTaskFailure (not TASK_KILLED, not
// TASK_UNREACHABLE).
bool is_failure_state(const std::string& state) {
  return state == "TASK_FAILED" || state == "TASK_ERROR" || state == "TASK_LOST" ||
         state == "TASK_DROPPED" || state == "TASK_GONE" || state == "TASK_GONE_BY_OPERATOR" ||
         state == "TASK_UNKNOWN";
}

// NotifyRateLimiterStepImpl.limitWorthy (Dropped, Error, Failed, Gone, Finished): the ends
// that delay the next launch. A command that exits 0 backs off too; lost, unreachable and
// killed tasks do not.
bool delays_relaunch(const std::string& state) {
  return state == "TASK_DROPPED" || state == "TASK_ERROR" || state == "TASK_FAILED" ||
         state == "TASK_GONE" || state == "TASK_GONE_BY_OPERATOR" || state == "TASK_FINISHED";
}

void record_end(MarathonState& st, App& app, const Instance& inst, const SimTask& task) {
  if (is_failure_state(task.state)) {
    app.last_failure = json{{"appId", inst.app_id},      {"host", inst.host},
                            {"message", task.message},   {"state", task.state},
                            {"taskId", inst.task_id},    {"timestamp", iso_time(st.now())},
                            {"version", inst.version},   {"slaveId", inst.agent_id}};
  }
  if (!delays_relaunch(task.state)) {
    return;
  }
  // RateLimiter: backoffSeconds first, then × backoffFactor up to maxLaunchDelaySeconds.
  const json& def = app.def;
  double first = def["backoffSeconds"].get<double>();
  double next = app.backoff_delay <= 0 ? first : app.backoff_delay * def["backoffFactor"].get<double>();
  app.backoff_delay = std::min(next, def["maxLaunchDelaySeconds"].get<double>());
  app.backoff_until = st.now() + app.backoff_delay;
}

// ScalingProposition.sortByConditionAndDate: unreachable, staging, starting, running; then
// killSelection on the dates.
std::vector<std::string> kill_order(const App& app) {
  std::vector<const Instance*> live;
  for (const auto& [id, inst] : app.instances) {
    if (!inst.decommissioned) {
      live.push_back(&inst);
    }
  }
  auto weight = [](const Instance& i) {
    if (i.state == "TASK_UNREACHABLE" || i.state == "TASK_LOST") {
      return 1;
    }
    return i.state == "TASK_STAGING" ? 2 : i.state == "TASK_STARTING" ? 3 : i.state == "TASK_RUNNING" ? 4 : 5;
  };
  bool youngest = app.def.value("killSelection", "YOUNGEST_FIRST") == "YOUNGEST_FIRST";
  std::stable_sort(live.begin(), live.end(), [&](const Instance* a, const Instance* b) {
    if (weight(*a) != weight(*b)) {
      return weight(*a) < weight(*b);
    }
    double ta = a->started_at > 0 ? a->started_at : a->staged_at;
    double tb = b->started_at > 0 ? b->started_at : b->staged_at;
    return youngest ? ta > tb : ta < tb;
  });
  std::vector<std::string> out;
  for (const Instance* i : live) {
    out.push_back(i->task_id);
  }
  return out;
}

}  // namespace

void kill_task(MarathonState& st, App& app, const std::string& task_id, bool decommission) {
  auto it = app.instances.find(task_id);
  if (it == app.instances.end()) {
    return;
  }
  it->second.decommissioned = it->second.decommissioned || decommission;
  st.world.kill(task_id);  // may report TASK_KILLED (and erase the instance) right away
}

void scale_to(MarathonState& st, App& app, std::size_t n, const std::vector<std::string>& sentenced) {
  for (const std::string& id : sentenced) {
    kill_task(st, app, id, true);
  }
  std::size_t active = app.active();
  while (active + app.pending > n && app.pending > 0) {
    --app.pending;  // scheduled instances go first: nothing to kill
  }
  if (active > n) {
    std::vector<std::string> victims = kill_order(app);
    victims.resize(active - n);
    for (const std::string& id : victims) {
      kill_task(st, app, id, true);
    }
  } else if (active + app.pending < n) {
    schedule(st, app, n - active - app.pending);
  }
}

void handle_status(MarathonState& st, const SimTask& task) {
  App* app = st.app_of_task(task.spec.id);
  if (app == nullptr) {
    return;
  }
  Instance& inst = app->instances.at(task.spec.id);
  inst.state = task.state;
  if (task.state == "TASK_RUNNING" && inst.started_at == 0) {
    inst.started_at = st.now();
  }
  json ips = json::array();
  if (!inst.ip.empty()) {
    ips.push_back(json{{"ipAddress", inst.ip}, {"protocol", "IPv4"}});
  }
  publish(st, "status_update_event",
          json{{"slaveId", inst.agent_id}, {"taskId", inst.task_id}, {"taskStatus", task.state},
               {"message", task.message}, {"appId", inst.app_id}, {"host", inst.host},
               {"ipAddresses", ips}, {"ports", inst.ports}, {"version", inst.version}});
  publish(st, "instance_changed_event",
          json{{"instanceId", inst.instance_id}, {"condition", condition_of(task.state)},
               {"runSpecId", inst.app_id}, {"agentId", inst.agent_id}, {"host", inst.host},
               {"runSpecVersion", inst.version}});
  update_health(st, *app, inst, task);
  if (!task.terminal()) {
    return;
  }
  record_end(st, *app, inst, task);
  bool live_app = st.apps.count(inst.app_id) > 0 && &st.apps.at(inst.app_id) == app;
  bool old_in_restart = inst.version != app->version() && restarting(st, inst.app_id);
  bool replace = !inst.decommissioned && live_app && !old_in_restart;
  const std::string app_id = inst.app_id;
  app->instances.erase(task.spec.id);
  st.task_apps.erase(task.spec.id);
  if (replace) {
    schedule(st, *app, 1);  // goal still Running: the instance is launched again
  }
  drop_if_stopped(st, app_id);
}

}  // namespace qctl::sandbox::marathon
