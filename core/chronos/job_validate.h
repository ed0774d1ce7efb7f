// Local checks of job documents before anything is sent: Chronos' own rules (name pattern,
// schedule, time zone, uris vs fetch) plus what Chronos would silently get wrong (constraint
// operators it drops, parents that do not exist, resources <= 0). Messages name the field.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/chronos/job_file.h"

namespace qctl::chronos {

/// What is wrong ("jobs.json[3].schedule: …") and what is only suspicious (unknown fields).
struct JobProblems {
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};

struct ValidateOptions {
  std::string zoneinfo_dir = "/usr/share/zoneinfo";  // scheduleTimeZone must exist here
  bool chronos_v2 = false;  // Chronos 2.x: its name rule, no 1970 limit
};

/// Chronos' JobUtils.jobNamePattern `([\w\.-]+)`: ASCII letters, digits, '_', '.', '-';
/// 2.x's `([\w\s\.#_-]+)` also whitespace and '#'.
[[nodiscard]] bool valid_job_name(std::string_view name, bool v2 = false);
/// The rule above in words, for messages.
[[nodiscard]] std::string job_name_rule(bool v2);

/// Why `schedule` is not `R[n]/[start]/<ISO 8601 period>` as Chronos parses it (3.x also
/// refuses a start before 1970-01-01T00:00:01Z, 2.x does not); "" when it is.
[[nodiscard]] std::string schedule_problem(std::string_view schedule, bool v2 = false);

/// Why `zone` is not a time zone Chronos (Joda) knows; "" when it is (or empty).
[[nodiscard]] std::string time_zone_problem(const std::string& zone, const ValidateOptions& opts);

/// Checks one document on its own: field types, values, unknown fields (warnings).
void check_job_document(const JobDocument& doc, const ValidateOptions& opts, JobProblems& out);

/// Checks a batch: every document, names given twice, parents that are neither on the server
/// (`server_names`) nor in the batch, and dependency cycles, inside the batch or through the
/// server's dependent jobs (`server_parents`: name -> parents; Chronos answers 500 to an
/// update that closes one).
[[nodiscard]] JobProblems check_jobs(
    const std::vector<JobDocument>& docs, const std::set<std::string>& server_names,
    const ValidateOptions& opts = {},
    const std::map<std::string, std::vector<std::string>>& server_parents = {});

/// For each document, the wave it is sent in: 0 without parents in the batch, else one more
/// than its latest parent in the batch (children are sent after their parents answered).
/// Empty when the batch has a dependency cycle.
[[nodiscard]] std::vector<int> dependency_waves(const std::vector<JobDocument>& docs);

}  // namespace qctl::chronos
