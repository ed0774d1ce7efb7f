// Plain structs for what the Mesos master and agent endpoints report.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/resources.h"

namespace qctl::model {

/// One agent attribute: SCALAR attributes are numbers, TEXT/RANGES/SET are strings.
struct Attribute {
  std::string name;
  bool is_scalar = false;
  double scalar = 0;
  std::string text;  // TEXT value, or the Mesos text of RANGES/SET
  /// The value as text: scalars with up to 3 decimals ("3", "2.5"), else `text`.
  [[nodiscard]] std::string str() const;
  bool operator==(const Attribute&) const = default;
};

enum class DrainState { kNone, kDraining, kDrained };

struct Label {
  std::string key;
  std::string value;
  bool operator==(const Label&) const = default;
};

/// An agent as /master/slaves, /master/state-summary and /master/state describe it.
struct Agent {
  std::string id;
  std::string hostname;
  int port = 5051;
  std::string pid;  // "slave(1)@10.0.0.5:5051"
  std::string version;
  std::vector<Attribute> attributes;
  std::string region;  // domain.fault_domain.region.name
  std::string zone;    // domain.fault_domain.zone.name
  Resources resources;  // total, reservations included
  Resources used;
  Resources offered;
  Resources unreserved;
  std::map<std::string, Resources> reserved;  // role -> reserved resources
  bool active = false;
  bool deactivated = false;
  DrainState drain = DrainState::kNone;
  double registered_time = 0;
  double reregistered_time = 0;
  std::vector<std::string> capabilities;
  std::map<std::string, std::int64_t> task_counts;  // state-summary only: "TASK_RUNNING" -> n
  std::vector<std::string> framework_ids;           // state-summary only
  /// From the *_full arrays, which only /master/slaves has (empty elsewhere):
  std::map<std::string, Resources> reserved_dynamic;   // role -> its DYNAMIC reservations
  std::map<std::string, Resources> used_by_role;       // reservation role ("*" = none) -> used
  std::map<std::string, Resources> allocated_by_role;  // allocation_info.role -> used
  bool has_full = false;  // used_resources_full was present

  [[nodiscard]] const Attribute* attribute(std::string_view name) const;
  /// "ip:port" from pid (the CLI's rule), else hostname:port.
  [[nodiscard]] std::string address() const;
  /// The IP from pid ("10.0.0.5"), "" when the pid has none.
  [[nodiscard]] std::string ip() const;
};

/// An agent known from the registry that has not re-registered since a master failover.
struct RecoveredAgent {
  std::string id;
  std::string hostname;
  int port = 0;
  std::vector<Attribute> attributes;
};

struct ContainerStatus {
  std::string container_id;         // container_id.value
  std::string parent_container_id;  // container_id.parent.value, nested containers only
  std::vector<std::string> ip_addresses;
};

struct TaskStatus {
  std::string state;
  double timestamp = 0;
  std::optional<bool> healthy;
  std::optional<ContainerStatus> container_status;
};

/// A Mesos task (master /tasks, /state, /frameworks).
struct Task {
  std::string id;
  std::string name;
  std::string framework_id;
  std::string executor_id;
  std::string slave_id;
  std::string state;
  std::string role;
  std::string user;
  Resources resources;
  std::vector<TaskStatus> statuses;  // oldest first
  std::vector<Label> labels;
  std::string container_type;  // "DOCKER", "MESOS" or "" (no ContainerInfo)
  std::string docker_image;

