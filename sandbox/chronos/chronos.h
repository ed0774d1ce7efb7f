// The emulated Chronos: jobs, schedules, dependencies and the two priority queues.
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "sandbox/http/router.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox::chronos {

struct ChronosOptions {
  int api_version = 3;  // 3: /v1/scheduler/…, 2: /scheduler/…
  std::string hostname = "localhost";
  int port = 4400;
  std::string version = "3.0.2";
  std::string role = "*";
  double failure_retry_delay_seconds = 60;  // Chronos --failure_retry (ms in Chronos; seconds here)
  double queue_retry_seconds = 1;           // how soon a task that found no room is retried
  /// Simulated mode: how long a job's task runs (the command is not executed).
  double simulated_task_seconds = 5;
  /// job/stat's taskStatHistory comes from Cassandra: a Chronos started without
  /// --cassandra_contact_points (the default) answers []. True: as one with Cassandra.
  bool task_history = false;

  /// Chronos 2.5 (the /scheduler prefix and 2.5's behaviour).
  [[nodiscard]] bool v2() const { return api_version < 3; }
};

class ChronosState;

/// Registers as framework "chronos" at construction. Every member except mount()'s
/// handlers requires the World lock held (see world.h).
class Chronos final : public FrameworkListener {
 public:
  Chronos(World& world, ChronosOptions options);
  ~Chronos() override;
  Chronos(const Chronos&) = delete;
  Chronos& operator=(const Chronos&) = delete;

  /// Adds the scheduler routes under the version's prefix, /metrics, /ping.
  void mount(http::Router& router);
  /// Runs due schedules, drains the queues (high first) into the World.
  void tick();
  /// Creates jobs at startup as the iso8601/dependency endpoints would; throws
  /// std::invalid_argument with Chronos' validation message when one is invalid.
  void load_jobs(const nlohmann::json& jobs);

  void on_status(const SimTask& task) override;

 private:
  std::unique_ptr<ChronosState> state_;
};

}  // namespace qctl::sandbox::chronos
