// `qctl queue priority NAME high|normal [--run]`: "jump the queue" as real Chronos allows it:
// resubmit the job with highPriority set, optionally trigger it, and show before and after.
#include <CLI/CLI.hpp>

#include "cmd/commands.h"
#include "cmd/list_output.h"
#include "cmd/queue/queue_cmds.h"
#include "core/chronos/client.h"
#include "core/chronos/job_validate.h"
#include "core/chronos/queue_view.h"
#include "core/error.h"
#include "core/http/url.h"
#include "core/model/chronos_json.h"
#include "core/output/table.h"

namespace qctl::cmd {

namespace {

struct QueuePriorityOptions {
  std::string name;
  std::string level;  // high | normal
  bool run = false;
  bool dry_run = false;
};

void validate(const QueuePriorityOptions& opts) {
  // Either version's name rule (2.x's is the wider); the client checks the server's own
  // before any job request.
  if (!chronos::valid_job_name(opts.name, true)) {
    throw UsageError("invalid job name '" + opts.name + "'", chronos::job_name_rule(true));
  }
  if (opts.level != "high" && opts.level != "normal") {
    throw UsageError("priority must be high or normal, not \"" + opts.level + "\"",
                     "qctl queue priority " + opts.name + " high --run");
  }
}

void print_change(Context& ctx, const chronos::PriorityChange& change) {
  switch (ctx.format()) {
    case output::Format::kJson:
    case output::Format::kYaml:
      print_document(ctx, chronos::to_json(change));
      return;
    case output::Format::kName:
      ctx.io.out << "job/" << change.name << '\n';
      return;
    case output::Format::kTable:
    case output::Format::kWide:
      break;
  }
  output::Table table({{"NAME"}, {"WHEN"}, {"PRIORITY"}, {"STATE"}, {"QUEUE"}});
  table.add({change.name, "before", chronos::priority_name(change.high_before), change.state_before,
             chronos::queue_before(change)});
  table.add({change.name, change.dry_run ? "after (dry run)" : "after",
             chronos::priority_name(change.high_after), change.state_after,
             chronos::queue_after(change)});
  table.print(ctx.io.out, false, !ctx.globals.no_headers);
}

/// Says on stderr what was (or would be) sent.
void report_requests(Context& ctx, const chronos::PriorityChange& change, bool dependent) {
  const std::string prefix = ctx.clients.chronos().prefix();
  const std::string would = change.dry_run ? "dry run: would " : "";
  if (change.changed()) {
    ctx.io.err << would << (change.dry_run ? "resubmit" : "resubmitted") << " job " << change.name
               << " with highPriority " << (change.high_after ? "true" : "false") << " (POST "
               << prefix << (dependent ? "/dependency" : "/iso8601") << ")\n";
  }
  if (change.triggered) {
    ctx.io.err << would << (change.dry_run ? "trigger" : "triggered") << " job " << change.name
               << " (PUT " << prefix << "/job/" << http::url_encode(change.name) << ")\n";
  }
}

int run_queue_priority(const QueuePriorityOptions& opts, Context& ctx) {
  validate(opts);
  auto& chronos = ctx.clients.chronos();
  model::Job job = chronos::find_job(chronos, opts.name);  // unknown job: exit 3
  chronos::PriorityChange change;
  change.name = job.name;
  change.high_before = job.high_priority;
  change.high_after = opts.level == "high";
  change.state_before = chronos::current_state(chronos, job.name);
  change.run_requested = opts.run;
  change.dry_run = opts.dry_run;
  change.v2 = chronos.is_v2();
  job.high_priority = change.high_after;
  if (opts.run) {
    change.ignored =
        chronos::ignored_trigger(job, change.state_before, change.v2, change.changed());
  }
  const bool trigger = opts.run && !change.ignored;
  if (opts.dry_run) {
    change.triggered = trigger;
    change.state_after = trigger ? "queued" : change.state_before;
  } else {
    if (change.changed()) {
      // The whole job goes back (upsert), counters included, so only the flag changes.
      chronos.upsert(model::job_to_chronos_json(job, change.v2).dump(), job.is_dependent());
    }
    if (trigger) {
      chronos.run(job.name);
      change.triggered = true;
    }
    change.state_after = change.changed() || change.triggered
                             ? chronos::current_state(chronos, job.name)
                             : change.state_before;
  }
  report_requests(ctx, change, job.is_dependent());
  print_change(ctx, change);
  for (const auto& note : chronos::priority_notes(change)) {
    ctx.io.err << "note: " << note << '\n';
  }
  return 0;
}

}  // namespace

void register_queue_priority(CLI::App& queue, Context& ctx) {
  auto opts = std::make_shared<QueuePriorityOptions>();
  auto* cmd = queue.add_subcommand(
      "priority", "Move a Chronos job to the high or normal queue, optionally running it now");
  cmd->add_option("NAME", opts->name, "Chronos job name")->required();
  cmd->add_option("PRIORITY", opts->level, "high or normal")->required();
  cmd->add_flag("--run", opts->run,
                "Trigger the job after the change (PUT job/NAME); Chronos ignores a trigger "
                "while the job is queued, disabled, or running and not concurrent");
  cmd->add_flag("--dry-run", opts->dry_run, "Show what would change and send nothing");
  set_examples(*cmd,
               "  qctl queue priority transcode-news high --run\n"
               "  qctl queue priority nightly-report normal --dry-run\n");
  // Before the examples (which man pages read from the footer).
  cmd->footer(
      "\nChronos has two queues and drains the high one first. The priority is a flag on the\n"
      "job: qctl resubmits the job with it set. A task already waiting moves to the other\n"
      "queue only when Chronos requeues it (no room in an offer round); nothing running is\n"
      "preempted.\n" +
      cmd->get_footer());
  cmd->callback(
      [opts, &ctx] { ctx.selected = [opts, &ctx] { return run_queue_priority(*opts, ctx); }; });
}

}  // namespace qctl::cmd
