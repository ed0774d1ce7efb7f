// When a scheduled Chronos job runs next, from its ISO 8601 repeating interval and now.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/time_zone.h"

namespace qctl::chronos {

/// PnYnMnWnDTnHnMnS; seconds may carry a fraction.
struct SchedulePeriod {
  std::int64_t years = 0;
  std::int64_t months = 0;
  std::int64_t weeks = 0;
  std::int64_t days = 0;
  double seconds = 0;  // hours, minutes and seconds together

  [[nodiscard]] bool zero() const {
    return years == 0 && months == 0 && weeks == 0 && days == 0 && seconds == 0;
  }
};

/// "R[n]/<start>/<period>" as Chronos stores it (start rewritten past now after each launch).
struct RepeatingSchedule {
  std::int64_t repeat = -1;     // -1 = forever ("R"), n = runs left
  std::optional<double> start;  // epoch seconds; nullopt = empty start ("run at once")
  SchedulePeriod period;
  /// Whose wall clock the days, weeks, months and years follow: the job's scheduleTimeZone,
  /// else the offset the start was written with (UTC for an empty start).
  util::Zone zone;
};

/// Parses an ISO 8601 period ("PT1H", "P1DT12H", "P1M", "PT0.5S"); nullopt when malformed.
[[nodiscard]] std::optional<SchedulePeriod> parse_schedule_period(std::string_view text);

/// Parses Chronos' `(R[0-9]*)/(.*)/(P.*)`; nullopt when it does not match or the start is
/// not an ISO 8601 instant. A `time_zone` (the job's scheduleTimeZone) keeps the start's wall
/// clock and moves it into that zone, as Chronos does (Joda's withZoneRetainFields):
/// "R/2024-06-01T02:00:00Z/P1D" in America/New_York first runs at 02:00 New York time.
[[nodiscard]] std::optional<RepeatingSchedule> parse_repeating_schedule(
    std::string_view text, const std::string& time_zone = {});

/// `start` plus `times` periods as Joda's DateTime.plus(Period) in `zone`: years, months,
/// weeks and days on the zone's wall clock (the day clamped to the month's end, a daily job
/// keeps its hour across daylight-saving changes), hours and below as exact seconds.
[[nodiscard]] double add_periods(double start, const SchedulePeriod& period, std::int64_t times,
                                 const util::Zone& zone = {});

/// The first run at or after `now`: the start when it is still ahead, else the start moved
/// forward by whole periods (Chronos skips missed runs), within the runs left. nullopt when
/// the job will not run again from its schedule: R0, an unparsable schedule, a zero period
/// whose start passed, or no runs left before now. An empty start gives `now`. `time_zone` is
/// the job's scheduleTimeZone ("" = none).
[[nodiscard]] std::optional<double> next_run_time(std::string_view schedule,
                                                  const std::string& time_zone, double now);

}  // namespace qctl::chronos
