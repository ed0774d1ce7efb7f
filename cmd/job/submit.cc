// `qctl job submit -f FILE|DIR|-`: create or update Chronos jobs, many at once.
#include <atomic>
#include <csignal>
#include <iterator>
#include <memory>
#include <set>
#include <sstream>

#include "cmd/commands.h"
#include "cmd/job/job_cmds.h"
#include "cmd/list_output.h"
#include "core/chronos/client.h"
#include "core/chronos/job_batch.h"
#include "core/chronos/job_report.h"
#include "core/chronos/job_validate.h"
#include "core/chronos/queue_view.h"
#include "core/chronos/run_check.h"
#include "core/error.h"
#include "core/util/duration.h"

namespace qctl::cmd {

namespace {

using chronos::BatchOutcome;
using chronos::SubmitResult;

struct JobSubmitOptions {
  std::string file;
  bool now = false;
  std::string priority;  // "", high, normal
  bool dry_run = false;
  bool wait = false;
  std::string wait_timeout = "10m";
  int parallel = 8;
};

void validate(const JobSubmitOptions& o) {
  if (!o.priority.empty() && o.priority != "high" && o.priority != "normal") {
    throw UsageError("--priority must be high or normal, not '" + o.priority + "'");
  }
  if (o.parallel < 1 || o.parallel > 256) {
    throw UsageError("--parallel must be between 1 and 256");
  }
  if (!util::parse_duration(o.wait_timeout)) {
    throw UsageError("--wait-timeout: '" + o.wait_timeout + "' is not a duration (e.g. 90s, 10m)");
  }
  if (o.dry_run && (o.now || o.wait)) {
    throw UsageError("--dry-run sends nothing, so it cannot be combined with --now or --wait");
  }
}

std::atomic<bool> g_interrupted{false};

extern "C" void on_interrupt(int /*signal*/) { g_interrupted = true; }

/// Ctrl-C sets a flag (the batch stops between requests) instead of killing qctl, while alive.
class InterruptGuard {
 public:
  InterruptGuard() {
    g_interrupted = false;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_);
  }
  ~InterruptGuard() { sigaction(SIGINT, &previous_, nullptr); }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
  [[nodiscard]] static bool fired() { return g_interrupted; }

 private:
  struct sigaction previous_ {};
};

std::vector<chronos::JobDocument> read_documents(const JobSubmitOptions& o, Context& ctx) {
  if (o.file != "-") {
    return chronos::read_job_documents(o.file);
  }
  std::string text(std::istreambuf_iterator<char>(ctx.io.in), {});
  return chronos::parse_job_documents(text, "-");
}

/// Reads and checks the documents against the server; warnings to stderr, errors thrown.
std::vector<chronos::PlannedJob> plan(const JobSubmitOptions& o, Context& ctx) {
  const auto docs = read_documents(o, ctx);
  const auto server = ctx.clients.chronos().jobs();
  std::set<std::string> names;
  std::map<std::string, std::vector<std::string>> parents;
  for (const auto& job : server) {
    names.insert(job.name);
    parents[job.name] = job.parents;
  }
  chronos::ValidateOptions options;
  options.chronos_v2 = ctx.clients.chronos().is_v2();
  const auto problems = chronos::check_jobs(docs, names, options, parents);
  for (const auto& w : problems.warnings) {
    ctx.io.err << "warning: " << w << "\n";
  }
  if (problems.errors.size() == 1) {
    throw UsageError(problems.errors.front(), "nothing was sent");
  }
  if (!problems.errors.empty()) {
    for (const auto& e : problems.errors) {
      ctx.io.err << "error: " << e << "\n";
    }
    throw UsageError(std::to_string(problems.errors.size()) + " errors in " +
                     std::to_string(docs.size()) + " jobs (listed above); nothing was sent");
  }
  chronos::PlanOptions plan_opts;
  plan_opts.v2 = options.chronos_v2;
  if (!o.priority.empty()) {
    plan_opts.high_priority = o.priority == "high";
  }
  return chronos::plan_jobs(docs, server, plan_opts);
}

int print_dry_run(const std::vector<chronos::PlannedJob>& jobs, Context& ctx) {
  const auto prefix = ctx.clients.chronos().prefix();
  if (structured(ctx)) {
    auto doc = nlohmann::json::array();
    for (const auto& j : jobs) {
      doc.push_back(chronos::dry_run_json(j, prefix));
    }
    print_document(ctx, doc);
    return 0;
  }
  for (const auto& j : jobs) {
    ctx.io.out << chronos::dry_run_text(j, prefix);
  }
  return 0;
}

/// The run-now trigger of every job that is on the server as asked, except those Chronos
/// would ignore (queued, disabled, running and not concurrent: `job run`'s rule), which say
/// why instead of reporting a run that will not happen.
void trigger(std::vector<SubmitResult>& results, const chronos::BatchOptions& batch, Context& ctx) {
  auto& chronos = ctx.clients.chronos();
  const auto states = chronos::current_states(chronos);
  const bool v2 = chronos.is_v2();
  std::vector<std::string> names;
  std::vector<std::size_t> which;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (results[i].upsert.state != BatchOutcome::State::kOk) {
      continue;
    }
    const auto& job = results[i].job->job;  // planned from the same document: no re-parse
    const auto state = states.find(job.name);
    const std::string current = state == states.end() ? "idle" : state->second;
    // Just sent and due at once: Chronos starts it by itself (queued already, perhaps). While
    // an earlier run holds a non-concurrent job, 3.x keeps the new run due until it launches
    // (after that run); 2.x drops it, as it drops a trigger.
    if (results[i].job->action != chronos::SubmitAction::kUnchanged &&
        chronos::starts_when_sent(job)) {
      const bool held = chronos::running_count(current) > 0 && !job.concurrent;
      if (!held || !v2) {
        results[i].runs_by_itself = true;
        results[i].after_current_run = held;
        continue;
      }
    }
    if (const auto ignored = chronos::ignored_trigger(job, current, v2)) {
      const std::string subject = "job " + job.name + " ";
      results[i].no_run = ignored->message.rfind(subject, 0) == 0
                              ? ignored->message.substr(subject.size())
                              : ignored->message;
      continue;
    }
    names.push_back(results[i].job->name);
    which.push_back(i);
  }
  const auto outcomes = chronos::trigger_jobs(ctx.clients.chronos(), names, batch);
  for (std::size_t k = 0; k < which.size(); ++k) {
    results[which[k]].trigger = outcomes[k];
  }
}

