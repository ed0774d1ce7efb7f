// What `qctl job submit` does with each job: create it, update it or leave it as it is; the
// body Chronos gets, and a unified-style diff against the copy on the server.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/chronos/job_file.h"
#include "core/model/chronos.h"

namespace qctl::chronos {

enum class SubmitAction { kCreate, kUpdate, kUnchanged };

/// "created" | "updated" | "unchanged".
[[nodiscard]] const char* action_word(SubmitAction action);

struct PlannedJob {
  std::string where;  // the document it came from
  std::string name;
  bool dependent = false;  // POST /dependency, else /iso8601
  nlohmann::json body;     // Chronos' own fields, as sent
  model::Job job;          // the same definition as a model (for the run-now rules)
  SubmitAction action = SubmitAction::kCreate;
  std::vector<std::string> diff;  // "-  \"cpus\": 0.5" / "+  \"cpus\": 1" for updates
  int wave = 0;                   // sent after every job of a lower wave answered
  std::int64_t success_base = 0;  // successCount / errorCount once submitted (for --wait)
  std::int64_t error_base = 0;
};

struct PlanOptions {
  std::optional<bool> high_priority;  // --priority high|normal overrides the documents
  bool v2 = false;  // Chronos 2.x: its fields (epsilon, async) instead of 3.x's
};

/// Plans checked documents (check_jobs found no error) against the jobs on the server. An
/// update keeps the server's run statistics (successCount, lastError, …) so they are not reset.
/// Throws UsageError when a document cannot be read as a job.
[[nodiscard]] std::vector<PlannedJob> plan_jobs(const std::vector<JobDocument>& docs,
                                                const std::vector<model::Job>& server,
                                                const PlanOptions& opts = {});

/// A job as Chronos' own job JSON without its run statistics (successCount, lastError, …):
/// what `job get --export` prints and `job submit -f` takes back unchanged.
[[nodiscard]] nlohmann::json job_definition(const model::Job& job, bool v2);

/// The definition fields that differ between `before` and `after` (both Chronos job bodies
/// with the stock defaults filled in), as "-  \"key\": old" and "+  \"key\": new" lines, by
/// key; a field only `before` has is a "-" line (the update drops it: Chronos replaces the
/// whole job). Run statistics are left out; for an object only the keys `after` has are
/// compared (the server adds defaults, e.g. container volumes).
[[nodiscard]] std::vector<std::string> job_diff(const nlohmann::json& before,
                                                const nlohmann::json& after);

}  // namespace qctl::chronos
