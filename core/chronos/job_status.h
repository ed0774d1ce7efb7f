// Rows for `qctl job status` and `qctl job list`: each job joined with its summary state,
// last outcome and next run; and the filters both commands take.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/model/chronos.h"

namespace qctl::chronos {

class Client;

/// One job as the status/list tables show it.
struct JobStatusRow {
  const model::Job* job = nullptr;     // into the JobView the rows were built from
  std::string state;                   // summary state: idle | queued | running | "N running"
  std::string last;                    // success | failure | fresh
  std::optional<double> last_success;  // epoch seconds
  std::optional<double> last_error;
  std::optional<double> next_run;  // nullopt: dependent, disabled, finished or unparsable
};

/// Jobs and their summary rows, fetched once (on 2.x the summary is derived from the jobs
/// already fetched and graph/csv, not fetched twice).
struct JobView {
  std::vector<model::Job> jobs;
  std::vector<model::JobSummary> summaries;
};

/// GET jobs and, at the same time, jobs/summary (3.x) or graph/csv (2.x). Throws as the
/// client does.
[[nodiscard]] JobView fetch_job_view(Client& client);

/// Joins jobs with summaries by name (a job missing from the summary reads idle and its
/// last state from its own timestamps), computing the next run at `now`. Keeps job order.
[[nodiscard]] std::vector<JobStatusRow> status_rows(const JobView& view, double now);

/// What `list` and `status` filter on; empty fields match everything.
struct JobFilter {
  std::vector<std::string> names;  // exact names or globs (`*`, `?`)
  std::string owner;               // one of the job's comma-separated owners, glob allowed
  std::string last;                // success | failure | fresh
  std::string state;               // idle | queued | running
};

/// Throws UsageError for a --status/--state value that is not one of the documented ones.
void validate_filter(const JobFilter& filter);
[[nodiscard]] bool matches(const JobFilter& filter, const JobStatusRow& row);
/// Exact (glob-free) names in the filter that no row has, in the order given.
[[nodiscard]] std::vector<std::string> missing_names(const JobFilter& filter,
                                                     const std::vector<JobStatusRow>& rows);

/// "R/2024-…/PT1H" for scheduled jobs, "after a,b" for dependent ones.
[[nodiscard]] std::string schedule_text(const model::Job& job);

/// {"name","state","last","success_count","error_count","last_success","last_error",
///  "schedule","parents":[],"next_run" (ISO 8601 UTC or null),"priority" (high|normal),
///  "disabled","owner"}
[[nodiscard]] nlohmann::json to_json(const JobStatusRow& row);


}  // namespace qctl::chronos
