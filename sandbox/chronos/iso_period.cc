// ISO 8601 periods as Joda-Time's ISOPeriodFormat reads and prints them.
#include <cstdio>

#include "sandbox/chronos/iso_detail.h"
#include "sandbox/chronos/iso_time.h"

namespace qctl::sandbox::chronos {

using detail::at;
using detail::digits;

bool Period::zero() const {
  return years == 0 && months == 0 && weeks == 0 && days == 0 && hours == 0 && minutes == 0 &&
         seconds == 0 && millis == 0;
}

std::int64_t Period::standard_seconds() const {
  return ((weeks * 7 + days) * 24 + hours) * 3600 + minutes * 60 + seconds + millis / 1000;
}

std::optional<Period> parse_period(std::string_view s) {
  if (s.empty() || s[0] != 'P') {
    return std::nullopt;
  }
  Period p;
  std::size_t pos = 1;
  bool time = false;
  int last = -1;  // index of the last designator read, to enforce the order
  static constexpr std::string_view kDate = "YMWD", kTime = "HMS";
  while (pos < s.size()) {
    if (s[pos] == 'T' && !time) {
      time = true;
      last = -1;
      if (++pos == s.size()) {
        return std::nullopt;
      }
      continue;
    }
    std::size_t start = pos;
    if (s[pos] == '-') {
      ++pos;
    }
    std::int64_t v = 0;
    std::int64_t frac = 0;
    std::size_t n = 0;
    for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++n) {
      v = v * 10 + (s[pos] - '0');
    }
    if (n == 0 || n > 9) {
      return std::nullopt;
    }
    if (time && (at(s, pos, '.') || at(s, pos, ','))) {
      std::size_t d = 0;
      for (++pos; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++d) {
        frac = d < 3 ? frac * 10 + (s[pos] - '0') : frac;
      }
      for (; d < 3; ++d) {
        frac *= 10;
      }
      if (!at(s, pos, 'S')) {
        return std::nullopt;
      }
    }
    if (s[start] == '-') {
      v = -v;
      frac = -frac;
    }
    if (pos >= s.size()) {
      return std::nullopt;
    }
    const auto designators = time ? kTime : kDate;
    const auto i = designators.find(s[pos++]);
    if (i == std::string_view::npos || static_cast<int>(i) <= last) {
      return std::nullopt;
    }
    last = static_cast<int>(i);
    std::int64_t* fields[] = {&p.years, &p.months, &p.weeks, &p.days};
    std::int64_t* tfields[] = {&p.hours, &p.minutes, &p.seconds};
    *(time ? tfields[i] : fields[i]) = v;
    if (time && i == 2) {
      p.millis = frac;
    }
  }
  return p;
}

std::string format_period(const Period& p) {
  if (p.zero()) {
    return "PT0S";
  }
  std::string out = "P";
  auto put = [&](std::int64_t v, char unit) {
    if (v != 0) {
      out += std::to_string(v) + unit;
    }
  };
  put(p.years, 'Y');
  put(p.months, 'M');
  put(p.weeks, 'W');
  put(p.days, 'D');
  if (p.hours != 0 || p.minutes != 0 || p.seconds != 0 || p.millis != 0) {
    out += 'T';
    put(p.hours, 'H');
    put(p.minutes, 'M');
    if (p.millis != 0) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%lld.%03lld", static_cast<long long>(p.seconds),
                    static_cast<long long>(p.millis < 0 ? -p.millis : p.millis));
      out += std::string(buf) + 'S';
    } else {
      put(p.seconds, 'S');
    }
  }
  return out;
}

}  // namespace qctl::sandbox::chronos
