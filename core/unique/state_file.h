// The small local file `qctl unique sync` keeps between runs: the last agent count.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/config/config.h"

namespace qctl::unique {

/// $XDG_STATE_HOME/qctl/unique-<context>.json, else ~/.local/state/qctl/unique-<context>.json.
/// Characters other than letters, digits, '.', '_' and '-' in the context name become '_'.
[[nodiscard]] std::string state_path(const config::Getenv& env, const std::string& context);

/// The agent count of the last accepted run; nullopt when the file does not exist (a first
/// run has nothing to compare with). Throws ConfigError naming the path when it exists but
/// cannot be read or is not a state file: the agent-drop rule is never silently disarmed.
[[nodiscard]] std::optional<std::size_t> read_agent_count(const std::string& path);

/// Records the agent count (util::write_private_file: mkstemp + rename, missing directories
/// created 0700, existing ones left as they are).
/// Throws ConfigError naming the path when it cannot be written.
void write_agent_count(const std::string& path, std::size_t agents, double now);

}  // namespace qctl::unique
