// A `qctl` started in the background whose output the test reads while it runs (`logs -f`,
// `events`): wait for text with a deadline, then interrupt it like a user pressing Ctrl-C.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/run_qctl.h"

namespace qctl::testing {

class BackgroundQctl {
 public:
  BackgroundQctl(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
    int out[2];
    int err[2];
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
      return;
    }
    pid_ = spawn_qctl(args, env, -1, out[1], err[1]);
    close(out[1]);
    close(err[1]);
    reader_ = std::thread([this, o = out[0], e = err[0]] { pump(o, e); });
  }
  ~BackgroundQctl() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (reader_.joinable()) {
      reader_.join();
    }
  }
  BackgroundQctl(const BackgroundQctl&) = delete;
  BackgroundQctl& operator=(const BackgroundQctl&) = delete;

  [[nodiscard]] std::string out() {
    std::lock_guard guard(mu_);
    return out_;
  }
  [[nodiscard]] std::string err() {
    std::lock_guard guard(mu_);
    return err_;
  }
  /// Polls until stdout (or stderr) contains `text`; false at the deadline.
  bool wait_out(const std::string& text, std::chrono::milliseconds deadline = std::chrono::seconds(10)) {
    return wait([&] { return out().find(text) != std::string::npos; }, deadline);
  }
  bool wait_err(const std::string& text, std::chrono::milliseconds deadline = std::chrono::seconds(10)) {
    return wait([&] { return err().find(text) != std::string::npos; }, deadline);
  }
  /// SIGINT, then the exit code (128+N when killed by signal N).
  int interrupt() {
    kill(pid_, SIGINT);
    return reap();
  }
  /// SIGTERM (a service manager stopping it), then the exit code.
  int terminate() {
    kill(pid_, SIGTERM);
    return reap();
  }
  /// Waits for it to exit on its own.
  int reap() {
    int status = 0;
    waitpid(pid_, &status, 0);
    reaped_ = true;
    if (reader_.joinable()) {
      reader_.join();
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  template <typename F>
  static bool wait(F&& probe, std::chrono::milliseconds deadline) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < until) {
      if (probe()) {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return probe();
  }
  void pump(int out_fd, int err_fd) {
    char buf[65536];
    while (out_fd >= 0 || err_fd >= 0) {
      pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
      poll(fds, 2, 200);
      for (int i = 0; i < 2; ++i) {
        int& fd = i == 0 ? out_fd : err_fd;
        if (fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP)) != 0) {
          const auto n = read(fd, buf, sizeof buf);
          if (n <= 0) {
            close(fd);
            fd = -1;
          } else {
            std::lock_guard guard(mu_);
            (i == 0 ? out_ : err_).append(buf, static_cast<std::size_t>(n));
          }
        }
      }
    }
  }

  pid_t pid_ = -1;
  bool reaped_ = false;
  std::thread reader_;
  std::mutex mu_;
  std::string out_;
  std::string err_;
};

}  // namespace qctl::testing
