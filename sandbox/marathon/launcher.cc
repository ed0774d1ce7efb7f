// The launch queue: places scheduled instances with the placement engine and launches them
// with the TaskInfo Marathon's TaskBuilder would build (name, command, env, container).
#include <algorithm>
#include <cctype>
#include <regex>

#include "sandbox/marathon/app_def.h"
#include "sandbox/marathon/parts.h"

namespace qctl::sandbox::marathon {

namespace {

using nlohmann::json;

placement::Demand demand_of(const MarathonState& st, const App& app) {
  const json& def = app.def;
  placement::Demand d;
  d.cpus = def["cpus"].get<double>();
  d.mem = def["mem"].get<double>();
  d.disk = def["disk"].get<double>();
  d.gpus = def["gpus"].get<double>();
  d.ports = host_port_count(def);
  if (def.contains("acceptedResourceRoles") && def["acceptedResourceRoles"].is_array()) {
    d.accepted_roles = def["acceptedResourceRoles"].get<std::vector<std::string>>();
  }
  d.framework_role = def.value("role", st.options.role);
  d.constraints = constraints_of(def);
  d.dialect = placement::Dialect::kMarathon;
  return d;
}

std::string upper_escaped(const std::string& s) {
  // EnvironmentHelper.labelsToEnvVars: [^a-zA-Z0-9_]+ -> "_", upper-cased.
  std::string out = std::regex_replace(s, std::regex("[^a-zA-Z0-9_]+"), "_");
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

// PORT0.., PORT_<n>, PORT_<NAME>, PORT, PORTS as EnvironmentHelper.portsEnv.
void ports_env(const json& def, const std::vector<std::uint64_t>& ports,
               std::map<std::string, std::string>& env) {
  json requested = def["portDefinitions"];
  if (requested.empty() && def.contains("container") && def["container"].contains("portMappings")) {
    requested = def["container"]["portMappings"];
  }
  std::string all;
  for (std::size_t i = 0; i < ports.size(); ++i) {
    std::string p = std::to_string(ports[i]);
    env["PORT" + std::to_string(i)] = p;
    all += (i == 0 ? "" : ",") + p;
    if (i < requested.size()) {
      // PORT_<declared port> (service port, or container port with mappings) -> host port.
      const json& r = requested[i];
      std::uint64_t declared = r.value("port", r.value("containerPort", std::uint64_t{0}));
      env["PORT_" + (declared == 0 ? p : std::to_string(declared))] = p;
      if (r.contains("name")) {
        env["PORT_" + upper_escaped(r["name"].get<std::string>())] = p;
      }
    }
  }
  if (!ports.empty()) {
    env["PORT"] = std::to_string(ports[0]);
    env["PORTS"] = all;
  }
}

std::map<std::string, std::string> task_env(const App& app, const std::string& task_id,
                                            const std::string& host,
                                            const std::vector<std::uint64_t>& ports) {
  const json& def = app.def;
  std::map<std::string, std::string> env;
  for (const auto& [k, v] : def["env"].items()) {
    if (v.is_string()) {
      env[k] = v.get<std::string>();  // {"secret": …} values need a secret store
    }
  }
  env["MESOS_TASK_ID"] = task_id;
  env["MARATHON_APP_ID"] = app.id();
  env["MARATHON_APP_VERSION"] = app.version();
  if (def.contains("container") && def["container"]["type"] == "DOCKER") {
    env["MARATHON_APP_DOCKER_IMAGE"] = def["container"]["docker"].value("image", "");
  }
  env["MARATHON_APP_RESOURCE_CPUS"] = java_double(def["cpus"].get<double>());
  env["MARATHON_APP_RESOURCE_MEM"] = java_double(def["mem"].get<double>());
  env["MARATHON_APP_RESOURCE_DISK"] = java_double(def["disk"].get<double>());
  env["MARATHON_APP_RESOURCE_GPUS"] = std::to_string(def["gpus"].get<long long>());
  std::string names;
  for (const auto& [k, v] : def["labels"].items()) {
    names += (names.empty() ? "" : " ") + upper_escaped(k);
    env["MARATHON_APP_LABEL_" + upper_escaped(k)] = v.get<std::string>();
  }
  env["MARATHON_APP_LABELS"] = names;
  env["HOST"] = host;
  ports_env(def, ports, env);
  return env;
}

TaskSpec task_spec(const MarathonState& st, const App& app, const std::string& task_id,
                   const SimAgent& agent, const placement::Allocation& where) {
  const json& def = app.def;
  TaskSpec spec;
  spec.id = task_id;
  spec.name = host_name(app.id());
  spec.framework_id = st.framework_id;
  spec.role = def.value("role", st.options.role);
  spec.resources.cpus = def["cpus"].get<double>();
  spec.resources.mem = def["mem"].get<double>();
  spec.resources.disk = def["disk"].get<double>();
  spec.resources.gpus = def["gpus"].get<double>();
  spec.port_count = where.ports.size();
  if (def["cmd"].is_string()) {
    spec.command = def["cmd"].get<std::string>();  // CommandInfo shell=true: /bin/sh -c
  } else if (def["args"].is_array() && !def["args"].empty()) {
    spec.shell = false;
    spec.args = def["args"].get<std::vector<std::string>>();
    spec.command = spec.args.front();
  }
  spec.env = task_env(app, task_id, agent.info.hostname, where.ports);
  if (def.contains("container")) {
    const json& c = def["container"];
    spec.container = c["type"] == "MESOS" ? ContainerKind::kMesos : ContainerKind::kDocker;
    spec.image = c.contains("docker") ? c["docker"].value("image", "") : "";
    std::string mode = def["networks"].at(0).value("mode", "host");
    spec.docker_network = mode == "host" ? "HOST" : mode == "container/bridge" ? "BRIDGE" : "USER";
  }
  for (const auto& [k, v] : def["labels"].items()) {
    spec.labels.push_back(model::Label{k, v.get<std::string>()});
  }
  // Only COMMAND checks run in the task; HTTP/TCP checks are Marathon's own (see on_status).
  for (const json& hc : def["healthChecks"]) {
    if (hc.value("protocol", "") == "COMMAND" && hc.contains("command")) {
      HealthCheckSpec h;
      h.command = hc["command"].value("value", "");
      h.grace_period_seconds = hc["gracePeriodSeconds"].get<double>();
      h.interval_seconds = hc["intervalSeconds"].get<double>();
      h.timeout_seconds = hc["timeoutSeconds"].get<double>();
      h.max_consecutive_failures = hc["maxConsecutiveFailures"].get<int>();
      h.delay_seconds = hc["delaySeconds"].get<double>();
      spec.health_check = h;
      break;
    }
  }
  return spec;
}

void launch_one(MarathonState& st, App& app, const placement::Allocation& where) {
  const SimAgent* agent = st.world.agent(where.agent_id);
  if (agent == nullptr) {
    return;
  }
  Instance inst;
  inst.instance_id = safe_path(app.id()) + ".instance-" + st.world.ids().uuid();
  inst.task_id = inst.instance_id + "._app.1";  // Marathon ≥ 1.8 ids with incarnation
  inst.app_id = app.id();
  inst.version = app.version();
  inst.agent_id = where.agent_id;
  inst.host = agent->info.hostname;
  inst.ip = agent->ip;
  inst.role = app.def.value("role", st.options.role);
  inst.ports = where.ports;
  inst.staged_at = st.now();
  TaskSpec spec = task_spec(st, app, inst.task_id, *agent, where);
  // Registered before launching: a runner may report a status at once.
  app.instances[inst.task_id] = inst;
  st.task_apps[inst.task_id] = inst.app_id;
  ++st.tasks_launched;
  st.world.launch(std::move(spec), where);
}

std::vector<placement::Placed> placed_of(MarathonState& st, const App& app) {
  std::vector<placement::Placed> out;
  for (const auto& [id, inst] : app.instances) {
    placement::Placed p;
    p.agent_id = inst.agent_id;
    p.hostname = inst.host;
    if (const SimAgent* a = st.world.agent(inst.agent_id); a != nullptr) {
      p.attributes = a->info.attributes;
      p.region = a->info.region;  // @region / @zone constraints count existing instances too
      p.zone = a->info.zone;
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

void schedule(MarathonState& st, App& app, std::size_t n) {
  if (n == 0) {
    return;
  }
  if (app.pending == 0) {
    app.queued_since = st.now();
  }
  app.pending += n;
}

void launch_pending(MarathonState& st) {
  std::vector<placement::AgentView> views;
  bool have_views = false;
  for (auto& [id, app] : st.apps) {
    if (app.pending == 0 || st.now() < app.backoff_until) {
      continue;
    }
    if (!have_views) {
      views = st.world.agent_views();
      have_views = true;
    }
    placement::Plan plan = placement::place(views, demand_of(st, app), placed_of(st, app), app.pending);
    OfferStats& o = app.offers;
    o.processed += static_cast<std::int64_t>(views.size());
    o.unused += static_cast<std::int64_t>(plan.rejected.size());
    o.last_rejections = plan.rejected;
    o.last_rejections_at = st.now();
    if (!plan.rejected.empty()) {
      o.last_unused_at = st.now();
    }
    if (!plan.placed.empty()) {
      o.last_used_at = st.now();
    }
    for (const placement::Allocation& where : plan.placed) {
      launch_one(st, app, where);
      --app.pending;
    }
  }
}

}  // namespace qctl::sandbox::marathon