  /// Timestamp of the first status (when the task was staged); 0 without statuses.
  [[nodiscard]] double started() const;
  /// container_status.container_id.value from the statuses, "" when unknown.
  [[nodiscard]] std::string container_id() const;
  /// The most recent health flag, if any status carried one.
  [[nodiscard]] std::optional<bool> healthy() const;
};

/// A framework: the summary fields always, the full ones from /state and /frameworks.
struct Framework {
  std::string id;
  std::string name;
  std::string pid;
  std::string hostname;
  std::string webui_url;
  std::string user;
  std::string principal;
  std::vector<std::string> roles;  // `role` or `roles`
  std::vector<std::string> capabilities;
  bool active = false;
  bool connected = false;
  bool recovered = false;
  Resources used;
  Resources offered;
  double registered_time = 0;
  double unregistered_time = 0;
  double failover_timeout = 0;
  std::map<std::string, std::int64_t> task_counts;  // state-summary only
  std::vector<std::string> slave_ids;               // state-summary only
  std::vector<Task> tasks;
  std::vector<Task> unreachable_tasks;
  std::vector<Task> completed_tasks;
};

/// GET /master/state-summary.
struct StateSummary {
  std::string hostname;
  std::string cluster;
  std::vector<Agent> agents;
  std::vector<Framework> frameworks;
};

struct LeaderInfo {
  std::string id;
  std::string pid;
  std::string hostname;
  int port = 0;
};

/// GET /master/state.
struct MasterState {
  std::string version;
  std::string git_sha;
  std::string id;
  std::string pid;
  std::string hostname;
  std::string cluster;
  std::string leader;  // leader pid
  std::optional<LeaderInfo> leader_info;
  double start_time = 0;
  std::optional<double> elected_time;
  double activated_slaves = 0;
  double deactivated_slaves = 0;
  double unreachable_slaves = 0;
  std::vector<Agent> agents;
  std::vector<RecoveredAgent> recovered_agents;
  std::vector<Framework> frameworks;
  std::vector<Framework> completed_frameworks;
};

/// GET /version.
struct VersionInfo {
  std::string version;
  std::string build_date;
  double build_time = 0;
  std::string build_user;
  std::string git_sha;
  std::string git_tag;
};

/// v1 GET_MASTER: the master's own description, with start and election times.
struct MasterInfo {
  std::string id;
  std::string hostname;
  std::string ip;
  int port = 5050;
  std::string pid;
  std::string version;
  double start_time = 0;
  std::optional<double> elected_time;
};

struct Machine {
  std::string hostname;
  std::string ip;
};

/// One window of GET /master/maintenance/schedule: machines unavailable from `start`.
struct MaintenanceWindow {
  std::vector<Machine> machines;
  double start = 0;     // seconds since the epoch
  double duration = 0;  // seconds; 0 = open-ended (Mesos leaves `duration` out)
  bool open_ended = false;
};

/// GET /master/maintenance/status ({} when nothing is in maintenance).
struct MaintenanceStatus {
  std::vector<Machine> draining;
  std::vector<Machine> down;
};

/// An executor as the agent's /state shows it (sandbox directory and container id).
struct AgentExecutor {
  std::string id;
  std::string name;
  std::string framework_id;
  std::string container;  // ContainerID.value
  std::string directory;  // absolute sandbox path on the agent
  std::string type;
  std::vector<std::string> task_ids;
  std::vector<std::string> completed_task_ids;
  bool completed = false;  // from completed_executors
};

/// GET <agent>/state (only what qctl uses: identity and executors).
struct AgentState {
  std::string id;
  std::string hostname;
  std::string version;
  std::string pid;
  std::vector<AgentExecutor> executors;  // of frameworks and completed_frameworks
};

/// One element of GET <agent>/containers.
struct AgentContainer {
  std::string framework_id;
  std::string executor_id;
  std::string executor_name;
  std::string source;
  std::string container_id;
  std::optional<std::int64_t> executor_pid;  // Mesos containerizer only
};

/// GET <agent>/files/read: {"offset":N,"data":"raw bytes"}.
struct FileChunk {
  std::int64_t offset = 0;
  std::string data;
};

using Metrics = std::map<std::string, double>;

/// Terminal Mesos task states (the task will not run again).
[[nodiscard]] bool is_terminal_state(std::string_view state);

}  // namespace qctl::model
