// Roles and resources: does an agent have the scalars and ports, and taking them
// (Marathon's ResourceMatcher: accepted roles only, reserved roles before "*").
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/placement/detail.h"
#include "core/util/strings.h"

namespace qctl::placement::detail {
namespace {

using Scalar = double model::Resources::*;

struct ScalarKind {
  const char* name;
  Scalar member;
  double Demand::*need;
  Reject reject;
};

constexpr std::array<ScalarKind, 4> kScalars = {{
    {"cpus", &model::Resources::cpus, &Demand::cpus, Reject::kInsufficientCpus},
    {"mem", &model::Resources::mem, &Demand::mem, Reject::kInsufficientMemory},
    {"disk", &model::Resources::disk, &Demand::disk, Reject::kInsufficientDisk},
    {"gpus", &model::Resources::gpus, &Demand::gpus, Reject::kInsufficientGpus},
}};

double free_scalar(const AgentView& agent, const std::vector<std::string>& roles, Scalar m) {
  double sum = 0;
  for (const auto& role : roles) {
    if (auto it = agent.free.find(role); it != agent.free.end()) {
      sum += std::max(0.0, it->second.*m);
    }
  }
  return sum;
}

std::uint64_t free_ports(const AgentView& agent, const std::vector<std::string>& roles) {
  std::uint64_t sum = 0;
  for (const auto& role : roles) {
    if (auto it = agent.free.find(role); it != agent.free.end()) {
      sum += model::range_count(it->second.ports);
    }
  }
  return sum;
}

// consumeResources: walk the roles in order, each giving what it has; the last one also
// absorbs the float crumb that the epsilon let through, and never drops below zero.
void take_scalar(AgentView& agent, const std::vector<std::string>& roles, const ScalarKind& k,
                 double need, Allocation& out) {
  double left = need;
  for (const auto& role : roles) {
    auto it = agent.free.find(role);
    if (left <= kEpsilon) {
      break;
    }
    if (it == agent.free.end() || it->second.*k.member <= 0) {
      continue;
    }
    double& free = it->second.*k.member;
    double t = std::min(left, free);
    if (left - t <= kEpsilon) {
      t = left;
    }
    free = std::max(0.0, free - t);
    out.taken[role].*k.member += t;
    left -= t;
  }
}

// Lowest free ports first, role by role. Real Marathon picks dynamic ports at random
// (PortsMatcher.randomPorts); the sandbox stays deterministic instead.
void take_ports(AgentView& agent, const std::vector<std::string>& roles, std::size_t need,
                Allocation& out) {
  for (const auto& role : roles) {
    auto it = agent.free.find(role);
    if (need == 0) {
      break;
    }
    if (it == agent.free.end()) {
      continue;
    }
    auto& ranges = it->second.ports;
    std::sort(ranges.begin(), ranges.end(),
              [](const model::Range& a, const model::Range& b) { return a.begin < b.begin; });
    std::vector<model::Range> kept;
    for (const auto& r : ranges) {
      std::uint64_t next = r.begin;
      for (; need > 0 && next <= r.end; ++next, --need) {
        out.ports.push_back(next);
        out.port_roles.push_back(role);
      }
      if (next <= r.end) {
        kept.push_back({next, r.end});
      }
    }
    ranges = std::move(kept);
  }
}

}  // namespace

std::string num(double v) { return util::format_number(v, 6); }

std::vector<std::string> role_order(const Demand& demand) {
  // Marathon's default acceptedResourceRoles: its own role plus unreserved.
  std::vector<std::string> accepted = demand.accepted_roles;
  if (accepted.empty()) {
    accepted = {demand.framework_role, "*"};
  }
  std::vector<std::string> out;
  bool star = false;
  for (const auto& r : accepted) {
    if (r == "*") {
      star = true;
    } else if (std::find(out.begin(), out.end(), r) == out.end()) {
      out.push_back(r);
    }
  }
  if (star) {
    out.emplace_back("*");
  }
  return out;
}

Verdict fit_resources(const AgentView& agent, const Demand& demand,
                      const std::vector<std::string>& roles) {
  const bool needs_any =
      demand.cpus > 0 || demand.mem > 0 || demand.disk > 0 || demand.gpus > 0 || demand.ports > 0;
  const bool has_role = std::any_of(roles.begin(), roles.end(),
                                    [&](const std::string& r) { return agent.free.contains(r); });
  // ResourceMatcher reports UnfulfilledRole when no resource of an accepted role is
  // offered; a demand of nothing still matches (its scalar checks are all skipped).
  if (!has_role && needs_any) {
    std::string names;
    for (const auto& r : roles) {
      names += (names.empty() ? "" : ", ") + r;
    }
    return {false, Reject::kUnfulfilledRole, "roles: no resources for " + names};
  }
  for (const auto& k : kScalars) {
    const double need = demand.*k.need;
    const double free = free_scalar(agent, roles, k.member);
    if (need > 0 && free + kEpsilon < need) {
      return {false, k.reject, std::string(k.name) + ": need " + num(need) + ", free " + num(free)};
    }
  }
  if (demand.ports > 0) {
    const std::uint64_t free = free_ports(agent, roles);
    if (free < demand.ports) {
      return {false, Reject::kInsufficientPorts,
              "ports: need " + std::to_string(demand.ports) + ", free " + std::to_string(free)};
    }
  }
  return {true, std::nullopt, ""};
}

Allocation take(AgentView& agent, const Demand& demand, const std::vector<std::string>& roles) {
  Allocation out;
  out.agent_id = agent.id;
  for (const auto& k : kScalars) {
    if (demand.*k.need > 0) {
      take_scalar(agent, roles, k, demand.*k.need, out);
    }
  }
  take_ports(agent, roles, demand.ports, out);
  return out;
}

}  // namespace qctl::placement::detail
