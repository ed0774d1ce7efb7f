// Counting the agents an app may run on, fast: placement checks memoised per agent class.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model/marathon.h"
#include "core/model/mesos.h"
#include "core/placement/placement.h"
#include "core/unique/agents.h"

namespace qctl::unique {

/// How one app stands against the agents.
struct AppCount {
  std::size_t eligible = 0;  // state, constraints and roles allow it
  std::size_t unfit = 0;     // eligible, but no room for an instance and none running there
  std::vector<std::string> unfit_examples;  // the first few, "host (cpus: need 2, free 1.5)"
};

/// The constraints that decide where a per-agent daemon may run: LIKE, UNLIKE, IS and
/// CLUSTER with a value. Spreading operators (UNIQUE, GROUP_BY, MAX_PER) and CLUSTER
/// without a value are left out: they limit how instances spread, not which agents count.
[[nodiscard]] std::vector<model::Constraint> placement_constraints(const model::App& app);

/// Agents of one pass, classified once. Agents with the same attributes, fault domain and
/// total resources per role answer every hostname-free constraint alike, so the placement
/// engine is asked once per class and app shape, not once per agent and app.
class Eligibility {
 public:
  Eligibility(const std::vector<model::Agent>& agents,
              const std::vector<model::MaintenanceWindow>& windows, double now);

  [[nodiscard]] const AgentCounts& counts() const { return counts_; }
  /// Counts for one app. `hosts` = agent ids running its tasks (nullptr: unknown, so
  /// every eligible agent without room counts as unfit).
  AppCount count(const model::App& app, const std::string& framework_role,
                 const std::set<std::string>* hosts);

 private:
  enum Outcome : std::uint8_t { kUnknown, kIn, kConstraint, kRole, kTooSmall };
  std::vector<std::uint8_t>& outcomes(const placement::Demand& demand, bool by_host);
  std::vector<std::uint8_t>& fits(const placement::Demand& shape);

  const std::vector<model::Agent>& agents_;
  std::vector<std::size_t> eligible_;         // indexes of agents in an eligible state
  std::vector<placement::AgentView> totals_;  // per agent index
  std::vector<std::size_t> class_;            // per agent: class without the hostname
  std::vector<std::size_t> host_class_;       // per agent: class with the hostname
  std::vector<std::size_t> class_rep_;        // a representative agent per class id
  std::vector<std::size_t> host_class_rep_;
  std::unordered_map<std::string, std::vector<std::uint8_t>> outcome_memo_;
  std::unordered_map<std::string, std::vector<std::uint8_t>> fit_memo_;
  std::vector<placement::AgentView> free_;  // built on first use
  AgentCounts counts_;
};

}  // namespace qctl::unique
