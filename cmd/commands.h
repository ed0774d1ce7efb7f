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
/// `qctl health [CHECK…]`: Nagios-style checks with exit codes 0/1/2/3 (cmd/health/).
void register_health(CLI::App& parent, Context& ctx);
/// `qctl unique sync`: keep hostname:UNIQUE apps at one instance per eligible agent.
void register_unique(CLI::App& parent, Context& ctx);
/// `qctl restart app|task`: Marathon rolling restarts and task kills (cmd/restart/).
void register_restart(CLI::App& parent, Context& ctx);
/// `qctl sandbox`: the embedded local cluster.
void register_sandbox(CLI::App& parent, Context& ctx);
/// `qctl completion SHELL` and the hidden `qctl __complete -- WORDS…` its scripts call.
void register_completion(CLI::App& parent, Context& ctx);
/// Hidden `qctl __man DIR`: writes the man pages generated from the tree built by build_root.
void register_man(CLI::App& parent, Context& ctx);

/// `qctl ssh TARGET [-- CMD…]`: a shell or command inside a task's container (cmd/ssh/).
void register_ssh(CLI::App& parent, Context& ctx);

/// `qctl logs TARGET [FILE]`: task sandbox files, whole, tail or followed (cmd/logs/).
void register_logs(CLI::App& parent, Context& ctx);
/// `qctl events`: Marathon's /v2/events stream as lines or NDJSON (cmd/events/).
void register_events(CLI::App& parent, Context& ctx);

/// `qctl stats`: allocation, fragmentation, what-if fit and the board (cmd/stats/).
void register_stats(CLI::App& parent, Context& ctx);

/// The whole command tree with the global flags, as `qctl` parses it. Registration does no
/// I/O, so the tree can also be walked for completion and man pages.
void build_root(CLI::App& app, Context& ctx);

/// Adds a "Examples:" footer to a command's help.
void set_examples(CLI::App& app, const std::string& examples);

/// Makes a command group given alone (`qctl job`) print its help, listing its verbs.
void help_when_alone(CLI::App& noun, Context& ctx);

}  // namespace qctl::cmd
