// New-job validation with Chronos' messages (Iso8601JobResource, DependentJobResource).
#include "sandbox/chronos/validation.h"

#include "sandbox/chronos/schedule.h"

namespace qctl::sandbox::chronos {

std::optional<JobError> new_job_error(const Job& job, double now, int api_version) {
  if (!valid_job_name(job.name, api_version)) {
    return JobError{true, false,
                    "the job's name is invalid. Allowed names: '" + job_name_pattern(api_version) + "'"};
  }
  if (job.dependent) {
    if (job.parents.empty()) {
      return JobError{false, true, "Error, parent does not exist"};
    }
    return std::nullopt;
  }
  auto schedule = parse_schedule(job.schedule, job.schedule_time_zone, now);
  if (!schedule) {
    return JobError{false, false, "Cannot parse schedule '" + job.schedule + "' (wtf bro)"};
  }
  if (api_version < 3 && period_seconds_zero(schedule->period) &&
      schedule->start.ms + 60'000 < static_cast<std::int64_t>(now * 1000)) {
    // makeScheduleStream's skipForward divides by the period's seconds.
    return JobError{false, true, "java.lang.ArithmeticException: / by zero"};
  }
  if (api_version >= 3 && schedule->start.ms < 1000) {  // before 1970-01-01T00:00:01Z
    return JobError{false, false,
                    "Scheduled start date '" + format_datetime(schedule->start) + "' is before 1970!"};
  }
  if (!job.uris.empty() && !job.fetch.empty()) {
    return JobError{false, false,
                    "Tried to add both uri (deprecated) and fetch parameters on " + job.name};
  }
  return std::nullopt;
}

}  // namespace qctl::sandbox::chronos
