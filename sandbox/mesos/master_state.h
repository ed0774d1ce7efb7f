// Bodies of the master's read-only endpoints (src/master/readonly_handler.cpp shapes).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "sandbox/mesos/cluster_view.h"
#include "sandbox/mesos/json_writer.h"
#include "sandbox/mesos/mesos_api.h"

namespace qctl::sandbox::mesos {

/// Everything a master handler renders from (World lock held by the caller).
struct MasterContext {
  World& world;
  const Leadership& leadership;
  const MasterNode& self;
  const MesosOptions& options;
};

/// After a failover with `reregister_seconds`: the new leader knows the agents only from its
/// registry (`recovered_slaves`) and knows no tasks until they re-register.
[[nodiscard]] bool recovering(const MasterContext& ctx);
/// An agent this master counts as registered: ClusterView::registered, and not recovering.
[[nodiscard]] bool known_agent(const MasterContext& ctx, const SimAgent& agent);

/// GET /master/state.
[[nodiscard]] std::string render_state(const MasterContext& ctx);
/// GET /master/state-summary.
[[nodiscard]] std::string render_state_summary(const MasterContext& ctx);
/// GET /master/slaves, optionally only `slave_id`.
[[nodiscard]] std::string render_slaves(const MasterContext& ctx,
                                        const std::optional<std::string>& slave_id);
/// GET /master/frameworks, optionally only `framework_id`.
[[nodiscard]] std::string render_frameworks(const MasterContext& ctx,
                                            const std::optional<std::string>& framework_id);

/// /master/tasks query as ReadOnlyHandler::tasks parses it.
struct TasksQuery {
  std::size_t limit = 100;  // TASK_LIMIT; "-1" wraps to SIZE_MAX
  std::size_t offset = 0;
  bool ascending = false;
  std::optional<std::string> framework_id;
  std::optional<std::string> task_id;
};
/// GET /master/tasks.
[[nodiscard]] std::string render_tasks(const MasterContext& ctx, const TasksQuery& query);
/// GET /master/roles.
[[nodiscard]] std::string render_roles(const MasterContext& ctx);

/// The agent object of §2.1 (`full` adds the *_full arrays of /slaves).
void write_agent(JsonWriter& w, World& world, const SimAgent& agent, bool full);
/// The same fields without the enclosing braces (state-summary appends its counts).
void write_agent_fields(JsonWriter& w, World& world, const SimAgent& agent, bool full);
/// The framework summary fields (state-summary and the start of the full object).
void write_framework_summary(JsonWriter& w, const SimFramework& fw, const FrameworkTasks& tasks);
/// The full framework object of /state and /frameworks.
void write_framework_full(JsonWriter& w, const SimFramework& fw, const FrameworkTasks& tasks);

}  // namespace qctl::sandbox::mesos
