// simdjson On-Demand helpers shared by every API decoder: padding, lenient scalars, errors.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace qctl::json {

using Value = simdjson::ondemand::value;
using Object = simdjson::ondemand::object;
using Array = simdjson::ondemand::array;

/// A response body that is not the JSON shape a decoder expects. The API client turns it
/// into an ApiError naming the endpoint.
class DecodeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Parses `body` (padding it in place if its capacity is short) and calls fn(root Value).
/// Throws DecodeError for invalid, truncated or non-JSON bodies (an HTML page says so).
template <class F>
void parse(std::string& body, F&& fn);

/// Numbers are doubles in the Mesos APIs; numeric strings ("0.5", Chronos docs) are accepted.
[[nodiscard]] double number(Value& v);
/// A string, "" for null; numbers and bools are rendered as text (mixed-type attributes).
[[nodiscard]] std::string string(Value& v);
[[nodiscard]] bool boolean(Value& v);
[[nodiscard]] std::int64_t integer(Value& v);
[[nodiscard]] std::vector<std::string> string_array(Value& v);
/// {"a":1.0,"b":2} as name -> double.
[[nodiscard]] std::map<std::string, double> number_map(Value& v);
/// {"k":"v"} as name -> string (non-strings rendered as text).
[[nodiscard]] std::map<std::string, std::string> string_map(Value& v);
[[nodiscard]] bool is_null(Value& v);

/// The key of a field without copying it into simdjson's string buffer when it has no
/// escapes (API keys never do): keeps decoding of huge documents light on memory.
[[nodiscard]] std::string_view key_of(simdjson::ondemand::field& field);

/// Calls fn(std::string_view key, Value& value) for each field of an object; ignores null.
template <class F>
void fields(Value& v, F&& fn) {
  if (is_null(v)) {
    return;
  }
  // By reference all the way: a simdjson value copied right after it was built costs a
  // store-forwarding stall (perf: ~10% of a /master/state decode went there).
  for (auto field_result : v.get_object()) {
    if (field_result.error() != simdjson::SUCCESS) {
      throw simdjson::simdjson_error(field_result.error());
    }
    simdjson::ondemand::field& field = field_result.value_unsafe();
    fn(key_of(field), field.value());
  }
}

/// Calls fn(Value& element) for each element of an array; ignores null.
template <class F>
void elements(Value& v, F&& fn) {
  if (is_null(v)) {
    return;
  }
  for (auto element : v.get_array()) {
    fn(element.value());
  }
}

/// Explains why `body` could not be parsed, in words a user understands.
[[nodiscard]] std::string describe_invalid(std::string_view body, const char* detail);

/// Makes sure `body` has simdjson's padding available past its end.
void ensure_padding(std::string& body);

template <class F>
void parse(std::string& body, F&& fn) {
  ensure_padding(body);
  thread_local simdjson::ondemand::parser parser;
  try {
    simdjson::ondemand::document doc = parser.iterate(body.data(), body.size(), body.capacity());
    Value root = doc.get_value();
    fn(root);
    // A truncated body can surface only at the end: make sure nothing is left over.
    const char* rest = nullptr;
    if (doc.current_location().get(rest) == simdjson::SUCCESS) {
      throw DecodeError(describe_invalid(body, "trailing content after the JSON value"));
    }
  } catch (const simdjson::simdjson_error& e) {
    throw DecodeError(describe_invalid(body, e.what()));
  }
}

}  // namespace qctl::json
