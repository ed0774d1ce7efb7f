// Small ISO 8601 readers shared by the instant, zone and period parsers.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace qctl::sandbox::chronos::detail {

/// a / b rounded towards negative infinity (b != 0).
inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

/// Reads exactly `n` digits at `pos` (advancing it); nullopt when they are not there.
std::optional<std::int64_t> digits(std::string_view s, std::size_t& pos, std::size_t n);
/// True when s[pos] is `c`.
bool at(std::string_view s, std::size_t pos, char c);
/// Reads "Z", "+08", "+0800" or "+08:00" at `pos`; the offset in seconds.
std::optional<int> parse_offset(std::string_view s, std::size_t& pos);

}  // namespace qctl::sandbox::chronos::detail
