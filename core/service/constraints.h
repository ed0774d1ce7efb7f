// Decoding of placement constraints, the same JSON in Marathon apps and Chronos jobs.
#pragma once

#include <vector>

#include "core/json/decode.h"
#include "core/model/marathon.h"

namespace qctl::service {

/// [["field","OP","value"?]…] with the operator upper-cased. Old Marathons wrote
/// ["hostname","UNIQUE",""]: an empty value counts as no value. DecodeError for a constraint
/// that does not have 2 or 3 fields.
[[nodiscard]] std::vector<model::Constraint> decode_constraints(json::Value& v);

}  // namespace qctl::service
