// Fragmentation: how many tasks of a shape still fit, and what capacity is stranded.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/chronos.h"
#include "core/model/marathon.h"
#include "core/placement/placement.h"
#include "core/stats/allocation.h"

namespace qctl::stats {

/// A task shape: what one task needs, and the roles it may use.
struct Shape {
  std::string name;  // "cpus=1,mem=2048" or the app/job it came from ("/web", "+2 more")
  placement::Demand demand;
};

/// Parses "cpus=1,mem=2048[,disk=N][,gpus=N][,ports=N][,role=R]" (mem/disk in MB). On bad
/// syntax returns nullopt and sets `error` ("mem: not a number: 2G").
[[nodiscard]] std::optional<Shape> parse_shape(const std::string& text, std::string& error);

/// The distinct shapes of the cluster's Marathon apps (cpus, mem, disk, gpus, host ports,
/// roles) and Chronos jobs (Chronos' defaults 0.1 cpus, 128 MB mem, 256 MB disk for unset
/// fields), in first-seen order, each named after the first app or job with it.
[[nodiscard]] std::vector<Shape> shapes_of(const std::vector<model::App>& apps,
                                           const std::vector<model::Job>& jobs);

/// How many whole copies of the shape an agent's free resources hold (resources and roles
/// only; constraints are `stats fit`'s business). A shortfall smaller than
/// placement::kEpsilon is a float crumb and still fits; 0.0999 free for 0.1 does not.
[[nodiscard]] std::int64_t copies_on(const placement::AgentView& agent, const Shape& shape);

/// One shape in one group.
struct ShapeFit {
  std::string group;
  std::string shape;
  std::int64_t fits = 0;   // copies that fit, agent by agent
  std::int64_t ideal = 0;  // copies the group's free capacity would hold if it were one agent
  /// 1 - fits/ideal: 0 = no fragmentation, 1 = nothing fits although capacity is free.
  double index = 0;
  std::string limiting;  // the resource that runs out first overall ("cpus", …, "ports")
  std::int64_t agents_fitting = 0;  // available agents that take at least one copy
  /// Free capacity on available agents that cannot take a single copy ("cpus", "mem", …).
  std::map<std::string, double> stranded;
};

/// Per group (`by`, attribute or cluster grouping) and per shape, over available agents.
[[nodiscard]] std::vector<ShapeFit> fragmentation(const ClusterInput& input, const GroupBy& by,
                                                  const std::vector<Shape>& shapes);

}  // namespace qctl::stats
