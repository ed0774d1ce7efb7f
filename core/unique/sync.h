// One UNIQUE sync pass against live APIs: read Mesos and Marathon, plan, write the changes.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status/selector.h"
#include "core/unique/plan.h"

namespace qctl::mesos {
class MasterClient;
}
namespace qctl::marathon {
class Client;
}

namespace qctl::unique {

/// Which apps a pass looks at; exactly one way is set.
struct Selection {
  std::vector<std::string> app_ids;  // --app (each must exist)
  status::Selector selector;         // --selector "k=v,k2!=v2" over app labels, parsed
  std::string selector_text;         // the selector as given, for messages
  bool all_unique = false;           // every app with hostname:UNIQUE
};

struct SyncRequest {
  Selection selection;
  PlanOptions plan;
  bool dry_run = false;
  std::string state_path;  // "" = keep no state
};

/// What happened to one app's write.
enum class Outcome { kPlanned, kWritten, kLocked, kFailed };

struct AppResult {
  Outcome outcome = Outcome::kPlanned;
  std::string message;  // the error for kFailed/kLocked, the deployment id for kWritten
};

struct SyncResult {
  Plan plan;
  std::vector<AppResult> results;  // parallel to plan.apps
  bool fetched_tasks = false;      // /v2/tasks was read to tell full agents from busy ones
  /// Not actions: apps skipped for lacking UNIQUE, agents without room, risky upgrade
  /// strategies. The one-shot command prints them; --watch prints each once.
  std::vector<std::string> warnings;
  /// 0 in sync or synced; 1 a safety rule refused (whole run or an app); 6 some apps
  /// failed or were held by a deployment.
  [[nodiscard]] int exit_code() const;
  /// Text for the ACTION column after the pass ("scaled up", "failed", "skip", …).
  [[nodiscard]] std::string action_done(std::size_t i) const;
};

enum class Level { kInfo, kWarning, kError };

/// One line per action or refusal ("scaled /logs from 3 to 5: 5 eligible agents"), with
/// its severity: kError for refusals and failures, kWarning for skips and warnings.
using LogLine = std::function<void(Level, const std::string&)>;

/// What a pass reads from Mesos before it looks at Marathon.
struct AgentSnapshot {
  std::vector<model::Agent> agents;  // /master/slaves `slaves`
  std::size_t recovered = 0;         // /master/slaves `recovered_slaves`
  std::vector<model::MaintenanceWindow> windows;
};

/// GET /master/slaves and the maintenance windows (fetch_maintenance). Throws
/// mesos::NoLeaderError when no master is leading, NetworkError when none answers.
[[nodiscard]] AgentSnapshot fetch_snapshot(mesos::MasterClient& mesos);

/// Plans on `agents`, reads /v2/apps (and /v2/tasks when some eligible agent lacks room),
/// and unless dry_run writes PUT /v2/apps/{id}?force=<plan.force>. An unknown --app ->
/// NotFoundError; unreachable Marathon -> NetworkError (nothing written).
SyncResult sync_pass(AgentSnapshot agents, marathon::Client& marathon, const SyncRequest& request,
                     double now, const LogLine& log);

/// fetch_snapshot, then the pass. No leader elected -> refusal "no-leader" (no exception).
SyncResult sync_pass(mesos::MasterClient& mesos, marathon::Client& marathon,
                     const SyncRequest& request, double now, const LogLine& log);

/// The maintenance windows: GET /master/maintenance/schedule, or for a master without it
/// (404) every draining machine of /master/maintenance/status as an open-ended window.
[[nodiscard]] std::vector<model::MaintenanceWindow> fetch_maintenance(mesos::MasterClient& mesos);

/// The apps a selection names, from the full /v2/apps list (in its order).
/// Throws NotFoundError for an --app that Marathon does not know.
[[nodiscard]] std::vector<model::App> select_apps(std::vector<model::App> apps,
                                                  const Selection& selection);

}  // namespace qctl::unique
