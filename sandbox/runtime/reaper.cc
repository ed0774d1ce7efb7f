// The reaper thread: poll(2) over pidfds and an eventfd, waitpid(pid, WNOHANG) per child.
#include "sandbox/runtime/reaper.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <system_error>

namespace qctl::sandbox::runtime {

namespace {

// Children without a pidfd (old kernels) are polled this often.
constexpr int kPollMs = 50;

}  // namespace

Reaper::Reaper(OnExit on_exit) : on_exit_(std::move(on_exit)) {
  wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (wake_fd_ < 0) {
    throw std::system_error(errno, std::generic_category(), "eventfd");
  }
  thread_ = std::thread([this] { run(); });
}

Reaper::~Reaper() {
  stop();
  for (auto& [pid, w] : watched_) {
    if (w.pidfd >= 0) {
      close(w.pidfd);
    }
  }
  close(wake_fd_);
}

void Reaper::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void Reaper::wake() const {
  const std::uint64_t one = 1;
  (void)!write(wake_fd_, &one, sizeof one);
}

void Reaper::watch(int pid, int pidfd, bool kill_group) {
  {
    std::lock_guard lock(mu_);
    watched_[pid] = Watched{pidfd, std::nullopt, 0, kill_group};
  }
  wake();
}

void Reaper::kill_later(int pid, int target, double seconds) {
  {
    std::lock_guard lock(mu_);
    auto it = watched_.find(pid);
    if (it == watched_.end()) {
      return;
    }
    it->second.kill_at = std::chrono::steady_clock::now() +
                         std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                             std::chrono::duration<double>(seconds));
    it->second.kill_target = target;
  }
  wake();
}

std::optional<int> Reaper::take(int pid) {
  std::lock_guard lock(mu_);
  if (auto it = exited_.find(pid); it != exited_.end()) {
    const int status = it->second;
    exited_.erase(it);
    return status;
  }
  auto it = watched_.find(pid);
  int status = 0;
  if (it == watched_.end() || !reap(pid, it->second, status)) {
    return std::nullopt;
  }
  if (it->second.pidfd >= 0) {
    close(it->second.pidfd);
  }
  watched_.erase(it);
  return status;
}

bool Reaper::reap(int pid, const Watched& w, int& status) {
  siginfo_t info{};
  if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 ||
      info.si_pid != pid) {
    return false;
  }
  if (w.kill_group) {
    kill(-pid, SIGKILL);
  }
  return waitpid(pid, &status, WNOHANG) == pid;
}

int Reaper::timeout_ms() const {
  int timeout = -1;
  const auto now = std::chrono::steady_clock::now();
  for (const auto& [pid, w] : watched_) {
    if (w.pidfd < 0) {
      timeout = kPollMs;
    }
    if (w.kill_at) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(*w.kill_at - now).count();
      const int ms = static_cast<int>(std::clamp<std::int64_t>(left + 1, 0, 60'000));
      timeout = timeout < 0 ? ms : std::min(timeout, ms);
    }
  }
  return timeout;
}

std::vector<int> Reaper::sweep(const std::vector<int>& ready) {
  std::vector<int> done;
  const auto now = std::chrono::steady_clock::now();
  for (auto it = watched_.begin(); it != watched_.end();) {
    Watched& w = it->second;
    if (w.kill_at && *w.kill_at <= now) {
      kill(w.kill_target, SIGKILL);
      w.kill_at.reset();
    }
    const bool check =
        w.pidfd < 0 || std::find(ready.begin(), ready.end(), it->first) != ready.end();
    int status = 0;
    if (check && reap(it->first, w, status)) {
      if (w.pidfd >= 0) {
        close(w.pidfd);
      }
      exited_[it->first] = status;
      done.push_back(it->first);
      it = watched_.erase(it);
    } else {
      ++it;
    }
  }
  return done;
}

void Reaper::run() {
  std::vector<pollfd> fds;
  std::vector<int> pids;
  for (;;) {
    int timeout = -1;
    {
      std::lock_guard lock(mu_);
      if (stopping_) {
        return;
      }
      fds.assign(1, pollfd{wake_fd_, POLLIN, 0});
      pids.assign(1, 0);
      for (const auto& [pid, w] : watched_) {
        if (w.pidfd >= 0) {
          fds.push_back(pollfd{w.pidfd, POLLIN, 0});
          pids.push_back(pid);
        }
      }
      timeout = timeout_ms();
    }
    poll(fds.data(), fds.size(), timeout);
    std::uint64_t drained = 0;
    (void)!read(wake_fd_, &drained, sizeof drained);
    std::vector<int> ready;
    for (std::size_t i = 1; i < fds.size(); ++i) {
      if (fds[i].revents != 0) {
        ready.push_back(pids[i]);
      }
    }
    std::vector<int> done;
    {
      std::lock_guard lock(mu_);
      done = sweep(ready);
    }
    for (int pid : done) {
      on_exit_(pid);
    }
  }
}

}  // namespace qctl::sandbox::runtime
