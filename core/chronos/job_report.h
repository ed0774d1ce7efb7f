// How `qctl job submit` reports each job: result lines, JSON objects, dry-run previews and
// the --wait progress line.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/chronos/job_batch.h"
#include "core/chronos/job_plan.h"
#include "core/chronos/job_wait.h"

namespace qctl::chronos {

/// One job's fate: its upsert, then its run-now trigger (--now) and run (--wait) if asked.
struct SubmitResult {
  const PlannedJob* job = nullptr;
  BatchOutcome upsert;
  std::optional<BatchOutcome> trigger;
  std::optional<RunState> run;
  /// Why no run of this job is triggered or awaited (Chronos would ignore the trigger, or
  /// the job does not start by itself without --now); "" when one is.
  std::string no_run;
  /// A run-once job (no schedule, no parents) that was just sent: Chronos starts its one run
  /// by itself, so --now sends no trigger (2.x would run it twice) and --wait awaits that run.
  bool runs_by_itself = false;
  bool after_current_run = false;  // it waits for a run of the job still going (3.x)
};

/// "created" | "updated" | "unchanged" | "failed" | "not submitted".
[[nodiscard]] std::string result_word(const SubmitResult& r);

/// "job/NAME created", "job/NAME failed: HTTP 503: …", "job/NAME not submitted: interrupted".
[[nodiscard]] std::string result_line(const SubmitResult& r);

/// "job/NAME triggered", "job/NAME runs by itself (due at once): no trigger sent",
/// "job/NAME not triggered: is already queued: …" or
/// "job/NAME failed: run now: …".
[[nodiscard]] std::string trigger_line(const SubmitResult& r);

/// {"name","source","result","error"?,"endpoint","triggered"?,"runs_by_itself"?,"trigger_error"?,"no_run"?,
///  "run"?}.
[[nodiscard]] nlohmann::json result_json(const SubmitResult& r, const std::string& prefix);

/// The request a job would get: "job/NAME created (dry run): POST /v1/scheduler/iso8601" and
/// the body, or for an update the unified-style diff against the server's copy.
[[nodiscard]] std::string dry_run_text(const PlannedJob& job, const std::string& prefix);

/// {"name","source","result","dry_run":true,"request":{"method","path","body"},"diff":[…]}.
[[nodiscard]] nlohmann::json dry_run_json(const PlannedJob& job, const std::string& prefix);

/// "waiting for job/x: running (12s)" or "waiting: 3 succeeded, 1 failed, 6 running (12s)".
[[nodiscard]] std::string progress_line(const WaitProgress& p);

}  // namespace qctl::chronos
