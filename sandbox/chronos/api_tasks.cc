// Chronos 2.x's task endpoints that 3.0 removed (#734): PUT task/{id} (an async job reports
// how its task ended) and DELETE task/all (both queues purged).
#include "sandbox/chronos/api.h"
#include "sandbox/chronos/api_errors.h"

namespace qctl::sandbox::chronos::api {

http::Response task_update(ChronosState& s, http::Request& req) {
  auto lock = s.world_.lock();
  if (req.rest.empty() || req.rest.find('/') != std::string::npos) {
    return jetty_page(2, 404, "Not Found", req.path);
  }
  // TaskNotification(statusCode: Int): malformed JSON fails in Jackson, before the resource.
  const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return jetty_page(2, 500, "Server Error", req.path);
  }
  const auto code = body.value("statusCode", nlohmann::json(0));
  if (!code.is_number()) {
    return jetty_page(2, 500, "Server Error", req.path);
  }
  // TaskManagementResource.updateStatus: 0 finishes the task, anything else fails it; ids
  // of another shape or of jobs not in the graph are ignored. Always 204, and every call
  // counts again (nothing checks that the task ran).
  if (auto id = parse_task_id(req.rest); id && s.lookup(id->job) != nullptr) {
    if (code.get<double>() == 0) {
      s.finished(*id);
    } else {
      s.failed(*id);
    }
  }
  return http::Response::empty(204);
}

http::Response purge_tasks(ChronosState& s, http::Request& /*req*/) {
  auto lock = s.world_.lock();
  // TaskManager.purgeTasks + clear: planned tasks and pending retries stay, and no job
  // leaves "queued".
  s.queues_.clear();
  return http::Response::empty(204);
}

}  // namespace qctl::sandbox::chronos::api
