// What deleting a Chronos job does to the jobs that depend on it (JobScheduler.deregisterJob).
#pragma once

#include <string>
#include <vector>

#include "core/model/chronos.h"

namespace qctl::chronos {

/// One dependent job and what becomes of it.
struct Reparent {
  std::string child;
  bool becomes_scheduled = false;    // the deleted parent was a scheduled job
  std::string schedule;              // then: the parent's schedule it takes over
  std::vector<std::string> parents;  // otherwise: its parents afterwards
};

/// The dependents of `deleted` among `jobs` (their `parents` name it), in `jobs` order, minus
/// the names in `also_deleted`. Chronos turns each child of a scheduled job into a scheduled
/// job with the parent's schedule (even a child with other parents), rebuilt from a subset of
/// its fields; a child of a dependent job swaps the deleted parent for that job's parents.
[[nodiscard]] std::vector<Reparent> reparent_plan(const model::Job& deleted,
                                                  const std::vector<model::Job>& jobs,
                                                  const std::vector<std::string>& also_deleted);

/// What Chronos does to `jobs` when it deletes `deleted`: `reparent_plan`'s changes applied
/// to every dependent (those about to be deleted too), and `deleted` removed. Deleting several
/// jobs runs this in order, so a later deletion sees the graph the earlier ones left.
void apply_delete(const model::Job& deleted, std::vector<model::Job>& jobs);

/// "job/report becomes a scheduled job on R/…/P1D (…)" or "job/report: parents etl -> ingest".
[[nodiscard]] std::string reparent_line(const Reparent& r, const std::string& deleted);

}  // namespace qctl::chronos