/// Waits for the run of every submitted job; returns 0, 1 (a run failed) or 5 (timeout).
int wait_runs(const JobSubmitOptions& o, std::vector<SubmitResult>& results, Context& ctx) {
  std::vector<chronos::WaitTarget> targets;
  std::vector<std::size_t> which;
  for (std::size_t i = 0; i < results.size(); ++i) {
    auto& r = results[i];
    if (!o.now && r.upsert.state == BatchOutcome::State::kOk && r.no_run.empty()) {
      // Without --now only a job that was sent and is due at once starts by itself.
      const auto& job = r.job->job;
      if (r.job->action == chronos::SubmitAction::kUnchanged) {
        r.no_run = "unchanged, so not sent: nothing starts (--now runs it)";
      } else if (job.disabled) {
        r.no_run = "disabled: Chronos does not run it";
      } else if (!job.parents.empty()) {
        r.no_run = "a dependent job runs after its parents (--now runs it)";
      } else if (!chronos::starts_when_sent(job)) {
        r.no_run = "runs on its schedule, not now (--now runs it)";
      }
      if (!r.no_run.empty() && !structured(ctx)) {
        ctx.io.out << "job/" << r.job->name << " not waited for: " << r.no_run << "\n";
      }
    }
    if (results[i].upsert.state == BatchOutcome::State::kOk && results[i].no_run.empty() &&
        (!results[i].trigger || results[i].trigger->state == BatchOutcome::State::kOk)) {
      const auto& j = *results[i].job;
      targets.push_back({j.name, j.success_base, j.error_base});
      which.push_back(i);
    }
  }
  chronos::WaitOptions w;
  w.timeout = *util::parse_duration(o.wait_timeout);
  w.stop = [] { return InterruptGuard::fired(); };
  if (ctx.io.err_is_tty) {
    w.progress = [&ctx](const chronos::WaitProgress& p) {
      ctx.io.err << "\r" << chronos::progress_line(p) << "\033[K" << std::flush;
    };
  }
  const auto states = chronos::wait_for_runs(ctx.clients.chronos(), ctx.clock, targets, w);
  if (ctx.io.err_is_tty) {
    ctx.io.err << "\r\033[K";
  }
  int code = 0;
  for (std::size_t k = 0; k < which.size(); ++k) {
    results[which[k]].run = states[k];
    if (states[k] == chronos::RunState::kPending) {
      code = 5;
    } else if (states[k] != chronos::RunState::kSucceeded && code == 0) {
      code = 1;
    }
    if (!structured(ctx)) {
      ctx.io.out << "job/" << targets[k].name << " " << chronos::run_state_word(states[k]) << "\n";
    }
  }
  return code;
}

