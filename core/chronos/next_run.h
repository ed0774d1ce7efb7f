// When a scheduled Chronos job runs next, from its ISO 8601 repeating interval and now.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

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
  /// Years and months are calendar fields; everything else is a fixed length.
  [[nodiscard]] bool calendar() const { return years != 0 || months != 0; }
};

/// "R[n]/<start>/<period>" as Chronos stores it (start rewritten past now after each launch).
struct RepeatingSchedule {
  std::int64_t repeat = -1;     // -1 = forever ("R"), n = runs left
  std::optional<double> start;  // epoch seconds; nullopt = empty start ("run at once")
  SchedulePeriod period;
};

/// Parses an ISO 8601 period ("PT1H", "P1DT12H", "P1M", "PT0.5S"); nullopt when malformed.
[[nodiscard]] std::optional<SchedulePeriod> parse_schedule_period(std::string_view text);

/// Parses Chronos' `(R[0-9]*)/(.*)/(P.*)`; nullopt when it does not match or the start is
/// not an ISO 8601 instant.
[[nodiscard]] std::optional<RepeatingSchedule> parse_repeating_schedule(std::string_view text);

/// `start` plus `times` periods: calendar fields on the UTC calendar (day clamped to the
/// month's end, as Joda does), the rest as exact seconds.
[[nodiscard]] double add_periods(double start, const SchedulePeriod& period, std::int64_t times);

/// The first run at or after `now`: the start when it is still ahead, else the start moved
/// forward by whole periods (Chronos skips missed runs), within the runs left. nullopt when
/// the job will not run again from its schedule: R0, an unparsable schedule, a zero period
/// whose start passed, or no runs left before now. An empty start gives `now`.
[[nodiscard]] std::optional<double> next_run_time(std::string_view schedule, double now);

}  // namespace qctl::chronos
