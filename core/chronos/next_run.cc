#include "core/chronos/next_run.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "core/util/civil_date.h"
#include "core/util/iso_datetime.h"

namespace qctl::chronos {

namespace {

// Reads digits (and, for seconds, a fraction) up to the designator; false when none.
bool read_number(std::string_view& s, double& value, bool fraction_ok) {
  std::size_t i = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) != 0 ||
                          (fraction_ok && (s[i] == '.' || s[i] == ',')))) {
    ++i;
  }
  if (i == 0) {
    return false;
  }
  std::string digits(s.substr(0, i));
  for (auto& c : digits) {
    c = c == ',' ? '.' : c;
  }
  value = std::stod(digits);
  s.remove_prefix(i);
  return true;
}

}  // namespace

std::optional<SchedulePeriod> parse_schedule_period(std::string_view s) {
  if (s.size() < 2 || s.front() != 'P') {
    return std::nullopt;
  }
  s.remove_prefix(1);
  SchedulePeriod p;
  bool time = false;
  bool any = false;
  while (!s.empty()) {
    if (s.front() == 'T') {
      if (time) {
        return std::nullopt;
      }
      time = true;
      s.remove_prefix(1);
      continue;
    }
    double v = 0;
    if (!read_number(s, v, time) || s.empty()) {
      return std::nullopt;
    }
    const char unit = s.front();
    s.remove_prefix(1);
    any = true;
    const auto whole = static_cast<std::int64_t>(v);
    if (!time && unit == 'Y') {
      p.years += whole;
    } else if (!time && unit == 'M') {
      p.months += whole;
    } else if (!time && unit == 'W') {
      p.weeks += whole;
    } else if (!time && unit == 'D') {
      p.days += whole;
    } else if (time && unit == 'H') {
      p.seconds += v * 3600;
    } else if (time && unit == 'M') {
      p.seconds += v * 60;
    } else if (time && unit == 'S') {
      p.seconds += v;
    } else {
      return std::nullopt;
    }
  }
  if (!any) {
    return std::nullopt;
  }
  return p;
}

std::optional<RepeatingSchedule> parse_repeating_schedule(std::string_view text,
                                                          const std::string& time_zone) {
  const auto first = text.find('/');
  const auto last = text.rfind('/');
  if (first == std::string_view::npos || first == last || text.front() != 'R') {
    return std::nullopt;
  }
  RepeatingSchedule out;
  const auto repeat = text.substr(1, first - 1);
  if (!repeat.empty()) {
    double n = 0;
    auto rest = repeat;
    if (!read_number(rest, n, false) || !rest.empty()) {
      return std::nullopt;
    }
    out.repeat = static_cast<std::int64_t>(n);
  }
  const auto start = text.substr(first + 1, last - first - 1);
  if (!start.empty()) {
    // As Chronos reads it (Joda's DateTime.parse): "2024-05-01T02:00Z", "2024-W18-3", …
    const auto parsed = util::parse_iso_datetime(start);
    if (!parsed) {
      return std::nullopt;
    }
    // DateTime.parse keeps the written offset as the zone (none: UTC, Chronos' JVM zone);
    // a scheduleTimeZone replaces it and keeps the wall clock (withZoneRetainFields).
    out.zone = time_zone.empty() ? util::Zone::fixed(parsed->offset_seconds.value_or(0))
                                 : util::Zone::named(time_zone);
    out.start = static_cast<double>(time_zone.empty() ? parsed->utc_ms()
                                                      : out.zone.to_utc(parsed->local_ms)) /
                1000.0;
  }
  const auto period = parse_schedule_period(text.substr(last + 1));
  if (!period) {
    return std::nullopt;
  }
  out.period = *period;
  return out;
}

double add_periods(double start, const SchedulePeriod& p, std::int64_t times,
                   const util::Zone& zone) {
  double t = start;
  if (p.years != 0 || p.months != 0 || p.weeks != 0 || p.days != 0) {
    constexpr std::int64_t kDayMs = 86'400'000;
    const double ms = std::floor(start * 1000.0);
    const double fraction = start * 1000.0 - ms;  // below the millisecond, kept as it was
    const auto utc = static_cast<std::int64_t>(ms);
    const std::int64_t local = utc + std::int64_t{zone.offset_at(utc)} * 1000;
    const std::int64_t day = util::floor_div(local, kDayMs);
    const util::CivilDate date =
        util::add_months(util::civil_from_days(day), (p.years * 12 + p.months) * times);
    const std::int64_t new_day = util::days_from_civil(date.year, date.month, date.day) +
                                 (p.weeks * 7 + p.days) * times;
    t = (static_cast<double>(zone.to_utc(new_day * kDayMs + (local - day * kDayMs))) + fraction) /
        1000.0;
  }
  return t + p.seconds * static_cast<double>(times);
}

std::optional<double> next_run_time(std::string_view schedule, const std::string& time_zone,
                                    double now) {
  const auto s = parse_repeating_schedule(schedule, time_zone);
  if (!s || s->repeat == 0) {
    return std::nullopt;
  }
  if (!s->start) {
    return now;
  }
  if (*s->start >= now) {
    return s->start;
  }
  if (s->period.zero()) {
    return std::nullopt;
  }
  // Estimate the number of periods with the average length, then correct by stepping.
  const double average = add_periods(0, s->period, 1);  // UTC: an estimate
  auto k = static_cast<std::int64_t>(std::floor((now - *s->start) / average));
  k = std::max<std::int64_t>(k - 1, 0);
  while (add_periods(*s->start, s->period, k, s->zone) < now) {
    ++k;
  }
  if (s->repeat > 0 && k >= s->repeat) {  // Rn: runs at start + 0..n-1 periods
    return std::nullopt;
  }
  return add_periods(*s->start, s->period, k, s->zone);
}

}  // namespace qctl::chronos
