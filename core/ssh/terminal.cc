// Raw mode, terminal size and signal wake-ups.
#include "core/ssh/terminal.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>

namespace qctl::ssh {
namespace {

std::atomic<int> g_signal_fd{-1};

extern "C" void on_signal(int sig) {
  const int fd = g_signal_fd.load();
  if (fd >= 0) {
    const auto byte = static_cast<unsigned char>(sig);
    // Async-signal-safe; a full pipe only drops a duplicate wake-up.
    [[maybe_unused]] const auto n = ::write(fd, &byte, 1);
  }
}

constexpr int kWakeupSignals[] = {SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT};

}  // namespace

RawMode::RawMode(int fd) : fd_(fd) {
  if (::isatty(fd) == 0 || ::tcgetattr(fd, &saved_) != 0) {
    return;
  }
  termios raw = saved_;
  ::cfmakeraw(&raw);
  active_ = ::tcsetattr(fd, TCSADRAIN, &raw) == 0;
}

RawMode::~RawMode() {
  if (active_) {
    ::tcsetattr(fd_, TCSADRAIN, &saved_);
  }
}

PtyRequest terminal_size(int fd) {
  PtyRequest size;
  winsize ws{};
  if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
    size.cols = ws.ws_col;
    size.rows = ws.ws_row;
  }
  if (const char* term = std::getenv("TERM"); term != nullptr && *term != '\0') {
    size.term = term;
  }
  return size;
}

SignalWakeups::SignalWakeups() {
  if (::pipe2(pipe_, O_CLOEXEC | O_NONBLOCK) != 0) {
    pipe_[0] = pipe_[1] = -1;
    return;
  }
  g_signal_fd.store(pipe_[1]);
  for (int sig : kWakeupSignals) {
    struct ::sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    struct ::sigaction old {};
    ::sigaction(sig, &sa, &old);
    saved_.emplace_back(sig, old);
  }
}

SignalWakeups::~SignalWakeups() {
  for (const auto& [sig, old] : saved_) {
    ::sigaction(sig, &old, nullptr);
  }
  g_signal_fd.store(-1);
  for (int fd : pipe_) {
    if (fd >= 0) {
      ::close(fd);
    }
  }
}

std::vector<int> SignalWakeups::take() {
  std::vector<int> out;
  unsigned char buf[64];
  ssize_t n = 0;
  while (pipe_[0] >= 0 && (n = ::read(pipe_[0], buf, sizeof buf)) > 0) {
    out.insert(out.end(), buf, buf + n);
  }
  return out;
}

}  // namespace qctl::ssh
