// The emulated Chronos' HTTP handlers (JobManagementResource, Iso8601JobResource,
// DependentJobResource, TaskManagementResource, GraphManagementResource, StatsResource, …).
// Each takes the World lock itself.
#pragma once

#include "sandbox/chronos/state.h"
#include "sandbox/http/message.h"

namespace qctl::sandbox::chronos::api {

// Writes (api_write.cc).
[[nodiscard]] http::Response post_iso8601(ChronosState& s, http::Request& req);
[[nodiscard]] http::Response post_dependency(ChronosState& s, http::Request& req);
/// Everything under <prefix>/job/: GET/PUT/DELETE job/{name}, GET job/stat/{name},
/// PUT job/success/{name}, POST job/{name}/task/{taskId}/progress.
[[nodiscard]] http::Response job_route(ChronosState& s, http::Request& req);
/// DELETE <prefix>/task/kill/{name}.
[[nodiscard]] http::Response kill_route(ChronosState& s, http::Request& req);
/// 2.x only (api_tasks.cc): PUT /scheduler/task/{taskId} {"statusCode":n}, DELETE
/// /scheduler/task/all.
[[nodiscard]] http::Response task_update(ChronosState& s, http::Request& req);
[[nodiscard]] http::Response purge_tasks(ChronosState& s, http::Request& req);

// Reads (api_read.cc).
[[nodiscard]] http::Response list_jobs(ChronosState& s, http::Request& req);
[[nodiscard]] http::Response search_jobs(ChronosState& s, http::Request& req);
[[nodiscard]] http::Response job_summary(ChronosState& s, http::Request& req);
/// GET job/{name} and GET job/stat/{name}; called by job_route with the lock held.
[[nodiscard]] http::Response get_job(ChronosState& s, const std::string& name);
[[nodiscard]] http::Response job_stat(ChronosState& s, const std::string& name);
[[nodiscard]] http::Response graph_csv(ChronosState& s, http::Request& req);
[[nodiscard]] http::Response graph_dot(ChronosState& s, http::Request& req);
[[nodiscard]] http::Response stats_route(ChronosState& s, http::Request& req);
[[nodiscard]] http::Response leader(ChronosState& s, http::Request& req);
[[nodiscard]] http::Response metrics(ChronosState& s, http::Request& req);

/// The path prefix of the API version: "/v1/scheduler" (3) or "/scheduler" (2).
[[nodiscard]] std::string prefix(const ChronosState& s);

}  // namespace qctl::sandbox::chronos::api
