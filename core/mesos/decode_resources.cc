// Resources objects and agent attributes (§2.1 of the Mesos reference).
#include <string>

#include "core/mesos/decode.h"

namespace qctl::mesos {

namespace {

using simdjson::ondemand::json_type;

std::vector<model::Range> decode_ports(json::Value& v) {
  const std::string text = json::string(v);
  auto ranges = model::parse_ranges(text);
  if (!ranges) {
    throw json::DecodeError("resources: malformed ports range \"" + text + "\"");
  }
  return std::move(*ranges);
}

// Returns false when `key` is not one of the four scalars every resources object carries.
bool assign_builtin(model::Resources& r, std::string_view key, json::Value& v) {
  double* slot = nullptr;
  if (key == "cpus") {
    slot = &r.cpus;
  } else if (key == "mem") {
    slot = &r.mem;
  } else if (key == "disk") {
    slot = &r.disk;
  } else if (key == "gpus") {
    slot = &r.gpus;
  } else {
    return false;
  }
  *slot = json::number(v);
  return true;
}

}  // namespace

model::Resources decode_resources(json::Value& v) {
  model::Resources r;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (assign_builtin(r, key, value)) {
      return;
    }
    if (key == "ports") {
      if (!json::is_null(value)) {
        r.ports = decode_ports(value);
      }
      return;
    }
    switch (value.type()) {
      case json_type::number:
        r.scalars.emplace(std::string(key), json::number(value));
        break;
      case json_type::string:
        // Other RANGES ("[1-5]") and SET ("{a, b}") resources keep their Mesos text.
        r.others.emplace(std::string(key), json::string(value));
        break;
      default:
        break;
    }
  });
  return r;
}

std::vector<model::Attribute> decode_attributes(json::Value& v) {
  std::vector<model::Attribute> out;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    model::Attribute a;
    a.name = std::string(key);
    switch (value.type()) {
      case json_type::number:
        a.is_scalar = true;
        a.scalar = json::number(value);
        break;
      case json_type::string:
      case json_type::boolean:
        a.text = json::string(value);
        break;
      default:
        return;
    }
    out.push_back(std::move(a));
  });
  return out;
}

}  // namespace qctl::mesos
