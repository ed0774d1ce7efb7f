// YAML emitter over nlohmann::json: block style, 2-space indent, strings quoted when a
// plain scalar would be read back as something else. Appends to one string (a list of
// 200,000 tasks is ~220 MB of YAML).
#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/output/format.h"
#include "core/output/printable.h"

namespace qctl::output {

namespace {

/// Line breaks YAML 1.1 knows beyond \n and \r: U+0085, U+2028, U+2029 (in UTF-8).
bool has_unicode_break(std::string_view s) {
  return s.find("\xc2\x85") != std::string_view::npos ||
         s.find("\xe2\x80\xa8") != std::string_view::npos ||
         s.find("\xe2\x80\xa9") != std::string_view::npos;
}

/// Numbers in the forms the digits-only test misses: YAML 1.2's 0x1F, 0o17, .inf, .nan, and
/// YAML 1.1's 0b101 and sexagesimal 1:30 (read as 90).
bool reads_as_number(std::string_view s) {
  std::string_view body = s;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) {
    body.remove_prefix(1);
  }
  static constexpr std::array<std::string_view, 6> kSpecial = {".inf", ".Inf", ".INF",
                                                               ".nan", ".NaN", ".NAN"};
  if (std::find(kSpecial.begin(), kSpecial.end(), body) != kSpecial.end()) {
    return true;
  }
  auto all = [&](std::string_view digits, std::string_view allowed) {
    return !digits.empty() && digits.find_first_not_of(allowed) == std::string_view::npos;
  };
  if (body.size() > 2 && body[0] == '0') {
    const std::string_view rest = body.substr(2);
    if ((body[1] == 'x' && all(rest, "0123456789abcdefABCDEF_")) ||
        (body[1] == 'o' && all(rest, "01234567_")) || (body[1] == 'b' && all(rest, "01_"))) {
      return true;
    }
  }
  return !body.empty() && std::isdigit(static_cast<unsigned char>(body.front())) != 0 &&
         body.find(':') != std::string_view::npos && all(body, "0123456789:._");
}

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
  if (numeric || reads_as_number(s)) {
    return true;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    if (u < 0x20 || u == 0x7f || is_c1_at(s, i)) {
      return true;
    }
  }
  return has_unicode_break(s);
}

void append_string(std::string& out, const std::string& s) {
  if (!needs_quotes(s)) {
    out += s;
    return;
  }
  // JSON string escaping is valid YAML double-quoted style. With a U+2028 or similar, \u
  // escapes for every non-ASCII character (raw, a YAML 1.1 reader takes it for a line break).
  // DEL and C1 are not printable YAML, and the JSON writer leaves them raw.
  std::string quoted = nlohmann::json(s).dump(-1, ' ', has_unicode_break(s));
  escape_json_controls(quoted);
  out += quoted;
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
