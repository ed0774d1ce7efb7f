// Table-driven decoding of flat scalar fields into a model struct, and root-field lookup.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/json/decode.h"

namespace qctl::json {

/// Maps JSON keys to scalar members of `Model`, e.g. {"instances", &App::instances}.
template <class Model>
struct ScalarMembers {
  std::unordered_map<std::string_view, std::string Model::*> strings;
  std::unordered_map<std::string_view, bool Model::*> bools;
  std::unordered_map<std::string_view, std::int64_t Model::*> integers;
  std::unordered_map<std::string_view, double Model::*> numbers;

  /// Sets the member `key` names from `v`; false when `key` names none of them.
  bool assign(std::string_view key, Value& v, Model& m) const {
    if (const auto s = strings.find(key); s != strings.end()) {
      m.*(s->second) = string(v);
    } else if (const auto b = bools.find(key); b != bools.end()) {
      m.*(b->second) = boolean(v);
    } else if (const auto i = integers.find(key); i != integers.end()) {
      m.*(i->second) = integer(v);
    } else if (const auto n = numbers.find(key); n != numbers.end()) {
      m.*(n->second) = number(v);
    } else {
      return false;
    }
    return true;
  }
};

/// Parses `body` and calls fn(Value) with the value of `key` in the root object
/// ({"apps":[…]}, {"leader":"…"}). DecodeError when the root is not an object or lacks `key`.
template <class F>
void with_root_field(std::string& body, std::string_view key, F&& fn) {
  bool found = false;
  parse(body, [&](Value& root) {
    if (root.type() != simdjson::ondemand::json_type::object) {
      throw DecodeError("expected a JSON object with \"" + std::string(key) + "\"");
    }
    fields(root, [&](std::string_view k, Value& value) {
      if (k == key) {
        found = true;
        fn(value);
      }
    });
  });
  if (!found) {
    throw DecodeError("missing \"" + std::string(key) + "\" in the response");
  }
}

}  // namespace qctl::json
