#include "core/output/format.h"

#include <nlohmann/json.hpp>

#include <ostream>

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

void print_json(std::ostream& out, const nlohmann::json& value) {
  out << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void print_yaml(std::ostream& out, const nlohmann::json& value) { out << to_yaml(value); }

}  // namespace qctl::output
