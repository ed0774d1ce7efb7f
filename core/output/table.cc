#include "core/output/table.h"

#include <algorithm>
#include <cctype>
#include <ostream>

#include "core/output/printable.h"

namespace qctl::output {

std::size_t display_width(const std::string& s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0x1b) {  // skip an ANSI escape up to its final letter
      while (i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) == 0)) {
        ++i;
      }
      continue;
    }
    if ((c & 0xC0) != 0x80) {
      ++width;
    }
  }
  return width;
}

void Table::add(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  for (auto& cell : cells) {
    if (cell.empty()) {
      cell = "<none>";
    } else {
      cell = printable(cell);
    }
  }
  rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out, bool wide, bool headers) const {
  std::vector<std::size_t> shown;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (wide || !columns_[i].wide_only) {
      shown.push_back(i);
    }
  }
  std::vector<std::size_t> widths(columns_.size(), 0);
  for (auto i : shown) {
    if (headers) {
      widths[i] = display_width(columns_[i].header);
    }
    for (const auto& row : rows_) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  }
  auto line = [&](auto cell_of) {
    std::string text;
    for (std::size_t k = 0; k < shown.size(); ++k) {
      const auto i = shown[k];
      const std::string& cell = cell_of(i);
      const auto pad = widths[i] - display_width(cell);
      const bool last = k + 1 == shown.size();
      if (columns_[i].align_right) {
        text.append(pad, ' ');
        text += cell;
      } else {
        text += cell;
        if (!last) {
          text.append(pad, ' ');
        }
      }
      if (!last) {
        text += "   ";
      }
    }
    out << text << '\n';
  };
  if (headers) {
    line([&](std::size_t i) -> const std::string& { return columns_[i].header; });
  }
  for (const auto& row : rows_) {
    line([&](std::size_t i) -> const std::string& { return row[i]; });
  }
}

}  // namespace qctl::output
