// JSON (and so YAML) renderings of the Mesos models for `-o json|yaml`, with stable
// snake_case field names. Every field is always present; absent values are "" / 0 / null.
//
// Agent:
//   {"id", "hostname", "port", "pid", "address" ("ip:port"), "version",
//    "active", "deactivated", "drain_state" ("DRAINING" | "DRAINED" | null),
//    "region", "zone", "registered_time", "reregistered_time" (seconds since the epoch),
//    "attributes" {name: number | string}, "capabilities" [string],
//    "resources", "used_resources", "offered_resources", "unreserved_resources" (Resources),
//    "reserved_resources" {role: Resources},
//    "task_counts" {"TASK_RUNNING": n, …}, "framework_ids" [string]}   (last two: state-summary)
//
// Task:
//   {"id", "name", "framework_id", "executor_id", "slave_id", "state", "role", "user",
//    "resources" (Resources), "container_type" ("DOCKER" | "MESOS" | ""), "docker_image",
//    "container_id", "healthy" (bool | null), "started" (first status timestamp),
//    "labels" {key: value},
//    "statuses" [{"state", "timestamp", "healthy" (bool | null), "container_id",
//                 "parent_container_id", "ip_addresses" [string]}]}
//
// Resources: {"cpus", "mem", "disk", "gpus", "ports": "[31000-32000]" (only when any),
//             every other scalar by name ("cpus_revocable": 2.0), other RANGES/SET as text}.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/model/mesos.h"
#include "core/model/resources.h"

namespace qctl::model {

/// Scalars rounded to Mesos' three decimals; ports in Mesos text form when present.
[[nodiscard]] nlohmann::json to_json(const Resources& r);
/// {name: number | string} (keys sorted by name, as every nlohmann::json object).
[[nodiscard]] nlohmann::json to_json(const std::vector<Attribute>& attributes);
[[nodiscard]] nlohmann::json to_json(const Agent& a);
/// {"id", "hostname", "port", "attributes"}.
[[nodiscard]] nlohmann::json to_json(const RecoveredAgent& a);
[[nodiscard]] nlohmann::json to_json(const Task& t);
/// {"id", "name", "pid", "hostname", "webui_url", "user", "principal", "roles",
///  "capabilities", "active", "connected", "recovered", "used_resources",
///  "offered_resources", "registered_time", "unregistered_time", "failover_timeout",
///  "task_counts", "slave_ids", "tasks", "unreachable_tasks", "completed_tasks"}.
[[nodiscard]] nlohmann::json to_json(const Framework& f);
/// {"id", "hostname", "ip", "port", "pid", "version", "start_time", "elected_time" | null}.
[[nodiscard]] nlohmann::json to_json(const MasterInfo& m);
/// {"version", "build_date", "build_time", "build_user", "git_sha", "git_tag"}.
[[nodiscard]] nlohmann::json to_json(const VersionInfo& v);
/// {"draining_machines": [{"hostname", "ip"}], "down_machines": [{"hostname", "ip"}]}.
[[nodiscard]] nlohmann::json to_json(const MaintenanceStatus& m);

}  // namespace qctl::model
