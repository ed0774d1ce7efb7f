// `qctl config use-context NAME`: makes NAME the config file's current context.
#include <memory>
#include <ostream>

#include "cmd/commands.h"
#include "cmd/config/config_cmds.h"
#include "core/error.h"

namespace qctl::cmd {

namespace {

struct ConfigUseContextOptions {
  std::string name;
  bool dry_run = false;
};

void validate(const ConfigUseContextOptions& o) {
  if (o.name.empty()) {
    throw UsageError("use-context needs a context name");
  }
}

int run_config_use_context(const ConfigUseContextOptions& o, Context& ctx) {
  validate(o);
  auto& cfg = o.dry_run ? ctx.clients.config() : ctx.clients.config_for_edit();
  require_context(cfg, o.name);
  if (!o.dry_run) {
    cfg.current_context = o.name;
    config::save(cfg);
  }
  ctx.io.out << "Switched to context \"" << o.name << "\"" << (o.dry_run ? " (dry run)" : "")
             << ".\n";
  return 0;
}

}  // namespace

void register_config_use_context(CLI::App& parent, Context& ctx) {
  auto opts = std::make_shared<ConfigUseContextOptions>();
  auto* cmd = parent.add_subcommand("use-context", "Set the current context in the config file");
  cmd->alias("use");
  cmd->add_option("NAME", opts->name, "Context to make current")->required();
  cmd->add_flag("--dry-run", opts->dry_run, "Show what would change without writing the file");
  set_examples(*cmd, "  qctl config use-context prod\n");
  cmd->callback(
      [opts, &ctx] { ctx.selected = [opts, &ctx] { return run_config_use_context(*opts, ctx); }; });
}

}  // namespace qctl::cmd
