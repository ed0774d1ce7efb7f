// `qctl config view`: the config file as YAML (or JSON), secrets redacted.
#include <nlohmann/json.hpp>

#include <memory>
#include <ostream>

#include "cmd/commands.h"
#include "cmd/config/config_cmds.h"
#include "core/error.h"
#include "core/output/format.h"

namespace qctl::cmd {

namespace {

struct ConfigViewOptions {
  bool minify = false;  // only the selected context
  std::string output;   // the global -o: "" | yaml | json
};

void validate(const ConfigViewOptions& o) {
  if (!o.output.empty() && o.output != "yaml" && o.output != "json") {
    throw UsageError("config view prints yaml or json, not " + o.output, "use -o yaml or -o json");
  }
}

/// The config reduced to the selected context (kubectl's --minify).
config::Config minified(config::Config& cfg, const std::string& name) {
  if (name.empty()) {
    throw ConfigError("config", "no current context to minify",
                      "run 'qctl config use-context NAME' or pass --context NAME");
  }
  config::Config out;
  out.path = cfg.path;
  out.exists = cfg.exists;
  out.current_context = name;
  out.contexts.push_back(require_context(cfg, name));
  return out;
}

int run_config_view(const ConfigViewOptions& o, Context& ctx) {
  validate(o);
  auto& cfg = ctx.clients.config();
  const auto shown = o.minify ? minified(cfg, config::selected_context_name(
                                                  cfg, ctx.globals.context, ctx.clients.env()))
                              : cfg;
  if (o.output == "json") {
    output::print_json(ctx.io.out, config::to_json(shown, true));
  } else {
    ctx.io.out << config::to_yaml(shown, true);
  }
  return 0;
}

}  // namespace

void register_config_view(CLI::App& parent, Context& ctx) {
  auto opts = std::make_shared<ConfigViewOptions>();
  auto* cmd = parent.add_subcommand("view", "Show the config file with secrets redacted");
  cmd->add_flag("--minify", opts->minify, "Show only the current context");
  set_examples(*cmd,
               "  qctl config view\n"
               "  qctl config view --minify -o json\n"
               "  qctl config view --context staging --minify\n");
  cmd->callback([opts, &ctx] {
    ctx.selected = [opts, &ctx] {
      opts->output = ctx.globals.output;
      return run_config_view(*opts, ctx);
    };
  });
}

}  // namespace qctl::cmd
