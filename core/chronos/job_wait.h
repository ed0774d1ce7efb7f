// Waiting for jobs' runs to finish: a run is over when Chronos counts it, successCount or
// errorCount growing past what the job had when it was submitted (errorCount only grows once
// the retries are spent).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/chronos/client.h"
#include "core/clock.h"

namespace qctl::chronos {

struct WaitTarget {
  std::string name;
  std::int64_t success_base = 0;
  std::int64_t error_base = 0;
};

enum class RunState { kPending, kSucceeded, kFailed, kGone };

/// "running" while pending, then "succeeded", "failed" or "deleted".
[[nodiscard]] const char* run_state_word(RunState state);

/// The state of the run awaited for `target` given the job as the server has it now.
[[nodiscard]] RunState run_state(const WaitTarget& target, const model::Job& now);

/// Where a wait stands, for a progress line.
struct WaitProgress {
  std::size_t succeeded = 0;
  std::size_t failed = 0;
  std::size_t pending = 0;
  std::string first_pending;        // a job still awaited
  std::string first_pending_state;  // its jobs/summary state: queued, running, idle, …
  double elapsed_seconds = 0;
};

struct WaitOptions {
  std::chrono::milliseconds timeout{std::chrono::minutes(10)};
  std::chrono::milliseconds interval{200};
  std::function<bool()> stop;                         // true ends the wait early
  std::function<void(const WaitProgress&)> progress;  // after each poll; asks jobs/summary too
};

/// Polls GET {prefix}/jobs until every target's run is over, `timeout` passes or `stop()`;
/// returns each target's state (kPending for those still running). Throws what the client
/// throws when the server cannot be asked.
[[nodiscard]] std::vector<RunState> wait_for_runs(Client& client, Clock& clock,
                                                  const std::vector<WaitTarget>& targets,
                                                  const WaitOptions& opts);

}  // namespace qctl::chronos
