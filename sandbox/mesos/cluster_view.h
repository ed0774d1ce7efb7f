// Per-request indexes over the World for the master endpoints: which agents are
// registered, and each framework's tasks split as the master keeps them.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/model/mesos.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox::mesos {

/// A framework's tasks: live, unreachable (TASK_UNREACHABLE, kept apart by the master)
/// and completed, plus what its live tasks hold.
struct FrameworkTasks {
  std::vector<const SimTask*> active;
  std::vector<const SimTask*> unreachable;
  std::vector<const SimTask*> completed;
  model::Resources used;  // scalars and coalesced ports of the live tasks
};

/// Built under the World lock for one request; nothing is kept between requests.
class ClusterView {
 public:
  /// `with_tasks` false: the frameworks without any task (a new leader before the agents
  /// re-register).
  explicit ClusterView(const World& world, bool with_tasks = true);

  /// Registered = connected, not removed, not on a DOWN machine (removed by Mesos).
  [[nodiscard]] static bool registered(const SimAgent& agent);
  /// Unreachable = lost (disconnected) and not removed.
  [[nodiscard]] static bool unreachable(const SimAgent& agent);
  /// `active` as the master reports it: connected and neither deactivated nor draining.
  [[nodiscard]] static bool active(const SimAgent& agent);
  [[nodiscard]] static bool deactivated(const SimAgent& agent);

  [[nodiscard]] const FrameworkTasks& tasks_of(const std::string& framework_id) const;
  /// The framework's user ("" when unknown), which Task.user reports.
  [[nodiscard]] const std::string& user_of(const std::string& framework_id) const;
  /// True for frameworks that have been torn down (unregistered_time set).
  [[nodiscard]] static bool completed(const SimFramework& framework);

 private:
  std::unordered_map<std::string, FrameworkTasks> tasks_;
  std::unordered_map<std::string, const std::string*> users_;
};

/// Adds the scalars of `what` to `to` (ports are handled separately).
void add_scalars(model::Resources& to, const model::Resources& what);

}  // namespace qctl::sandbox::mesos
