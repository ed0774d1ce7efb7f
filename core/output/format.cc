#include "core/output/format.h"

#include <nlohmann/json.hpp>

#include <ostream>

#include "core/output/printable.h"

namespace qctl::output {

std::optional<Format> parse_format(std::string_view text) {
  if (text == "table") {
    return Format::kTable;
  }
  if (text == "wide") {
    return Format::kWide;
  }
  if (text == "json") {
    return Format::kJson;
  }
  if (text == "yaml") {
    return Format::kYaml;
  }
  if (text == "name") {
    return Format::kName;
  }
  return std::nullopt;
}

const char* format_name(Format f) {
  switch (f) {
    case Format::kTable:
      return "table";
    case Format::kWide:
      return "wide";
    case Format::kJson:
      return "json";
    case Format::kYaml:
      return "yaml";
    case Format::kName:
      return "name";
  }
  return "table";
}

std::string json_text(const nlohmann::json& value, int indent) {
  auto text = value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
  escape_json_controls(text);
  return text;
}

void print_json(std::ostream& out, const nlohmann::json& value) {
  out << json_text(value, 2) << '\n';
}

void print_yaml(std::ostream& out, const nlohmann::json& value) { out << to_yaml(value); }

}  // namespace qctl::output
