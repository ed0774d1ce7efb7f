// Chronos' repeating-interval schedules, mimicking Iso8601Expressions and JobUtils.skipForward.
#include "sandbox/chronos/schedule.h"

#include <cmath>
#include <limits>

namespace qctl::sandbox::chronos {

namespace {

std::int64_t to_ms(double seconds) { return static_cast<std::int64_t>(std::floor(seconds * 1000)); }

// JobUtils.calculateSkips: whole periods (integer seconds, as Joda's Seconds) to get past now.
std::int64_t skips(std::int64_t now_ms, const Schedule& s) {
  if (s.start.ms >= now_ms || s.period.zero()) {
    return 0;
  }
  const std::int64_t between = (now_ms - s.start.ms) / 1000;
  std::int64_t step = 0;
  if (s.period.months == 0 && s.period.years == 0) {
    step = s.period.standard_seconds();
  } else {
    // Months and years have no fixed length: Chronos measures the period from now.
    const DateTime from{now_ms, s.start.zone};
    step = (plus(from, s.period, 1).ms - now_ms) / 1000;
  }
  return step <= 0 ? 0 : between / step + 1;
}

}  // namespace

bool period_seconds_zero(const Period& period) {
  return period.months == 0 && period.years == 0 && period.standard_seconds() <= 0;
}

std::optional<Schedule> parse_schedule(const std::string& text, const std::string& time_zone,
                                       double now) {
  const auto first = text.find('/');
  const auto last = text.rfind("/P");
  if (first == std::string::npos || last == std::string::npos || last < first || text[0] != 'R') {
    return std::nullopt;
  }
  Schedule s;
  const std::string repeat = text.substr(1, first - 1);
  if (repeat.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  if (!repeat.empty()) {
    // Scala's toLong: more than 18 digits may overflow, which Chronos reports as unparsable.
    if (repeat.size() > 18) {
      return std::nullopt;
    }
    s.repeat = std::stoll(repeat);
  }
  const std::string start = last > first ? text.substr(first + 1, last - first - 1) : "";
  if (start.empty()) {
    s.start = DateTime{to_ms(now) - 1000, Zone{}};
  } else {
    auto parsed = parse_datetime(start);
    if (!parsed) {
      return std::nullopt;
    }
    s.start = *parsed;
    if (!time_zone.empty()) {
      // withZoneRetainFields: same wall clock, other zone.
      const std::int64_t local = parsed->ms + std::int64_t{parsed->zone.offset_at(parsed->ms)} * 1000;
      const Zone zone = Zone::named(time_zone);
      s.start = DateTime{zone.to_utc(local), zone};
    }
  }
  auto period = parse_period(std::string_view(text).substr(last + 1));
  if (!period) {
    return std::nullopt;
  }
  s.period = *period;
  return s;
}

std::string format_schedule(const Schedule& s) {
  const std::string tail = "/" + format_datetime(s.start) + "/" + format_period(s.period);
  return s.repeat == -1 ? "R" + tail : "R" + std::to_string(s.repeat) + tail;
}

std::optional<std::string> skip_forward(const std::string& text, const std::string& time_zone,
                                        double now) {
  auto s = parse_schedule(text, time_zone, now);
  if (!s) {
    return std::nullopt;
  }
  const std::int64_t n = skips(to_ms(now), *s);
  s->start = plus(s->start, s->period, n);
  if (s->repeat != -1) {
    s->repeat -= 1;  // Chronos lets this reach -1, which then reads as unbounded
  }
  return format_schedule(*s);
}

}  // namespace qctl::sandbox::chronos
