#include "cmd/status/print_cluster.h"

#include <ostream>

#include "core/output/printable.h"
#include "core/output/table.h"
#include "core/output/units.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

std::string paint(const PrintStyle& s, const char* code, const std::string& text) {
  return s.color ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
}

void heading(std::ostream& out, const char* name) {
  out << name << std::string(12 - std::string(name).size(), ' ');
}

std::string resource_amount(const std::string& resource, double v) {
  return resource == "mem" || resource == "disk" ? output::format_mb(v) : util::format_number(v);
}

template <class T>
bool print_error(std::ostream& out, const char* name, const status::Part<T>& part,
                 const PrintStyle& s) {
  if (!part.configured) {
    return true;
  }
  if (part.error) {
    heading(out, name);
    out << paint(s, "31", "ERROR") << ' ' << output::printable(part.error->message) << '\n';
    return true;
  }
  return false;
}

void print_mesos(std::ostream& out, const status::MesosView& m, const PrintStyle& s) {
  heading(out, "Mesos");
  out << "leader " << output::printable(m.leader);
  if (m.leader_info) {
    out << " (" << output::printable(m.leader_info->version) << ")";
    if (m.leader_info->elected_time) {
      out << ", elected " << util::format_age(s.now - *m.leader_info->elected_time) << " ago";
    }
  }
  std::size_t up = 0;
  for (const auto& p : m.masters) {
    up += p.reachable ? 1 : 0;
  }
  out << ", " << up << "/" << m.masters.size() << " masters answering";
  if (!m.cluster.empty()) {
    out << ", cluster " << output::printable(m.cluster);
  }
  out << '\n';
  for (const auto& p : m.masters) {
    if (!p.reachable) {
      out << std::string(12, ' ') << paint(s, "33", "unreachable") << ' ' << p.url << ": "
          << output::printable(p.error) << '\n';
    }
  }
  const auto& a = m.agents;
  heading(out, "Agents");
  out << a.ready << "/" << a.total << " ready";
  for (const auto& [n, label] : {std::pair{a.disconnected, "disconnected"},
                                 {a.deactivated, "deactivated"}, {a.draining, "draining"},
                                 {a.drained, "drained"}, {a.maintenance, "in maintenance"},
                                 {a.unreachable, "unreachable"}}) {
    if (n > 0) {
      out << ", " << paint(s, "33", std::to_string(n) + " " + label);
    }
  }
  out << '\n';
  heading(out, "Frameworks");
  out << m.frameworks_active << " active, " << m.frameworks_inactive << " inactive\n";
  heading(out, "Tasks");
  std::vector<std::string> parts;
  for (const auto& [state, n] : status::ordered_task_states(m.tasks)) {
    parts.push_back(std::to_string(n) + " " + util::to_lower(state.substr(5)));
  }
  out << (parts.empty() ? "none" : util::join(parts, ", ")) << "\n\n";
  output::Table table({{"RESOURCE"}, {"TOTAL", false, true}, {"ALLOCATED", false, true},
                       {"RESERVED", false, true}, {"FREE", false, true}, {"ALLOC", false, true}});
  for (const auto& r : m.resources) {
    table.add({r.name, resource_amount(r.name, r.total), resource_amount(r.name, r.allocated),
               resource_amount(r.name, r.reserved), resource_amount(r.name, r.free),
               output::format_percent(r.allocated, r.total)});
  }
  table.print(out, false, true);
  for (const auto& w : m.warnings) {
    out << paint(s, "33", "warning: ") << output::printable(w) << '\n';
  }
  out << '\n';
}

void print_marathon(std::ostream& out, const status::MarathonView& v, const PrintStyle& s) {
  heading(out, "Marathon");
  out << "leader " << (v.leader.empty() ? "unknown" : output::printable(v.leader)) << " ("
      << output::printable(v.version) << "): " << v.summary.apps << " apps, " << v.summary.tasks_running << " tasks running, "
      << v.summary.deployments << (v.summary.deployments == 1 ? " deployment" : " deployments")
      << " in progress\n";
  for (const auto& a : v.summary.attention) {
    out << std::string(12, ' ') << paint(s, "33", a.id) << ' ' << a.running << "/"
        << a.instances << " running";
    if (a.unhealthy > 0) {
      out << ", " << a.unhealthy << " unhealthy";
    }
    if (a.deploying) {
      out << ", deploying";
    }
    out << '\n';
  }
}

void print_chronos(std::ostream& out, const status::ChronosView& v, const PrintStyle& s) {
  heading(out, "Chronos");
  out << "leader " << (v.leader.empty() ? "unknown" : output::printable(v.leader)) << ": "
      << v.summary.jobs
      << " jobs, " << v.summary.queued << " queued, " << v.summary.running << " running, "
      << v.summary.disabled << " disabled";
  if (!v.summary.failed.empty()) {
    out << ", " << paint(s, "31", std::to_string(v.summary.failed.size()) + " last run failed")
        << " (" << output::printable(util::join(v.summary.failed, ", ")) << ")";
  }
  out << '\n';
}

}  // namespace

void print_cluster(std::ostream& out, const status::ClusterView& view, const PrintStyle& style) {
  heading(out, "Context");
  out << view.context << '\n';
  if (!print_error(out, "Mesos", view.mesos, style)) {
    print_mesos(out, *view.mesos.value, style);
  }
  if (!print_error(out, "Marathon", view.marathon, style)) {
    print_marathon(out, *view.marathon.value, style);
  }
  if (!print_error(out, "Chronos", view.chronos, style)) {
    print_chronos(out, *view.chronos.value, style);
  }
}

}  // namespace qctl::cmd
