// Where a task lives and what it sees: sandbox paths, environment, Docker names, exit wording.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sandbox/world/world.h"

namespace qctl::sandbox::runtime {

/// The agent's run directory for one container, as src/slave/paths.cpp lays it out:
/// <root>/slaves/<agent>/frameworks/<framework>/executors/<executor>/runs/<container>.
[[nodiscard]] std::string sandbox_path(const std::string& root, const SimTask& task);

/// The agent --work_dir a task's sandbox lives under: the agent's own work_dir when set,
/// else `fallback` (the runner's work_dir).
[[nodiscard]] std::string agent_root(const SimAgent& agent, const std::string& fallback);

/// Mesos PATH default when the task sets none (stout's os::host_default_path()).
inline constexpr const char* kHostDefaultPath =
    "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// The task's environment as the command executor hands it to the task: the agent's
/// executor environment (slave.cpp executorEnvironment + MESOS_SANDBOX), overridden by
/// the framework's CommandInfo environment, then MESOS_ALLOCATION_ROLE (executor.cpp);
/// Docker tasks also get MESOS_CONTAINER_NAME (docker.cpp). PATH defaults like
/// mesos-containerizer launch does.
[[nodiscard]] std::map<std::string, std::string> task_environment(const SimTask& task,
                                                                  const SimAgent& agent,
                                                                  const std::string& sandbox);

/// True for agent versions 0.23 up to 1.3 inclusive, which name Docker containers
/// mesos-<agentId>.<containerId> (docker.hpp Container::name, reference §4).
[[nodiscard]] bool uses_agent_docker_names(const std::string& version);

/// Docker-style names of a task's container: "mesos-<containerId>" first, plus
/// "mesos-<agentId>.<containerId>" on agents that name containers that way.
[[nodiscard]] std::vector<std::string> docker_names(const SimTask& task, const SimAgent& agent);

/// Mesos' WSTRINGIFY: "exited with status 3", "terminated with signal Terminated".
[[nodiscard]] std::string describe_wait_status(int wait_status);

/// True when the framework registered with TASK_KILLING_STATE (Marathon does), so the
/// executor sends TASK_KILLING before TASK_KILLED. Lock held.
[[nodiscard]] bool sends_killing_state(const World& world, const std::string& framework_id);

}  // namespace qctl::sandbox::runtime
