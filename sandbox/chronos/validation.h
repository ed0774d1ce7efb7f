// The checks Chronos makes before it stores a new job, with its own messages.
#pragma once

#include <optional>
#include <string>

#include "sandbox/chronos/job.h"

namespace qctl::sandbox::chronos {

struct JobError {
  bool require = false;  // a failed require(...) (400 with a stack trace) vs a plain message
  bool server = false;   // a plain Exception: 500
  std::string message;
};

/// Iso8601JobResource / DependentJobResource for a job not yet in the graph: the name, then
/// (scheduled) the schedule, the 1970 limit (3.x) and uris+fetch, or (dependent) a non-empty
/// parent list. nullopt when Chronos accepts it.
[[nodiscard]] std::optional<JobError> new_job_error(const Job& job, double now, int api_version);

}  // namespace qctl::sandbox::chronos
