// The marathon and chronos checks.
#include <algorithm>

#include "core/chronos/queue_view.h"
#include "core/health/checks.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::health {

namespace {

constexpr std::size_t kMaxListed = 10;  // detail lines per kind, so a page stays readable

void list_some(CheckResult& r, const std::vector<std::string>& lines) {
  for (std::size_t i = 0; i < lines.size() && i < kMaxListed; ++i) {
    r.details.push_back(lines[i]);
  }
  if (lines.size() > kMaxListed) {
    r.details.push_back("… and " + std::to_string(lines.size() - kMaxListed) + " more");
  }
}

std::string seconds_text(double s) { return util::format_age(std::max(s, 1.0)); }

}  // namespace

CheckResult evaluate_marathon(const MarathonFacts& facts, const Thresholds& t, double now) {
  CheckResult r;
  r.check = "marathon";
  apply_metric(r, t, "marathon_latency", facts.latency_seconds);
  double oldest = 0;
  std::vector<std::string> old_deployments;
  for (const auto& d : facts.deployments) {
    const auto started = util::parse_iso8601(d.version);
    const double age = started ? std::max(0.0, now - *started) : 0.0;
    oldest = std::max(oldest, age);
    if (t.evaluate("marathon_deployment_age", age) != Status::kOk) {
      old_deployments.push_back("deployment " + d.id + " (" + util::join(d.affected_apps, ", ") +
                                ") running for " + seconds_text(age) + ", step " +
                                std::to_string(d.current_step) + "/" +
                                std::to_string(d.total_steps));
    }
  }
  apply_metric(r, t, "marathon_deployment_age", oldest);
  std::vector<std::string> below;
  std::vector<std::string> unhealthy;
  std::int64_t unhealthy_tasks = 0;
  for (const auto& a : facts.apps) {
    if (a.tasks_running < a.instances && a.deployment_ids.empty()) {
      below.push_back("app " + a.id + ": " + std::to_string(a.tasks_running) + "/" +
                      std::to_string(a.instances) + " running");
    }
    if (a.tasks_unhealthy > 0) {
      unhealthy_tasks += a.tasks_unhealthy;
      unhealthy.push_back("app " + a.id + ": " + std::to_string(a.tasks_unhealthy) +
                          " unhealthy of " + std::to_string(a.tasks_running) + " running");
    }
  }
  apply_metric(r, t, "marathon_apps_below", static_cast<double>(below.size()));
  apply_metric(r, t, "marathon_unhealthy_tasks", static_cast<double>(unhealthy_tasks));
  r.perf.push_back(Perf{
      "marathon_deployments", static_cast<double>(facts.deployments.size()), "", "", "", 0.0, {}});
  if (facts.leader.empty()) {
    r.raise(Status::kCritical);
    r.summary = "no Marathon leader";
    return r;
  }
  if (!facts.pong) {
    r.raise(Status::kCritical);
    r.summary = "GET /ping does not answer 2xx";
    return r;
  }
  r.summary = "leader " + facts.leader + ", " + std::to_string(facts.apps.size()) + " apps, " +
              std::to_string(facts.deployments.size()) + " deployments, API " +
              util::format_number(facts.latency_seconds * 1000, 0) + " ms";
  if (!old_deployments.empty()) {
    r.summary += ", " + std::to_string(old_deployments.size()) + " deployment(s) running for " +
                 seconds_text(oldest);
  }
  if (!below.empty()) {
    r.summary += ", " + std::to_string(below.size()) + " app(s) below their instance count";
  }
  if (unhealthy_tasks > 0) {
    r.summary += ", " + std::to_string(unhealthy_tasks) + " unhealthy task(s)";
  }
  list_some(r, old_deployments);
  list_some(r, below);
  list_some(r, unhealthy);
  return r;
}

CheckResult evaluate_chronos(const ChronosFacts& facts, const Thresholds& t, double now) {
  CheckResult r;
  r.check = "chronos";
  const auto queued = chronos::queued_jobs(facts.view, now);
  double longest = 0;
  std::vector<std::string> waiting;
  for (const auto& q : queued) {
    const double waited = q.since ? std::max(0.0, now - *q.since) : 0.0;
    longest = std::max(longest, waited);
    waiting.push_back("job " + q.job->name + ": queued (" + chronos::priority_name(q.high) + ")" +
                      (q.since ? " for " + seconds_text(waited) : ", since unknown"));
  }
  apply_metric(r, t, "chronos_queued_age", longest);
  if (facts.gauges) {
    apply_metric(r, t, "chronos_high_queue", facts.gauges->high);
  }
  std::vector<std::string> failed;
  for (const auto& s : facts.view.summaries) {
    if (s.status == "failure" && !s.disabled) {
      failed.push_back("job " + s.name + ": last run failed");
    }
  }
  apply_metric(r, t, "chronos_failed_jobs", static_cast<double>(failed.size()));
  r.perf.push_back(Perf{"chronos_queued", static_cast<double>(queued.size()), "", "", "", 0.0, {}});
  if (facts.leader.empty()) {
    r.raise(Status::kCritical);
    r.summary = "no Chronos leader";
    return r;
  }
  r.summary = "leader " + facts.leader + ", " + std::to_string(facts.view.jobs.size()) + " jobs, " +
              std::to_string(queued.size()) + " queued";
  if (!queued.empty() && longest > 0) {
    r.summary += " (longest " + seconds_text(longest) + ")";
  }
  if (facts.gauges) {
    r.summary += ", high-priority queue " + util::format_number(facts.gauges->high, 0);
  }
  if (!failed.empty()) {
    r.summary += ", " + std::to_string(failed.size()) + " last run failed";
  }
  list_some(r, waiting);
  list_some(r, failed);
  if (!facts.gauges_error.empty()) {
    r.details.push_back("queue gauges: " + facts.gauges_error);
  }
  return r;
}

}  // namespace qctl::health
