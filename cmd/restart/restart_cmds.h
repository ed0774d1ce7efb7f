// The `qctl restart` verbs: each registers itself under the `restart` noun.
#pragma once

#include <CLI/CLI.hpp>

#include "cmd/context.h"

namespace qctl::cmd {

void register_restart_app(CLI::App& restart, Context& ctx);
void register_restart_task(CLI::App& restart, Context& ctx);

}  // namespace qctl::cmd
