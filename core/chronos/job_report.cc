#include "core/chronos/job_report.h"

#include <cmath>

#include "core/output/format.h"

namespace qctl::chronos {

namespace {

using State = BatchOutcome::State;

std::string endpoint(const PlannedJob& job, const std::string& prefix) {
  return prefix + (job.dependent ? "/dependency" : "/iso8601");
}

std::string seconds(double s) {
  return std::to_string(static_cast<long long>(std::floor(std::max(s, 0.0)))) + "s";
}

}  // namespace

std::string result_word(const SubmitResult& r) {
  switch (r.upsert.state) {
    case State::kOk:
      return action_word(r.job->action);
    case State::kFailed:
      return "failed";
    case State::kNotSent:
      return "not submitted";
  }
  return "";
}

std::string result_line(const SubmitResult& r) {
  std::string line = "job/" + r.job->name + " " + result_word(r);
  if (r.upsert.state == State::kFailed) {
    line += ": " + r.upsert.error;
  } else if (r.upsert.state == State::kNotSent) {
    line += ": interrupted";
  }
  return line;
}

std::string trigger_line(const SubmitResult& r) {
  if (r.runs_by_itself) {
    return "job/" + r.job->name + " runs by itself (" +
           (r.after_current_run ? "after the run still going" : "due at once") +
           "): no trigger sent";
  }
  if (!r.no_run.empty()) {
    return "job/" + r.job->name + " not triggered: " + r.no_run;
  }
  if (!r.trigger || r.trigger->state == State::kNotSent) {
    return "job/" + r.job->name + " not triggered: interrupted";
  }
  if (r.trigger->state == State::kFailed) {
    return "job/" + r.job->name + " failed: run now: " + r.trigger->error;
  }
  return "job/" + r.job->name + " triggered";
}

nlohmann::json result_json(const SubmitResult& r, const std::string& prefix) {
  nlohmann::json out = {{"name", r.job->name},
                        {"source", r.job->where},
                        {"result", result_word(r)},
                        {"endpoint", endpoint(*r.job, prefix)}};
  if (r.upsert.state == State::kFailed) {
    out["error"] = r.upsert.error;
  }
  if (r.runs_by_itself) {
    out["triggered"] = false;
    out["runs_by_itself"] = true;
  }
  if (r.trigger) {
    out["triggered"] = r.trigger->state == State::kOk;
    if (r.trigger->state == State::kFailed) {
      out["trigger_error"] = r.trigger->error;
    }
  }
  if (!r.no_run.empty()) {
    out["triggered"] = false;
    out["no_run"] = r.no_run;
  }
  if (r.run) {
    out["run"] = run_state_word(*r.run);
  }
  return out;
}

std::string dry_run_text(const PlannedJob& job, const std::string& prefix) {
  std::string out = "job/" + job.name + " " + action_word(job.action) + " (dry run)";
  if (job.action == SubmitAction::kUnchanged) {
    return out + "\n";
  }
  out += ": POST " + endpoint(job, prefix) + "\n";
  if (job.action == SubmitAction::kCreate) {
    return out + output::json_text(job.body, 2) + "\n";  // control characters escaped
  }
  out += "--- job/" + job.name + " (server)\n+++ job/" + job.name + " (" + job.where + ")\n";
  for (const auto& line : job.diff) {
    out += line + "\n";
  }
  return out;
}

nlohmann::json dry_run_json(const PlannedJob& job, const std::string& prefix) {
  return {{"name", job.name},
          {"source", job.where},
          {"result", action_word(job.action)},
          {"dry_run", true},
          {"request", {{"method", "POST"}, {"path", endpoint(job, prefix)}, {"body", job.body}}},
          {"diff", job.diff}};
}

std::string progress_line(const WaitProgress& p) {
  if (p.succeeded + p.failed + p.pending == 1 && p.pending == 1) {
    const auto state = p.first_pending_state.empty() ? "waiting" : p.first_pending_state;
    return "waiting for job/" + p.first_pending + ": " + state + " (" + seconds(p.elapsed_seconds) +
           ")";
  }
  return "waiting: " + std::to_string(p.succeeded) + " succeeded, " + std::to_string(p.failed) +
         " failed, " + std::to_string(p.pending) + " running (" + seconds(p.elapsed_seconds) + ")";
}

}  // namespace qctl::chronos
