// The emulated Chronos' state: job store and dependency graph, queues, running tasks, stats.
// Everything here runs with the World lock held.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sandbox/chronos/chronos.h"
#include "sandbox/chronos/job.h"
#include "sandbox/chronos/job_stats.h"
#include "sandbox/chronos/schedule.h"
#include "sandbox/chronos/task_queues.h"

namespace qctl::sandbox::chronos {

/// Chronos' --disable_after_failures default (0 = never disable after failures).
inline constexpr std::int64_t kDisableAfterFailures = 0;
/// --job_history_limit default: job/stat shows this many runs.
inline constexpr std::size_t kJobHistoryLimit = 5;

/// Removes and returns the elements of `items` that are due, in their order.
template <class T, class IsDue>
std::vector<T> take_due(std::vector<T>& items, IsDue is_due) {
  std::vector<T> due;
  std::erase_if(items, [&](const T& item) {
    if (is_due(item)) {
      due.push_back(item);
      return true;
    }
    return false;
  });
  return due;
}

class ChronosState {
 public:
  ChronosState(World& world, ChronosOptions options);

  World& world_;
  ChronosOptions options_;
  std::string framework_id_;
  JobDefaults defaults_;

  // --- store and graph (store.cc) ---
  /// Every persisted job in creation order. A dependent job whose parents are missing stays
  /// stored but out of the graph, as Chronos' main loop drops it on every reload.
  std::vector<Job> store_;
  std::unordered_map<std::string, std::size_t> index_;  // name -> position in store_
  /// JobGraph.edgeInvocationCount, per (parent, child).
  std::map<std::pair<std::string, std::string>, std::int64_t> edge_counts_;

  [[nodiscard]] Job* stored(const std::string& name);
  /// lookupVertex: the job when it is in the graph.
  [[nodiscard]] Job* lookup(const std::string& name);
  /// Names of the jobs in the graph, in creation order; computed once per change of the
  /// store (the scheduler reads it every tick).
  [[nodiscard]] const std::vector<std::string>& graph() const;
  /// Children in the graph (dependents naming `name` as a parent).
  [[nodiscard]] std::vector<std::string> children(const std::string& name);
  /// Inserts or replaces a job; new edges start with invocation count 0.
  void put(Job job);
  /// JobManagementResource.delete + JobScheduler.deregisterJob (children re-parented).
  void remove_job(const std::string& name);
  /// JobGraph.getExecutableChildren (bumps the edge counters).
  std::vector<std::string> executable_children(const std::string& name);
  void reset_invocations(const std::string& child);

  // --- scheduling (scheduler.cc) ---
  TaskQueues queues_;
  JobStats stats_;
  struct Running {
    std::string task_id;
    std::string slave_id;
  };
  std::map<std::string, std::vector<Running>> running_;  // job name -> its live tasks
  struct Retry {
    double at = 0;
    std::string task_id;
    bool high_priority = false;
  };
  std::vector<Retry> retries_;
  /// 2.x: tasks planned for their due time (JobScheduler.scheduleDelayedTask), enqueued then.
  struct Planned {
    std::int64_t due_ms = 0;
    std::string task_id;
    std::string job;
    bool high_priority = false;
  };
  std::vector<Planned> planned_;
  double next_offers_at_ = 0;
  std::int64_t jobs_scheduled_ = 0;

  [[nodiscard]] std::int64_t now_ms() const;
  /// TaskManager.enqueue plus the JobQueued event.
  void enqueue(const std::string& task_id, bool high_priority);
  void tick();
  void on_status(const SimTask& task);
  /// markJobSuccessAndFireOffDependencies; false for an unknown job.
  bool mark_success(const std::string& name);
  /// TaskManager.cancelMesosTasks (2.x: cancelTasks, which also drops planned tasks).
  void kill_tasks(const std::string& name);
  /// JobScheduler.handleFinishedTask / handleFailedTask for a task id (also 2.x's
  /// PUT task/{id}); nothing for a job not in the graph.
  void finished(const TaskId& id);
  void failed(const TaskId& id);
  /// 2.x JobScheduler.next for one scheduled job: skips occurrences older than its epsilon,
  /// plans the next one due within the 60 s horizon and rewrites the job's schedule to what
  /// follows it (scheduler_v2.cc).
  void plan(Job& job);

 private:
  // graph() between changes of the store; put() and remove_job() drop it.
  mutable std::optional<std::vector<std::string>> graph_order_;
  mutable std::unordered_set<std::string> graph_members_;
  struct ParsedSchedule {
    std::string text;
    std::string zone;
    std::optional<Schedule> schedule;
  };
  /// Parsed schedules with an explicit start, by job name: parsing a zone on every tick for
  /// every job made the tick, which runs under the cluster lock, the submit bottleneck.
  std::unordered_map<std::string, ParsedSchedule> schedules_;
  const std::optional<Schedule>& schedule_of(const Job& job);

  void run_due_jobs();
  void run_due_jobs_v2();
  /// 2.x schedule streams by job name: the stored schedule text they were made from and
  /// their next occurrence (nullopt: unparsable or exhausted).
  struct Stream {
    std::string source;
    std::string zone;
    std::optional<Schedule> next;
    std::string epsilon_source;  // the job's epsilon text `epsilon` was parsed from
    std::optional<Period> epsilon;
  };
  std::unordered_map<std::string, Stream> streams_;
  void offer_round();
  std::optional<std::pair<std::string, Job*>> next_task();
  bool launch(const std::string& task_id, Job& job, std::vector<placement::AgentView>& views);
  void started(const SimTask& task, const TaskId& id);
  void process_dependencies(const std::string& name);
};

}  // namespace qctl::sandbox::chronos
