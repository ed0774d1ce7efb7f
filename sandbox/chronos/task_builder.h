// Turns a queued Chronos task into what the master launches (MesosTaskBuilder).
#pragma once

#include <string>

#include "core/placement/placement.h"
#include "sandbox/chronos/chronos.h"
#include "sandbox/chronos/job.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox::chronos {

/// What the job asks for: cpus/mem/disk (the --mesos_task_* defaults where the job has 0),
/// its constraints in Chronos' dialect, the framework role or unreserved resources.
[[nodiscard]] placement::Demand task_demand(const Job& job, const JobDefaults& defaults,
                                            const std::string& role);

/// The TaskSpec for one task: id as queued, name "ChronosTask:<job>", the command (with the
/// task id's arguments appended, as Chronos does), shell flag, argv, Chronos' environment
/// (mesos_task_id, CHRONOS_JOB_NAME, …; the job's own variables never override those), the
/// container, and the simulated run time.
[[nodiscard]] TaskSpec build_task(const std::string& task_id, const Job& job,
                                  const std::string& hostname, const ChronosOptions& options,
                                  const std::string& framework_id);

/// The simulated-mode failure rule: the command list run as sh would, with every command
/// other than `false` (/bin/false, /usr/bin/false) and `exit [N]` succeeding: lists joined by
/// ';', newlines, '&', '&&' and '||' (outside quotes), a pipeline's last command. So
/// `echo importing; exit 3` and `a && false` fail, `false || true` succeeds.
[[nodiscard]] bool plainly_fails(const std::string& command);

}  // namespace qctl::sandbox::chronos
