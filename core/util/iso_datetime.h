// ISO 8601 date-times as Joda-Time's DateTime.parse reads them (ISODateTimeFormat
// .dateTimeParser), which is how Chronos reads the start of a schedule.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace qctl::util {

struct IsoDateTime {
  std::int64_t local_ms = 0;          // the wall-clock fields as ms since 1970-01-01T00:00
  std::optional<int> offset_seconds;  // the offset the text gives; nullopt when none

  /// The instant, reading a text without offset in `default_offset` seconds east of UTC.
  [[nodiscard]] std::int64_t utc_ms(int default_offset = 0) const {
    return local_ms - std::int64_t{offset_seconds.value_or(default_offset)} * 1000;
  }
};

/// Joda's grammar:
///   datetime      = time | date ['T' [time-element] [offset]]
///   time          = 'T' time-element [offset]
///   date          = yyyy ['-' MM ['-' dd]] | yyyy '-' DDD | xxxx '-W' ww ['-' e]
///   time-element  = HH (':' mm (':' ss [fraction] | [fraction]) | [fraction])
///   fraction      = ('.' | ',') digit+      (of the last field given: "T10.5" is 10:30)
///   offset        = 'Z' | ('+' | '-') HH [[':'] mm [[':'] ss [fraction]]]
/// Fields read 1..2 digits (offsets exactly 2), fractions up to 9 digits (truncated to ms),
/// literals in either case. Missing fields take Joda's defaults: January, the 1st, Monday for
/// a week without a day, midnight, and 1970-01-01 for a time alone. Years may carry a sign
/// (ISOChronology's range). nullopt when the text does not parse or a field is out of range
/// (month 13, February 30, week 54, 24:00).
[[nodiscard]] std::optional<IsoDateTime> parse_iso_datetime(std::string_view text);

}  // namespace qctl::util
