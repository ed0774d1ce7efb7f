#include "core/util/time_zone.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>

#include "core/util/civil_date.h"

namespace qctl::util {

namespace {

std::uint32_t be32(const std::string& b, std::size_t p) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[p])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[p + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[p + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[p + 3]));
}

std::int64_t be64(const std::string& b, std::size_t p) {
  return static_cast<std::int64_t>((static_cast<std::uint64_t>(be32(b, p)) << 32) | be32(b, p + 4));
}

// Java's custom ids after "GMT": "+08", "+0800", "+08:00" (sign, hours, optional minutes).
std::optional<int> parse_gmt_offset(std::string_view s) {
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) {
    return std::nullopt;
  }
  auto two = [&](std::size_t p) -> std::optional<int> {
    if (p + 2 > s.size() || s[p] < '0' || s[p] > '9' || s[p + 1] < '0' || s[p + 1] > '9') {
      return std::nullopt;
    }
    return (s[p] - '0') * 10 + (s[p + 1] - '0');
  };
  const auto h = two(1);
  std::size_t pos = 3;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
  }
  std::optional<int> m = 0;
  if (pos < s.size()) {
    m = two(pos);
    pos += 2;
  }
  if (!h || !m || pos != s.size() || *h > 23 || *m > 59) {
    return std::nullopt;
  }
  return (s[0] == '-' ? -1 : 1) * (*h * 3600 + *m * 60);
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
    if (rest.size() == 2 || (rest.size() > 2 && rest[2] != ':' && rest.size() != 5)) {
      rest.insert(1, "0");  // GMT+8 -> +08
    }
    const auto off = parse_gmt_offset(rest);
    return off ? fixed(*off) : Zone{};
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

}  // namespace qctl::util
