// `qctl completion SHELL` and the hidden `qctl __complete WORDS…` the scripts call.
#pragma once

#include <CLI/CLI.hpp>
#include <string_view>
#include <vector>

#include "cmd/context.h"
#include "core/completion/complete.h"

namespace qctl::cmd {

/// The tree under `app` as completion sees it: hidden commands and flags (group "") left
/// out, fixed values read from type names and CLI::IsMember checks, and live kinds from
/// core/completion/registry.h.
[[nodiscard]] completion::CommandSpec command_spec(const CLI::App& app);

/// completions/<script> for "bash", "zsh" or "fish", embedded at build time (the build dir's
/// generated/completion_scripts.cc); "" for any other shell.
[[nodiscard]] std::string_view completion_script(std::string_view shell);

/// Live names of `kind` for the context the line selects: contexts from the config file;
/// cluster names from the cache while fresh, else from the cluster within a 1 s budget (one
/// try), falling back to the cache. Never throws; errors are swallowed, not printed.
[[nodiscard]] std::vector<completion::Candidate> live_names(const completion::Completion& line,
                                                            Context& ctx);

}  // namespace qctl::cmd
