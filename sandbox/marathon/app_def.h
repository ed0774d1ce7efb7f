// App definitions: JSON type checks, Marathon's defaults, validation and partial updates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model/marathon.h"
#include "sandbox/http/message.h"
#include "sandbox/marathon/marathon.h"

namespace qctl::sandbox::marathon {

/// One failed rule: a JSON path ("/instances", "/constraints(0)") and its message.
struct Violation {
  std::string path;
  std::string error;
};

/// Parses a request body. nullopt and a 400 {"message":"Invalid JSON","details":"…"} in
/// `error` when it is not JSON (Marathon's JsonParseException mapping).
[[nodiscard]] std::optional<nlohmann::json> parse_body(const std::string& body,
                                                      http::Response& error);

/// Play-JSON read errors ("error.expected.jsnumber", "error.path.missing", …).
/// `require_id` is false for updates, where the path gives the id.
[[nodiscard]] std::vector<Violation> type_errors(const nlohmann::json& app, bool require_id);

/// Fills Marathon's defaults (AppNormalization + the RAML defaults); keeps unknown fields.
/// Service ports for `port: 0` are taken from `next_service_port` (local_port_min 10000).
[[nodiscard]] nlohmann::json normalize(nlohmann::json app, const MarathonOptions& options,
                                       std::uint64_t& next_service_port);

/// AppValidation / SchedulingValidation rules on a normalized definition.
[[nodiscard]] std::vector<Violation> validate(const nlohmann::json& def);

/// 422 {"message":"Object is not valid","details":[{"path","errors":[…]}]} grouped by path;
/// with `json_errors` the message is "Invalid JSON" (JsResultException).
[[nodiscard]] http::Response invalid(const std::vector<Violation>& violations, bool json_errors);

/// Marathon's partial update (AppUpdate): every field present replaces the current one.
[[nodiscard]] nlohmann::json merge_update(const nlohmann::json& current,
                                          const nlohmann::json& update);

/// The definition without read-only/version fields, for change comparison.
[[nodiscard]] nlohmann::json config_of(const nlohmann::json& def);

/// Placement constraints of a definition.
[[nodiscard]] std::vector<model::Constraint> constraints_of(const nlohmann::json& def);

/// How many host ports an instance needs (portDefinitions, or host-bound port mappings).
[[nodiscard]] std::size_t host_port_count(const nlohmann::json& def);

}  // namespace qctl::sandbox::marathon
