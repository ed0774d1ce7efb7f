// Whether a queued Chronos job has room anywhere right now: a job that no agent can take
// waits however long the queue is, and `queue list` says so in BLOCKED BY.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cmd/context.h"
#include "core/model/chronos.h"

namespace qctl::cmd {

struct RoomCheck {
  /// Job name -> "no agent has room now: InsufficientCpus (3 agents)", for the jobs that fit
  /// on no available agent; jobs with room are left out.
  std::map<std::string, std::string> blocked;
  std::string warning;  // Mesos could not be read: "" when it could (or is not configured)
};

/// Simulates one instance of each job on the available agents (/master/slaves and
/// maintenance, the placement engine `stats fit` uses, Chronos' defaults and constraints).
/// Reads Mesos only when it is configured and `jobs` is not empty.
[[nodiscard]] RoomCheck check_room(const std::vector<const model::Job*>& jobs, Context& ctx);

}  // namespace qctl::cmd
