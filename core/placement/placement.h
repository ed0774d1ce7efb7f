// The placement engine: does a task shape fit an agent, and where do N instances go.
// Pure functions over model types (no I/O, no clock). The sandbox schedules with it and
// `qctl stats fit` simulates with it, so both agree on Marathon's and Chronos's semantics.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/marathon.h"
#include "core/model/mesos.h"
#include "core/model/resources.h"

namespace qctl::placement {

/// Free resources smaller than a demand by less than this still fit: sums of doubles leave
/// crumbs (0.3 - 0.1 - 0.1 = 0.0999999…), while Mesos' own resolution is 0.001, so a real
/// shortfall (free 0.0999 for 0.1) is never hidden.
inline constexpr double kEpsilon = 1e-6;

/// One agent as the scheduler sees it: identity, attributes and what is still free,
/// per role ("*" = unreserved). Free port ranges live in each role's `ports`.
struct AgentView {
  std::string id;
  std::string hostname;
  std::vector<model::Attribute> attributes;
  std::map<std::string, model::Resources> free;
  /// Fault domain (Marathon's `@region` / `@zone` constraint fields); "" = none.
  std::string region;
  std::string zone;
};

enum class Dialect { kMarathon, kChronos };

/// A task shape plus where it may go.
struct Demand {
  double cpus = 0;
  double mem = 0;
  double disk = 0;
  double gpus = 0;
  std::size_t ports = 0;  // dynamic host ports
  /// Roles whose resources the task may use. Empty = the framework role and "*"
  /// (Marathon's default acceptedResourceRoles); ["*"] = unreserved only.
  std::vector<std::string> accepted_roles;
  std::string framework_role = "*";
  std::vector<model::Constraint> constraints;
  Dialect dialect = Dialect::kMarathon;
};

/// An instance already running (same app/job) that constraints count against.
struct Placed {
  std::string agent_id;
  std::string hostname;
  std::vector<model::Attribute> attributes;
  std::string region;  // "" = unknown
  std::string zone;
};

/// Why an agent cannot take the demand. The names are Marathon's NoOfferMatchReason
/// values, as /v2/queue reports them in rejectSummary.
enum class Reject {
  kUnfulfilledRole,        // no resources of an accepted role at all
  kUnfulfilledConstraint,  // a placement constraint says no
  kInsufficientCpus,
  kInsufficientMemory,
  kInsufficientDisk,
  kInsufficientGpus,
  kInsufficientPorts,
};
/// "InsufficientCpus", "UnfulfilledConstraint", … (Marathon's spelling).
[[nodiscard]] const char* reject_name(Reject r);

struct Verdict {
  bool fits = false;
  std::optional<Reject> reject;  // set when !fits
  std::string detail;            // "hostname:UNIQUE", "cpus: need 2, free 1.5", …
};

/// Resources taken from one agent for one instance.
struct Allocation {
  std::string agent_id;
  std::map<std::string, model::Resources> taken;  // role -> scalars taken (reserved first)
  std::vector<std::uint64_t> ports;               // the host ports chosen, in order
  std::vector<std::string> port_roles;            // the role each of `ports` came from
};

/// Checks constraints first (Marathon's order), then roles, then each resource.
[[nodiscard]] Verdict check(const AgentView& agent, const Demand& demand,
                            const std::vector<Placed>& existing);

/// Takes the demand from the agent (reserved roles first, then "*"; lowest free ports).
/// nullopt when it does not fit; the agent is unchanged then.
[[nodiscard]] std::optional<Allocation> allocate(AgentView& agent, const Demand& demand,
                                                 const std::vector<Placed>& existing);

/// Per-agent outcome of a placement run, for `--explain` and queue reject summaries.
struct Rejection {
  std::string agent_id;
  std::string hostname;
  Verdict verdict;
};

struct Plan {
  std::vector<Allocation> placed;
  /// Agents that took no instance, with the reason at the moment placement stopped.
  std::vector<Rejection> rejected;
  /// When placement stopped short: the agents that took instances, with why they could not
  /// take one more (otherwise empty).
  std::vector<Rejection> full;
};

/// Places up to `instances` copies one at a time over `agents` (in order, taking
/// resources from the views and adding each placement to `existing`), as an offer
/// cycle would. The views come back with the placed resources taken.
[[nodiscard]] Plan place(std::vector<AgentView>& agents, const Demand& demand,
                         std::vector<Placed> existing, std::size_t instances);

}  // namespace qctl::placement
