#include "core/chronos/queue_view.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "core/chronos/next_run.h"
#include "core/error.h"
#include "core/util/duration.h"

namespace qctl::chronos {

namespace {

/// The end of the job's last run as its counters record it.
std::optional<double> last_run(const model::Job& job) {
  const auto success = util::parse_iso8601(job.last_success);
  const auto error = util::parse_iso8601(job.last_error);
  if (success && error) {
    return std::max(*success, *error);
  }
  return success ? success : error;
}

nlohmann::json or_null(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json side_json(bool high, const std::string& state, const std::string& queue) {
  return {{"priority", priority_name(high)}, {"state", state}, {"queue", or_null(queue)}};
}

}  // namespace

JobIndex index_jobs(const std::vector<model::Job>& jobs) {
  JobIndex index;
  index.reserve(jobs.size());
  for (const auto& job : jobs) {
    index.emplace(job.name, &job);
  }
  return index;
}

std::optional<std::pair<double, std::string>> waiting_since(const model::Job& job,
                                                            const JobIndex& jobs, double now) {
  if (!job.is_dependent()) {
    const auto schedule = parse_repeating_schedule(job.schedule, job.schedule_time_zone);
    if (schedule && schedule->start && schedule->repeat != 0 && *schedule->start <= now) {
      return std::make_pair(*schedule->start, std::string("schedule"));
    }
    return std::nullopt;
  }
  // Chronos enqueues a dependent job when a parent succeeds (processDependencies).
  std::optional<std::pair<double, std::string>> best;
  for (const auto& parent_name : job.parents) {
    const auto it = jobs.find(parent_name);
    const auto success =
        it == jobs.end() ? std::nullopt : util::parse_iso8601(it->second->last_success);
    if (success && *success <= now && (!best || *success > best->first)) {
      best = std::make_pair(*success, "parent " + parent_name);
    }
  }
  const auto own = last_run(job);
  if (best && own && *own >= best->first) {
    return std::nullopt;  // that parent's success already ran this job
  }
  return best;
}

std::vector<QueuedJob> queued_jobs(const JobView& view, double now) {
  const JobIndex by_name = index_jobs(view.jobs);
  std::vector<QueuedJob> out;
  for (const auto& summary : view.summaries) {
    if (summary.state != "queued") {
      continue;
    }
    const auto it = by_name.find(summary.name);
    if (it == by_name.end()) {
      continue;  // deleted between the two requests
    }
    QueuedJob q;
    q.job = it->second;
    q.high = q.job->high_priority;
    if (auto since = waiting_since(*q.job, by_name, now)) {
      q.since = since->first;
      q.since_from = std::move(since->second);
    }
    out.push_back(std::move(q));
  }
  std::sort(out.begin(), out.end(), [](const QueuedJob& a, const QueuedJob& b) {
    // Unknown starts sort after known ones within a queue.
    const auto key = [](const QueuedJob& q) {
      return std::make_tuple(!q.high, !q.since.has_value(), q.since.value_or(0.0),
                             std::string_view(q.job->name));
    };
    return key(a) < key(b);
  });
  return out;
}

nlohmann::json to_json(const QueuedJob& queued, double now) {
  const auto& job = *queued.job;
  nlohmann::json since = nullptr;
  nlohmann::json waited = nullptr;
  if (queued.since) {
    since = util::format_utc(*queued.since);
    waited = std::max(0.0, now - *queued.since);
  }
  return {{"name", job.name},
          {"queue", priority_name(queued.high)},
          {"since", since},
          {"waited_seconds", waited},
          {"since_from", or_null(queued.since_from)},
          {"disabled", job.disabled},
          {"cpus", job.cpus},
          {"mem", job.mem},
          {"owner", job.owner}};
}

std::optional<std::string> gauge_mismatch(const std::vector<QueuedJob>& queued,
                                          const QueueGauges& gauges) {
  const auto high = static_cast<double>(
      std::count_if(queued.begin(), queued.end(), [](const QueuedJob& q) { return q.high; }));
  const auto normal = static_cast<double>(queued.size()) - high;
  const auto note = [](double extra, const char* flag, const char* other) {
    const auto n = static_cast<long long>(extra);
    return std::to_string(n) + (n == 1 ? " job" : " jobs") + " listed as " + flag +
           " priority may still wait in the " + other + " queue (/metrics counts fewer " + flag +
           " tasks): the priority changed after the "
           "task was queued, and Chronos moves a task only when it requeues it";
  };
  if (high > gauges.high) {
    return note(high - gauges.high, "high", "normal");
  }
  if (normal > gauges.normal) {
    return note(normal - gauges.normal, "normal", "high");
  }
  return std::nullopt;
}

nlohmann::json to_json(const QueueGauges& gauges) {
  return {{"high", gauges.high}, {"normal", gauges.normal}};
}

model::Job find_job(Client& client, const std::string& name) {
  if (client.prefix() != "/scheduler") {
    return client.job(name);
  }
  for (auto& job : client.jobs()) {
    if (job.name == name) {
      return std::move(job);
    }
  }
  throw NotFoundError("chronos " + client.endpoints().current(), "job '" + name + "' not found");
}

std::map<std::string, std::string> current_states(Client& client) {
  std::map<std::string, std::string> out;
  if (client.prefix() == "/scheduler") {  // 2.x has no jobs/summary: the graph's states
    for (const auto& node : client.graph().nodes) {
      out[node.name] = node.current_state.empty() ? "idle" : node.current_state;
    }
    return out;
  }
  for (const auto& summary : client.summary()) {
    out[summary.name] = summary.state.empty() ? "idle" : summary.state;
  }
  return out;
}

std::string current_state(Client& client, const std::string& name) {
  const auto states = current_states(client);
  const auto it = states.find(name);
  return it == states.end() ? "idle" : it->second;
}

std::string queue_before(const PriorityChange& change) {
  return change.state_before == "queued" ? priority_name(change.high_before) : "";
}

std::string queue_after(const PriorityChange& change) {
  if (change.state_after != "queued") {
    return "";
  }
  if (change.state_before == "queued" && !(change.v2 && change.triggered)) {
    return queue_before(change);
  }
  return priority_name(change.high_after);
}

std::vector<std::string> priority_notes(const PriorityChange& change) {
  std::vector<std::string> notes;
  const std::string to = priority_name(change.high_after);
  if (!change.changed()) {
    notes.push_back("job " + change.name + " already has " + to + " priority: not resubmitted");
  }
  if (change.triggered && change.v2 && change.state_before == "queued") {
    notes.push_back("Chronos 2.x queues the trigger in the " + to +
                    " queue beside the task already waiting; the first of the two to come up "
                    "launches and the other is dropped in that offer round");
  }
  if (change.changed() && change.state_before == "queued" && !(change.triggered && change.v2)) {
    const std::string from = priority_name(change.high_before);
    notes.push_back("the task already waiting in the " + from +
                    " queue stays there: Chronos "
                    "moves it to the " +
                    to +
                    " queue only if an offer round finds no room for "
                    "it and requeues it; no API reorders a queue");
  }
  if (running_count(change.state_before) > 0) {
    notes.push_back("the running task is not affected: Chronos has no preemption; the " + to +
                    " priority applies to the job's next run");
  }
  if (change.changed() && change.state_before == "idle" && !change.triggered) {
    notes.push_back("the job's next run (schedule, parent, retry or trigger) waits in the " + to +
                    " queue");
  }
  if (change.triggered) {
    notes.emplace_back(change.high_after
                           ? "triggered: the task waits in the high queue, which Chronos drains "
                             "before the normal one; nothing running is preempted"
                           : "triggered: the task waits in the normal queue, behind every high "
                             "priority task");
  }
  if (change.ignored) {
    notes.push_back("--run not sent: " + change.ignored->message + " (" + change.ignored->hint +
                    ")");
  }
  return notes;
}

nlohmann::json to_json(const PriorityChange& change) {
  return {{"name", change.name},
          {"changed", change.changed()},
          {"dry_run", change.dry_run},
          {"run_requested", change.run_requested},
          {"triggered", change.triggered},
          {"trigger_ignored",
           change.ignored ? nlohmann::json(change.ignored->message) : nlohmann::json(nullptr)},
          {"before", side_json(change.high_before, change.state_before, queue_before(change))},
          {"after", side_json(change.high_after, change.state_after, queue_after(change))},
          {"notes", priority_notes(change)}};
}

}  // namespace qctl::chronos
