// Internal helpers for the Marathon decoders (not part of the client API).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/json/decode.h"

namespace qctl::marathon::detail {

/// Parses `body` and calls fn(Value) with the value of `key` in the root object.
/// DecodeError when the root is not an object or has no such key.
template <class F>
void with_root_field(std::string& body, std::string_view key, F&& fn) {
  bool found = false;
  json::parse(body, [&](json::Value root) {
    if (root.type() != simdjson::ondemand::json_type::object) {
      throw json::DecodeError("expected a JSON object with \"" + std::string(key) + "\"");
    }
    json::fields(root, [&](std::string_view k, json::Value value) {
      if (k == key) {
        found = true;
        fn(value);
      }
    });
  });
  if (!found) {
    throw json::DecodeError("missing \"" + std::string(key) + "\" in the response");
  }
}

inline std::vector<std::int64_t> integer_array(json::Value v) {
  std::vector<std::int64_t> out;
  json::elements(v, [&](json::Value e) { out.push_back(json::integer(e)); });
  return out;
}

}  // namespace qctl::marathon::detail
