// What waits in Chronos' two queues, as far as its API tells, and what a priority change does
// to a job's place in them: the core of `qctl queue list` and `qctl queue priority`.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/chronos/client.h"
#include "core/chronos/job_status.h"
#include "core/chronos/run_check.h"
#include "core/model/chronos.h"

namespace qctl::chronos {

/// One job whose summary state is `queued`. Chronos has no API listing its queues, so the
/// queue is the job's current highPriority (the flag its task was enqueued with, unless it
/// changed since) and the waiting start is an estimate.
struct QueuedJob {
  const model::Job* job = nullptr;  // into the JobView the list was built from
  bool high = false;
  std::optional<double> since;  // epoch seconds; nullopt when nothing tells
  std::string since_from;       // "schedule" | "parent <name>" | ""
};

/// Jobs by name (pointing into a JobView).
using JobIndex = std::unordered_map<std::string_view, const model::Job*>;
[[nodiscard]] JobIndex index_jobs(const std::vector<model::Job>& jobs);

/// When a queued job's task was most likely enqueued: a scheduled job whose start has
/// passed was enqueued by the main loop at that start (Chronos moves the start past now on
/// every launch); a dependent job when its latest parent succeeded after the job's own last
/// run. nullopt otherwise (a manual trigger leaves no trace in the API).
[[nodiscard]] std::optional<std::pair<double, std::string>> waiting_since(const model::Job& job,
                                                                          const JobIndex& jobs,
                                                                          double now);

/// The jobs in state `queued`: the high queue first, then the normal one; in each the
/// longest waiting first (unknown starts last), then by name.
[[nodiscard]] std::vector<QueuedJob> queued_jobs(const JobView& view, double now);

/// {"name","queue" (high|normal),"since" (ISO 8601 UTC|null),"waited_seconds" (number|null),
///  "since_from" (schedule|"parent NAME"|null),"disabled","cpus","mem","owner"}
[[nodiscard]] nlohmann::json to_json(const QueuedJob& queued, double now);

/// When more listed jobs carry a queue's flag than that queue's gauge counts, some of them
/// changed priority after their task was queued and may still wait in the other queue (Chronos
/// moves a task only when it requeues it): a note saying so; nullopt when the counts agree.
/// `queued` must be the whole list (not filtered).
[[nodiscard]] std::optional<std::string> gauge_mismatch(const std::vector<QueuedJob>& queued,
                                                        const QueueGauges& gauges);

/// {"high": n, "normal": n}
[[nodiscard]] nlohmann::json to_json(const QueueGauges& gauges);

/// One job by name: GET {prefix}/job/{name} on 3.x; Chronos 2.x has no such endpoint (405),
/// so there the job comes from GET {prefix}/jobs. NotFoundError (exit 3) for an unknown job.
[[nodiscard]] model::Job find_job(Client& client, const std::string& name);

/// The current summary state of one job (idle | queued | running | "N running"): from
/// jobs/summary on 3.x, graph/csv on 2.x; "idle" when the job is absent from it (as Chronos
/// defaults it). Throws as the client does.
[[nodiscard]] std::string current_state(Client& client, const std::string& name);
/// Every job's current state in one read ("idle" for a job missing from it).
[[nodiscard]] std::map<std::string, std::string> current_states(Client& client);

/// A `queue priority` change, before and after, for the notes and the output.
struct PriorityChange {
  std::string name;
  bool high_before = false;
  bool high_after = false;
  std::string state_before;  // summary states
  std::string state_after;
  bool run_requested = false;             // --run
  bool triggered = false;                 // PUT job/{name} was sent
  std::optional<IgnoredTrigger> ignored;  // --run not sent: Chronos would drop it
  bool dry_run = false;
  bool v2 = false;  // Chronos 2.x: no queue dedup, a trigger of a queued job is queued too

  [[nodiscard]] bool changed() const { return high_before != high_after; }
};

/// The queue a job's task waits in before the change ("high", "normal"; "" when the job is
/// not queued).
[[nodiscard]] std::string queue_before(const PriorityChange& change);
/// After the change: a task queued before stays in its queue (Chronos moves a task only when
/// it requeues it); a newly queued task goes to the job's new queue (on 2.x also beside a
/// waiting one, and a high copy comes up first); "" when not queued.
[[nodiscard]] std::string queue_after(const PriorityChange& change);

/// What real Chronos does (and does not do) with this change, one sentence each: requeue
/// only on no room, no preemption, running tasks untouched, dropped triggers.
[[nodiscard]] std::vector<std::string> priority_notes(const PriorityChange& change);

/// {"name","changed","dry_run","run_requested","triggered","trigger_ignored" (text|null),
///  "before":{"priority","state","queue"},"after":{…},"notes":[…]}; queue null when the job
/// is not queued.
[[nodiscard]] nlohmann::json to_json(const PriorityChange& change);

/// "high" or "normal".
[[nodiscard]] inline const char* priority_name(bool high) { return high ? "high" : "normal"; }

}  // namespace qctl::chronos
