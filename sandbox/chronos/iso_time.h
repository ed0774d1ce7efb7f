// ISO 8601 instants, periods and time zones the way Chronos' Joda-Time code reads and prints them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/time_zone.h"

namespace qctl::sandbox::chronos {

using util::Zone;  // core/util/time_zone.h

/// An instant plus the zone it prints in (Joda's DateTime).
struct DateTime {
  std::int64_t ms = 0;  // since the epoch, UTC
  Zone zone;
};

/// Joda `DateTime.parse`: "2024-05-31", "2024-05-31T16:00", "2024-05-31T16:00:00.000+08:00",
/// "2024-W22-5T09:00Z", "2024-153", "T10:00Z", … (core/util/iso_datetime.h).
/// The offset in the text becomes the zone; none means UTC (the sandbox's default zone).
[[nodiscard]] std::optional<DateTime> parse_datetime(std::string_view text);
/// Joda `ISODateTimeFormat.dateTime`: "2024-05-31T16:00:00.000Z" / "…+08:00".
[[nodiscard]] std::string format_datetime(const DateTime& t);
/// `DateTime.now(UTC).toString` for a World time in seconds.
[[nodiscard]] std::string utc_string(double seconds);

/// An ISO 8601 period, PnYnMnWnDTnHnMnS (seconds may carry milliseconds).
struct Period {
  std::int64_t years = 0, months = 0, weeks = 0, days = 0;
  std::int64_t hours = 0, minutes = 0, seconds = 0, millis = 0;
  [[nodiscard]] bool zero() const;
  /// Joda `toStandardSeconds`: weeks as 7 days, days as 24 hours (years/months must be 0).
  [[nodiscard]] std::int64_t standard_seconds() const;
};

/// Joda `ISOPeriodFormat.standard().parsePeriod`; nullopt when malformed.
[[nodiscard]] std::optional<Period> parse_period(std::string_view text);
/// Joda `ISOPeriodFormat.standard().print`: "PT1H", "P1D", "PT0S" for zero.
[[nodiscard]] std::string format_period(const Period& p);
/// `start.plus(period.multipliedBy(times))`: calendar fields on the zone's wall clock,
/// hours and below as exact durations.
[[nodiscard]] DateTime plus(const DateTime& start, const Period& p, std::int64_t times);

}  // namespace qctl::sandbox::chronos
