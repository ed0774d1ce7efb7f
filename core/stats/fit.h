// What-if placement (`qctl stats fit`): would N instances of an app or job fit right now?
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/model/chronos.h"
#include "core/model/marathon.h"
#include "core/placement/placement.h"
#include "core/stats/allocation.h"

namespace qctl::stats {

/// What to place: the demand, how many new instances, and the instances already running
/// (an update of an existing app: constraints count them, their resources are in use).
struct FitRequest {
  std::string name;  // "/web", "job nightly", "cpus=1,mem=2048"
  placement::Demand demand;
  std::size_t instances = 1;  // new instances to place
  std::size_t existing_instances = 0;
  std::vector<placement::Placed> existing;
};

/// The Marathon app's demand as Marathon's offer matcher sees it: resources, host ports,
/// acceptedResourceRoles (default: the app's role, else `framework_role`, plus "*"), constraints.
[[nodiscard]] placement::Demand demand_of(const model::App& app,
                                          const std::string& framework_role = "*");
/// A Chronos job's demand: Chronos' defaults (0.1 cpus, 128 MB, 256 MB disk) for unset
/// resources, its role and "*", EQUALS/LIKE/UNLIKE constraints (others are dropped).
[[nodiscard]] placement::Demand demand_of(const model::Job& job,
                                          const std::string& framework_role = "*");

/// The running instances of an app as placement subjects (attributes from the agents).
[[nodiscard]] std::vector<placement::Placed> placed_of(
    const std::vector<model::MarathonTask>& tasks, const std::vector<model::Agent>& agents);

struct FitGroup {
  std::string group;
  std::size_t placed = 0;
  std::size_t agents = 0;       // available agents in the group
  std::size_t agents_used = 0;  // agents that took at least one new instance
};

/// Rejected agents counted by reason (Marathon's names: "InsufficientCpus", …).
struct FitResult {
  std::string name;
  std::size_t wanted = 0;
  std::size_t placed = 0;
  std::size_t existing = 0;
  std::size_t agents = 0;  // available agents considered
  std::vector<FitGroup> groups;
  std::map<std::string, std::size_t> reasons;
  /// Why the agents could take no (further) new instance when placement stopped: those that
  /// took none, then those that took some and ran out (only when not everything fits).
  std::vector<placement::Rejection> rejected;
  [[nodiscard]] bool fits() const { return placed >= wanted; }
};

/// Places the request over the available agents (in input order) with placement::place,
/// exactly as the sandbox schedules. Unavailable agents (see availability_of) take nothing.
[[nodiscard]] FitResult simulate_fit(const ClusterInput& input, const GroupBy& by,
                                     const FitRequest& request);

}  // namespace qctl::stats
