#include "core/stats/history/snapshot.h"

#include <algorithm>
#include <set>

namespace qctl::stats::history {

namespace {

GroupSample sample_of(const std::string& dimension, const stats::GroupTotals& g) {
  GroupSample s;
  s.dimension = dimension;
  s.name = g.group;
  s.values.agents = g.agents;
  s.values.unavailable = g.unavailable;
  for (std::size_t i = 0; i < kResourceCount; ++i) {
    const auto& r = g.resource(kResources[i]);
    s.values.resources[i] = {r.total, r.allocated, r.reserved, r.free};
  }
  return s;
}

void set(Snapshot& s, const char* name, double value) {
  if (auto i = counter_index(name)) {
    s.counters[*i] = s.counters[*i].value_or(0) + value;
  }
}

void add_mesos(Snapshot& s, const SnapshotInput& in) {
  for (const auto& fw : in.cluster.frameworks) {
    for (const auto& [state, count] : fw.task_counts) {
      if (count != 0) {
        s.task_states[state] += count;
      }
    }
  }
  if (!in.metrics) {
    return;
  }
  static const std::string kPrefix = "master/tasks_";
  for (const auto& [name, value] : *in.metrics) {
    if (name.rfind(kPrefix, 0) == 0) {
      set(s, ("mesos_tasks_" + name.substr(kPrefix.size())).c_str(), value);
    }
  }
}

void add_marathon(Snapshot& s, const SnapshotInput& in) {
  if (in.marathon_apps) {
    set(s, "marathon_apps", static_cast<double>(in.marathon_apps->size()));
    for (const char* k : {"marathon_instances", "marathon_tasks_running", "marathon_tasks_staged",
                          "marathon_tasks_healthy", "marathon_tasks_unhealthy"}) {
      set(s, k, 0);
    }
    for (const auto& app : *in.marathon_apps) {
      set(s, "marathon_instances", static_cast<double>(app.instances));
      set(s, "marathon_tasks_running", static_cast<double>(app.tasks_running));
      set(s, "marathon_tasks_staged", static_cast<double>(app.tasks_staged));
      set(s, "marathon_tasks_healthy", static_cast<double>(app.tasks_healthy));
      set(s, "marathon_tasks_unhealthy", static_cast<double>(app.tasks_unhealthy));
    }
  }
  if (in.marathon_queue) {
    set(s, "marathon_queue_launches", 0);
    set(s, "marathon_queue_delayed", 0);
    for (const auto& item : *in.marathon_queue) {
      set(s, "marathon_queue_launches", static_cast<double>(item.count));
      // A launch delay still running is Marathon's back-off after failed launches.
      set(s, "marathon_queue_delayed", item.delay_time_left_seconds > 0 ? 1 : 0);
    }
  }
}

void add_chronos(Snapshot& s, const SnapshotInput& in) {
  if (!in.chronos_jobs) {
    return;
  }
  set(s, "chronos_jobs", static_cast<double>(in.chronos_jobs->size()));
  for (const char* k : {"chronos_success_count", "chronos_error_count", "chronos_jobs_failing"}) {
    set(s, k, 0);
  }
  for (const auto& job : *in.chronos_jobs) {
    set(s, "chronos_success_count", static_cast<double>(job.success_count));
    set(s, "chronos_error_count", static_cast<double>(job.error_count));
    set(s, "chronos_jobs_failing", job.errors_since_last_success > 0 ? 1 : 0);
  }
}

}  // namespace

std::optional<std::size_t> counter_index(const std::string& name) {
  for (std::size_t i = 0; i < kCounterCount; ++i) {
    if (name == kCounterNames[i]) {
      return i;
    }
  }
  return std::nullopt;
}

std::vector<std::string> recorded_dimensions(const std::vector<model::Agent>& agents,
                                             const std::vector<std::string>& extra) {
  std::map<std::string, std::set<std::string>> values;
  auto note = [&values](const std::string& name, const std::string& value) {
    auto& v = values[name];
    if (v.size() <= kMaxGroupsPerDimension) {
      v.insert(value);
    }
  };
  for (const auto& agent : agents) {
    for (const auto& attr : agent.attributes) {
      note(attr.name, attr.str());
    }
    if (!agent.region.empty()) {
      note("@region", agent.region);
    }
    if (!agent.zone.empty()) {
      note("@zone", agent.zone);
    }
  }
  std::vector<std::string> dims{"cluster"};
  for (const auto& [name, v] : values) {
    // Names `--by` reads as other groupings cannot be attribute groupings.
    const bool reserved =
        name == "cluster" || name == "role" || name == "framework" || name == "agent";
    if (v.size() <= kMaxGroupsPerDimension && !reserved) {
      dims.push_back(name);
    }
  }
  for (const auto& name : extra) {
    if (values.count(name) != 0 && std::find(dims.begin(), dims.end(), name) == dims.end()) {
      dims.push_back(name);
    }
  }
  return dims;
}

Snapshot build_snapshot(const SnapshotInput& in, double now, const std::string& context,
                        const std::vector<std::string>& extra) {
  Snapshot s;
  s.taken_at = now;
  s.context = context;
  s.default_dimension = stats::group_by_name(stats::default_group_by(in.cluster.agents));
  for (const auto& dim : recorded_dimensions(in.cluster.agents, extra)) {
    if (dim == "cluster") {
      s.groups.push_back(sample_of(dim, stats::cluster_totals(in.cluster)));
      continue;
    }
    for (const auto& g : stats::group_totals(in.cluster, stats::parse_group_by(dim))) {
      s.groups.push_back(sample_of(dim, g));
    }
  }
  add_mesos(s, in);
  add_marathon(s, in);
  add_chronos(s, in);
  return s;
}

}  // namespace qctl::stats::history
