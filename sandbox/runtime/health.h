// A task's COMMAND health check, run the way the Mesos command executor's checker does.
#pragma once

#include <optional>

#include "sandbox/runtime/spawn.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox::runtime {

/// Mesos semantics (src/checks/health_checker.cpp): the first check runs delay_seconds
/// after the task started, then one every interval_seconds after the previous one ended.
/// A check passes when `/bin/sh -c <command>` exits 0 within timeout_seconds. The first
/// pass, and a pass after failures, report healthy; every failure reports unhealthy,
/// except failures inside the grace period before the first pass, which are ignored.
/// Consecutive failures past the maximum still only report unhealthy: killing the task
/// is left to the framework (Marathon does).
class CommandHealthCheck {
 public:
  /// `how` is the check process: command, the task's environment and sandbox, and the
  /// task's namespaces to join when it has its own.
  CommandHealthCheck(HealthCheckSpec spec, SpawnSpec how, double started_at);
  ~CommandHealthCheck();
  CommandHealthCheck(const CommandHealthCheck&) = delete;
  CommandHealthCheck& operator=(const CommandHealthCheck&) = delete;

  /// Starts, collects or times out the check process; never blocks. Returns the health
  /// to report now, if any.
  [[nodiscard]] std::optional<bool> tick(double now);
  /// Kills a check in progress and reaps it.
  void cancel();

 private:
  std::optional<bool> result(bool passed, double now);

  HealthCheckSpec spec_;
  SpawnSpec how_;
  double started_at_;
  double next_at_;
  int pid_ = -1;
  double deadline_ = 0;
  bool timed_out_ = false;
  bool initializing_ = true;
  int failures_ = 0;
};

}  // namespace qctl::sandbox::runtime
