// Small string helpers shared across core and cmd.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qctl::util {

[[nodiscard]] bool iequals(std::string_view a, std::string_view b);
[[nodiscard]] std::string to_lower(std::string_view s);
[[nodiscard]] std::string to_upper(std::string_view s);
[[nodiscard]] std::string_view trim(std::string_view s);
/// Splits on `sep`; empty pieces are kept unless `skip_empty`.
[[nodiscard]] std::vector<std::string> split(std::string_view s, char sep, bool skip_empty = false);
[[nodiscard]] std::string join(const std::vector<std::string>& parts, std::string_view sep);
[[nodiscard]] bool starts_with(std::string_view s, std::string_view prefix);
/// First line of `s`, trimmed (servers that answer with stack traces).
[[nodiscard]] std::string first_line(std::string_view s);
/// Shell-style glob with `*` and `?`.
[[nodiscard]] bool glob_match(std::string_view pattern, std::string_view text);
/// Whether `pattern` has glob_match's wildcards ('*' or '?') rather than naming one thing.
[[nodiscard]] inline bool is_glob(std::string_view pattern) {
  return pattern.find_first_of("*?") != std::string_view::npos;
}
/// Fixed-point formatting without trailing zeros: 2.50 -> "2.5", 3.0 -> "3".
[[nodiscard]] std::string format_number(double v, int max_decimals = 2);
/// Levenshtein distance, for "did you mean" suggestions.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace qctl::util
