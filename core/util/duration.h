// Durations as users type them ("500ms", "30s", "5m", "2h", "7d") and ages as tables show them.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace qctl::util {

/// Parses "500ms", "30s", "5m", "2h", "7d", combinations like "1h30m", or a bare number of
/// seconds. nullopt when malformed, negative, or longer than 100 years (36500d).
[[nodiscard]] std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

/// Seconds since the epoch of an ISO 8601 UTC timestamp as Marathon and Chronos write them
/// ("2024-05-30T09:12:44.101Z", "2014-03-08T16:57:17Z", offsets like "+08:00" too).
[[nodiscard]] std::optional<double> parse_iso8601(std::string_view text);

/// A time as UTC text, "2024-05-30T09:12:44Z" by default (strftime `format`, seconds floored).
[[nodiscard]] std::string format_utc(double seconds, const char* format = "%Y-%m-%dT%H:%M:%SZ");

/// A duration as the flags take it: "5s" for whole seconds, else "500ms".
[[nodiscard]] std::string format_millis(std::chrono::milliseconds d);

/// kubectl-style age: "45s", "12m", "3h", "5d", "2y"; "" for a zero or future start.
[[nodiscard]] std::string format_age(double seconds);

}  // namespace qctl::util
