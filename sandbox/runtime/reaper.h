// One thread that notices when the runner's own children exit (pidfd + poll, never
// waitpid(-1): qctl and the test binary have other children) and escalates kills.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace qctl::sandbox::runtime {

class Reaper {
 public:
  /// Called on the reaper thread after `pid` exited (no Reaper lock held); the callee
  /// collects the wait status with take().
  using OnExit = std::function<void(int pid)>;

  explicit Reaper(OnExit on_exit);
  ~Reaper();
  Reaper(const Reaper&) = delete;
  Reaper& operator=(const Reaper&) = delete;

  /// Watches a child; takes ownership of `pidfd` (-1 = poll it with waitpid instead).
  /// With `kill_group`, what is left of the child's process group is SIGKILLed when the
  /// child exits (while its zombie still holds the group id), as a container destroy does.
  void watch(int pid, int pidfd, bool kill_group);
  /// Sends SIGKILL to `target` (a pid, or -pgid) after `seconds` unless `pid` is gone.
  void kill_later(int pid, int target, double seconds);
  /// The wait status of a watched pid that has exited, reaping it now if needed; nullopt
  /// while it runs, or once its status has been taken.
  [[nodiscard]] std::optional<int> take(int pid);
  /// Stops the thread; idempotent. Watched pids stay unreaped.
  void stop();

 private:
  struct Watched {
    int pidfd = -1;
    std::optional<std::chrono::steady_clock::time_point> kill_at;
    int kill_target = 0;
    bool kill_group = false;
  };

  void run();
  void wake() const;
  // Reaps `pid` if it has exited; mu_ held.
  static bool reap(int pid, const Watched& w, int& status);
  // Collects exits and fires due kills; returns the pids that exited. mu_ held.
  std::vector<int> sweep(const std::vector<int>& ready);
  // Poll timeout in ms for the current watch list. mu_ held.
  int timeout_ms() const;

  OnExit on_exit_;
  mutable std::mutex mu_;
  std::map<int, Watched> watched_;
  std::map<int, int> exited_;  // pid -> wait status, reaped but not yet taken
  int wake_fd_ = -1;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace qctl::sandbox::runtime
