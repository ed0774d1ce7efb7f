// `qctl job stats [NAME…]`: how many jobs and runs succeeded, failed, are running or queued,
// which runs were slow, run-time percentiles from job/stat, overall or per owner.
#include <CLI/CLI.hpp>
#include <sstream>

#include "cmd/commands.h"
#include "cmd/job/job_cmds.h"
#include "cmd/job/job_rows.h"
#include "cmd/list_output.h"
#include "core/chronos/client.h"
#include "core/chronos/job_stats.h"
#include "core/error.h"
#include "core/output/table.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct JobStatsOptions {
  chronos::JobFilter filter;
  std::string slow;  // a duration; runs at least this long are listed
  std::string by;    // "" | owner
  std::size_t parallel = 8;
};

struct JobStatsReport {
  chronos::JobTotals totals;
  std::vector<chronos::RunTime> runs;
  std::optional<double> slow_threshold;
  std::optional<model::JobStat> single;  // the job's own stat when exactly one job matched
};

double validate(const JobStatsOptions& o) {
  if (!o.by.empty() && o.by != "owner") {
    throw UsageError("--by must be owner, not \"" + o.by + "\"");
  }
  if (o.slow.empty()) {
    return -1;
  }
  const auto d = util::parse_duration(o.slow);
  if (!d) {
    throw UsageError("--slow: '" + o.slow + "' is not a duration (e.g. 90s, 10m)");
  }
  return std::chrono::duration<double>(*d).count();
}

void add_counts_row(output::Table& t, const std::string& first, const chronos::JobCounts& c) {
  t.add({first, std::to_string(c.jobs), std::to_string(c.succeeded), std::to_string(c.failed),
         std::to_string(c.fresh), std::to_string(c.running), std::to_string(c.queued),
         std::to_string(c.idle), std::to_string(c.disabled), std::to_string(c.runs_succeeded),
         std::to_string(c.runs_failed)});
}

std::string percentile_line(const chronos::RunPercentiles& p) {
  using chronos::format_run_time;
  return "median " + format_run_time(p.median) + ", p75 " + format_run_time(p.p75) + ", p95 " +
         format_run_time(p.p95) + ", p99 " + format_run_time(p.p99) +
         (p.max ? ", max " + format_run_time(*p.max) : "");
}

void print_table(Context& ctx, const JobStatsOptions& o, const JobStatsReport& r) {
  std::ostringstream out;
  const bool headers = !ctx.globals.no_headers;
  output::Table counts({{o.by.empty() ? "JOBS OF" : "OWNER"},
                        {"JOBS", false, true},
                        {"SUCCEEDED", false, true},
                        {"FAILED", false, true},
                        {"FRESH", false, true},
                        {"RUNNING", false, true},
                        {"QUEUED", false, true},
                        {"IDLE", false, true},
                        {"DISABLED", false, true},
                        {"RUNS OK", false, true},
                        {"RUNS FAILED", false, true}});
  if (o.by.empty()) {
    add_counts_row(counts, o.filter.names.empty() ? "all" : util::join(o.filter.names, ","),
                   r.totals.all);
  } else {
    for (const auto& [owner, c] : r.totals.by_owner) {
      add_counts_row(counts, owner, c);
    }
  }
  counts.print(out, false, headers);
  const auto p = chronos::percentiles(r.runs);
  out << "\nrun time (" << p.count << " finished runs in job/stat history): "
      << (p.count == 0 ? "no finished runs (Chronos keeps this history only with Cassandra)"
                       : percentile_line(p))
      << "\n";
  if (r.single) {
    const auto h = chronos::histogram_percentiles(*r.single);
    out << "Chronos histogram (" << h.count
        << " runs, due time to end): " << (h.count == 0 ? "empty" : percentile_line(h)) << "\n";
  }
  if (r.slow_threshold) {
    const auto slow = chronos::slow_runs(r.runs, *r.slow_threshold);
    out << "\nruns of " << o.slow << " or more: " << slow.size() << "\n";
    if (!slow.empty()) {
      output::Table t({{"NAME"}, {"TASK"}, {"START"}, {"DURATION", false, true}, {"STATUS"}});
      for (const auto& run : slow) {
        t.add({run.job, run.task_id, run.start, chronos::format_run_time(run.seconds), run.status});
      }
      t.print(out, false, headers);
    }
  }
  ctx.io.out << out.str();
}

nlohmann::json report_json(const JobStatsOptions& o, const JobStatsReport& r) {
  nlohmann::json doc = {{"jobs", chronos::to_json(r.totals.all)},
                        {"run_time", chronos::to_json(chronos::percentiles(r.runs))}};
  if (!o.by.empty()) {
    auto& owners = doc["by_owner"] = nlohmann::json::object();
    for (const auto& [owner, c] : r.totals.by_owner) {
      owners[owner] = chronos::to_json(c);
    }
  }
  if (r.single) {
    doc["histogram"] = chronos::to_json(chronos::histogram_percentiles(*r.single));
  }
  if (r.slow_threshold) {
    auto slow = nlohmann::json::array();
    for (const auto& run : chronos::slow_runs(r.runs, *r.slow_threshold)) {
      slow.push_back(chronos::to_json(run));
    }
    doc["slow"] = {{"threshold_seconds", *r.slow_threshold}, {"runs", slow}};
  }
  return doc;
}

int run_job_stats(const JobStatsOptions& o, Context& ctx) {
  const double slow = validate(o);
  FilteredJobs jobs;
  fetch_filtered_jobs(ctx, o.filter, jobs);
  JobStatsReport report;
  report.totals = chronos::count_jobs(jobs.rows);
  if (slow >= 0) {
    report.slow_threshold = slow;
  }
  std::vector<std::string> names;
  names.reserve(jobs.rows.size());
  for (const auto& row : jobs.rows) {
    names.push_back(row.job->name);
  }
  const double now = ctx.clock.now();
  auto stats = ctx.clients.chronos().job_stats(names, o.parallel);
  for (auto& stat : stats) {
    if (stat) {
      auto runs = chronos::run_times(*stat, now);
      report.runs.insert(report.runs.end(), runs.begin(), runs.end());
    }
  }
  if (stats.size() == 1 && stats.front()) {
    report.single = std::move(stats.front());
  }
  switch (ctx.format()) {
    case output::Format::kJson:
    case output::Format::kYaml:
      print_document(ctx, report_json(o, report));
      break;
    case output::Format::kName:
      for (const auto& name : names) {
        ctx.io.out << "job/" << name << "\n";
      }
      break;
    case output::Format::kTable:
    case output::Format::kWide:
      print_table(ctx, o, report);
      break;
  }
  return 0;
}

}  // namespace

void register_job_stats(CLI::App& job, Context& ctx) {
  auto o = std::make_shared<JobStatsOptions>();
  auto* cmd = job.add_subcommand(
      "stats",
      "Count succeeded, failed, running and queued jobs and runs, slow runs and run times");
  add_job_filter_flags(*cmd, o->filter);
  cmd->add_option("--slow", o->slow, "List the runs that took at least this long (e.g. 10m)");
  cmd->add_option("--by", o->by, "Break the counts down per owner: owner");
  cmd->add_option("--parallel", o->parallel, "job/stat requests in flight (default 8)")
      ->check(CLI::Range(1, 64));
  set_examples(*cmd,
               "  qctl job stats                        # every job\n"
               "  qctl job stats 'transcode-*' --slow 10m\n"
               "  qctl job stats --by owner -o json\n");
  cmd->callback([o, &ctx] { ctx.selected = [o, &ctx] { return run_job_stats(*o, ctx); }; });
}

}  // namespace qctl::cmd
