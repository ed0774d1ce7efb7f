// Chronos 2.x's task endpoints that 3.0 removed (#734): PUT task/{id} (an async job reports
// how its task ended) and DELETE task/all (both queues purged).
#include <cstdlib>
#include <optional>

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
  // Jackson's int coercion: a fraction is cut (0.5 -> 0), null and a missing field are 0, a
  // numeric string is read; anything else fails before the resource.
  const auto code = body.value("statusCode", nlohmann::json(0));
  std::optional<std::int64_t> status;
  if (code.is_null()) {
    status = 0;
  } else if (code.is_number()) {
    status = static_cast<std::int64_t>(code.get<double>());
  } else if (code.is_string()) {
    const std::string text = code.get<std::string>();
    char* end = nullptr;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (!text.empty() && *end == '\0') {
      status = v;
    }
  }
  if (!status) {
    return jetty_page(2, 500, "Server Error", req.path);
  }
  // TaskManagementResource.updateStatus: 0 finishes the task, anything else fails it; ids
  // of another shape or of jobs not in the graph are ignored. Always 204, and every call
  // counts again (nothing checks that the task ran).
  if (auto id = parse_task_id(req.rest); id && s.lookup(id->job) != nullptr) {
    if (*status == 0) {
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
