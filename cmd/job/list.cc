// `qctl job list [NAME…]`: Chronos jobs, kubectl-style, with owner/status/state/name filters.
#include <CLI/CLI.hpp>

#include "cmd/commands.h"
#include "cmd/job/job_cmds.h"
#include "cmd/job/job_rows.h"
#include "cmd/list_output.h"
#include "core/model/chronos_json.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct JobListOptions {
  chronos::JobFilter filter;
};

std::vector<std::string> list_cells(const chronos::JobStatusRow& row) {
  const auto& job = *row.job;
  return {job.name,
          chronos::schedule_text(job),
          row.state,
          row.last,
          job.owner,
          job.high_priority ? "high" : "normal",
          job.disabled ? "yes" : "no",
          job.concurrent ? "yes" : "no",
          std::to_string(job.retries),
          util::format_number(job.cpus),
          util::format_number(job.mem),
          job.container ? job.container->image : "",
          job.command};
}

int run_job_list(const JobListOptions& opts, Context& ctx) {
  FilteredJobs jobs;
  fetch_filtered_jobs(ctx, opts.filter, jobs);
  ListOutput list(ctx, {{"NAME"},
                        {"SCHEDULE"},
                        {"STATE"},
                        {"LAST"},
                        {"OWNER"},
                        {"PRIORITY", true},
                        {"DISABLED", true},
                        {"CONCURRENT", true},
                        {"RETRIES", true, true},
                        {"CPUS", true, true},
                        {"MEM", true, true},
                        {"IMAGE", true},
                        {"COMMAND", true}});
  for (const auto& row : jobs.rows) {
    list.add([&] { return list_cells(row); }, [&] { return model::to_json(*row.job); },
             "job/" + row.job->name);
  }
  print_list(ctx, list, "jobs");
  return 0;
}

}  // namespace

void register_job_list(CLI::App& job, Context& ctx) {
  auto opts = std::make_shared<JobListOptions>();
  auto* cmd =
      job.add_subcommand("list", "List Chronos jobs with their schedule, state and last run");
  cmd->alias("ls");
  add_job_filter_flags(*cmd, opts->filter);
  set_examples(*cmd,
               "  qctl job list\n"
               "  qctl job list 'transcode-*' -o wide\n"
               "  qctl job list --owner video@example.com --status failure\n"
               "  qctl job list --state queued -o name\n");
  cmd->callback([opts, &ctx] { ctx.selected = [opts, &ctx] { return run_job_list(*opts, ctx); }; });
}

}  // namespace qctl::cmd
