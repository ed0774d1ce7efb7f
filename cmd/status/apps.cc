// `qctl status apps [ID]`: Marathon apps with instances, health and deployments.
#include <CLI/CLI.hpp>

#include "cmd/commands.h"
#include "cmd/list_output.h"
#include "cmd/status/status_cmds.h"
#include "core/error.h"
#include "core/marathon/client.h"
#include "core/model/marathon_json.h"
#include "core/output/units.h"
#include "core/status/selector.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct StatusAppsOptions {
  std::string id;        // app id (exact) or glob
  std::string selector;  // label selector
};

std::string constraints_text(const model::App& app) {
  std::vector<std::string> parts;
  for (const auto& c : app.constraints) {
    parts.push_back(c.field + ":" + c.op + (c.has_value ? ":" + c.value : ""));
  }
  return util::join(parts, ",");
}

std::string health_text(const model::App& app) {
  if (app.health_check_count == 0) {
    return "";
  }
  return std::to_string(app.tasks_healthy) + "/" + std::to_string(app.tasks_running);
}

// Age of the app's current configuration (versionInfo.lastConfigChangeAt, else version).
std::string age_of(const model::App& app, double now) {
  const auto& stamp = app.last_config_change_at.empty() ? app.version : app.last_config_change_at;
  const auto when = util::parse_iso8601(stamp);
  return when ? util::format_age(now - *when) : "";
}

std::vector<model::App> fetch_apps(const StatusAppsOptions& opts, Context& ctx) {
  auto& marathon = ctx.clients.marathon();
  const bool exact = !opts.id.empty() && opts.id.find_first_of("*?") == std::string::npos;
  if (exact) {
    return {marathon.app(opts.id)};  // 404 -> not found, exit 3
  }
  return marathon.apps();
}

int run_status_apps(const StatusAppsOptions& opts, Context& ctx) {
  std::optional<status::Selector> selector;
  if (!opts.selector.empty()) {
    selector = status::parse_selector(opts.selector);
  }
  const auto apps = fetch_apps(opts, ctx);
  ListOutput list(ctx, {{"NAME"}, {"INSTANCES", false, true}, {"HEALTHY", false, true},
                   {"CPUS", false, true}, {"MEM", false, true}, {"DEPLOYING"},
                   {"CONSTRAINTS", true}, {"IMAGE", true}, {"VERSION", true}, {"AGE"}});
  for (const auto& app : apps) {
    if (!opts.id.empty() && util::is_glob(opts.id) &&
        !util::glob_match(opts.id, app.id) && !util::glob_match("/" + opts.id, app.id)) {
      continue;
    }
    if (selector && !status::matches(*selector, [&app](const std::string& key) {
          const auto it = app.labels.find(key);
          return it == app.labels.end() ? std::nullopt : std::optional<std::string>(it->second);
        })) {
      continue;
    }
    list.add(
        [&] {
          return std::vector<std::string>{
              app.id, std::to_string(app.tasks_running) + "/" + std::to_string(app.instances),
              health_text(app), util::format_number(app.cpus), output::format_mb(app.mem),
              app.deployment_ids.empty() ? "no" : "yes", constraints_text(app),
              app.docker_image, app.version, age_of(app, ctx.clock.now())};
        },
        [&] { return model::to_json(app); }, "app" + app.id);
  }
  print_list(ctx, list, "apps");
  return 0;
}

}  // namespace

void register_status_apps(CLI::App& status, Context& ctx) {
  auto opts = std::make_shared<StatusAppsOptions>();
  auto* cmd = status.add_subcommand("apps", "List Marathon apps with instances, health and deployments");
  cmd->alias("app");
  cmd->add_option("ID", opts->id, "App id (/team/web or team/web) or an id glob ('/team/*')");
  cmd->add_option("-l,--selector", opts->selector, "Label selector, e.g. team=web,tier!=batch");
  set_examples(*cmd,
               "  qctl status apps\n"
               "  qctl status apps /infra/log-shipper -o yaml\n"
               "  qctl status apps '/infra/*' -o wide\n"
               "  qctl status apps --selector team=video -o name\n");
  cmd->callback([opts, &ctx] { ctx.selected = [opts, &ctx] { return run_status_apps(*opts, ctx); }; });
}

}  // namespace qctl::cmd
