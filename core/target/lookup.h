// Target lookup against a live cluster: reads the master, resolves, picks one task, and
// finds its container on the agent (container id, Docker name, executor pid).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/target/resolve.h"

namespace qctl::mesos {
class MasterClient;
class AgentClient;
}  // namespace qctl::mesos

namespace qctl::target {

/// GET /master/frameworks and /master/slaves on the leader. Throws like MasterClient.
[[nodiscard]] Inventory fetch_inventory(mesos::MasterClient& master);

/// fetch_inventory + resolve.
[[nodiscard]] Resolution resolve_target(const std::string& target, mesos::MasterClient& master,
                                        const ResolveOptions& options = {});

/// The error for a target without a running match: NotFoundError saying the latest task is
/// not running, or naming the closest names.
[[noreturn]] void throw_not_found(const std::string& target, const Resolution& res);

/// How to narrow several matches down to one.
struct Pick {
  int index = 0;     // 1-based position in Resolution::tasks; 0 = not given
  std::string host;  // agent hostname (or agent id); "" = not given
};

/// Applies `pick.host` then `pick.index` to `res.tasks`. Throws NotFoundError (exit 3) when
/// nothing matched (naming the closest names, or saying the task is not running) and
/// UsageError (exit 2) when --index is out of range or --host matches no task. Returns the
/// remaining tasks (one, or several the caller must still choose between).
std::vector<TargetTask> narrow(const std::string& target, const Resolution& res, const Pick& pick);

/// The error for several matches without a way to choose: UsageError listing them
/// (`describe_matches`) in the message's continuation, with a --index/--host hint.
[[noreturn]] void throw_ambiguous(const std::string& target, const std::vector<TargetTask>& tasks,
                                  double now);

/// One line per task: "  1  <task id>  <host>  <age>  <health>" (what the picker shows).
[[nodiscard]] std::vector<std::string> describe_matches(const std::vector<TargetTask>& tasks,
                                                        double now);

/// Where a task's processes live on its agent.
struct ContainerLocation {
  bool docker = false;
  std::string container_id;
  /// The Docker name the Docker containerizer gave it: "mesos-<containerId>" (Mesos 1.4+),
  /// "mesos-<agentId>.<containerId>" (0.23–1.3). Docker tasks only.
  std::string docker_name;
  /// Host pid of the executor (Mesos containerizer, from the agent's /containers).
  std::optional<std::int64_t> executor_pid;
};

/// The executor in the agent's /state that runs `task`: one listing the task, or with the
/// task's executor id in its framework; a live one first. `include_completed` also looks at
/// completed executors and each executor's completed tasks (a finished task's sandbox).
/// nullptr when there is none.
[[nodiscard]] const model::AgentExecutor* find_executor(const model::AgentState& state,
                                                        const TargetTask& task,
                                                        bool include_completed);

/// The Docker container name for `container_id` on an agent of `agent_version`.
[[nodiscard]] std::string docker_name(const std::string& agent_version, const std::string& agent_id,
                                      const std::string& container_id);

/// Finds `task`'s container: the id from the task status, else from the agent's /state
/// executors; the executor pid from the agent's /containers for non-Docker tasks. Throws
/// NotFoundError when the agent does not know the container, ApiError when an id from the
/// API is not a safe token (letters, digits, '-', '_', '.').
[[nodiscard]] ContainerLocation locate_container(const TargetTask& task,
                                                 mesos::AgentClient& agents);

/// True for ids safe to pass to a remote shell unquoted: [A-Za-z0-9._-]+, not starting
/// with '-'. (qctl quotes anyway; this rejects what no real Mesos would produce.)
[[nodiscard]] bool is_safe_id(const std::string& id);

}  // namespace qctl::target
