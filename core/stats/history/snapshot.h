// One `qctl stats record` snapshot: per-group totals and allocations, task counts by state,
// and the Mesos, Marathon and Chronos counters, built from what the APIs answered (pure).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/chronos.h"
#include "core/model/marathon.h"
#include "core/model/mesos.h"
#include "core/stats/allocation.h"

namespace qctl::stats::history {

/// The resources a snapshot keeps, in this order everywhere (schema columns, reports).
inline constexpr std::array<const char*, 4> kResources = {"cpus", "mem", "disk", "gpus"};
inline constexpr std::size_t kResourceCount = kResources.size();

/// One resource of one group at one moment (stats::ResourceTotals' figures).
struct ResourceSample {
  double total = 0;      // every registered agent, reservations included
  double allocated = 0;  // used by tasks and executors, non-revocable
  double reserved = 0;   // statically or dynamically reserved for any role
  double free = 0;       // unallocated on agents that get offers
  bool operator==(const ResourceSample&) const = default;
};

/// The figures of one group at one moment.
struct GroupValues {
  std::int64_t agents = 0;
  std::int64_t unavailable = 0;  // agents disconnected, deactivated, draining or in maintenance
  std::array<ResourceSample, kResourceCount> resources{};
  bool operator==(const GroupValues&) const = default;
};

/// One group (e.g. dc=eu-1) of one grouping ("dimension": "cluster" or an attribute name).
struct GroupSample {
  std::string dimension;
  std::string name;  // the attribute value, "<none>", or the cluster's name
  GroupValues values;
  bool operator==(const GroupSample&) const = default;
};

/// The snapshot-level counters and gauges, in schema column order (README "History schema").
/// Mesos master metrics (tasks_* gauges and counters), Marathon gauges summed over apps and
/// the launch queue, Chronos successCount/errorCount summed over jobs.
inline constexpr std::array<const char*, 25> kCounterNames = {"mesos_tasks_staging",
                                                              "mesos_tasks_starting",
                                                              "mesos_tasks_running",
                                                              "mesos_tasks_killing",
                                                              "mesos_tasks_unreachable",
                                                              "mesos_tasks_finished",
                                                              "mesos_tasks_failed",
                                                              "mesos_tasks_killed",
                                                              "mesos_tasks_lost",
                                                              "mesos_tasks_error",
                                                              "mesos_tasks_dropped",
                                                              "mesos_tasks_gone",
                                                              "mesos_tasks_gone_by_operator",
                                                              "marathon_apps",
                                                              "marathon_instances",
                                                              "marathon_tasks_running",
                                                              "marathon_tasks_staged",
                                                              "marathon_tasks_healthy",
                                                              "marathon_tasks_unhealthy",
                                                              "marathon_queue_launches",
                                                              "marathon_queue_delayed",
                                                              "chronos_jobs",
                                                              "chronos_success_count",
                                                              "chronos_error_count",
                                                              "chronos_jobs_failing"};
inline constexpr std::size_t kCounterCount = kCounterNames.size();

/// Index of a counter name in kCounterNames; nullopt for an unknown name.
[[nodiscard]] std::optional<std::size_t> counter_index(const std::string& name);

struct Snapshot {
  double taken_at = 0;                        // seconds since the epoch
  std::string context;                        // the qctl context recorded
  std::string default_dimension = "cluster";  // what `report` groups by unless told
  std::vector<GroupSample> groups;
  /// kCounterNames order; nullopt when the service was not configured or did not answer.
  std::array<std::optional<double>, kCounterCount> counters{};
  /// "TASK_RUNNING" -> n, over the frameworks' state-summary counts.
  std::map<std::string, std::int64_t> task_states;
  bool operator==(const Snapshot&) const = default;
};

/// What one `record` read; the optional parts are absent when not configured or unreadable.
struct SnapshotInput {
  stats::ClusterInput cluster;            // agents, maintenance, frameworks (task counts by state)
  std::optional<model::Metrics> metrics;  // the leading master's /metrics/snapshot
  std::optional<std::vector<model::App>> marathon_apps;  // /v2/apps with counts
  std::optional<std::vector<model::QueueItem>> marathon_queue;
  std::optional<std::vector<model::Job>> chronos_jobs;
};

/// Attributes with more distinct values than this are not recorded as groupings.
inline constexpr std::size_t kMaxGroupsPerDimension = 64;

/// The groupings a snapshot records: "cluster", every agent attribute (and "@region",
/// "@zone" from fault domains) with at most kMaxGroupsPerDimension values, then `extra`.
[[nodiscard]] std::vector<std::string> recorded_dimensions(
    const std::vector<model::Agent>& agents, const std::vector<std::string>& extra = {});

/// Builds the snapshot taken at `now` of `context`, groups for recorded_dimensions(extra),
/// default dimension from stats::default_group_by.
[[nodiscard]] Snapshot build_snapshot(const SnapshotInput& in, double now,
                                      const std::string& context,
                                      const std::vector<std::string>& extra = {});

}  // namespace qctl::stats::history
