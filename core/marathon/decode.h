// Decoders for Marathon v2 JSON: apps, tasks, deployments, queue, info, leader.
// Each takes the response body (padded in place) and throws json::DecodeError on bad shape.
#pragma once

#include <string>
#include <vector>

#include "core/json/decode.h"
#include "core/model/marathon.h"

namespace qctl::marathon {

/// GET /v2/apps: {"apps":[AppInfo…]}.
[[nodiscard]] std::vector<model::App> decode_apps(std::string& body);
/// GET /v2/apps/{id}: {"app":AppInfo}.
[[nodiscard]] model::App decode_app(std::string& body);
/// GET /v2/tasks and /v2/apps/{id}/tasks: {"tasks":[Task…]}.
[[nodiscard]] std::vector<model::MarathonTask> decode_tasks(std::string& body);
/// DELETE /v2/apps/{id}/tasks/{taskId} without scale: {"task":Task}.
[[nodiscard]] model::MarathonTask decode_task(std::string& body);
/// GET /v2/deployments: a bare array.
[[nodiscard]] std::vector<model::Deployment> decode_deployments(std::string& body);
/// {"version","deploymentId"} from PUT/DELETE/restart/scale calls.
[[nodiscard]] model::DeploymentResult decode_deployment_result(std::string& body);
/// GET /v2/queue: {"queue":[{"app"|"pod", count, delay, processedOffersSummary…}]}.
[[nodiscard]] std::vector<model::QueueItem> decode_queue(std::string& body);
/// GET /v2/info.
[[nodiscard]] model::MarathonInfo decode_info(std::string& body);
/// GET /v2/leader: {"leader":"host:port"} -> "host:port".
[[nodiscard]] std::string decode_leader(std::string& body);

// Building blocks, shared by the decoders above.
/// An App or AppInfo object (POST /v2/apps answers one bare).
[[nodiscard]] model::App decode_app_value(json::Value& v);
[[nodiscard]] model::MarathonTask decode_task_value(json::Value& v);

}  // namespace qctl::marathon
