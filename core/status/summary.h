// Pure summaries behind `qctl status`: agent states, resource totals, task and app counts.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/model/chronos.h"
#include "core/model/marathon.h"
#include "core/model/mesos.h"

namespace qctl::status {

/// Why an agent is (not) schedulable, as the STATUS column spells it.
enum class AgentCondition { kReady, kDisconnected, kDeactivated, kDraining, kDrained };

[[nodiscard]] AgentCondition condition_of(const model::Agent& agent);
[[nodiscard]] const char* condition_name(AgentCondition c);

/// True when the machine (hostname, case-insensitive, or IP) is listed as draining or down.
[[nodiscard]] bool in_maintenance(const model::Agent& agent, const model::MaintenanceStatus& m);

/// "Ready", "Deactivated", "Draining,Maintenance", …
[[nodiscard]] std::string status_text(const model::Agent& agent,
                                      const model::MaintenanceStatus& maintenance);

struct AgentCounts {
  std::int64_t total = 0;  // registered
  std::int64_t ready = 0;  // active, not deactivated, not draining
  std::int64_t disconnected = 0;
  std::int64_t deactivated = 0;
  std::int64_t draining = 0;
  std::int64_t drained = 0;
  std::int64_t maintenance = 0;  // machines in a maintenance window (draining or down)
  std::int64_t recovered = 0;    // known from the registry, not re-registered yet
  std::int64_t unreachable = 0;
};

[[nodiscard]] AgentCounts count_agents(const std::vector<model::Agent>& agents,
                                       const model::MaintenanceStatus& maintenance);

struct ResourceLine {
  std::string name;  // cpus, mem, disk, gpus
  double total = 0;
  double allocated = 0;
  double reserved = 0;
  double free = 0;  // unallocated on agents that can receive offers (ready, not in maintenance)
};

/// cpus, mem, disk, gpus over registered agents; values rounded to Mesos' 3 decimals.
[[nodiscard]] std::vector<ResourceLine> summarize_resources(
    const std::vector<model::Agent>& agents, const model::MaintenanceStatus& maintenance);

/// TASK_* -> count over the frameworks' state-summary counts (zero counts dropped).
[[nodiscard]] std::map<std::string, std::int64_t> tasks_by_state(
    const std::vector<model::Framework>& frameworks);

/// The counts in lifecycle order (staging, starting, running, killing, then the terminal and
/// unknown states), for display.
[[nodiscard]] std::vector<std::pair<std::string, std::int64_t>> ordered_task_states(
    const std::map<std::string, std::int64_t>& counts);

/// Active (non-terminal) tasks of one agent from its state-summary counts.
[[nodiscard]] std::int64_t active_tasks(const model::Agent& agent);

struct AppAttention {
  std::string id;
  std::int64_t running = 0;
  std::int64_t instances = 0;
  std::int64_t unhealthy = 0;
  bool deploying = false;
};

struct MarathonSummary {
  std::int64_t apps = 0;
  std::int64_t deployments = 0;
  std::int64_t tasks_running = 0;
  std::vector<AppAttention> attention;  // under their instance count or unhealthy
};

[[nodiscard]] MarathonSummary summarize_marathon(const std::vector<model::App>& apps,
                                                 const std::vector<model::Deployment>& deps);

struct ChronosSummary {
  std::int64_t jobs = 0;
  std::int64_t queued = 0;
  std::int64_t running = 0;  // jobs in "running" or "N running"
  std::int64_t disabled = 0;
  std::vector<std::string> failed;  // last run failed
};

[[nodiscard]] ChronosSummary summarize_chronos(const std::vector<model::JobSummary>& jobs);

}  // namespace qctl::status
