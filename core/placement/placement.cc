// The placement engine's entry points: check one agent, allocate on it, place N instances.
#include "core/placement/placement.h"

#include <string>
#include <vector>

#include "core/placement/detail.h"

namespace qctl::placement {
namespace {

Verdict verdict_for(const AgentView& agent, const Demand& demand, const detail::ConstraintSet& cs,
                    const std::vector<std::string>& roles) {
  // Constraints before resources, as Marathon's rejectSummary counts them.
  if (auto v = cs.violation(agent)) {
    return {false, Reject::kUnfulfilledConstraint, std::move(v->detail)};
  }
  // Marathon's --gpu_scheduling_behavior=restricted would refuse a task without gpus on a
  // GPU agent, but only with --enable_features gpu_resources; without it Mesos never
  // offers GPUs to Marathon at all. The engine follows the common setup: such tasks fit.
  return detail::fit_resources(agent, demand, roles);
}

}  // namespace

const char* reject_name(Reject r) {
  switch (r) {
    case Reject::kUnfulfilledRole:
      return "UnfulfilledRole";
    case Reject::kUnfulfilledConstraint:
      return "UnfulfilledConstraint";
    case Reject::kInsufficientCpus:
      return "InsufficientCpus";
    case Reject::kInsufficientMemory:
      return "InsufficientMemory";
    case Reject::kInsufficientDisk:
      return "InsufficientDisk";
    case Reject::kInsufficientGpus:
      return "InsufficientGpus";
    case Reject::kInsufficientPorts:
      return "InsufficientPorts";
  }
  return "UnfulfilledConstraint";
}

Verdict check(const AgentView& agent, const Demand& demand, const std::vector<Placed>& existing) {
  const detail::ConstraintSet cs(demand, existing);
  return verdict_for(agent, demand, cs, detail::role_order(demand));
}

std::optional<Allocation> allocate(AgentView& agent, const Demand& demand,
                                   const std::vector<Placed>& existing) {
  const detail::ConstraintSet cs(demand, existing);
  const auto roles = detail::role_order(demand);
  if (!verdict_for(agent, demand, cs, roles).fits) {
    return std::nullopt;
  }
  return detail::take(agent, demand, roles);
}

Plan place(std::vector<AgentView>& agents, const Demand& demand, std::vector<Placed> existing,
           std::size_t instances) {
  detail::ConstraintSet cs(demand, existing);
  const auto roles = detail::role_order(demand);
  Plan plan;
  std::vector<char> got(agents.size(), 0);
  // Resources only shrink and most constraint failures only get worse as instances are
  // added, so an agent that failed that way is not asked again; only GROUP_BY can
  // change its mind when another group catches up.
  std::vector<char> dead(agents.size(), 0);
  for (std::size_t n = 0; n < instances; ++n) {
    bool placed = false;
    for (std::size_t i = 0; i < agents.size() && !placed; ++i) {
      if (dead[i] != 0) {
        continue;
      }
      if (auto v = cs.violation(agents[i])) {
        dead[i] = v->permanent ? 1 : 0;
        continue;
      }
      if (!detail::fit_resources(agents[i], demand, roles).fits) {
        dead[i] = 1;
        continue;
      }
      plan.placed.push_back(detail::take(agents[i], demand, roles));
      cs.add(agents[i]);
      existing.push_back(Placed{agents[i].id, agents[i].hostname, agents[i].attributes,
                                agents[i].region, agents[i].zone});
      got[i] = 1;
      placed = true;
    }
    if (!placed) {
      break;
    }
  }
  const bool short_of = plan.placed.size() < instances;
  for (std::size_t i = 0; i < agents.size(); ++i) {
    if (got[i] == 0) {
      plan.rejected.push_back(
          {agents[i].id, agents[i].hostname, verdict_for(agents[i], demand, cs, roles)});
    } else if (short_of) {
      plan.full.push_back(
          {agents[i].id, agents[i].hostname, verdict_for(agents[i], demand, cs, roles)});
    }
  }
  return plan;
}

}  // namespace qctl::placement
