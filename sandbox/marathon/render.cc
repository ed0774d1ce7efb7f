// JSON shapes of Marathon's AppInfo and tasks (AppInfoBaseData, TaskConversion).
#include <algorithm>
#include <functional>

#include "sandbox/marathon/parts.h"

namespace qctl::sandbox::marathon {

namespace {

using nlohmann::json;

json service_ports(const json& def) {
  json out = json::array();
  for (const json& pd : def.at("portDefinitions")) {
    out.push_back(pd.value("port", 0));
  }
  if (out.empty() && def.contains("container") && def["container"].contains("portMappings")) {
    for (const json& pm : def["container"]["portMappings"]) {
      out.push_back(pm.value("servicePort", 0));
    }
  }
  return out;
}

json time_or_null(double t) { return t > 0 ? json(iso_time(t)) : json(nullptr); }

json health_results(const Instance& inst) {
  json out = json::array();
  if (!inst.alive) {
    return out;
  }
  out.push_back(json{{"alive", *inst.alive},
                     {"consecutiveFailures", inst.consecutive_failures},
                     {"firstSuccess", time_or_null(inst.first_success)},
                     {"lastFailure", time_or_null(inst.last_failure)},
                     {"lastSuccess", time_or_null(inst.last_success)},
                     {"lastFailureCause", inst.last_failure > 0 ? json("Health check failed")
                                                                : json(nullptr)},
                     {"instanceId", inst.instance_id}});
  return out;
}

struct Counts {
  int staged = 0;
  int running = 0;
  int healthy = 0;
  int unhealthy = 0;
};

Counts count(const App& app, const std::function<bool(const Instance&)>& pick) {
  Counts c;
  for (const auto& [id, inst] : app.instances) {
    if (!pick(inst)) {
      continue;
    }
    // TaskCounts: tasks without a Mesos state yet count as staged.
    c.staged += inst.state == "TASK_STAGING" || inst.state == "TASK_STARTING" ? 1 : 0;
    c.running += inst.state == "TASK_RUNNING" ? 1 : 0;
    c.healthy += inst.alive == true ? 1 : 0;
    c.unhealthy += inst.alive == false ? 1 : 0;
  }
  return c;
}

json stats_json(const MarathonState& state, const App& app,
                const std::function<bool(const Instance&)>& pick) {
  Counts c = count(app, pick);
  std::vector<double> lifetimes;
  for (const auto& [id, inst] : app.instances) {
    if (pick(inst) && inst.started_at > 0) {
      lifetimes.push_back(state.now() - inst.started_at);
    }
  }
  json stats = {{"counts",
                 {{"staged", c.staged}, {"running", c.running}, {"healthy", c.healthy},
                  {"unhealthy", c.unhealthy}}}};
  if (!lifetimes.empty()) {
    std::sort(lifetimes.begin(), lifetimes.end());
    double sum = 0;
    for (double l : lifetimes) {
      sum += l;
    }
    stats["lifeTime"] = {{"averageSeconds", sum / static_cast<double>(lifetimes.size())},
                         {"medianSeconds", lifetimes[lifetimes.size() / 2]}};
  }
  return json{{"stats", stats}};
}

json task_stats(const MarathonState& state, const App& app) {
  const std::string version = app.version();
  const std::string scaled = app.def["versionInfo"].value("lastScalingAt", version);
  json out = json::object();
  auto add = [&](const char* name, const std::function<bool(const Instance&)>& pick) {
    bool any = std::any_of(app.instances.begin(), app.instances.end(),
                           [&](const auto& kv) { return pick(kv.second); });
    if (any) {
      out[name] = stats_json(state, app, pick);
    }
  };
  add("startedAfterLastScaling", [&](const Instance& i) { return iso_time(i.staged_at) >= scaled; });
  add("withLatestConfig", [&](const Instance& i) { return i.version == version; });
  add("withOutdatedConfig", [&](const Instance& i) { return i.version != version; });
  add("totalSummary", [](const Instance&) { return true; });
  return out;
}

}  // namespace

Embeds parse_embeds(const std::vector<std::string>& values) {
  Embeds e;
  for (std::string v : values) {
    for (const char* prefix : {"group.apps.", "apps.", "app."}) {
      std::string p = prefix;
      if (v.compare(0, p.size(), p) == 0) {
        v = v.substr(p.size());
        break;
      }
    }
    if (v == "tasks") {
      e.tasks = e.deployments = true;  // InfoEmbedResolver: tasks implies deployments
    } else if (v == "counts") {
      e.counts = true;
    } else if (v == "deployments") {
      e.deployments = true;
    } else if (v == "readiness") {
      e.readiness = true;
    } else if (v == "lastTaskFailure") {
      e.last_failure = true;
    } else if (v == "taskStats") {
      e.task_stats = true;
    } else if (v == "failures") {
      e.tasks = e.last_failure = e.deployments = true;
    }
  }
  return e;
}

bool ready(const App& app, const Instance& inst) {
  return inst.state == "TASK_RUNNING" && (!app.has_health_checks() || inst.alive == true);
}

json task_json(const App& app, const Instance& inst) {
  json t = {{"id", inst.task_id},
            {"appId", inst.app_id},
            {"host", inst.host},
            {"slaveId", inst.agent_id},
            {"state", inst.state},
            {"ports", inst.ports},
            {"servicePorts", service_ports(app.def)},
            {"ipAddresses", json::array()},
            {"stagedAt", iso_time(inst.staged_at)},
            {"version", inst.version},
            {"healthCheckResults", health_results(inst)},
            {"localVolumes", json::array()},
            {"role", inst.role}};
  if (!inst.ip.empty()) {
    t["ipAddresses"].push_back(json{{"ipAddress", inst.ip}, {"protocol", "IPv4"}});
  }
  if (inst.started_at > 0) {
    t["startedAt"] = iso_time(inst.started_at);
  }
  return t;
}

json app_json(const MarathonState& state, const App& app, const Embeds& embeds) {
  json out = app.def;
  // AppConversion writes acceptedResourceRoles only when the set is not empty (no default).
  if (auto roles = out.find("acceptedResourceRoles"); roles != out.end() && roles->empty()) {
    out.erase(roles);
  }
  if (embeds.counts) {
    Counts c = count(app, [](const Instance&) { return true; });
    out["tasksStaged"] = c.staged;
    out["tasksRunning"] = c.running;
    out["tasksHealthy"] = c.healthy;
    out["tasksUnhealthy"] = c.unhealthy;
  }
  if (embeds.deployments) {
    out["deployments"] = json::array();
    for (const Deployment* d : locking(state, {app.id()})) {
      out["deployments"].push_back(json{{"id", d->id}});
    }
  }
  if (embeds.tasks) {
    out["tasks"] = json::array();
    for (const auto& [id, inst] : app.instances) {
      out["tasks"].push_back(task_json(app, inst));
    }
  }
  if (embeds.readiness) {
    out["readinessCheckResults"] = json::array();
  }
  if (embeds.last_failure && app.last_failure) {
    out["lastTaskFailure"] = *app.last_failure;
  }
  if (embeds.task_stats) {
    out["taskStats"] = task_stats(state, app);
  }
  return out;
}

}  // namespace qctl::sandbox::marathon
