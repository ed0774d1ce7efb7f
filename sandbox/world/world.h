// The sandbox's cluster state: agents, frameworks and tasks behind one lock.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/mesos.h"
#include "core/placement/placement.h"
#include "sandbox/world/ids.h"

namespace qctl::sandbox {

/// Locking rule for everything under sandbox/: one mutex guards the whole emulated
/// cluster (World, Marathon, Chronos). HTTP handlers, the tick thread and the process
/// reaper take it with `World::lock()`; every other World member requires it held.
/// Framework callbacks run with it held and must not take it again.

enum class ContainerKind { kNone, kMesos, kDocker };

/// A COMMAND health check as Marathon hands it to Mesos.
struct HealthCheckSpec {
  std::string command;
  double grace_period_seconds = 300;
  double interval_seconds = 60;
  double timeout_seconds = 20;
  int max_consecutive_failures = 3;
  double delay_seconds = 15;  // Mesos HealthCheck.delay_seconds (Marathon's default too)
};

/// What a framework asks the master to launch.
struct TaskSpec {
  std::string id;
  std::string name;
  std::string framework_id;
  std::string role = "*";
  model::Resources resources;  // cpus/mem/disk/gpus; ports are assigned at launch
  std::size_t port_count = 0;
  std::string command;         // shell command (shell=true) or the executable
  bool shell = true;
  std::vector<std::string> args;
  std::map<std::string, std::string> env;  // framework env (MARATHON_APP_ID, …)
  ContainerKind container = ContainerKind::kNone;
  std::string image;
  std::string docker_network = "HOST";
  std::vector<model::Label> labels;
  std::optional<HealthCheckSpec> health_check;
  // Simulated mode only: seconds until the task ends by itself (nullopt = runs until
  // killed) and whether it then fails.
  std::optional<double> sim_duration;
  bool sim_fails = false;
};

/// A task as the master and agent know it.
struct SimTask {
  TaskSpec spec;
  std::string agent_id;
  std::string executor_id;   // the command executor's id (= task id, as Mesos does)
  std::string container_id;  // UUID, as Mesos' containerizer generates
  std::vector<std::uint64_t> ports;
  placement::Allocation allocation;  // what the task holds on its agent, per role
  std::string state = "TASK_STAGING";
  std::vector<model::TaskStatus> statuses;  // oldest first
  std::string message;                      // last status message ("Command exited with status 1")
  std::optional<int> exit_code;
  std::optional<bool> healthy;
  int pid = 0;              // process mode: host pid of the task's init/executor
  std::string sandbox_dir;  // absolute path of the run directory
  double launched_at = 0;
  double finished_at = 0;   // 0 while running

  [[nodiscard]] bool terminal() const;
};

/// An agent and its live state.
struct SimAgent {
  model::Agent info;  // id, hostname, port, pid, version, attributes, resources (total), reserved
  std::string ip;     // 127.0.1.N in process mode
  std::string work_dir;
  bool connected = true;    // false after "lose": the master marks it unreachable
  /// Its connection to the master broke ("disconnect"): still registered, inactive, tasks
  /// untouched, until it reconnects or the health checks give up at `unreachable_at`.
  bool disconnected = false;
  double unreachable_at = 0;
  bool removed = false;     // gone for good
  bool down = false;        // machine DOWN (maintenance)
  std::optional<double> drain_started;  // when DRAIN_AGENT began (estimatedDrainStartTime)

  /// What the master reports as `active` and offers: connected to it, not gone or DOWN, not
  /// deactivated or draining.
  [[nodiscard]] bool usable() const {
    return connected && !disconnected && !removed && !down && !info.deactivated &&
           info.drain == model::DrainState::kNone;
  }
};

/// A machine as Mesos' maintenance names it (MachineID): an agent's is its hostname and IP;
/// equal only when both fields are (a schedule naming only the hostname matches no agent).
struct MachineId {
  std::string hostname;
  std::string ip;
  bool operator==(const MachineId&) const = default;
};

/// One window of the maintenance schedule: machines unavailable from `start` (seconds).
struct MaintenanceWindow {
  std::vector<MachineId> machines;
  double start = 0;
  std::optional<double> duration;  // seconds; none = open-ended
};

/// A registered framework (Marathon, Chronos).
struct SimFramework {
  model::Framework info;  // id, name, hostname, webui_url, user, principal, roles, times
};

/// Told about every status update of its framework's tasks (lock held).
class FrameworkListener {
 public:
  virtual ~FrameworkListener() = default;
  virtual void on_status(const SimTask& task) = 0;
};

/// Starts and stops tasks on behalf of the agents (real processes or simulated).
class TaskRunner {
 public:
  virtual ~TaskRunner() = default;
  /// Starts the task; sets pid/sandbox_dir; later reports through World::update().
  virtual void launch(SimTask& task, const SimAgent& agent) = 0;
  /// Asks the task to stop; TASK_KILLED follows through World::update().
  virtual void kill(SimTask& task) = 0;
  /// Periodic work (simulated durations, health checks); lock held.
  virtual void tick(double now) = 0;
  /// Stops every task at once (shutdown); lock held.
  virtual void stop_all() = 0;
};

class World {
 public:
  struct Options {
    std::string master_id;  // generated when empty
    std::string cluster = "sandbox";
    std::string mesos_version = "1.11.0";
    std::size_t completed_tasks_per_framework = 1000;  // Mesos --max_completed_tasks_per_framework
  };
  World(Options options, IdSource& ids, std::function<double()> now);

