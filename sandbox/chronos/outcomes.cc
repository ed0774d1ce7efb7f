// What a finished or failed Chronos task changes: counts, timestamps, retries, dependents,
// exhausted schedules (JobScheduler.handleFinishedTask / handleFailedTask).
#include "sandbox/chronos/iso_time.h"
#include "sandbox/chronos/schedule.h"
#include "sandbox/chronos/state.h"

namespace qctl::sandbox::chronos {

namespace {

void mark_successful(Job& job, double now) {
  job.success_count += 1;
  job.errors_since_last_success = 0;
  job.last_success = utc_string(now);
}

// The last run succeeded: both timestamps set and the success not older than the error.
bool had_recent_success(const Job& job) {
  if (job.last_error.empty() || job.last_success.empty()) {
    return false;
  }
  auto success = parse_datetime(job.last_success);
  auto error = parse_datetime(job.last_error);
  return success && error && success->ms >= error->ms;
}

}  // namespace

void ChronosState::finished(const TaskId& id) {
  Job* job = lookup(id.job);
  if (job == nullptr) {
    return;
  }
  stats_.record_time(id.job, now_ms() - id.due_ms);
  stats_.count(id.job, true);
  const auto it = running_.find(id.job);
  stats_.set_state(id.job, "idle", it == running_.end() ? 0 : static_cast<int>(it->second.size()));
  mark_successful(*job, world_.now());
  process_dependencies(id.job);
  if (!job->dependent) {
    auto s = parse_schedule(job->schedule, job->schedule_time_zone, world_.now());
    if (s && s->repeat == 0) {
      job->disabled = true;  // "has exhausted all of its recurrences and has been disabled"
    }
  }
}

void ChronosState::failed(const TaskId& id) {
  Job* job = lookup(id.job);
  if (job == nullptr) {
    return;
  }
  const auto it = running_.find(id.job);
  stats_.set_state(id.job, "idle", it == running_.end() ? 0 : static_cast<int>(it->second.size()));
  // Retried only while attempts remain and the job's previous run did not fail too.
  if (id.attempt < job->retries && (job->last_error.empty() || had_recent_success(*job))) {
    const double delay = options_.failure_retry_delay_seconds;
    const auto due = now_ms() + static_cast<std::int64_t>(delay * 1000);
    // The retry's id carries the job's own arguments, not those of a manual run.
    retries_.push_back(
        Retry{world_.now() + delay,
              make_task_id(id.job, due, id.attempt + 1, joined_arguments(job->arguments)),
              job->high_priority});
    return;
  }
  const bool disable =
      kDisableAfterFailures > 0 && job->errors_since_last_success + 1 >= kDisableAfterFailures;
  job->error_count += 1;
  job->errors_since_last_success += 1;
  job->last_error = utc_string(world_.now());
  job->disabled = disable;  // Chronos writes the flag, re-enabling a disabled job
  if (job->soft_error) {
    process_dependencies(id.job);
  }
  stats_.count(id.job, false);
}

void ChronosState::process_dependencies(const std::string& name) {
  for (const std::string& child : executable_children(name)) {
    const Job* c = stored(child);
    if (!c->disabled) {
      enqueue(make_task_id(child, now_ms(), 0, joined_arguments(c->arguments)), c->high_priority);
    }
  }
}

bool ChronosState::mark_success(const std::string& name) {
  Job* job = lookup(name);
  if (job == nullptr) {
    return false;
  }
  stats_.count(name, true);
  mark_successful(*job, world_.now());
  reset_invocations(name);
  process_dependencies(name);
  return true;
}

void ChronosState::kill_tasks(const std::string& name) {
  std::erase_if(planned_, [&](const Planned& p) { return p.job == name; });
  auto it = running_.find(name);
  if (it == running_.end()) {
    return;
  }
  const auto tasks = it->second;  // killing reports back through on_status
  for (const Running& r : tasks) {
    world_.kill(r.task_id);
  }
}

}  // namespace qctl::sandbox::chronos
