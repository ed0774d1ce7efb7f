// `qctl job kill NAME…`: kill the running Mesos tasks of Chronos jobs (DELETE task/kill).
#include <CLI/CLI.hpp>

#include "cmd/commands.h"
#include "cmd/job/job_cmds.h"
#include "cmd/list_output.h"
#include "core/chronos/client.h"
#include "core/chronos/queue_view.h"
#include "core/chronos/run_check.h"
#include "core/error.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct JobKillOptions {
  std::vector<std::string> names;
};

int run_job_kill(const JobKillOptions& o, Context& ctx) {
  auto& chronos = ctx.clients.chronos();
  auto states = chronos::current_states(chronos);  // 2.x: from the graph (no jobs/summary)
  std::vector<std::string> missing;
  for (const auto& name : o.names) {
    if (states.find(name) == states.end()) {
      missing.push_back(name);
    }
  }
  if (!missing.empty()) {  // nothing killed: all or none
    throw NotFoundError(
        "chronos",
        (missing.size() == 1 ? "job " : "jobs ") + util::join(missing, ", ") + " not found",
        "list the jobs with: qctl job list");
  }
  const bool text = plain_text(ctx);
  nlohmann::json results = nlohmann::json::array();
  for (const auto& name : o.names) {
    const auto& state = states[name];
    const int running = chronos::running_count(state);
    results.push_back({{"name", name}, {"state", state}, {"killed", running}});
    if (running == 0) {
      ctx.io.err << "job/" << name << ": nothing running (" << state << ")"
                 << (state == "queued" ? "; Chronos cannot remove a queued task" : "") << "\n";
      continue;
    }
    chronos.kill_tasks(name);
    if (text) {
      ctx.io.out << "job/" << name << " killed " << running
                 << (running == 1 ? " running task" : " running tasks") << "\n";
    }
  }
  print_results(ctx, results, "job");
  return 0;
}

}  // namespace

void register_job_kill(CLI::App& job, Context& ctx) {
  auto o = std::make_shared<JobKillOptions>();
  auto* cmd = job.add_subcommand("kill", "Kill the running tasks of Chronos jobs");
  cmd->add_option("NAME", o->names, "Job names")->required();
  set_examples(*cmd,
               "  qctl job kill transcode-news\n"
               "  qctl job kill etl-1 etl-2\n");
  cmd->callback([o, &ctx] { ctx.selected = [o, &ctx] { return run_job_kill(*o, ctx); }; });
}

}  // namespace qctl::cmd
