// Plain structs for Marathon v2 apps, tasks, deployments, queue and info.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace qctl::model {

/// A placement constraint ["field", "OPERATOR", "value"?], Marathon's or Chronos's.
struct Constraint {
  std::string field;
  std::string op;     // upper-cased operator
  std::string value;  // "" when the constraint has two elements
  bool has_value = false;
  bool operator==(const Constraint&) const = default;
};

struct UpgradeStrategy {
  double minimum_health_capacity = 1.0;
  double maximum_over_capacity = 1.0;
};

struct HealthCheckResult {
  bool alive = false;
  std::int64_t consecutive_failures = 0;
  std::string last_success;
  std::string last_failure;
  std::string last_failure_cause;
};

/// A Marathon task (/v2/tasks, /v2/apps/{id}/tasks, embedded app tasks).
struct MarathonTask {
  std::string id;
  std::string app_id;
  std::string host;
  std::string slave_id;
  std::string state;  // TASK_RUNNING, … (may be empty on old Marathons)
  std::string version;
  std::string staged_at;
  std::string started_at;
  std::vector<std::int64_t> ports;
  std::vector<std::int64_t> service_ports;
  std::vector<std::string> ip_addresses;
  std::vector<HealthCheckResult> health_check_results;
};

/// The parts of a Marathon task id: "<safePath>.<uuid>" or "<safePath>.instance-<uuid>._app.<n>".
struct MarathonTaskId {
  std::string safe_app_id;  // app id with '/' replaced by '_', no leading '_'
  std::string instance_id;  // the task id without the container/incarnation suffix
  std::optional<std::int64_t> incarnation;
};
/// nullopt when the id has none of Marathon's task id shapes.
[[nodiscard]] std::optional<MarathonTaskId> parse_marathon_task_id(const std::string& id);

struct TaskFailure {
  std::string app_id;
  std::string host;
  std::string message;
  std::string state;
  std::string task_id;
  std::string timestamp;
  std::string version;
  std::string slave_id;
};

/// A Marathon app definition plus the AppInfo read-only parts (counts, deployments, tasks).
struct App {
  std::string id;
  std::string cmd;
  std::vector<std::string> args;
  std::int64_t instances = 1;
  double cpus = 1;
  double mem = 128;
  double disk = 0;
  double gpus = 0;
  std::vector<Constraint> constraints;
  std::vector<std::string> accepted_resource_roles;
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> env;  // plain string values only
  std::string container_type;  // "DOCKER", "MESOS" or "" (no container)
  std::string docker_image;
  std::size_t port_count = 0;  // host ports requested (portDefinitions or host port mappings)
  bool require_ports = false;
  std::size_t health_check_count = 0;
  UpgradeStrategy upgrade_strategy;
  std::string role;
  std::string user;
  std::string version;
  std::string last_scaling_at;
  std::string last_config_change_at;
  std::int64_t tasks_staged = 0;
  std::int64_t tasks_running = 0;
  std::int64_t tasks_healthy = 0;
  std::int64_t tasks_unhealthy = 0;
  std::vector<std::string> deployment_ids;
  std::vector<MarathonTask> tasks;
  std::optional<TaskFailure> last_task_failure;

  /// True when the constraints include hostname UNIQUE (the per-agent daemon pattern).
  [[nodiscard]] bool is_hostname_unique() const;
};

struct DeploymentAction {
  std::string action;  // StartApplication, ScaleApplication, RestartApplication, …
  std::string app;     // or pod id
};

/// GET /v2/deployments element.
struct Deployment {
  std::string id;
  std::string version;
  std::vector<std::string> affected_apps;
  std::vector<std::string> affected_pods;
  std::vector<std::vector<DeploymentAction>> steps;
  std::vector<DeploymentAction> current_actions;
  std::int64_t current_step = 0;
  std::int64_t total_steps = 0;
};

/// {"version","deploymentId"} answered by every call that starts a deployment.
struct DeploymentResult {
  std::string version;
  std::string deployment_id;
};

struct RejectReason {
  std::string reason;
  std::int64_t declined = 0;
  std::int64_t processed = 0;
};

/// GET /v2/queue element: an app (or pod) waiting for offers.
struct QueueItem {
  std::string app_id;  // app id, or the pod id for pods
  bool is_pod = false;
  std::int64_t count = 0;
  std::string role;
  double delay_time_left_seconds = 0;
  bool overdue = false;
  std::string since;
  std::int64_t processed_offers = 0;
  std::int64_t unused_offers = 0;
  std::string last_unused_offer_at;
  std::string last_used_offer_at;
  std::vector<RejectReason> reject_summary;  // rejectSummaryLastOffers
};

/// GET /v2/info.
struct MarathonInfo {
  std::string name;
  std::string version;
  std::string buildref;
  bool elected = false;
  std::string leader;  // "host:port"
  std::string framework_id;
  std::string mesos_master;  // marathon_config.master
  std::string http_port;
};

}  // namespace qctl::model
