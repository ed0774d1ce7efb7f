// Helpers shared by the config reader, writer and resolver; not part of the public API.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config/config.h"

namespace qctl::config::internal {

/// Comma-separated URLs, trimmed, empty pieces dropped.
[[nodiscard]] std::vector<std::string> split_urls(std::string_view text);

/// Why an AuthConfig is contradictory (two password sources, a token and a password, ...);
/// nullopt when it is consistent.
[[nodiscard]] std::optional<std::string> auth_problem(const AuthConfig& auth);

/// The config as an ordered document in the file's shape (to_json and to_yaml render it).
[[nodiscard]] nlohmann::ordered_json document(const Config& config, bool redact);

/// The known key closest to `key` when it looks like a typo, else "".
[[nodiscard]] std::string closest_key(const std::string& key,
                                      const std::vector<std::string>& known);

}  // namespace qctl::config::internal
