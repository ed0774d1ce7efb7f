// Whether real Chronos will act on a "run now" (PUT job/{name}) or drop it behind a 204.
#pragma once

#include <optional>
#include <string>

#include "core/model/chronos.h"

namespace qctl::chronos {

/// Why Chronos would drop a trigger of `job` whose summary state is `state` (idle | queued |
/// running | "N running"), as an Error message and hint; nullopt when the trigger will run.
/// Chronos answers 204 in every case: 3.x dedups queued tasks by job name, 2.x (`v2`) queues
/// the task but launches one task per job in an offer round and drops the others; both drop
/// a disabled job's task when dequeued and a non-concurrent running job's task at offer time.
/// `requeued`: the trigger comes with a priority change, so on 2.x it waits in the other queue
/// beside the queued task, and whichever comes up first runs (not ignored).
struct IgnoredTrigger {
  std::string message;  // "job x is already queued: Chronos ignores the trigger"
  std::string hint;
};
[[nodiscard]] std::optional<IgnoredTrigger> ignored_trigger(const model::Job& job,
                                                            const std::string& state,
                                                            bool v2 = false,
                                                            bool requeued = false);

/// Whether posting `job` starts a run by itself: no parents, and no schedule (Chronos runs it
/// once, now) or a schedule with an empty start ("R1//PT24H": at once; not R0); and not
/// disabled. Such a run needs no trigger (on 2.x a trigger would be a second run).
[[nodiscard]] bool starts_when_sent(const model::Job& job);

/// Running tasks in a summary state: "running" -> 1, "3 running" -> 3, others 0.
[[nodiscard]] int running_count(const std::string& state);

/// The state's family for filters and tables: "idle", "queued" or "running".
[[nodiscard]] std::string state_family(const std::string& state);

}  // namespace qctl::chronos
