// Stable JSON (snake_case) for the Chronos models, and a Job in Chronos' own field names.
#pragma once

#include <nlohmann/json.hpp>

#include "core/model/chronos.h"

namespace qctl::model {

/// A Job:
///   {"name", "kind" ("scheduled"|"dependent"), "command", "shell", "arguments":[],
///    "schedule", "schedule_time_zone", "parents":[], "disabled", "high_priority",
///    "concurrent", "retries", "cpus", "mem", "disk", "owner", "owner_name", "description",
///    "run_as_user", "executor", "executor_flags", "task_info_data", "success_count",
///    "error_count", "errors_since_last_success", "last_success", "last_error", "soft_error",
///    "data_processing_job_type", "max_completion_time" (3.x), "epsilon", "async" (2.x),
///    "environment_variables":[{"name","value"}], "fetch":[{"uri","executable","cache",
///    "extract","output_file"}], "uris":[], "constraints":[["attr","OP","value"]],
///    "container": {"type","image","network","force_pull_image"}|null}
/// Absent strings are "", never null.
[[nodiscard]] nlohmann::json to_json(const Job& job);

/// {"name", "status" (success|failure|fresh), "state" (idle|queued|running|"N running"),
///  "schedule", "parents":[], "disabled"}
[[nodiscard]] nlohmann::json to_json(const JobSummary& summary);

/// {"nodes":[{"name","last_state","current_state"}], "links":[{"parent","child"}]}
[[nodiscard]] nlohmann::json to_json(const JobGraph& graph);

/// {"histogram":{"median":…,"count":…}, "history":[{"task_id","job_name","slave_id",
///  "start_time","end_time","duration","status"}]}
[[nodiscard]] nlohmann::json to_json(const JobStat& stat);

/// The job in Chronos' camelCase fields, ready for POST /iso8601 or /dependency: a
/// dependent job gets "parents" and no "schedule", a scheduled one the reverse (no
/// "schedule" at all when it is empty: run once, now). Sends
/// "fetch" or (only when fetch is empty) "uris", never both (Chronos answers 400). Keeps the
/// run statistics so an upsert does not reset them, and the container as Chronos sent it.
/// The version's own fields: 3.x "concurrent" and "maxCompletionTime", 2.x (`v2`)
/// "epsilon" (when set) and "async"; "taskInfoData" for both when set.
[[nodiscard]] nlohmann::json job_to_chronos_json(const Job& job, bool v2 = false);

}  // namespace qctl::model
