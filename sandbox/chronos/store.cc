// The job store and the dependency graph (JobGraph, JobScheduler.deregisterJob, the
// re-parenting in JobManagementResource.delete).
#include <algorithm>
#include <set>

#include "sandbox/chronos/state.h"

namespace qctl::sandbox::chronos {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// What a dependent child keeps when its scheduled parent is deleted: Chronos builds a new
// ScheduleBasedJob from a subset of the child's fields; the rest fall back to defaults.
Job scheduled_copy(const Job& child, const Job& parent) {
  Job j;
  j.name = child.name;
  j.command = child.command;
  j.success_count = child.success_count;
  j.error_count = child.error_count;
  j.executor = child.executor;
  j.executor_flags = child.executor_flags;
  j.task_info_data = child.task_info_data;
  j.retries = child.retries;
  j.owner = child.owner;
  j.last_error = child.last_error;
  j.last_success = child.last_success;
  j.cpus = child.cpus;
  j.disk = child.disk;
  j.mem = child.mem;
  j.disabled = child.disabled;
  j.soft_error = child.soft_error;
  j.uris = child.uris;
  j.fetch = child.fetch;
  j.high_priority = child.high_priority;
  j.max_completion_time = child.max_completion_time;
  j.epsilon = child.epsilon;  // 2.x copies epsilon and async too
  j.async = child.async;
  j.schedule = parent.schedule;
  j.schedule_time_zone = parent.schedule_time_zone;
  return j;
}

}  // namespace

Job* ChronosState::stored(const std::string& name) {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &store_[it->second];
}

const std::vector<std::string>& ChronosState::graph() const {
  if (graph_order_) {
    return *graph_order_;
  }
  // Drop dependents with a missing parent until nothing changes (a child of a dropped job
  // is dropped too).
  std::unordered_set<std::string> in;
  for (const Job& j : store_) {
    in.insert(j.name);
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const Job& j : store_) {
      if (j.dependent && in.count(j.name) > 0 &&
          std::any_of(j.parents.begin(), j.parents.end(),
                      [&](const std::string& p) { return in.count(p) == 0; })) {
        in.erase(j.name);
        changed = true;
      }
    }
  }
  std::vector<std::string> out;
  for (const Job& j : store_) {
    if (in.count(j.name) > 0) {
      out.push_back(j.name);
    }
  }
  graph_members_ = std::move(in);
  graph_order_ = std::move(out);
  return *graph_order_;
}

Job* ChronosState::lookup(const std::string& name) {
  Job* j = stored(name);
  if (j == nullptr || !j->dependent) {
    return j;
  }
  (void)graph();  // fills graph_members_
  return graph_members_.count(name) > 0 ? j : nullptr;
}

std::vector<std::string> ChronosState::children(const std::string& name) {
  std::vector<std::string> out;
  for (const std::string& n : graph()) {
    const Job* j = stored(n);
    if (j->dependent && contains(j->parents, name)) {
      out.push_back(n);
    }
  }
  return out;
}

void ChronosState::put(Job job) {
  graph_order_.reset();
  Job* old = stored(job.name);
  const bool same_parents = old != nullptr && old->dependent && job.dependent && old->parents == job.parents;
  if (!same_parents) {
    std::erase_if(edge_counts_, [&](const auto& e) { return e.first.second == job.name; });
    for (const std::string& p : job.parents) {
      edge_counts_[{p, job.name}] = 0;
    }
  }
  const std::string name = job.name;
  if (old != nullptr) {
    *old = std::move(job);
  } else {
    index_[job.name] = store_.size();
    store_.push_back(std::move(job));
  }
  if (Job* stored_job = lookup(name); options_.v2() && stored_job != nullptr) {
    plan(*stored_job);  // registerJob/updateJob run JobScheduler.next at once
  }
}

void ChronosState::remove_job(const std::string& name) {
  const Job job = *stored(name);
  for (const std::string& child_name : children(name)) {
    Job child = *stored(child_name);
    if (job.dependent) {
      std::erase(child.parents, name);
      for (const std::string& p : job.parents) {
        if (!contains(child.parents, p)) {
          child.parents.push_back(p);
        }
      }
      put(std::move(child));
    } else {
      put(scheduled_copy(child, job));
    }
  }
  std::erase_if(store_, [&](const Job& j) { return j.name == name; });
  graph_order_.reset();
  schedules_.erase(name);
  streams_.erase(name);  // its planned tasks go in kill_tasks below
  index_.clear();  // positions after the erased job moved
  for (std::size_t i = 0; i < store_.size(); ++i) {
    index_[store_[i].name] = i;
  }
  std::erase_if(edge_counts_, [&](const auto& e) { return e.first.first == name || e.first.second == name; });
  kill_tasks(name);
  stats_.remove(name);
}

std::vector<std::string> ChronosState::executable_children(const std::string& name) {
  std::vector<std::string> ready;
  for (const std::string& child : children(name)) {
    const Job* c = stored(child);
    if (c->parents.size() == 1) {
      ready.push_back(child);
      continue;
    }
    // A child with several parents runs once every parent has succeeded since its last run:
    // this edge's count must catch up with the smallest count among its parent edges.
    const std::int64_t count = ++edge_counts_[{name, child}];
    std::int64_t min = count;
    for (const std::string& p : c->parents) {
      min = std::min(min, edge_counts_[{p, child}]);
    }
    if (count == min) {
      ready.push_back(child);
    }
  }
  return ready;
}

void ChronosState::reset_invocations(const std::string& child) {
  for (auto& [edge, count] : edge_counts_) {
    if (edge.second == child) {
      count = 0;
    }
  }
}

}  // namespace qctl::sandbox::chronos
