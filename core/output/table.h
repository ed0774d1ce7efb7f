// kubectl-style tables: UPPERCASE headers, columns padded with three spaces, no truncation.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace qctl::output {

struct Column {
  std::string header;
  bool wide_only = false;  // shown only with -o wide
  bool align_right = false;
};

class Table {
 public:
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
  /// Adds a row; empty cells print as "<none>", control characters as visible escapes
  /// (printable()). The row must have one cell per column.
  void add(std::vector<std::string> cells);
  /// Writes the table; `wide` shows wide-only columns, `headers` the header line.
  void print(std::ostream& out, bool wide, bool headers) const;
  [[nodiscard]] std::size_t size() const { return rows_.size(); }

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

/// Visible width of a UTF-8 string (code points; ANSI colour escapes count as zero).
[[nodiscard]] std::size_t display_width(const std::string& s);

}  // namespace qctl::output
