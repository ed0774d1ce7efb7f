#include "core/chronos/job_delete.h"

#include <algorithm>

#include "core/util/strings.h"

namespace qctl::chronos {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

std::vector<Reparent> reparent_plan(const model::Job& deleted, const std::vector<model::Job>& jobs,
                                    const std::vector<std::string>& also_deleted) {
  std::vector<Reparent> out;
  for (const auto& job : jobs) {
    if (!contains(job.parents, deleted.name) || job.name == deleted.name ||
        contains(also_deleted, job.name)) {
      continue;
    }
    Reparent r;
    r.child = job.name;
    if (!deleted.is_dependent()) {
      r.becomes_scheduled = true;
      r.schedule = deleted.schedule;
    } else {
      for (const auto& p : job.parents) {
        if (p != deleted.name) {
          r.parents.push_back(p);
        }
      }
      for (const auto& p : deleted.parents) {
        if (!contains(r.parents, p)) {
          r.parents.push_back(p);
        }
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

void apply_delete(const model::Job& deleted, std::vector<model::Job>& jobs) {
  const model::Job gone = deleted;  // `deleted` may be an element of `jobs`
  for (const auto& r : reparent_plan(gone, jobs, {})) {
    for (auto& job : jobs) {
      if (job.name != r.child) {
        continue;
      }
      if (r.becomes_scheduled) {
        job.parents.clear();
        job.schedule = r.schedule;
        job.schedule_time_zone = gone.schedule_time_zone;
      } else {
        job.parents = r.parents;
      }
    }
  }
  jobs.erase(std::remove_if(jobs.begin(), jobs.end(),
                            [&](const model::Job& j) { return j.name == gone.name; }),
             jobs.end());
}

std::string reparent_line(const Reparent& r, const std::string& deleted) {
  if (r.becomes_scheduled) {
    return "job/" + r.child + " becomes a scheduled job on " + r.schedule +
           " (Chronos rebuilds it from some of its fields: container, environment, arguments, "
           "constraints, description, owner name and run-as user are dropped, and it runs "
           "through a shell)";
  }
  return "job/" + r.child + " now depends on " +
         (r.parents.empty() ? std::string("nothing") : util::join(r.parents, ",")) +
         " instead of " + deleted;
}

}  // namespace qctl::chronos
