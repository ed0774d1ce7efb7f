// Small ISO 8601 readers shared by the instant and period parsers.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/util/civil_date.h"

namespace qctl::sandbox::chronos::detail {

using util::floor_div;  // core/util/civil_date.h

/// Reads exactly `n` digits at `pos` (advancing it); nullopt when they are not there.
std::optional<std::int64_t> digits(std::string_view s, std::size_t& pos, std::size_t n);
/// True when s[pos] is `c`.
bool at(std::string_view s, std::size_t pos, char c);

}  // namespace qctl::sandbox::chronos::detail
