// Starting one task's command in its agent-style sandbox, and describing its health check.
#pragma once

#include "sandbox/runtime/spawn.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox::runtime {

/// A started task: its process and, when it declares one, its health-check process spec.
struct TaskProcess {
  Child child;
  SpawnSpec check;  // empty argv when the task has no health check
};

/// Creates task.sandbox_dir (plus the agent's runs/latest link) with `stdout` and
/// `stderr`, and starts the command there with the Mesos environment: `/bin/sh -c
/// <command>` for shell commands, else the executable with TaskSpec::args as the whole
/// argv (CommandInfo.arguments, argv[0] included; {command} when empty). With
/// `namespaces` it gets its own PID/mount/UTS/IPC namespaces named after the agent's
/// hostname. Throws std::system_error (or std::filesystem::filesystem_error).
[[nodiscard]] TaskProcess start_task(const SimTask& task, const SimAgent& agent, bool namespaces);

}  // namespace qctl::sandbox::runtime