  /// Takes the cluster lock (see the locking rule above).
  [[nodiscard]] std::unique_lock<std::mutex> lock() const;
  [[nodiscard]] double now() const { return now_(); }
  [[nodiscard]] IdSource& ids() { return ids_; }
  [[nodiscard]] const Options& options() const { return options_; }
  void set_runner(TaskRunner* runner) { runner_ = runner; }

  // Agents.
  SimAgent& add_agent(SimAgent agent);  // assigns id "<master>-S<n>" and pid when empty
  [[nodiscard]] SimAgent* agent(const std::string& id);
  [[nodiscard]] const std::vector<std::unique_ptr<SimAgent>>& agents() const { return agents_; }
  /// Marks an agent gone: its tasks become TASK_GONE_BY_OPERATOR (remove) or
  /// TASK_UNREACHABLE (lose) and their frameworks are told.
  void remove_agent(const std::string& id, bool lost);
  /// Schedulable = connected, active, not deactivated/draining/drained, not DOWN.
  [[nodiscard]] bool schedulable(const SimAgent& agent) const;
  [[nodiscard]] static MachineId machine_of(const SimAgent& agent) {
    return MachineId{agent.info.hostname, agent.ip};
  }
  /// The maintenance schedule (one, as the master keeps): machines in it are DRAINING (or
  /// DOWN), whether their window has started or not.
  [[nodiscard]] std::vector<MaintenanceWindow>& maintenance() { return maintenance_; }
  [[nodiscard]] const std::vector<MaintenanceWindow>& maintenance() const { return maintenance_; }
  /// Takes a machine out of every window (windows left empty go).
  void unschedule(const MachineId& machine);

  // Frameworks.
  /// Whether the framework registered with the PARTITION_AWARE capability.
  [[nodiscard]] bool partition_aware(const std::string& framework_id) const;
  SimFramework& register_framework(model::Framework info, FrameworkListener* listener);
  [[nodiscard]] const std::vector<std::unique_ptr<SimFramework>>& frameworks() const {
    return frameworks_;
  }

  // Tasks.
  /// Placement view of every schedulable agent: free resources per role and free ports.
  [[nodiscard]] std::vector<placement::AgentView> agent_views() const;
  /// Launches on the agent the allocation chose (resources and ports taken from it).
  SimTask& launch(TaskSpec spec, const placement::Allocation& where);
  /// Kills a task through the runner; unknown or finished tasks are ignored (false).
  bool kill(const std::string& task_id);
  /// A status update from the runner (or the master itself): records it, frees the
  /// resources when terminal, tells the framework.
  void update(const std::string& task_id, const std::string& state, const std::string& message,
              std::optional<bool> healthy = std::nullopt);
  [[nodiscard]] SimTask* task(const std::string& id);
  /// Live (non-terminal) tasks by id.
  [[nodiscard]] const std::map<std::string, std::unique_ptr<SimTask>>& active_tasks() const {
    return active_;
  }
  /// Ids of the live tasks on one agent (empty set for an unknown agent).
  [[nodiscard]] const std::set<std::string>& tasks_on(const std::string& agent_id) const;
  /// Terminal tasks per framework id (oldest first), bounded like the real master's
  /// --max_completed_tasks_per_framework.
  [[nodiscard]] const std::map<std::string, std::deque<std::unique_ptr<SimTask>>>&
  completed_tasks() const {
    return completed_;
  }
  /// How many tasks ever ended in each state ("TASK_FINISHED" -> n), never decreasing (the
  /// completed lists above are bounded).
  [[nodiscard]] const std::map<std::string, std::uint64_t>& ended_counts() const {
    return ended_counts_;
  }
  /// Resources used by live tasks on one agent.
  [[nodiscard]] model::Resources used_on(const std::string& agent_id) const;
  /// Scalars held by live tasks on the agent per reservation role ("*" = unreserved), for
  /// /master/slaves' used_resources_full.
  [[nodiscard]] std::map<std::string, model::Resources> used_by_role(
      const std::string& agent_id) const;

  /// Runs the runner's periodic work.
  void tick();

 private:
  void retire(const std::string& task_id);

  Options options_;
  IdSource& ids_;
  std::function<double()> now_;
  TaskRunner* runner_ = nullptr;
  mutable std::mutex mu_;
  std::vector<std::unique_ptr<SimAgent>> agents_;
  std::map<std::string, SimAgent*> agents_by_id_;
  std::vector<std::unique_ptr<SimFramework>> frameworks_;
  std::map<std::string, FrameworkListener*> listeners_;
  std::map<std::string, std::unique_ptr<SimTask>> active_;
  std::map<std::string, std::set<std::string>> by_agent_;
  std::map<std::string, std::deque<std::unique_ptr<SimTask>>> completed_;
  std::map<std::string, std::uint64_t> ended_counts_;
  std::vector<MaintenanceWindow> maintenance_;
  struct Usage {
    std::map<std::string, model::Resources> by_role;  // scalars held by live tasks
    std::set<std::uint64_t> ports;
  };
  std::map<std::string, Usage> used_;  // agent id -> held by live tasks
  std::size_t next_agent_ = 0;
  std::size_t next_framework_ = 0;
};

}  // namespace qctl::sandbox
