#include "core/health/range.h"

#include <charconv>
#include <cmath>

namespace qctl::health {

namespace {

std::optional<double> number(std::string_view s) {
  if (s.empty()) {
    return std::nullopt;
  }
  if (s.front() == '+') {
    s.remove_prefix(1);
  }
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

}  // namespace

bool Range::alerts(double value) const {
  if (empty()) {
    return false;
  }
  const bool within = (start_infinite || value >= start) && (end_infinite || value <= end);
  return inside ? within : !within;
}

std::optional<Range> parse_range(std::string_view text, std::string& error) {
  Range r;
  r.text = std::string(text);
  if (text.empty()) {
    return r;
  }
  const auto not_a_range = [&] {
    error = "'" + r.text + "' is not a Nagios range (e.g. 10, 10:, ~:10, 10:20, @10:20)";
    return std::nullopt;
  };
  std::string_view s = text;
  if (s.front() == '@') {
    r.inside = true;
    s.remove_prefix(1);
  }
  const auto colon = s.find(':');
  std::string_view low =
      colon == std::string_view::npos ? std::string_view("0") : s.substr(0, colon);
  std::string_view high = colon == std::string_view::npos ? s : s.substr(colon + 1);
  if (colon != std::string_view::npos && low.empty() && high.empty()) {
    return not_a_range();
  }
  if (low == "~") {
    r.start_infinite = true;
  } else if (low.empty()) {
    r.start = 0;
  } else if (auto v = number(low)) {
    r.start = *v;
  } else {
    return not_a_range();
  }
  if (high.empty() && colon != std::string_view::npos) {
    r.end_infinite = true;
  } else if (auto v = number(high)) {
    r.end = *v;
  } else {
    return not_a_range();
  }
  if (!r.start_infinite && !r.end_infinite && r.start > r.end) {
    error = "'" + std::string(text) + "': the start is above the end";
    return std::nullopt;
  }
  return r;
}

}  // namespace qctl::health
