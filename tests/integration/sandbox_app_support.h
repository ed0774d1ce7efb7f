// One Marathon app of a sandbox as its REST API shows it, for tests that poll its state.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "tests/integration/sandbox_status_support.h"

namespace qctl::testing {

/// GET /v2/apps/{id} ("/team/web" or "team/web"): the `app` object; null when Marathon does
/// not answer with one (polls may expect that).
inline nlohmann::json marathon_app(const SandboxCluster& cluster, const std::string& id) {
  const auto r =
      http_call("GET", cluster.sb.marathon() + "/v2/apps" + (id.starts_with('/') ? "" : "/") + id);
  const auto j = nlohmann::json::parse(r.body, nullptr, false);
  return j.is_object() && j.contains("app") ? j["app"] : nlohmann::json();
}

}  // namespace qctl::testing
