// Stable JSON (snake_case) for the Marathon models: what `-o json` and `-o yaml` print.
#pragma once

#include <nlohmann/json.hpp>

#include "core/model/marathon.h"

namespace qctl::model {

/// An App:
///   {"id", "cmd", "args":[], "instances", "cpus", "mem", "disk", "gpus",
///    "constraints":[["hostname","UNIQUE"], ["rack","LIKE","r1"]], "hostname_unique",
///    "accepted_resource_roles":[], "labels":{}, "env":{},
///    "container_type" ("DOCKER"|"MESOS"|""), "docker_image", "port_count", "require_ports",
///    "health_check_count", "upgrade_strategy":{"minimum_health_capacity",
///    "maximum_over_capacity"}, "role", "user", "version", "last_scaling_at",
///    "last_config_change_at", "tasks_staged", "tasks_running", "tasks_healthy",
///    "tasks_unhealthy", "deployment_ids":[], "tasks":[MarathonTask],
///    "last_task_failure": TaskFailure|null}
/// Absent strings are "", never null.
[[nodiscard]] nlohmann::json to_json(const App& app);

/// A constraint in Marathon's own array form: [field, OP] or [field, OP, value].
[[nodiscard]] nlohmann::json to_json(const Constraint& c);

/// {"id", "app_id", "host", "slave_id", "state", "version", "staged_at", "started_at",
///  "ports":[], "service_ports":[], "ip_addresses":[], "health_check_results":[{"alive",
///  "consecutive_failures", "last_success", "last_failure", "last_failure_cause"}]}
[[nodiscard]] nlohmann::json to_json(const MarathonTask& task);

/// {"app_id", "host", "message", "state", "task_id", "timestamp", "version", "slave_id"}
[[nodiscard]] nlohmann::json to_json(const TaskFailure& failure);

/// {"id", "version", "affected_apps", "affected_pods", "steps":[[{"action","app"}]],
///  "current_actions":[{"action","app"}], "current_step", "total_steps"}
[[nodiscard]] nlohmann::json to_json(const Deployment& deployment);

/// {"version", "deployment_id"}
[[nodiscard]] nlohmann::json to_json(const DeploymentResult& result);

/// {"app_id", "is_pod", "count", "role", "delay_time_left_seconds", "overdue", "since",
///  "processed_offers", "unused_offers", "last_unused_offer_at", "last_used_offer_at",
///  "reject_summary":[{"reason","declined","processed"}]}
[[nodiscard]] nlohmann::json to_json(const QueueItem& item);

/// {"name", "version", "buildref", "elected", "leader", "framework_id", "mesos_master",
///  "http_port"}
[[nodiscard]] nlohmann::json to_json(const MarathonInfo& info);

}  // namespace qctl::model
