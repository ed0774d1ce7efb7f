#include "core/health/metrics.h"

#include "core/util/strings.h"

namespace qctl::health {

const std::vector<MetricDef>& metric_defs() {
  static const std::vector<MetricDef> kDefs = {
      {"mesos_masters_down", "", "0", "", "configured masters that do not answer /version"},
      {"mesos_versions", "", "1", "", "distinct Mesos versions among the masters"},
      {"agents_active_pct", "%",
       "90:", "75:", "active agents in percent of registered plus unreachable agents"},
      {"agents_unreachable", "", "0", "", "agents the master marked unreachable"},
      {"agents_deactivated", "", "", "", "deactivated agents (no offers)"},
      {"agents_draining", "", "", "", "draining or drained agents"},
      {"marathon_latency", "s", "1", "5", "time GET /v2/info took"},
      {"marathon_deployment_age", "s", "600", "1800", "age of the oldest running deployment"},
      {"marathon_apps_below", "", "0", "",
       "apps below their instance count with no deployment running"},
      {"marathon_unhealthy_tasks", "", "0", "", "tasks failing their health checks"},
      {"chronos_queued_age", "s", "600", "1800", "longest time a job has been waiting in a queue"},
      {"chronos_high_queue", "", "10", "50", "tasks in the high-priority queue"},
      {"chronos_failed_jobs", "", "0", "", "enabled jobs whose last run failed"},
      {"docker_failing", "", "", "0",
       "agents whose `docker info` failed or did not answer in time"},
  };
  return kDefs;
}

const MetricDef* find_metric(const std::string& name) {
  for (const auto& d : metric_defs()) {
    if (name == d.name) {
      return &d;
    }
  }
  return nullptr;
}

const std::vector<std::string>& check_names() {
  static const std::vector<std::string> kNames = {"mesos", "agents", "marathon", "chronos",
                                                  "docker"};
  return kNames;
}

Thresholds::Thresholds() {
  for (const auto& d : metric_defs()) {
    std::string error;
    warning_[d.name] = *parse_range(d.warning, error);
    critical_[d.name] = *parse_range(d.critical, error);
  }
}

std::string Thresholds::set(bool critical, const std::string& assignment) {
  const auto eq = assignment.find('=');
  const std::string flag = critical ? "--critical" : "--warning";
  if (eq == std::string::npos) {
    return flag + " '" + assignment + "': expected METRIC=RANGE, e.g. agents_active_pct=90:";
  }
  const std::string name = assignment.substr(0, eq);
  if (find_metric(name) == nullptr) {
    return flag + " '" + assignment + "': unknown metric '" + name +
           "' (see the METRICS list in 'qctl health --help')";
  }
  std::string error;
  auto range = parse_range(assignment.substr(eq + 1), error);
  if (!range) {
    return flag + " " + name + ": " + error;
  }
  (critical ? critical_ : warning_)[name] = std::move(*range);
  return "";
}

const Range& Thresholds::warning(const std::string& metric) const { return warning_.at(metric); }
const Range& Thresholds::critical(const std::string& metric) const { return critical_.at(metric); }

Status Thresholds::evaluate(const std::string& metric, double value) const {
  if (critical(metric).alerts(value)) {
    return Status::kCritical;
  }
  return warning(metric).alerts(value) ? Status::kWarning : Status::kOk;
}

Perf perf_for(const Thresholds& t, const std::string& metric, double value,
              std::optional<double> min, std::optional<double> max) {
  const MetricDef* def = find_metric(metric);
  return Perf{metric,
              value,
              def != nullptr ? def->uom : "",
              t.warning(metric).text,
              t.critical(metric).text,
              min,
              max};
}

std::string format_perf(const Perf& p) {
  std::string label = p.label;
  if (label.find_first_of(" ='") != std::string::npos) {
    std::string quoted;
    for (char c : label) {
      quoted += c == '\'' ? std::string("''") : std::string(1, c);
    }
    label = "'" + quoted + "'";
  }
  std::string out = label + "=" + util::format_number(p.value, 3) + p.uom + ";" + p.warning + ";" +
                    p.critical + ";";
  out += p.min ? util::format_number(*p.min, 3) : "";
  out += ";";
  out += p.max ? util::format_number(*p.max, 3) : "";
  // Trailing empty fields may be dropped (plugin guidelines); keep min/max only when set.
  while (!out.empty() && out.back() == ';') {
    out.pop_back();
  }
  return out;
}

}  // namespace qctl::health
