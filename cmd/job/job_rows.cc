#include "cmd/job/job_rows.h"

#include "core/chronos/client.h"
#include "core/error.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::cmd {

void add_job_filter_flags(CLI::App& cmd, chronos::JobFilter& filter) {
  cmd.add_option("NAME", filter.names, "Job names or name globs ('transcode-*')");
  cmd.add_option("--owner", filter.owner, "Only jobs with this owner (an email or a glob)");
  cmd.add_option("--status", filter.last, "Only jobs whose last run was: success|failure|fresh");
  cmd.add_option("--state", filter.state, "Only jobs that are now: idle|queued|running");
}

void fetch_filtered_jobs(Context& ctx, const chronos::JobFilter& filter, FilteredJobs& out) {
  chronos::validate_filter(filter);
  out.view = chronos::fetch_job_view(ctx.clients.chronos());
  auto all = chronos::status_rows(out.view, ctx.clock.now());
  const auto missing = chronos::missing_names(filter, all);
  if (!missing.empty()) {
    throw NotFoundError(
        "chronos",
        (missing.size() == 1 ? "job " : "jobs ") + util::join(missing, ", ") + " not found",
        "list the jobs with: qctl job list");
  }
  out.rows.reserve(all.size());
  for (auto& row : all) {
    if (chronos::matches(filter, row)) {
      out.rows.push_back(std::move(row));
    }
  }
}

std::string age_cell(const std::optional<double>& t, double now) {
  if (!t) {
    return "";
  }
  const auto age = util::format_age(now - *t);
  return age.empty() ? "0s" : age;  // format_age leaves the first second (and clock skew) blank
}

std::string next_run_cell(const std::optional<double>& t, double now) {
  if (!t) {
    return "-";
  }
  if (*t - now < 1) {
    return "now";
  }
  return "in " + util::format_age(*t - now);
}

}  // namespace qctl::cmd
