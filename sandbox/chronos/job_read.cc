// Jackson's coercions as Chronos' JobDeserializer applies them.
#include <cstdlib>

#include "sandbox/chronos/job.h"
#include "sandbox/chronos/job_read.h"

namespace qctl::sandbox::chronos::jackson {

using nlohmann::json;
using nlohmann::ordered_json;

std::string as_text(const json& v) {
  if (v.is_string()) {
    return v.get<std::string>();
  }
  if (v.is_null()) {
    return "null";
  }
  if (v.is_boolean()) {
    return v.get<bool>() ? "true" : "false";
  }
  if (v.is_number_integer()) {
    return v.dump();
  }
  if (v.is_number_float()) {
    std::string s = v.dump();
    return s.find_first_of(".eE") == std::string::npos ? s + ".0" : s;
  }
  return "";
}

bool as_bool(const json& v) {
  if (v.is_boolean()) {
    return v.get<bool>();
  }
  if (v.is_number()) {
    return v.get<double>() != 0;
  }
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    s.erase(0, s.find_first_not_of(" \t\n\r"));
    s.erase(s.find_last_not_of(" \t\n\r") + 1);
    return s == "true";
  }
  return false;
}

double as_double(const json& v) {
  if (v.is_number()) {
    return v.get<double>();
  }
  if (v.is_boolean()) {
    return v.get<bool>() ? 1 : 0;
  }
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    return end != s.c_str() && *end == '\0' ? d : 0;
  }
  return 0;
}

std::int64_t as_long(const json& v) {
  if (v.is_number_integer()) {
    return v.get<std::int64_t>();
  }
  return static_cast<std::int64_t>(as_double(v));
}

const json* field(const json& node, const char* key) {
  auto it = node.find(key);
  return it == node.end() ? nullptr : &*it;
}

const json& required(const json& node, const char* key) {
  const json* v = node.is_object() ? field(node, key) : nullptr;
  if (v == nullptr) {
    throw JobFormatError(std::string("java.lang.NullPointerException: no '") + key + "'");
  }
  return *v;
}

std::string text_or(const json& node, const char* key, const std::string& fallback) {
  const json* v = field(node, key);
  return v != nullptr ? as_text(*v) : fallback;
}

bool bool_or(const json& node, const char* key, bool fallback) {
  const json* v = field(node, key);
  return v != nullptr ? as_bool(*v) : fallback;
}

std::vector<std::string> texts(const json& node, const char* key) {
  std::vector<std::string> out;
  if (const json* v = field(node, key); v != nullptr && v->is_array()) {
    for (const json& e : *v) {
      out.push_back(as_text(e));
    }
  }
  return out;
}

std::string enum_value(const std::string& v, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed) {
    if (v == a) {
      return v;
    }
  }
  throw JobFormatError("java.util.NoSuchElementException: No value found for '" + v + "'");
}

ordered_json key_values(const json& node, const char* key) {
  ordered_json out = ordered_json::array();
  if (const json* v = field(node, key); v != nullptr && v->is_array()) {
    for (const json& e : *v) {
      if (!e.is_object()) {
        throw JobFormatError("scala.MatchError: " + e.dump());
      }
      out.push_back({{"key", as_text(required(e, "key"))}, {"value", as_text(required(e, "value"))}});
    }
  }
  return out;
}

}  // namespace qctl::sandbox::chronos::jackson
