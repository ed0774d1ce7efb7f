// ISO 8601 instants, periods and zones with Joda-Time's reading and printing rules.
#include "sandbox/chronos/iso_time.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace qctl::sandbox::chronos {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) {
  y -= m <= 2;
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  std::int64_t y, m, d;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2), m, d};
}

std::int64_t days_in_month(std::int64_t y, std::int64_t m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at `pos`.
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

// "Z" | ±HH[[:]mm]; the offset in seconds.
std::optional<int> parse_offset(std::string_view s, std::size_t& pos) {
  if (at(s, pos, 'Z')) {
    ++pos;
    return 0;
  }
  if (!at(s, pos, '+') && !at(s, pos, '-')) {
    return std::nullopt;
  }
  const int sign = s[pos++] == '-' ? -1 : 1;
  auto h = digits(s, pos, 2);
  std::int64_t m = 0;
  if (at(s, pos, ':')) {
    ++pos;
  }
  if (pos < s.size()) {
    auto mm = digits(s, pos, 2);
    if (!mm) {
      return std::nullopt;
    }
    m = *mm;
  }
  if (!h || *h > 23 || m > 59) {
    return std::nullopt;
  }
  return sign * static_cast<int>(*h * 3600 + m * 60);
}

struct Fields {
  std::int64_t y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0, ms = 0;
};

// hh[:mm[:ss[.fff]]] after the 'T'.
bool parse_time(std::string_view s, std::size_t& pos, Fields& f) {
  auto h = digits(s, pos, 2);
  if (!h || *h > 23) {
    return false;
  }
  f.h = *h;
  if (!at(s, pos, ':')) {
    return true;
  }
  ++pos;
  auto mi = digits(s, pos, 2);
  if (!mi || *mi > 59) {
    return false;
  }
  f.mi = *mi;
  if (!at(s, pos, ':')) {
    return true;
  }
  ++pos;
  auto sec = digits(s, pos, 2);
  if (!sec || *sec > 59) {
    return false;
  }
  f.s = *sec;
  if (at(s, pos, '.') || at(s, pos, ',')) {
    ++pos;
    std::size_t n = 0;
    std::int64_t frac = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (n < 3) {
        frac = frac * 10 + (s[pos] - '0');
      }
      ++n;
      ++pos;
    }
    if (n == 0) {
      return false;
    }
    for (std::size_t i = n; i < 3; ++i) {
      frac *= 10;
    }
    f.ms = frac;
  }
  return true;
}

std::uint32_t be32(const std::string& b, std::size_t p) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[p])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[p + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[p + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[p + 3]));
}

std::int64_t be64(const std::string& b, std::size_t p) {
  return static_cast<std::int64_t>((static_cast<std::uint64_t>(be32(b, p)) << 32) | be32(b, p + 4));
}

}  // namespace

Zone Zone::fixed(int offset_seconds) {
  Zone z;
  z.fixed_ = offset_seconds;
  return z;
}

Zone Zone::named(const std::string& name) {
  if (name == "UTC" || name == "GMT" || name.empty()) {
    return {};
  }
  if (name.rfind("GMT", 0) == 0) {  // Java's custom ids: GMT+8, GMT-05:30, GMT+0530
    std::string rest = name.substr(3);
    std::size_t pos = 0;
    if (rest.size() == 2 || (rest.size() > 2 && rest[2] != ':' && rest.size() != 5)) {
      rest.insert(1, "0");  // GMT+8 -> +08
    }
    auto off = parse_offset(rest, pos);
    return off && pos == rest.size() ? fixed(*off) : Zone{};
  }
  if (name.find("..") != std::string::npos ||
      name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+-/") !=
          std::string::npos) {
    return {};
  }
  std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
  const std::string b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (b.size() < 44 || b.compare(0, 4, "TZif") != 0) {
    return {};
  }
  // Version 2+ files repeat the data with 64-bit times after the 32-bit block; prefer those.
  std::size_t base = 0;
  std::size_t time_size = 4;
  if (b[4] >= '2') {
    base = 44 + be32(b, 32) * 5 + be32(b, 36) * 6 + be32(b, 40) + be32(b, 28) * 8 + be32(b, 24) +
           be32(b, 20);
    time_size = 8;
    if (b.size() < base + 44 || b.compare(base, 4, "TZif") != 0) {
      return {};
    }
  }
  const std::size_t leap = be32(b, base + 28), timecnt = be32(b, base + 32), typecnt = be32(b, base + 36);
  const std::size_t times = base + 44, idx = times + timecnt * time_size, types = idx + timecnt;
  if (typecnt == 0 || b.size() < types + typecnt * 6 || leap > 1000) {
    return {};
  }
  auto table = std::make_shared<Table>();
  auto type_offset = [&](std::size_t i) { return static_cast<int>(static_cast<std::int32_t>(be32(b, types + i * 6))); };
  table->initial = type_offset(0);
  for (std::size_t i = 0; i < timecnt; ++i) {
    const std::size_t type = static_cast<unsigned char>(b[idx + i]);
    table->at.push_back(time_size == 8 ? be64(b, times + i * 8)
                                       : static_cast<std::int32_t>(be32(b, times + i * 4)));
    table->offset.push_back(type < typecnt ? type_offset(type) : table->initial);
  }
  Zone z;
  z.table_ = std::move(table);
  return z;
}

