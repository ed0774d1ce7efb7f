// Following a Marathon restart deployment to its end. Marathon never rolls a deployment back
// by itself and retries failing tasks forever, so "failed" is decided here: the deployment
// is gone without the app on the restart's version (a user's DELETE /v2/deployments rolled
// it back, or another deployment replaced it), or tasks of the new version failed
// `fail_after` times (seen through the app's lastTaskFailure).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/model/marathon.h"

namespace qctl::marathon {
class Client;
}

namespace qctl::restart {

struct RestartTarget {
  std::string app_id;
  std::string deployment_id;
  std::string version;  // the app version the restart deploys
};

enum class Outcome { kRunning, kCompleted, kFailed, kRolledBack, kTimedOut };

/// "running", "completed", "failed", "rolled-back", "timed-out".
[[nodiscard]] const char* outcome_name(Outcome o);

struct FollowState {
  RestartTarget target;
  Outcome outcome = Outcome::kRunning;
  std::int64_t total = 0;     // the app's instance count
  std::int64_t replaced = 0;  // running tasks of the new version
  std::int64_t healthy = 0;   // of those, healthy (= replaced without health checks)
  bool health_checked = false;
  std::set<std::string> failed_tasks;  // new-version tasks seen failing
  std::string reason;                  // why it failed, or the last failure's message
  double last_failure_at = 0;          // when the latest of failed_tasks was first seen
};

/// After a new-version task failed, a finished deployment counts as completed only once its
/// tasks ran this long without another failure: Marathon calls a deployment a success as
/// soon as the replacements start, and a crash-looping app's next one dies a moment later.
inline constexpr double kSettleSeconds = 30;

/// Takes one look at `now`: `app` as GET /v2/apps/{id} shows it (nullopt: the app is gone)
/// and whether the restart's deployment is still listed in /v2/deployments. Pure.
void observe(FollowState& state, const std::optional<model::App>& app, bool deployment_running,
             std::size_t fail_after, double now);

/// "/web: 2/3 replaced, 2 healthy" (plus "1 failure" when tasks failed).
[[nodiscard]] std::string progress_text(const FollowState& state);

struct FollowOptions {
  std::chrono::milliseconds timeout{std::chrono::minutes(10)};
  std::chrono::milliseconds interval{500};
  std::size_t fail_after = 3;
  std::function<void(const std::vector<FollowState>&)> progress;  // after each look
};

/// Polls GET /v2/deployments and GET /v2/apps/{id} of each unfinished restart until every
/// one has an outcome or `timeout` passes (those still running become kTimedOut). Throws
/// what the client throws when Marathon cannot be asked.
[[nodiscard]] std::vector<FollowState> follow_restarts(marathon::Client& client, Clock& clock,
                                                       const std::vector<RestartTarget>& targets,
                                                       const FollowOptions& options);

}  // namespace qctl::restart
