// The judgement of each check: pure functions from facts and thresholds to a CheckResult.
#pragma once

#include "core/health/facts.h"
#include "core/health/metrics.h"
#include "core/health/report.h"

namespace qctl::health {

/// CRITICAL without a leader (every answering master says none, or none answers); then
/// mesos_masters_down and mesos_versions against their thresholds.
[[nodiscard]] CheckResult evaluate_mesos(const MesosFacts& facts, const Thresholds& t);

/// agents_active_pct (active / (registered + unreachable)), agents_unreachable,
/// agents_deactivated, agents_draining.
[[nodiscard]] CheckResult evaluate_agents(const AgentFacts& facts, const Thresholds& t);

/// CRITICAL without a leader; marathon_latency, marathon_deployment_age (at `now`, epoch
/// seconds), marathon_apps_below, marathon_unhealthy_tasks.
[[nodiscard]] CheckResult evaluate_marathon(const MarathonFacts& facts, const Thresholds& t,
                                            double now);

/// chronos_queued_age, chronos_high_queue, chronos_failed_jobs.
[[nodiscard]] CheckResult evaluate_chronos(const ChronosFacts& facts, const Thresholds& t,
                                           double now);

/// Applies one metric: adds its perfdata and raises the result's status; returns the
/// metric's own status.
Status apply_metric(CheckResult& r, const Thresholds& t, const std::string& metric, double value,
                    std::optional<double> min = 0.0, std::optional<double> max = {});

}  // namespace qctl::health
