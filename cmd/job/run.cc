// `qctl job run NAME`: run a Chronos job now (PUT job/{name}), refusing the triggers Chronos
// would silently drop, optionally at high priority and waiting for the run to finish.
#include <CLI/CLI.hpp>

#include "cmd/commands.h"
#include "cmd/job/job_cmds.h"
#include "cmd/list_output.h"
#include "core/chronos/client.h"
#include "core/chronos/job_report.h"
#include "core/chronos/job_wait.h"
#include "core/chronos/queue_view.h"
#include "core/chronos/run_check.h"
#include "core/error.h"
#include "core/model/chronos_json.h"
#include "core/util/duration.h"

namespace qctl::cmd {

namespace {

struct JobRunOptions {
  std::string name;
  std::string arguments;
  std::string priority;  // "" (leave as is) | high | normal
  bool wait = false;
  std::string wait_timeout = "10m";
};

void validate(const JobRunOptions& o) {
  if (!o.priority.empty() && o.priority != "high" && o.priority != "normal") {
    throw UsageError("--priority must be high or normal, not \"" + o.priority + "\"");
  }
  if (!util::parse_duration(o.wait_timeout)) {
    throw UsageError("--wait-timeout: '" + o.wait_timeout + "' is not a duration (e.g. 90s, 10m)");
  }
}

// Upserts the job with the new highPriority so the trigger lands in that queue.
void set_priority(chronos::Client& chronos, model::Job& job, bool high, Context& ctx) {
  if (job.high_priority == high) {
    return;
  }
  job.high_priority = high;
  chronos.upsert(model::job_to_chronos_json(job, chronos.is_v2()).dump(), job.is_dependent());
  ctx.io.err << "job/" << job.name << " priority set to " << (high ? "high" : "normal") << "\n";
}

chronos::RunState wait_for_run(const JobRunOptions& o, const model::Job& job, Context& ctx) {
  chronos::WaitOptions w;
  w.timeout = *util::parse_duration(o.wait_timeout);
  if (ctx.io.err_is_tty) {
    w.progress = [&ctx](const chronos::WaitProgress& p) {
      ctx.io.err << "\r" << chronos::progress_line(p) << "\033[K" << std::flush;
    };
  }
  const chronos::WaitTarget target{job.name, job.success_count, job.error_count};
  const auto states = chronos::wait_for_runs(ctx.clients.chronos(), ctx.clock, {target}, w);
  if (ctx.io.err_is_tty) {
    ctx.io.err << "\r\033[K";
  }
  if (states.front() == chronos::RunState::kSucceeded ||
      states.front() == chronos::RunState::kFailed) {
    ctx.io.err << "job/" << job.name << " " << chronos::run_state_word(states.front()) << "\n";
  }
  return states.front();
}

int run_job_run(const JobRunOptions& o, Context& ctx) {
  validate(o);
  auto& chronos = ctx.clients.chronos();
  auto job = chronos::find_job(chronos, o.name);  // unknown: not found, exit 3 (3.x: a 400)
  const auto state = chronos::current_state(chronos, o.name);
  const bool v2 = chronos.is_v2();
  if (const auto ignored = chronos::ignored_trigger(job, state, v2)) {
    throw Error(ExitCode::kApi, "", ignored->message, ignored->hint);
  }
  if (!o.priority.empty()) {
    set_priority(chronos, job, o.priority == "high", ctx);
  }
  chronos.run(o.name, o.arguments);
  ctx.io.err << "job/" << o.name << " triggered (" << (job.high_priority ? "high" : "normal")
             << " priority queue)\n";
  nlohmann::json result = {{"name", o.name},
                           {"triggered", true},
                           {"queue", job.high_priority ? "high" : "normal"}};
  if (!o.wait) {
    print_results(ctx, nlohmann::json::array({result}), "job");
    return 0;
  }
  const auto run = wait_for_run(o, job, ctx);
  result["run"] = chronos::run_state_word(run);
  print_results(ctx, nlohmann::json::array({result}), "job");  // also for a failure or timeout
  switch (run) {
    case chronos::RunState::kSucceeded:
      return 0;
    case chronos::RunState::kFailed:
      return 1;
    case chronos::RunState::kGone:
      throw NotFoundError("job/" + o.name, "deleted while waiting for its run");
    case chronos::RunState::kPending:
      break;
  }
  throw NetworkError("job/" + o.name, "not finished after " + o.wait_timeout,
                     "see it with: qctl job status " + o.name);
}

}  // namespace

void register_job_run(CLI::App& job, Context& ctx) {
  auto o = std::make_shared<JobRunOptions>();
  auto* cmd = job.add_subcommand("run", "Run a Chronos job now");
  cmd->add_option("NAME", o->name, "Job name")->required();
  cmd->add_option("--arguments", o->arguments,
                  "Appended to the command for this run (Chronos drops ';')");
  cmd->add_option("--priority", o->priority,
                  "Set the job's priority first (high jumps Chronos' normal queue): high|normal");
  auto* wait = cmd->add_flag("--wait", o->wait,
                             "Wait for the run to finish: exit 0 success, 1 failure, 5 timeout");
  cmd->add_option("--wait-timeout", o->wait_timeout, "How long --wait waits (default 10m)")
      ->needs(wait);
  set_examples(*cmd,
               "  qctl job run nightly-report\n"
               "  qctl job run transcode-news --priority high --wait --wait-timeout 30m\n"
               "  qctl job run reindex --arguments '--shard 7'\n");
  cmd->callback([o, &ctx] { ctx.selected = [o, &ctx] { return run_job_run(*o, ctx); }; });
}

}  // namespace qctl::cmd
