// Grouping agents (by attribute, fault domain or not at all) and their individual loads.
#include <algorithm>
#include <array>

#include "core/stats/agent_resources.h"
#include "core/stats/allocation.h"

namespace qctl::stats {

namespace {

std::optional<std::string> field_of(const model::Agent& a, const std::string& name) {
  const auto non_empty = [](const std::string& v) {
    return v.empty() ? std::nullopt : std::optional<std::string>(v);
  };
  if (name == "@region") {
    return non_empty(a.region);
  }
  if (name == "@zone") {
    return non_empty(a.zone);
  }
  if (name == "hostname" || name == "@hostname") {
    if (const auto* attr = a.attribute("hostname"); attr != nullptr && name == "hostname") {
      return attr->str();
    }
    return non_empty(a.hostname);
  }
  if (const auto* attr = a.attribute(name); attr != nullptr) {
    return attr->str();
  }
  return std::nullopt;
}

double share(double used, double total) {
  return total > 0 ? std::clamp(used / total, 0.0, 1.0) : 0.0;
}

bool load_less(const AgentLoad& a, const AgentLoad& b) {
  if (a.load() != b.load()) {
    return a.load() < b.load();
  }
  return a.hostname < b.hostname;
}

}  // namespace

GroupBy default_group_by(const std::vector<model::Agent>& agents) {
  static const std::array<const char*, 5> kDatacenter = {"dc", "datacenter", "data_center",
                                                         "datacentre", "region"};
  for (const char* name : kDatacenter) {
    if (has_attribute(agents, name)) {
      return {GroupBy::Kind::kAttribute, name};
    }
  }
  if (has_attribute(agents, "@region")) {
    return {GroupBy::Kind::kAttribute, "@region"};
  }
  return {GroupBy::Kind::kCluster, ""};
}

GroupBy parse_group_by(const std::string& text) {
  if (text == "role") {
    return {GroupBy::Kind::kRole, ""};
  }
  if (text == "framework") {
    return {GroupBy::Kind::kFramework, ""};
  }
  if (text == "agent") {
    return {GroupBy::Kind::kAgent, ""};
  }
  if (text == "cluster") {
    return {GroupBy::Kind::kCluster, ""};
  }
  return {GroupBy::Kind::kAttribute, text};
}

std::string group_by_name(const GroupBy& by) {
  switch (by.kind) {
    case GroupBy::Kind::kAttribute:
      return by.attribute;
    case GroupBy::Kind::kRole:
      return "role";
    case GroupBy::Kind::kFramework:
      return "framework";
    case GroupBy::Kind::kAgent:
      return "agent";
    case GroupBy::Kind::kCluster:
      break;
  }
  return "cluster";
}

bool has_attribute(const std::vector<model::Agent>& agents, const std::string& name) {
  return std::any_of(agents.begin(), agents.end(),
                     [&](const model::Agent& a) { return field_of(a, name).has_value(); });
}

std::string group_of(const model::Agent& agent, const GroupBy& by, const std::string& cluster) {
  switch (by.kind) {
    case GroupBy::Kind::kAttribute:
      return field_of(agent, by.attribute).value_or(kNoGroup);
    case GroupBy::Kind::kAgent:
      return agent.hostname;
    case GroupBy::Kind::kCluster:
    case GroupBy::Kind::kRole:
    case GroupBy::Kind::kFramework:
      break;
  }
  return cluster.empty() ? "cluster" : cluster;
}

double AgentLoad::load() const { return std::max(cpus, mem); }

std::vector<AgentLoad> agent_loads(const ClusterInput& input, const GroupBy& by) {
  const MaintenanceIndex maintenance(input.maintenance);
  std::vector<AgentLoad> out;
  out.reserve(input.agents.size());
  for (const auto& a : input.agents) {
    AgentLoad l;
    l.id = a.id;
    l.hostname = a.hostname;
    l.group = group_of(a, by, input.cluster);
    l.availability = availability_with(a, maintenance);
    l.cpus = share(a.used.cpus, a.resources.cpus);
    l.mem = share(a.used.mem, a.resources.mem);
    l.disk = share(a.used.disk, a.resources.disk);
    l.cpus_used = a.used.cpus;
    l.cpus_total = a.resources.cpus;
    l.mem_used = a.used.mem;
    l.mem_total = a.resources.mem;
    out.push_back(std::move(l));
  }
  return out;
}

LoadExtremes load_extremes(const std::vector<AgentLoad>& loads, std::size_t n) {
  std::vector<const AgentLoad*> available;
  for (const auto& l : loads) {
    if (l.availability == Availability::kAvailable) {
      available.push_back(&l);
    }
  }
  const std::size_t k = std::min(n, available.size());
  const auto less = [](const AgentLoad* a, const AgentLoad* b) { return load_less(*a, *b); };
  const auto more = [](const AgentLoad* a, const AgentLoad* b) {
    return a->load() != b->load() ? a->load() > b->load() : a->hostname < b->hostname;
  };
  LoadExtremes out;
  auto copy = available;
  std::partial_sort(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(k), copy.end(), more);
  for (std::size_t i = 0; i < k; ++i) {
    out.most.push_back(*copy[i]);
  }
  std::partial_sort(available.begin(), available.begin() + static_cast<std::ptrdiff_t>(k),
                    available.end(), less);
  for (std::size_t i = 0; i < k; ++i) {
    out.least.push_back(*available[i]);
  }
  return out;
}

std::vector<AgentLoad> unavailable_agents(const std::vector<AgentLoad>& loads) {
  std::vector<AgentLoad> out;
  for (const auto& l : loads) {
    if (l.availability != Availability::kAvailable) {
      out.push_back(l);
    }
  }
  std::sort(out.begin(), out.end(), [](const AgentLoad& a, const AgentLoad& b) {
    return a.group != b.group ? a.group < b.group : a.hostname < b.hostname;
  });
  return out;
}

}  // namespace qctl::stats