int Zone::offset_at(std::int64_t utc_ms) const {
  if (!table_) {
    return fixed_;
  }
  const std::int64_t sec = floor_div(utc_ms, 1000);
  auto it = std::upper_bound(table_->at.begin(), table_->at.end(), sec);
  if (it == table_->at.begin()) {
    return table_->initial;
  }
  return table_->offset[static_cast<std::size_t>(it - table_->at.begin() - 1)];
}

std::int64_t Zone::to_utc(std::int64_t local_ms) const {
  const std::int64_t guess = local_ms - std::int64_t{offset_at(local_ms)} * 1000;
  return local_ms - std::int64_t{offset_at(guess)} * 1000;
}

std::optional<DateTime> parse_datetime(std::string_view s) {
  Fields f;
  std::size_t pos = 0;
  auto y = digits(s, pos, 4);
  if (!y) {
    return std::nullopt;
  }
  f.y = *y;
  if (at(s, pos, '-')) {
    ++pos;
    auto mo = digits(s, pos, 2);
    if (!mo || *mo < 1 || *mo > 12) {
      return std::nullopt;
    }
    f.mo = *mo;
    if (at(s, pos, '-')) {
      ++pos;
      auto d = digits(s, pos, 2);
      if (!d || *d < 1 || *d > days_in_month(f.y, f.mo)) {
        return std::nullopt;
      }
      f.d = *d;
    }
  }
  int offset = 0;
  if (at(s, pos, 'T')) {
    ++pos;
    if (!parse_time(s, pos, f)) {
      return std::nullopt;
    }
    if (pos < s.size()) {
      auto off = parse_offset(s, pos);
      if (!off) {
        return std::nullopt;
      }
      offset = *off;
    }
  }
  if (pos != s.size()) {
    return std::nullopt;
  }
  const std::int64_t local = days_from_civil(f.y, f.mo, f.d) * kDayMs +
                             ((f.h * 60 + f.mi) * 60 + f.s) * 1000 + f.ms;
  return DateTime{local - std::int64_t{offset} * 1000, Zone::fixed(offset)};
}

std::string format_datetime(const DateTime& t) {
  const int off = t.zone.offset_at(t.ms);
  const std::int64_t local = t.ms + std::int64_t{off} * 1000;
  const std::int64_t day = floor_div(local, kDayMs);
  const std::int64_t in_day = local - day * kDayMs;
  const Civil c = civil_from_days(day);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lld",
                static_cast<long long>(c.y), static_cast<long long>(c.m),
                static_cast<long long>(c.d), static_cast<long long>(in_day / 3'600'000),
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

DateTime plus(const DateTime& start, const Period& p, std::int64_t times) {
  std::int64_t ms = start.ms;
  if (p.years != 0 || p.months != 0 || p.weeks != 0 || p.days != 0) {
    const std::int64_t local = ms + std::int64_t{start.zone.offset_at(ms)} * 1000;
    const std::int64_t day = floor_div(local, kDayMs);
    const std::int64_t in_day = local - day * kDayMs;
    const Civil c = civil_from_days(day);
    const std::int64_t month_index = c.y * 12 + (c.m - 1) + (p.years * 12 + p.months) * times;
    const std::int64_t y = floor_div(month_index, 12);
    const std::int64_t m = month_index - y * 12 + 1;
    const std::int64_t d = std::min(c.d, days_in_month(y, m));
    const std::int64_t new_day = days_from_civil(y, m, d) + (p.weeks * 7 + p.days) * times;
    ms = start.zone.to_utc(new_day * kDayMs + in_day);
  }
  ms += (((p.hours * 60 + p.minutes) * 60 + p.seconds) * 1000 + p.millis) * times;
  return DateTime{ms, start.zone};
}

}  // namespace qctl::sandbox::chronos
