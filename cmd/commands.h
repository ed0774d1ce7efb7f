// Registration of every top-level command; each binds its flags and records its runner.
#pragma once

#include <CLI/CLI.hpp>

#include "cmd/context.h"

namespace qctl::cmd {

void register_version(CLI::App& parent, Context& ctx);
void register_config(CLI::App& parent, Context& ctx);
void register_status(CLI::App& parent, Context& ctx);
/// `qctl job …`: Chronos batch jobs (cmd/job/).
void register_job(CLI::App& parent, Context& ctx);
/// `qctl queue …`: Chronos' and Marathon's queues (cmd/queue/).
void register_queue(CLI::App& parent, Context& ctx);
/// `qctl sandbox`: the embedded local cluster.
void register_sandbox(CLI::App& parent, Context& ctx);
/// `qctl completion SHELL` and the hidden `qctl __complete -- WORDS…` its scripts call.
void register_completion(CLI::App& parent, Context& ctx);
/// Hidden `qctl __man DIR`: writes the man pages generated from the tree built by build_root.
void register_man(CLI::App& parent, Context& ctx);

/// The whole command tree with the global flags, as `qctl` parses it. Registration does no
/// I/O, so the tree can also be walked for completion and man pages.
void build_root(CLI::App& app, Context& ctx);

/// Adds a "Examples:" footer to a command's help.
void set_examples(CLI::App& app, const std::string& examples);

}  // namespace qctl::cmd
