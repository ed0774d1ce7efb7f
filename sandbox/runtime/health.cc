// COMMAND health checks: one check process at a time, polled from the runner's tick.
#include "sandbox/runtime/health.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <system_error>

namespace qctl::sandbox::runtime {

CommandHealthCheck::CommandHealthCheck(HealthCheckSpec spec, SpawnSpec how, double started_at)
    : spec_(std::move(spec)),
      how_(std::move(how)),
      started_at_(started_at),
      next_at_(started_at + spec_.delay_seconds) {}

CommandHealthCheck::~CommandHealthCheck() { cancel(); }

void CommandHealthCheck::cancel() {
  if (pid_ <= 0) {
    return;
  }
  kill(-pid_, SIGKILL);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
}

std::optional<bool> CommandHealthCheck::tick(double now) {
  if (pid_ > 0) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      next_at_ = now + spec_.interval_seconds;
      const bool passed = !timed_out_ && WIFEXITED(status) && WEXITSTATUS(status) == 0;
      return result(passed, now);
    }
    if (!timed_out_ && now >= deadline_) {
      // Mesos kills a check that outlives its timeout and counts it as failed.
      kill(-pid_, SIGKILL);
      timed_out_ = true;
    }
    return std::nullopt;
  }
  if (now < next_at_) {
    return std::nullopt;
  }
  try {
    Child child = spawn(how_);
    if (child.pidfd >= 0) {
      close(child.pidfd);  // polled with waitpid from tick; no pidfd needed
    }
    pid_ = child.pid;
    deadline_ = now + spec_.timeout_seconds;
    timed_out_ = false;
    return std::nullopt;
  } catch (const std::system_error&) {
    next_at_ = now + spec_.interval_seconds;
    return result(false, now);
  }
}

std::optional<bool> CommandHealthCheck::result(bool passed, double now) {
  if (passed) {
    const bool report = initializing_ || failures_ > 0;
    initializing_ = false;
    failures_ = 0;
    return report ? std::optional<bool>(true) : std::nullopt;
  }
  if (initializing_ && spec_.grace_period_seconds > 0 &&
      now - started_at_ <= spec_.grace_period_seconds) {
    return std::nullopt;
  }
  ++failures_;
  return false;
}

}  // namespace qctl::sandbox::runtime
