// The `qctl queue` verbs: each registers itself under the `queue` noun.
#pragma once

#include <CLI/CLI.hpp>

#include "cmd/context.h"

namespace qctl::cmd {

void register_queue_list(CLI::App& queue, Context& ctx);
void register_queue_priority(CLI::App& queue, Context& ctx);

}  // namespace qctl::cmd
