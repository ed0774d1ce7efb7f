// Chronos 2.5's scheduling (JobScheduler.next, JobUtils.makeScheduleStream): each scheduled
// job has a stream of occurrences; one due within the schedule horizon is planned as a
// delayed task and the stored schedule is rewritten to the rest of the stream at once;
// occurrences older than the job's epsilon are skipped. Its queues keep every task (no
// dedup), so this planning is what keeps a due job from being queued on every tick.
#include <algorithm>
#include <cmath>

#include "sandbox/chronos/schedule.h"
#include "sandbox/chronos/state.h"

namespace qctl::sandbox::chronos {

namespace {

/// --schedule_horizon: occurrences this close are planned.
constexpr std::int64_t kHorizonMs = 60'000;
/// A bound on the occurrences one call walks (a tiny period would otherwise plan thousands).
constexpr int kMaxSteps = 1000;

// The stream's next occurrence after `s` (a bounded count drops by one).
Schedule advance(Schedule s) {
  if (s.repeat > 0) {
    --s.repeat;
  }
  s.start = plus(s.start, s.period, 1);
  return s;
}

// The epsilon in ms from `now` (a period with months has no fixed length).
std::int64_t epsilon_ms(const std::optional<Period>& epsilon, std::int64_t now_ms) {
  if (!epsilon) {
    return 60'000;
  }
  const DateTime from{now_ms, Zone{}};
  return plus(from, *epsilon, 1).ms - now_ms;
}

// JobUtils.skipForward at 2.5.1 (makeScheduleStream): a start more than epsilon in the past
// jumps by whole periods (floor of seconds between over the period's seconds; months one at
// a time until not before now), and a bounded count that cannot pay the skips leaves no
// stream. A period that does not move forward gives none either.
std::optional<Schedule> make_stream(Schedule s, std::int64_t now_ms, std::int64_t epsilon) {
  if (plus(s.start, s.period, 1).ms <= s.start.ms ||
      (s.start.ms + epsilon < now_ms && period_seconds_zero(s.period))) {
    return std::nullopt;  // 2.5 fails on these (validation.cc answers new ones with a 500)
  }
  if (s.start.ms + epsilon >= now_ms) {
    return s;
  }
  std::int64_t skips = 0;
  if (s.period.months == 0 && s.period.years == 0) {
    skips = (now_ms - s.start.ms) / 1000 / s.period.standard_seconds();
    s.start = plus(s.start, s.period, skips);
  } else {
    while (s.start.ms < now_ms) {
      s.start = plus(s.start, s.period, 1);
      ++skips;
    }
  }
  if (s.repeat >= 0) {
    if (s.repeat < skips) {
      return std::nullopt;
    }
    s.repeat -= skips;
  }
  return s;
}

}  // namespace

void ChronosState::plan(Job& job) {
  if (job.dependent || job.disabled) {
    return;
  }
  const std::int64_t now = now_ms();
  Stream& stream = streams_[job.name];
  if (const std::string_view text = job.epsilon ? std::string_view(*job.epsilon) : "PT60S";
      stream.epsilon_source != text) {
    stream.epsilon_source = text;  // parsed once per change, not on every tick
    stream.epsilon = parse_period(text);
  }
  const std::int64_t epsilon = epsilon_ms(stream.epsilon, now);
  if (stream.source != job.schedule || stream.zone != job.schedule_time_zone) {
    // 2.5's Iso8601Expressions: an empty start is exactly now (3.x: a second earlier).
    stream.source = job.schedule;
    stream.zone = job.schedule_time_zone;
    auto parsed = parse_schedule(job.schedule, job.schedule_time_zone, world_.now() + 1.0);
    stream.next = parsed ? make_stream(*parsed, now, epsilon) : std::nullopt;
  }
  if (!stream.next) {
    return;
  }
  // JobScheduler.scheduleStream: every occurrence before the horizon is planned (or skipped
  // when more than epsilon late), and the stored schedule moves past all of them.
  Schedule& next = *stream.next;
  bool planned = false;
  for (int step = 0; step < kMaxSteps && next.repeat != 0 && next.start.ms < now + kHorizonMs;
       ++step) {
    if (next.start.ms > now - epsilon) {
      planned_.push_back(
          Planned{next.start.ms,
                  make_task_id(job.name, next.start.ms, 0, joined_arguments(job.arguments)),
                  job.name, job.high_priority});
      planned = true;
    }
    next = advance(next);
  }
  if (planned) {
    job.schedule = format_schedule(next);
    stream.source = job.schedule;
  }
}

void ChronosState::run_due_jobs_v2() {
  for (const std::string& name : graph()) {
    plan(*stored(name));
  }
  const std::int64_t now = now_ms();
  auto due = take_due(planned_, [&](const Planned& p) { return p.due_ms <= now; });
  std::stable_sort(due.begin(), due.end(),
                   [](const Planned& a, const Planned& b) { return a.due_ms < b.due_ms; });
  for (const Planned& p : due) {
    enqueue(p.task_id, p.high_priority);
  }
}

}  // namespace qctl::sandbox::chronos
