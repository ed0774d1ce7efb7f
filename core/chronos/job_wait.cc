#include "core/chronos/job_wait.h"

#include <unordered_map>

namespace qctl::chronos {

namespace {

WaitProgress progress_of(Client& client, const std::vector<WaitTarget>& targets,
                         const std::vector<RunState>& states) {
  WaitProgress p;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (states[i] == RunState::kSucceeded) {
      ++p.succeeded;
    } else if (states[i] == RunState::kPending) {
      if (p.pending++ == 0) {
        p.first_pending = targets[i].name;
      }
    } else {
      ++p.failed;
    }
  }
  if (!p.first_pending.empty()) {
    for (const auto& s : client.summary()) {
      if (s.name == p.first_pending) {
        p.first_pending_state = s.state;
      }
    }
  }
  return p;
}

}  // namespace

const char* run_state_word(RunState state) {
  switch (state) {
    case RunState::kPending:
      return "running";
    case RunState::kSucceeded:
      return "succeeded";
    case RunState::kFailed:
      return "failed";
    case RunState::kGone:
      return "deleted";
  }
  return "";
}

RunState run_state(const WaitTarget& target, const model::Job& now) {
  const bool succeeded = now.success_count > target.success_base;
  const bool failed = now.error_count > target.error_base;
  if (succeeded && failed) {
    // Both moved between two polls: the later timestamp is the run's end.
    return now.last_error > now.last_success ? RunState::kFailed : RunState::kSucceeded;
  }
  if (failed) {
    return RunState::kFailed;
  }
  return succeeded ? RunState::kSucceeded : RunState::kPending;
}

std::vector<RunState> wait_for_runs(Client& client, Clock& clock,
                                    const std::vector<WaitTarget>& targets,
                                    const WaitOptions& opts) {
  std::vector<RunState> states(targets.size(), RunState::kPending);
  const double start = clock.now();
  const double limit = start + std::chrono::duration<double>(opts.timeout).count();
  while (true) {
    std::unordered_map<std::string, model::Job> jobs;
    for (auto& job : client.jobs()) {
      std::string name = job.name;
      jobs.emplace(std::move(name), std::move(job));
    }
    std::size_t pending = 0;
    for (std::size_t i = 0; i < targets.size(); ++i) {
      if (states[i] != RunState::kPending) {
        continue;
      }
      const auto it = jobs.find(targets[i].name);
      states[i] = it == jobs.end() ? RunState::kGone : run_state(targets[i], it->second);
      pending += states[i] == RunState::kPending ? 1 : 0;
    }
    if (opts.progress) {
      auto p = progress_of(client, targets, states);
      p.elapsed_seconds = clock.now() - start;
      opts.progress(p);
    }
    if (pending == 0 || clock.now() >= limit || (opts.stop && opts.stop())) {
      return states;
    }
    clock.sleep_for(opts.interval);
  }
}

}  // namespace qctl::chronos
