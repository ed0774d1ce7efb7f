#include "core/util/duration.h"

#include "core/util/iso_datetime.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>

namespace qctl::util {

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  if (text.empty()) {
    return std::nullopt;
  }
  double total_ms = 0;
  std::size_t i = 0;
  bool bare = true;
  while (i < text.size()) {
    std::size_t j = i;
    while (j < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[j])) != 0 || text[j] == '.')) {
      ++j;
    }
    if (j == i) {
      return std::nullopt;
    }
    double value = 0;
    const auto [ptr, ec] = std::from_chars(text.data() + i, text.data() + j, value);
    if (ec != std::errc() || ptr != text.data() + j) {
      return std::nullopt;
    }
    std::size_t k = j;
    while (k < text.size() && std::isalpha(static_cast<unsigned char>(text[k])) != 0) {
      ++k;
    }
    const auto unit = text.substr(j, k - j);
    double scale = 0;
    if (unit.empty()) {
      if (!bare || k != text.size()) {
        return std::nullopt;
      }
      scale = 1000;
    } else if (unit == "ms") {
      scale = 1;
    } else if (unit == "s") {
      scale = 1000;
    } else if (unit == "m") {
      scale = 60000;
    } else if (unit == "h") {
      scale = 3600000;
    } else if (unit == "d") {
      scale = 86400000;
    } else {
      return std::nullopt;
    }
    bare = false;
    total_ms += value * scale;
    i = k;
  }
  // Beyond a century a duration is a typo, and `now + it` would overflow a steady_clock
  // time point (nanoseconds in 64 bits last ~292 years).
  constexpr double kMaxMs = 36500.0 * 86400000.0;
  if (!(total_ms <= kMaxMs)) {
    return std::nullopt;
  }
  return std::chrono::milliseconds(static_cast<long long>(std::llround(total_ms)));
}

std::optional<double> parse_iso8601(std::string_view text) {
  // One ISO 8601 reader for the project: Joda's grammar (core/util/iso_datetime.h), which
  // covers what Marathon and Chronos write.
  const auto parsed = parse_iso_datetime(text);
  if (!parsed) {
    return std::nullopt;
  }
  return static_cast<double>(parsed->utc_ms()) / 1000.0;
}

std::string format_age(double seconds) {
  if (!(seconds > 0)) {
    return "";
  }
  const auto s = static_cast<long long>(seconds);
  if (s < 120) {
    return std::to_string(s) + "s";
  }
  constexpr long long kHour = 3600;
  constexpr long long kDay = 24 * kHour;
  constexpr long long kYear = 365 * kDay;
  if (s < 2 * kHour) {
    return std::to_string(s / 60) + "m";
  }
  if (s < 2 * kDay) {
    return std::to_string(s / kHour) + "h";
  }
  if (s < 2 * kYear) {
    return std::to_string(s / kDay) + "d";
  }
  return std::to_string(s / kYear) + "y";
}

std::string format_utc(double seconds, const char* format) {
  const auto t = static_cast<std::time_t>(std::floor(seconds));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  const auto n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

std::string format_millis(std::chrono::milliseconds d) {
  return d.count() % 1000 == 0 ? std::to_string(d.count() / 1000) + "s"
                               : std::to_string(d.count()) + "ms";
}

}  // namespace qctl::util
