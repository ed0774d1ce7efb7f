// Admin routes: agents, tasks, leaders and faults of the running sandbox.
#include "sandbox/admin/admin_api.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "sandbox/sandbox.h"

namespace qctl::sandbox::admin {

namespace {

http::Response error(int status, const std::string& message) {
  return http::Response::json(status, nlohmann::json{{"message", message}}.dump());
}

nlohmann::json body_of(const http::Request& req) {
  if (req.body.empty()) {
    return nlohmann::json();
  }
  try {
    return nlohmann::json::parse(req.body);
  } catch (const nlohmann::json::parse_error&) {
    throw std::invalid_argument("the request body is not valid JSON");
  }
}

// Runs an admin operation with the API's error mapping: 400 bad input, 404 unknown thing.
template <typename F>
http::Response guarded(F&& op) {
  try {
    return http::Response::json(200, op().dump());
  } catch (const std::out_of_range& e) {
    return error(404, e.what());
  } catch (const std::invalid_argument& e) {
    return error(400, e.what());
  } catch (const nlohmann::json::exception& e) {
    return error(400, e.what());
  } catch (const std::runtime_error& e) {
    return error(500, e.what());
  }
}

}  // namespace

void mount_admin(http::Router& router, Sandbox& sb) {
  const std::string p = std::string(kPrefix);
  router.add("GET", p + "cluster", [&sb](http::Request&) {
    return guarded([&] { return sb.describe(); });
  });
  router.add("POST", p + "agents", [&sb](http::Request& req) {
    return guarded([&] { return sb.add_agent(body_of(req)); });
  });
  // POST /__sandbox/agents/<id>/<action>
  router.add_prefix("POST", p + "agents/", [&sb](http::Request& req) {
    return guarded([&] {
      auto slash = req.rest.rfind('/');
      if (slash == std::string::npos || slash == 0) {
        throw std::out_of_range("use POST " + std::string(kPrefix) + "agents/<id>/<action>");
      }
      return sb.agent_action(req.rest.substr(0, slash), req.rest.substr(slash + 1), body_of(req));
    });
  });
  // POST /__sandbox/tasks/<id>/kill
  router.add_prefix("POST", p + "tasks/", [&sb](http::Request& req) {
    return guarded([&] {
      const std::string suffix = "/kill";
      if (req.rest.size() <= suffix.size() ||
          req.rest.compare(req.rest.size() - suffix.size(), suffix.size(), suffix) != 0) {
        throw std::out_of_range("use POST " + std::string(kPrefix) + "tasks/<id>/kill");
      }
      return sb.kill_task(req.rest.substr(0, req.rest.size() - suffix.size()));
    });
  });
  router.add("POST", p + "mesos/leader", [&sb](http::Request& req) {
    return guarded([&] { return sb.mesos_leader(body_of(req)); });
  });
  router.add("POST", p + "marathon/failover", [&sb](http::Request& req) {
    return guarded([&] { return sb.marathon_failover(body_of(req)); });
  });
  router.add_prefix("PUT", p + "faults/", [&sb](http::Request& req) {
    return guarded([&] { return sb.set_faults(req.rest, body_of(req)); });
  });
  router.add_prefix("DELETE", p + "faults/", [&sb](http::Request& req) {
    return guarded([&] { return sb.set_faults(req.rest, nlohmann::json()); });
  });
}

}  // namespace qctl::sandbox::admin
