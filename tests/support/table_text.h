// Reading qctl's table output in tests: rows by their first column.
#pragma once

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>

namespace qctl::testing {

/// Number of lines in `s` (rows of a table printed with or without headers).
inline std::size_t line_count(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

/// The line of `table` that starts with `name` and a space ("" when none does).
inline std::string row_of(const std::string& table, const std::string& name) {
  std::istringstream in(table);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(name + " ", 0) == 0) {
      return line;
    }
  }
  return "";
}

}  // namespace qctl::testing
