// Internal helpers for the Marathon decoders (not part of the client API).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/json/decode.h"
#include "core/json/members.h"

namespace qctl::marathon::detail {

inline std::vector<std::int64_t> integer_array(json::Value& v) {
  std::vector<std::int64_t> out;
  json::elements(v, [&](json::Value& e) { out.push_back(json::integer(e)); });
  return out;
}

}  // namespace qctl::marathon::detail
