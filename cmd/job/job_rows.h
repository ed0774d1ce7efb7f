// Shared by `job list`, `job status` and `job stats`: the filter flags, fetching the jobs
// once and keeping the rows that pass, and the time cells of the tables.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cmd/context.h"
#include "core/chronos/job_status.h"

namespace qctl::cmd {

/// NAME… arguments plus --owner, --status, --state bound to `filter`.
void add_job_filter_flags(CLI::App& cmd, chronos::JobFilter& filter);

/// The fetched jobs and the rows that pass a filter (rows point into `view`, so this is
/// neither copied nor moved once built).
struct FilteredJobs {
  chronos::JobView view;
  std::vector<chronos::JobStatusRow> rows;
};

/// Validates the filter, fetches the jobs (and summary) once and keeps the matching rows.
/// Throws NotFoundError naming an exact job name that does not exist.
void fetch_filtered_jobs(Context& ctx, const chronos::JobFilter& filter, FilteredJobs& out);

/// "5m" since `t`, "" when unknown.
[[nodiscard]] std::string age_cell(const std::optional<double>& t, double now);
/// "in 5m", "now" when due, "-" when the job will not run from its schedule.
[[nodiscard]] std::string next_run_cell(const std::optional<double>& t, double now);

}  // namespace qctl::cmd
