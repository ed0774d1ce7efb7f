#include "core/chronos/run_check.h"

#include "core/chronos/next_run.h"

#include <cctype>

namespace qctl::chronos {

int running_count(const std::string& state) {
  if (state == "running") {
    return 1;
  }
  const auto space = state.find(' ');
  if (space == std::string::npos || state.compare(space + 1, std::string::npos, "running") != 0) {
    return 0;
  }
  int n = 0;
  for (std::size_t i = 0; i < space; ++i) {
    if (std::isdigit(static_cast<unsigned char>(state[i])) == 0) {
      return 0;
    }
    n = n * 10 + (state[i] - '0');
  }
  return n;
}

std::string state_family(const std::string& state) {
  if (running_count(state) > 0) {
    return "running";
  }
  return state.empty() ? "idle" : state;
}

std::optional<IgnoredTrigger> ignored_trigger(const model::Job& job, const std::string& state,
                                              bool v2, bool requeued) {
  const std::string subject = "job " + job.name;
  if (job.disabled) {
    return IgnoredTrigger{subject + " is disabled: Chronos ignores the trigger",
                          "enable it first: submit it again with \"disabled\": false"};
  }
  if (state == "queued" && !(v2 && requeued)) {
    return IgnoredTrigger{subject + " is already queued: Chronos ignores the trigger",
                          v2 ? "Chronos 2.x queues the trigger too but launches one task per job "
                               "in an offer round and drops the other; the queued run goes "
                               "ahead when an offer fits"
                             : "Chronos keeps one queued task per job; it runs when an offer fits"};
  }
  if (running_count(state) > 0 && !job.concurrent) {
    return IgnoredTrigger{subject +
                              " is already running and not concurrent: Chronos ignores "
                              "the trigger",
                          "wait for the run to finish (qctl job status " + job.name +
                              " --watch), or kill it with qctl job kill " + job.name};
  }
  return std::nullopt;
}

bool starts_when_sent(const model::Job& job) {
  if (job.disabled || !job.parents.empty()) {
    return false;
  }
  if (job.schedule.empty()) {
    return true;
  }
  const auto schedule = parse_repeating_schedule(job.schedule, job.schedule_time_zone);
  return schedule && !schedule->start && schedule->repeat != 0;
}

}  // namespace qctl::chronos
