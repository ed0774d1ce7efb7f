// `qctl status` and its list views; each verb registers itself under the status command.
#pragma once

#include <CLI/CLI.hpp>

#include "cmd/context.h"

namespace qctl::cmd {

void register_status_agents(CLI::App& status, Context& ctx);
void register_status_frameworks(CLI::App& status, Context& ctx);
void register_status_apps(CLI::App& status, Context& ctx);
void register_status_tasks(CLI::App& status, Context& ctx);

}  // namespace qctl::cmd
