// `qctl job delete NAME…`: remove Chronos jobs, warning first how their dependents change.
#include <CLI/CLI.hpp>
#include <algorithm>

#include "cmd/commands.h"
#include "cmd/job/job_cmds.h"
#include "cmd/list_output.h"
#include "core/chronos/client.h"
#include "core/chronos/job_delete.h"
#include "core/error.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct JobDeleteOptions {
  std::vector<std::string> names;
  bool dry_run = false;
};

int run_job_delete(const JobDeleteOptions& o, Context& ctx) {
  auto& chronos = ctx.clients.chronos();
  const auto jobs = chronos.jobs();
  std::vector<const model::Job*> targets;
  std::vector<std::string> missing;
  for (const auto& name : o.names) {
    const auto it =
        std::find_if(jobs.begin(), jobs.end(), [&](const model::Job& j) { return j.name == name; });
    if (it == jobs.end()) {
      missing.push_back(name);
    } else {
      targets.push_back(&*it);
    }
  }
  if (!missing.empty()) {  // nothing deleted: all or none
    throw NotFoundError(
        "chronos",
        (missing.size() == 1 ? "job " : "jobs ") + util::join(missing, ", ") + " not found",
        "list the jobs with: qctl job list");
  }
  // Chronos re-parents at each deletion, so a later one sees what the earlier ones left: a
  // grandchild of two deleted jobs ends up on the first one's schedule, not with its parents.
  std::vector<model::Job> graph = jobs;
  const bool text = plain_text(ctx);
  nlohmann::json results = nlohmann::json::array();
  for (const auto* target : targets) {
    const auto it = std::find_if(graph.begin(), graph.end(),
                                 [&](const model::Job& j) { return j.name == target->name; });
    if (it == graph.end()) {
      continue;  // named twice
    }
    const model::Job job = *it;
    const auto plan = chronos::reparent_plan(job, graph, o.names);
    if (!plan.empty()) {
      ctx.io.err << "warning: job/" << job.name << " has " << plan.size()
                 << (plan.size() == 1 ? " dependent" : " dependents")
                 << "; Chronos re-parents them:\n";
      for (const auto& r : plan) {
        ctx.io.err << "  " << chronos::reparent_line(r, job.name) << "\n";
      }
    }
    if (!o.dry_run) {
      chronos.remove(job.name);  // also kills its running tasks
    }
    if (text) {
      ctx.io.out << "job/" << job.name << " deleted" << (o.dry_run ? " (dry run)" : "") << "\n";
    }
    nlohmann::json reparented = nlohmann::json::array();
    for (const auto& r : plan) {
      reparented.push_back(
          {{"name", r.child},
           {"becomes_scheduled", r.becomes_scheduled},
           {"schedule", r.becomes_scheduled ? nlohmann::json(r.schedule) : nlohmann::json()},
           {"parents", r.becomes_scheduled ? nlohmann::json::array() : nlohmann::json(r.parents)}});
    }
    results.push_back({{"name", job.name},
                       {"deleted", !o.dry_run},
                       {"dry_run", o.dry_run},
                       {"reparented", std::move(reparented)}});
    chronos::apply_delete(job, graph);
  }
  print_results(ctx, results, "job");
  return 0;
}

}  // namespace

void register_job_delete(CLI::App& job, Context& ctx) {
  auto o = std::make_shared<JobDeleteOptions>();
  auto* cmd = job.add_subcommand("delete", "Delete Chronos jobs (their running tasks are killed)");
  cmd->alias("rm");
  cmd->add_option("NAME", o->names, "Job names")->required();
  cmd->add_flag("--dry-run", o->dry_run,
                "Show what would be deleted and re-parented, change nothing");
  set_examples(*cmd,
               "  qctl job delete nightly-report --dry-run   # which dependents get re-parented\n"
               "  qctl job delete old-etl old-report\n");
  cmd->callback([o, &ctx] { ctx.selected = [o, &ctx] { return run_job_delete(*o, ctx); }; });
}

}  // namespace qctl::cmd
