#include "core/mesos/decode_internal.h"

#include <string>

namespace qctl::mesos::detail {

namespace {

void require_type(json::Value& v, simdjson::ondemand::json_type type, std::string_view what,
                  const char* expected) {
  if (v.type() != type) {
    throw json::DecodeError(std::string(what) + ": expected a JSON " + expected);
  }
}

}  // namespace

void require_object(json::Value& v, std::string_view what) {
  require_type(v, simdjson::ondemand::json_type::object, what, "object");
}

void require_array(json::Value& v, std::string_view what) {
  require_type(v, simdjson::ondemand::json_type::array, what, "array");
}

std::string id_value(json::Value& v) {
  if (v.type() != simdjson::ondemand::json_type::object) {
    return json::string(v);
  }
  std::string out;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "value") {
      out = json::string(value);
    }
  });
  return out;
}

}  // namespace qctl::mesos::detail
