// `qctl restart task TASKID… | --all --if-unhealthy [--wipe]`: kill Marathon tasks so that
// Marathon replaces them (DELETE /v2/apps/{app}/tasks/{task}).
#include <CLI/CLI.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <utility>

#include "cmd/commands.h"
#include "cmd/list_output.h"
#include "cmd/restart/restart_cmds.h"
#include "core/error.h"
#include "core/marathon/client.h"
#include "core/output/printable.h"
#include "core/restart/select.h"

namespace qctl::cmd {

namespace {

struct RestartTaskOptions {
  std::vector<std::string> ids;
  bool all = false;
  bool if_unhealthy = false;
  bool wipe = false;
  bool dry_run = false;
  int max_per_app = 1;  // with --all: tasks killed per app in one run (0: no cap)
};

void validate(const RestartTaskOptions& o) {
  if (o.ids.empty() && !o.all) {
    throw UsageError("name the tasks to restart or give --all --if-unhealthy");
  }
  if (!o.ids.empty() && o.all) {
    throw UsageError("give task ids or --all, not both");
  }
  if (o.all && !o.if_unhealthy) {
    throw UsageError("--all would kill every Marathon task; it needs --if-unhealthy",
                     "qctl restart task --all --if-unhealthy");
  }
  if (o.max_per_app < 0) {
    throw UsageError("--max-per-app must be >= 0 (0: no cap)");
  }
}

/// Each named task as Marathon lists it (NotFoundError, exit 3, when the id is no task of a
/// live app), or every task with --all.
std::vector<model::MarathonTask> candidates(const RestartTaskOptions& o, marathon::Client& client) {
  if (o.all) {
    return client.tasks();
  }
  std::vector<model::MarathonTask> out;
  for (const auto& id : o.ids) {
    const auto app = restart::app_of_task(id);
    if (!app) {
      throw UsageError("'" + id + "' is not a Marathon task id",
                       "list them with: qctl status tasks --framework marathon");
    }
    std::vector<model::MarathonTask> tasks;
    try {
      tasks = client.app_tasks(*app);
    } catch (const NotFoundError&) {
      throw NotFoundError("task/" + id, "no such task (app " + *app + " does not exist)");
    }
    const auto it = std::find_if(tasks.begin(), tasks.end(),
                                 [&](const model::MarathonTask& t) { return t.id == id; });
    if (it == tasks.end()) {
      throw NotFoundError("task/" + id, "no such task in app " + *app);
    }
    out.push_back(*it);
  }
  return out;
}

/// What one run did, task by task.
struct TaskRun {
  nlohmann::json rows = nlohmann::json::array();
  std::size_t chosen = 0;
  std::size_t killed = 0;
  std::size_t failed = 0;
  std::optional<Error> first_error;
  // With --all, at most --max-per-app kills per app in one run: an app whose every instance
  // fails its health check (a bad dependency, not a bad task) is not taken down at once.
  std::map<std::string, int> per_app;
};

/// Kills one chosen task; returns the row's action ("killed" or "error") and its error.
std::pair<std::string, std::string> kill_one(const model::MarathonTask& t, const std::string& app,
                                             const RestartTaskOptions& o, TaskRun& run,
                                             Context& ctx) {
  ++run.chosen;
  try {
    ctx.clients.marathon().kill_task(app, t.id, false, o.wipe);
    ++run.killed;
    ++run.per_app[app];  // only kills count: after a 404 (replaced meanwhile) the next one goes
    ctx.io.err << "task/" << t.id << " killed"
               << (o.wipe ? " and wiped (reservations and volumes released)" : "")
               << "; Marathon launches a replacement\n";
    return {"killed", ""};
  } catch (const Error& e) {
    // One task that cannot be killed (gone meanwhile, app locked) does not stop the rest.
    ++run.failed;
    if (o.all || o.ids.size() > 1) {  // one named task: its error line says it all
      ctx.io.err << "task/" << t.id << " failed: " << output::printable(e.line()) << "\n";
    }
    if (!run.first_error) {
      run.first_error = e;
    }
    return {"error", e.line()};
  }
}

/// Decides and does what happens to one task; appends its row.
void handle(const model::MarathonTask& t, const RestartTaskOptions& o, TaskRun& run, Context& ctx) {
  const bool unhealthy = restart::task_unhealthy(t);
  const auto app = t.app_id.empty() ? restart::app_of_task(t.id).value_or("") : t.app_id;
  std::pair<std::string, std::string> result;
  if (o.if_unhealthy && !unhealthy) {
    result.first = "skipped";
    if (!o.all) {
      ctx.io.err << "task/" << t.id << " skipped: healthy\n";
    }
  } else if (o.all && o.max_per_app > 0 && run.per_app[app] >= o.max_per_app) {
    result.first = "held";
    ctx.io.err << "task/" << t.id << " held: " << o.max_per_app << " task(s) of " << app
               << " already chosen this run (--max-per-app)\n";
  } else if (o.dry_run) {
    result.first = "would-kill";
    ++run.chosen;
    ++run.per_app[app];
    ctx.io.err << "task/" << t.id << " would be killed" << (o.wipe ? " and wiped" : "")
               << " (app " << t.app_id << " on " << t.host << ") (dry run)\n";
  } else {
    result = kill_one(t, app, o, run, ctx);
  }
  nlohmann::json row = {{"task", t.id},         {"app", t.app_id},          {"host", t.host},
                        {"unhealthy", unhealthy}, {"action", result.first}, {"wipe", o.wipe}};
  if (!result.second.empty()) {
    row["error"] = result.second;
  }
  run.rows.push_back(std::move(row));
}

int run_restart_task(const RestartTaskOptions& o, Context& ctx) {
  validate(o);
  TaskRun run;
  for (const auto& t : candidates(o, ctx.clients.marathon())) {
    handle(t, o, run, ctx);
  }
  if (run.chosen == 0) {
    ctx.io.err << (o.if_unhealthy ? "No unhealthy tasks: nothing to restart.\n"
                                  : "No tasks: nothing to restart.\n");
  }
  if (structured(ctx)) {
    print_document(ctx, run.rows);
  } else if (ctx.format() == output::Format::kName) {
    for (const auto& row : run.rows) {  // the tasks killed (or that would be, with --dry-run)
      if (row["action"] == "killed" || row["action"] == "would-kill") {
        ctx.io.out << "task/" << output::printable(row["task"].get<std::string>()) << "\n";
      }
    }
  }
  if (run.failed > 0 && run.killed == 0) {
    throw *run.first_error;  // nothing was killed: the (first) error's own line and exit code
  }
  if (run.failed > 0) {
    throw PartialError("restart task", std::to_string(run.failed) + " of " +
                                           std::to_string(run.chosen) +
                                           " tasks could not be killed");
  }
  return 0;
}

}  // namespace

void register_restart_task(CLI::App& restart, Context& ctx) {
  auto o = std::make_shared<RestartTaskOptions>();
  auto* cmd = restart.add_subcommand("task", "Kill Marathon tasks so that Marathon replaces them");
  cmd->add_option("TASKID", o->ids, "Marathon task ids");
  cmd->add_flag("--all", o->all, "Every Marathon task; needs --if-unhealthy");
  cmd->add_flag("--if-unhealthy", o->if_unhealthy, "Only tasks with a failing health check result");
  cmd->add_flag("--wipe", o->wipe,
                "Also release the task's reservations and persistent volumes (wipe=true)");
  cmd->add_flag("--dry-run", o->dry_run, "Show what would be killed; change nothing");
  auto* all = cmd->get_option("--all");
  cmd->add_option("--max-per-app", o->max_per_app,
                  "With --all: kill at most N tasks of each app per run; the others are held "
                  "until the next run (default 1; 0: no cap)")
      ->type_name("N")
      ->needs(all);
  set_examples(*cmd,
               "  qctl restart task web.instance-8f2d41c6-1e0a-11ef-9c1b-0242ac110002._app.1\n"
               "  qctl restart task --all --if-unhealthy --dry-run\n"
               "  qctl restart task db.instance-…._app.1 --wipe\n");
  cmd->callback([o, &ctx] { ctx.selected = [o, &ctx] { return run_restart_task(*o, ctx); }; });
}

}  // namespace qctl::cmd
