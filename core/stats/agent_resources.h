// What is used and free on one agent, per reservation role, from the master's agent object.
#pragma once

#include <map>
#include <string>
#include <unordered_set>

#include "core/model/mesos.h"
#include "core/placement/placement.h"

namespace qctl::stats {

/// Used resources per reservation role ("*" = unreserved). From used_resources_full when
/// the master sent it; otherwise used_resources is assumed to take each role's reservation
/// first (roles in name order), then unreserved resources, as Marathon's matcher consumes
/// them. Revocable resources are left out.
[[nodiscard]] std::map<std::string, model::Resources> used_per_reservation(
    const model::Agent& agent);

/// What no role has reserved: `unreserved_resources`, or before Mesos 0.27 (which lacks it)
/// the total minus every reservation, ports included.
[[nodiscard]] model::Resources unreserved_of(const model::Agent& agent);

/// The agent's identity as the placement engine sees it (id, hostname, attributes, fault
/// domain), with nothing free yet.
[[nodiscard]] placement::AgentView identity_view(const model::Agent& agent);

/// The agent as the placement engine sees it: per role what is free (reservation or
/// unreserved amount minus what is used there, never below 0), free ports as ranges.
[[nodiscard]] placement::AgentView free_view(const model::Agent& agent);

/// free_view's `free` alone (no copy of the agent's identity and attributes).
[[nodiscard]] std::map<std::string, model::Resources> free_per_role(const model::Agent& agent);

/// Hostnames (lower case) and IPs listed as draining or down, for availability checks.
class MaintenanceIndex {
 public:
  explicit MaintenanceIndex(const model::MaintenanceStatus& m);
  [[nodiscard]] bool contains(const model::Agent& agent) const;

 private:
  std::unordered_set<std::string> hosts_;
  std::unordered_set<std::string> ips_;
};

enum class Availability;
/// availability_of (allocation.h) with a prebuilt index: for loops over many agents.
[[nodiscard]] Availability availability_with(const model::Agent& agent,
                                             const MaintenanceIndex& maintenance);

}  // namespace qctl::stats
