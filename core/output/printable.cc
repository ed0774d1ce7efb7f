#include "core/output/printable.h"

#include <cstdio>

namespace qctl::output {

namespace {

bool is_c0(unsigned char c) { return c < 0x20 || c == 0x7f; }

// The second byte of a UTF-8 C1 code point: U+0080..U+009F are 0xC2 0x80..0x9F.
bool is_c1_at(std::string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i]) == 0xc2 && i + 1 < s.size() &&
         static_cast<unsigned char>(s[i + 1]) >= 0x80 && static_cast<unsigned char>(s[i + 1]) <= 0x9f;
}

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '\n':
      out += "\\n";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\r':
      out += "\\r";
      return;
    case 0x1b:
      out += "\\e";
      return;
    default: {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
}

}  // namespace

std::string printable(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && !is_c0(static_cast<unsigned char>(s[i])) && !is_c1_at(s, i)) {
    ++i;
  }
  std::string out(s.substr(0, i));
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (is_c0(c)) {
      append_escape(out, c);
    } else if (is_c1_at(s, i)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u00%02x", static_cast<unsigned char>(s[i + 1]));
      out += buf;
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string printable_lines(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  for (auto end = s.find('\n'); end != std::string_view::npos; end = s.find('\n', start)) {
    out += printable(s.substr(start, end - start)) + "\n";
    start = end + 1;
  }
  return out + printable(s.substr(start));
}

}  // namespace qctl::output
