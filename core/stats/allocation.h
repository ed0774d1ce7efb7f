// Cluster allocation statistics: per-group totals, allocation, reservations and free capacity.
// Pure functions over model types (no I/O, no clock); `qctl stats`, `stats board` and the
// history snapshots (`stats record`) all compute their numbers here.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/mesos.h"

namespace qctl::stats {

/// What the computation reads: /master/slaves, /master/maintenance/status and (only for
/// `--by framework`) the framework summaries of /master/state-summary.
struct ClusterInput {
  std::vector<model::Agent> agents;
  model::MaintenanceStatus maintenance;
  std::vector<model::Framework> frameworks;
  std::string cluster;  // name for the single group when there is no grouping attribute
};

/// Why an agent does not count as free capacity; kAvailable when it does.
enum class Availability {
  kAvailable,
  kDisconnected,
  kDeactivated,
  kDraining,
  kDrained,
  kMaintenance
};
[[nodiscard]] Availability availability_of(const model::Agent& agent,
                                           const model::MaintenanceStatus& maintenance);
/// "Available", "Disconnected", "Deactivated", "Draining", "Drained", "Maintenance".
[[nodiscard]] const char* availability_name(Availability a);

/// How agents are grouped. kAttribute uses `attribute` ("dc", "@region", "@zone",
/// "hostname"); the fault-domain fields start with '@' as in Marathon constraints.
struct GroupBy {
  enum class Kind { kCluster, kAttribute, kRole, kFramework, kAgent };
  Kind kind = Kind::kCluster;
  std::string attribute;
};

/// The default grouping: the first of the datacenter-like attributes ("dc", "datacenter",
/// "data_center", "datacentre", "region") that any agent carries, else the fault-domain
/// region ("@region") when any agent has one, else the whole cluster.
[[nodiscard]] GroupBy default_group_by(const std::vector<model::Agent>& agents);
/// Parses a --by value: "role", "framework", "agent", "cluster", or an attribute name.
[[nodiscard]] GroupBy parse_group_by(const std::string& text);
/// The inverse of parse_group_by: "dc", "@region", "role", … or "cluster", what the grouping
/// is called in output and in the history.
[[nodiscard]] std::string group_by_name(const GroupBy& by);
/// True when some agent carries the attribute (or "@region"/"@zone"/"hostname").
[[nodiscard]] bool has_attribute(const std::vector<model::Agent>& agents, const std::string& name);
/// The group of the agents that lack the grouping's field (sorted last).
inline const std::string kNoGroup = "<none>";
/// The group an agent falls in for an attribute grouping; kNoGroup when it lacks the field.
[[nodiscard]] std::string group_of(const model::Agent& agent, const GroupBy& by,
                                   const std::string& cluster);

/// One resource (cpus, mem, disk, gpus, ports) summed over a group. mem and disk in MB,
/// ports as a count of port numbers. Mesos' 3-decimal rounding applied to every figure.
struct ResourceTotals {
  double total = 0;                // every registered agent, available or not (as master/<r>_total)
  double allocated = 0;            // used_resources: tasks and executors, non-revocable
  double reserved = 0;             // reserved_resources, static + dynamic, every role
  double reserved_dynamic = 0;     // the dynamically reserved part (from reserved_resources_full)
  double offered = 0;              // offered_resources (a part of the unallocated capacity)
  double free = 0;                 // total - allocated, on available agents only
  double unavailable = 0;          // total - allocated on agents that are not available
  double revocable_allocated = 0;  // <r>_revocable in used_resources (not part of `allocated`)
  /// allocated / total in [0, 1]; 0 when total is 0 (Mesos' master/<r>_percent).
  [[nodiscard]] double fraction() const;
};

/// Reservation and use of one role inside a group.
struct RoleTotals {
  std::string role;
  std::map<std::string, ResourceTotals> resources;  // "cpus", "mem", "disk", "gpus", "ports"
};

/// Totals of one group. Resource names are "cpus", "mem", "disk", "gpus", "ports".
struct GroupTotals {
  std::string group;
  std::int64_t agents = 0;       // registered agents in the group
  std::int64_t available = 0;    // of which count as free capacity
  std::int64_t unavailable = 0;  // disconnected, deactivated, draining, drained, maintenance
  std::map<std::string, ResourceTotals> resources;
  /// Per reservation role ("*" = unreserved): `reserved`/`reserved_dynamic` as above,
  /// `allocated` = used resources of that reservation, `free` = reserved - used there
  /// (available agents only), `total` = the role's reservation (or unreserved) amount.
  std::vector<RoleTotals> roles;

  [[nodiscard]] const ResourceTotals& resource(const std::string& name) const;
};

/// The resource names in display order: cpus, mem, disk, gpus, ports.
[[nodiscard]] const std::vector<std::string>& resource_names();

/// Per-group totals, groups sorted by name ("<none>" last). kRole: one group per reservation
/// role ("*" = unreserved) with that role's reservation as total and what is used of it as
/// allocated. kFramework: one group per framework with its allocated and offered resources
/// (total = the cluster's, so fraction() is its share). kAgent: one group per agent
/// (named by hostname). An empty cluster gives no groups.
[[nodiscard]] std::vector<GroupTotals> group_totals(const ClusterInput& input, const GroupBy& by);

/// The whole cluster as one group named `input.cluster` (or "cluster").
[[nodiscard]] GroupTotals cluster_totals(const ClusterInput& input);

/// One agent's load, for the most/least loaded lists and the board.
struct AgentLoad {
  std::string id;
  std::string hostname;
  std::string group;
  Availability availability = Availability::kAvailable;
  double cpus = 0;  // allocated fraction of the agent's cpus, [0, 1]
  double mem = 0;
  double disk = 0;
  double cpus_used = 0, cpus_total = 0;  // absolute figures behind `cpus` and `mem`
  double mem_used = 0, mem_total = 0;
  /// max(cpus, mem): what decides whether another typical task lands there.
  [[nodiscard]] double load() const;
};

/// Every agent's load, in input order, with its group under `by` (attribute or cluster).
[[nodiscard]] std::vector<AgentLoad> agent_loads(const ClusterInput& input, const GroupBy& by);

/// The `n` most and least loaded available agents (ties by hostname).
struct LoadExtremes {
  std::vector<AgentLoad> most;
  std::vector<AgentLoad> least;
};
[[nodiscard]] LoadExtremes load_extremes(const std::vector<AgentLoad>& loads, std::size_t n);

/// The agents that are not available, with the reason, sorted by group then hostname.
[[nodiscard]] std::vector<AgentLoad> unavailable_agents(const std::vector<AgentLoad>& loads);

}  // namespace qctl::stats
