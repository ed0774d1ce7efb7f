// Small builders for placement tests: agents, attributes, constraints, placed instances.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/placement/placement.h"

namespace qctl::placement::testing {

inline model::Attribute text(std::string name, std::string value) {
  return model::Attribute{std::move(name), false, 0, std::move(value)};
}

inline model::Attribute scalar(std::string name, double value) {
  return model::Attribute{std::move(name), true, value, ""};
}

inline model::Constraint rule(std::string field, std::string op, std::string value = "") {
  const bool has_value = !value.empty();
  return model::Constraint{std::move(field), std::move(op), std::move(value), has_value};
}

/// An agent "<id>" on host "<id>.example" with unreserved cpus/mem and ports 31000-31009.
inline AgentView agent(const std::string& id, std::vector<model::Attribute> attrs = {},
                       double cpus = 4, double mem = 4096) {
  AgentView a;
  a.id = id;
  a.hostname = id + ".example";
  a.attributes = std::move(attrs);
  model::Resources free;
  free.cpus = cpus;
  free.mem = mem;
  free.disk = 10000;
  free.ports = {{31000, 31009}};
  a.free["*"] = free;
  return a;
}

/// An instance already running on the given host with the given attributes.
inline Placed on(const std::string& hostname, std::vector<model::Attribute> attrs = {}) {
  return Placed{hostname + "-id", hostname, std::move(attrs), "", ""};
}

inline Placed on(const AgentView& a) { return Placed{a.id, a.hostname, a.attributes, "", ""}; }

/// A small task (0.1 cpus, 32 MB) with the given constraints.
inline Demand small(std::vector<model::Constraint> constraints = {},
                    Dialect dialect = Dialect::kMarathon) {
  Demand d;
  d.cpus = 0.1;
  d.mem = 32;
  d.constraints = std::move(constraints);
  d.dialect = dialect;
  return d;
}

}  // namespace qctl::placement::testing
