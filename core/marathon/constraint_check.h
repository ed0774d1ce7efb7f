// Marathon's validation of an app's constraints (AppDefinition's constraint validator): what
// `POST /v2/apps` answers 422 for. Shared by `qctl stats fit` (refuses such a definition
// instead of planning it) and the sandbox's Marathon.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace qctl::marathon {

/// Why Marathon rejects one `[field, OPERATOR, value?]` constraint, in its own words; "" when
/// it is valid. Fields that are not strings are "error.expected.jsarray" (the JSON reader's
/// message, before the validator runs).
[[nodiscard]] std::string constraint_error(const nlohmann::json& constraint);

}  // namespace qctl::marathon
