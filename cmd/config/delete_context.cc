// `qctl config delete-context NAME`: removes a context from the config file.
#include <algorithm>
#include <memory>
#include <ostream>

#include "cmd/commands.h"
#include "cmd/config/config_cmds.h"
#include "core/error.h"

namespace qctl::cmd {

namespace {

struct ConfigDeleteContextOptions {
  std::string name;
  bool dry_run = false;
};

void validate(const ConfigDeleteContextOptions& o) {
  if (o.name.empty()) {
    throw UsageError("delete-context needs a context name");
  }
}

int run_config_delete_context(const ConfigDeleteContextOptions& o, Context& ctx) {
  validate(o);
  auto& cfg = o.dry_run ? ctx.clients.config() : ctx.clients.config_for_edit();
  require_context(cfg, o.name);
  const bool was_current = cfg.current_context == o.name;
  if (o.dry_run) {
    ctx.io.out << "Deleted context \"" << o.name << "\" from " << cfg.path << " (dry run).\n";
    return 0;
  }
  std::erase_if(cfg.contexts, [&](const config::ContextConfig& c) { return c.name == o.name; });
  if (was_current) {
    cfg.current_context.clear();
  }
  config::save(cfg);
  if (was_current) {
    ctx.io.err << "qctl: warning: this removed the current context; run 'qctl config "
                  "use-context NAME' to select another\n";
  }
  ctx.io.out << "Deleted context \"" << o.name << "\" from " << cfg.path << ".\n";
  return 0;
}

}  // namespace

void register_config_delete_context(CLI::App& parent, Context& ctx) {
  auto opts = std::make_shared<ConfigDeleteContextOptions>();
  auto* cmd = parent.add_subcommand("delete-context", "Delete a context from the config file");
  cmd->add_option("NAME", opts->name, "Context to delete")->required();
  cmd->add_flag("--dry-run", opts->dry_run, "Show what would change without writing the file");
  set_examples(*cmd, "  qctl config delete-context staging\n");
  cmd->callback([opts, &ctx] {
    ctx.selected = [opts, &ctx] { return run_config_delete_context(*opts, ctx); };
  });
}

}  // namespace qctl::cmd
