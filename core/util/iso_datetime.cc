#include "core/util/iso_datetime.h"

#include <algorithm>
#include <cctype>

#include "core/util/civil_date.h"

namespace qctl::util {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}

  [[nodiscard]] bool done() const { return pos_ == s_.size(); }
  /// Joda's literals match in either case ('T'/'t', 'W'/'w', 'Z'/'z').
  [[nodiscard]] bool at(char c) const {
    return pos_ < s_.size() &&
           std::tolower(static_cast<unsigned char>(s_[pos_])) == std::tolower(c);
  }
  bool take(char c) {
    if (!at(c)) {
      return false;
    }
    ++pos_;
    return true;
  }
  /// How many digits follow (without taking them).
  [[nodiscard]] std::size_t digits_ahead() const {
    std::size_t n = 0;
    while (pos_ + n < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_ + n])) != 0) {
      ++n;
    }
    return n;
  }
  /// 1..max digits as a number (Joda's decimal parsers read up to their maximum).
  std::optional<std::int64_t> number(std::size_t max) {
    const std::size_t n = std::min(digits_ahead(), max);
    if (n == 0) {
      return std::nullopt;
    }
    std::int64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) {
      v = v * 10 + (s_[pos_ + i] - '0');
    }
    pos_ += n;
    return v;
  }
  /// Exactly `n` digits (Joda's fixed-width offset fields).
  std::optional<std::int64_t> fixed(std::size_t n) {
    return digits_ahead() >= n ? number(n) : std::nullopt;
  }
  /// ('.' | ',') and 1..9 digits as ms of a `unit_ms` field, computed as Joda's Fraction
  /// parser does (integers, one extra decimal, each digit's weight truncated: ".035" of a
  /// second is 35 ms, ".0000009" of an hour 2 ms).
  std::optional<std::int64_t> fraction(std::int64_t unit_ms) {
    if (!take('.') && !take(',')) {
      return 0;
    }
    const std::size_t n = digits_ahead();
    if (n == 0 || n > 9) {
      return std::nullopt;
    }
    std::int64_t weight = unit_ms * 10;
    std::int64_t value = 0;
    for (std::size_t i = 0; i < n; ++i) {
      weight /= 10;
      value += (s_[pos_ + i] - '0') * weight;
    }
    pos_ += n;
    return value / 10;
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

// ISO day of week of a day count (1970-01-01, day 0, was a Thursday): Monday 1 .. Sunday 7.
std::int64_t iso_weekday(std::int64_t days) { return days + 3 - floor_div(days + 3, 7) * 7 + 1; }

// The Monday of ISO week 1 of `weekyear` (the week holding January 4th).
std::int64_t week_one_monday(std::int64_t weekyear) {
  const std::int64_t jan4 = days_from_civil(weekyear, 1, 4);
  return jan4 - (iso_weekday(jan4) - 1);
}

// The date part; the day count since 1970-01-01.
std::optional<std::int64_t> date(Reader& r) {
  const bool negative = r.take('-');
  if (!negative) {
    r.take('+');
  }
  auto year = r.number(9);
  // Joda's ISOChronology years run from -292275054 to 292278993.
  if (!year || (negative ? *year > 292'275'054 : *year > 292'278'993)) {
    return std::nullopt;
  }
  const std::int64_t y = negative ? -*year : *year;
  if (!r.take('-')) {
    return days_from_civil(y, 1, 1);
  }
  if (r.take('W')) {
    const auto week = r.number(2);
    const std::int64_t monday = week_one_monday(y);
    const std::int64_t weeks = (week_one_monday(y + 1) - monday) / 7;
    if (!week || *week < 1 || *week > weeks) {
      return std::nullopt;
    }
    std::int64_t weekday = 1;  // unset: Monday (DateTime.parse rounds the fields down)
    if (r.take('-')) {
      const auto e = r.number(1);
      if (!e || *e < 1 || *e > 7) {
        return std::nullopt;
      }
      weekday = *e;
    }
    return monday + (*week - 1) * 7 + (weekday - 1);
  }
  if (r.digits_ahead() == 3) {  // the longest match: yyyy-DDD, not yyyy-MM
    const auto ordinal = r.number(3);
    const std::int64_t length = days_from_civil(y + 1, 1, 1) - days_from_civil(y, 1, 1);
    if (*ordinal < 1 || *ordinal > length) {
      return std::nullopt;
    }
    return days_from_civil(y, 1, 1) + *ordinal - 1;
  }
  const auto month = r.number(2);
  if (!month || *month < 1 || *month > 12) {
    return std::nullopt;
  }
  std::int64_t day = 1;
  if (r.take('-')) {
    const auto d = r.number(2);
    if (!d || *d < 1 || *d > days_in_month(y, *month)) {
      return std::nullopt;
    }
    day = *d;
  }
  return days_from_civil(y, *month, day);
}

// HH[:mm[:ss]] with a fraction of the last field; ms since midnight.
std::optional<std::int64_t> time(Reader& r) {
  const auto hour = r.number(2);
  if (!hour || *hour > 23) {
    return std::nullopt;
  }
  std::int64_t ms = *hour * 3'600'000;
  std::int64_t last_unit = 3'600'000;
  if (r.take(':')) {
    const auto minute = r.number(2);
    if (!minute || *minute > 59) {
      return std::nullopt;
    }
    ms += *minute * 60'000;
    last_unit = 60'000;
    if (r.take(':')) {
      const auto second = r.number(2);
      if (!second || *second > 59) {
        return std::nullopt;
      }
      ms += *second * 1000;
      last_unit = 1000;
    }
  }
  const auto frac = r.fraction(last_unit);
  if (!frac) {
    return std::nullopt;
  }
  return ms + *frac;
}

// 'Z' or +HH[[:]mm[[:]ss[.fff]]] with two-digit fields (TimeZoneOffset); seconds east of UTC.
std::optional<int> offset(Reader& r) {
  if (r.take('Z')) {
    return 0;
  }
  const bool negative = r.take('-');
  if (!negative && !r.take('+')) {
    return std::nullopt;
  }
  const auto hours = r.fixed(2);
  if (!hours || *hours > 23) {
    return std::nullopt;
  }
  std::int64_t seconds = *hours * 3600;
  for (std::int64_t unit : {60, 1}) {
    const bool colon = r.take(':');
    if (!colon && r.digits_ahead() == 0) {
      break;
    }
    const auto v = r.fixed(2);
    if (!v || *v > 59) {
      return std::nullopt;
    }
    seconds += *v * unit;
  }
  if (!r.fraction(1000)) {  // milliseconds of the offset, which no zone uses
    return std::nullopt;
  }
  return static_cast<int>(negative ? -seconds : seconds);
}

}  // namespace

std::optional<IsoDateTime> parse_iso_datetime(std::string_view text) {
  Reader r(text);
  IsoDateTime out;
  std::int64_t days = 0;  // a time alone is on 1970-01-01
  const bool time_only = r.at('T');
  if (!time_only) {
    auto d = date(r);
    if (!d) {
      return std::nullopt;
    }
    days = *d;
  }
  std::int64_t ms = 0;
  if (r.take('T')) {
    if (time_only || (!r.at('Z') && !r.at('+') && !r.at('-') && !r.done())) {
      auto t = time(r);
      if (!t) {
        return std::nullopt;
      }
      ms = *t;
    }
    if (!r.done()) {
      auto off = offset(r);
      if (!off) {
        return std::nullopt;
      }
      out.offset_seconds = *off;
    }
  }
  if (!r.done()) {
    return std::nullopt;
  }
  out.local_ms = days * kDayMs + ms;
  return out;
}

}  // namespace qctl::util
