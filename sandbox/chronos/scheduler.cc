// Chronos' scheduling: the main loop (due schedules), offer rounds draining the two queues
// (MesosJobFramework.generateLaunchableTasks) and status handling (JobScheduler.handle*).
#include <algorithm>
#include <cmath>

#include "sandbox/chronos/schedule.h"
#include "sandbox/chronos/state.h"
#include "sandbox/chronos/task_builder.h"

namespace qctl::sandbox::chronos {

namespace {

// Chronos is not partition-aware, so Mesos reports these states to it as TASK_LOST.
std::string as_chronos_sees(const std::string& state) {
  if (state == "TASK_UNREACHABLE" || state == "TASK_GONE" || state == "TASK_GONE_BY_OPERATOR" ||
      state == "TASK_DROPPED" || state == "TASK_UNKNOWN") {
    return "TASK_LOST";
  }
  return state;
}

}  // namespace

ChronosState::ChronosState(World& world, ChronosOptions options)
    : world_(world), options_(std::move(options)), queues_(!options_.v2()) {
  defaults_.api_version = options_.api_version;
  stats_.count_running(!options_.v2());
}

std::int64_t ChronosState::now_ms() const {
  return static_cast<std::int64_t>(std::floor(world_.now() * 1000));
}

void ChronosState::enqueue(const std::string& task_id, bool high_priority) {
  if (!queues_.enqueue(task_id, high_priority)) {
    return;
  }
  if (auto id = parse_task_id(task_id); id && lookup(id->job) != nullptr) {
    stats_.set_state(id->job, "queued");
  }
}

void ChronosState::tick() {
  const double now = world_.now();
  for (const Retry& r : take_due(retries_, [&](const Retry& retry) { return retry.at <= now; })) {
    enqueue(r.task_id, r.high_priority);
  }
  run_due_jobs();
  offer_round();
}

void ChronosState::run_due_jobs() {
  if (options_.v2()) {
    run_due_jobs_v2();
    return;
  }
  // JobScheduler.getJobsToRun/runJobs: every enabled scheduled job whose start has passed
  // and whose repeat count is not 0, earliest start first.
  std::vector<std::pair<std::int64_t, Job*>> due;
  for (const std::string& name : graph()) {
    Job* job = stored(name);
    if (job->dependent || job->disabled) {
      continue;
    }
    const std::optional<Schedule>& s = schedule_of(*job);
    if (s && s->repeat != 0 && s->start.ms < now_ms()) {
      due.emplace_back(s->start.ms, job);
    }
  }
  std::stable_sort(due.begin(), due.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [start, job] : due) {
    enqueue(make_task_id(job->name, now_ms(), 0, joined_arguments(job->arguments)),
            job->high_priority);
  }
}

const std::optional<Schedule>& ChronosState::schedule_of(const Job& job) {
  ParsedSchedule& cached = schedules_[job.name];
  const auto first = job.schedule.find('/');
  const bool now_start = first != std::string::npos && job.schedule.compare(first, 3, "//P") == 0;
  if (now_start || cached.text != job.schedule || cached.zone != job.schedule_time_zone) {
    // An empty start means "now", so it cannot be kept from one tick to the next.
    cached.text = now_start ? std::string() : job.schedule;
    cached.zone = job.schedule_time_zone;
    cached.schedule = parse_schedule(job.schedule, job.schedule_time_zone, world_.now());
  }
  return cached.schedule;
}

std::optional<std::pair<std::string, Job*>> ChronosState::next_task() {
  auto from = [&](bool high) -> std::optional<std::pair<std::string, Job*>> {
    auto task_id = queues_.poll(high);
    if (!task_id) {
      return std::nullopt;
    }
    auto id = parse_task_id(*task_id);
    Job* job = id ? lookup(id->job) : nullptr;
    if (job == nullptr) {
      return std::nullopt;  // the job was deleted while its task waited
    }
    if (job->disabled) {
      stats_.set_state(job->name, "idle");  // JobExpired
      return std::nullopt;
    }
    return std::make_pair(*task_id, job);
  };
  auto next = from(true);
  return next ? next : from(false);
}

void ChronosState::offer_round() {
  if (world_.now() < next_offers_at_) {
    return;
  }
  std::vector<placement::AgentView> views = world_.agent_views();
  std::vector<std::string> picked;
  while (auto next = next_task()) {
    auto& [task_id, job] = *next;
    if (!running_[job->name].empty() && !job->concurrent) {
      continue;  // already running and not concurrent: the task is dropped
    }
    if (std::find(picked.begin(), picked.end(), job->name) != picked.end()) {
      continue;  // one task per job per offer round
    }
    if (launch(task_id, *job, views)) {
      picked.push_back(job->name);
      continue;
    }
    // No room: back to the tail of the queue its job's priority names now, and this round
    // ends (head-of-line blocking until the next offers).
    enqueue(task_id, job->high_priority);
    next_offers_at_ = world_.now() + options_.queue_retry_seconds;
    break;
  }
}

bool ChronosState::launch(const std::string& task_id, Job& job,
                          std::vector<placement::AgentView>& views) {
  const placement::Demand demand = task_demand(job, defaults_, options_.role);
  for (placement::AgentView& view : views) {
    auto where = placement::allocate(view, demand, {});
    if (!where) {
      continue;
    }
    running_[job.name].push_back(Running{task_id, view.id});
    // handleLaunchedTask: a scheduled job's schedule moves past now (Rn becomes Rn-1); 2.x
    // moved it when it planned the task.
    if (!job.dependent && !options_.v2()) {
      if (auto next = skip_forward(job.schedule, job.schedule_time_zone, world_.now())) {
        job.schedule = *next;
      }
    }
    world_.launch(build_task(task_id, job, view.hostname, options_, framework_id_), *where);
    return true;
  }
  return false;
}

void ChronosState::on_status(const SimTask& task) {
  auto id = parse_task_id(task.spec.id);
  if (!id) {
    return;  // "Found old or invalid task, ignoring!"
  }
  const std::string state = as_chronos_sees(task.state);
  if (state == "TASK_RUNNING" || state == "TASK_STAGING" || state == "TASK_STARTING") {
    auto& tasks = running_[id->job];
    if (std::none_of(tasks.begin(), tasks.end(), [&](const Running& r) { return r.task_id == task.spec.id; })) {
      tasks.push_back(Running{task.spec.id, task.agent_id});
    }
    started(task, *id);
    return;
  }
  auto& tasks = running_[id->job];
  std::erase_if(tasks, [&](const Running& r) { return r.task_id == task.spec.id; });
  if (tasks.empty()) {
    running_.erase(id->job);
  }
  const Job* job = lookup(id->job);
  if (state == "TASK_FINISHED" && job != nullptr && job->async) {
    // 2.x async job: the task's end is not the job's (no event, no history); PUT task/{id}
    // reports it later. The state stays "running", but the job may launch again.
    return;
  }
  if (job != nullptr) {
    stats_.record_status(task.spec.id, id->job, task.agent_id, state, now_ms());
  }
  if (state == "TASK_FINISHED") {
    finished(*id);
  } else if (state == "TASK_FAILED" || state == "TASK_LOST") {
    failed(*id);
  } else if (state == "TASK_KILLED") {
    // handleKilledTask: the state changes; no retry, no error counted.
    const auto it = running_.find(id->job);
    stats_.set_state(id->job, "idle", it == running_.end() ? 0 : static_cast<int>(it->second.size()));
  }
  // Any other state (TASK_ERROR) is only logged by Chronos ("Unknown TaskState").
}

void ChronosState::started(const SimTask& task, const TaskId& id) {
  Job* job = lookup(id.job);
  if (job == nullptr) {
    return;
  }
  stats_.set_state(id.job, "running", static_cast<int>(running_[id.job].size()));
  stats_.record_status(task.spec.id, id.job, task.agent_id, task.state, now_ms());
  if (job->dependent) {
    reset_invocations(id.job);
  }
}

}  // namespace qctl::sandbox::chronos
