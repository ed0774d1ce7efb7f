// `qctl config get-contexts [NAME]`: the contexts of the config file as a table.
#include <nlohmann/json.hpp>

#include <memory>
#include <ostream>

#include "cmd/commands.h"
#include "cmd/config/config_cmds.h"
#include "core/error.h"
#include "core/output/format.h"
#include "core/output/table.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct ConfigGetContextsOptions {
  std::string name;  // only this context when set
  output::Format format = output::Format::kTable;
  bool headers = true;
};

/// The context's credentials, and each service's own ("marathon:token") where it has them.
std::string auth_column(const config::ContextConfig& c) {
  std::vector<std::string> kinds;
  if (const std::string all = config::auth_kind(c.auth); all != "none") {
    kinds.push_back(all);
  }
  const std::pair<const char*, const config::ServiceConfig*> services[] = {
      {"mesos", &c.mesos}, {"marathon", &c.marathon}, {"chronos", &c.chronos}};
  for (const auto& [name, service] : services) {
    if (service->auth) {
      if (const std::string kind = config::auth_kind(*service->auth); kind != "none") {
        kinds.push_back(std::string(name) + ":" + kind);
      }
    }
  }
  return kinds.empty() ? "none" : util::join(kinds, ",");
}

void print_table(const ConfigGetContextsOptions& o, const std::vector<config::ContextConfig>& list,
                 const std::string& current, std::ostream& out) {
  output::Table table({{"CURRENT"},
                       {"NAME"},
                       {"MESOS"},
                       {"MARATHON"},
                       {"CHRONOS"},
                       {"AUTH"},
                       {"CHRONOS-API", true},
                       {"OUTPUT", true}});
  for (const auto& c : list) {
    // A blank cell, not <none>: kubectl marks only the current row.
    table.add({c.name == current ? "*" : " ", c.name,
               util::join(config::redact_urls(c.mesos.urls), ","),
               util::join(config::redact_urls(c.marathon.urls), ","),
               util::join(config::redact_urls(c.chronos.urls), ","), auth_column(c),
               config::chronos_api_name(c.chronos_api), c.output});
  }
  table.print(out, o.format == output::Format::kWide, o.headers);
}

int run_config_get_contexts(const ConfigGetContextsOptions& o, Context& ctx) {
  auto& cfg = ctx.clients.config();
  auto list = cfg.contexts;
  if (!o.name.empty()) {
    list = {require_context(cfg, o.name)};
  }
  const auto current = config::selected_context_name(cfg, ctx.globals.context, ctx.clients.env());
  switch (o.format) {
    case output::Format::kName:
      for (const auto& c : list) {
        ctx.io.out << c.name << '\n';
      }
      break;
    case output::Format::kJson:
    case output::Format::kYaml: {
      config::Config shown{cfg.path, cfg.exists, current, list};
      const auto doc = config::to_json(shown, true);
      if (o.format == output::Format::kJson) {
        output::print_json(ctx.io.out, doc);
      } else {
        output::print_yaml(ctx.io.out, doc);
      }
      break;
    }
    default:
      print_table(o, list, current, ctx.io.out);
  }
  return 0;
}

}  // namespace

void register_config_get_contexts(CLI::App& parent, Context& ctx) {
  auto opts = std::make_shared<ConfigGetContextsOptions>();
  auto* cmd = parent.add_subcommand("get-contexts", "List the contexts of the config file");
  cmd->add_option("NAME", opts->name, "Show only this context");
  set_examples(*cmd,
               "  qctl config get-contexts\n"
               "  qctl config get-contexts -o name\n"
               "  qctl config get-contexts prod --no-headers\n");
  cmd->callback([opts, &ctx] {
    ctx.selected = [opts, &ctx] {
      // -o and --no-headers are global flags; config commands ignore the context's default -o.
      opts->format = output::parse_format(ctx.globals.output).value_or(output::Format::kTable);
      opts->headers = !ctx.globals.no_headers;
      return run_config_get_contexts(*opts, ctx);
    };
  });
}

}  // namespace qctl::cmd
