// Private helpers for the Mesos decoders (not part of the public decode.h surface).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/json/decode.h"
#include "core/model/mesos.h"

namespace qctl::mesos::detail {

/// Throws json::DecodeError "<what>: expected a JSON object" unless `v` is an object.
void require_object(json::Value& v, std::string_view what);
/// Throws json::DecodeError "<what>: expected a JSON array" unless `v` is an array.
void require_array(json::Value& v, std::string_view what);

/// Appends decode(element) for every non-null element of the array `v` (null: nothing).
template <class T, class F>
void append_all(json::Value& v, std::vector<T>& out, F&& decode) {
  json::elements(v, [&](json::Value& e) {
    if (!json::is_null(e)) {
      out.push_back(decode(e));
    }
  });
}

/// The elements of the array under `key` in the top-level object of `body` (answered by
/// `endpoint`, named in errors); other keys are skipped, a missing key gives none.
template <class T, class F>
std::vector<T> decode_list(std::string& body, std::string_view endpoint, std::string_view key,
                           F&& decode) {
  std::vector<T> out;
  json::parse(body, [&](json::Value& root) {
    require_object(root, endpoint);
    json::fields(root, [&](std::string_view k, json::Value& value) {
      if (k == key) {
        append_all(value, out, decode);
      }
    });
  });
  return out;
}

/// The `value` field of a protobuf id object ({"value":"…"}); a plain string is accepted too.
[[nodiscard]] std::string id_value(json::Value& v);

/// One `recovered_slaves[]` element: {id, hostname, port, attributes, domain?}.
[[nodiscard]] model::RecoveredAgent decode_recovered_agent(json::Value& v);
/// Records `key` ("TASK_RUNNING") -> integer in `counts` when the key is a task state.
/// Returns false (and records nothing) for other keys.
bool decode_task_count(std::map<std::string, std::int64_t>& counts, std::string_view key,
                       json::Value v);

}  // namespace qctl::mesos::detail
