// Many Chronos requests at once over reused connections, N in flight, stoppable between
// requests: the upserts and run-now triggers of `qctl job submit`.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/chronos/client.h"
#include "core/chronos/job_plan.h"

namespace qctl::chronos {

/// What became of one request of a batch.
struct BatchOutcome {
  enum class State { kNotSent, kOk, kFailed };
  State state = State::kNotSent;
  std::string error;  // "HTTP 503: …", "connection refused", "parent x was not submitted"
};

struct BatchOptions {
  std::size_t parallel = 8;
  /// Asked before each request starts; true stops sending (requests in flight finish, the
  /// rest stay kNotSent).
  std::function<bool()> stop;
  /// Called once per job as its outcome is known (in job order within a group).
  std::function<void(std::size_t index, const BatchOutcome&)> on_result;
};

/// POSTs each job whose `send[i]` is true to {prefix}/iso8601 or {prefix}/dependency, wave by
/// wave, so a child goes only after its parents in the batch succeeded (else it fails with
/// "parent … was not submitted"). Jobs not to send keep kOk without a request. Chronos' error
/// text per failed job; never throws for one job's failure.
[[nodiscard]] std::vector<BatchOutcome> upsert_jobs(Client& client,
                                                    const std::vector<PlannedJob>& jobs,
                                                    const std::vector<bool>& send,
                                                    const BatchOptions& opts);

/// PUT {prefix}/job/{name} (run now) for each name.
[[nodiscard]] std::vector<BatchOutcome> trigger_jobs(Client& client,
                                                     const std::vector<std::string>& names,
                                                     const BatchOptions& opts);

}  // namespace qctl::chronos
