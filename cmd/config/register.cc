// `qctl config`: the command group for the config file and its contexts.
#include <ostream>
#include <vector>

#include "cmd/commands.h"
#include "cmd/config/config_cmds.h"
#include "core/error.h"
#include "core/util/strings.h"

namespace qctl::cmd {

void warn_if_exposed(const config::Config& config, std::ostream& err) {
  if (config::secrets_exposed(config)) {
    err << "qctl: warning: " << config.path
        << " holds secrets and is readable by others; run chmod 600 " << config.path << '\n';
  }
}

config::ContextConfig& require_context(config::Config& config, const std::string& name) {
  if (auto* found = config.find(name)) {
    return *found;
  }
  std::vector<std::string> names;
  for (const auto& c : config.contexts) {
    names.push_back(c.name);
  }
  throw ConfigError("config", "context '" + name + "' not found",
                    names.empty() ? "run 'qctl config set-context " + name + " --mesos URL'"
                                  : "known contexts: " + util::join(names, ", "));
}

void register_config(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand(
      "config", "Show and edit the config file: contexts, endpoints, credentials, TLS, SSH");
  set_examples(*cmd,
               "  qctl config set-context prod --mesos http://m1:5050,http://m2:5050 \\\n"
               "      --marathon http://marathon:8080 --user ops --password-file ~/.ops.pw\n"
               "  qctl config use-context prod\n"
               "  qctl config get-contexts\n"
               "  qctl config view --minify\n");
  register_config_view(*cmd, ctx);
  register_config_current_context(*cmd, ctx);
  register_config_get_contexts(*cmd, ctx);
  register_config_use_context(*cmd, ctx);
  register_config_set_context(*cmd, ctx);
  register_config_delete_context(*cmd, ctx);
  help_when_alone(*cmd, ctx);
}

}  // namespace qctl::cmd
