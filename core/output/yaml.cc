// YAML emitter over nlohmann::json: block style, 2-space indent, strings quoted when a
// plain scalar would be read back as something else.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <sstream>

#include "core/output/format.h"

namespace qctl::output {

namespace {

bool needs_quotes(const std::string& s) {
  if (s.empty()) {
    return true;
  }
  // Words YAML 1.1 readers take for booleans or null.
  static constexpr std::array<std::string_view, 22> kReserved = {
      "true", "false", "yes", "no",  "on",   "off",   "null", "~",   "True", "False", "Yes",
      "No",   "On",    "Off", "Null", "NULL", "TRUE", "FALSE", "YES", "NO",  "ON",   "OFF"};
  if (std::find(kReserved.begin(), kReserved.end(), s) != kReserved.end()) {
    return true;
  }
  if (std::isspace(static_cast<unsigned char>(s.front())) != 0 ||
      std::isspace(static_cast<unsigned char>(s.back())) != 0) {
    return true;
  }
  if (std::string("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string::npos) {
    return true;
  }
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos ||
      s.back() == ':') {
    return true;
  }
  bool numeric = true;
  for (char c : s) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == 'e' ||
          c == 'E' || c == '+' || c == '-')) {
      numeric = false;
      break;
    }
  }
  if (numeric) {
    return true;
  }
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

std::string scalar(const nlohmann::json& v) {
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    // JSON string escaping is valid YAML double-quoted style.
    return needs_quotes(s) ? nlohmann::json(s).dump() : s;
  }
  if (v.is_null()) {
    return "null";
  }
  return v.dump();
}

bool is_empty_container(const nlohmann::json& v) {
  return (v.is_object() || v.is_array()) && v.empty();
}

void emit(std::ostringstream& out, const nlohmann::json& v, int indent);

void emit_key(std::ostringstream& out, const std::string& key, const nlohmann::json& value,
              int indent) {
  out << std::string(static_cast<std::size_t>(indent), ' ') << scalar(nlohmann::json(key))
      << ':';
  if (value.is_object() && !value.empty()) {
    out << '\n';
    emit(out, value, indent + 2);
  } else if (value.is_array() && !value.empty()) {
    out << '\n';
    emit(out, value, indent);
  } else {
    out << ' ' << (is_empty_container(value) ? (value.is_object() ? "{}" : "[]") : scalar(value))
        << '\n';
  }
}

void emit(std::ostringstream& out, const nlohmann::json& v, int indent) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  if (v.is_object()) {
    for (const auto& [key, value] : v.items()) {
      emit_key(out, key, value, indent);
    }
  } else if (v.is_array()) {
    for (const auto& item : v) {
      if (item.is_object() && !item.empty()) {
        // First key on the dash line, the rest aligned under it.
        std::ostringstream nested;
        emit(nested, item, indent + 2);
        auto text = nested.str();
        out << pad << "- " << text.substr(static_cast<std::size_t>(indent) + 2);
      } else if (item.is_array() && !item.empty()) {
        std::ostringstream nested;
        emit(nested, item, indent + 2);
        auto text = nested.str();
        out << pad << "- " << text.substr(static_cast<std::size_t>(indent) + 2);
      } else {
        out << pad << "- "
            << (is_empty_container(item) ? (item.is_object() ? "{}" : "[]") : scalar(item))
            << '\n';
      }
    }
  } else {
    out << pad << scalar(v) << '\n';
  }
}

}  // namespace

std::string to_yaml(const nlohmann::json& value) {
  std::ostringstream out;
  if (is_empty_container(value)) {
    return value.is_object() ? "{}\n" : "[]\n";
  }
  emit(out, value, 0);
  return out.str();
}

}  // namespace qctl::output