/// Waits if asked, prints the JSON/YAML report or the jobs not submitted, and turns the
/// outcomes into the exit code: 130 interrupted, 6 some failed, else --wait's 0/1/5.
int finish(const JobSubmitOptions& o, std::vector<SubmitResult>& results, Context& ctx) {
  std::size_t failed = 0;
  std::size_t not_sent = 0;
  for (const auto& r : results) {
    failed += r.upsert.state == BatchOutcome::State::kFailed ||
                      (r.trigger && r.trigger->state == BatchOutcome::State::kFailed)
                  ? 1
                  : 0;
    not_sent += r.upsert.state == BatchOutcome::State::kNotSent ? 1 : 0;
  }
  const int run_code = o.wait && !InterruptGuard::fired() ? wait_runs(o, results, ctx) : 0;
  if (structured(ctx)) {
    const auto prefix = ctx.clients.chronos().prefix();
    auto doc = nlohmann::json::array();
    for (const auto& r : results) {
      doc.push_back(chronos::result_json(r, prefix));
    }
    print_document(ctx, doc);
  } else {
    for (const auto& r : results) {
      if (r.upsert.state == BatchOutcome::State::kNotSent) {
        ctx.io.out << chronos::result_line(r) << "\n";
      }
    }
  }
  const auto total = std::to_string(results.size());
  if (InterruptGuard::fired()) {
    ctx.io.err << "qctl: interrupted: " << results.size() - not_sent << " of " << total
               << " jobs submitted, " << not_sent << " not submitted"
               << (o.wait ? "; stopped waiting" : "") << "\n";
    return static_cast<int>(ExitCode::kInterrupted);
  }
  if (failed > 0) {
    throw PartialError("job submit", std::to_string(failed) + " of " + total +
                                         " jobs failed (see each job's line)");
  }
  if (run_code == 5) {
    throw Error(ExitCode::kNetwork, "job submit --wait",
                "runs still not finished after " + o.wait_timeout, "raise --wait-timeout");
  }
  if (run_code == 1) {
    throw Error(ExitCode::kApi, "job submit --wait", "a job's run failed",
                "qctl job status shows its errors");
  }
  return 0;
}

int run_job_submit(const JobSubmitOptions& o, Context& ctx) {
  validate(o);
  auto jobs = plan(o, ctx);
  if (o.dry_run) {
    return print_dry_run(jobs, ctx);
  }
  InterruptGuard interrupt;
  std::vector<SubmitResult> results(jobs.size());
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    results[i].job = &jobs[i];
  }
  const bool text = !structured(ctx);
  chronos::BatchOptions batch;
  batch.parallel = static_cast<std::size_t>(o.parallel);
  batch.stop = [] { return InterruptGuard::fired(); };
  batch.on_result = [&](std::size_t i, const BatchOutcome& outcome) {
    results[i].upsert = outcome;
    if (text) {
      ctx.io.out << chronos::result_line(results[i]) << "\n";
    }
  };
  std::vector<bool> send(jobs.size());
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    send[i] = jobs[i].action != chronos::SubmitAction::kUnchanged;
  }
  (void)chronos::upsert_jobs(ctx.clients.chronos(), jobs, send, batch);
  if (o.now && !InterruptGuard::fired()) {
    batch.on_result = nullptr;
    trigger(results, batch, ctx);
    for (const auto& r : results) {
      if (text && (r.trigger || r.runs_by_itself || !r.no_run.empty())) {
        ctx.io.out << chronos::trigger_line(r) << "\n";
      }
    }
  }
  return finish(o, results, ctx);
}

}  // namespace

void register_job_submit(CLI::App& job, Context& ctx) {
  auto opts = std::make_shared<JobSubmitOptions>();
  auto* cmd = job.add_subcommand("submit",
                                 "Create or update Chronos jobs from files, a directory or stdin");
  cmd->add_option("-f,--filename", opts->file,
                  "A job file (JSON object or array, NDJSON, YAML), a directory of *.json, "
                  "*.yaml and *.yml files, or - for stdin")
      ->required();
  cmd->add_flag("--now", opts->now, "Run each job right after submitting it (PUT job/NAME)");
  cmd->add_option("--priority", opts->priority,
                  "Set highPriority on every job: high or normal (default: as in the files)");
  cmd->add_flag("--dry-run", opts->dry_run,
                "Print what would be sent, and the diff against jobs already on the server");
  cmd->add_flag("--wait", opts->wait,
                "Wait for each job's run to finish: exit 0 on success, 1 on failure, 5 on "
                "timeout (without --now only run-once jobs start by themselves)");
  cmd->add_option("--wait-timeout", opts->wait_timeout, "How long --wait waits (default 10m)");
  cmd->add_option("--parallel", opts->parallel, "Requests in flight at once (default 8)");
  set_examples(*cmd,
               "  qctl job submit -f transcode.json --now --wait\n"
               "  qctl job submit -f jobs/ --parallel 16        # every *.json/*.yaml in jobs/\n"
               "  generate-jobs | qctl job submit -f - -o json  # NDJSON on stdin\n"
               "  qctl job submit -f nightly.yaml --dry-run     # diff against the server\n");
  cmd->callback(
      [opts, &ctx] { ctx.selected = [opts, &ctx] { return run_job_submit(*opts, ctx); }; });
}

}  // namespace qctl::cmd
