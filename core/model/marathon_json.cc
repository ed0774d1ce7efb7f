#include "core/model/marathon_json.h"

namespace qctl::model {

namespace {

nlohmann::json to_json(const HealthCheckResult& h) {
  return {{"alive", h.alive},
          {"consecutive_failures", h.consecutive_failures},
          {"last_success", h.last_success},
          {"last_failure", h.last_failure},
          {"last_failure_cause", h.last_failure_cause}};
}

nlohmann::json to_json(const DeploymentAction& a) { return {{"action", a.action}, {"app", a.app}}; }

nlohmann::json to_json(const RejectReason& r) {
  return {{"reason", r.reason}, {"declined", r.declined}, {"processed", r.processed}};
}

template <class T>
nlohmann::json array_of(const std::vector<T>& items) {
  auto out = nlohmann::json::array();
  for (const auto& item : items) {
    out.push_back(to_json(item));
  }
  return out;
}

}  // namespace

nlohmann::json to_json(const Constraint& c) {
  auto out = nlohmann::json::array({c.field, c.op});
  if (c.has_value) {
    out.push_back(c.value);
  }
  return out;
}

nlohmann::json to_json(const App& app) {
  nlohmann::json out = {
      {"id", app.id},
      {"cmd", app.cmd},
      {"args", app.args},
      {"instances", app.instances},
      {"cpus", app.cpus},
      {"mem", app.mem},
      {"disk", app.disk},
      {"gpus", app.gpus},
      {"constraints", array_of(app.constraints)},
      {"hostname_unique", app.is_hostname_unique()},
      {"accepted_resource_roles", app.accepted_resource_roles},
      {"labels", app.labels},
      {"env", app.env},
      {"container_type", app.container_type},
      {"docker_image", app.docker_image},
      {"port_count", app.port_count},
      {"require_ports", app.require_ports},
      {"health_check_count", app.health_check_count},
      {"upgrade_strategy",
       {{"minimum_health_capacity", app.upgrade_strategy.minimum_health_capacity},
        {"maximum_over_capacity", app.upgrade_strategy.maximum_over_capacity}}},
      {"role", app.role},
      {"user", app.user},
      {"version", app.version},
      {"last_scaling_at", app.last_scaling_at},
      {"last_config_change_at", app.last_config_change_at},
      {"tasks_staged", app.tasks_staged},
      {"tasks_running", app.tasks_running},
      {"tasks_healthy", app.tasks_healthy},
      {"tasks_unhealthy", app.tasks_unhealthy},
      {"deployment_ids", app.deployment_ids},
      {"tasks", array_of(app.tasks)},
  };
  out["last_task_failure"] =
      app.last_task_failure ? to_json(*app.last_task_failure) : nlohmann::json(nullptr);
  return out;
}

nlohmann::json to_json(const MarathonTask& task) {
  return {{"id", task.id},
          {"app_id", task.app_id},
          {"host", task.host},
          {"slave_id", task.slave_id},
          {"state", task.state},
          {"version", task.version},
          {"staged_at", task.staged_at},
          {"started_at", task.started_at},
          {"ports", task.ports},
          {"service_ports", task.service_ports},
          {"ip_addresses", task.ip_addresses},
          {"health_check_results", array_of(task.health_check_results)}};
}

nlohmann::json to_json(const TaskFailure& failure) {
  return {{"app_id", failure.app_id},   {"host", failure.host},
          {"message", failure.message}, {"state", failure.state},
          {"task_id", failure.task_id}, {"timestamp", failure.timestamp},
          {"version", failure.version}, {"slave_id", failure.slave_id}};
}

nlohmann::json to_json(const Deployment& deployment) {
  auto steps = nlohmann::json::array();
  for (const auto& step : deployment.steps) {
    steps.push_back(array_of(step));
  }
  return {{"id", deployment.id},
          {"version", deployment.version},
          {"affected_apps", deployment.affected_apps},
          {"affected_pods", deployment.affected_pods},
          {"steps", steps},
          {"current_actions", array_of(deployment.current_actions)},
          {"current_step", deployment.current_step},
          {"total_steps", deployment.total_steps}};
}

nlohmann::json to_json(const DeploymentResult& result) {
  return {{"version", result.version}, {"deployment_id", result.deployment_id}};
}

nlohmann::json to_json(const QueueItem& item) {
  return {{"app_id", item.app_id},
          {"is_pod", item.is_pod},
          {"count", item.count},
          {"role", item.role},
          {"delay_time_left_seconds", item.delay_time_left_seconds},
          {"overdue", item.overdue},
          {"since", item.since},
          {"processed_offers", item.processed_offers},
          {"unused_offers", item.unused_offers},
          {"last_unused_offer_at", item.last_unused_offer_at},
          {"last_used_offer_at", item.last_used_offer_at},
          {"reject_summary", array_of(item.reject_summary)}};
}

nlohmann::json to_json(const MarathonInfo& info) {
  return {{"name", info.name},
          {"version", info.version},
          {"buildref", info.buildref},
          {"elected", info.elected},
          {"leader", info.leader},
          {"framework_id", info.framework_id},
          {"mesos_master", info.mesos_master},
          {"http_port", info.http_port}};
}

}  // namespace qctl::model
