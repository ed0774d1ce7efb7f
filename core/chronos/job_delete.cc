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

std::string reparent_line(const Reparent& r, const std::string& deleted) {
  if (r.becomes_scheduled) {
    return "job/" + r.child + " becomes a scheduled job on " + r.schedule +
           " (Chronos keeps only some of its fields: container, environment, arguments and "
           "constraints are dropped)";
  }
  return "job/" + r.child + " now depends on " +
         (r.parents.empty() ? std::string("nothing") : util::join(r.parents, ",")) +
         " instead of " + deleted;
}

}  // namespace qctl::chronos
