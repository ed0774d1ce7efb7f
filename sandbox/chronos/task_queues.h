// Chronos' task ids and its two FIFO task queues (TaskManager): high priority drained first,
// at most one queued task per job in 3.x.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace qctl::sandbox::chronos {

/// The parts of "ct:<due ms>:<attempt>:<job name>:<arguments>".
struct TaskId {
  std::int64_t due_ms = 0;
  int attempt = 0;
  std::string job;
  std::string arguments;
};

/// A job's arguments as its task ids carry them: joined by single spaces.
[[nodiscard]] std::string joined_arguments(const std::vector<std::string>& args);
/// TaskUtils.getTaskId: ';' is stripped from the arguments (command injection filter).
[[nodiscard]] std::string make_task_id(const std::string& job, std::int64_t due_ms, int attempt,
                                       const std::string& arguments);
/// TaskUtils.taskIdPattern `ct:(\d+):(\d+):([\w\.-]+):?(.*)?` (with the 2.x names' spaces and
/// '#' too); nullopt for foreign ids.
[[nodiscard]] std::optional<TaskId> parse_task_id(const std::string& id);

class TaskQueues {
 public:
  /// `dedup`: at most one queued task per job (3.x, #762); Chronos 2.x queues every one.
  explicit TaskQueues(bool dedup = true) : dedup_(dedup) {}
  /// TaskManager.enqueue: false (and nothing queued) when deduplicating and the job already
  /// has a queued task.
  bool enqueue(const std::string& task_id, bool high_priority);
  /// DELETE /scheduler/task/all (2.x): both queues emptied.
  void clear();
  /// Polls one queue (high when `high`), forgetting the job as queued; nullopt when empty.
  std::optional<std::string> poll(bool high);
  [[nodiscard]] bool queued(const std::string& job) const { return queued_jobs_.count(job) > 0; }
  [[nodiscard]] std::size_t high_size() const { return high_.size(); }
  [[nodiscard]] std::size_t normal_size() const { return normal_.size(); }

 private:
  std::deque<std::string> high_;
  std::deque<std::string> normal_;
  bool dedup_;
  std::multiset<std::string> queued_jobs_;  // job names of the queued tasks
};

}  // namespace qctl::sandbox::chronos
