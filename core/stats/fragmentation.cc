// Shapes (parsed or taken from apps and jobs) and how well they fit each group's free capacity.
#include "core/stats/fragmentation.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

#include "core/stats/agent_resources.h"
#include "core/stats/fit.h"
#include "core/stats/resource_index.h"
#include "core/util/strings.h"

namespace qctl::stats {

namespace {

constexpr std::int64_t kUnbounded = std::numeric_limits<std::int64_t>::max();

// Resource i of a demand, kResourceNames order.
double need_of(const placement::Demand& d, std::size_t i) {
  switch (i) {
    case 0:
      return d.cpus;
    case 1:
      return d.mem;
    case 2:
      return d.disk;
    case 3:
      return d.gpus;
    default:
      return static_cast<double>(d.ports);
  }
}

std::vector<std::string> roles_of(const placement::Demand& d) {
  std::vector<std::string> roles = d.accepted_roles;
  if (roles.empty()) {
    roles = {d.framework_role, "*"};
  }
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  return roles;
}

// Free amount of resource i over the roles the shape may use.
std::array<double, 5> free_of(const placement::AgentView& agent,
                              const std::vector<std::string>& roles) {
  std::array<double, 5> out{};
  for (const auto& role : roles) {
    auto it = agent.free.find(role);
    if (it == agent.free.end()) {
      continue;
    }
    for (std::size_t i = 0; i < kResourceNames.size(); ++i) {
      out[i] += std::max(0.0, amount(it->second, i));
    }
  }
  return out;
}

// Whole copies of `need` in `free`, with the placement engine's crumb tolerance.
std::int64_t copies(double free, double need) {
  if (need <= 0) {
    return kUnbounded;
  }
  return static_cast<std::int64_t>(std::floor((free + placement::kEpsilon) / need));
}

std::int64_t copies_all(const std::array<double, 5>& free, const placement::Demand& d,
                        std::size_t* limiting = nullptr) {
  std::int64_t n = kUnbounded;
  for (std::size_t i = 0; i < kResourceNames.size(); ++i) {
    const std::int64_t c = copies(free[i], need_of(d, i));
    if (c < n) {
      n = c;
      if (limiting != nullptr) {
        *limiting = i;
      }
    }
  }
  return n == kUnbounded ? 0 : n;
}

bool parse_number(std::string_view text, double& out) {
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(out) && out >= 0;
}

std::string shape_label(const placement::Demand& d) {
  std::string out =
      "cpus=" + util::format_number(d.cpus, 3) + ",mem=" + util::format_number(d.mem, 3);
  if (d.disk > 0) {
    out += ",disk=" + util::format_number(d.disk, 3);
  }
  if (d.gpus > 0) {
    out += ",gpus=" + util::format_number(d.gpus, 3);
  }
  if (d.ports > 0) {
    out += ",ports=" + std::to_string(d.ports);
  }
  return out;
}

}  // namespace

std::optional<Shape> parse_shape(const std::string& text, std::string& error) {
  Shape s;
  s.demand.accepted_roles = {"*"};
  bool any = false;
  for (const auto& piece : util::split(text, ',')) {
    const auto item = util::trim(piece);
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) {
      error = "expected name=value, got \"" + std::string(item) + "\"";
      return std::nullopt;
    }
    const std::string key(util::trim(item.substr(0, eq)));
    const auto value = util::trim(item.substr(eq + 1));
    if (key == "role") {
      if (value.empty()) {
        error = "role: empty";
        return std::nullopt;
      }
      s.demand.accepted_roles = {std::string(value), "*"};
      s.demand.framework_role = std::string(value);
      continue;
    }
    double v = 0;
    if (!parse_number(value, v)) {
      error = key + ": not a number >= 0: " + std::string(value);
      return std::nullopt;
    }
    if (key == "cpus") {
      s.demand.cpus = v;
    } else if (key == "mem") {
      s.demand.mem = v;
    } else if (key == "disk") {
      s.demand.disk = v;
    } else if (key == "gpus") {
      s.demand.gpus = v;
    } else if (key == "ports" && v == std::floor(v)) {
      s.demand.ports = static_cast<std::size_t>(v);
    } else {
      error = key == "ports"
                  ? "ports: not a whole number: " + std::string(value)
                  : "unknown resource \"" + key + "\" (cpus, mem, disk, gpus, ports, role)";
      return std::nullopt;
    }
    any = any || v > 0;
  }
  if (!any) {
    error = "a shape needs at least one resource above 0, e.g. cpus=1,mem=2048";
    return std::nullopt;
  }
  s.name = shape_label(s.demand);
  return s;
}

std::vector<Shape> shapes_of(const std::vector<model::App>& apps,
                             const std::vector<model::Job>& jobs) {
  std::vector<Shape> out;
  std::vector<std::size_t> extra;
  const auto add = [&](const std::string& name, placement::Demand d) {
    for (std::size_t i = 0; i < out.size(); ++i) {
      const auto& o = out[i].demand;
      if (o.cpus == d.cpus && o.mem == d.mem && o.disk == d.disk && o.gpus == d.gpus &&
          o.ports == d.ports && roles_of(o) == roles_of(d)) {
        ++extra[i];
        return;
      }
    }
    if (d.cpus <= 0 && d.mem <= 0 && d.disk <= 0 && d.gpus <= 0 && d.ports == 0) {
      return;
    }
    out.push_back(Shape{name, std::move(d)});
    extra.push_back(0);
  };
  for (const auto& a : apps) {
    add(a.id, demand_of(a));
  }
  for (const auto& j : jobs) {
    add("job " + j.name, demand_of(j));
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (extra[i] > 0) {
      out[i].name += " +" + std::to_string(extra[i]) + " more";
    }
  }
  return out;
}

std::int64_t copies_on(const placement::AgentView& agent, const Shape& shape) {
  return copies_all(free_of(agent, roles_of(shape.demand)), shape.demand);
}

std::vector<ShapeFit> fragmentation(const ClusterInput& input, const GroupBy& by,
                                    const std::vector<Shape>& shapes) {
  const MaintenanceIndex maintenance(input.maintenance);
  std::map<std::string, std::vector<placement::AgentView>> groups;
  for (const auto& a : input.agents) {
    auto& views = groups[group_of(a, by, input.cluster)];
    if (availability_with(a, maintenance) == Availability::kAvailable) {
      views.push_back(free_view(a));
    }
  }
  std::vector<ShapeFit> out;
  for (const auto& [group, views] : groups) {
    for (const auto& shape : shapes) {
      const auto roles = roles_of(shape.demand);
      ShapeFit f;
      f.group = group;
      f.shape = shape.name;
      std::array<double, 5> total{};
      std::array<double, 5> stranded{};
      for (const auto& v : views) {
        const auto free = free_of(v, roles);
        const std::int64_t n = copies_all(free, shape.demand);
        f.fits += n;
        f.agents_fitting += n > 0 ? 1 : 0;
        for (std::size_t i = 0; i < kResourceNames.size(); ++i) {
          total[i] += free[i];
          stranded[i] += n == 0 ? free[i] : 0.0;
        }
      }
      std::size_t limiting = 0;
      f.ideal = copies_all(total, shape.demand, &limiting);
      f.limiting = kResourceNames[limiting];
      f.index =
          f.ideal > 0 ? 1.0 - static_cast<double>(f.fits) / static_cast<double>(f.ideal) : 0.0;
      for (std::size_t i = 0; i < kResourceNames.size(); ++i) {
        f.stranded[kResourceNames[i]] = model::round3(stranded[i]);
      }
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace qctl::stats
