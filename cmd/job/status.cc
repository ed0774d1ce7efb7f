// `qctl job status [NAME…] [--watch]`: each job's state, last run, counts and next run.
#include <CLI/CLI.hpp>
#include <chrono>
#include <sstream>

#include "cmd/commands.h"
#include "cmd/job/job_cmds.h"
#include "cmd/job/job_rows.h"
#include "cmd/list_output.h"

namespace qctl::cmd {

namespace {

constexpr std::chrono::milliseconds kWatchInterval{2000};

struct JobStatusOptions {
  chronos::JobFilter filter;
  bool watch = false;
};

std::vector<std::string> status_cells(const chronos::JobStatusRow& row, double now) {
  const auto& job = *row.job;
  return {job.name,
          row.state,
          row.last,
          std::to_string(job.success_count),
          std::to_string(job.error_count),
          age_cell(row.last_success, now),
          age_cell(row.last_error, now),
          chronos::schedule_text(job),
          next_run_cell(row.next_run, now),
          job.high_priority ? "high" : "normal",
          job.owner,
          job.disabled ? "yes" : "no",
          job.concurrent ? "yes" : "no"};
}

std::vector<output::Column> status_columns() {
  return {{"NAME"},
          {"STATE"},
          {"LAST"},
          {"SUCCESS", false, true},
          {"ERROR", false, true},
          {"LAST SUCCESS"},
          {"LAST ERROR"},
          {"SCHEDULE"},
          {"NEXT RUN"},
          {"PRIORITY"},
          {"OWNER", true},
          {"DISABLED", true},
          {"CONCURRENT", true}};
}

// Fetches and fills the list; with `key`, also what decides whether a watch prints again:
// the rows' data, not their ages (which move every minute).
void fill_status(const JobStatusOptions& opts, Context& ctx, ListOutput& list, std::string* key) {
  FilteredJobs jobs;
  fetch_filtered_jobs(ctx, opts.filter, jobs);
  const double now = ctx.clock.now();
  for (const auto& row : jobs.rows) {
    list.add([&] { return status_cells(row, now); }, [&] { return chronos::to_json(row); },
             "job/" + row.job->name);
    if (key != nullptr) {
      *key += chronos::to_json(row).dump();
    }
  }
}

// Polls every 2 s and prints the list again when a row changed: on a terminal it clears the
// screen first, otherwise it appends the new list after a blank line. Runs until Ctrl-C
// (SIGINT ends qctl with status 130) or an error.
int watch(const JobStatusOptions& opts, Context& ctx) {
  std::string last_key;
  bool first = true;
  for (;;) {
    std::ostringstream out;
    std::ostringstream err;
    Streams io{ctx.io.in, out, err, ctx.io.out_is_tty, ctx.io.in_is_tty, ctx.io.width};
    Context render{io, ctx.globals, ctx.clients, ctx.clock, {}};
    ListOutput list(render, status_columns());
    std::string key;
    fill_status(opts, render, list, &key);
    if (first || key != last_key) {
      print_list(render, list, "jobs");
      if (ctx.io.out_is_tty) {
        ctx.io.out << "\033[H\033[2J";
      } else if (!first) {
        ctx.io.out << "\n";
      }
      ctx.io.out << out.str() << std::flush;
      ctx.io.err << err.str() << std::flush;
      last_key = std::move(key);
      first = false;
    }
    ctx.clock.sleep_for(kWatchInterval);
  }
}

int run_job_status(const JobStatusOptions& opts, Context& ctx) {
  if (opts.watch) {
    return watch(opts, ctx);
  }
  ListOutput list(ctx, status_columns());
  fill_status(opts, ctx, list, nullptr);
  print_list(ctx, list, "jobs");
  return 0;
}

}  // namespace

void register_job_status(CLI::App& job, Context& ctx) {
  auto opts = std::make_shared<JobStatusOptions>();
  auto* cmd = job.add_subcommand(
      "status", "Show each job's state, last run, success and error counts, and next run");
  add_job_filter_flags(*cmd, opts->filter);
  cmd->add_flag("-w,--watch", opts->watch,
                "Poll every 2s and print again when something changes (Ctrl-C ends it, exit 130)");
  set_examples(*cmd,
               "  qctl job status\n"
               "  qctl job status 'transcode-*' --state running\n"
               "  qctl job status nightly-report --watch\n"
               "  qctl job status --status failure -o json\n");
  cmd->callback(
      [opts, &ctx] { ctx.selected = [opts, &ctx] { return run_job_status(*opts, ctx); }; });
}

}  // namespace qctl::cmd
