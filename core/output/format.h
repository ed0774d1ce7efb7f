// Output formats (-o) and the printers that turn rows or JSON into text.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qctl::output {

enum class Format { kTable, kWide, kJson, kYaml, kName };

/// "table" | "wide" | "json" | "yaml" | "name"; nullopt for anything else.
[[nodiscard]] std::optional<Format> parse_format(std::string_view text);
[[nodiscard]] const char* format_name(Format f);

/// JSON text (indent -1: one line) with every control character escaped, DEL and C1 too;
/// invalid UTF-8 replaced.
[[nodiscard]] std::string json_text(const nlohmann::json& value, int indent);

/// Pretty JSON (2-space indent) followed by a newline.
void print_json(std::ostream& out, const nlohmann::json& value);
/// YAML rendered from the same JSON value (block style, strings quoted when needed).
void print_yaml(std::ostream& out, const nlohmann::json& value);
[[nodiscard]] std::string to_yaml(const nlohmann::json& value);

}  // namespace qctl::output
