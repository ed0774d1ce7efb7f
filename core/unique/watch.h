// `qctl unique sync --watch`: keep UNIQUE apps in sync as agents come and go.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <string>

#include "core/clock.h"
#include "core/unique/sync.h"

namespace qctl::unique {

struct WatchOptions {
  /// How often Mesos is polled for agent changes (and Marathon without its event stream).
  std::chrono::milliseconds interval{5000};
  /// A full pass at least this often even when nothing seems to change (maintenance
  /// windows that open, missed events).
  std::chrono::milliseconds resync{60000};
  /// Follow Marathon's /v2/events; false (or a Marathon without it): poll every interval.
  bool events = true;
  /// Back-off after a failed pass (Mesos or Marathon down, leader changing).
  std::chrono::milliseconds backoff_initial{1000};
  std::chrono::milliseconds backoff_max{30000};
};

/// Runs passes until `stop()` holds: at start, when the agents' eligibility states change,
/// when Marathon reports an app change or a finished deployment, and every `resync`.
/// Every action, refusal, lost connection and reconnection is one `log` line; warnings are
/// logged once each. Never throws for unreachable services (it backs off and retries);
/// throws AuthError (bad credentials do not heal).
class Watcher {
 public:
  Watcher(mesos::MasterClient& mesos, marathon::Client& marathon, Clock& clock, SyncRequest request,
          WatchOptions options);

  void run(const LogLine& log, const std::function<bool()>& stop);
  /// Passes run so far (for tests and the final log line).
  [[nodiscard]] std::size_t passes() const { return passes_; }

 private:
  void follow_events(const LogLine& log, const std::function<bool()>& stop);
  /// Eligibility states of every agent, to notice a change without a full pass.
  [[nodiscard]] std::string agent_signature(const AgentSnapshot& snapshot) const;
  void run_pass(const LogLine& log, AgentSnapshot snapshot);
  /// Sleeps up to `d`, returning early when stopped or an event wakes the loop.
  void wait(std::chrono::milliseconds d, const std::function<bool()>& stop);
  void wake();

  mesos::MasterClient& mesos_;
  marathon::Client& marathon_;
  Clock& clock_;
  SyncRequest request_;
  WatchOptions options_;
  std::size_t passes_ = 0;
  std::set<std::string> warned_;
  std::string last_refusal_;
  std::atomic<bool> dirty_{false};
  std::atomic<bool> events_live_{false};
  std::mutex mutex_;
  std::condition_variable cv_;
};

}  // namespace qctl::unique
