// A small, deterministic World for the Mesos endpoint tests, and the JSON shape checks.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sandbox/http/router.h"
#include "sandbox/mesos/mesos_api.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox::mesos::testing {

/// Agents S0 (region/zone, docker task + process task), S1 (deactivated), S2 (draining,
/// maintenance window), S3 (reserved for "marathon"); frameworks marathon (MULTI_ROLE)
/// and chronos; a few tasks in several states. The clock is `clock` (seconds).
struct MesosWorld {
  MesosWorld();

  double clock = 1717000000.5;
  IdSource ids{42};
  World world;
  Leadership leadership;
  MesosOptions options;
  std::string marathon_id;
  std::string chronos_id;
  std::vector<std::string> agent_ids;

  /// Launches a task on `agent` with `ports` host ports; it stays TASK_STAGING.
  SimTask& launch(const std::string& id, std::size_t agent, const std::string& framework_id,
                  std::vector<std::uint64_t> ports = {});
  /// A GET through the router; `query` without '?'.
  static http::Response get(const http::Router& router, const std::string& path,
                            const std::string& query = "");
};

/// Every key of `fixture` (recursively; arrays compared by their first elements) is in
/// `actual` with the same JSON type, where integers and doubles are told apart. Keys in
/// `optional` may be missing. Returns the differences, one per line ("" = same shape).
std::string shape_diff(const nlohmann::json& fixture, const nlohmann::json& actual,
                       const std::vector<std::string>& optional = {});

}  // namespace qctl::sandbox::mesos::testing
