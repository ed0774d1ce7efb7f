// Real task processes in agent-style sandboxes, optionally in their own namespaces, with
// Mesos command-executor status updates and COMMAND health checks.
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <thread>

#include "sandbox/runtime/docker_names.h"
#include "sandbox/runtime/health.h"
#include "sandbox/runtime/layout.h"
#include "sandbox/runtime/reaper.h"
#include "sandbox/runtime/runners.h"
#include "sandbox/runtime/spawn.h"
#include "sandbox/runtime/task_process.h"

namespace qctl::sandbox::runtime {

namespace {

// After SIGKILL, how long stop_all waits for processes stuck in the kernel.
constexpr double kKillWaitSeconds = 5;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

class ProcessRunner final : public TaskRunner {
 public:
  ProcessRunner(World& world, ProcessOptions options)
      : world_(world),
        options_(std::move(options)),
        namespaces_(options_.isolation == Isolation::kNamespaces ||
                    (options_.isolation == Isolation::kAuto && namespaces_available())),
        names_(options_.docker_names_file.empty() ? options_.work_dir + "/docker-names"
                                                  : options_.docker_names_file),
        reaper_([this](int pid) { on_exit(pid); }) {}

  ~ProcessRunner() override;
  void launch(SimTask& task, const SimAgent& agent) override;
  void kill(SimTask& task) override;
  void tick(double now) override;
  void stop_all() override;

 private:
  struct Proc {
    std::string task_id;
    Child child;
    bool docker = false;
    bool killed = false;
    std::unique_ptr<CommandHealthCheck> health;
  };

  void signal(const Proc& p, int sig) const;
  void on_exit(int pid);
  void finish(int pid, int pid_status);

