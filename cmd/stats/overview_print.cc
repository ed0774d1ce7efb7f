// The `qctl stats` tables.
#include "cmd/stats/overview_print.h"

#include <ostream>

#include "cmd/stats/stats_cmds.h"
#include "core/output/table.h"
#include "core/output/units.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

std::string amount(const std::string& resource, double v) {
  if (resource == "mem" || resource == "disk") {
    return output::format_mb(v);
  }
  return util::format_number(v, 3);
}

bool shown(const std::vector<stats::GroupTotals>& groups, const std::string& resource) {
  if (resource == "cpus" || resource == "mem") {
    return true;
  }
  for (const auto& g : groups) {
    if (g.resource(resource).total > 0 || g.resource(resource).allocated > 0) {
      return true;
    }
  }
  return false;
}

// Every section after the allocation table opens with a blank line and its title.
void title(std::ostream& out, const std::string& text) { out << '\n' << text << '\n'; }

void print_allocation(std::ostream& out, const StatsReport& r, const PrintFlags& f) {
  const bool frameworks = r.by.kind == stats::GroupBy::Kind::kFramework;
  output::Table t({{"GROUP"},
                   {"AGENTS", false, true},
                   {"RESOURCE"},
                   {"TOTAL", false, true},
                   {"ALLOCATED", false, true},
                   {frameworks ? "SHARE" : "ALLOC%", false, true},
                   {"RESERVED", false, true},
                   {"DYNAMIC", true, true},
                   {"OFFERED", false, true},
                   {"FREE", false, true},
                   {"UNAVAILABLE", false, true},
                   {"REVOCABLE", true, true}});
  for (const auto& g : r.groups) {
    const std::string agents = frameworks
                                   ? std::to_string(g.agents)
                                   : std::to_string(g.available) + "/" + std::to_string(g.agents);
    for (const auto& name : stats::resource_names()) {
      if (!shown(r.groups, name)) {
        continue;
      }
      const auto& x = g.resource(name);
      t.add({g.group, agents, name, amount(name, x.total), amount(name, x.allocated),
             output::format_percent(x.allocated, x.total), amount(name, x.reserved),
             amount(name, x.reserved_dynamic), amount(name, x.offered), amount(name, x.free),
             amount(name, x.unavailable), amount(name, x.revocable_allocated)});
    }
  }
  t.print(out, f.wide, f.headers);
}

void print_roles(std::ostream& out, const StatsReport& r, const PrintFlags& f) {
  output::Table t({{"GROUP"},
                   {"ROLE"},
                   {"RESOURCE"},
                   {"RESERVED", false, true},
                   {"STATIC", false, true},
                   {"DYNAMIC", false, true},
                   {"ALLOCATED", false, true},
                   {"FREE", false, true}});
  for (const auto& g : r.groups) {
    for (const auto& role : g.roles) {
      if (role.role == "*") {
        continue;
      }
      for (const auto& name : stats::resource_names()) {
        const auto it = role.resources.find(name);
        if (it == role.resources.end() || it->second.reserved <= 0) {
          continue;
        }
        const auto& x = it->second;
        t.add({g.group, role.role, name, amount(name, x.reserved),
               amount(name, x.reserved - x.reserved_dynamic), amount(name, x.reserved_dynamic),
               amount(name, x.allocated), amount(name, x.free)});
      }
    }
  }
  if (t.size() > 0) {
    title(out, "Reserved by role:");
    t.print(out, f.wide, f.headers);
  }
}

void print_loads(std::ostream& out, const std::string& heading,
                 const std::vector<stats::AgentLoad>& loads, const PrintFlags& f,
                 bool with_status) {
  if (loads.empty()) {
    return;
  }
  title(out, heading);
  output::Table t({{"NAME"},
                   {"GROUP"},
                   {"STATUS"},
                   {"CPUS", false, true},
                   {"MEM", false, true},
                   {"DISK", false, true},
                   {"ID", true}});
  for (const auto& l : loads) {
    const auto p = [](double v) { return output::format_percent(v, 1.0); };
    t.add({l.hostname, l.group,
           with_status ? stats::availability_name(l.availability) : "Available", p(l.cpus),
           p(l.mem), p(l.disk), l.id});
  }
  t.print(out, f.wide, f.headers);
}

void print_shapes(std::ostream& out, const StatsReport& r, const PrintFlags& f) {
  if (r.shapes.empty()) {
    return;
  }
  title(out, "Fragmentation (tasks of each shape that still fit):");
  output::Table t({{"GROUP"},
                   {"SHAPE"},
                   {"FITS", false, true},
                   {"IDEAL", false, true},
                   {"FRAGMENTATION", false, true},
                   {"LIMITING"},
                   {"STRANDED-CPUS", false, true},
                   {"STRANDED-MEM", false, true},
                   {"AGENTS", true, true},
                   {"STRANDED-DISK", true, true}});
  for (const auto& s : r.shapes) {
    const auto get = [&s](const char* k) {
      auto it = s.stranded.find(k);
      return it == s.stranded.end() ? 0.0 : it->second;
    };
    t.add({s.group, s.shape, std::to_string(s.fits), std::to_string(s.ideal),
           util::format_number(s.index, 2), s.limiting, amount("cpus", get("cpus")),
           amount("mem", get("mem")), std::to_string(s.agents_fitting),
           amount("disk", get("disk"))});
  }
  t.print(out, f.wide, f.headers);
}

}  // namespace

void print_stats_tables(std::ostream& out, const StatsReport& report, const PrintFlags& flags) {
  out << "Allocation by " << stats::group_by_name(report.by) << ":\n";
  print_allocation(out, report, flags);
  print_roles(out, report, flags);
  print_loads(out, "Most loaded agents:", report.extremes.most, flags, false);
  print_loads(out, "Least loaded agents:", report.extremes.least, flags, false);
  print_loads(out, "Unavailable agents (not counted as free):", report.unavailable, flags, true);
  print_shapes(out, report, flags);
}

}  // namespace qctl::cmd
