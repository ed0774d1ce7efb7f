// The local terminal during a session: raw mode restored on every exit path, its size, and
// the signals (SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT) turned into wake-ups.
#pragma once

#include <termios.h>

#include <csignal>
#include <vector>

#include "core/ssh/session.h"

namespace qctl::ssh {

/// Puts `fd` (a terminal) in raw mode until destruction, which restores the saved settings.
/// Does nothing when `fd` is not a terminal.
class RawMode {
 public:
  explicit RawMode(int fd);
  ~RawMode();
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;
  [[nodiscard]] bool active() const { return active_; }

 private:
  int fd_;
  bool active_ = false;
  termios saved_{};
};

/// Columns and rows of the terminal on `fd`; 80x24 when it is not one.
[[nodiscard]] PtyRequest terminal_size(int fd);

/// Catches SIGWINCH, SIGINT, SIGTERM, SIGHUP and SIGQUIT while alive (self-pipe); restores
/// the previous handlers at destruction. One instance at a time.
class SignalWakeups final : public Wakeups {
 public:
  SignalWakeups();
  ~SignalWakeups() override;
  SignalWakeups(const SignalWakeups&) = delete;
  SignalWakeups& operator=(const SignalWakeups&) = delete;
  [[nodiscard]] int fd() const override { return pipe_[0]; }
  std::vector<int> take() override;

 private:
  int pipe_[2] = {-1, -1};
  std::vector<std::pair<int, struct ::sigaction>> saved_;
};

}  // namespace qctl::ssh
