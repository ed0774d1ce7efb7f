// `qctl config` verbs: each registers its flags and runner under the `config` command.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

#include "cmd/context.h"
#include "core/config/config.h"

namespace qctl::cmd {

void register_config_view(CLI::App& parent, Context& ctx);
void register_config_current_context(CLI::App& parent, Context& ctx);
void register_config_get_contexts(CLI::App& parent, Context& ctx);
void register_config_use_context(CLI::App& parent, Context& ctx);
void register_config_set_context(CLI::App& parent, Context& ctx);
void register_config_delete_context(CLI::App& parent, Context& ctx);

/// Prints one warning line to `err` when the config holds inline secrets and the file is
/// readable by group or others (config::secrets_exposed).
void warn_if_exposed(const config::Config& config, std::ostream& err);

/// The config file's context named `name`; throws ConfigError listing the known names.
config::ContextConfig& require_context(config::Config& config, const std::string& name);

}  // namespace qctl::cmd
