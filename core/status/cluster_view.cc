#include "core/status/cluster_view.h"

#include <algorithm>

namespace qctl::status {

int ClusterView::exit_code() const {
  int code = 0;
  for (const auto* error : {&mesos.error, &marathon.error, &chronos.error}) {
    if (*error) {
      code = std::max(code, (*error)->code);
    }
  }
  return code;
}

namespace {

template <class T, class F>
nlohmann::json part_json(const Part<T>& part, F body) {
  if (!part.configured || (!part.error && !part.value)) {
    return nullptr;
  }
  if (part.error) {
    return {{"error", {{"exit_code", part.error->code}, {"message", part.error->message}}}};
  }
  return body(*part.value);
}

nlohmann::json mesos_json(const MesosView& m) {
  nlohmann::json masters = nlohmann::json::array();
  for (const auto& p : m.masters) {
    masters.push_back({{"url", p.url},
                       {"reachable", p.reachable},
                       {"leader", p.leader},
                       {"version", p.version},
                       {"error", p.error}});
  }
  nlohmann::json resources = nlohmann::json::object();
  for (const auto& r : m.resources) {
    resources[r.name] = {{"total", r.total},
                         {"allocated", r.allocated},
                         {"reserved", r.reserved},
                         {"free", r.free},
                         {"allocated_fraction", r.total > 0 ? r.allocated / r.total : 0.0}};
  }
  const auto& a = m.agents;
  nlohmann::json out = {
      {"leader", m.leader},
      {"cluster", m.cluster},
      {"version", m.leader_info ? m.leader_info->version : ""},
      {"elected_time", m.leader_info && m.leader_info->elected_time
                           ? nlohmann::json(*m.leader_info->elected_time)
                           : nlohmann::json(nullptr)},
      {"start_time", m.leader_info ? nlohmann::json(m.leader_info->start_time) : nullptr},
      {"masters", masters},
      {"agents",
       {{"total", a.total},
        {"ready", a.ready},
        {"disconnected", a.disconnected},
        {"deactivated", a.deactivated},
        {"draining", a.draining},
        {"drained", a.drained},
        {"maintenance", a.maintenance},
        {"unreachable", a.unreachable}}},
      {"resources", resources},
      {"frameworks", {{"active", m.frameworks_active}, {"inactive", m.frameworks_inactive}}},
      {"tasks", m.tasks},
      {"warnings", m.warnings}};
  return out;
}

nlohmann::json marathon_json(const MarathonView& v) {
  nlohmann::json attention = nlohmann::json::array();
  for (const auto& a : v.summary.attention) {
    attention.push_back({{"id", a.id},
                         {"running", a.running},
                         {"instances", a.instances},
                         {"unhealthy", a.unhealthy},
                         {"deploying", a.deploying}});
  }
  return {{"url", v.url},
          {"leader", v.leader},
          {"version", v.version},
          {"apps", v.summary.apps},
          {"tasks_running", v.summary.tasks_running},
          {"deployments", v.summary.deployments},
          {"apps_needing_attention", attention}};
}

nlohmann::json chronos_json(const ChronosView& v) {
  return {{"url", v.url},
          {"leader", v.leader},
          {"jobs", v.summary.jobs},
          {"queued", v.summary.queued},
          {"running", v.summary.running},
          {"disabled", v.summary.disabled},
          {"last_run_failed", v.summary.failed}};
}

}  // namespace

nlohmann::json to_json(const ClusterView& view) {
  return {{"context", view.context},
          {"mesos", part_json(view.mesos, mesos_json)},
          {"marathon", part_json(view.marathon, marathon_json)},
          {"chronos", part_json(view.chronos, chronos_json)}};
}

}  // namespace qctl::status
