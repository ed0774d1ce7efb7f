// Nagios threshold ranges ("10", "10:", "~:10", "10:20", "@10:20") as plugins take them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace qctl::health {

/// A parsed range. Without '@' a value alerts when it lies OUTSIDE [start, end]; with '@'
/// when it lies INSIDE. An empty range never alerts.
struct Range {
  std::string text;  // as given, for perfdata and messages
  double start = 0;
  double end = 0;
  bool start_infinite = false;  // "~:"
  bool end_infinite = false;    // "10:"
  bool inside = false;          // "@"

  [[nodiscard]] bool empty() const { return text.empty(); }
  /// True when `value` should raise the alert this range stands for.
  [[nodiscard]] bool alerts(double value) const;
};

/// Parses the Nagios plugin guidelines' range syntax; "" is the empty range. nullopt (with
/// `error` set) for anything else, including a start above the end.
[[nodiscard]] std::optional<Range> parse_range(std::string_view text, std::string& error);

}  // namespace qctl::health
