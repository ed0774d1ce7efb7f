// Proleptic Gregorian calendar arithmetic (Howard Hinnant's civil-date algorithms): what the
// Chronos schedule checks, next-run times and the sandbox's Joda-Time emulation share.
#pragma once

#include <cstdint>

namespace qctl::util {

struct CivilDate {
  std::int64_t year = 1970;
  std::int64_t month = 1;  // 1..12
  std::int64_t day = 1;    // 1..31
};

/// a / b rounded towards negative infinity (b != 0).
[[nodiscard]] inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

/// Days since 1970-01-01 of a date (negative before it).
[[nodiscard]] std::int64_t days_from_civil(std::int64_t year, std::int64_t month, std::int64_t day);
/// The date `days` days after 1970-01-01.
[[nodiscard]] CivilDate civil_from_days(std::int64_t days);
/// 28..31; `month` is 1..12.
[[nodiscard]] std::int64_t days_in_month(std::int64_t year, std::int64_t month);
/// `date` moved by `months` (negative: back), the day clamped to the month's last as Joda's
/// plusMonths does: 2024-01-31 + 1 month = 2024-02-29.
[[nodiscard]] CivilDate add_months(const CivilDate& date, std::int64_t months);

}  // namespace qctl::util
