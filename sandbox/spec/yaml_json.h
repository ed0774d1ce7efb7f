// YAML documents as JSON values (JSON is YAML, so cluster files may be either).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace qctl::sandbox::spec {

/// Parses YAML text into JSON: plain scalars that read as integers, numbers, booleans or null
/// become those; quoted scalars stay strings. Throws std::invalid_argument with the line.
[[nodiscard]] nlohmann::json yaml_to_json(const std::string& text);

}  // namespace qctl::sandbox::spec
