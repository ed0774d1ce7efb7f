// `qctl restart app ID… | --all [--if-unhealthy] [--force] [--wait]`: Marathon rolling
// restarts (POST /v2/apps/{id}/restart), optionally followed to the end.
#include <CLI/CLI.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cmd/commands.h"
#include "cmd/list_output.h"
#include "cmd/restart/restart_cmds.h"
#include "core/error.h"
#include "core/marathon/client.h"
#include "core/restart/follow.h"
#include "core/restart/select.h"
#include "core/util/duration.h"

namespace qctl::cmd {

namespace {

struct RestartAppOptions {
  std::vector<std::string> ids;
  bool all = false;
  bool if_unhealthy = false;
  bool force = false;
  bool wait = false;
  std::string wait_timeout = "10m";
  std::size_t fail_after = 3;
  bool dry_run = false;
};

/// Throws UsageError for bad flags; returns --wait-timeout as a duration.
std::chrono::milliseconds validate(const RestartAppOptions& o) {
  if (o.ids.empty() && !o.all) {
    throw UsageError("name the apps to restart or give --all",
                     "qctl restart app /web, or qctl restart app --all --if-unhealthy");
  }
  if (!o.ids.empty() && o.all) {
    throw UsageError("give app ids or --all, not both");
  }
  const auto wait_timeout = util::parse_duration(o.wait_timeout);
  if (!wait_timeout) {
    throw UsageError("--wait-timeout: '" + o.wait_timeout + "' is not a duration (e.g. 90s, 10m)");
  }
  if (o.fail_after == 0) {
    throw UsageError("--fail-after must be at least 1");
  }
  return *wait_timeout;
}

/// The apps to consider: every app with --all, else each named one (NotFoundError, exit 3,
/// before anything is restarted).
std::vector<model::App> candidates(const RestartAppOptions& o, marathon::Client& client) {
  if (o.all) {
    return client.apps();
  }
  std::vector<model::App> apps;
  for (const auto& id : o.ids) {
    apps.push_back(client.app(marathon::normalize_app_id(id)));
  }
  return apps;
}

struct Row {
  std::string app;
  std::string action;  // restarted | skipped | would-restart | error
  std::string reason;
  std::string deployment_id;
  std::string version;
  std::string outcome;  // with --wait: completed | failed | rolled-back | timed-out
};

nlohmann::json to_json(const Row& r) {
  auto nullable = [](const std::string& s) {
    return s.empty() ? nlohmann::json() : nlohmann::json(s);
  };
  return {{"app", r.app},
          {"action", r.action},
          {"reason", nullable(r.reason)},
          {"deployment_id", nullable(r.deployment_id)},
          {"version", nullable(r.version)},
          {"outcome", nullable(r.outcome)}};
}

void follow(const RestartAppOptions& o, std::chrono::milliseconds timeout, std::vector<Row>& rows,
            Context& ctx) {
  std::vector<restart::RestartTarget> targets;
  for (const auto& r : rows) {
    if (r.action == "restarted") {
      targets.push_back({r.app, r.deployment_id, r.version});
    }
  }
  if (targets.empty()) {
    return;
  }
  restart::FollowOptions f;
  f.timeout = timeout;
  f.fail_after = o.fail_after;
  if (ctx.io.err_is_tty) {
    f.progress = [&ctx](const std::vector<restart::FollowState>& states) {
      std::string line;
      for (const auto& s : states) {
        line += (line.empty() ? "" : "; ") + restart::progress_text(s);
      }
      ctx.io.err << "\r" << line << "\033[K" << std::flush;
    };
  }
  const auto states = restart::follow_restarts(ctx.clients.marathon(), ctx.clock, targets, f);
  if (ctx.io.err_is_tty) {
    ctx.io.err << "\r\033[K";
  }
  for (const auto& s : states) {
    for (auto& r : rows) {
      if (r.app == s.target.app_id && r.action == "restarted") {
        r.outcome = restart::outcome_name(s.outcome);
        r.reason = s.reason;
      }
    }
    const std::string app = "app" + s.target.app_id;
    switch (s.outcome) {
      case restart::Outcome::kCompleted:
        ctx.io.err << app << " restarted: " << restart::progress_text(s) << "\n";
        break;
      case restart::Outcome::kTimedOut:
        ctx.io.err << app << " still restarting after " << o.wait_timeout << ": "
                   << restart::progress_text(s) << "\n";
        break;
      default:
        ctx.io.err << app << " restart " << restart::outcome_name(s.outcome) << ": " << s.reason
                   << "\n";
    }
  }
}

int exit_code(const std::vector<Row>& rows) {
  std::size_t errors = 0;
  std::size_t restarted = 0;
  int code = 0;
  for (const auto& r : rows) {
    errors += r.action == "error" ? 1 : 0;
    restarted += r.action == "restarted" ? 1 : 0;
    if (r.outcome == "failed" || r.outcome == "rolled-back") {
      code = static_cast<int>(ExitCode::kApi);
    } else if (r.outcome == "timed-out" && code == 0) {
      code = static_cast<int>(ExitCode::kNetwork);
    }
  }
  if (errors > 0) {
    // Some restarted and some not: the batch's partial failure, so a cron mail can tell it
    // from "nothing was restarted".
    return static_cast<int>(restarted > 0 ? ExitCode::kPartial : ExitCode::kApi);
  }
  return code;
}

void restart_one(const restart::AppChoice& c, const RestartAppOptions& o, Row& row, bool only_one,
                 Context& ctx) {
  try {
    const auto result = ctx.clients.marathon().restart_app(c.app->id, o.force);
    row.action = "restarted";
    row.deployment_id = result.deployment_id;
    row.version = result.version;
    ctx.io.err << "app" << c.app->id << " restarting (deployment " << result.deployment_id
               << (c.reason.empty() ? "" : ", " + c.reason) << ")\n";
  } catch (const ApiError& e) {
    const std::string hint =
        e.status() == 409 && !o.force
            ? "a deployment holds the app: --force cancels it (Marathon's force=true)"
            : e.hint();
    if (only_one) {
      throw ApiError(e.subject(), e.what(), e.status(), hint);  // main prints it, exit 1
    }
    row.action = "error";
    row.reason = e.line();
    ctx.io.err << "qctl: " << e.line() << "\n";
    if (!hint.empty()) {
      ctx.io.err << "hint: " << hint << "\n";
    }
  }
}

int run_restart_app(const RestartAppOptions& o, Context& ctx) {
  const auto wait_timeout = validate(o);
  const auto apps = candidates(o, ctx.clients.marathon());
  const auto choices = restart::choose_apps(apps, o.if_unhealthy, o.force);
  std::vector<Row> rows;
  std::size_t chosen = 0;
  for (const auto& c : choices) {
    chosen += c.restart ? 1 : 0;
  }
  for (const auto& c : choices) {
    Row row{c.app->id, c.restart ? "would-restart" : "skipped", c.reason, "", "", ""};
    if (!c.restart) {
      // With --all the healthy apps are the rule and go unmentioned; one skipped for any
      // other reason (an unhealthy app locked by a deployment) is what the cron log needs.
      if (!o.all || c.reason != "healthy") {
        ctx.io.err << "app" << c.app->id << " skipped: " << c.reason << "\n";
      }
    } else if (o.dry_run) {
      ctx.io.err << "app" << c.app->id << " would be restarted (" << c.app->instances
                 << " instances" << (c.reason.empty() ? "" : ", " + c.reason)
                 << (!c.app->deployment_ids.empty() && !o.force
                         ? "; locked by deployment " + c.app->deployment_ids.front() +
                               ": Marathon would answer 409 without --force"
                         : "")
                 << ") (dry run)\n";
    } else {
      restart_one(c, o, row, choices.size() == 1, ctx);
    }
    rows.push_back(row);
  }
  if (chosen == 0) {
    ctx.io.err << (o.if_unhealthy ? "No unhealthy apps: nothing to restart.\n"
                                  : "No apps: nothing to restart.\n");
  }
  if (o.wait && !o.dry_run) {
    follow(o, wait_timeout, rows, ctx);
  }
  const auto format = ctx.format();
  if (format == output::Format::kJson || format == output::Format::kYaml) {
    nlohmann::json doc = nlohmann::json::array();
    for (const auto& r : rows) {
      doc.push_back(to_json(r));
    }
    print_document(ctx, doc);
  } else if (format == output::Format::kName) {
    for (const auto& r : rows) {  // the apps acted on (or that would be, with --dry-run)
      if (r.action == "restarted" || r.action == "would-restart") {
        ctx.io.out << "app" << r.app << "\n";
      }
    }
  }
  return exit_code(rows);
}

}  // namespace

void register_restart_app(CLI::App& restart, Context& ctx) {
  auto o = std::make_shared<RestartAppOptions>();
  auto* cmd = restart.add_subcommand("app", "Restart Marathon apps with a rolling deployment");
  cmd->add_option("ID", o->ids, "App ids, e.g. /web /team/api");
  cmd->add_flag("--all", o->all, "Every app (with --if-unhealthy: every unhealthy app)");
  cmd->add_flag("--if-unhealthy", o->if_unhealthy,
                "Only apps with tasks failing health checks or below their instance count");
  cmd->add_flag("--force", o->force,
                "Cancel a deployment in progress for the app (Marathon's force=true)");
  auto* wait =
      cmd->add_flag("--wait", o->wait,
                    "Follow the deployment: exit 0 completed, 1 failed or rolled back, 5 timeout");
  cmd->add_option("--wait-timeout", o->wait_timeout, "How long --wait waits (default 10m)")
      ->needs(wait);
  cmd->add_option("--fail-after", o->fail_after,
                  "With --wait: call the restart failed after N failures of new tasks "
                  "(default 3; Marathon itself retries forever)")
      ->needs(wait);
  cmd->add_flag("--dry-run", o->dry_run, "Show what would be restarted; change nothing");
  set_examples(*cmd,
               "  qctl restart app /web\n"
               "  qctl restart app /web /team/api --wait --wait-timeout 15m\n"
               "  qctl restart app --all --if-unhealthy --dry-run\n"
               "  qctl restart app /web --force --wait -o json\n");
  cmd->callback([o, &ctx] { ctx.selected = [o, &ctx] { return run_restart_app(*o, ctx); }; });
}

}  // namespace qctl::cmd
