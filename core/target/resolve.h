// Resolves a TARGET (Marathon app id, Chronos job name, Mesos task id, prefix or glob) to the
// Mesos tasks it names, with where each runs; pure over an Inventory read from the master.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/mesos.h"

namespace qctl::target {

/// How the target matched (the first rule that matched any task wins, in this order).
enum class MatchKind {
  kNone,
  kTaskId,    // exact Mesos task id
  kAppId,     // Marathon app id, "/team/web" or "team/web"
  kJobName,   // Chronos job name (its tasks are named "ChronosTask:<job>")
  kTaskName,  // exact Mesos task name
  kGlob,      // `*`/`?` pattern over task ids, app ids and job names
  kPrefix,    // task id prefix
};

/// "task id", "app", "job", "task name", "glob", "task id prefix" ("" for kNone).
[[nodiscard]] const char* match_kind_name(MatchKind kind);

/// One matched Mesos task and where it runs.
struct TargetTask {
  std::string task_id;
  std::string name;  // Mesos task name
  std::string framework_id;
  std::string framework_name;  // "" when the framework is unknown
  std::string agent_id;
  std::string agent_hostname;  // "" when the agent is not registered
  std::string agent_address;   // "host:port" for agent endpoints (model::Agent::address())
  std::string agent_pid;       // "slave(1)@ip:port"
  std::string agent_version;   // Mesos version the agent reports ("" when unknown)
  std::string state;           // TASK_RUNNING, TASK_FINISHED, …
  double started = 0;          // first status timestamp (seconds since the epoch), 0 unknown
  double stopped = 0;          // last status timestamp when the state is terminal, else 0
  std::optional<bool> healthy;
  std::string container_type;  // "DOCKER", "MESOS" or "" (command task: Mesos containerizer)
  std::string container_id;    // from the task statuses; "" when the master does not know it
  std::string executor_id;     // the task's executor; the task id for command tasks
  std::string docker_image;
  std::string user;
  std::string app_id;    // Marathon app id ("/team/web") for Marathon tasks, else ""
  std::string job_name;  // Chronos job name for Chronos tasks, else ""

  [[nodiscard]] bool running() const { return state == "TASK_RUNNING"; }
  [[nodiscard]] bool is_docker() const { return container_type == "DOCKER"; }
};

/// What resolution reads: /master/frameworks (tasks inside) and /master/slaves.
struct Inventory {
  std::vector<model::Framework> frameworks;            // with tasks, unreachable, completed
  std::vector<model::Framework> completed_frameworks;  // their tasks count as finished
  std::vector<model::Agent> agents;
};

struct ResolveOptions {
  /// Also return tasks that are not TASK_RUNNING (finished, failed, killed, unreachable,
  /// staging) in `tasks` (`qctl logs --previous`). Without it they go to `not_running`.
  bool include_finished = false;
};

struct Resolution {
  MatchKind kind = MatchKind::kNone;
  /// Matched tasks (running ones only, unless include_finished), sorted by agent hostname
  /// then start time then task id — the order `--index` counts in (1-based).
  std::vector<TargetTask> tasks;
  /// Matched tasks left out because they are not running (newest first).
  std::vector<TargetTask> not_running;
  /// Up to 3 running names (app ids, job names, task ids) closest to the target; filled only
  /// when `tasks` is empty.
  std::vector<std::string> closest;
};

/// Resolves `target` over `inventory`. Empty target → empty Resolution (kind kNone).
[[nodiscard]] Resolution resolve(std::string_view target, const Inventory& inventory,
                                 const ResolveOptions& options = {});

/// The inventory's agents by id (pointers into `inventory.agents`).
using AgentIndex = std::unordered_map<std::string, const model::Agent*>;
[[nodiscard]] AgentIndex index_agents(const Inventory& inventory);

/// Builds a TargetTask from a master task (its agent looked up in `agents`).
[[nodiscard]] TargetTask make_target_task(const model::Task& task, const AgentIndex& agents);

/// "/team/web" from "team/web", "/team/web/" or "/team/web" (Marathon's absolute form).
[[nodiscard]] std::string normalize_app_id(std::string_view id);
/// The Marathon app id encoded in a Marathon task id ("team_web.<uuid>" → "/team/web");
/// "" when the id has no Marathon shape.
[[nodiscard]] std::string app_id_of_task(const std::string& task_id);
/// The Chronos job of a Chronos task: from the name "ChronosTask:<job>", else from the id
/// "ct:<due>:<attempt>:<job>[:<args>]"; "" when neither fits.
[[nodiscard]] std::string job_of_task(const std::string& task_id, const std::string& name);

/// Up to `limit` of `candidates` closest to `target` (edit distance, substring matches
/// first); far-off names are dropped.
[[nodiscard]] std::vector<std::string> closest_names(std::string_view target,
                                                     const std::vector<std::string>& candidates,
                                                     std::size_t limit = 3);

}  // namespace qctl::target