  World& world_;
  ProcessOptions options_;
  bool namespaces_;
  DockerNames names_;
  std::map<int, Proc> procs_;           // by host pid; guarded by the World lock
  std::map<std::string, int> by_task_;  // task id -> pid
  bool stopping_ = false;
  Reaper reaper_;  // last: destroyed first, so its thread never sees a dead member
};

ProcessRunner::~ProcessRunner() {
  // Without the World lock: the reaper thread may be waiting for it in on_exit.
  reaper_.stop();
  for (auto& [pid, p] : procs_) {
    p.health.reset();
    signal(p, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    (void)command_wait_status(p.child, status);
    if (p.docker) {
      names_.remove(p.task_id);
    }
  }
}

void ProcessRunner::signal(const Proc& p, int sig) const {
  // A namespace init forwards signals to the command; a plain task leads its own group.
  if (namespaces_ || ::kill(-p.child.pid, sig) != 0) {
    ::kill(p.child.pid, sig);
  }
}

void ProcessRunner::launch(SimTask& task, const SimAgent& agent) {
  if (stopping_) {
    return;  // a terminating agent ignores new tasks (slave.cpp runTask); they stay STAGING
  }
  task.sandbox_dir = sandbox_path(agent_root(agent, options_.work_dir), task);
  TaskProcess started;
  try {
    started = start_task(task, agent, namespaces_);
  } catch (const std::exception& e) {
    world_.update(task.spec.id, "TASK_FAILED",
                  std::string("Failed to launch container: ") + e.what());
    return;
  }
  Child& child = started.child;
  task.pid = child.pid;
  reaper_.watch(child.pid, child.pidfd, !namespaces_);
  child.pidfd = -1;  // the reaper owns it now
  Proc p{task.spec.id, child, task.spec.container == ContainerKind::kDocker, false, nullptr};
  if (p.docker) {
    names_.add(task.spec.id, docker_names(task, agent), child.pid);
  }
  if (task.spec.health_check) {
    p.health = std::make_unique<CommandHealthCheck>(*task.spec.health_check,
                                                    std::move(started.check), world_.now());
  }
  const std::string id = task.spec.id;
  procs_.emplace(child.pid, std::move(p));
  by_task_[id] = child.pid;
  // The command executor reports STARTING, then RUNNING once the command is forked.
  world_.update(id, "TASK_STARTING", "");
  world_.update(id, "TASK_RUNNING", "");
}

void ProcessRunner::kill(SimTask& task) {
  auto it = by_task_.find(task.spec.id);
  if (it == by_task_.end()) {
    return;  // already exited; its terminal update is on the way
  }
  Proc& p = procs_.at(it->second);
  if (p.killed) {
    return;
  }
  p.killed = true;
  p.health.reset();  // the executor stops health checking a task it kills
  if (sends_killing_state(world_, task.spec.framework_id)) {
    world_.update(task.spec.id, "TASK_KILLING", "");
  }
  signal(p, SIGTERM);
  reaper_.kill_later(p.child.pid, namespaces_ ? p.child.pid : -p.child.pid,
                     options_.kill_grace_seconds);
}

void ProcessRunner::tick(double now) {
  for (auto& [pid, p] : procs_) {
    if (!p.health || p.killed) {
      continue;
    }
    if (std::optional<bool> healthy = p.health->tick(now)) {
      // Health updates repeat the last status (TASK_RUNNING) with `healthy` set.
      world_.update(p.task_id, "TASK_RUNNING", "", healthy);
    }
  }
}

void ProcessRunner::on_exit(int pid) {
  auto lock = world_.lock();
  if (std::optional<int> status = reaper_.take(pid)) {
    finish(pid, *status);
  }
}

void ProcessRunner::finish(int pid, int pid_status) {
  auto it = procs_.find(pid);
  if (it == procs_.end()) {
    return;
  }
  Proc p = std::move(it->second);
  procs_.erase(it);
  by_task_.erase(p.task_id);
  p.health.reset();
  if (p.docker) {
    names_.remove(p.task_id);
  }
  const int status = command_wait_status(p.child, pid_status);
  // Mesos words it "Command exited with status 1" / "Command terminated with signal
  // Terminated"; a kill is TASK_KILLED whatever the status (launcher/executor.cpp).
  std::string state = "TASK_FAILED";
  if (p.killed) {
    state = "TASK_KILLED";
  } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    state = "TASK_FINISHED";
  }
  if (SimTask* task = world_.task(p.task_id); task != nullptr && WIFEXITED(status)) {
    task->exit_code = WEXITSTATUS(status);
  }
  world_.update(p.task_id, state, "Command " + describe_wait_status(status));
}

void ProcessRunner::stop_all() {
  stopping_ = true;
  for (auto& [pid, p] : procs_) {
    p.health.reset();
    p.killed = true;
    signal(p, SIGTERM);
  }
  // Bounded: the grace period after SIGTERM, then SIGKILL and a last short wait.
  const auto start = std::chrono::steady_clock::now();
  bool escalated = false;
  while (!procs_.empty()) {
    const double waited = seconds_since(start);
    if (!escalated && waited >= options_.kill_grace_seconds) {
      for (auto& [pid, p] : procs_) {
        signal(p, SIGKILL);
      }
      escalated = true;
    }
    if (escalated && waited >= options_.kill_grace_seconds + kKillWaitSeconds) {
      break;  // unkillable (stuck in the kernel); the destructor reaps it
    }
    std::vector<int> pids;
    for (const auto& [pid, p] : procs_) {
      pids.push_back(pid);
    }
    for (int pid : pids) {
      if (std::optional<int> status = reaper_.take(pid)) {
        finish(pid, *status);
      }
    }
    if (!procs_.empty()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
}

}  // namespace

bool namespaces_available() {
  static const bool available = geteuid() == 0 && probe_namespaces();
  return available;
}

std::unique_ptr<TaskRunner> make_process_runner(World& world, ProcessOptions options) {
  return std::make_unique<ProcessRunner>(world, std::move(options));
}

}  // namespace qctl::sandbox::runtime
