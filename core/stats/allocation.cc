// Per-group allocation totals (issue 5, `qctl stats`), computed from the master's agent objects.
#include "core/stats/allocation.h"

#include <algorithm>
#include <array>

#include "core/stats/agent_resources.h"
#include "core/stats/resource_index.h"

namespace qctl::stats {

namespace {

double revocable(const model::Resources& r, std::size_t i) {
  static constexpr std::array<std::string_view, 4> kRevocable = {
      "cpus_revocable", "mem_revocable", "disk_revocable", "gpus_revocable"};
  return i < kRevocable.size() && !r.scalars.empty() ? r.scalar(kRevocable[i]) : 0.0;
}

// A group being summed: resources by index (kResourceNames order), roles by name.
struct Acc {
  std::string group;
  std::int64_t agents = 0;
  std::int64_t available = 0;
  std::array<ResourceTotals, 5> res{};
  std::map<std::string, std::array<ResourceTotals, 5>> roles;
};

void add_agent(Acc& acc, const model::Agent& a, bool available) {
  ++acc.agents;
  acc.available += available ? 1 : 0;
  for (std::size_t i = 0; i < kResourceNames.size(); ++i) {
    ResourceTotals& t = acc.res[i];
    const double total = amount(a.resources, i);
    const double used = amount(a.used, i);
    t.total += total;
    t.allocated += used;
    t.offered += amount(a.offered, i);
    t.revocable_allocated += revocable(a.used, i);
    for (const auto& [role, r] : a.reserved) {
      t.reserved += amount(r, i);
    }
    for (const auto& [role, r] : a.reserved_dynamic) {
      t.reserved_dynamic += amount(r, i);
    }
    (available ? t.free : t.unavailable) += std::max(0.0, total - used);
  }
  const auto used = used_per_reservation(a);
  for (const auto& [role, free] : free_per_role(a)) {
    auto& totals = acc.roles[role];
    static const model::Resources kNothing;
    const auto it = a.reserved.find(role);
    const model::Resources& amount_of_role =
        it != a.reserved.end() ? it->second : (role == "*" ? a.unreserved : kNothing);
    const auto dyn = a.reserved_dynamic.find(role);
    const auto u = used.find(role);
    for (std::size_t i = 0; i < kResourceNames.size(); ++i) {
      ResourceTotals& t = totals[i];
      t.total += amount(amount_of_role, i);
      if (role != "*") {
        t.reserved += amount(amount_of_role, i);
      }
      t.reserved_dynamic += dyn == a.reserved_dynamic.end() ? 0.0 : amount(dyn->second, i);
      const double f = amount(free, i);
      t.allocated += i < 4 ? (u == used.end() ? 0.0 : amount(u->second, i))
                           : std::max(0.0, amount(amount_of_role, i) - f);
      (available ? t.free : t.unavailable) += f;
    }
  }
}

void round_all(ResourceTotals& t) {
  for (double* v : {&t.total, &t.allocated, &t.reserved, &t.reserved_dynamic, &t.offered, &t.free,
                    &t.unavailable, &t.revocable_allocated}) {
    *v = model::round3(*v);
  }
}

GroupTotals finish(Acc& acc) {
  GroupTotals g;
  g.group = acc.group;
  g.agents = acc.agents;
  g.available = acc.available;
  g.unavailable = acc.agents - acc.available;
  for (std::size_t i = 0; i < kResourceNames.size(); ++i) {
    round_all(acc.res[i]);
    g.resources[kResourceNames[i]] = acc.res[i];
  }
  for (auto& [role, totals] : acc.roles) {
    RoleTotals rt;
    rt.role = role;
    for (std::size_t i = 0; i < kResourceNames.size(); ++i) {
      round_all(totals[i]);
      rt.resources[kResourceNames[i]] = totals[i];
    }
    g.roles.push_back(std::move(rt));
  }
  return g;
}

bool group_less(const GroupTotals& a, const GroupTotals& b) {
  if ((a.group == kNoGroup) != (b.group == kNoGroup)) {
    return b.group == kNoGroup;
  }
  return a.group < b.group;
}

std::vector<GroupTotals> by_key(const ClusterInput& input, const GroupBy& by) {
  const MaintenanceIndex maintenance(input.maintenance);
  std::map<std::string, Acc> groups;
  for (const auto& a : input.agents) {
    const std::string key = group_of(a, by, input.cluster);
    Acc& acc = groups[key];
    acc.group = key;
    const bool available = availability_with(a, maintenance) == Availability::kAvailable;
    add_agent(acc, a, available);
  }
  std::vector<GroupTotals> out;
  out.reserve(groups.size());
  for (auto& [key, acc] : groups) {
    out.push_back(finish(acc));
  }
  std::sort(out.begin(), out.end(), group_less);
  return out;
}

// kRole: regroup the cluster's per-role sums as groups of their own.
std::vector<GroupTotals> by_role(const ClusterInput& input) {
  const GroupTotals all = cluster_totals(input);
  std::map<std::string, GroupTotals> roles;
  for (const auto& rt : all.roles) {
    GroupTotals g;
    g.group = rt.role;
    g.resources = rt.resources;
    roles[rt.role] = std::move(g);
  }
  const MaintenanceIndex maintenance(input.maintenance);
  for (const auto& a : input.agents) {
    const bool available = availability_with(a, maintenance) == Availability::kAvailable;
    for (auto& [role, g] : roles) {
      if (role == "*" || a.reserved.contains(role)) {
        ++g.agents;
        ++(available ? g.available : g.unavailable);
      }
    }
  }
  std::vector<GroupTotals> out;
  for (auto& [role, g] : roles) {
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<GroupTotals> by_framework(const ClusterInput& input) {
  const GroupTotals all = cluster_totals(input);
  std::vector<GroupTotals> out;
  for (const auto& f : input.frameworks) {
    GroupTotals g;
    g.group = f.name.empty() ? f.id : f.name;
    g.agents = static_cast<std::int64_t>(f.slave_ids.size());
    for (std::size_t i = 0; i < kResourceNames.size(); ++i) {
      ResourceTotals t;
      t.total = all.resource(kResourceNames[i]).total;
      t.allocated = model::round3(amount(f.used, i));
      t.offered = model::round3(amount(f.offered, i));
      t.revocable_allocated = model::round3(revocable(f.used, i));
      g.resources[kResourceNames[i]] = t;
    }
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), group_less);
  return out;
}

}  // namespace

double ResourceTotals::fraction() const { return total > 0 ? allocated / total : 0.0; }

const ResourceTotals& GroupTotals::resource(const std::string& name) const {
  static const ResourceTotals kEmpty;
  auto it = resources.find(name);
  return it == resources.end() ? kEmpty : it->second;
}

const std::vector<std::string>& resource_names() {
  static const std::vector<std::string> kNames(kResourceNames.begin(), kResourceNames.end());
  return kNames;
}

Availability availability_of(const model::Agent& agent,
                             const model::MaintenanceStatus& maintenance) {
  return availability_with(agent, MaintenanceIndex(maintenance));
}

Availability availability_with(const model::Agent& agent, const MaintenanceIndex& maintenance) {
  if (agent.drain == model::DrainState::kDrained) {
    return Availability::kDrained;
  }
  if (agent.drain == model::DrainState::kDraining) {
    return Availability::kDraining;
  }
  if (agent.deactivated) {
    return Availability::kDeactivated;
  }
  if (!agent.active) {
    return Availability::kDisconnected;
  }
  if (maintenance.contains(agent)) {
    return Availability::kMaintenance;
  }
  return Availability::kAvailable;
}

const char* availability_name(Availability a) {
  switch (a) {
    case Availability::kAvailable:
      return "Available";
    case Availability::kDisconnected:
      return "Disconnected";
    case Availability::kDeactivated:
      return "Deactivated";
    case Availability::kDraining:
      return "Draining";
    case Availability::kDrained:
      return "Drained";
    case Availability::kMaintenance:
      return "Maintenance";
  }
  return "Available";
}

std::vector<GroupTotals> group_totals(const ClusterInput& input, const GroupBy& by) {
  if (input.agents.empty() && by.kind != GroupBy::Kind::kFramework) {
    return {};
  }
  switch (by.kind) {
    case GroupBy::Kind::kRole:
      return by_role(input);
    case GroupBy::Kind::kFramework:
      return by_framework(input);
    case GroupBy::Kind::kCluster:
    case GroupBy::Kind::kAttribute:
    case GroupBy::Kind::kAgent:
      break;
  }
  return by_key(input, by);
}

GroupTotals cluster_totals(const ClusterInput& input) {
  auto groups = by_key(input, GroupBy{GroupBy::Kind::kCluster, ""});
  if (groups.empty()) {
    GroupTotals g;
    g.group = input.cluster.empty() ? "cluster" : input.cluster;
    for (const auto* name : kResourceNames) {
      g.resources[name] = ResourceTotals{};
    }
    return g;
  }
  return std::move(groups.front());
}

}  // namespace qctl::stats
