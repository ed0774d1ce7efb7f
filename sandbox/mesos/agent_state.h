// Bodies of the agent's endpoints: /state, /containers, /monitor/statistics, metrics.
#pragma once

#include <string>
#include <vector>

#include "sandbox/http/message.h"
#include "sandbox/mesos/json_writer.h"
#include "sandbox/mesos/mesos_api.h"

namespace qctl::sandbox::mesos {

/// Everything an agent handler renders from (World lock held by the caller).
struct AgentContext {
  World& world;
  const SimAgent& agent;
  const MesosOptions& options;
};

/// Live tasks on the agent, each run by its own command executor.
[[nodiscard]] std::vector<const SimTask*> live_tasks(const AgentContext& ctx);
/// "Command Executor (Task: <id>) (Command: sh -c '<first 12 chars>...')" as
/// Slave::getExecutorInfo names it.
[[nodiscard]] std::string executor_name(const TaskSpec& spec);
/// Task resources plus the command executor's allowance (Executor::allocatedResources).
[[nodiscard]] model::Resources executor_resources(const SimTask& task);

/// GET /slave(1)/state.
[[nodiscard]] std::string render_agent_state(const AgentContext& ctx);
/// GET /slave(1)/containers, optionally one container.
[[nodiscard]] std::string render_containers(const AgentContext& ctx,
                                            const std::string& container_id);
/// GET /slave(1)/monitor/statistics.
[[nodiscard]] std::string render_statistics(const AgentContext& ctx);
/// GET /metrics/snapshot on an agent (slave/* and system/* gauges).
[[nodiscard]] std::string render_agent_metrics(const AgentContext& ctx);

}  // namespace qctl::sandbox::mesos
