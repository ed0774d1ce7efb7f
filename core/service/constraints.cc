#include "core/service/constraints.h"

#include "core/util/strings.h"

namespace qctl::service {

std::vector<model::Constraint> decode_constraints(json::Value& v) {
  std::vector<model::Constraint> out;
  json::elements(v, [&](json::Value& c) {
    const auto parts = json::string_array(c);
    if (parts.size() < 2 || parts.size() > 3) {
      throw json::DecodeError("a constraint must have 2 or 3 fields, got " +
                              std::to_string(parts.size()));
    }
    model::Constraint constraint{parts[0], util::to_upper(parts[1]), "", false};
    if (parts.size() == 3 && !parts[2].empty()) {
      constraint.value = parts[2];
      constraint.has_value = true;
    }
    out.push_back(std::move(constraint));
  });
  return out;
}

}  // namespace qctl::service
