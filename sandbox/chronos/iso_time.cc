// ISO 8601 instants, periods and zones with Joda-Time's reading and printing rules.
#include "sandbox/chronos/iso_time.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/util/civil_date.h"
#include "core/util/iso_datetime.h"
#include "sandbox/chronos/iso_detail.h"

namespace qctl::sandbox::chronos {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

using detail::floor_div;

using util::civil_from_days;
using util::days_from_civil;

}  // namespace

namespace detail {

std::optional<std::int64_t> digits(std::string_view s, std::size_t& pos, std::size_t n) {
  if (pos + n > s.size()) {
    return std::nullopt;
  }
  std::int64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    v = v * 10 + (c - '0');
  }
  pos += n;
  return v;
}

bool at(std::string_view s, std::size_t pos, char c) { return pos < s.size() && s[pos] == c; }

}  // namespace detail

std::optional<DateTime> parse_datetime(std::string_view s) {
  // Joda's DateTime.parse (ISODateTimeFormat.dateTimeParser, withOffsetParsed): calendar,
  // week and ordinal dates, a time alone, fractions of the last field (core/util).
  const auto parsed = util::parse_iso_datetime(s);
  if (!parsed) {
    return std::nullopt;
  }
  const int offset = parsed->offset_seconds.value_or(0);
  return DateTime{parsed->utc_ms(), Zone::fixed(offset)};
}

std::string format_datetime(const DateTime& t) {
  const int off = t.zone.offset_at(t.ms);
  const std::int64_t local = t.ms + std::int64_t{off} * 1000;
  const std::int64_t day = floor_div(local, kDayMs);
  const std::int64_t in_day = local - day * kDayMs;
  const util::CivilDate c = civil_from_days(day);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lld",
                static_cast<long long>(c.year), static_cast<long long>(c.month),
                static_cast<long long>(c.day), static_cast<long long>(in_day / 3'600'000),
                static_cast<long long>(in_day / 60'000 % 60),
                static_cast<long long>(in_day / 1000 % 60), static_cast<long long>(in_day % 1000));
  std::string out = buf;
  if (off == 0) {
    return out + "Z";
  }
  const int a = off < 0 ? -off : off;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  return out + buf;
}

std::string utc_string(double seconds) {
  return format_datetime(DateTime{static_cast<std::int64_t>(std::floor(seconds * 1000)), Zone{}});
}

DateTime plus(const DateTime& start, const Period& p, std::int64_t times) {
  std::int64_t ms = start.ms;
  if (p.years != 0 || p.months != 0 || p.weeks != 0 || p.days != 0) {
    const std::int64_t local = ms + std::int64_t{start.zone.offset_at(ms)} * 1000;
    const std::int64_t day = floor_div(local, kDayMs);
    const std::int64_t in_day = local - day * kDayMs;
    const util::CivilDate c =
        util::add_months(civil_from_days(day), (p.years * 12 + p.months) * times);
    const std::int64_t new_day =
        days_from_civil(c.year, c.month, c.day) + (p.weeks * 7 + p.days) * times;
    ms = start.zone.to_utc(new_day * kDayMs + in_day);
  }
  ms += (((p.hours * 60 + p.minutes) * 60 + p.seconds) * 1000 + p.millis) * times;
  return DateTime{ms, start.zone};
}

}  // namespace qctl::sandbox::chronos
