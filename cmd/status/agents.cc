// `qctl status agents [NAME]`: agents with their state, allocation and attributes.
#include <CLI/CLI.hpp>

#include "cmd/commands.h"
#include "cmd/list_output.h"
#include "cmd/status/status_cmds.h"
#include "core/error.h"
#include "core/mesos/master_client.h"
#include "core/model/mesos_json.h"
#include "core/output/units.h"
#include "core/status/selector.h"
#include "core/status/summary.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct StatusAgentsOptions {
  std::string name;      // hostname, id or glob
  std::string selector;  // attribute selector
};

std::string used_of(double used, double total, bool mb) {
  const auto fmt = [mb](double v) { return mb ? output::format_mb(v) : util::format_number(v); };
  return fmt(used) + "/" + fmt(total);
}

std::string attributes_text(const model::Agent& a) {
  std::vector<std::string> parts;
  for (const auto& attr : a.attributes) {
    parts.push_back(attr.name + "=" + attr.str());
  }
  return util::join(parts, ",");
}

bool name_matches(const model::Agent& a, const std::string& name) {
  return name.empty() || a.hostname == name || a.id == name || util::glob_match(name, a.hostname);
}

int run_status_agents(const StatusAgentsOptions& opts, Context& ctx) {
  std::optional<status::Selector> selector;
  if (!opts.selector.empty()) {
    selector = status::parse_selector(opts.selector);
  }
  auto& mesos = ctx.clients.mesos();
  const auto summary = mesos.state_summary();
  const auto maintenance = mesos.maintenance_status();
  ListOutput list(ctx, {{"NAME"}, {"STATUS"}, {"CPUS"}, {"MEM"}, {"DISK"}, {"GPUS", true},
                   {"TASKS", false, true}, {"ID", true}, {"VERSION", true},
                   {"ATTRIBUTES", true}, {"AGE"}});
  for (const auto& a : summary.agents) {
    if (!name_matches(a, opts.name)) {
      continue;
    }
    if (selector && !status::matches(*selector, [&a](const std::string& key) {
          const auto* attr = a.attribute(key);
          return attr ? std::optional<std::string>(attr->str()) : std::nullopt;
        })) {
      continue;
    }
    const auto state = status::status_text(a, maintenance);
    list.add(
        [&] {
          return std::vector<std::string>{a.hostname, state,
                                          used_of(a.used.cpus, a.resources.cpus, false),
                                          used_of(a.used.mem, a.resources.mem, true),
                                          used_of(a.used.disk, a.resources.disk, true),
                                          used_of(a.used.gpus, a.resources.gpus, false),
                                          std::to_string(status::active_tasks(a)), a.id,
                                          a.version, attributes_text(a),
                                          util::format_age(ctx.clock.now() - a.registered_time)};
        },
        [&] {
          auto item = model::to_json(a);
          item["status"] = state;
          return item;
        },
        "agent/" + a.hostname);
  }
  if (!opts.name.empty() && !util::is_glob(opts.name) && list.size() == 0) {  // a glob is a filter
    throw NotFoundError("agent '" + opts.name + "'", "no registered agent has that hostname or id");
  }
  print_list(ctx, list, "agents");
  return 0;
}

}  // namespace

void register_status_agents(CLI::App& status, Context& ctx) {
  auto opts = std::make_shared<StatusAgentsOptions>();
  auto* cmd = status.add_subcommand("agents", "List agents with state, allocation and attributes");
  cmd->alias("agent");
  cmd->add_option("NAME", opts->name, "Agent hostname, id or hostname glob");
  cmd->add_option("-l,--selector", opts->selector,
                  "Attribute selector, e.g. dc=bj1,rack!=r2");
  set_examples(*cmd,
               "  qctl status agents\n"
               "  qctl status agents -o wide --selector dc=bj1\n"
               "  qctl status agents 'agent*.dc1.example.com' -o json\n");
  cmd->callback([opts, &ctx] { ctx.selected = [opts, &ctx] { return run_status_agents(*opts, ctx); }; });
}

}  // namespace qctl::cmd
