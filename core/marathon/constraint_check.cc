#include "core/marathon/constraint_check.h"

#include <algorithm>
#include <regex>

namespace qctl::marathon {

std::string constraint_error(const nlohmann::json& c) {
  if (!c.is_array() || !std::all_of(c.begin(), c.end(),
                                    [](const nlohmann::json& e) { return e.is_string(); })) {
    return "error.expected.jsarray";
  }
  if (c.size() < 2 || c.size() > 3) {
    return "Each constraint must have either 2 or 3 fields";
  }
  std::string field = c[0].get<std::string>();
  std::string op = c[1].get<std::string>();
  bool has_value = c.size() == 3;
  std::string value = has_value ? c[2].get<std::string>() : "";
  if (field.empty()) {
    return "illegal constraint specification";
  }
  auto is_int = [](const std::string& s) {
    return std::regex_match(s, std::regex("^[+-]?[0-9]+$"));
  };
  if (op == "UNIQUE") {
    return has_value ? "UNIQUE does not accept a value" : "";
  }
  if (op == "CLUSTER") {
    return "";
  }
  if (op == "GROUP_BY") {
    return !has_value || is_int(value) ? "" : "GROUP BY must define an integer value or else no value at all";
  }
  if (op == "MAX_PER") {
    return has_value && is_int(value) ? "" : "MAX_PER requires an integer value";
  }
  if (op == "LIKE" || op == "UNLIKE") {
    if (!has_value) {
      return "LIKE and UNLIKE require a non-empty, regular expression value";
    }
    try {
      std::regex re(value);
    } catch (const std::regex_error&) {
      return "is not a valid regular expression";
    }
    return "";
  }
  if (op == "IS") {
    return std::regex_match(value, std::regex("^[a-zA-Z0-9_/.-]*$"))
               ? ""
               : "IS only supports Mesos text and float values (see "
                 "http://mesos.apache.org/documentation/latest/attributes-resources/)";
  }
  return "operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER, UNLIKE or IS";
}

}  // namespace qctl::marathon
