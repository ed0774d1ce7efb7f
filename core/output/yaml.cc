// YAML emitter over nlohmann::json: block style, 2-space indent, strings quoted when a
// plain scalar would be read back as something else. Appends to one string (a list of
// 200,000 tasks is ~220 MB of YAML).
#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/output/format.h"

namespace qctl::output {

namespace {

bool needs_quotes(std::string_view s) {
  if (s.empty()) {
    return true;
  }
  // Words YAML 1.1 readers take for booleans or null.
  static constexpr std::array<std::string_view, 22> kReserved = {
      "true", "false", "yes", "no",   "on",   "off",  "null",  "~",   "True", "False", "Yes",
      "No",   "On",    "Off", "Null", "NULL", "TRUE", "FALSE", "YES", "NO",   "ON",    "OFF"};
  if (s.size() <= 5 && std::find(kReserved.begin(), kReserved.end(), s) != kReserved.end()) {
    return true;
  }
  if (std::isspace(static_cast<unsigned char>(s.front())) != 0 ||
      std::isspace(static_cast<unsigned char>(s.back())) != 0) {
    return true;
  }
  static constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  if (kIndicators.find(s.front()) != std::string_view::npos) {
    return true;
  }
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos ||
      s.back() == ':') {
    return true;
  }
  const bool numeric = std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == 'e' || c == 'E' ||
           c == '+' || c == '-';
  });
  return numeric || std::any_of(s.begin(), s.end(),
                                [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

void append_string(std::string& out, const std::string& s) {
  if (needs_quotes(s)) {
    out += nlohmann::json(s).dump();  // JSON string escaping is valid YAML double-quoted style
  } else {
    out += s;
  }
}

bool is_empty_container(const nlohmann::json& v) {
  return (v.is_object() || v.is_array()) && v.empty();
}

// Numbers and booleans exactly as nlohmann's dump() writes them, into `out` through one
// serializer per document: dump() per number built (and freed) a serializer each time.
using Serializer = nlohmann::detail::serializer<nlohmann::json>;

// A value that takes one line: scalars and empty containers.
void append_leaf(std::string& out, Serializer& numbers, const nlohmann::json& v) {
  if (v.is_string()) {
    append_string(out, v.get_ref<const std::string&>());
  } else if (v.is_null()) {
    out += "null";
  } else if (is_empty_container(v)) {
    out += v.is_object() ? "{}" : "[]";
  } else {
    numbers.dump(v, false, false, 0);
  }
}

// Starts a line at `indent`; the first line of an array item starts with `lead` instead
// ("- ", after the enclosing items' own dashes), which is as wide. `lead` is then used up.
void start_line(std::string& out, int indent, std::string& lead) {
  if (lead.empty()) {
    out.append(static_cast<std::size_t>(indent), ' ');
  } else {
    out += lead;
    lead.clear();
  }
}

void emit(std::string& out, Serializer& numbers, const nlohmann::json& v, int indent,
          std::string lead);

void emit_key(std::string& out, Serializer& numbers, const std::string& key,
              const nlohmann::json& value, int indent, std::string& lead) {
  start_line(out, indent, lead);
  append_string(out, key);
  out += ':';
  if (value.is_object() && !value.empty()) {
    out += '\n';
    emit(out, numbers, value, indent + 2, {});
  } else if (value.is_array() && !value.empty()) {
    out += '\n';
    emit(out, numbers, value, indent, {});
  } else {
    out += ' ';
    append_leaf(out, numbers, value);
    out += '\n';
  }
}

void emit(std::string& out, Serializer& numbers, const nlohmann::json& v, int indent,
          std::string lead) {
  if (v.is_object()) {
    for (const auto& [key, value] : v.get_ref<const nlohmann::json::object_t&>()) {
      emit_key(out, numbers, key, value, indent, lead);
    }
  } else if (v.is_array()) {
    for (const auto& item : v) {
      std::string item_lead =
          lead.empty() ? std::string(static_cast<std::size_t>(indent), ' ') : std::move(lead);
      lead.clear();
      item_lead += "- ";
      if ((item.is_object() || item.is_array()) && !item.empty()) {
        // First key (or item) on the dash line, the rest aligned under it.
        emit(out, numbers, item, indent + 2, std::move(item_lead));
      } else {
        out += item_lead;
        append_leaf(out, numbers, item);
        out += '\n';
      }
    }
  } else {
    start_line(out, indent, lead);
    append_leaf(out, numbers, v);
    out += '\n';
  }
}

}  // namespace

std::string to_yaml(const nlohmann::json& value) {
  if (is_empty_container(value)) {
    return value.is_object() ? "{}\n" : "[]\n";
  }
  std::string out;
  Serializer numbers(nlohmann::detail::output_adapter<char>(out), ' ');
  emit(out, numbers, value, 0, {});
  return out;
}

}  // namespace qctl::output
