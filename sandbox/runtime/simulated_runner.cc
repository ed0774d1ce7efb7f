// Simulated tasks: no processes, just status updates at due times from a min-heap, so
// hundreds of thousands of tasks cost a few bytes each and tick() only touches due events.
#include <cstdint>
#include <queue>
#include <unordered_map>
#include <vector>

#include "sandbox/runtime/layout.h"
#include "sandbox/runtime/runners.h"

namespace qctl::sandbox::runtime {

namespace {

// What a SIGTERM kill of a real command task reports (see the process runner).
constexpr const char* kKilledMessage = "Command terminated with signal Terminated";

class SimulatedRunner final : public TaskRunner {
 public:
  SimulatedRunner(World& world, SimulatedOptions options)
      : world_(world), options_(std::move(options)) {}

  void launch(SimTask& task, const SimAgent& agent) override;
  void kill(SimTask& task) override;
  void tick(double now) override;
  void stop_all() override;

 private:
  enum class Kind : std::uint8_t { kStart, kEnd, kKill };
  enum class Phase : std::uint8_t { kStaging, kRunning };
  struct Event {
    double due;
    std::uint64_t seq;  // FIFO among events due at the same time
    Kind kind;
    std::string task_id;
  };
  struct Later {
    bool operator()(const Event& a, const Event& b) const {
      return a.due != b.due ? a.due > b.due : a.seq > b.seq;
    }
  };
  struct Entry {
    Phase phase = Phase::kStaging;
    bool kill_pending = false;
    bool fails = false;
    bool health_checked = false;
    std::optional<double> duration;
  };

  void push(double due, Kind kind, const std::string& task_id) {
    events_.push(Event{due, next_seq_++, kind, task_id});
  }
  void start(const Event& e, Entry& entry);
  void end(const Event& e);

  World& world_;
  SimulatedOptions options_;
  std::priority_queue<Event, std::vector<Event>, Later> events_;
  std::unordered_map<std::string, Entry> tasks_;
  std::uint64_t next_seq_ = 0;
  bool stopping_ = false;
};

void SimulatedRunner::launch(SimTask& task, const SimAgent& agent) {
  if (stopping_) {
    return;  // as the process runner: a terminating agent ignores new tasks
  }
  // The path a real agent would use; nothing is created on disk.
  task.sandbox_dir = sandbox_path(agent_root(agent, options_.work_dir), task);
  task.pid = 0;
  tasks_[task.spec.id] = Entry{Phase::kStaging, false, task.spec.sim_fails,
                               task.spec.health_check.has_value(), task.spec.sim_duration};
  push(world_.now() + options_.start_seconds, Kind::kStart, task.spec.id);
}

void SimulatedRunner::kill(SimTask& task) {
  auto it = tasks_.find(task.spec.id);
  if (it == tasks_.end() || it->second.kill_pending) {
    return;
  }
  it->second.kill_pending = true;
  if (sends_killing_state(world_, task.spec.framework_id)) {
    world_.update(task.spec.id, "TASK_KILLING", "");
  }
  push(world_.now(), Kind::kKill, task.spec.id);
}

void SimulatedRunner::start(const Event& e, Entry& entry) {
  entry.phase = Phase::kRunning;
  const std::optional<double> duration = entry.duration;
  const bool health_checked = entry.health_checked;
  world_.update(e.task_id, "TASK_STARTING", "");
  world_.update(e.task_id, "TASK_RUNNING", "");
  if (health_checked) {
    // A simulated check always passes; Mesos reports the first pass as its own update.
    world_.update(e.task_id, "TASK_RUNNING", "", true);
  }
  if (duration) {
    push(e.due + *duration, Kind::kEnd, e.task_id);
  }
}

void SimulatedRunner::end(const Event& e) {
  auto it = tasks_.find(e.task_id);
  const bool fails = it->second.fails;
  tasks_.erase(it);
  if (SimTask* task = world_.task(e.task_id); task != nullptr) {
    task->exit_code = fails ? 1 : 0;
  }
  world_.update(e.task_id, fails ? "TASK_FAILED" : "TASK_FINISHED",
                fails ? "Command exited with status 1" : "Command exited with status 0");
}

void SimulatedRunner::tick(double now) {
  while (!events_.empty() && events_.top().due <= now) {
    const Event e = events_.top();
    events_.pop();
    auto it = tasks_.find(e.task_id);
    if (it == tasks_.end()) {
      continue;  // ended or killed already
    }
    Entry& entry = it->second;
    if (e.kind == Kind::kKill) {
      tasks_.erase(it);
      world_.update(e.task_id, "TASK_KILLED", kKilledMessage);
    } else if (e.kind == Kind::kStart && entry.phase == Phase::kStaging && !entry.kill_pending) {
      start(e, entry);
    } else if (e.kind == Kind::kEnd && !entry.kill_pending) {
      end(e);
    }
  }
}

void SimulatedRunner::stop_all() {
  stopping_ = true;
  std::vector<std::string> ids;
  ids.reserve(tasks_.size());
  for (const auto& [id, entry] : tasks_) {
    ids.push_back(id);
  }
  tasks_.clear();
  events_ = {};
  for (const std::string& id : ids) {
    world_.update(id, "TASK_KILLED", kKilledMessage);
  }
}

}  // namespace

std::unique_ptr<TaskRunner> make_simulated_runner(World& world, SimulatedOptions options) {
  return std::make_unique<SimulatedRunner>(world, std::move(options));
}

}  // namespace qctl::sandbox::runtime
