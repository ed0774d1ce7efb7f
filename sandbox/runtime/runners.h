// Task runners: real processes (optionally in their own namespaces) or simulated tasks.
#pragma once

#include <memory>
#include <string>

#include "sandbox/world/world.h"

namespace qctl::sandbox::runtime {

enum class Isolation { kAuto, kNamespaces, kNone };  // auto = namespaces when root and available

struct ProcessOptions {
  std::string work_dir;  // agents' work dirs live below it: <work_dir>/<agent id>/…
  Isolation isolation = Isolation::kAuto;
  /// File the Docker-style names are written to, one "mesos-<containerId> <pid>" per line
  /// (and "mesos-<agentId>.<containerId> <pid>" for agents older than 1.4), so a `docker`
  /// stand-in can find a task's process. "" = <work_dir>/docker-names.
  std::string docker_names_file;
  double kill_grace_seconds = 3;  // SIGTERM, then SIGKILL (Mesos' default grace period)
};

/// Starts each task's command with the Mesos/Marathon environment in its sandbox
/// directory; a reaper thread reports exits through World::update (taking the lock).
[[nodiscard]] std::unique_ptr<TaskRunner> make_process_runner(World& world, ProcessOptions options);

/// True when this process may create PID/mount/UTS/IPC namespaces (root + kernel support).
[[nodiscard]] bool namespaces_available();

struct SimulatedOptions {
  double start_seconds = 0.2;  // STAGING → RUNNING delay
  /// Agent --work_dir the (never created) sandbox paths are reported under, for agents
  /// without a work_dir of their own.
  std::string work_dir = "/var/lib/mesos";
};

/// No processes: tasks run for TaskSpec::sim_duration (or until killed).
[[nodiscard]] std::unique_ptr<TaskRunner> make_simulated_runner(World& world,
                                                                SimulatedOptions options);

}  // namespace qctl::sandbox::runtime
